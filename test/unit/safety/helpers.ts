/**
 * Shared helpers for the data-safety tests: which corpus cases run, what each one plans, which
 * cells Balans owns, and the facts about Excel that both adapters' loaders need.
 */
import { analyseWorkbook, defaultOptions, planApply } from "../../../src/domain";
import { AGREEMENT_STYLES, FOLLOW_UP_STYLES } from "../../../src/domain/statusLabels";
import type { Analysis, CellValue, IsoDate, Options, Plan, SheetData, SheetTable } from "../../../src/domain/types";
import { CORPUS } from "../../fixtures/corpus";
import { DEFAULT_TODAY, type CorpusCase } from "../../fixtures/corpus/corpusCase";

export function optionsOf(c: CorpusCase): Options {
  return defaultOptions(c.today ?? DEFAULT_TODAY);
}

/** What the engine makes of the case as written (no adapter in between). */
export function planOf(c: CorpusCase): { analysis: Analysis; plan: Plan } {
  const analysis = analyseWorkbook(c.workbook, optionsOf(c));
  return { analysis, plan: planApply(analysis) };
}

/** The corpus cases in which the engine recognises at least one table: Kontrollera and Summering run on them. */
export const CASES_WITH_TABLES: readonly CorpusCase[] = CORPUS.filter((c) => planOf(c).analysis.tables.length > 0);

/** `"Sheet!row:col"`, the key of one cell in the sets below. */
export const cellKey = (sheet: string, row: number, col: number): string => `${sheet}!${row}:${col}`;

/** The cells the status column plans let Balans write (header and data cells). */
export function ownedCells(plan: Plan): Set<string> {
  const owned = new Set<string>();
  for (const p of plan.statusColumns) {
    owned.add(cellKey(p.sheet, p.headerRow, p.column));
    for (const c of p.cells) owned.add(cellKey(p.sheet, c.row, p.column));
    // Issue 11: the dates column beside the status column is Balans's too.
    if (p.dates) {
      owned.add(cellKey(p.sheet, p.headerRow, p.dates.column));
      for (const c of p.dates.cells) owned.add(cellKey(p.sheet, c.row, p.dates.column));
    }
  }
  return owned;
}

/** Every label Balans may write in a status cell. */
export const STATUS_LABELS: ReadonlySet<string> = new Set(
  [...Object.values(FOLLOW_UP_STYLES), ...Object.values(AGREEMENT_STYLES)].map((s) => s.label),
);

/** Text that Excel reads as a formula when it is typed or written to `Range.values`. */
export const FORMULA_LIKE = /^[=+\-@]/u;

/** True for a calendar day that exists (`2024-02-29` yes, `2023-02-29` no), years 1900–9999 as Excel has them. */
export function isRealDay(iso: IsoDate): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 9999) return false;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Why a case cannot be put into a workbook (a date cell holding no real day), or null when it can. */
export function unrepresentable(c: CorpusCase): string | null {
  for (const sheet of c.workbook.sheets) {
    for (const row of sheet.values) {
      for (const v of row) {
        if (v !== null && typeof v === "object" && "date" in v && !isRealDay(v.date)) {
          return `a date cell holds ${JSON.stringify(v.date)}, which is no day Excel can store`;
        }
      }
    }
  }
  return null;
}

/** The value at a worksheet position of a case's sheet. */
export function valueAt(sheet: SheetData, row: number, col: number): CellValue {
  return sheet.values[row - sheet.top]?.[col - sheet.left] ?? null;
}

/** The worksheet box the case's values and tables cover. */
export function extentOf(sheet: SheetData): { bottom: number; right: number } {
  let bottom = sheet.top + sheet.values.length - 1;
  let right = sheet.left + sheet.values.reduce((m, r) => Math.max(m, r.length), 0) - 1;
  for (const t of sheet.tables) {
    bottom = Math.max(bottom, t.headerRow + t.rowCount);
    right = Math.max(right, t.firstColumn + t.columnCount - 1);
  }
  return { bottom: Math.max(bottom, 1), right: Math.max(right, 1) };
}

