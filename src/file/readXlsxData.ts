/**
 * Reads only the plain {@link WorkbookData} of an .xlsx file for `balans report`: each sheet's
 * XML is streamed through ExcelJS's sheet reader, and no workbook model is built, so a large file
 * needs less time and memory than {@link readXlsx}. Node only (the command line); `apply` and the
 * preview use readXlsx, which keeps the model to write back.
 *
 * ExcelJS's WorkbookReader, run over the whole package, drops zip entries at random (seen here:
 * the workbook part), so the package is opened with JSZip and the reader is only handed the
 * parts one by one: shared strings, styles (which numbers are dates), then each sheet.
 */
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { SUMMARY_SHEET_NAME } from "../domain";
import type { SheetData, WorkbookData } from "../domain/types";
import { decodeOoxmlText } from "./ooxmlText";
import { assertWorkbookPackage, parseAttributes, parseRange, plainValue, SheetDataBuilder, worksheetParts, type CellRange } from "./readXlsx";

/** The parts of ExcelJS's streaming WorkbookReader used here (not in its typings). */
interface ReaderInternals {
  workbookRels: unknown[];
  model: { sheets: unknown[] };
  properties: { model: { date1904: boolean } };
  _parseSharedStrings(stream: NodeJS.ReadableStream): AsyncIterable<unknown>;
  _parseStyles(stream: NodeJS.ReadableStream): Promise<void>;
  _parseWorksheet(stream: AsyncIterable<string>, sheetNo: string): Iterable<{ eventType: string; value: AsyncIterable<ExcelJS.Row> }>;
}

interface TablePart {
  name: string;
  range: CellRange;
  headerRow: boolean;
  totalsRow: boolean;
}

export async function readXlsxData(data: Uint8Array): Promise<WorkbookData> {
  const zip = await JSZip.loadAsync(data);
  assertWorkbookPackage(zip);
  const parts = await worksheetParts(zip);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "cache",
    worksheets: "emit",
    entries: "ignore",
  }) as unknown as ReaderInternals;
  // Sheet names and order come from workbook.xml via worksheetParts, not from the reader.
  reader.workbookRels = [];
  reader.model = { sheets: [] };
  // Dates count from 1904 in workbooks saved with that option (old Mac Excel).
  const workbookPr = /<(?:\w+:)?workbookPr\b[^>]*>/u.exec((await zip.file("xl/workbook.xml")?.async("string")) ?? "")?.[0];
  const date1904 = workbookPr !== undefined && ["1", "true"].includes(parseAttributes(workbookPr).date1904 ?? "");
  reader.properties = { model: { date1904 } };
  // Text, decoded across chunk boundaries: ExcelJS's parser would otherwise decode each chunk on
  // its own and break a character whose bytes fall in two chunks (e.g. the no-break space in
  // "74 432 kr").
  const stream = (path: string): PassThrough | null => {
    const file = zip.file(path);
    if (file === null) return null;
    // A Node stream of today (JSZip's is an old one, not async-iterable), decoding UTF-8.
    const out = new PassThrough();
    file.nodeStream("nodebuffer").on("error", (e: Error) => out.destroy(e)).pipe(out);
    out.setEncoding("utf8");
    return out;
  };

  const shared = stream("xl/sharedStrings.xml");
  if (shared !== null) {
    const tail = { text: "" };
    for await (const _ of reader._parseSharedStrings(Readable.from(tracked(shared, tail)))) void _;
    assertComplete(tail, "sst", "xl/sharedStrings.xml");
  }
  const styles = stream("xl/styles.xml");
  if (styles !== null) await reader._parseStyles(styles);

  const sheets: SheetData[] = [];
  let n = 0;
  for (const [name, part] of parts) {
    n++;
    // Chart sheets and dialog sheets hold no cells (the full read leaves them out too).
    if (name === SUMMARY_SHEET_NAME || !/(?:^|\/)worksheets\//u.test(part)) continue;
    const builder = new SheetDataBuilder(name);
    const xml = stream(part);
    if (xml !== null) {
      const tail = { text: "" };
      for (const event of reader._parseWorksheet(tracked(xml, tail), String(n))) {
        if (event.eventType !== "worksheet") continue;
        for await (const row of event.value) {
          row.eachCell({ includeEmpty: false }, (cell, col) => {
            const value = plainValue(cell.value);
            // The full reader decodes Excel's _xHHHH_ escapes; the sheet reader leaves them.
            builder.cell(row.number, col, typeof value === "string" ? decodeOoxmlText(value) : value);
          });
        }
      }
      assertComplete(tail, "worksheet", `bladet "${name}"`);
    }
    for (const t of await tablesOf(zip, part)) if (t.headerRow) builder.table(t.name, t.range, t.totalsRow);
    sheets.push(builder.build());
  }
  return { sheets };
}

/** The stream's text as it passes, remembering its last characters. */
async function* tracked(stream: AsyncIterable<unknown>, tail: { text: string }): AsyncIterable<string> {
  for await (const chunk of stream) {
    const text = String(chunk);
    tail.text = (tail.text + text).slice(-200);
    yield text;
  }
}

/** The streaming parser accepts a cut-off part without a word: check that the root element closed. */
function assertComplete(tail: { text: string }, root: string, what: string): void {
  if (!new RegExp(`</(?:\\w+:)?${root}>\\s*$`, "u").test(tail.text)) {
    throw new Error(`${what} är ofullständigt i paketet (XML-texten tar slut för tidigt)`);
  }
}

/** A sheet's tables, from the table parts its relationships name. */
async function tablesOf(zip: JSZip, part: string): Promise<TablePart[]> {
  const slash = part.lastIndexOf("/");
  const rels = await zip.file(`${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`)?.async("string");
  if (rels === undefined) return [];
  const list: TablePart[] = [];
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/gu)) {
    const a = parseAttributes(m[0]);
    if (a.Target === undefined || !(a.Type ?? "").endsWith("/table")) continue;
    const path = a.Target.startsWith("/") ? a.Target.slice(1) : resolvePath(part.slice(0, slash), a.Target);
    const xml = await zip.file(path)?.async("string");
    const tag = xml === undefined ? undefined : /<(?:\w+:)?table\b[^>]*>/u.exec(xml)?.[0];
    if (tag === undefined) continue;
    const t = parseAttributes(tag);
    const range = t.ref === undefined ? null : parseRange(t.ref);
    if (range === null) continue;
    list.push({
      name: t.name ?? t.displayName ?? "",
      range,
      headerRow: t.headerRowCount === undefined || t.headerRowCount !== "0",
      totalsRow: t.totalsRowCount !== undefined && t.totalsRowCount !== "0",
    });
  }
  return list;
}

/** "xl/worksheets" + "../tables/table1.xml" → "xl/tables/table1.xml". */
function resolvePath(dir: string, target: string): string {
  const segments = dir.split("/");
  for (const s of target.split("/")) {
    if (s === "..") segments.pop();
    else if (s !== ".") segments.push(s);
  }
  return segments.join("/");
}
