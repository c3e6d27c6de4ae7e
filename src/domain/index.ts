/**
 * The Balans engine's public entry points. Pure functions over plain data.
 */
import { DEFAULT_DUE_SOON_DAYS, DEFAULT_EXPIRING_DAYS } from "./defaults";
import { planFlags } from "./planFlags";
import { planSummary } from "./planSummary";
import type { Analysis, IsoDate, Options, Plan } from "./types";

export * from "./types";
export { analyseWorkbook } from "./analyseWorkbook";
export { DEFAULT_DUE_SOON_DAYS, DEFAULT_EXPIRING_DAYS } from "./defaults";
export { planFlags } from "./planFlags";
export { planSummary } from "./planSummary";
export { OWNED_HEADER as OWNED_COLUMN_HEADER } from "./recogniseTables";
export { SUMMARY_NAME as SUMMARY_SHEET_NAME } from "./planSummary";
export { decideSummarySheet, ownedSummarySheet, planNames, readOwnership, type NoticeCode, type OwnershipRecord } from "./ownership";

export function defaultOptions(today?: IsoDate): Options {
  return { today: today ?? todayIso(), dueSoonDays: DEFAULT_DUE_SOON_DAYS, expiringDays: DEFAULT_EXPIRING_DAYS };
}

/** The real date today in the local time zone, as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): IsoDate {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, "0");
  const d = String(now.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

/**
 * Both plans from an analysis, without the ownership record's decisions (summary sheet name,
 * names to write): the adapters call `prepare` (src/app/prepare.ts) instead.
 */
export function planApply(analysis: Analysis): Plan {
  return { statusColumns: planFlags(analysis), summary: planSummary(analysis) };
}
