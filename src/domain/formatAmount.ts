/**
 * Writes kronor amounts: as Swedish text for people (`13 302 905 kr`, like Intl sv-SE) and as a
 * fixed two-decimal string for JSON (`"13302905.00"`). Exact for any decimal.js value.
 */
import Decimal from "decimal.js";

/** Group separator that Intl sv-SE uses: U+00A0 NO-BREAK SPACE. */
const GROUP = "\u00a0";
/** Minus sign that Intl sv-SE uses: U+2212 MINUS SIGN. */
const MINUS = "\u2212";

export interface FormatKronorOptions {
  /**
   * `0`: whole kronor; `2`: always öre; `"auto"`: öre only when the amount is not whole.
   * Rounding is half away from zero.
   * @default "auto"
   */
  decimals?: 0 | 2 | "auto";
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, GROUP);
}

/**
 * An amount as Swedish text: digit groups separated by U+00A0, decimal comma, U+2212 for minus
 * and `\u00a0kr` at the end — the same characters `Intl.NumberFormat("sv-SE")` writes.
 * @example formatKronor(new Decimal("13302905")) // "13 302 905 kr"
 * @example formatKronor(new Decimal("757528.5")) // "757 528,50 kr"
 * @example formatKronor(new Decimal("-1500"), { decimals: 2 }) // "−1 500,00 kr"
 */
export function formatKronor(amount: Decimal, options: FormatKronorOptions = {}): string {
  const wanted = options.decimals ?? "auto";
  const ore = amount.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const places = wanted === "auto" ? (ore.isInteger() ? 0 : 2) : wanted;
  const fixed = ore.abs().toFixed(places, Decimal.ROUND_HALF_UP);
  const [whole = "0", fraction] = fixed.split(".");
  const isZero = /^[0.]+$/.test(fixed);
  const sign = ore.isNegative() && !isZero ? MINUS : "";
  return `${sign}${groupThousands(whole)}${fraction === undefined ? "" : `,${fraction}`}${GROUP}kr`;
}

/**
 * An amount for JSON: two decimals, a dot, `-` for negative, no grouping; half away from zero.
 * @example toJsonAmount(new Decimal("13302905")) // "13302905.00"
 * @example toJsonAmount(new Decimal("-0.005")) // "-0.01"
 */
export function toJsonAmount(amount: Decimal): string {
  const fixed = amount.toFixed(2, Decimal.ROUND_HALF_UP);
  return fixed === "-0.00" ? "0.00" : fixed;
}
