/**
 * A1 addresses as plain strings: building them for writes and parsing the ones Excel returns.
 * Rows and columns are 1-based worksheet positions, as in the engine's types.
 */
import { columnLetter, columnNumber } from "../domain/columnLetter";

export { columnLetter, columnNumber };

/** A rectangle of cells; all positions 1-based and inclusive. */
export interface CellBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** `"B2"` for row 2, column 2. */
export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/** `"B2:D10"`, or `"B2"` for a single cell. */
export function boxAddress(box: CellBox): string {
  const start = cellAddress(box.top, box.left);
  return box.top === box.bottom && box.left === box.right ? start : `${start}:${cellAddress(box.bottom, box.right)}`;
}

/** A sheet name as Excel wants it in a reference: always quoted, single quotes doubled. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** `"'Q1 ''24'!A5"` for sheet `Q1 '24`, address `A5`. */
export function sheetReference(sheet: string, address: string): string {
  return `${quoteSheetName(sheet)}!${address}`;
}

/** Splits `"'My sheet'!A1:B2"` into sheet (unquoted) and address; sheet is null without a `!`. */
export function splitSheetReference(reference: string): { sheet: string | null; address: string } {
  const bang = reference.lastIndexOf("!");
  if (bang < 0) return { sheet: null, address: reference };
  let sheet = reference.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: reference.slice(bang + 1) };
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

/**
 * Parses an A1 address such as `"Blad1!B2:D10"`, `"'Q1'!A1"` or `"C3"` into its box.
 * Whole-row or whole-column addresses are not accepted (Excel never returns them for used ranges).
 */
export function parseAddress(reference: string): CellBox {
  const { address } = splitSheetReference(reference);
  const [first, second] = address.split(":");
  const a = CELL.exec(first ?? "");
  const b = CELL.exec(second ?? first ?? "");
  if (!a || !b || address.split(":").length > 2) throw new RangeError(`Unsupported address ${reference}`);
  const top = Number(a[2]);
  const left = columnNumber(a[1] ?? "");
  const bottom = Number(b[2]);
  const right = columnNumber(b[1] ?? "");
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}
