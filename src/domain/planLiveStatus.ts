/**
 * The live version of Kontrollera's plan (issue 11): status cells that Excel recomputes from
 * `TODAY()` on every later day, without Balans.
 *
 * From the status columns that {@link planFlags} plans (labels and fixed fills for one day),
 * this makes, for each column whose right neighbour Balans may use:
 * - the owned column **Balans datum** at `column + 1` with each row's deciding dates or fixed
 *   label (liveStatus.ts: {@link followUpLiveValue}, {@link agreementLiveValue});
 * - on every status cell the same formula relative to its row ({@link liveStatusFormula}), the
 *   label as its cached value, and no fixed fill;
 * - one conditional-formatting rule per label, so that the colour follows the label;
 * - the ownership record of the dates columns (`_Balans_Dates_<n>` → the header cell, beside
 *   B1's `_Balans_Status_<n>`), and the windows as hidden names ({@link WINDOW_NAMES}).
 * A column whose neighbour is not free keeps planFlags's labels and fills, and a notice says why.
 *
 * It also lists, for the summary sheet, the status columns as they stand after the run, so that
 * the counts per status can be COUNTIF formulas over them ({@link planStatusCounts}).
 *
 * Pure: plain data in, plain data out.
 */
import { columnLetter } from "./columnLetter";
import { localise } from "./messages";
import {
  agreementLiveValue,
  followUpLiveValue,
  LIVE_DATES_HEADER,
  liveStatusFormula,
  WINDOW_NAMES,
  type LiveKind,
} from "./liveStatus";
import { ByTableRow } from "./planFlags";
import { cellKey, findSheet, numberedNames, parseReference, RECORD_PREFIX, valueAt, type CellRef } from "./ownership";
import type { SheetCells } from "./planBudgetSummary";
import { AGREEMENT_STYLES, FOLLOW_UP_STYLES, type StatusStyle } from "./statusLabels";
import type {
  Analysis,
  NamePlan,
  Options,
  Problem,
  RecognisedTable,
  StatusCell,
  StatusColumnPlan,
  StatusRule,
  WorkbookData,
} from "./types";

/** Record names of the dates columns: `_Balans_Dates_1` … (as B1's `_Balans_Status_<n>`). */
export const DATES_NAME_PREFIX = `${RECORD_PREFIX}Dates_`;

/** The notice when the dates column cannot be added (Problem.code). */
export const LIVE_DATES_BLOCKED = "live-dates-blocked";

export interface LiveStatusInput {
  data: WorkbookData;
  analysis: Analysis;
  options: Options;
  /** What {@link planFlags} planned for `analysis` (not changed). */
  statusColumns: readonly StatusColumnPlan[];
  /** Kontrollera or apply: the status columns are written this run. */
  writesStatus: boolean;
  /**
   * B1's guard (workbookGuards.ts `assertFreeColumns`), as a predicate: true when every listed
   * cell and the header cell of this (new) column hold nothing and lie in no merge.
   */
  isFree: (plan: StatusColumnPlan) => boolean;
  /**
   * Only the decisions and their notices are wanted (`report`): the status columns are returned
   * as planned, without formulas, dates columns or conditional formats, and `counts` is empty.
   * The notices and names are the same as without it.
   */
  noticesOnly?: boolean;
}

/** A status column as it stands after the run, for the summary sheet's counts. */
export interface StatusCountSource {
  kind: LiveKind;
  sheet: string;
  column: number;
  /** Data rows of the table, first and last (inclusive). */
  top: number;
  bottom: number;
  /** The text each row of `top..bottom` holds after the run (the COUNTIF's cached input). */
  values: string[];
}

export interface LiveStatusPlan {
  /** The status columns to write: live where the dates column may be written, else as planned. */
  statusColumns: StatusColumnPlan[];
  /** Record names to create or replace: the windows and the dates columns (empty when none is live). */
  names: NamePlan[];
  /** Notices for columns that stay fixed (their neighbour is not free). */
  notices: Problem[];
  /** The status columns after the run, for {@link planStatusCounts}. */
  counts: StatusCountSource[];
}

const kindOf = (t: RecognisedTable): LiveKind | null => (t.kind === "balanslista" ? "follow-up" : t.kind === "agreements" ? "agreement" : null);
const statusColumnOf = (t: RecognisedTable) => (t.ownedColumn !== null ? t.firstColumn + t.ownedColumn : t.lastColumn + 1);

/** Every label of a kind, in the order of its status table: one rule each. */
export function statusRules(kind: LiveKind): StatusRule[] {
  const styles: Record<string, StatusStyle> = kind === "follow-up" ? FOLLOW_UP_STYLES : AGREEMENT_STYLES;
  return Object.values(styles).map((s) => ({ label: s.label, fill: s.fill, font: s.font }));
}

