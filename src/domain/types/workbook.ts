/** The workbook as the readers give it to the engine: sheets, cells, tables, names. */
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
