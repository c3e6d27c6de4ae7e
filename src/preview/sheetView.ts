/**
 * What the preview's grid shows of one ExcelJS worksheet, as plain data: the used range from
 * A1 (values, fills and tables), at most `maxRows` rows of it, each cell's text and look
 * (fill, font, alignment; Excel tables drawn with a header colour and row stripes), merged
 * cells as spans, and links to rows of the workbook. Reads the worksheet without changing it
 * (never `getCell`, which creates cells). Pure; no DOM.
 */
import type ExcelJS from "exceljs";
import type { Language } from "../taskpane/i18n";
import { columnLetter } from "../domain/columnLetter";
import { LINK_COLOUR } from "../domain/linkColour";
import { parseRange, tableModels, tableRange, type CellRange } from "../file/readXlsx";
import { colourOf, fillColour } from "./cellColours";
import { formatCellText, internalLinkOf, type InternalLink } from "./formatCellText";

/** Rows shown at most. @default 500 */
export const MAX_GRID_ROWS = 500;
/**
 * Columns shown at most: a used range can reach column XFD (16 384 columns, e.g. one stray value
 * in the last cell), and 500 rows of that many cells is more than a browser tab holds (issue 8).
 */
export const MAX_GRID_COLUMNS = 100;

export interface CellLook {
  /** CSS colour `#RRGGBB`, or null for none. */
  background: string | null;
  color: string | null;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strike: boolean;
  align: "left" | "center" | "right" | null;
  wrap: boolean;
}

export interface GridCell {
  row: number;
  col: number;
  /** A1 address, e.g. "I4". */
  address: string;
  text: string;
  numeric: boolean;
  look: CellLook;
  link: InternalLink | null;
  colSpan: number;
  rowSpan: number;
}

export interface GridRow {
  row: number;
  /** Row height in CSS pixels when the sheet sets one. */
  heightPx: number | null;
  /** One entry per shown column, except cells covered by a merged cell. */
  cells: GridCell[];
}

export interface GridColumn {
  col: number;
  letter: string;
  widthPx: number;
}

export interface SheetView {
  name: string;
  columns: GridColumn[];
  rows: GridRow[];
  /** Rows in the used range (from row 1). */
  totalRows: number;
  /** Columns in the used range (from column A); more than `columns.length` when they are cut at {@link MAX_GRID_COLUMNS}. */
  totalColumns: number;
  /** First and last row shown (0 when the sheet is empty). */
  firstRow: number;
  lastRow: number;
}

export interface SheetViewOptions {
  language: Language;
  /** @default MAX_GRID_ROWS */
  maxRows?: number;
  /** A row that must be shown (the rows shown are then centred on it when it is beyond the first maxRows). */
  focusRow?: number | null;
}

/** Excel's default column width in characters. */
const DEFAULT_WIDTH_CHARS = 8.43;
/** What Excel's default table style (TableStyleMedium2) looks like. */
const TABLE_HEADER_FILL = "#4472C4";
const TABLE_HEADER_FONT = "#FFFFFF";
const TABLE_STRIPE_FILL = "#D9E1F2";

interface TableLook {
  range: CellRange;
  headerRow: boolean;
  totalsRow: boolean;
  stripes: boolean;
}

export function buildSheetView(ws: ExcelJS.Worksheet, options: SheetViewOptions): SheetView {
  const maxRows = Math.max(1, options.maxRows ?? MAX_GRID_ROWS);
  const tables = tableLooks(ws);
  const rules = textRules(ws);
  const used = usedExtent(ws, tables);
  const name = ws.name;
  if (used.bottom === 0 || used.right === 0) return { name, columns: [], rows: [], totalRows: 0, totalColumns: 0, firstRow: 0, lastRow: 0 };

  let firstRow = 1;
  const focus = options.focusRow ?? null;
  if (focus !== null && focus > maxRows) {
    firstRow = Math.max(1, Math.min(focus - Math.floor(maxRows / 2), used.bottom - maxRows + 1));
  }
  const lastRow = Math.min(used.bottom, firstRow + maxRows - 1);
  const lastCol = Math.min(used.right, MAX_GRID_COLUMNS);

  const columns: GridColumn[] = [];
  const columnModels = (ws.columns ?? []) as (ExcelJS.Column | undefined)[];
  for (let c = 1; c <= lastCol; c++) {
    const width = columnModels[c - 1]?.width;
    columns.push({ col: c, letter: columnLetter(c), widthPx: widthToPx(typeof width === "number" && width > 0 ? width : DEFAULT_WIDTH_CHARS) });
  }

  const covered = new Set<string>();
  const rows: GridRow[] = [];
  for (let r = firstRow; r <= lastRow; r++) {
    const rowModel = ws.findRow(r);
    const height = rowModel?.height;
    const cells: GridCell[] = [];
    for (let c = 1; c <= lastCol; c++) {
      if (covered.has(`${r}:${c}`)) continue;
      const cell = ws.findCell(r, c);
      const gridCell = toGridCell(r, c, cell, tables, options.language);
      applyTextRules(gridCell, rules);
      if (cell?.isMerged && cell.master.address === cell.address) {
        const span = mergeSpan(ws, cell, r, c, lastRow, lastCol);
        gridCell.colSpan = span.cols;
        gridCell.rowSpan = span.rows;
        for (let rr = r; rr < r + span.rows; rr++) {
          for (let cc = c; cc < c + span.cols; cc++) if (rr !== r || cc !== c) covered.add(`${rr}:${cc}`);
        }
      }
      cells.push(gridCell);
    }
    rows.push({ row: r, heightPx: typeof height === "number" && height > 0 ? Math.round((height * 4) / 3) : null, cells: overflowText(cells, columns) });
  }
  widenLastColumn(columns, rows);
  return { name, columns, rows, totalRows: used.bottom, totalColumns: used.right, firstRow, lastRow };
}