/** The dates-column header cells the record names point at (workbook-level `_Balans_Dates_<n>`), on sheets that exist. */
export function ownedDatesColumns(data: WorkbookData): CellRef[] {
  const out: CellRef[] = [];
  const prefix = DATES_NAME_PREFIX.toLowerCase();
  for (const n of data.names ?? []) {
    if (n.scope !== null || !n.name.toLowerCase().startsWith(prefix)) continue;
    const ref = parseReference(n.refersTo);
    const sheet = ref === null ? undefined : findSheet(data, ref.sheet);
    if (ref !== null && sheet !== undefined) out.push({ ...ref, sheet: sheet.name });
  }
  return out;
}

/** True when another Excel table on the sheet covers `column` somewhere between the rows. */
function otherTableAt(data: WorkbookData, sheet: string, table: string, column: number, top: number, bottom: number): boolean {
  const s = findSheet(data, sheet);
  return (s?.tables ?? []).some(
    (t) => t.name !== table && column >= t.firstColumn && column < t.firstColumn + t.columnCount && t.headerRow <= bottom && t.headerRow + t.rowCount >= top,
  );
}

/** True when a merge on the sheet crosses `column` between the rows (an Excel table column cannot be added through it). */
function mergeAt(data: WorkbookData, sheet: string, column: number, top: number, bottom: number): boolean {
  const s = findSheet(data, sheet);
  return (s?.merges ?? []).some((m) => column >= m.left && column <= m.right && m.bottom >= top && m.top <= bottom);
}

function blockedNotice(plan: StatusColumnPlan, datesColumn: number): Problem {
  const letter = columnLetter(datesColumn);
  return {
    sheet: plan.sheet,
    table: plan.table,
    row: plan.headerRow,
    column: null,
    ...localise(LIVE_DATES_BLOCKED, { table: plan.table, headerRow: plan.headerRow, letter, header: LIVE_DATES_HEADER }),
    code: LIVE_DATES_BLOCKED,
  };
}

/**
 * The live plan: see the file comment. `statusColumns` keeps planFlags's order; names are numbered
 * in that order, so a second run on the same workbook gives the same plan.
 */
export function planLiveStatus(input: LiveStatusInput): LiveStatusPlan {
  const { data, analysis, options, writesStatus, isFree } = input;
  const noticesOnly = input.noticesOnly === true;
  const values = new ByTableRow<string>();
  if (!noticesOnly) {
    values.setAll(analysis.followUps, followUpLiveValue);
    values.setAll(analysis.agreements, agreementLiveValue);
  }
  const ownedDates = new Set(ownedDatesColumns(data).map(cellKey));

  const statusColumns: StatusColumnPlan[] = [];
  const notices: Problem[] = [];
  const datesAfterRun: CellRef[] = [];
  const counts: StatusCountSource[] = [];
  const planned = [...input.statusColumns];

  for (const t of analysis.tables) {
    const kind = kindOf(t);
    if (kind === null) continue;
    const column = statusColumnOf(t);
    const datesColumn = column + 1;
    const datesRef: CellRef = { sheet: t.sheet, row: t.headerRow, column: datesColumn };
    const owned = ownedDates.has(cellKey(datesRef));
    const index = planned.findIndex((p) => p.sheet === t.sheet && p.table === t.table && p.headerRow === t.headerRow && p.column === column);
    const plan = index < 0 ? undefined : planned[index];
    if (plan === undefined) {
      // No status column planned (blocked this run, or a summary-only run): an owned dates column is kept in the record.
      if (owned && t.ownedColumn !== null) datesAfterRun.push(datesRef);
      continue;
    }
    planned.splice(index, 1);
    let live = plan;
    let free = owned;
    if (!owned) {
      const pseudo: StatusColumnPlan = { ...plan, column: datesColumn, exists: false, header: LIVE_DATES_HEADER };
      const datesFree =
        isFree(pseudo) &&
        !otherTableAt(data, t.sheet, t.table, datesColumn, t.headerRow, t.lastRow) &&
        !(t.isExcelTable && mergeAt(data, t.sheet, datesColumn, t.headerRow, t.lastRow));
      // A plain range is told apart from a neighbouring range by an empty column: the dates column may not
      // touch another table Balans recognises (a user's note beside it merely becomes an extra column).
      const gapFree =
        t.isExcelTable ||
        (!otherTableAt(data, t.sheet, t.table, datesColumn + 1, t.headerRow, t.lastRow) &&
          !analysis.tables.some((o) => o !== t && o.sheet === t.sheet && o.firstColumn === datesColumn + 1 && o.headerRow <= t.lastRow && o.lastRow >= t.headerRow));
      free = datesFree && gapFree;
      if (!free) notices.push(blockedNotice(plan, datesFree ? datesColumn + 1 : datesColumn));
    }
    if (free && noticesOnly) {
      if (owned || writesStatus) datesAfterRun.push(datesRef);
    } else if (free) {
      const letter = columnLetter(datesColumn);
      const rowValues = values.table(t.sheet, t.table, t.firstColumn);
      const cells: StatusCell[] = plan.cells.map((c) => ({ row: c.row, label: c.label, fill: null, font: null, formula: liveStatusFormula(`${letter}${c.row}`, kind) }));
      live = {
        ...plan,
        cells,
        dates: {
          column: datesColumn,
          exists: owned,
          header: LIVE_DATES_HEADER,
          cells: plan.cells.map((c) => ({ row: c.row, value: rowValues.get(c.row) ?? "" })),
        },
        conditionalFormats: statusRules(kind),
      };
      if (owned || writesStatus) datesAfterRun.push(datesRef);
    }
    statusColumns.push(live);
    if (!noticesOnly && (writesStatus || plan.exists)) counts.push(countSource(data, t, kind, column, writesStatus ? live : null));
  }
  // Plans of tables the analysis does not list (never happens with planFlags's output): unchanged.
  statusColumns.push(...planned);

  const names: NamePlan[] = [];
  if (datesAfterRun.length > 0) {
    names.push(
      { name: WINDOW_NAMES["follow-up"], refersTo: String(options.dueSoonDays), comment: "Balans: dagar för Snart i statusformlerna (due-soon window of the status formulas)." },
      { name: WINDOW_NAMES.agreement, refersTo: String(options.expiringDays), comment: "Balans: dagar för Går ut snart i statusformlerna (expiring window of the status formulas)." },
    );
    names.push(...numberedNames(DATES_NAME_PREFIX, datesAfterRun, cellKey, "Balans: rubrikcellen i en datumkolumn som Balans skapade (header of a dates column Balans created)."));
  }
  return { statusColumns, names, notices, counts };
}

