/**
 * Budget tracking after SVOM's decision (issue 10): the optional columns of the distribution
 * table — Utbetalt (paid out), Förbrukat (used; also Använt, Utfall, Nyttjat), Återredovisas
 * senast (report-back due) and Återredovisat (report-back done) — read from one row, and where a
 * row's report-back stands on a given day.
 *
 * Amounts follow the rules of {@link parseAmount}, exact to the öre. Dates follow the follow-up
 * date rules of {@link scanDates} ("31 december 2024", "31/12 2024", "mars 2025" = its last
 * day, …). A cell that cannot be read is a problem naming its row and column; the row itself is
 * still counted with the amount it was given.
 */
import type Decimal from "decimal.js";
import { scanDates } from "./extractMilestones";
import { isDoneStatus, followUpStatus } from "./followUpStatus";
import { isIsoDate } from "./isoDate";
import { cellText, isBlank } from "./normaliseText";
import { parseAmount } from "./parseAmount";
import { isDateCell, isErrorCell } from "./cellKinds";
import { localise, type Localised } from "./messages";
import { field as cell, header } from "./tableFields";
import type { FollowUpStatus, IsoDate, RecognisedTable, TableRow, CellValue } from "./types";

/** Reports a problem on a row of a table: (row, column header, the message from the catalogue). */
export type RowReporter = (row: number, column: string, text: Localised) => void;

/** What a distribution row says about the money after the decision. */
export interface FundTracking {
  /** The table has an Utbetalt / Förbrukat column (so that its year shows these sums). */
  hasPaid: boolean;
  hasUsed: boolean;
  /** The cells' amounts; null when empty or unreadable. */
  paid: Decimal | null;
  used: Decimal | null;
  /** The row's own Återredovisas senast, or null. */
  reportDue: IsoDate | null;
  /** Återredovisat: a date, or Ja/Klar → done; not done when it holds Nej (asked, not done); null when empty. */
  reportDone: ReportDone | null;
}

export type ReportDone = { done: true; on: IsoDate | null } | { done: false };



/** An optional amount cell: null when empty; a problem (and null) when it cannot be read. */
function optionalAmount(table: RecognisedTable, row: TableRow, key: string, fallback: string, report: RowReporter): Decimal | null {
  const v = cell(table, row, key);
  if (isBlank(v)) return null;
  const amount = parseAmount(v);
  if (amount.ok) return amount.value;
  const column = header(table, key, fallback);
  report(row.row, column, localise("tracking.amount-unreadable", { reason: amount, column }));
  return null;
}

/**
 * A due date from a cell: a date cell, or text read with the follow-up date rules; when the text
 * names several dates, the latest counts (e.g. an extended deadline). Null when empty; a problem
 * (and null) when no date can be read.
 */
export function readDueDate(v: CellValue, row: number, column: string, report: RowReporter): IsoDate | null {
  if (isBlank(v)) return null;
  if (isDateCell(v)) {
    if (isIsoDate(v.date)) return v.date;
    report(row, column, localise("date.not-exist", { date: v.date }));
    return null;
  }
  if (isErrorCell(v)) {
    report(row, column, localise("cell.error-value", { error: v.error }));
    return null;
  }
  const text = cellText(v);
  const scanned = scanDates(text);
  for (const bad of scanned.impossible) {
    report(row, column, localise("date.not-exist", { date: bad }));
  }
  const dates = scanned.milestones.map((m) => m.date).sort();
  const latest = dates[dates.length - 1];
  if (latest !== undefined) return latest;
  if (scanned.impossible.length === 0) {
    report(row, column, localise("tracking.due-unreadable", { value: text }));
  }
  return null;
}

/** Ja / Yes / X mark a report-back as done (as well as Klar, Avslutad, Genomförd). */
const YES = /^(?:ja|yes|x)(?![\p{L}\p{N}])/iu;
const NO = /^(?:nej|no|ej|inte|ingen|saknas|-|–)(?![\p{L}\p{N}])/iu;

/** Återredovisat: a date or Ja/Klar → done (with the date when one is given); Nej → not done. */
export function readReportDone(v: CellValue, row: number, column: string, report: RowReporter): ReportDone | null {
  if (isBlank(v)) return null;
  if (typeof v === "boolean") return v ? { done: true, on: null } : { done: false };
  if (isDateCell(v)) {
    if (isIsoDate(v.date)) return { done: true, on: v.date };
    report(row, column, localise("date.not-exist", { date: v.date }));
    return { done: true, on: null };
  }
  if (isErrorCell(v)) {
    report(row, column, localise("cell.error-value", { error: v.error }));
    return null;
  }
  const text = cellText(v).trim();
  if (NO.test(text)) return { done: false };
  const dates = scanDates(text).milestones.map((m) => m.date).sort();
  const on = dates[dates.length - 1] ?? null;
  if (YES.test(text) || isDoneStatus(text) || on !== null) return { done: true, on };
  report(row, column, localise("tracking.done-unreadable", { value: text }));
  return { done: false };
}

/** The optional tracking columns of one distribution row; problems go to `report`. */
export function readFundTracking(table: RecognisedTable, row: TableRow, report: RowReporter): FundTracking {
  return {
    hasPaid: table.columns["paid"] !== undefined,
    hasUsed: table.columns["used"] !== undefined,
    paid: optionalAmount(table, row, "paid", "Utbetalt", report),
    used: optionalAmount(table, row, "used", "Förbrukat", report),
    reportDue: readDueDate(cell(table, row, "reportDue"), row.row, header(table, "reportDue", "Återredovisas senast"), report),
    reportDone: readReportDone(cell(table, row, "reportDone"), row.row, header(table, "reportDone", "Återredovisat"), report),
  };
}

/** Återredovisas senast of an allocation-table row (applies to its area's rows of that year). */
export function readAllocationDue(table: RecognisedTable, row: TableRow, report: RowReporter): IsoDate | null {
  return readDueDate(cell(table, row, "reportDue"), row.row, header(table, "reportDue", "Återredovisas senast"), report);
}

/**
 * Where a report-back stands on `today`: `done` when Återredovisat says so; else by the due
 * date, with the follow-up rules: `overdue` after it, `due-soon` within `dueSoonDays` days (the
 * day itself is 0 days), `planned` later; `no-date` when Återredovisat says Nej but no date is
 * known; null when no report-back is asked of the row (no date and nothing in Återredovisat).
 * @example reportStatus("2024-12-31", null, "2024-12-15", 30) // "due-soon"
 * @example reportStatus("2024-12-31", { done: true, on: "2024-12-20" }, "2025-02-01", 30) // "done"
 */
export function reportStatus(due: IsoDate | null, done: ReportDone | null, today: IsoDate, dueSoonDays: number): FollowUpStatus | null {
  if (done?.done === true) return "done";
  if (due !== null) return followUpStatus({ statusText: null, nextDate: due, milestones: [] }, today, dueSoonDays).status;
  return done === null ? null : "no-date";
}
