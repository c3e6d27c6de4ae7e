/**
 * Balans's ownership record: what Balans created in a workbook, recorded in the workbook itself,
 * so that Balans rewrites only what it made and never what merely carries its name.
 *
 * ## The choice: hidden workbook-level defined names
 *
 * - `_Balans_Version` = `"1"`: the record's format (later fields sit beside it).
 * - `_Balans_Summary` = `'Balans summering'!$A$1`: the summary sheet Balans created.
 * - `_Balans_Status_1` … `_Balans_Status_n` = `'Balanslista'!$G$3`: the header cell of each
 *   status column Balans created.
 *
 * A defined name is a reference that Excel keeps up to date: it follows a renamed or moved sheet
 * and inserted or deleted rows and columns (desktop, web and the file format alike), and turns
 * into `#REF!` when what it pointed at is deleted — which is exactly "no longer Balans's". The
 * alternatives do not hold: an address kept in a custom XML part (or in settings) goes stale as
 * soon as a row is inserted, and `Worksheet.id` exists only in Office.js, not in the .xlsx file,
 * so the command line could not read it. Both adapters write the same names (`Plan.names`,
 * `Plan.removeNames`), hidden, at workbook scope.
 *
 * A workbook written by an earlier Balans has no record. It is adopted once, and only when its
 * layout is exactly Balans's own (see {@link isEarlierSummary} and the status-column rule in
 * recogniseTables.ts); the adoption is said (a notice) and recorded.
 *
 * Pure functions over {@link WorkbookData}: no Excel, no files.
 */
import { columnLetter, columnNumber } from "./columnLetter";
import { localise, type ParamsOf } from "./messages";
import { normaliseHeader } from "./normaliseText";
import { AGREEMENT_STYLES, FOLLOW_UP_STYLES } from "./statusLabels";
import type { CellValue, DefinedName, NamePlan, Problem, SheetData, WorkbookData } from "./types";

/** Every name of the record starts with this (compared case-insensitively, as Excel does). */
export const RECORD_PREFIX = "_Balans_";
export const VERSION_NAME = "_Balans_Version";
export const SUMMARY_NAME_RECORD = "_Balans_Summary";
export const STATUS_NAME_PREFIX = "_Balans_Status_";
/** Issue 14: `_Balans_Agenda_1` … = `'Underlag SVOM 2024-12-06'!$A$1`, the agenda sheets Balans created. */
export const AGENDA_NAME_PREFIX = "_Balans_Agenda_";
/** The record's format, written as the string constant `"1"`. */
export const RECORD_VERSION = "1";

/** The default name of the summary sheet. */
export const SUMMARY_SHEET = "Balans summering";
/** The summary sheet's own title (cell A1) and the start of its second line (A2), for adoption. */
export const SUMMARY_TITLE = "Balans – summering";
export const SUMMARY_SUBTITLE_START = "Beräknad för datumet";
/** Header of the status column Balans owns. */
export const STATUS_HEADER = "Balans status";

/** Excel's longest sheet name. */
const MAX_SHEET_NAME = 31;

/** One cell of a named sheet (1-based worksheet row and column). */
export interface CellRef {
  sheet: string;
  row: number;
  column: number;
}

/** The record as read from a workbook. */
export interface OwnershipRecord {
  /** The cell `_Balans_Summary` points at, on a sheet that exists (its current name), or null. */
  summary: CellRef | null;
  /** The header cells the `_Balans_Status_n` names point at, on sheets that exist. */
  statusColumns: CellRef[];
  /** Every Balans name in the workbook as written (to tell which ones to remove). */
  names: string[];
  /** Issue 14: the cells (A1) the `_Balans_Agenda_n` names point at, on sheets that exist; absent when none. */
  agendaSheets?: CellRef[];
}

/** A Problem with a code, for the notices Balans gives about what it did instead. */
export type NoticeCode =
  | "adopted-summary"
  | "adopted-status-column"
  | "user-summary-sheet"
  | "summary-structure-locked"
  | "summary-protected"
  | "user-status-column"
  | "status-merge-row"
  | "status-merge-table"
  | "status-protected";

