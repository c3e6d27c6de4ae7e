/**
 * Reads an .xlsx file into an ExcelJS workbook (to write back later) and into the plain
 * {@link WorkbookData} the engine analyses. No file system: the browser preview reuses it.
 *
 * ExcelJS 4.4 misreads a few things that Excel writes; left alone, saving the workbook again
 * would damage the user's tables and links. They are repaired here from the package itself:
 * - a table without `headerRowCount` (Excel's default: one header row) is read as headerless
 *   and would be saved with `headerRowCount="0"`;
 * - a table's filter buttons are read from `filterColumn` elements only, which Excel writes only
 *   for filtered or hidden buttons, so every button would be saved hidden;
 * - a link to a place in the workbook (`<hyperlink location=…>` without `r:id`) is dropped;
 * - a table without `<tableStyleInfo>` (as LibreOffice writes them) cannot be saved at all.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { SUMMARY_SHEET_NAME } from "../domain";
import { columnLetter, columnNumber } from "../domain/columnLetter";
import type { CellValue, SheetData, SheetTable, WorkbookData } from "../domain/types";
import { readWorkbookData } from "./ooxml/readWorkbookData";

export interface ReadXlsxResult {
  workbook: ExcelJS.Workbook;
  data: WorkbookData;
  /** Parts of the file that ExcelJS cannot keep when the workbook is saved again (Swedish names). */
  unsupported: string[];
}

/** The parts of ExcelJS's table model that Balans reads and edits (its typings leave them out). */
export interface TableModel {
  name: string;
  displayName?: string;
  /** Top-left cell (tables made with `addTable`). */
  ref?: string;
  /** Whole table range, header and totals included. */
  tableRef?: string;
  autoFilterRef?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  /** `<tableStyleInfo>`; absent in tables some programs (LibreOffice) write. */
  style?: { theme?: string | null; showFirstColumn?: boolean; showLastColumn?: boolean; showRowStripes?: boolean; showColumnStripes?: boolean } | null;
  columns: TableColumnModel[];
}

export interface TableColumnModel {
  name: string;
  filterButton?: boolean;
  totalsRowLabel?: string;
  totalsRowFunction?: string;
}

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The tables on a worksheet, as ExcelJS's models (edits to them are saved). */
export function tableModels(ws: ExcelJS.Worksheet): TableModel[] {
  const tables = (ws as unknown as { tables?: Record<string, { model: TableModel }> }).tables ?? {};
  return Object.values(tables).map((t) => t.model);
}

/** Where a table sits, from its model. */
export function tableRange(model: TableModel): CellRange | null {
  const ref = model.tableRef ?? model.ref;
  if (ref === undefined) return null;
  const range = parseRange(ref);
  if (range === null) return null;
  if (model.tableRef === undefined) {
    // Only a top-left cell: the table is one header row high.
    range.right = range.left + model.columns.length - 1;
  }
  return range;
}

/** "A2:C10", "$A$2:$C$10" or "B4" → its rows and columns; null when it is not an A1 range. */
export function parseRange(ref: string): CellRange | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  const left = columnNumber(m[1]);
  const top = Number(m[2]);
  const right = m[3] === undefined ? left : columnNumber(m[3]);
  const bottom = m[4] === undefined ? top : Number(m[4]);
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

export function formatRange(r: CellRange): string {
  const a = `${columnLetter(r.left)}${r.top}`;
  const b = `${columnLetter(r.right)}${r.bottom}`;
  return a === b ? a : `${a}:${b}`;
}

export interface ReadXlsxOptions {
  /**
   * Restore the in-workbook links that ExcelJS drops on reading. Needed only when the workbook
   * is written back (apply, the preview); `report` skips it, which saves a second parse of
   * every sheet. @default true
   */
  keepLinks?: boolean;
}

/** Read an .xlsx file. Throws when the bytes are not an .xlsx workbook. */
export async function readXlsx(data: ArrayBuffer | Uint8Array, options: ReadXlsxOptions = {}): Promise<ReadXlsxResult> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  // The values come from the one streaming reader (ooxml/readWorkbookData), which also refuses
  // hostile packages before ExcelJS inflates anything: report, apply and the preview give one verdict.
  const values = readWorkbookData(bytes);
  const zip = await JSZip.loadAsync(bytes);
  assertWorkbookPackage(zip);
  const workbook = new ExcelJS.Workbook();
  // ExcelJS hands the bytes to JSZip, which takes a Uint8Array in Node and in browsers alike.
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  await repairTables(workbook, zip);
  if (options.keepLinks ?? true) await repairInternalLinks(workbook, zip);
  return { workbook, data: values, unsupported: await unsupportedParts(zip) };
}

/** Each worksheet's used range as values plus its Excel tables; the owned summary sheet left out. */
export function toWorkbookData(wb: ExcelJS.Workbook): WorkbookData {
  const sheets: SheetData[] = [];
  wb.eachSheet((ws) => {
    if (ws.name === SUMMARY_SHEET_NAME) return;
    sheets.push(toSheetData(ws));
  });
  return { sheets };
}

