/**
 * Plain data shared by the engine, the adapters and the UI.
 * Nothing here knows about Excel, Office, React or files.
 */
import type Decimal from "decimal.js";

/** A calendar date as `YYYY-MM-DD`. Compares correctly as a string. */
export type IsoDate = string;

/** An Excel error value such as `#N/A`, `#VALUE!`, `#VÄRDE!`, `#REF!`. */
export interface CellError {
  error: string;
}

/** A cell that Excel stores as a date (a number with a date format). */
export interface CellDate {
  date: IsoDate;
}

/** One cell's value as the adapters hand it to the engine. */
export type CellValue = string | number | boolean | null | CellError | CellDate;

/** An Excel table (ListObject) on a sheet. Rows/columns are 1-based worksheet positions. */
export interface SheetTable {
  name: string;
  /** Worksheet row of the header row. */
  headerRow: number;
  /** Worksheet column of the first column. */
  firstColumn: number;
  /** Number of data rows (without header and totals row). */
  rowCount: number;
  columnCount: number;
}

/** A rectangle of cells, 1-based and inclusive (worksheet rows and columns). */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * The cells of one worksheet that hold data, as values, plus the tables on it.
 *
 * Sparse by contract: rows may have different lengths (a missing entry is an empty cell) and
 * empty rows may share one empty array, so that memory follows the cells that hold data, not
 * the area of the used range (a stray cell at XFD1048576 costs one row, not a sheet).
 */
export interface SheetData {
  name: string;
  /** Worksheet row of `values[0]` (1-based). */
  top: number;
  /** Worksheet column of `values[r][0]` (1-based). */
  left: number;
  values: CellValue[][];
  tables: SheetTable[];
  /** Merged ranges on the sheet (as read; none when absent). */
  merges?: CellRange[];
  /** Sheet protection is on: Balans writes nothing on this sheet. */
  protected?: boolean;
  /** The sheet is hidden or very hidden. */
  hidden?: boolean;
}

/** A defined name as stored in the workbook. */
export interface DefinedName {
  name: string;
  /** What it refers to, without the leading "=" (e.g. `'Balans summering'!$A$1` or `"v1;30;90"`). */
  refersTo: string;
  /** Sheet-scoped names carry their sheet; workbook-level names null. */
  scope: string | null;
  hidden: boolean;
}

export interface WorkbookData {
  sheets: SheetData[];
  /** The workbook's defined names (Balans's ownership record lives in hidden names). */
  names?: DefinedName[];
  /** The workbook's structure is locked: no sheet may be added, removed or renamed. */
  structureLocked?: boolean;
  /** The workbook counts dates from 1904 (old Mac Excel). */
  date1904?: boolean;
}

export type TableKind = "balanslista" | "agreements" | "distribution" | "allocations" | "parties";

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
  /** True when the column right of the table holds user data, so no owned column can be added. */
  blockedOwnedColumn: boolean;
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
}

export type FollowUpStatus = "overdue" | "due-soon" | "planned" | "done" | "no-date";
export type AgreementStatus = "expired" | "expiring" | "valid" | "open-ended" | "unknown";

export interface Milestone {
  date: IsoDate;
  /** The text that was read as this date, e.g. `"3/6 2024"`. */
  source: string;
  /** Index in the input string where `source` starts. */
  index: number;
}

export type Validity =
  | { kind: "ends"; end: IsoDate; start: IsoDate | null }
  | { kind: "open-ended"; start: IsoDate | null }
  | { kind: "auto-renew"; start: IsoDate | null }
  | { kind: "unknown" };

export interface FollowUp {
  sheet: string;
  table: string;
  /** Worksheet column where the table starts: tells apart plain ranges (table "") on one sheet. */
  firstColumn: number;
  row: number;
  title: string;
  area: string | null;
  status: FollowUpStatus;
  next: IsoDate | null;
  latest: IsoDate | null;
}

export interface Agreement {
  sheet: string;
  table: string;
  /** Worksheet column where the table starts: tells apart plain ranges (table "") on one sheet. */
  firstColumn: number;
  row: number;
  title: string;
  status: AgreementStatus;
  validTo: IsoDate | null;
}

export interface AreaSummary {
  /** Area key: its leading number ("1") or its normalised name. */
  area: string;
  /** The area's name as written, when known. */
  name: string | null;
  allocated: Decimal | null;
  distributed: Decimal;
  /** distributed − allocated; null when no allocation exists. */
  difference: Decimal | null;
}

export interface PartySummary {
  party: string;
  distributed: Decimal;
}

export interface YearSummary {
  year: number;
  areas: AreaSummary[];
  parties: PartySummary[];
  total: { allocated: Decimal | null; distributed: Decimal; difference: Decimal | null };
}

export interface Options {
  /** The date used as today. */
  today: IsoDate;
  /** Follow-ups due within this many days are `due-soon`. @default 30 */
  dueSoonDays: number;
  /** Agreements ending within this many days are `expiring`. @default 90 */
  expiringDays: number;
}

export interface Analysis {
  today: IsoDate;
  tables: RecognisedTable[];
  funds: YearSummary[];
  followUps: FollowUp[];
  agreements: Agreement[];
  problems: Problem[];
}

/** A fill colour as 6 hex digits RGB, e.g. `"FFC7CE"`. */
export type Rgb = string;

/** The status column that Balans owns beside a balanslista or agreements table. */
export interface StatusColumnPlan {
  sheet: string;
  table: string;
  headerRow: number;
  /** Worksheet column of the owned column (1-based). */
  column: number;
  /** True when the column already exists and is only refreshed. */
  exists: boolean;
  header: string;
  /** One entry per worksheet row of the table's data body, top to bottom (blank rows get label ""). */
  cells: StatusCell[];
}

export interface StatusCell {
  row: number;
  label: string;
  fill: Rgb | null;
  font: Rgb | null;
}

export interface SummaryCell {
  row: number;
  col: number;
  value: string | number | null;
  /** Excel number format, e.g. the kronor format. */
  numFmt?: string;
  bold?: boolean;
  fill?: Rgb;
  /** In-workbook link target: sheet and A1 address. Never built from cell text as a formula. */
  link?: { sheet: string; address: string };
}

export interface SummarySheetPlan {
  name: string;
  cells: SummaryCell[];
  /** Column widths in characters, column A first. */
  columnWidths: number[];
  /** Data for an optional chart of the distribution per party (first year). */
  chart: { title: string; year: number; categories: string; values: string } | null;
}

/** A hidden workbook-level defined name that Balans writes (its ownership record). */
export interface NamePlan {
  name: string;
  /** A1 reference or constant, without the leading "=" (e.g. `'Balans summering'!$A$1`). */
  refersTo: string;
  comment: string;
}

export interface Plan {
  statusColumns: StatusColumnPlan[];
  summary: SummarySheetPlan | null;
  /**
   * Balans's ownership record after this run: every name here is created or replaced (hidden,
   * workbook scope). Written identically by the Excel and the file adapter.
   */
  names?: NamePlan[];
  /** Balans names that no longer hold (what they recorded is gone): deleted. */
  removeNames?: string[];
}