const isBlankHeader = (v: CellValue): boolean => v === null || (typeof v === "string" && v.trim() === "");

/**
 * The column names an Excel table has for the case's header cells: Excel keeps them unique and
 * never empty (a cleared header cell is named "Kolumn3", a copied "Summa" becomes "Summa2").
 */
export function tableColumnNames(sheet: SheetData, table: SheetTable): string[] {
  const names: string[] = [];
  for (let i = 0; i < table.columnCount; i++) {
    const v = valueAt(sheet, table.headerRow, table.firstColumn + i);
    let name = isBlankHeader(v) ? `Kolumn${i + 1}` : typeof v === "object" && v !== null ? ("error" in v ? v.error : v.date) : String(v);
    const base = name;
    for (let n = 2; names.some((x) => x.toLowerCase() === name.toLowerCase()); n++) name = `${base}${n}`;
    names.push(name);
  }
  return names;
}

/** Excel's serial number of a day (1900 date system; days after 1900-02-28). */
export function excelSerial(iso: IsoDate): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** Sorted-key JSON, so that equal objects give equal strings. */
export function stable(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
    }
    return v;
  });
}

/** The keys on which two snapshots differ, with both sides: `[]` when they are equal. */
export function differences(before: Record<string, string>, after: Record<string, string>): [string, string | undefined, string | undefined][] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys.filter((k) => before[k] !== after[k]).map((k) => [k, before[k], after[k]]);
}

// ---------------------------------------------------------------------------------------------
// What a user has around the tables: the same extras go into the .xlsx and into the fake Excel.

/** A user's fill colours (RGB). */
export const USER_HEADER_FILL = "FFF2CC";
export const USER_NOTE_FILL = "E2EFDA";
/** A user's number format on the amounts. */
export const USER_NUMBER_FORMAT = "#,##0.00";

/** One cell a user added or styled. `value` undefined: only the style is set, the value stays as the case has it. */
export interface Extra {
  sheet: string;
  row: number;
  col: number;
  value?: string | number;
  /** A formula (without `=`) and its cached result in `value`. */
  formula?: string;
  fill?: string;
  bold?: boolean;
  numFmt?: string;
}

/** The sheet of notes, formulas and links that every case gets besides its own sheets. */
export const NOTES_SHEET = "Övrigt";

/**
 * The user's extras for a case: styled table headers and amounts, a formula below and right of
 * everything, a styled empty cell under each status column, a note right of each new status
 * column (a cell with nothing on its left until Balans writes there), and the owned cells
 * pre-styled like the headers (Balans may restyle those, never the headers sharing the style).
 */
