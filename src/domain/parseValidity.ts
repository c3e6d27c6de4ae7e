/**
 * Reads an agreement's period of validity ("Giltighetstid") as staff write it:
 * `2021-2023`, `2021-2023 (förlängd tom 31/12 2024)`, `2018 -tills vidare, ska följas upp årligen`,
 * `2013-2015 (förlängs automatiskt på årsbasis)`, `Tom 2024-12-31`.
 */
import { extractMilestones } from "./extractMilestones";
import { addDays, isIsoDate } from "./isoDate";
import type { CellValue, IsoDate, Milestone, Validity } from "./types";

const UNKNOWN: Validity = { kind: "unknown" };

/** `tom`, `t.o.m.`, `t.om.`, `t o m`, `till och med`, `till` (but not `tills`, `tomt`), then the date. */
const UP_TO = /(?<![\p{L}\p{N}])(?:till\s{1,3}och\s{1,3}med|t\.?\s?o\.?\s?m\.?|till)(?!\p{L})\s{0,3}/giu;
/** `från`, `fr.o.m.`, `from`, `från och med` at the start: a period with a start and no end. */
const FROM = /^(?:från\s{1,3}och\s{1,3}med|fr\.?\s?o\.?\s?m\.?|från|from)(?!\p{L})/iu;
const OPEN_ENDED =
  /tills?\s{0,3}vidare|tills\s{1,3}(?:det|ny)|och\s{1,3}framåt|löpande|until\s{1,3}further\s{1,3}notice|open-ended|ongoing/iu;
/** `2024-`, `1/6 2022 –`: a start followed by a dash and nothing more. */
const TRAILING_DASH = /[-\u2013\u2014]\s*$/u;
/** Auto-renewal needs a word for extending (`förlängs`) and a rhythm (`automatiskt`, `ett år i taget`, `på årsbasis`). */
const EXTENDS = /förläng|automatisk\s{1,3}förnyelse|förnyas/iu;
const RENEWAL_RHYTHM =
  /automatiskt?|(?:ett|1)\s{1,3}år\s{1,3}(?:i\s{1,3}taget|åt\s{1,3}gången)|årsvis|årsbasis|årligen|varje\s{1,3}år/iu;

const MIN_YEAR = 1990;
const MAX_YEAR = 2099;

/** The first day of the period a milestone names: a year from 1 January, a month from its 1st. */
function startOf(milestone: Milestone): IsoDate {
  const { date, source } = milestone;
  const year = date.slice(0, 4);
  if (/^\d{4}$/.test(source)) return `${year}-01-01`;
  if (/^(?:vecka|v\b|v\.)/iu.test(source)) return addDays(date, -6);
  if (/^vår/iu.test(source)) return `${year}-01-01`;
  if (/^höst/iu.test(source)) return `${year}-07-01`;
  if (/^\d{4}-\d{2}$/.test(source) || /^\p{L}/u.test(source)) return `${date.slice(0, 8)}01`;
  return date;
}

function isBareYear(milestone: Milestone): boolean {
  return /^\d{4}$/.test(milestone.source);
}

/** The latest date written right after a `t.o.m.` keyword, or null. */
function findUpToDate(text: string, milestones: Milestone[]): Milestone | null {
  let found: Milestone | null = null;
  for (const match of text.matchAll(UP_TO)) {
    const at = match.index + match[0].length;
    const milestone = milestones.find((m) => m.index === at);
    if (milestone !== undefined && (found === null || milestone.date > found.date)) found = milestone;
  }
  return found;
}

function readText(raw: string): Validity {
  const text = raw.replace(/[\s\u00a0\u202f]+/gu, " ").trim();
  if (text === "") return UNKNOWN;
  const milestones = extractMilestones(text);
  const first = milestones[0];
  const start = first === undefined ? null : startOf(first);

  const upTo = findUpToDate(text, milestones);
  if (upTo !== null) {
    return { kind: "ends", end: upTo.date, start: first === undefined || first === upTo ? null : startOf(first) };
  }
  if (EXTENDS.test(text) && RENEWAL_RHYTHM.test(text)) return { kind: "auto-renew", start };
  if (OPEN_ENDED.test(text) || FROM.test(text) || (first !== undefined && TRAILING_DASH.test(text))) {
    return { kind: "open-ended", start };
  }
  if (first === undefined) return UNKNOWN;

  const last = milestones.reduce((latest, m) => (m.date > latest.date ? m : latest), first);
  if (milestones.length === 1) {
    return isBareYear(first) ? { kind: "ends", end: first.date, start } : { kind: "ends", end: first.date, start: null };
  }
  return { kind: "ends", end: last.date, start };
}

/**
 * The period of validity in a Giltighetstid cell. Never throws.
 *
 * - `2021-2023` → ends 2023-12-31 (from 2021-01-01); `2023` → ends 2023-12-31 (from 2023-01-01).
 * - A date after `tom`/`t.o.m.`/`till och med`/`till` is the end and wins over a range:
 *   `2021-2023 (förlängd tom 31/12 2024)` → ends 2024-12-31 (from 2021-01-01).
 * - `förlängs` with `automatiskt`, `ett år i taget`, `på årsbasis`, `årligen` → auto-renew.
 * - `tills vidare`, `tillsvidare`, `tills det …`, `från 2024`, `2024-` → open-ended.
 * - A date cell is the end date; a number 1990–2099 is that year.
 * - Empty, error cells, booleans and text without a date → unknown.
 *
 * @example parseValidity("2021-2023 (förlängd tom 31/12 2024)")
 * // { kind: "ends", end: "2024-12-31", start: "2021-01-01" }
 */
export function parseValidity(value: CellValue): Validity {
  if (value === null || typeof value === "boolean") return UNKNOWN;
  if (typeof value === "number") {
    if (!Number.isInteger(value) || value < MIN_YEAR || value > MAX_YEAR) return UNKNOWN;
    return { kind: "ends", end: `${value}-12-31`, start: `${value}-01-01` };
  }
  if (typeof value === "string") return readText(value);
  if ("date" in value) return isIsoDate(value.date) ? { kind: "ends", end: value.date, start: null } : UNKNOWN;
  return UNKNOWN;
}
