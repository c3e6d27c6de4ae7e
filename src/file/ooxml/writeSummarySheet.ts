/**
 * Balans's own sheets as worksheet parts written whole — the summary sheet and the agenda sheet
 * (Mötesunderlag, issue 14): their cells (text always as text — a value starting with "=" stays a
 * string; only a cell with a `formula` of Balans's own is a formula), column widths, bold and
 * fills, number formats, links to rows in this workbook (`<hyperlink location>`, no relationship),
 * the print setup of the agenda sheet, and the anchors of the summary sheet's charts.
 */
import type { AgendaSheetPlan, SummaryCell, SummarySheetPlan } from "../../domain/types";
import { escapeOoxmlText } from "../ooxmlText";
import { LINK_COLOUR } from "../../domain/linkColour";
import type { ChartAnchor, ChartSpec } from "./chartParts";
import type { CellStyleSpec, StyleBook } from "./patchStyles";
import { storedWidth } from "./patchSheet";
import { colLetters, NS_MAIN, NS_REL, parseRef, xmlEscape, type Rect } from "./patchXml";


/** Size of each chart of `SummarySheetPlan.charts`, in cells from its anchor (as the Excel adapter's CHART_ROWS/CHART_COLUMNS). */
export const MORE_CHART_ROWS = 16;
export const MORE_CHART_COLUMNS = 8;

/** A sheet name as Excel writes it in a reference: always quoted, quotes doubled. */
export function quoteSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

function styleOf(c: SummaryCell): CellStyleSpec {
  const spec: CellStyleSpec = {};
  // Every text is written as text: Excel must not read "1", "2025" or "=1+1" as anything else.
  // A formula gets its own number format or General (a formula in a Text cell stays text).
  if (typeof c.value === "string" && c.value !== "" && c.formula === undefined) spec.numFmt = "@";
  else if (c.numFmt !== undefined) spec.numFmt = c.numFmt;
  if (c.bold === true) spec.bold = true;
  if (c.fill !== undefined) spec.fill = c.fill;
  if (c.link !== undefined) {
    spec.fontColour = LINK_COLOUR;
    spec.underline = true;
  }
  return spec;
}

function isEmptySpec(spec: CellStyleSpec): boolean {
  return Object.keys(spec).length === 0;
}

/** A text cell as an inline string (`_x` escapes and XML escaped; leading/trailing space kept). */
export function textCell(ref: string, style: number, text: string): string {
  const escaped = escapeOoxmlText(text);
  const space = /^\s|\s$|\n/u.test(escaped) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}"${style === 0 ? "" : ` s="${style}"`} t="inlineStr"><is><t${space}>${xmlEscape(escaped)}</t></is></c>`;
}

/** A formula cell with its cached value: a number, or text (`t="str"`). */
function formulaCell(ref: string, style: number, formula: string, value: string | number | null): string {
  const s = style === 0 ? "" : ` s="${style}"`;
  const f = `<f>${xmlEscape(formula.replace(/^=/u, ""))}</f>`;
  if (typeof value === "number" && Number.isFinite(value)) return `<c r="${ref}"${s}>${f}<v>${value}</v></c>`;
  const text = typeof value === "string" ? xmlEscape(escapeOoxmlText(value)) : "";
  return `<c r="${ref}"${s} t="str">${f}<v>${text}</v></c>`;
}

/** What an owned sheet holds. */
interface OwnedSheet {
  name: string;
  cells: readonly SummaryCell[];
  columnWidths: readonly number[];
}

interface SheetOptions {
  /** The sheet's relationship to its drawing part (null: no drawing). */
  drawingRelId: string | null;
  /** The agenda sheet's print setup. */
  print?: AgendaSheetPlan["print"];
}

export interface OwnedSheetXml {
  /** The worksheet part. */
  sheetXml: string;
  /** The written range (1-based), or null for an empty sheet. */
  used: Rect | null;
  /** Cells that hold a formula (A1), for the calculation chain. */
  formulaCells: string[];
}

