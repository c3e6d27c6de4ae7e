/** What Balans writes: the plan every adapter applies (status columns, own sheets, records). */
import type { TemplateSheet } from "../template";

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
  /**
   * Infoga mall where the workbook is a package (the preview): a new sheet with the template's
   * tables, the user's data from then on (not owned). The Excel adapter inserts it through
   * Office.js instead (src/excel/insertTemplate.ts).
   */
  templateSheet?: TemplateSheet;
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