function toSheetData(ws: ExcelJS.Worksheet): SheetData {
  const builder = new SheetDataBuilder(ws.name);
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => builder.cell(rowNumber, colNumber, toCellValue(cell)));
  });
  for (const model of tableModels(ws)) {
    const range = tableRange(model);
    // A table without a header row cannot be recognised by its headers: leave it out.
    if (range === null || model.headerRow === false) continue;
    builder.table(model.name, range, model.totalsRow === true);
  }
  return builder.build();
}

/** Collects one sheet's non-empty cells and its tables into {@link SheetData}. */
export class SheetDataBuilder {
  // One sparse array per non-empty row (columns as indexes): no object per cell.
  private readonly sparse = new Map<number, CellValue[]>();
  private readonly tables: SheetTable[] = [];
  private top = Infinity;
  private left = Infinity;
  private bottom = -Infinity;
  private right = -Infinity;

  constructor(private readonly name: string) {}

  cell(row: number, col: number, value: CellValue): void {
    if (value === null) return;
    let cells = this.sparse.get(row);
    if (cells === undefined) {
      cells = [];
      this.sparse.set(row, cells);
    }
    cells[col] = value;
    this.include(row, col, row, col);
  }

  table(name: string, range: CellRange, totalsRow: boolean): void {
    this.include(range.top, range.left, range.bottom, range.right);
    this.tables.push({
      name,
      headerRow: range.top,
      firstColumn: range.left,
      rowCount: Math.max(0, range.bottom - range.top - (totalsRow ? 1 : 0)),
      columnCount: range.right - range.left + 1,
    });
  }

  build(): SheetData {
    const { top, left, bottom, right, tables, name } = this;
    if (top === Infinity) return { name, top: 1, left: 1, values: [], tables };
    const width = right - left + 1;
    const values: CellValue[][] = [];
    for (let r = top; r <= bottom; r++) {
      const row = new Array<CellValue>(width).fill(null);
      const cells = this.sparse.get(r);
      if (cells !== undefined) cells.forEach((v, c) => (row[c - left] = v));
      values.push(row);
    }
    return { name, top, left, values, tables };
  }

  private include(top: number, left: number, bottom: number, right: number): void {
    if (top < this.top) this.top = top;
    if (left < this.left) this.left = left;
    if (bottom > this.bottom) this.bottom = bottom;
    if (right > this.right) this.right = right;
  }
}

/** One cell as the engine sees it. */
export function toCellValue(cell: ExcelJS.Cell): CellValue {
  // Merged cells: the value lives at the master cell only.
  if (cell.isMerged && cell.master.address !== cell.address) return null;
  return plainValue(cell.value);
}

/** Throws when a zip package holds no Excel workbook (e.g. a .docx renamed to .xlsx). */
export function assertWorkbookPackage(zip: JSZip): void {
  if (zip.file("xl/workbook.xml") === null) {
    throw new Error("paketet innehåller ingen Excel-arbetsbok (xl/workbook.xml saknas; är det t.ex. en .docx?)");
  }
}

/** A cell value as ExcelJS gives it → the engine's CellValue. */
export function plainValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return dateValue(value);
  if (typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  if (typeof v.error === "string") return { error: v.error };
  if ("formula" in v || "sharedFormula" in v) return plainValue(v.result);
  if (Array.isArray(v.richText)) return richTextOf(v.richText);
  if ("hyperlink" in v) return textOf(v.text);
  return null;
}

/** ExcelJS turns date-formatted numbers into Dates at midnight UTC. */
function dateValue(d: Date): CellValue {
  const time = d.getTime();
  if (Number.isNaN(time)) return null;
  const iso = d.toISOString();
  // toISOString gives "+275760-…" style years outside 0000–9999: not a date Balans can use.
  return /^\d{4}-/.test(iso) ? { date: iso.slice(0, 10) } : null;
}

function richTextOf(parts: unknown[]): string {
  return parts
    .map((p) =>
      p && typeof p === "object" && typeof (p as { text?: unknown }).text === "string"
        ? (p as { text: string }).text
        : "",
    )
    .join("");
}

function textOf(text: unknown): string | null {
  if (typeof text === "string") return text;
  if (typeof text === "number") return String(text);
  if (text && typeof text === "object" && Array.isArray((text as { richText?: unknown }).richText)) {
    return richTextOf((text as { richText: unknown[] }).richText);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Repairs from the package (see the file comment).

/** Attributes of one XML start tag, unescaped. */
export function parseAttributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([A-Za-z_][\w:.-]*)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    const name = m[1];
    if (name !== undefined) out[name] = unescapeXml(m[3] ?? m[4] ?? "");
  }
  return out;
}

export function unescapeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    switch (e) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "amp":
        return "&";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default:
        return String.fromCodePoint(e.startsWith("#x") ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}

const isTrue = (v: string | undefined) => v === "1" || v === "true";
const isFalse = (v: string | undefined) => v === "0" || v === "false";