/** Notices that are said on the run that decided them and not again (the record holds the decision). */
export const ONCE_NOTICES: ReadonlySet<NoticeCode> = new Set<NoticeCode>(["adopted-summary", "adopted-status-column", "user-summary-sheet"]);

/** A notice at a place, its words from the catalogue (the notice's code is its key there). */
export function notice<C extends NoticeCode>(code: C, sheet: string, table: string, row: number | null, column: string | null, ...params: ParamsOf<C>): Problem {
  return { sheet, table, row, column, ...localise(code, ...params), code };
}

const isRecordName = (name: string) => name.toLowerCase().startsWith(RECORD_PREFIX.toLowerCase());

/** `'Balans summering'!$A$1`: the sheet always quoted (a `'` doubled), the cell absolute. */
export function formatReference(ref: CellRef): string {
  return `'${ref.sheet.replace(/'/g, "''")}'!$${columnLetter(ref.column)}$${ref.row}`;
}

const REFERENCE = /^(?:'((?:[^']|'')+)'|([^'![\]]+))!\$?([A-Za-z]{1,3})\$?(\d{1,7})$/u;

/**
 * Reads a one-cell reference as Excel writes it in a defined name: `'Balans summering'!$A$1`,
 * `Balanslista!$G$3`, with or without `$`, an optional leading `=`. Null for anything else:
 * `#REF!`, `'Blad'!#REF!`, a range, another workbook (`[1]Blad!A1`), a constant.
 */
export function parseReference(refersTo: string): CellRef | null {
  const m = REFERENCE.exec(refersTo.trim().replace(/^=/u, ""));
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? "");
  if (sheet === "" || sheet.includes("#REF")) return null;
  const column = columnNumber(m[3] ?? "");
  const row = Number(m[4]);
  if (row < 1 || row > 1_048_576 || column > 16_384) return null;
  return { sheet, row, column };
}

/** The sheet of `data` called `name` (exactly, else ignoring case as Excel does), or undefined. */
export function findSheet(data: WorkbookData, name: string): SheetData | undefined {
  const lower = name.toLocaleLowerCase("sv-SE");
  return data.sheets.find((s) => s.name === name) ?? data.sheets.find((s) => s.name.toLocaleLowerCase("sv-SE") === lower);
}

/** The record in `data.names`: workbook-level Balans names whose reference still holds. */
export function readOwnership(data: WorkbookData): OwnershipRecord {
  const record: OwnershipRecord = { summary: null, statusColumns: [], names: [] };
  const seen = new Set<string>();
  for (const n of data.names ?? []) {
    if (n.scope !== null || !isRecordName(n.name)) continue;
    record.names.push(n.name);
    const lower = n.name.toLowerCase();
    const isSummary = lower === SUMMARY_NAME_RECORD.toLowerCase();
    const isStatus = lower.startsWith(STATUS_NAME_PREFIX.toLowerCase());
    const isAgenda = lower.startsWith(AGENDA_NAME_PREFIX.toLowerCase());
    if (!isSummary && !isStatus && !isAgenda) continue;
    const ref = parseReference(n.refersTo);
    const sheet = ref === null ? undefined : findSheet(data, ref.sheet);
    if (ref === null || sheet === undefined) continue;
    const cell = { ...ref, sheet: sheet.name };
    if (isAgenda) {
      const list = (record.agendaSheets ??= []);
      if (!list.some((r) => r.sheet === cell.sheet)) list.push(cell);
    } else if (isSummary) {
      record.summary = cell;
    } else {
      const key = cellKey(cell);
      if (!seen.has(key)) record.statusColumns.push(cell);
      seen.add(key);
    }
  }
  return record;
}

/** `"Blad\u0000row\u0000col"`: the key of one cell in sets of cells. */
export function cellKey(ref: CellRef): string {
  return `${ref.sheet}\u0000${ref.row}\u0000${ref.column}`;
}

