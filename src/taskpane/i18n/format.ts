/**
 * Display formatting for the pane. Money and day counts are the domain's own functions (one
 * definition each, src/domain): money is formatted from the Decimal's exact string (never
 * through a float), always with Swedish grouping (`13 302 905 kr`) and no-break spaces, as in
 * the workbook itself. Dates stay ISO `YYYY-MM-DD` in both languages.
 */
import type { IsoDate } from "../../domain/types";
import type { Language } from "./pickLanguage";

export { formatKronor } from "../../domain/formatAmount";
export { daysBetween } from "../../domain/isoDate";

/** A plain count with Swedish or English grouping. */
export function formatCount(n: number, language: Language): string {
  return new Intl.NumberFormat(language === "en" ? "en-US" : "sv-SE").format(n);
}

/** The date as ISO `YYYY-MM-DD` (the same in both languages, for clarity). */
export function formatDate(date: IsoDate): string {
  return date;
}
