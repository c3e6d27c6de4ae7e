/**
 * A status column written into an existing worksheet part (and, when the column is new beside
 * an Excel table, into that table's part): the cells Balans writes for a status column and its
 * dates column, and the edits of the table part. The sheet itself is edited through a
 * `SheetEdit` (sheetEdit.ts), streamed by sheetStream.ts.
 */
import type { Document } from "@xmldom/xmldom";
import type { LiveDatesColumnPlan, StatusColumnPlan } from "../../domain/types";
import { escapeOoxmlText } from "../ooxmlText";
import type { StyleBook } from "./patchStyles";
import { child, children, createLike, formatRef, parseRef, rootOf, updateCount, type Rect } from "./patchXml";

/** Order of a worksheet's children (ECMA-376 CT_Worksheet). */
export const WORKSHEET_ORDER = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection",
  "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells",
  "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup",
  "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing",
  "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
];

/** Width of a new status column in characters (as the Excel adapter sets it). */
export const STATUS_COLUMN_WIDTH = 14;

/** A cell value Balans writes. `formula` (without "=") is written as `<f>` with `value` as its cached text. */
export interface CellWrite {
  row: number;
  col: number;
  /** null: the cell is left without a value (and without a style unless `style` is given). */
  value: string | number | null;
  formula?: string;
  style: number;
}

/** Excel's stored column width for a width in characters of the default font (Calibri 11). */
export function storedWidth(chars: number): number {
  return Math.trunc(((chars * 7 + 5) / 7) * 256) / 256;
}

/**
 * The cell writes of one status column: its header and one cell per listed data row. A cell with
 * a formula (issue 11) gets the General format — a formula in a Text-formatted (`@`) cell stays
 * text in Excel — and its label as the cached value (`t="str"`); a cell without one is its label
 * as text (`@`), with the plan's fixed fill and font colour.
 */
export function statusColumnWrites(plan: StatusColumnPlan, styles: StyleBook, inTable: boolean): CellWrite[] {
  const writes: CellWrite[] = [
    // In a table the table style formats the header; beside a plain range Balans makes it bold.
    { row: plan.headerRow, col: plan.column, value: plan.header, style: inTable ? 0 : styles.xf({ bold: true }) },
  ];
  for (const c of plan.cells) {
    const formula = typeof c.formula === "string" ? c.formula.replace(/^=/u, "") : null;
    if (formula !== null) {
      writes.push({ row: c.row, col: plan.column, value: c.label, formula, style: styles.xf({ numFmt: "General" }) });
      continue;
    }
    if (c.label === "") {
      writes.push({ row: c.row, col: plan.column, value: null, style: 0 });
      continue;
    }
    const spec = {
      numFmt: "@",
      ...(c.fill === null ? {} : { fill: c.fill }),
      ...(c.font === null ? {} : { fontColour: c.font }),
    };
    writes.push({ row: c.row, col: plan.column, value: c.label, style: styles.xf(spec) });
  }
  return writes;
}

/**
 * The cell writes of the owned dates column "Balans datum" (issue 11): its header and one text
 * cell per listed row ("2025-03-31; 2024-12-31", "Klar", …), formatted as text (`@`) so that no
 * value is ever read as a date, a number or a formula; "" empties the cell.
 */
export function datesColumnWrites(dates: LiveDatesColumnPlan, headerRow: number, styles: StyleBook, inTable: boolean): CellWrite[] {
  const writes: CellWrite[] = [{ row: headerRow, col: dates.column, value: dates.header, style: inTable ? 0 : styles.xf({ bold: true }) }];
  for (const c of dates.cells) {
    writes.push(c.value === "" ? { row: c.row, col: dates.column, value: null, style: 0 } : { row: c.row, col: dates.column, value: c.value, style: styles.xf({ numFmt: "@" }) });
  }
  return writes;
}

/** The table's range; null when it has none. */
export function tableRect(table: Document): Rect | null {
  return parseRef(rootOf(table).getAttribute("ref") ?? "");
}

/**
 * Widens an Excel table by one column on the right (the new status column): `ref`, the
 * autofilter's `ref`, and a new `<tableColumn>` with a unique id and the header text.
 */
export function addTableColumn(table: Document, header: string): void {
  const root = rootOf(table);
  const range = parseRef(root.getAttribute("ref") ?? "");
  if (range === null) throw new Error(`The table has no range: ${root.getAttribute("ref")}`);
  root.setAttribute("ref", formatRef({ ...range, right: range.right + 1 }));
  const filter = child(root, "autoFilter");
  const filterRange = filter === null ? null : parseRef(filter.getAttribute("ref") ?? "");
  if (filter !== null && filterRange !== null) filter.setAttribute("ref", formatRef({ ...filterRange, right: filterRange.right + 1 }));
  const columns = child(root, "tableColumns");
  if (columns === null) throw new Error("The table has no tableColumns.");
  const list = children(columns, "tableColumn");
  const name = escapeOoxmlText(header);
  if (list.some((c) => (c.getAttribute("name") ?? "").toLocaleLowerCase("sv-SE") === name.toLocaleLowerCase("sv-SE"))) {
    throw new Error(`Tabellen har redan en kolumn som heter "${header}".`);
  }
  const id = list.reduce((m, c) => Math.max(m, Number(c.getAttribute("id")) || 0), 0) + 1;
  columns.appendChild(createLike(columns, "tableColumn", { id: String(id), name }));
  updateCount(columns, true);
}

/** Keeps the name of an existing table column in step with its header cell. */
export function renameTableColumn(table: Document, index: number, header: string): void {
  const columns = child(rootOf(table), "tableColumns");
  const column = columns === null ? undefined : children(columns, "tableColumn")[index];
  const name = escapeOoxmlText(header);
  if (column !== undefined && column.getAttribute("name") !== name) column.setAttribute("name", name);
}
