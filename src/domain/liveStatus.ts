/**
 * Statuses that follow the calendar: what Balans writes so that Excel (or LibreOffice, or Excel
 * on a phone) computes Försenad / Snart / Planerad and Utgånget / Går ut snart / Gäller from
 * `TODAY()` on every later day, without Balans.
 *
 * Design (issue 11). Beside each owned status column Balans owns a second column,
 * **Balans datum**, holding for each row either
 * - the dates that decide the row's status, newest first, as `2025-03-31; 2024-12-31` (at most
 *   {@link MAX_LIVE_DATES}; for a follow-up the explicit "Nästa uppföljning" date alone, else
 *   every milestone of the text; for an agreement its last valid day), or
 * - a fixed label for rows whose status does not move with the days (Klar, Datum saknas,
 *   Tills vidare, Okänd, and Gäller for agreements that renew themselves), or
 * - nothing, for a blank row.
 *
 * The status column then holds ONE formula, the same in every row (relative to its row, so
 * Excel sees one consistent formula down the column and shows no "inconsistent formula"
 * indicator, in a table as in a plain range). It reads only the dates column, fixed labels, the
 * window stored in the workbook as a hidden defined name, and `TODAY()`: user text never enters
 * a formula. Written in the invariant (en-US) language, as `range.formulas` and the file format
 * expect.
 *
 * {@link evaluateLiveStatus} is the same rule in TypeScript: the preview uses it, and a property
 * test proves it equals the engine's status for any set of dates and any day.
 */
import { daysBetween, isIsoDate } from "./isoDate";
import { AGREEMENT_STYLES, FOLLOW_UP_STYLES } from "./statusLabels";
import type { Agreement, AgreementStatus, FollowUp, FollowUpStatus, IsoDate } from "./types";

/** Header of the owned column that holds the deciding dates. */
export const LIVE_DATES_HEADER = "Balans datum";

/** At most this many dates per row (the newest: older ones cannot decide a later day). */
export const MAX_LIVE_DATES = 20;

/** "YYYY-MM-DD" plus the separator "; ". */
const DATE_STRIDE = 12;
const SEPARATOR = "; ";

/** A date that is never today or later, padding the list to {@link MAX_LIVE_DATES} entries in the formula. */
const PADDING_DATE = "1900-01-01";

export type LiveKind = "follow-up" | "agreement";

/** The hidden defined names that hold the windows the formulas use (beside the ownership record). */
export const WINDOW_NAMES: Record<LiveKind, string> = {
  "follow-up": "_Balans_DueSoonDays",
  agreement: "_Balans_ExpiringDays",
};

interface MovingLabels {
  late: string;
  soon: string;
  fine: string;
}

const LABELS: Record<LiveKind, MovingLabels> = {
  "follow-up": { late: FOLLOW_UP_STYLES.overdue.label, soon: FOLLOW_UP_STYLES["due-soon"].label, fine: FOLLOW_UP_STYLES.planned.label },
  agreement: { late: AGREEMENT_STYLES.expired.label, soon: AGREEMENT_STYLES.expiring.label, fine: AGREEMENT_STYLES.valid.label },
};

/**
 * The text of the dates column: unique dates, newest first, at most {@link MAX_LIVE_DATES}.
 * @example liveDatesText(["2024-12-31", "2025-03-31", "2024-12-31"]) // "2025-03-31; 2024-12-31"
 */
export function liveDatesText(dates: readonly IsoDate[]): string {
  const unique = [...new Set(dates.filter((d) => isIsoDate(d)))].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
  return unique.slice(0, MAX_LIVE_DATES).join(SEPARATOR);
}

/** The dates column's value for a follow-up: its deciding dates, or its fixed label. */
export function followUpLiveValue(f: Pick<FollowUp, "status"> & { dates?: readonly IsoDate[] }): string {
  if (f.status === "done" || f.status === "no-date") return FOLLOW_UP_STYLES[f.status].label;
  const text = liveDatesText(f.dates ?? []);
  // Without dates the engine says no-date; keep the label rather than an empty (blank-row) cell.
  return text === "" ? FOLLOW_UP_STYLES["no-date"].label : text;
}

/** The dates column's value for an agreement: its last valid day, or its fixed label. */
export function agreementLiveValue(a: Pick<Agreement, "status" | "validTo">): string {
  if (a.validTo !== null && (a.status === "expired" || a.status === "expiring" || a.status === "valid")) return a.validTo;
  return AGREEMENT_STYLES[a.status].label;
}

/** Excel's string literal for a label (labels are Balans's own; quotes doubled all the same). */
function literal(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * The status formula of one row, without the leading "=", in the invariant language.
 * `datesCell` is the A1 address of the same row's dates cell, relative (e.g. `"H4"`), so that
 * every row's formula is the same in R1C1 terms.
 */
export function liveStatusFormula(datesCell: string, kind: LiveKind): string {
  const labels = LABELS[kind];
  const h = datesCell;
  const newest = `DATE(VALUE(LEFT(${h},4)),VALUE(MID(${h},6,2)),VALUE(MID(${h},9,2)))`;
  const positions = Array.from({ length: MAX_LIVE_DATES }, (_, i) => i * DATE_STRIDE + 1).join(",");
  const padded = `${h}&REPT(${literal(SEPARATOR + PADDING_DATE)},${MAX_LIVE_DATES})`;
  const eachDate =
    `DATE(VALUE(MID(${padded},{${positions}},4)),` +
    `VALUE(MID(${padded},{${positions}}+5,2)),` +
    `VALUE(MID(${padded},{${positions}}+8,2)))`;
  const window = WINDOW_NAMES[kind];
  const soon = `SUMPRODUCT((${eachDate}>=TODAY())*(${eachDate}<=TODAY()+${window}))>0`;
  return (
    `IF(${h}="","",IF(ISERROR(VALUE(LEFT(${h},4))),${h},` +
    `IF(TODAY()>${newest},${literal(labels.late)},IF(${soon},${literal(labels.soon)},${literal(labels.fine)}))))`
  );
}

/**
 * What {@link liveStatusFormula} computes for a dates-column value on `today` with `window`
 * days — the same rule in TypeScript.
 */
export function evaluateLiveStatus(value: string, kind: LiveKind, today: IsoDate, window: number): string {
  if (value === "") return "";
  if (!/^\d{4}/.test(value)) return value;
  const labels = LABELS[kind];
  const dates = value.split(SEPARATOR).filter((d) => isIsoDate(d));
  const newest = dates[0];
  if (newest === undefined) return value;
  if (today > newest) return labels.late;
  const soon = dates.some((d) => d >= today && daysBetween(today, d) <= window);
  return soon ? labels.soon : labels.fine;
}

/** The status a label stands for (for tests and the preview): the inverse of the label tables. */
export function statusOfLabel(kind: LiveKind, label: string): FollowUpStatus | AgreementStatus | null {
  const styles = kind === "follow-up" ? FOLLOW_UP_STYLES : AGREEMENT_STYLES;
  for (const [status, style] of Object.entries(styles)) if (style.label === label) return status as FollowUpStatus | AgreementStatus;
  return null;
}