/** The value of one worksheet cell of `sheet` (null when it holds nothing). */
export function valueAt(sheet: SheetData, row: number, column: number): CellValue {
  return sheet.values[row - sheet.top]?.[column - sheet.left] ?? null;
}

/** Balans's status labels, any kind. */
export const STATUS_LABELS: ReadonlySet<string> = new Set(
  [...Object.values(FOLLOW_UP_STYLES), ...Object.values(AGREEMENT_STYLES)].map((s) => s.label),
);

/** True when `value` is the status column's header as Balans writes it (case and spaces aside). */
export function isStatusHeader(value: CellValue): boolean {
  return typeof value === "string" && normaliseHeader(value) === normaliseHeader(STATUS_HEADER);
}

/** True for a sheet exactly as an earlier Balans wrote its summary: its name, its title in A1, its date line in A2. */
export function isEarlierSummary(sheet: SheetData): boolean {
  const a2 = valueAt(sheet, 2, 1);
  return sheet.name === SUMMARY_SHEET && valueAt(sheet, 1, 1) === SUMMARY_TITLE && typeof a2 === "string" && a2.startsWith(SUMMARY_SUBTITLE_START);
}

/**
 * The summary sheet that is Balans's: the one the record points at, else (no record) a sheet in
 * an earlier Balans's exact layout, which is adopted. Null when Balans owns none.
 */
export function ownedSummarySheet(data: WorkbookData, record: OwnershipRecord = readOwnership(data)): { sheet: string; adopted: boolean } | null {
  if (record.summary !== null) return { sheet: record.summary.sheet, adopted: false };
  const earlier = data.sheets.find(isEarlierSummary);
  return earlier === undefined ? null : { sheet: earlier.name, adopted: true };
}

/** `base`, else `base (2)`, `base (3)`… — the first sheet name not taken (case-insensitive, max 31 characters). */
export function uniqueSheetName(base: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLocaleLowerCase("sv-SE")));
  const clean = base.replace(/[:\\/?*[\]]/g, " ").slice(0, MAX_SHEET_NAME);
  if (!lower.has(clean.toLocaleLowerCase("sv-SE"))) return clean;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = clean.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!lower.has(name.toLocaleLowerCase("sv-SE"))) return name;
  }
}

/** Where Summering writes, and why not when it cannot. */
export interface SummaryDecision {
  /** The sheet to write (null: no summary this run). */
  name: string | null;
  /** The owned sheet to rewrite in place (equal to `name`), or null for a new sheet. */
  existing: string | null;
  notices: Problem[];
}

/**
 * Decides where the summary goes: the owned sheet (by the record or adopted) is rewritten in
 * place; otherwise a new sheet under the first free name — a user's sheet called "Balans
 * summering" (any case) is left alone and said. A locked workbook structure means no new
 * sheet; a protected owned sheet is not written. Both are said.
 */
export function decideSummarySheet(data: WorkbookData, record: OwnershipRecord = readOwnership(data)): SummaryDecision {
  const owned = ownedSummarySheet(data, record);
  const notices: Problem[] = [];
  if (owned !== null) {
    const sheet = findSheet(data, owned.sheet);
    if (owned.adopted) {
      notices.push(
        notice("adopted-summary", owned.sheet, "", null, null, { sheet: owned.sheet }),
      );
    }
    if (sheet?.protected === true) {
      notices.push(
        notice("summary-protected", owned.sheet, "", null, null, { sheet: owned.sheet }),
      );
      return { name: null, existing: null, notices };
    }
    return { name: owned.sheet, existing: owned.sheet, notices };
  }
  const taken = data.sheets.map((s) => s.name);
  const name = uniqueSheetName(SUMMARY_SHEET, taken);
  const clash = data.sheets.find((s) => s.name.toLocaleLowerCase("sv-SE") === SUMMARY_SHEET.toLocaleLowerCase("sv-SE"));
  if (data.structureLocked === true) {
    notices.push(
      notice("summary-structure-locked", clash?.name ?? "", "", null, null, { sheet: name }),
    );
    return { name: null, existing: null, notices };
  }
  if (clash !== undefined) {
    notices.push(
      notice("user-summary-sheet", clash.name, "", null, null, { sheet: clash.name, ours: name, wanted: SUMMARY_SHEET }),
    );
  }
  return { name, existing: null, notices };
}

