/**
 * Helpers for the file adapter tests: a workbook with a bit of everything a user might have,
 * real files in os.tmpdir(), access to the saved XML, and a full snapshot of workbook content
 * (values, formulas, styles, links, merges, widths, validations, tables) for comparisons.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { sampleWorkbook } from "../../../src/domain/sampleWorkbook";
import { KRONOR_FORMAT } from "../../../src/domain/template";
import { saveXlsx, writeTemplate } from "../../../src/file/writeTemplate";
import { parseRange, tableModels } from "../../../src/file/readXlsx";

export const NOTES_SHEET = "Ann's anteckningar";

let dir: string | null = null;

/** Write bytes to a new file under os.tmpdir() and read them back from disk. */
export function throughDisk(name: string, bytes: Uint8Array): Uint8Array {
  dir ??= mkdtempSync(join(tmpdir(), "balans-file-test-"));
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return new Uint8Array(readFileSync(path));
}

/** The sample workbook plus a sheet of formulas, dates, errors, links, merges and styles. */
export function richWorkbook(): ExcelJS.Workbook {
  const wb = writeTemplate(sampleWorkbook());
  const bal = wb.getWorksheet("Balanslista");
  if (!bal) throw new Error("no Balanslista sheet");
  bal.views = [{ state: "frozen", ySplit: 2 }];
  // A3 and I3 (the future status cell) share one style: Balans must not change A3 through I3.
  const shared: Partial<ExcelJS.Font> = { italic: true, color: { argb: "FF336699" } };
  bal.getCell("A3").font = shared;
  bal.getCell("I3").font = shared;
  // Below the table in the status column, and beside it: user data that must stay.
  bal.getCell("I45").value = "Anteckning under tabellen";
  bal.getCell("K3").value = "Notering bredvid";

  const ws = wb.addWorksheet(NOTES_SHEET);
  ws.getCell("A1").value = "Rubrik";
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("C2").value = 10;
  ws.getCell("C3").value = 20;
  ws.getCell("C2").numFmt = KRONOR_FORMAT;
  ws.getCell("B2").value = { formula: "SUM(C2:C3)", result: 30 };
  ws.getCell("B3").value = { formula: 'C2&" kr"', result: "10 kr" };
  ws.getCell("D2").value = new Date(Date.UTC(2024, 10, 15));
  ws.getCell("D2").numFmt = "yyyy-mm-dd";
  ws.getCell("D3").value = { formula: "D2+30", result: new Date(Date.UTC(2024, 11, 15)) };
  ws.getCell("D3").numFmt = "yyyy-mm-dd";
  ws.getCell("D4").value = new Date(Date.UTC(2024, 1, 29, 18, 30));
  ws.getCell("D4").numFmt = "yyyy-mm-dd hh:mm";
  ws.getCell("E2").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
  ws.getCell("E3").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
  ws.getCell("F2").value = { richText: [{ text: "Fet", font: { bold: true } }, { text: " och vanlig" }] };
  ws.getCell("G2").value = { text: "Samverkanssidan", hyperlink: "https://www.regionjh.se/samverkan" };
  ws.getCell("G3").value = { text: "Till avtalen", hyperlink: "#'Avtal'!A2" };
  ws.getCell("H2").value = true;
  ws.mergeCells("A5:C6");
  ws.getCell("A5").value = "Sammanslagen";
  ws.getCell("A5").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFEB9C" } };
  ws.getCell("A8").value = "=1+1";
  ws.getCell("A9").value = "+46 70 123 45 67";
  ws.getCell("A10").value = "-x";
  ws.getCell("A11").value = "@x";
  ws.getColumn(1).width = 30;
  ws.getRow(5).height = 30;
  ws.getCell("B10").dataValidation = { type: "list", allowBlank: true, formulae: ['"Ja,Nej"'] };
  ws.addConditionalFormatting({
    ref: "C2:C3",
    rules: [
      {
        type: "cellIs",
        operator: "greaterThan",
        formulae: [15],
        priority: 1,
        style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFC6EFCE" } } },
      },
    ],
  });
  wb.definedNames.add(`'${NOTES_SHEET.replace(/'/g, "''")}'!$C$2:$C$3`, "Belopp");

  // An old summary sheet (replaced) and a sheet with a similar name (never touched).
  wb.addWorksheet("Balans summering").getCell("A1").value = "gammal summering";
  wb.addWorksheet("Balans summering (gammal)").getCell("A1").value = "behålls";
  return wb;
}

export async function richWorkbookBytes(): Promise<Uint8Array> {
  return saveXlsx(richWorkbook());
}

export async function zipText(bytes: Uint8Array, path: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file(path);
  if (!file) throw new Error(`no ${path} in package: ${Object.keys(zip.files).join(", ")}`);
  return file.async("string");
}

export async function zipNames(bytes: Uint8Array): Promise<string[]> {
  return Object.keys((await JSZip.loadAsync(bytes)).files);
}

