/**
 * Plain data shared by the engine, the adapters and the UI.
 * Nothing here knows about Excel, Office, React or files.
 */
import type Decimal from "decimal.js";
import type { Change } from "./checkRecord";

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

/**
 * One cell's value as the adapters hand it to the engine. A formula cell is its cached value.
 * `null` only for a cell that holds nothing; a cell that holds empty text (`=""`, a formula whose
 * cached value is "") is `""`, which is not free for Balans to write into.
 */
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
  /**
   * Issue 11: the JSON text of Balans's since-last-check record, as the readers find it in the
   * custom XML part with the namespace `CHECK_RECORD_NAMESPACE` (checkRecord.ts); null or absent
   * when the workbook has none.
   */
  checkRecord?: string | null;
}

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
  /**
   * Issue 11: the dates that decide the status on any day — the explicit Nästa uppföljning date
   * alone when the row has one, else every milestone of the text (any order). Absent when built
   * outside the engine.
   */
  dates?: IsoDate[];
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
  /** Paid out (Utbetalt); null when the year's distribution has no such column. */
  paid?: Decimal | null;
  /** Used (Förbrukat); null when the year's distribution has no such column. */
  used?: Decimal | null;
  /** distributed − used; null when the year's distribution has no Förbrukat column. */
  remaining?: Decimal | null;
}

export interface PartySummary {
  party: string;
  distributed: Decimal;
  /** As in {@link AreaSummary}. */
  paid?: Decimal | null;
  used?: Decimal | null;
  remaining?: Decimal | null;
}

/** One distribution row as counted in the sums, with its usage and report-back (Återredovisning). */
export interface FundRow {
  sheet: string;
  table: string;
  /** Worksheet column where the table starts: tells apart plain ranges (table "") on one sheet. */
  firstColumn: number;
  row: number;
  /** The Insats text (or "Rad N" when empty). */
  title: string;
  /** Ansvarig verksamhet as written. */
  responsible: string;
  year: number;
  /** The area key the row is counted under (as in {@link AreaSummary.area}). */
  area: string;
  party: string;
  amount: Decimal;
  /** Utbetalt / Förbrukat as written on the row; null when the cell is empty or there is no such column. */
  paid: Decimal | null;
  used: Decimal | null;
  /** amount − used (an empty Förbrukat cell counts as 0); null when the year has no Förbrukat column. */
  remaining: Decimal | null;
  /** Återredovisas senast: the row's own date, else its area's in the allocation table. */
  reportDue: IsoDate | null;
  /** The date in Återredovisat, when it holds one. */
  reportedOn: IsoDate | null;
  /** Where the report-back stands; null when no report-back is asked (no date, nothing in Återredovisat). */
  reportStatus: FollowUpStatus | null;
}

export interface YearSummary {
  year: number;
  areas: AreaSummary[];
  parties: PartySummary[];
  total: {
    allocated: Decimal | null;
    distributed: Decimal;
    difference: Decimal | null;
    paid?: Decimal | null;
    used?: Decimal | null;
    remaining?: Decimal | null;
  };
  /** Every distribution row counted in the year's sums, in the order of the workbook. */
  rows?: FundRow[];
}

/** What needs attention in the money (issue 10). */
export type MoneyAttentionKind = "imbalance" | "overspent" | "report-overdue" | "report-due-soon";

export interface MoneyAttention {
  kind: MoneyAttentionKind;
  year: number;
  /** Area key, or null for a whole year (or when it does not apply). */
  area: string | null;
  /** The area's name when known. */
  areaName: string | null;
  party: string | null;
  /** Where it is: the distribution row, or for an imbalance the allocation row (row null when none). */
  sheet: string | null;
  table: string | null;
  firstColumn: number | null;
  row: number | null;
  title: string | null;
  /** imbalance: distributed − allocated; overspent: used − amount; report-back: the row's amount. */
  amount: Decimal | null;
  message: string;
  messageEn: string;
  /** For an imbalance: the distribution rows that make up the sum; otherwise the row itself. */
  rows: FundRow[];
}

export interface Options {
  /** The date used as today. */
  today: IsoDate;
  /** Follow-ups and report-backs (Återredovisas senast) due within this many days are `due-soon`. @default 30 */
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
  /** Money that needs attention: imbalances, overspent rows, report-backs overdue or due soon. */
  attention?: MoneyAttention[];
  /**
   * Issue 11: the date of the check Balans compares against (the newest recorded check from a day
   * before `today`), or null when there is none. Absent when built outside the engine.
   */
  since?: IsoDate | null;
  /** Issue 11: what changed since that check (empty when `since` is null). */
  changes?: Change[];
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
  /**
   * The cells to write, top to bottom: one per worksheet row of the table's data body (blank rows
   * get label ""), except rows whose cell lies in a merge Balans did not create. Writers write
   * the header cell and ONLY the cells listed here: a row that is absent is skipped on purpose.
   */
  cells: StatusCell[];
  /**
   * Issue 11: the owned column "Balans datum" right of the status column (`column + 1`), whose
   * cells the status formulas read. Absent or null: the column is not written this run, and the
   * status cells carry no formula (labels and fixed fills, as before issue 11).
   */
  dates?: LiveDatesColumnPlan | null;
  /**
   * Issue 11: conditional-formatting rules on the status column's listed cells, one per label
   * (cell text equals the label → fill and font colour). Present exactly when the cells carry
   * formulas; the cells then carry no fixed fill (`fill`/`font` null). Writers replace Balans's
   * earlier rules on the column instead of adding to them. See /work/notes/issue11-writers.md.
   */
  conditionalFormats?: StatusRule[];
}