/** The worksheet XML of an owned sheet. */
function writeOwnedSheet(sheet: OwnedSheet, styles: StyleBook, options: SheetOptions): OwnedSheetXml {
  const byRow = new Map<number, SummaryCell[]>();
  for (const c of sheet.cells) {
    if (!Number.isInteger(c.row) || !Number.isInteger(c.col) || c.row < 1 || c.col < 1) continue;
    const list = byRow.get(c.row) ?? [];
    list.push(c);
    byRow.set(c.row, list);
  }
  let maxRow = 0;
  let maxCol = 0;
  const rows: string[] = [];
  const links: string[] = [];
  const formulaCells: string[] = [];
  for (const [row, list] of [...byRow].sort((a, b) => a[0] - b[0])) {
    // One cell per address: the last entry wins.
    const cells = new Map<number, SummaryCell>();
    for (const c of list) cells.set(c.col, c);
    const parts: string[] = [];
    for (const [col, c] of [...cells].sort((a, b) => a[0] - b[0])) {
      const spec = styleOf(c);
      const style = isEmptySpec(spec) ? 0 : styles.xf(spec);
      const ref = `${colLetters(col)}${row}`;
      const s = style === 0 ? "" : ` s="${style}"`;
      if (typeof c.formula === "string" && c.formula !== "") {
        parts.push(formulaCell(ref, style, c.formula, c.value));
        formulaCells.push(ref);
      } else if (typeof c.value === "string" && c.value !== "") parts.push(textCell(ref, style, c.value));
      else if (typeof c.value === "number" && Number.isFinite(c.value)) parts.push(`<c r="${ref}"${s}><v>${c.value}</v></c>`);
      else if (style !== 0) parts.push(`<c r="${ref}"${s}/>`);
      else continue;
      maxRow = Math.max(maxRow, row);
      maxCol = Math.max(maxCol, col);
      if (c.link !== undefined) {
        const display = typeof c.value === "string" ? ` display="${xmlEscape(escapeOoxmlText(c.value))}"` : "";
        links.push(`<hyperlink ref="${ref}" location="${xmlEscape(`${quoteSheet(c.link.sheet)}!${c.link.address}`)}"${display}/>`);
      }
    }
    if (parts.length > 0) rows.push(`<row r="${row}">${parts.join("")}</row>`);
  }
  const widths = sheet.columnWidths
    .map((w, i) => (Number.isFinite(w) && w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${storedWidth(w)}" customWidth="1"/>` : ""))
    .join("");
  const dimension = maxRow === 0 ? "A1" : `A1:${colLetters(maxCol)}${maxRow}`;
  const print = options.print;
  // A4 is paper size 9; fitToHeight 0 = as many pages tall as needed (with fitToPage on in sheetPr).
  const pageSetup =
    print === undefined
      ? ""
      : `<pageSetup paperSize="${print.paperSize === "A4" ? 9 : 1}" orientation="${print.orientation}" fitToWidth="${print.fitToPagesWide}" fitToHeight="0"/>`;
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    (print === undefined ? "" : '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>') +
    `<dimension ref="${dimension}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    (widths === "" ? "" : `<cols>${widths}</cols>`) +
    (rows.length === 0 ? "<sheetData/>" : `<sheetData>${rows.join("")}</sheetData>`) +
    (links.length === 0 ? "" : `<hyperlinks>${links.join("")}</hyperlinks>`) +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    pageSetup +
    (options.drawingRelId === null ? "" : `<drawing r:id="${options.drawingRelId}"/>`) +
    "</worksheet>";
  return { sheetXml: xml, used: maxRow === 0 ? null : { top: 1, left: 1, bottom: maxRow, right: maxCol }, formulaCells };
}

export interface SummarySheetParts extends OwnedSheetXml {
  /** The charts of the plan (where each sits and what it shows), in the order drawn. */
  charts: { anchor: ChartAnchor; spec: ChartSpec }[];
}

/**
 * The worksheet XML of the summary sheet. `drawingRelId` is the sheet's relationship to its
 * drawing part (null: no charts are drawn).
 */
export function writeSummarySheet(plan: SummarySheetPlan, styles: StyleBook, drawingRelId: string | null): SummarySheetParts {
  const drawn = drawingRelId !== null && hasCharts(plan);
  const sheet = writeOwnedSheet(plan, styles, { drawingRelId: drawn ? drawingRelId : null });
  return { ...sheet, charts: drawn ? summaryCharts(plan, sheet.used?.right ?? 0) : [] };
}

/** The worksheet XML of the agenda sheet (Mötesunderlag): as the summary sheet, with its print setup and no charts. */
export function writeAgendaSheet(plan: AgendaSheetPlan, styles: StyleBook): OwnedSheetXml {
  return writeOwnedSheet(plan, styles, { drawingRelId: null, print: plan.print });
}

/** Whether the plan has anything to draw. */
export function hasCharts(plan: SummarySheetPlan): boolean {
  return summaryCharts(plan, 0).length > 0;
}

/** Splits `'Sheet'!A1:B2` / `Sheet!A1:B2` / `A1:B2` into its sheet (null = this sheet) and range. */
function splitReference(ref: string): { sheet: string | null; range: string } {
  const bang = ref.lastIndexOf("!");
  if (bang === -1) return { sheet: null, range: ref };
  const raw = ref.slice(0, bang);
  const sheet = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
  return { sheet, range: ref.slice(bang + 1) };
}

/** The plan's charts: ranges made absolute with their sheet, cached values from the plan's cells. */
function summaryCharts(plan: SummarySheetPlan, maxCol: number): SummarySheetParts["charts"] {
  const cellsAt = new Map<string, SummaryCell>();
  for (const c of plan.cells) cellsAt.set(`${c.row}:${c.col}`, c);
  const resolve = (ref: string) => {
    const split = splitReference(ref);
    const rect = parseRef(split.range.replace(/\$/gu, ""));
    if (rect === null) return null;
    const sheet = split.sheet ?? plan.name;
    const absolute = `${quoteSheet(sheet)}!$${colLetters(rect.left)}$${rect.top}:$${colLetters(rect.right)}$${rect.bottom}`;
    const cells: (SummaryCell | undefined)[] = [];
    for (let row = rect.top; row <= rect.bottom; row++) {
      for (let col = rect.left; col <= rect.right; col++) cells.push(sheet === plan.name ? cellsAt.get(`${row}:${col}`) : undefined);
    }
    return { absolute, cells };
  };
  const text = (c: SummaryCell | undefined) => (c === undefined || c.value === null ? "" : String(c.value));
  const number = (c: SummaryCell | undefined) => (c !== undefined && typeof c.value === "number" && Number.isFinite(c.value) ? c.value : null);
  const numFmtOf = (cells: (SummaryCell | undefined)[]) => cells.find((c) => c?.numFmt !== undefined)?.numFmt ?? "General";
  const out: SummarySheetParts["charts"] = [];
  const spec = plan.chart;
  if (spec !== null) {
    const cat = resolve(spec.categories);
    const val = resolve(spec.values);
    if (cat !== null && val !== null) {
      // Beside the cells, rows 2–22 (as the Excel adapter's setPosition).
      out.push({
        anchor: { fromCol: maxCol + 1, fromRow: 1, toCol: maxCol + 8, toRow: 21 },
        spec: {
          title: spec.title,
          direction: "bar",
          legend: false,
          categoriesRef: cat.absolute,
          categories: cat.cells.map(text),
          series: [{ name: String(spec.year), valuesRef: val.absolute, values: val.cells.map(number) }],
          numFmt: numFmtOf(val.cells),
        },
      });
    }
  }
  for (const more of plan.charts ?? []) {
    const cat = resolve(more.categories);
    const series = more.series.map((s) => ({ name: s.name, range: resolve(s.values) }));
    if (cat === null || series.length === 0 || series.some((s) => s.range === null)) continue;
    const row = Math.max(1, Math.trunc(more.anchor.row));
    const col = Math.max(1, Math.trunc(more.anchor.col));
    out.push({
      anchor: { fromCol: col - 1, fromRow: row - 1, toCol: col - 1 + MORE_CHART_COLUMNS, toRow: row - 1 + MORE_CHART_ROWS },
      spec: {
        title: more.title,
        direction: "col",
        legend: true,
        categoriesRef: cat.absolute,
        categories: cat.cells.map(text),
        series: series.map((s) => ({
          name: s.name,
          valuesRef: (s.range as NonNullable<typeof s.range>).absolute,
          values: (s.range as NonNullable<typeof s.range>).cells.map(number),
        })),
        numFmt: numFmtOf(series.flatMap((s) => (s.range as NonNullable<typeof s.range>).cells)),
      },
    });
  }
  return out;
}