/** The widest the last column grows to show its text. */
const MAX_LAST_COLUMN_PX = 400;

/**
 * Text in the last column runs on into the empty columns beyond the used range in Excel (the
 * status column's "Datum saknas", "Går ut snart"); the grid shows no columns beyond it, so the
 * last column is widened to what its left-aligned, unwrapped texts need (at most 400 px).
 */
function widenLastColumn(columns: GridColumn[], rows: GridRow[]): void {
  const last = columns[columns.length - 1];
  if (last === undefined) return;
  let needed = last.widthPx;
  for (const r of rows) {
    const cell = r.cells[r.cells.length - 1];
    if (cell === undefined || cell.col !== last.col || cell.colSpan !== 1 || cell.rowSpan !== 1) continue;
    if (cell.text === "" || cell.numeric || cell.look.wrap || (cell.look.align ?? "left") !== "left") continue;
    needed = Math.max(needed, textWidthPx(cell.text));
  }
  last.widthPx = Math.min(Math.max(last.widthPx, MAX_LAST_COLUMN_PX), needed);
}

/** Rough width of a text in the grid's font, with the cell's padding. */
function textWidthPx(text: string): number {
  return text.length * CHAR_PX + 6;
}

/** Rough width of one character of the grid's font, in pixels (for text that overflows). */
const CHAR_PX = 7;

/**
 * Text runs on into the empty cells to its right, as in Excel: a left-aligned, unwrapped text
 * cell spans the following empty cells (same fill, not merged) that its text needs.
 */
function overflowText(cells: GridCell[], columns: GridColumn[]): GridCell[] {
  const out: GridCell[] = [];
  const width = (col: number): number => columns[col - 1]?.widthPx ?? 0;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    out.push(cell);
    const flows = cell.text !== "" && !cell.numeric && cell.link === null && !cell.look.wrap && (cell.look.align ?? "left") === "left";
    if (!flows || cell.colSpan > 1 || cell.rowSpan > 1) continue;
    const needed = textWidthPx(cell.text);
    let span = width(cell.col);
    while (span < needed) {
      const next = cells[i + 1];
      const isFree =
        next !== undefined &&
        next.col === cell.col + cell.colSpan &&
        next.text === "" &&
        next.colSpan === 1 &&
        next.rowSpan === 1 &&
        next.look.background === cell.look.background;
      if (!isFree) break;
      cell.colSpan += 1;
      span += width(next.col);
      i++;
    }
  }
  return out;
}

/** Excel's column width (characters of the default font) in pixels. */
export function widthToPx(chars: number): number {
  return Math.round(chars * 7 + 5);
}

function tableLooks(ws: ExcelJS.Worksheet): TableLook[] {
  const out: TableLook[] = [];
  for (const model of tableModels(ws)) {
    const range = tableRange(model);
    if (range === null) continue;
    const style = (model as { style?: { theme?: string; showRowStripes?: boolean } }).style;
    if (style?.theme === "None" || style?.theme === "none") continue;
    out.push({
      range,
      headerRow: model.headerRow !== false,
      totalsRow: model.totalsRow === true,
      stripes: style?.showRowStripes !== false,
    });
  }
  return out;
}

/** Bottom row and right column of everything with a value or a fill, and of the tables. */
function usedExtent(ws: ExcelJS.Worksheet, tables: TableLook[]): { bottom: number; right: number } {
  let bottom = 0;
  let right = 0;
  // findRow/findCell, not eachRow/eachCell with includeEmpty, which create the rows and cells they visit.
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.findRow(r);
    if (row === undefined) continue;
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.findCell(c);
      if (cell === undefined) continue;
      const hasValue = cell.value !== null && cell.value !== undefined && cell.value !== "";
      if (!hasValue && fillColour(cell.fill) === null) continue;
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
  }
  for (const t of tables) {
    bottom = Math.max(bottom, t.range.bottom);
    right = Math.max(right, t.range.right);
  }
  return { bottom, right };
}

function mergeSpan(ws: ExcelJS.Worksheet, master: ExcelJS.Cell, r: number, c: number, lastRow: number, lastCol: number): { rows: number; cols: number } {
  const isPart = (rr: number, cc: number): boolean => {
    const cell = ws.findCell(rr, cc);
    return cell !== undefined && cell.isMerged && cell.master.address === master.address;
  };
  let cols = 1;
  while (c + cols <= lastCol && isPart(r, c + cols)) cols++;
  let rows = 1;
  while (r + rows <= lastRow && isPart(r + rows, c)) rows++;
  return { rows, cols };
}

