/**
 * The summary sheet as a worksheet part written whole: its cells (text always as text — a value
 * starting with "=" stays a string), column widths, bold and fills, number formats, links to
 * rows in this workbook (`<hyperlink location>`, no relationship) and the anchor of its chart.
 */
import type { SummaryCell, SummarySheetPlan } from "../../domain/types";
import { escapeOoxmlText } from "../ooxmlText";
import type { ChartAnchor, ChartSeries } from "./chartParts";
import type { CellStyleSpec, StyleBook } from "./patchStyles";
import { storedWidth } from "./patchSheet";
import { colLetters, NS_MAIN, NS_REL, parseRef, xmlEscape } from "./patchXml";

/** Colour of link text (Excel's Hyperlink cell style). */
export const LINK_COLOUR = "0563C1";

/** A sheet name as Excel writes it in a reference: always quoted, quotes doubled. */
export function quoteSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

function styleOf(c: SummaryCell): CellStyleSpec {
  const spec: CellStyleSpec = {};
  // Every text is written as text: Excel must not read "1", "2025" or "=1+1" as anything else.
  if (typeof c.value === "string") spec.numFmt = "@";
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

function textCell(ref: string, style: number, text: string): string {
  const escaped = escapeOoxmlText(text);
  const space = /^\s|\s$|\n/u.test(escaped) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}"${style === 0 ? "" : ` s="${style}"`} t="inlineStr"><is><t${space}>${xmlEscape(escaped)}</t></is></c>`;
}

export interface SummarySheetParts {
  /** The worksheet part. */
  sheetXml: string;
  /** The chart, when the plan has one (where it sits and what it shows). */
  chart: { anchor: ChartAnchor; series: ChartSeries } | null;
}

/**
 * The worksheet XML of the summary sheet. `drawingRelId` is the sheet's relationship to its
 * drawing part (null: no chart).
 */
export function writeSummarySheet(plan: SummarySheetPlan, styles: StyleBook, drawingRelId: string | null): SummarySheetParts {
  const byRow = new Map<number, SummaryCell[]>();
  for (const c of plan.cells) {
    if (!Number.isInteger(c.row) || !Number.isInteger(c.col) || c.row < 1 || c.col < 1) continue;
    const list = byRow.get(c.row) ?? [];
    list.push(c);
    byRow.set(c.row, list);
  }
  let maxRow = 0;
  let maxCol = 0;
  const rows: string[] = [];
  const links: string[] = [];
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
      if (typeof c.value === "string") parts.push(textCell(ref, style, c.value));
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
  const widths = plan.columnWidths
    .map((w, i) => (Number.isFinite(w) && w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${storedWidth(w)}" customWidth="1"/>` : ""))
    .join("");
  const dimension = maxRow === 0 ? "A1" : `A1:${colLetters(maxCol)}${maxRow}`;
  const chart = drawingRelId === null ? null : chartOf(plan, maxCol);
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<dimension ref="${dimension}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    (widths === "" ? "" : `<cols>${widths}</cols>`) +
    (rows.length === 0 ? "<sheetData/>" : `<sheetData>${rows.join("")}</sheetData>`) +
    (links.length === 0 ? "" : `<hyperlinks>${links.join("")}</hyperlinks>`) +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    (chart === null || drawingRelId === null ? "" : `<drawing r:id="${drawingRelId}"/>`) +
    "</worksheet>";
  return { sheetXml: xml, chart };
}

/** Splits `'Sheet'!A1:B2` / `Sheet!A1:B2` / `A1:B2` into its sheet (null = this sheet) and range. */
function splitReference(ref: string): { sheet: string | null; range: string } {
  const bang = ref.lastIndexOf("!");
  if (bang === -1) return { sheet: null, range: ref };
  const raw = ref.slice(0, bang);
  const sheet = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
  return { sheet, range: ref.slice(bang + 1) };
}

/** The chart of the plan: ranges made absolute with their sheet, cached values from the plan's cells. */
function chartOf(plan: SummarySheetPlan, maxCol: number): SummarySheetParts["chart"] {
  const spec = plan.chart;
  if (spec === null) return null;
  const cat = splitReference(spec.categories);
  const val = splitReference(spec.values);
  const catRect = parseRef(cat.range);
  const valRect = parseRef(val.range);
  if (catRect === null || valRect === null) return null;
  const absolute = (sheet: string | null, r: typeof catRect) =>
    `${quoteSheet(sheet ?? plan.name)}!$${colLetters(r.left)}$${r.top}:$${colLetters(r.right)}$${r.bottom}`;
  const cellAt = (row: number, col: number) => plan.cells.find((c) => c.row === row && c.col === col);
  const cells = (sheet: string | null, r: typeof catRect) => {
    const out: SummaryCell[] = [];
    if (sheet !== null && sheet !== plan.name) return out;
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) {
      const c = cellAt(row, col);
      if (c !== undefined) out.push(c);
    }
    return out;
  };
  const valueCells = cells(val.sheet, valRect);
  const anchorCol = maxCol + 1;
  return {
    anchor: { fromCol: anchorCol, fromRow: 1, toCol: anchorCol + 7, toRow: 21 },
    series: {
      title: spec.title,
      seriesName: String(spec.year),
      categoriesRef: absolute(cat.sheet, catRect),
      valuesRef: absolute(val.sheet, valRect),
      categories: cells(cat.sheet, catRect).map((c) => (c.value === null ? "" : String(c.value))),
      values: valueCells.map((c) => (typeof c.value === "number" ? c.value : null)),
      numFmt: valueCells.find((c) => c.numFmt !== undefined)?.numFmt ?? "General",
    },
  };
}
