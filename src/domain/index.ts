/**
 * The Balans engine's public entry points. Pure functions over plain data.
 * (Signatures are the contract for the adapters and the UI.)
 */
import type { Analysis, IsoDate, Options, Plan, StatusColumnPlan, SummarySheetPlan, WorkbookData } from "./types";

export * from "./types";

/** Header of the status column that Balans owns beside balanslista and agreement tables. */
export const OWNED_COLUMN_HEADER = "Balans status";
/** Name of the summary sheet that Balans owns. */
export const SUMMARY_SHEET_NAME = "Balans summering";

export function defaultOptions(today?: IsoDate): Options {
  return { today: today ?? todayIso(), dueSoonDays: 30, expiringDays: 90 };
}

/** The real date today in the local time zone, as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): IsoDate {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, "0");
  const d = String(now.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

export function analyseWorkbook(_data: WorkbookData, _options: Options): Analysis {
  throw new Error("not implemented yet");
}

export function planFlags(_analysis: Analysis): StatusColumnPlan[] {
  throw new Error("not implemented yet");
}

export function planSummary(_analysis: Analysis): SummarySheetPlan {
  throw new Error("not implemented yet");
}

export function planApply(analysis: Analysis): Plan {
  return { statusColumns: planFlags(analysis), summary: planSummary(analysis) };
}
