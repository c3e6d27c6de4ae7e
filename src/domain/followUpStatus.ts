/**
 * Decides where a balanslista row stands: done, overdue, due soon, planned, or without a date.
 */
import { daysBetween } from "./isoDate";
import type { FollowUpStatus, IsoDate } from "./types";

export interface FollowUpInput {
  /** The row's status text, e.g. `"Klar"`, `"Pågår"`, or null when there is none. */
  statusText: string | null;
  /** An explicit next follow-up date (a date column), which wins over the milestones. */
  nextDate: IsoDate | null;
  /** Dates found in the follow-up text, in any order. */
  milestones: IsoDate[];
}

export interface FollowUpResult {
  status: FollowUpStatus;
  /** The next follow-up date on or after today, or null. */
  next: IsoDate | null;
  /** The latest date before today (a milestone or the explicit date), or null. */
  latest: IsoDate | null;
}

/** Swedish and English words that mark a row as finished, when the status text starts with one. */
const DONE_WORDS = /^(?:klar|klart|klara|avslutad|avslutat|avslutade|genomförd|genomfört|genomförda|done|completed|complete|finished)(?![\p{L}\p{N}])/iu;

/**
 * True when a status text says the work is finished: it is, or starts with, Klar, Avslutad,
 * Avslutat, Genomförd, Genomfört (also Klart, Done, Completed), in any case.
 * @example isDoneStatus("  Klar 2024-05-20") // true
 * @example isDoneStatus("Ej klar") // false
 * @example isDoneStatus("Klarläggs") // false
 */
export function isDoneStatus(text: string | null): boolean {
  return text !== null && DONE_WORDS.test(text.trim());
}

/**
 * The follow-up status of one row on `today`.
 *
 * - `done` when the status text says so ({@link isDoneStatus}); `next` is then null.
 * - Otherwise `next` is the explicit `nextDate`, or else the earliest milestone on or after today.
 *   It is `due-soon` when at most `dueSoonDays` days away (today itself is 0 days), else `planned`.
 * - An explicit `nextDate` before today is `overdue` (with `next` null), and so is a row whose
 *   milestones are all before today. Without any date the status is `no-date`.
 * - `latest` is the latest milestone or explicit date before today, else null.
 *
 * @example followUpStatus({ statusText: null, nextDate: null, milestones: ["2024-06-03"] }, "2024-05-20", 30)
 * // { status: "due-soon", next: "2024-06-03", latest: null }
 */
export function followUpStatus(input: FollowUpInput, today: IsoDate, dueSoonDays: number): FollowUpResult {
  const { statusText, nextDate, milestones } = input;
  const dates = nextDate === null ? milestones : [...milestones, nextDate];

  let latest: IsoDate | null = null;
  let earliestUpcoming: IsoDate | null = null;
  for (const date of dates) {
    if (date < today) {
      if (latest === null || date > latest) latest = date;
    } else if (date !== nextDate && (earliestUpcoming === null || date < earliestUpcoming)) {
      earliestUpcoming = date;
    }
  }

  if (isDoneStatus(statusText)) return { status: "done", next: null, latest };

  const next = nextDate ?? earliestUpcoming;
  if (next === null || next < today) {
    return { status: latest === null ? "no-date" : "overdue", next: null, latest };
  }
  const status = daysBetween(today, next) <= dueSoonDays ? "due-soon" : "planned";
  return { status, next, latest };
}
