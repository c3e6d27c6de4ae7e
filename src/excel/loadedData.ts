/**
 * The pure half of the Excel read: what `Range.values` and `numberFormat` gave, as the engine's
 * `WorkbookData` (cell values with dates and errors recognised, tables located, sheets sparse).
 */
import { excelSerialToIsoDate } from "../domain/isoDate";
import { isDateFormat } from "../domain/numberFormat";
import type { CellRange, CellValue, DefinedName, SheetData, SheetTable, WorkbookData } from "../domain/types";
import { parseAddress, type CellBox } from "./address";
import type { LoadedTable } from "./readSheets";

/** One rectangle of a sheet as loaded. */
export interface LoadedBlock {
  top: number;
  left: number;
  values: unknown[][];
  numberFormat: unknown[][];
}

/** One worksheet as loaded (plain data): the blocks that hold data, its tables and what else the engine needs. */
export interface LoadedSheet {
  name: string;
  blocks: LoadedBlock[];
  tables: LoadedTable[];
  /** Areas holding formulas: a formula whose cached value is "" is kept as "" (not free to write into). */
  formulaAreas?: CellBox[];
  /** Merged areas, or null when they could not be read (ExcelApi 1.13 missing, or more than 512). */
  merges?: CellBox[] | null;
  hidden?: boolean;
  protected?: boolean;
}

/** Error values as Excel returns them in `Range.values` (English and the Swedish display names). */
export const EXCEL_ERROR_VALUES: ReadonlySet<string> = new Set([
  "#N/A",
  "#VALUE!",
  "#REF!",
  "#DIV/0!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#BLOCKED!",
  "#GETTING_DATA",
  "#FIELD!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#PYTHON!",
  "#VÄRDE!",
  "#NAMN?",
  "#SAKNAS!",
  "#REFERENS!",
  "#DIVISION/0!",
]);

/** One loaded cell → the engine's `CellValue` (`date1904`: the workbook counts dates from 1904). */
export function toCellValue(value: unknown, format: unknown, date1904 = false): CellValue {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "string") return EXCEL_ERROR_VALUES.has(value) ? { error: value } : value;
  if (typeof value === "number") {
    if (isDateFormat(format)) {
      const date = excelSerialToIsoDate(value, date1904);
      if (date !== null) return { date };
    }
    return value;
  }
  if (typeof value === "boolean") return value;
  return String(value);
}

/** A table's place from its loaded header address; null when headers are hidden or it was not loaded. */
export function locateTable(table: LoadedTable): SheetTable | null {
  if (!table.showHeaders || table.columns.length === 0 || table.headerAddress === undefined) return null;
  const box = parseAddress(table.headerAddress);
  return { name: table.name, headerRow: box.top, firstColumn: box.left, rowCount: table.rowCount, columnCount: table.columns.length };
}

/** Loaded sheets → `WorkbookData` (every sheet, the summary sheet too: ownership is the engine's to decide). */
export function toWorkbookData(sheets: readonly LoadedSheet[], workbook: { names?: DefinedName[]; structureLocked?: boolean; date1904?: boolean } = {}): WorkbookData {
  const date1904 = workbook.date1904 === true;
  const data: WorkbookData = { sheets: sheets.map((s) => toSheetData(s, date1904)) };
  if (workbook.names !== undefined) data.names = workbook.names;
  if (workbook.structureLocked !== undefined) data.structureLocked = workbook.structureLocked;
  if (workbook.date1904 !== undefined) data.date1904 = workbook.date1904;
  return data;
}

/** The one empty row every empty worksheet row shares (never written to). */
const EMPTY_ROW: CellValue[] = Object.freeze([]) as unknown as CellValue[];

function inAny(boxes: readonly CellBox[] | undefined, row: number, column: number): boolean {
  return boxes?.some((b) => row >= b.top && row <= b.bottom && column >= b.left && column <= b.right) === true;
}

/**
 * Sparse, as the `SheetData` contract says: rows between the blocks share one empty array, a row
 * is as long as its last non-empty cell, and cells between blocks are absent (empty).
 */
function toSheetData(sheet: LoadedSheet, date1904: boolean): SheetData {
  const blocks = sheet.blocks.filter((b) => b.values.length > 0);
  const tables = sheet.tables.map(locateTable).filter((t): t is SheetTable => t !== null);
  const out: SheetData = { name: sheet.name, top: 1, left: 1, values: [], tables };
  if (blocks.length > 0) {
    const top = Math.min(...blocks.map((b) => b.top));
    const left = Math.min(...blocks.map((b) => b.left));
    const bottom = Math.max(...blocks.map((b) => b.top + b.values.length - 1));
    const values: CellValue[][] = new Array<CellValue[]>(bottom - top + 1).fill(EMPTY_ROW);
    for (const block of blocks) {
      block.values.forEach((line, r) => {
        const row = block.top + r;
        line.forEach((raw, c) => {
          const column = block.left + c;
          let v = toCellValue(raw, block.numberFormat[r]?.[c], date1904);
          // Range.values gives "" for an empty cell and for a formula whose result is "": the
          // formula areas tell them apart, and such a cell is not free to write into.
          if (v === null && raw === "" && inAny(sheet.formulaAreas, row, column)) v = "";
          if (v === null) return;
          let target = values[row - top] as CellValue[];
          if (target === EMPTY_ROW) {
            target = [];
            values[row - top] = target;
          }
          const index = column - left;
          while (target.length < index) target.push(null);
          target[index] = v;
        });
      });
    }
    out.top = top;
    out.left = left;
    out.values = values;
  }
  if (sheet.merges) out.merges = sheet.merges.map((m): CellRange => ({ ...m }));
  if (sheet.protected !== undefined) out.protected = sheet.protected;
  if (sheet.hidden !== undefined) out.hidden = sheet.hidden;
  return out;
}
