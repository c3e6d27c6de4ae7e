/**
 * Display formatting. Money is formatted from the Decimal's exact string (never through a
 * float), always with Swedish grouping (`13 302 905 kr`), as in the workbook itself.
 * Dates stay ISO `YYYY-MM-DD` in both languages.
 */
import type Decimal from "decimal.js";
import type { IsoDate } from "../../domain/types";
import type { Language } from "./pickLanguage";

const wholeKronor = new Intl.NumberFormat("sv-SE", { minimumFractionDigits: 0, maximumFractionDigits: 0 });
const kronorOre = new Intl.NumberFormat("sv-SE", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

type NumericString = `${number}`;

/**
 * `13 302 905 kr`, `−1 kr`, `1 234,50 kr` (öre only when the amount has öre). The spaces are
 * no-break spaces (as Intl's sv-SE grouping), so that an amount never wraps in a narrow pane.
 */
export function formatKronor(amount: Decimal): string {
  const whole = amount.isInteger();
  const exact = amount.toFixed(whole ? 0 : 2) as NumericString;
  return `${(whole ? wholeKronor : kronorOre).format(exact)}\u00a0kr`;
}

/** A plain count with Swedish or English grouping. */
export function formatCount(n: number, language: Language): string {
  return new Intl.NumberFormat(language === "en" ? "en-US" : "sv-SE").format(n);
}

/** The date as ISO `YYYY-MM-DD` (the same in both languages, for clarity). */
export function formatDate(date: IsoDate): string {
  return date;
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number | null {
  const a = parseIso(from);
  const b = parseIso(to);
  if (a === null || b === null) return null;
  return Math.round((b - a) / 86_400_000);
}

function parseIso(date: IsoDate): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(t) ? null : t;
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}