export interface StatusCell {
  row: number;
  /** The label; with a `formula`, its cached value (the status on the run's "today"). */
  label: string;
  fill: Rgb | null;
  font: Rgb | null;
  /**
   * Issue 11: the live status formula, in the invariant (en-US) language and without the leading
   * "=", relative to the same row's cell of the dates column (liveStatus.ts). Built by Balans from
   * cell addresses and its fixed labels only, never from cell text. The cell gets the General
   * number format (a formula in a Text-formatted cell stays text). Absent: `label` is written as text.
   */
  formula?: string;
}

/** The owned dates column "Balans datum" of one status column (issue 11). */
export interface LiveDatesColumnPlan {
  /** Worksheet column (1-based): the status column + 1. */
  column: number;
  /** True when the column is already Balans's (its record name points at the header cell) and is only refreshed. */
  exists: boolean;
  /** "Balans datum". */
  header: string;
  /**
   * Text to write, one per listed status cell and on the same rows: "2025-03-31; 2024-12-31",
   * a fixed label such as "Klar", or "" for a blank row. Written as text (number format `@`),
   * never as a date or a formula.
   */
  cells: { row: number; value: string }[];
}

/** One conditional-formatting rule of a status column: cell value equals `label` → `fill` and `font`. */
export interface StatusRule {
  label: string;
  fill: Rgb;
  font: Rgb;
}

export interface SummaryCell {
  row: number;
  col: number;
  /** The value; with a `formula`, its cached value. */
  value: string | number | null;
  /**
   * Issue 11: a formula (invariant language, no leading "="), built by Balans from quoted sheet
   * names and addresses only, e.g. `COUNTIF('Balanslista'!$G$4:$G$40,"Försenad")`. Written with
   * the General format (or `numFmt`); absent for every other cell.
   */
  formula?: string;
  /** Excel number format, e.g. the kronor format. */
  numFmt?: string;
  bold?: boolean;
  fill?: Rgb;
  /** In-workbook link target: sheet and A1 address. Never built from cell text as a formula. */
  link?: { sheet: string; address: string };
}

export interface SummarySheetPlan {
  /** The sheet to write: the owned sheet's current name, or a free name for a new sheet. */
  name: string;
  /**
   * The owned summary sheet to rewrite in place (equal to `name`), or null/absent to add a new
   * sheet named `name` (no sheet of that name exists, in any case). Writers never delete or
   * rename a sheet: an existing one has its cells (values, formats, links, its chart) replaced.
   */
  existing?: string | null;
  cells: SummaryCell[];
  /** Column widths in characters, column A first. */
  columnWidths: number[];
  /** Data for an optional chart of the distribution per party (first year). */
  chart: { title: string; year: number; categories: string; values: string } | null;
  /** More charts, drawn besides `chart` (issue 10: the money across the years). */
  charts?: SummaryChartPlan[];
}

/** A chart on the summary sheet over ranges of that sheet (A1, no sheet name). */
export interface SummaryChartPlan {
  title: string;
  /** `column`: clustered columns, one series per value range, the categories along the axis. */
  kind: "column";
  /** The category labels, e.g. `A20:A22` (the years, as text). */
  categories: string;
  /** One series per range, named in the legend, e.g. `{ name: "Fördelat", values: "C20:C22" }`. */
  series: { name: string; values: string }[];
  /** Top-left cell of the chart (1-based row and column on the summary sheet). */
  anchor: { row: number; col: number };
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
  /** The owned sheet with one meeting's agenda (Mötesunderlag, issue 14), when asked for. */
  agendaSheet?: AgendaSheetPlan;
  /**
   * Issue 11: the since-last-check record to store (JSON text) in the custom XML part with the
   * namespace `CHECK_RECORD_NAMESPACE` (checkRecord.ts): created, or its content replaced. Absent
   * or null: the part is left as it is (only Kontrollera and apply store a record).
   */
  checkRecord?: string | null;
}

/**
 * An owned sheet "Underlag SVOM 2024-12-06" (issue 14): cells as in the summary sheet (text
 * written as text, links to the rows), and its print setup. Page layout needs ExcelApi 1.9;
 * older hosts write the sheet without it.
 */
export interface AgendaSheetPlan {
  /** At most 31 characters; a long forum name is shortened. */
  name: string;
  /**
   * The owned agenda sheet to rewrite in place (its current name, recorded in a hidden name
   * `_Balans_Agenda_<n>`), or null/absent to add a new sheet named `name`. As for the summary
   * sheet, writers never delete or rename a sheet.
   */
  existing?: string | null;
  cells: SummaryCell[];
  /** Column widths in characters, column A first. */
  columnWidths: number[];
  print: {
    orientation: "landscape";
    paperSize: "A4";
    /** Worksheet row repeated at the top of every printed page. */
    repeatRow: number;
    /** Fit to this many pages wide (any number of pages tall). */
    fitToPagesWide: 1;
  };
}
