/**
 * Infoga mall in a package (the preview on an opened file): the template's sheet as a worksheet
 * part and its tables as table parts, written as Excel writes them — so that the user's workbook
 * is patched, never re-created (ExcelJS wrote the whole package again before, losing what it does
 * not read). The cells follow the Excel adapter (src/excel/insertTemplate.ts): text stays text
 * (format "@", inline strings, never formulas), numbers and empty body cells get their column's
 * format, the heading above a table is bold, the drop-down lists are list validations (a list
 * with a comma in a value is left out, as Excel's source list cannot hold it).
 */
import { templateBodyRows, type TemplateTable } from "../../domain/template";
import { escapeOoxmlText } from "../ooxmlText";
import { storedWidth } from "./patchSheet";
import type { StyleBook } from "./patchStyles";
import { colLetters, NS_MAIN, NS_REL, xmlEscape } from "./patchXml";
import { textCell } from "./writeSummarySheet";

/** Table style of the tables Balans creates (as the sample's). */
export const TEMPLATE_TABLE_STYLE = "TableStyleMedium2";
/** Font size of a table's heading. */
const TITLE_SIZE = 13;

/** A table of the template with the name and id it gets in the workbook. */
export interface PlacedTable {
  table: TemplateTable;
  name: string;
  id: number;
  /** The sheet's relationship to the table part. */
  relId: string;
}

export interface TemplateSheetXml {
  sheetXml: string;
  /** One table part per placed table, in the same order. */
  tableXml: string[];
}

interface Cell {
  row: number;
  col: number;
  value: string | number | null;
  style: number;
}

const HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

function cellXml(c: Cell): string {
  const ref = `${colLetters(c.col)}${c.row}`;
  const s = c.style === 0 ? "" : ` s="${c.style}"`;
  if (typeof c.value === "string" && c.value !== "") return textCell(ref, c.style, c.value);
  if (typeof c.value === "number" && Number.isFinite(c.value)) return `<c r="${ref}"${s}><v>${c.value}</v></c>`;
  return `<c r="${ref}"${s}/>`;
}

/** The cells of one table: heading, header row, body (at least one row). */
function tableCells(t: TemplateTable, styles: StyleBook): Cell[] {
  const cells: Cell[] = [];
  const text = styles.xf({ numFmt: "@" });
  if (t.title !== null && t.title !== "" && t.top > 1) {
    cells.push({ row: t.top - 1, col: t.left, value: t.title, style: styles.xf({ numFmt: "@", bold: true, size: TITLE_SIZE }) });
  }
  t.headers.forEach((h, i) => cells.push({ row: t.top, col: t.left + i, value: h, style: text }));
  const formatOf = new Map(t.numberFormats.map((f) => [f.header, f.format]));
  const columnStyle = t.headers.map((h) => {
    const format = formatOf.get(h);
    return format === undefined ? 0 : styles.xf({ numFmt: format });
  });
  templateBodyRows(t).forEach((row, r) => {
    row.forEach((value, i) => {
      const isText = typeof value === "string" && value !== "";
      cells.push({ row: t.top + 1 + r, col: t.left + i, value, style: isText ? text : (columnStyle[i] ?? 0) });
    });
  });
  return cells;
}

/** The range of a table: header row and body. */
function tableRef(t: TemplateTable): string {
  const bottom = t.top + templateBodyRows(t).length;
  return `${colLetters(t.left)}${t.top}:${colLetters(t.left + t.headers.length - 1)}${bottom}`;
}

/** A table part as Excel writes one: filter buttons on, banded rows, the sample's style. */
export function tablePartXml(placed: PlacedTable): string {
  const t = placed.table;
  const ref = tableRef(t);
  const name = xmlEscape(placed.name);
  const columns = t.headers.map((h, i) => `<tableColumn id="${i + 1}" name="${xmlEscape(escapeOoxmlText(h))}"/>`).join("");
  return (
    HEADER +
    `<table xmlns="${NS_MAIN}" id="${placed.id}" name="${name}" displayName="${name}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${t.headers.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="${TEMPLATE_TABLE_STYLE}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

/** A list validation of the template (null when Excel's source list cannot hold the values). */
function validationXml(t: TemplateTable, header: string, values: readonly string[]): string | null {
  const i = t.headers.indexOf(header);
  if (i < 0 || values.length === 0 || values.some((v) => v.includes(","))) return null;
  const letters = colLetters(t.left + i);
  const sqref = `${letters}${t.top + 1}:${letters}${t.top + templateBodyRows(t).length}`;
  // A formula's string literal: quotes doubled.
  const list = `"${values.join(",").replace(/"/gu, '""')}"`;
  return `<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="${sqref}"><formula1>${xmlEscape(list)}</formula1></dataValidation>`;
}

/** The worksheet part of a template sheet with these tables, and their table parts. */
export function writeTemplateSheet(placed: readonly PlacedTable[], styles: StyleBook): TemplateSheetXml {
  const byCell = new Map<string, Cell>();
  for (const p of placed) for (const c of tableCells(p.table, styles)) byCell.set(`${c.row}:${c.col}`, c);
  const byRow = new Map<number, Cell[]>();
  for (const c of byCell.values()) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
  let maxRow = 0;
  let maxCol = 0;
  let minRow = Infinity;
  let minCol = Infinity;
  const rows: string[] = [];
  for (const [row, cells] of [...byRow].sort((a, b) => a[0] - b[0])) {
    cells.sort((a, b) => a.col - b.col);
    rows.push(`<row r="${row}">${cells.map(cellXml).join("")}</row>`);
    maxRow = Math.max(maxRow, row);
    minRow = Math.min(minRow, row);
    for (const c of cells) {
      maxCol = Math.max(maxCol, c.col);
      minCol = Math.min(minCol, c.col);
    }
  }
  const widths = new Map<number, number>();
  for (const p of placed) {
    p.table.columnWidths.slice(0, p.table.headers.length).forEach((w, i) => {
      if (Number.isFinite(w) && w > 0) widths.set(p.table.left + i, w);
    });
  }
  const cols = [...widths]
    .sort((a, b) => a[0] - b[0])
    .map(([col, w]) => `<col min="${col}" max="${col}" width="${storedWidth(w)}" customWidth="1"/>`)
    .join("");
  const validations = placed.flatMap((p) => p.table.validations.map((v) => validationXml(p.table, v.header, v.values))).filter((v): v is string => v !== null);
  const dimension = maxRow === 0 ? "A1" : `${colLetters(minCol)}${minRow}:${colLetters(maxCol)}${maxRow}`;
  const sheetXml =
    HEADER +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<dimension ref="${dimension}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    (cols === "" ? "" : `<cols>${cols}</cols>`) +
    (rows.length === 0 ? "<sheetData/>" : `<sheetData>${rows.join("")}</sheetData>`) +
    (validations.length === 0 ? "" : `<dataValidations count="${validations.length}">${validations.join("")}</dataValidations>`) +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    (placed.length === 0 ? "" : `<tableParts count="${placed.length}">${placed.map((p) => `<tablePart r:id="${p.relId}"/>`).join("")}</tableParts>`) +
    "</worksheet>";
  return { sheetXml, tableXml: placed.map(tablePartXml) };
}
