/**
 * A recognised table's cells by column key (`"title"`, `"amount"`, …): the one way the engine's
 * readers (balanslista, agreements, funds, tracking columns, meeting calendar) look a column up.
 */
import type { CellValue, RecognisedTable, TableRow } from "./types";

/** The row's value in the column recognised as `key`; null when the table has no such column or the cell is empty. */
export function field(table: RecognisedTable, row: TableRow, key: string): CellValue {
  const offset = table.columns[key];
  if (offset === undefined) return null;
  return row.cells[table.cellOffset + offset] ?? null;
}

/** The header of the column recognised as `key`, as the user wrote it (for messages); `fallback` when there is none. */
export function header(table: RecognisedTable, key: string, fallback: string): string {
  const offset = table.columns[key];
  return offset === undefined ? fallback : (table.headers[offset] ?? fallback);
}