async function repairTables(wb: ExcelJS.Workbook, zip: JSZip): Promise<void> {
  const byName = new Map<string, TableModel>();
  wb.eachSheet((ws) => tableModels(ws).forEach((m) => byName.set(m.name, m)));
  if (byName.size === 0) return;
  for (const model of byName.values()) {
    // No style given: save it as "no style" (a nameless tableStyleInfo), as Excel reads it.
    if (model.style === undefined || model.style === null) {
      model.style = { showFirstColumn: false, showLastColumn: false, showRowStripes: false, showColumnStripes: false };
    }
  }
  for (const file of zip.file(/^xl\/tables\/[^/]+\.xml$/)) {
    const xml = await file.async("string");
    const tableTag = /<(?:\w+:)?table\b[^>]*>/.exec(xml)?.[0];
    if (tableTag === undefined) continue;
    const attrs = parseAttributes(tableTag);
    const model = attrs.name === undefined ? undefined : byName.get(attrs.name);
    if (model === undefined) continue;
    // The default is one header row; only an explicit 0 means none.
    model.headerRow = attrs.headerRowCount === undefined || attrs.headerRowCount !== "0";
    const hasAutoFilter = /<(?:\w+:)?autoFilter\b/.test(xml);
    const hidden = new Set<number>();
    for (const m of xml.matchAll(/<(?:\w+:)?filterColumn\b[^>]*>/g)) {
      const a = parseAttributes(m[0]);
      if (isTrue(a.hiddenButton) || isFalse(a.showButton)) hidden.add(Number(a.colId));
    }
    model.columns.forEach((column, i) => {
      column.filterButton = hasAutoFilter && !hidden.has(i);
    });
    if (!hasAutoFilter) delete model.autoFilterRef;
  }
}

/** Worksheet name → its part name in the package ("xl/worksheets/sheet1.xml"). */
export async function worksheetParts(zip: JSZip): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const workbookXml = await zip.file("xl/workbook.xml")?.async("string");
  const relsXml = await zip.file("xl/_rels/workbook.xml.rels")?.async("string");
  if (workbookXml === undefined || relsXml === undefined) return out;
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const a = parseAttributes(m[0]);
    if (a.Id !== undefined && a.Target !== undefined) targets.set(a.Id, a.Target);
  }
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const a = parseAttributes(m[0]);
    const rid = a["r:id"] ?? Object.entries(a).find(([k]) => k.endsWith(":id"))?.[1];
    const target = rid === undefined ? undefined : targets.get(rid);
    if (a.name === undefined || target === undefined) continue;
    out.set(a.name, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  return out;
}

async function repairInternalLinks(wb: ExcelJS.Workbook, zip: JSZip): Promise<void> {
  const parts = await worksheetParts(zip);
  for (const [name, part] of parts) {
    const ws = wb.getWorksheet(name);
    const file = zip.file(part);
    if (ws === undefined || file === null) continue;
    const xml = await file.async("string");
    const start = xml.lastIndexOf("<hyperlinks>");
    if (start === -1) continue;
    const section = xml.slice(start, xml.indexOf("</hyperlinks>", start));
    for (const m of section.matchAll(/<hyperlink\b[^>]*>/g)) {
      const a = parseAttributes(m[0]);
      if (a.location === undefined || a.ref === undefined || Object.keys(a).some((k) => k.endsWith(":id"))) continue;
      const range = parseRange(a.ref);
      if (range === null) continue;
      for (let r = range.top; r <= range.bottom; r++) {
        for (let c = range.left; c <= range.right; c++) {
          const cell = ws.findCell(r, c);
          // Only text cells: turning a number into link text would change what the cell holds.
          if (cell === undefined || typeof cell.value !== "string") continue;
          const link: ExcelJS.CellHyperlinkValue = { text: cell.value, hyperlink: `#${a.location}` };
          if (a.tooltip !== undefined) link.tooltip = a.tooltip;
          cell.value = link;
        }
      }
    }
  }
}

const UNSUPPORTED_PARTS: [RegExp, string][] = [
  [/^xl\/charts\//, "diagram"],
  [/^xl\/pivotTables\//, "pivottabeller"],
  [/^xl\/slicers\//, "utsnitt"],
  [/^xl\/timelines\//, "tidslinjer"],
  [/^xl\/externalLinks\//, "länkar till andra arbetsböcker"],
  [/^xl\/vbaProject\.bin$/, "makron"],
  [/^xl\/threadedComments\//, "trådade kommentarer"],
];

async function unsupportedParts(zip: JSZip): Promise<string[]> {
  const found = new Set<string>();
  for (const name of Object.keys(zip.files)) {
    for (const [pattern, label] of UNSUPPORTED_PARTS) if (pattern.test(name)) found.add(label);
  }
  for (const file of zip.file(/^xl\/tables\/[^/]+\.xml$/)) {
    if ((await file.async("string")).includes("calculatedColumnFormula")) found.add("beräknade kolumner i tabeller");
  }
  return [...found];
}