/** The status column after the run: the written labels, or (not written this run) the cells as read. */
function countSource(data: WorkbookData, t: RecognisedTable, kind: LiveKind, column: number, written: StatusColumnPlan | null): StatusCountSource {
  const top = t.headerRow + 1;
  const bottom = t.lastRow;
  const labels = new Map<number, string>();
  for (const c of written?.cells ?? []) labels.set(c.row, c.label);
  const sheet = findSheet(data, t.sheet);
  const out: string[] = [];
  for (let row = top; row <= bottom; row++) {
    const label = labels.get(row);
    if (label !== undefined) out.push(label);
    else {
      const v = sheet === undefined ? null : valueAt(sheet, row, column);
      out.push(typeof v === "string" ? v : "");
    }
  }
  return { kind, sheet: t.sheet, column, top, bottom, values: out };
}

/**
 * Record names after the run: B1's (`base`, from `planNames`) with the live ones added, and the
 * live ones kept out of the names to delete.
 */
export function withLiveNames(base: { names: NamePlan[]; removeNames: string[] }, live: readonly NamePlan[]): { names: NamePlan[]; removeNames: string[] } {
  const added = new Set(live.map((n) => n.name.toLowerCase()));
  return {
    names: [...base.names.filter((n) => !added.has(n.name.toLowerCase())), ...live],
    removeNames: base.removeNames.filter((n) => !added.has(n.toLowerCase())),
  };
}

/** `'Balans''s lista'`: a sheet name as a formula quotes it. */
export function quoteSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** `COUNTIF('Balanslista'!$G$4:$G$40,"Försenad")+…` over the sources, for one label. */
export function countFormula(sources: readonly StatusCountSource[], label: string): string {
  const literal = `"${label.replace(/"/g, '""')}"`;
  return sources
    .map((s) => {
      const letter = columnLetter(s.column);
      return `COUNTIF(${quoteSheet(s.sheet)}!$${letter}$${s.top}:$${letter}$${s.bottom},${literal})`;
    })
    .join("+");
}

/** Title of the summary's counts section. */
export const STATUS_COUNTS_HEADING = "Status i dag (följer datumet)";

/**
 * The summary sheet's counts per status as formulas over the owned status columns, each with its
 * cached count: a section from `w.row` (advanced past it). Nothing when no status column exists.
 */
export function planStatusCounts(w: SheetCells, sources: readonly StatusCountSource[], today: string): void {
  const used = sources.filter((s) => s.bottom >= s.top);
  if (used.length === 0) return;
  w.heading(STATUS_COUNTS_HEADING, 3);
  w.put(1, `Antalen räknas om av Excel varje dag ur Balans statuskolumner; när bladet skrevs (${today}) var de som här. Övriga siffror på bladet gäller per ${today}.`);
  w.row++;
  w.headerRow(["Status", "Antal", "Avser"]);
  for (const kind of ["follow-up", "agreement"] as const) {
    const mine = used.filter((s) => s.kind === kind);
    if (mine.length === 0) continue;
    for (const rule of statusRules(kind)) {
      const cached = mine.reduce((n, s) => n + s.values.filter((v) => v === rule.label).length, 0);
      w.put(1, rule.label, { fill: rule.fill });
      w.cells.push({ row: w.row, col: 2, value: cached, formula: countFormula(mine, rule.label), numFmt: "0" });
      w.put(3, kind === "follow-up" ? "Uppföljningar" : "Avtal");
      w.row++;
    }
  }
  w.row++;
}