function toGridCell(r: number, c: number, cell: ExcelJS.Cell | undefined, tables: TableLook[], language: Language): GridCell {
  const look = tableLook(r, c, tables);
  let text = "";
  let numeric = false;
  let link: InternalLink | null = null;
  if (cell !== undefined) {
    // A merged cell's value lives at its master cell (ExcelJS repeats it in the others).
    const value = cell.isMerged && cell.master.address !== cell.address ? null : cell.value;
    ({ text, numeric } = formatCellText(value, cell.numFmt, language));
    link = internalLinkOf(value);
    applyStyle(look, cell);
    if (link !== null) {
      look.color ??= `#${LINK_COLOUR}`;
      look.underline = true;
    }
  }
  if (look.align === null && numeric) look.align = "right";
  return { row: r, col: c, address: `${columnLetter(c)}${r}`, text, numeric, look, link, colSpan: 1, rowSpan: 1 };
}

/**
 * A conditional format "cell value equals a text" (what Balans writes on its status column,
 * issue 11), with the colours it gives. Other kinds of rules are not shown by the preview.
 */
interface TextRule {
  range: CellRange;
  text: string;
  background: string | null;
  color: string | null;
}

interface ConditionalFormattingModel {
  ref?: string;
  rules?: { type?: string; operator?: string; formulae?: unknown[]; style?: { fill?: { bgColor?: Partial<ExcelJS.Color>; fgColor?: Partial<ExcelJS.Color> }; font?: { color?: Partial<ExcelJS.Color> } } }[];
}

function textRules(ws: ExcelJS.Worksheet): TextRule[] {
  const models = ((ws as unknown as { conditionalFormattings?: ConditionalFormattingModel[] }).conditionalFormattings ?? []);
  const rules: TextRule[] = [];
  for (const model of models) {
    for (const ref of (model.ref ?? "").split(/\s+/u)) {
      const range = parseRange(ref);
      if (range === null) continue;
      for (const rule of model.rules ?? []) {
        const formula = rule.formulae?.[0];
        if (rule.type !== "cellIs" || rule.operator !== "equal" || typeof formula !== "string") continue;
        const literal = /^"((?:[^"]|"")*)"$/u.exec(formula.trim());
        if (literal === null) continue;
        rules.push({
          range,
          text: (literal[1] ?? "").replace(/""/g, '"'),
          background: colourOf(rule.style?.fill?.bgColor ?? rule.style?.fill?.fgColor),
          color: colourOf(rule.style?.font?.color),
        });
      }
    }
  }
  return rules;
}

/** The first rule (in order) whose range holds the cell and whose text equals the cell's text wins, as in Excel. */
function applyTextRules(cell: GridCell, rules: readonly TextRule[]): void {
  const rule = rules.find((x) => x.text === cell.text && cell.row >= x.range.top && cell.row <= x.range.bottom && cell.col >= x.range.left && cell.col <= x.range.right);
  if (rule === undefined) return;
  if (rule.background !== null) cell.look.background = rule.background;
  if (rule.color !== null) cell.look.color = rule.color;
}

function tableLook(r: number, c: number, tables: TableLook[]): CellLook {
  const look: CellLook = { background: null, color: null, bold: false, italic: false, underline: false, strike: false, align: null, wrap: false };
  const t = tables.find((x) => r >= x.range.top && r <= x.range.bottom && c >= x.range.left && c <= x.range.right);
  if (t === undefined) return look;
  if (t.headerRow && r === t.range.top) {
    look.background = TABLE_HEADER_FILL;
    look.color = TABLE_HEADER_FONT;
    look.bold = true;
  } else if (t.totalsRow && r === t.range.bottom) {
    look.bold = true;
  } else if (t.stripes) {
    const index = r - t.range.top - (t.headerRow ? 1 : 0);
    if (index % 2 === 0) look.background = TABLE_STRIPE_FILL;
  }
  return look;
}

function applyStyle(look: CellLook, cell: ExcelJS.Cell): void {
  const fill = fillColour(cell.fill);
  if (fill !== null) look.background = fill;
  const font = cell.font as Partial<ExcelJS.Font> | undefined;
  if (font) {
    const colour = colourOf(font.color);
    if (colour !== null) look.color = colour;
    if (font.bold === true) look.bold = true;
    if (font.italic === true) look.italic = true;
    if (font.underline !== undefined && font.underline !== false && font.underline !== "none") look.underline = true;
    if (font.strike === true) look.strike = true;
  }
  const alignment = cell.alignment as Partial<ExcelJS.Alignment> | undefined;
  if (alignment) {
    const h = alignment.horizontal;
    if (h === "left" || h === "right") look.align = h;
    else if (h === "center" || h === "centerContinuous") look.align = "center";
    if (alignment.wrapText === true) look.wrap = true;
  }
}