export function extrasFor(c: CorpusCase, plan: Plan): Extra[] {
  const extras: Extra[] = [];
  const owned = ownedCells(plan);
  const inAnyTable = (sheet: SheetData, row: number, col: number) =>
    sheet.tables.some((t) => row >= t.headerRow && row <= t.headerRow + t.rowCount && col >= t.firstColumn && col < t.firstColumn + t.columnCount);
  for (const sheet of c.workbook.sheets) {
    const { bottom, right } = extentOf(sheet);
    extras.push({ sheet: sheet.name, row: bottom + 3, col: right + 3, value: 3, formula: "SUM(1,2)", fill: USER_NOTE_FILL, numFmt: "0.00" });
    for (const t of sheet.tables) {
      for (let i = 0; i < t.columnCount; i++) extras.push({ sheet: sheet.name, row: t.headerRow, col: t.firstColumn + i, fill: USER_HEADER_FILL, bold: true });
    }
    sheet.values.forEach((line, r) =>
      line.forEach((v, k) => {
        if (typeof v === "number") extras.push({ sheet: sheet.name, row: sheet.top + r, col: sheet.left + k, numFmt: USER_NUMBER_FORMAT });
      }),
    );
  }
  for (const p of plan.statusColumns) {
    const sheet = c.workbook.sheets.find((s) => s.name === p.sheet);
    if (!sheet) continue;
    const rows = [p.headerRow, ...p.cells.map((x) => x.row)];
    for (const row of rows) {
      if (valueAt(sheet, row, p.column) === null) extras.push({ sheet: p.sheet, row, col: p.column, fill: USER_HEADER_FILL, bold: true });
    }
    const below = Math.max(...rows) + 1;
    if (valueAt(sheet, below, p.column) === null && !owned.has(cellKey(p.sheet, below, p.column)) && !inAnyTable(sheet, below, p.column)) {
      extras.push({ sheet: p.sheet, row: below, col: p.column, fill: USER_NOTE_FILL });
    }
    // A note with empty columns on both sides until Balans writes: it must not join a neighbouring range.
    const col = (p.dates?.column ?? p.column) + 1;
    const free = rows.every((row) =>
      [col, col + 1].every((k) => valueAt(sheet, row, k) === null && !owned.has(cellKey(p.sheet, row, k)) && !inAnyTable(sheet, row, k)),
    );
    if (!p.exists && free) extras.push({ sheet: p.sheet, row: p.headerRow, col, value: "Anteckning till höger", fill: USER_NOTE_FILL });
  }
  const first = c.workbook.sheets[0]?.name ?? "Blad1";
  const quoted = `'${first.replace(/'/g, "''")}'`;
  const notes: Extra[] = [
    { sheet: NOTES_SHEET, row: 1, col: 1, value: "Anteckningar", bold: true },
    { sheet: NOTES_SHEET, row: 2, col: 2, value: 10, numFmt: USER_NUMBER_FORMAT },
    { sheet: NOTES_SHEET, row: 3, col: 2, value: 20, numFmt: USER_NUMBER_FORMAT },
    { sheet: NOTES_SHEET, row: 2, col: 1, value: 30, formula: "SUM(B2:B3)", fill: USER_HEADER_FILL },
    { sheet: NOTES_SHEET, row: 3, col: 1, value: 3, formula: `COUNTA(${quoted}!A1:A3)` },
    { sheet: NOTES_SHEET, row: 4, col: 1, value: "=1+1" },
    { sheet: NOTES_SHEET, row: 5, col: 1, value: "+46 70 123 45 67" },
    { sheet: NOTES_SHEET, row: 6, col: 1, value: "-x" },
    { sheet: NOTES_SHEET, row: 7, col: 1, value: "@x" },
    { sheet: NOTES_SHEET, row: 8, col: 1, value: '=HYPERLINK("https://example.com","klicka")' },
  ];
  return [...extras, ...notes];
}

/**
 * The case as Excel itself would hold it: a table's header cells carry the table's column names
 * (Excel names a cleared header "Kolumn3" and a copied "Summa" "Summa2", and shows that text in
 * the cell), and no cell holds empty text (writing "" to a cell clears it).
 */
export function asExcelHoldsIt(c: CorpusCase): CorpusCase {
  const workbook = structuredClone(c.workbook);
  for (const sheet of workbook.sheets) {
    sheet.values = sheet.values.map((line) => line.map((v) => (v === "" ? null : v)));
    for (const t of sheet.tables) {
      const names = tableColumnNames(sheet, t);
      names.forEach((name, i) => {
        const col = t.firstColumn + i;
        if (valueAt(sheet, t.headerRow, col) === name) return;
        const r = t.headerRow - sheet.top;
        const k = col - sheet.left;
        while (sheet.values.length <= r) sheet.values.push([]);
        const line = sheet.values[r] ?? [];
        while (line.length <= k) line.push(null);
        line[k] = name;
        sheet.values[r] = line;
      });
    }
  }
  return { ...c, workbook };
}