/** What the record should hold after a run: the summary sheet and the status columns' header cells. */
export interface RecordAfterRun {
  summary: string | null;
  statusColumns: CellRef[];
  /** Issue 14: the agenda sheets Balans owns after the run (numbered in this order). @default none */
  agendaSheets?: string[];
}

/**
 * One record name per distinct cell, numbered in the order given (`prefix1`, `prefix2`, …): a cell
 * given twice (the same `key`) is named once.
 */
export function numberedNames(prefix: string, refs: readonly CellRef[], key: (ref: CellRef) => string, comment: string): NamePlan[] {
  const seen = new Set<string>();
  const names: NamePlan[] = [];
  for (const ref of refs) {
    const k = key(ref);
    if (seen.has(k)) continue;
    seen.add(k);
    names.push({ name: `${prefix}${seen.size}`, refersTo: formatReference(ref), comment });
  }
  return names;
}

/**
 * The names to write (`Plan.names`: the whole record, every run the same for the same workbook)
 * and the Balans names to delete (`Plan.removeNames`: the ones that no longer hold or are no
 * longer needed). Status columns are numbered in the order given.
 */
export function planNames(record: OwnershipRecord, after: RecordAfterRun): { names: NamePlan[]; removeNames: string[] } {
  const names: NamePlan[] = [{ name: VERSION_NAME, refersTo: `"${RECORD_VERSION}"`, comment: "Balans: ägarregistrets version (Balans ownership record version)." }];
  if (after.summary !== null) {
    names.push({
      name: SUMMARY_NAME_RECORD,
      refersTo: formatReference({ sheet: after.summary, row: 1, column: 1 }),
      comment: "Balans: summeringsbladet som Balans skapade (the summary sheet Balans created).",
    });
  }
  names.push(
    ...numberedNames(STATUS_NAME_PREFIX, after.statusColumns, cellKey, "Balans: rubrikcellen i en statuskolumn som Balans skapade (header of a status column Balans created)."),
    ...numberedNames(
      AGENDA_NAME_PREFIX,
      (after.agendaSheets ?? []).map((sheet) => ({ sheet, row: 1, column: 1 })),
      (ref) => ref.sheet.toLocaleLowerCase("sv-SE"),
      "Balans: ett mötesunderlag som Balans skapade (an agenda sheet Balans created).",
    ),
  );
  const keep = new Set(names.map((n) => n.name.toLowerCase()));
  const removeNames = record.names.filter((n) => !keep.has(n.toLowerCase()));
  return { names, removeNames };
}

/**
 * Issue 14: where the agenda sheet named `name` goes. The agenda sheet Balans owns under that name
 * (any case) is rewritten in place; otherwise a new sheet under the first free name — a user's
 * sheet of that name is left alone.
 */
export function decideAgendaSheet(data: WorkbookData, name: string, record: OwnershipRecord = readOwnership(data)): { name: string; existing: string | null } {
  const lower = name.toLocaleLowerCase("sv-SE");
  const owned = (record.agendaSheets ?? []).find((r) => r.sheet.toLocaleLowerCase("sv-SE") === lower);
  if (owned !== undefined) return { name: owned.sheet, existing: owned.sheet };
  return { name: uniqueSheetName(name, data.sheets.map((s) => s.name)), existing: null };
}

/** The record's names as `DefinedName`s, as an adapter would read them back after writing `names`. */
export function asDefinedNames(names: readonly NamePlan[]): DefinedName[] {
  return names.map((n) => ({ name: n.name, refersTo: n.refersTo, scope: null, hidden: true }));
}
