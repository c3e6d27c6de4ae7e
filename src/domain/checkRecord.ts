/**
 * "Since the last check" (issue 11): Kontrollera keeps in the workbook a compact record of each
 * flagged row — a stable key and its status — and every later check compares against it.
 *
 * The record holds the last two checks on different days. A check on the same day as the newest
 * record replaces it and compares against the one before, so running Kontrollera twice on one
 * day gives the same workbook (idempotence) and the same list of changes.
 *
 * Keys do not use row numbers (rows move when the user sorts or inserts): a row is known by its
 * kind, sheet, table and title, with `#2`, `#3`… for rows whose title repeats, in table order.
 *
 * Plain data and JSON only; the adapters keep the JSON text in the workbook (a custom XML part
 * with the namespace {@link CHECK_RECORD_NAMESPACE}).
 */
import { fnv1a } from "./fnv1a";
import { normaliseHeader } from "./normaliseText";
import type { Agreement, AgreementStatus, FollowUp, FollowUpStatus, IsoDate } from "./types";

export const CHECK_RECORD_NAMESPACE = "urn:balans:check:1";
/** Checks kept in the record. */
const KEPT = 2;

export type RecordedKind = "follow-up" | "agreement";

export interface RecordedRow {
  /** Stable key (kind, sheet, table, title). */
  k: string;
  /** Status on the day of the check. */
  s: FollowUpStatus | AgreementStatus;
  /** Worksheet row and title then, to name a row that has since gone. */
  r: number;
  t: string;
  sheet: string;
  table: string;
}

export interface CheckSnapshot {
  date: IsoDate;
  rows: RecordedRow[];
}

export interface CheckRecord {
  version: 1;
  /** Oldest first; at most two, on different days. */
  checks: CheckSnapshot[];
}

export type ChangeKind = "newly-overdue" | "newly-done" | "new" | "removed" | "expired";

/** One change since the previous check, as `report --json` prints it. */
export interface Change {
  kind: ChangeKind;
  sheet: string;
  table: string;
  /** Worksheet row now (the row it had at the previous check, for a removed row). */
  row: number;
  title: string;
  /** Status at the previous check, or null for a new row. */
  from: FollowUpStatus | AgreementStatus | null;
  /** Status now, or null for a removed row. */
  to: FollowUpStatus | AgreementStatus | null;
}

type Flagged = Pick<FollowUp, "sheet" | "table" | "row" | "title"> & { status: FollowUpStatus | AgreementStatus };

/** Titles longer than this are kept shortened (the record stays compact whatever a cell holds). */
export const MAX_RECORDED_TITLE = 120;

/** Tells apart long titles that share their beginning. */
const fingerprint = fnv1a;

/** The part of a key that stands for a title: the title itself, or its beginning and a fingerprint. */
function titleKey(title: string): string {
  const normal = normaliseHeader(title);
  return normal.length <= MAX_RECORDED_TITLE ? normal : `${normal.slice(0, MAX_RECORDED_TITLE)}#${fingerprint(normal)}`;
}

function shortTitle(title: string): string {
  return title.length <= MAX_RECORDED_TITLE ? title : `${title.slice(0, MAX_RECORDED_TITLE - 1)}…`;
}

function keysFor(kind: RecordedKind, items: readonly Flagged[]): RecordedRow[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = `${kind}|${item.sheet}|${item.table}|${titleKey(item.title)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { k: n === 1 ? base : `${base}#${n}`, s: item.status, r: item.row, t: shortTitle(item.title), sheet: item.sheet, table: item.table };
  });
}

/** The snapshot of one check. */
export function snapshot(date: IsoDate, followUps: readonly FollowUp[], agreements: readonly Agreement[]): CheckSnapshot {
  return { date, rows: [...keysFor("follow-up", followUps), ...keysFor("agreement", agreements)] };
}

/** The check to compare against on `date`: the newest one from an earlier day, or null. */
export function previousCheck(record: CheckRecord | null, date: IsoDate): CheckSnapshot | null {
  if (record === null) return null;
  const earlier = record.checks.filter((c) => c.date < date);
  return earlier[earlier.length - 1] ?? null;
}

/** The record after a check on `now.date`: earlier days kept (at most {@link KEPT} in all), the same day replaced. */
export function recordCheck(record: CheckRecord | null, now: CheckSnapshot): CheckRecord {
  const earlier = (record?.checks ?? []).filter((c) => c.date < now.date);
  return { version: 1, checks: [...earlier, now].slice(-KEPT) };
}

const isAgreement = (key: string) => key.startsWith("agreement|");

/** What changed between two checks, in the order of the current rows, then the removed ones. */
export function diffChecks(previous: CheckSnapshot | null, now: CheckSnapshot): Change[] {
  if (previous === null) return [];
  const before = new Map(previous.rows.map((r) => [r.k, r]));
  const changes: Change[] = [];
  const change = (kind: ChangeKind, r: RecordedRow, from: Change["from"], to: Change["to"]) =>
    changes.push({ kind, sheet: r.sheet, table: r.table, row: r.r, title: r.t, from, to });
  for (const r of now.rows) {
    const old = before.get(r.k);
    before.delete(r.k);
    if (old === undefined) {
      change("new", r, null, r.s);
    } else if (old.s !== r.s) {
      if (isAgreement(r.k)) {
        if (r.s === "expired") change("expired", r, old.s, r.s);
      } else if (r.s === "overdue") change("newly-overdue", r, old.s, r.s);
      else if (r.s === "done") change("newly-done", r, old.s, r.s);
    }
  }
  for (const r of before.values()) change("removed", r, r.s, null);
  return changes;
}

/** The record as JSON text (what the adapters store). */
export function serialiseCheckRecord(record: CheckRecord): string {
  return JSON.stringify(record);
}

/** The record from its JSON text; null when there is none or it cannot be read (then the check starts afresh). */
export function parseCheckRecord(text: string | null | undefined): CheckRecord | null {
  if (text === null || text === undefined || text.trim() === "") return null;
  try {
    const value = JSON.parse(text) as Partial<CheckRecord>;
    if (value.version !== 1 || !Array.isArray(value.checks)) return null;
    const checks = value.checks.filter(
      (c): c is CheckSnapshot => typeof c === "object" && c !== null && typeof c.date === "string" && Array.isArray(c.rows),
    );
    return { version: 1, checks };
  } catch {
    return null;
  }
}
