/**
 * Finds the dates in a free-text follow-up ("Uppföljning") cell, e.g.
 * `SVOM 11/10 2024 - rekommendationsbeslut nytt avtal from 1/1 2025.` → 2024-10-11, 2025-01-01.
 *
 * Each form is one regular expression whose quantifiers are bounded or over single characters,
 * so every search is linear in the length of the text. Where forms overlap, the more precise
 * one wins (a day beats a month beats a season beats a bare year), so `2024-12-31` is never also
 * read as the year 2024 and `10 april 2024` never also as `april 2024`.
 */
import { isoWeekSunday, lastDayOfMonth, toIsoDate } from "./isoDate";
import type { IsoDate, Milestone } from "./types";

const MONTHS: Record<string, number> = {
  jan: 1, januari: 1, january: 1,
  feb: 2, febr: 2, februari: 2, february: 2,
  mar: 3, mars: 3, march: 3,
  apr: 4, april: 4,
  maj: 5, may: 5,
  jun: 6, juni: 6, june: 6,
  jul: 7, juli: 7, july: 7,
  aug: 8, augusti: 8, august: 8,
  sep: 9, sept: 9, september: 9,
  okt: 10, oktober: 10, oct: 10, october: 10,
  nov: 11, november: 11,
  dec: 12, december: 12,
};

/** Years accepted in a date with a day or month; a bare year must also be 1990–2099. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2099;

/** Not preceded / followed by a letter or digit. */
const B = String.raw`(?<![\p{L}\p{N}])`;
const E = String.raw`(?![\p{L}\p{N}])`;
const MONTH = `(${Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|")})(?!\\p{L})\\.?`;
const YEAR = String.raw`(\d{4})`;
const DASH = "[-\u2013\u2014]";
/** Between `d/m` and the year: `3/6 2024`, `3/6-2024`, `3/6/2024`. */
const DM_YEAR_SEPARATOR = String.raw`(?:\/|\s{0,2}${DASH}\s{0,2}|\s{1,3})`;

interface Form {
  /** Lower ranks win overlaps: 1 day, 2 numeric month, 3 named month, 4 season, 5 year. */
  rank: number;
  /** What the form names (see {@link DateMention}). */
  form: DateForm;
  /** A cheap test that a text may hold this form; texts without it skip the full pattern. */
  hint?: RegExp;
  pattern: RegExp;
  /** The date a match stands for, or null when it names no real date (31/2 2024). */
  read: (groups: (string | undefined)[]) => IsoDate | null;
}

function num(text: string | undefined): number {
  return text === undefined ? NaN : Number(text);
}