/** Package part of each worksheet, by sheet name. */
export async function sheetPart(bytes: Uint8Array, sheet: string): Promise<string> {
  const workbookXml = await zipText(bytes, "xl/workbook.xml");
  const rels = await zipText(bytes, "xl/_rels/workbook.xml.rels");
  const escaped = sheet.replace(/&/g, "&amp;").replace(/'/g, "&apos;");
  const tag = new RegExp(`<sheet [^>]*name="(?:${escapeRe(sheet)}|${escapeRe(escaped)})"[^>]*r:id="([^"]+)"`).exec(
    workbookXml,
  );
  if (!tag) throw new Error(`no sheet ${sheet}`);
  const target = new RegExp(`Id="${tag[1]}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${tag[1]}"`).exec(rels);
  const t = target?.[1] ?? target?.[2];
  if (!t) throw new Error(`no target for ${sheet}`);
  return t.startsWith("/") ? t.slice(1) : `xl/${t}`;
}

/** The table part's XML for a table name. */
export async function tableXml(bytes: Uint8Array, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  for (const file of zip.file(/^xl\/tables\/[^/]+\.xml$/)) {
    const xml = await file.async("string");
    if (new RegExp(`<table [^>]*name="${escapeRe(name)}"`).test(xml)) return xml;
  }
  throw new Error(`no table ${name}`);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Rewrite a package part. */
export async function rewritePart(bytes: Uint8Array, path: string, edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file(path);
  if (!file) throw new Error(`no ${path}`);
  zip.file(path, edit(await file.async("string")));
  return zip.generateAsync({ type: "uint8array" });
}

/** Rewrite every table part the way Excel writes it (no headerRowCount, bare autoFilter). */
export async function toExcelStyleTables(bytes: Uint8Array, opts: { filter: boolean }): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const file of zip.file(/^xl\/tables\/[^/]+\.xml$/)) {
    const xml = await file.async("string");
    const ref = /<autoFilter ref="([^"]+)"/.exec(xml)?.[1] ?? "";
    const out = xml
      .replace(/ headerRowCount="1"/, "")
      .replace(/<autoFilter\b[^>]*>[\s\S]*?<\/autoFilter>/, opts.filter ? `<autoFilter ref="${ref}"/>` : "");
    zip.file(file.name, out);
  }
  return zip.generateAsync({ type: "uint8array" });
}

/** JSON with sorted keys, so that equal objects give equal strings. */
export function stable(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
    }
    return v;
  });
}

export interface SnapshotOptions {
  /** Sheets left out. */
  skipSheets?: string[];
  /** Cells left out (the cells Balans owns). */
  skipCell?: (sheet: string, row: number, col: number) => boolean;
  /** Table columns left out, by table name → column count to keep. */
  keepTableColumns?: Record<string, number>;
}

/** Everything about a workbook's content that a user could notice, as comparable strings. */
export function snapshot(wb: ExcelJS.Workbook, opts: SnapshotOptions = {}): Record<string, string> {
  const out: Record<string, string> = {};
  const skipSheets = new Set(opts.skipSheets ?? []);
  out["sheets"] = stable(wb.worksheets.map((w) => w.name).filter((n) => !skipSheets.has(n)));
  out["definedNames"] = stable(wb.definedNames.model);
  wb.eachSheet((ws) => {
    if (skipSheets.has(ws.name)) return;
    const s = ws.name;
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        if (opts.skipCell?.(s, r, c)) return;
        const style = stable(cell.style ?? {});
        if ((cell.value === null || cell.value === undefined) && (style === "{}" || style === "null")) return;
        out[`${s}!${cell.address}`] = stable({ value: cell.value, type: cell.type, formula: cell.formula, style });
      });
      if (row.height !== undefined) out[`${s}!row${r}.height`] = String(row.height);
    });
    out[`${s}!merges`] = stable(Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges).sort());
    // Columns with neither width nor hidden flag are no different from absent ones.
    out[`${s}!columns`] = stable(
      (ws.columns ?? [])
        .map((col, i) => ({ column: i + 1, width: col.width ?? null, hidden: col.hidden ?? false }))
        .filter((col) => col.width !== null || col.hidden),
    );
    out[`${s}!validations`] = stable((ws as unknown as { dataValidations: { model: unknown } }).dataValidations.model);
    out[`${s}!conditionalFormatting`] = stable(
      (ws as unknown as { conditionalFormattings: unknown }).conditionalFormattings,
    );
    out[`${s}!views`] = stable(ws.views);
    for (const model of tableModels(ws)) {
      const keep = opts.keepTableColumns?.[model.name];
      const columns = keep === undefined ? model.columns : model.columns.slice(0, keep);
      out[`${s}!table:${model.name}`] = stable({
        name: model.name,
        headerRow: model.headerRow,
        totalsRow: model.totalsRow,
        columns: columns.map((c) => ({ name: c.name, filterButton: c.filterButton })),
        // A table that got the status column keeps its top, left and bottom.
        ref: keep === undefined ? model.tableRef : stable({ ...parseRange(model.tableRef ?? ""), right: null }),
      });
    }
  });
  return out;
}
