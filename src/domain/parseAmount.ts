/**
 * Reads a kronor amount from one cell, the way Swedish staff write it: `1 800 000 kr`,
 * `757 528,50`, `1,5 mkr`, `−2 000 kr`. The result is exact to the öre (decimal.js, no floats).
 */
import Decimal from "decimal.js";
import { localise, type Localised } from "./messages";
import type { CellValue } from "./types";

export type AmountResult =
  | { ok: true; value: Decimal }
  | { ok: false; empty: boolean; message: string; messageEn: string };

/** Longest text shown back to the user in a message. */
const MAX_SHOWN = 40;
/** Longer texts are not amounts (and are never run through the number grammar). */
const MAX_LENGTH = 200;

/** Spaces people and Excel put between digit groups: no-break, narrow no-break, figure, thin, tab. */
const SPACES = /[\s\u00a0\u2007\u2009\u202f]+/gu;

/**
 * sign? number (unit)? — the number part is digits with spaces, dots and commas, classified below.
 * Every quantifier is over a single character class, so matching is linear.
 */
const AMOUNT = /^([-+\u2212])? ?(\d[\d ,.]*?) ?(kr\.?|kronor|sek|:-|,-|tkr\.?|tsek|mkr\.?|mnkr\.?|msek)?$/iu;

const MULTIPLIER_EXPONENT: Record<string, number> = { tkr: 3, tsek: 3, mkr: 6, mnkr: 6, msek: 6 };

const SPACE_GROUPS = /^\d{1,3}(?: \d{3})+$/;
const DOT_GROUPS = /^\d{1,3}(?:\.\d{3})+$/;
const DIGITS = /^\d+$/;

const APPROXIMATE = /(?<![\p{L}])(?:prel|preliminärt|ca|c:a|cirka|ungefär|runt|omkring|drygt|knappt|minst|max|approx|about)(?![\p{L}])|[~≈?]/iu;
const DATE_LIKE = /^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\/\d{1,2}(?:[ /-]\d{2,4})?)$/;
const NUMBER_TOKEN = /\d+(?:[ .,]\d+)*/gu;

type Failure = Extract<AmountResult, { ok: false }>;

/** A cell that holds something other than an amount (the text from the catalogue, built only here on failure). */
function fail(text: Localised): Failure {
  return { ok: false, empty: false, message: text.message, messageEn: text.messageEn };
}

/** An empty cell. */
function missing(): Failure {
  return { ok: false, empty: true, ...localise("amount.missing") };
}