function inRange(year: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

function day(year: string | undefined, month: number, dayOfMonth: string | undefined): IsoDate | null {
  const y = num(year);
  return inRange(y) ? toIsoDate(y, month, num(dayOfMonth)) : null;
}

function monthEnd(year: string | undefined, month: number): IsoDate | null {
  const y = num(year);
  return inRange(y) ? lastDayOfMonth(y, month) : null;
}

function monthNumber(name: string | undefined): number {
  return MONTHS[(name ?? "").toLowerCase()] ?? NaN;
}

function regex(source: string): RegExp {
  return new RegExp(source, "giu");
}

const FORMS: Form[] = [
  {
    // 2024-12-31
    rank: 1,
    form: "day",
    hint: /\d{4}-\d\d-\d/,
    pattern: regex(String.raw`${B}${YEAR}-(\d{2})-(\d{2})${E}`),
    read: ([, y, m, d]) => day(y, num(m), d),
  },
  {
    // 16-17/4 2024 → the last day of the span
    rank: 1,
    form: "span",
    hint: /\d\/\d/,
    pattern: regex(String.raw`${B}\d{1,2}\s?${DASH}\s?(\d{1,2})\/(\d{1,2})${DM_YEAR_SEPARATOR}${YEAR}${E}`),
    read: ([, d, m, y]) => day(y, num(m), d),
  },
  {
    // 9/6 2023, 3/6-2024, 3/6/2024
    rank: 1,
    form: "day",
    hint: /\d\/\d/,
    pattern: regex(String.raw`${B}(\d{1,2})\/(\d{1,2})${DM_YEAR_SEPARATOR}${YEAR}${E}`),
    read: ([, d, m, y]) => day(y, num(m), d),
  },
  {
    // 10 april 2024, 9 feb. 2024, 16-17 april 2024
    rank: 1,
    form: "day",
    hint: /\d\s{1,3}\p{L}/u,
    pattern: regex(String.raw`${B}(\d{1,2})(?:\s?${DASH}\s?(\d{1,2}))?\s{1,3}${MONTH}\s{1,3}${YEAR}${E}`),
    read: ([, first, last, name, y]) => day(y, monthNumber(name), last ?? first),
  },
  {
    // vecka 42 2025, v. 42 2025, v 42 2025, v.42 2025 → Sunday of the ISO week
    rank: 1,
    form: "week",
    hint: /v/i,
    pattern: regex(String.raw`${B}(?:vecka|v\.?)\s{0,2}(\d{1,2})(?:\s{0,2},)?\s{1,3}${YEAR}${E}`),
    read: ([, week, y]) => {
      const year = num(y);
      return inRange(year) ? isoWeekSunday(year, num(week)) : null;
    },
  },
  {
    // 2024-04 → last day of the month
    rank: 2,
    form: "month",
    hint: /\d{4}-\d/,
    pattern: regex(String.raw`${B}${YEAR}-(0[1-9]|1[0-2])${E}`),
    read: ([, y, m]) => monthEnd(y, num(m)),
  },
  {
    // februari 2025, okt. 2024, feb 2025 → last day of the month
    rank: 3,
    form: "month",
    hint: /\p{L}\.?\s{1,3}\d/u,
    pattern: regex(String.raw`${B}${MONTH}\s{1,3}${YEAR}${E}`),
    read: ([, name, y]) => monthEnd(y, monthNumber(name)),
  },
  {
    // vår 2024 / våren 2024 → 30 June; höst 2024 / hösten 2024 → 31 December
    rank: 4,
    form: "season",
    hint: /vår|höst/i,
    pattern: regex(String.raw`${B}(vår|höst)(?:en)?\s{1,3}${YEAR}${E}`),
    read: ([, season, y]) => monthEnd(y, (season ?? "").toLowerCase() === "vår" ? 6 : 12),
  },
  {
    // SVOM 2023, 2024-års, 2017-2023 → 31 December
    rank: 5,
    form: "year",
    pattern: regex(String.raw`${B}(199\d|20\d\d)${E}`),
    read: ([, y]) => monthEnd(y, 12),
  },
];

interface Candidate {
  rank: number;
  form: DateForm;
  index: number;
  source: string;
  date: IsoDate | null;
}

/**
 * The dated milestones in a text, in the order they appear. Never throws.
 *
 * Understood: `9/6 2023`, `3/6-2024`, `3/6/2024`, `16-17/4 2024` (the last day), `2024-12-31`,
 * `10 april 2024`, `den 9 februari 2024`; a month as its last day: `2024-04`, `februari 2025`,
 * `okt. 2024`, `feb 2025` (Swedish and English names and abbreviations, any case);
 * `vår 2024`/`våren 2024` → 30 June, `höst 2024`/`hösten 2024` → 31 December;
 * `vecka 42 2025`, `v. 42 2025`, `v.42 2025` → Sunday of that ISO week; a bare year 1990–2099
 * (`SVOM 2023`, `2024-års`, both years of `2017-2023`) → 31 December.
 * Impossible dates (`31/2 2024`, week 53 of a 52-week year) are left out, and their year is not
 * read as a bare year either. A day and month without a year (`9/6`) is not a milestone.
 *
 * @example extractMilestones("SVOM 3/6 2024 – beslut om remiss")
 * // [{ date: "2024-06-03", source: "3/6 2024", index: 5 }]
 */
export function extractMilestones(text: string): Milestone[] {
  return scanDates(text).milestones;
}

/**
 * Texts that look like dates but name no real day (`29/2 2023`, `2023-02-29`, `31/2 2024`), in
 * the order they appear: they are left out of the milestones and worth telling the user.
 */
export function findImpossibleDates(text: string): string[] {
  return scanDates(text).impossible;
}

/** Milestones and impossible dates of one text in a single pass. */
export function scanDates(text: string): { milestones: Milestone[]; impossible: string[] } {
  const milestones: Milestone[] = [];
  const impossible: string[] = [];
  for (const c of scanCandidates(text)) {
    if (c.date !== null) milestones.push({ date: c.date, source: c.source, index: c.index });
    else impossible.push(c.source);
  }
  return { milestones, impossible };
}

/** What a date text names: one day, the last day of a span (`16-17/4 2024`), a week, a month, a season or a bare year. */
export type DateForm = "day" | "span" | "week" | "month" | "season" | "year";

/** A milestone with the form it was written in (the date is read exactly as {@link extractMilestones} reads it). */
export interface DateMention extends Milestone {
  form: DateForm;
}

/**
 * The milestones of a text with their form, in the order they appear: the same dates, sources
 * and positions as {@link extractMilestones}, plus how precise each is (e.g. `feb 2025` is a
 * `month` read as 2025-02-28, `3/6 2024` a `day`).
 */
export function scanDateMentions(text: string): DateMention[] {
  const out: DateMention[] = [];
  for (const c of scanCandidates(text)) {
    if (c.date !== null) out.push({ date: c.date, source: c.source, index: c.index, form: c.form });
  }
  return out;
}

/**
 * Texts already scanned: a follow-up text often repeats down a long list (a shared string), and
 * scanning is the costliest step per row. The candidates are never changed nor handed out (the
 * callers copy what they return); the cache holds short texts only and is emptied when it is
 * full, so it stays small.
 */
const scanned = new Map<string, readonly Candidate[]>();
const SCANNED_MAX = 2048;
const SCANNED_TEXT_MAX = 2000;

/** The candidates that win their overlaps (impossible dates too, with date null), by position. */
function scanCandidates(text: string): readonly Candidate[] {
  if (typeof text !== "string" || text === "") return [];
  let found = scanned.get(text);
  if (found === undefined) {
    found = scanText(text);
    if (text.length > SCANNED_TEXT_MAX) return found;
    if (scanned.size >= SCANNED_MAX) scanned.clear();
    scanned.set(text, found);
  }
  return found;
}

function scanText(text: string): Candidate[] {
  // Every form has a year: a text without four digits in a row has no milestone.
  if (!/\d{4}/.test(text)) return [];
  const candidates: Candidate[] = [];
  for (const form of FORMS) {
    if (form.hint && !form.hint.test(text)) continue;
    form.pattern.lastIndex = 0;
    for (const match of text.matchAll(form.pattern)) {
      candidates.push({ rank: form.rank, form: form.form, index: match.index, source: match[0], date: form.read([...match]) });
    }
  }
  candidates.sort((a, b) => a.rank - b.rank || b.source.length - a.source.length || a.index - b.index);

  const taken = new Uint8Array(text.length);
  const kept: Candidate[] = [];
  for (const candidate of candidates) {
    const end = candidate.index + candidate.source.length;
    let free = true;
    for (let i = candidate.index; i < end && free; i++) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, candidate.index, end);
    kept.push(candidate);
  }
  return kept.sort((a, b) => a.index - b.index);
}
