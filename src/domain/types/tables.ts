/** The tables the engine recognises and the problems it reports about them. */
import type { CellValue } from "./workbook";

export type TableKind = "balanslista" | "agreements" | "distribution" | "allocations" | "parties" | "meetings";

/** A table the engine recognised by its header row. */
export interface RecognisedTable {
  kind: TableKind;
  sheet: string;
  /** Excel table name, or `""` for a plain range recognised by its header row. */
  table: string;
  headerRow: number;
  /** Worksheet column of the first and last column (1-based), owned column excluded. */
  firstColumn: number;
  lastColumn: number;
  /** Header text as the user wrote it, per column offset. */
  headers: string[];
  /** Index in each `TableRow.cells` of the table's first column. */
  cellOffset: number;
  /** Field name → column offset from `firstColumn`. */
  columns: Partial<Record<string, number>>;
  /** Column offset of an existing Balans-owned status column, if any. */
  ownedColumn: number | null;
  /** Last worksheet row of the data body (equals headerRow when the table has no data rows). */
  lastRow: number;
  /** True for an Excel table (ListObject), false for a plain range recognised by its header row. */
  isExcelTable: boolean;
  /**
   * True when this table gets no status column this run: the column right of it holds data or
   * (Excel table) crosses a merge, the sheet is protected, or a user's own column titled
   * "Balans status" is in the way. The reason is among the analysis's problems.
   */
  blockedOwnedColumn: boolean;
  /**
   * Worksheet rows whose status cell lies in a merge Balans did not create: not written (each
   * reported). Absent when there are none.
   */
  statusRowsSkipped?: number[];
  /** Data rows (blank rows left out). */
  rows: TableRow[];
}

export interface TableRow {
  /** Worksheet row number as the user sees it. */
  row: number;
  /**
   * The worksheet row's values as the adapter read them (shared, never copied or changed): the
   * table's first column is at `RecognisedTable.cellOffset`.
   */
  cells: CellValue[];
}

export interface Problem {
  sheet: string;
  table: string;
  /** Worksheet row, or null for a problem with the whole table/workbook. */
  row: number | null;
  /** Column header as the user wrote it, or null. */
  column: string | null;
  /** Swedish message for the user. */
  message: string;
  /** English message. */
  messageEn: string;
  /**
   * What kind of message it is, when it is one of Balans's notices (what Balans did instead of
   * writing): e.g. `adopted-summary`, `user-status-column`, `status-merge-row` (see
   * `NoticeCode` in ownership.ts). Absent for problems in the data.
   */
  code?: string;
}