function shown(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

function ambiguous(text: string): Failure {
  return fail(localise("amount.ambiguous", { text: shown(text) }));
}

function badGrouping(text: string): Failure {
  return fail(localise("amount.bad-grouping", { text: shown(text) }));
}

function notAnAmount(text: string): Failure {
  if (APPROXIMATE.test(text)) {
    return fail(localise("amount.approximate", { text: shown(text) }));
  }
  if (DATE_LIKE.test(text)) {
    return fail(localise("amount.date"));
  }
  if ((text.match(NUMBER_TOKEN) ?? []).length >= 2) {
    return fail(localise("amount.several-numbers", { text: shown(text) }));
  }
  return fail(localise("amount.not-an-amount", { text: shown(text) }));
}

/**
 * The amount rounded to the öre. A Decimal made from text keeps room for 17 digit words (about
 * 240 bytes in all); a copy holds only its own (about 110): the copy is what is kept (issue 15).
 */
function toOre(value: Decimal): Decimal {
  if (value.isZero()) return new Decimal(0);
  if (value.decimalPlaces() <= 2) return new Decimal(value);
  const rounded = value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return rounded.isZero() ? new Decimal(0) : rounded;
}

/** Integer part: plain digits, digits grouped by single spaces, or (when `dots`) grouped by dots. */
function readInteger(part: string, dots: boolean): string | null {
  if (DIGITS.test(part)) return part;
  if (SPACE_GROUPS.test(part)) return part.replace(/ /g, "");
  if (dots && DOT_GROUPS.test(part)) return part.replace(/\./g, "");
  return null;
}

type NumberReading =
  | { ok: true; integer: string; fraction: string }
  | { ok: false; reason: "ambiguous" | "grouping" | "malformed" };

/** `0,500` cannot mean five hundred: a thousands grouping never starts with 0. */
function startsWithZero(whole: string): boolean {
  return /^0+$/.test(whole);
}

function badInteger(part: string): NumberReading {
  return { ok: false, reason: /\d \d/.test(part) ? "grouping" : "malformed" };
}

/**
 * Splits the number part into integer and fraction digits. Comma is the decimal mark; a dot is
 * a thousands separator when it repeats (`1.800.000`) and a decimal mark when one dot is followed
 * by other than three digits (`2.5`). One separator followed by exactly three digits (`1,500`,
 * `1.500`) could be either and is rejected unless a unit (`tkr`, `mkr`) makes a comma a decimal mark.
 */
function readNumber(body: string, hasMultiplier: boolean): NumberReading {
  const commas = body.split(",").length - 1;
  const dots = body.split(".").length - 1;
  if (commas >= 2) return { ok: false, reason: "ambiguous" };

  if (commas === 1) {
    // `1,800.50`: comma before a dot is the English way and cannot be read safely.
    if (dots > 0 && body.lastIndexOf(".") > body.indexOf(",")) return { ok: false, reason: "ambiguous" };
    const [whole = "", fraction = ""] = body.split(",");
    if (!DIGITS.test(fraction)) return { ok: false, reason: "malformed" };
    if (dots > 0 && !DOT_GROUPS.test(whole)) return { ok: false, reason: "ambiguous" };
    if (fraction.length === 3 && !hasMultiplier && dots === 0 && !whole.includes(" ") && !startsWithZero(whole)) {
      return { ok: false, reason: "ambiguous" };
    }
    const integer = readInteger(whole, true);
    return integer === null ? badInteger(whole) : { ok: true, integer, fraction };
  }

  if (dots === 1) {
    const [whole = "", fraction = ""] = body.split(".");
    if (!DIGITS.test(fraction)) return { ok: false, reason: "malformed" };
    if (fraction.length === 3 && !startsWithZero(whole)) return { ok: false, reason: "ambiguous" };
    const integer = readInteger(whole, false);
    return integer === null ? badInteger(whole) : { ok: true, integer, fraction };
  }

  const integer = readInteger(body, dots >= 2);
  return integer === null ? badInteger(body) : { ok: true, integer, fraction: "" };
}

/** A space people and Excel put between digit groups and before `kr`: space, no-break, narrow no-break. */
const isGroupSpace = (c: number): boolean => c === 0x20 || c === 0xa0 || c === 0x202f;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * The amounts most cells hold, read without the full grammar (issue 15: a report reads tens of
 * thousands): plain digits (`1800000`) or digits in groups of three split by one space
 * (`1 800 000`, also U+00A0 and U+202F), then at most `,` and one or two decimals, then at most
 * `kr` (after one such space or none). Anything else — a sign, a dot, three decimals, another
 * unit, spaces around — returns null and goes through {@link parseText}, whose verdict on these
 * forms is the same value (a test compares the two on generated texts).
 */
function readPlainAmount(text: string): Decimal | null {
  const n = text.length;
  if (n === 0 || n > 40) return null;
  let digits = "";
  let at = 0;
  let group = 0; // digits in the current group
  let grouped = false;
  let start = 0;
  for (; at < n; at++) {
    const c = text.charCodeAt(at);
    if (isDigit(c)) {
      group++;
      continue;
    }
    if (!isGroupSpace(c) || group === 0) break;
    // A group space: either between digit groups or before `kr`.
    const next = at + 1 < n ? text.charCodeAt(at + 1) : -1;
    if (!isDigit(next)) break;
    if (grouped ? group !== 3 : group > 3) return null;
    digits += text.slice(start, at);
    start = at + 1;
    grouped = true;
    group = 0;
  }
  if (group === 0 || (grouped && group !== 3)) return null;
  digits += text.slice(start, at);
  if (at < n && text.charCodeAt(at) === 44) {
    // `,` and one or two decimals.
    let end = at + 1;
    while (end < n && isDigit(text.charCodeAt(end))) end++;
    const decimals = end - at - 1;
    if (decimals < 1 || decimals > 2) return null;
    digits += `.${text.slice(at + 1, end)}`;
    at = end;
  }
  if (at < n) {
    if (isGroupSpace(text.charCodeAt(at))) at++;
    if (n - at !== 2 || text.charCodeAt(at) !== 107 || text.charCodeAt(at + 1) !== 114) return null; // "kr"
  }
  return toOre(new Decimal(digits));
}

function parseText(raw: string): AmountResult {
  const text = raw.replace(SPACES, " ").trim();
  if (text === "") return missing();
  if (text.length > MAX_LENGTH) return notAnAmount(text);

  const match = AMOUNT.exec(text);
  if (match === null) return notAnAmount(text);
  const [, sign = "", body = "", unit = ""] = match;
  const exponent = MULTIPLIER_EXPONENT[unit.toLowerCase().replace(/\.$/, "")] ?? 0;

  const reading = readNumber(body, exponent > 0);
  if (!reading.ok) {
    if (reading.reason === "ambiguous") return ambiguous(text);
    if (reading.reason === "grouping") return badGrouping(text);
    return notAnAmount(text);
  }

  const digits = reading.fraction === "" ? reading.integer : `${reading.integer}.${reading.fraction}`;
  const value = toOre(new Decimal(`${digits}e${exponent}`));
  return { ok: true, value: sign === "-" || sign === "\u2212" ? toOre(value.neg()) : value };
}

/**
 * Reads a kronor amount from a cell value. Never throws.
 *
 * Numbers are taken as they are (via `String(n)`, so `0.1` is 0,10) and rounded to the öre,
 * half away from zero. Text accepts spaces (also U+00A0, U+202F) or repeated dots between
 * thousands, a decimal comma, a leading `-` or `−`, and a trailing `kr`, `kr.`, `:-`, `,-`,
 * `kronor`, `SEK`, `tkr` (×1 000) or `mkr`/`mnkr` (×1 000 000).
 *
 * @example parseAmount("1 800 000 kr") // { ok: true, value: 1800000 }
 * @example parseAmount("1,5 mkr") // { ok: true, value: 1500000 }
 * @example parseAmount("ca 2 mkr?") // { ok: false, empty: false, message: "”ca 2 mkr?” är ett ungefärligt …" }
 * @example parseAmount("") // { ok: false, empty: true, message: "Belopp saknas" }
 */
export function parseAmount(value: CellValue): AmountResult {
  if (value === null || value === undefined) {
    return missing();
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) {
      return fail(localise("amount.not-a-number"));
    }
    // A whole number is exact as it is (0 and -0 both become 0, as toOre makes them).
    if (Number.isSafeInteger(value)) return { ok: true, value: new Decimal(value === 0 ? 0 : value) };
    return { ok: true, value: toOre(new Decimal(String(value))) };
  }
  if (typeof value === "boolean") {
    return fail(localise("amount.logical"));
  }
  if (typeof value === "string") {
    const plain = readPlainAmount(value);
    return plain === null ? parseText(value) : { ok: true, value: plain };
  }
  if ("error" in value) {
    return fail(localise("amount.error-value", { error: value.error }));
  }
  if ("date" in value) return fail(localise("amount.date"));
  return fail(localise("amount.no-amount"));
}

/**
 * The full grammar of amounts in text, without the shortcut for the common forms: for the test
 * that the shortcut reads every text it accepts exactly as the grammar does.
 */
export const parseAmountTextForTest = parseText;
