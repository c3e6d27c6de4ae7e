/**
 * A workbook to create, as plain data: the sample workbook built from the seeds and the
 * empty template that "Infoga mall" inserts. Both adapters (ExcelJS file, Excel) write it.
 */
export interface TemplateTable {
  /** Excel table name, e.g. "Balanslista" (unique in the workbook; adapters may add a suffix). */
  name: string;
  /** Worksheet row of the header row (1-based). */
  top: number;
  /** Worksheet column of the first column (1-based). */
  left: number;
  /** Optional heading written in the row above the header row. */
  title: string | null;
  headers: string[];
  /** Data rows; strings are always written as text (never as formulas). */
  rows: (string | number | null)[][];
  /** Drop-down lists offered as data validation, per header. */
  validations: { header: string; values: string[] }[];
  /** Excel number format per header, e.g. the kronor format for Summa. */
  numberFormats: { header: string; format: string }[];
  /** Column widths in characters, one per header. */
  columnWidths: number[];
}

export interface TemplateSheet {
  name: string;
  tables: TemplateTable[];
}

export interface WorkbookTemplate {
  sheets: TemplateSheet[];
}

/** Excel number format for whole kronor with Swedish grouping, e.g. `13 302 905 kr`. */
export const KRONOR_FORMAT = '#,##0 "kr";-#,##0 "kr";0 "kr"';
/** Excel number format for kronor with öre. */
export const KRONOR_ORE_FORMAT = '#,##0.00 "kr";-#,##0.00 "kr";0.00 "kr"';

/**
 * A table's body as it is written: each row as wide as the headers, and one empty row when it
 * has none (an Excel table always has a body row).
 */
export function templateBodyRows(t: TemplateTable): (string | number | null)[][] {
  return (t.rows.length > 0 ? t.rows : [[]]).map((r) => t.headers.map((_, i) => r[i] ?? null));
}
