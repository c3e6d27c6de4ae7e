/**
 * The agenda (mötesunderlag) of one meeting: what comes up there, what became overdue since the
 * forum's previous meeting, the agreements that expire before its following meeting and the
 * report-backs of funds that fall due before it.
 */
import { addDays, isIsoDate } from "../isoDate";
import { cellText } from "../normaliseText";
import { localise, type Localised } from "../messages";
import type {
  Agreement,
  Analysis,
  FollowUp,
  FundRow,
  IsoDate,
  Problem,
  RecognisedTable,
} from "../types";
import { AGENDA_KINDS, type AgendaKind } from "./classifyAgendaKind";
import type { MeetingDate } from "./extractMeetingMentions";
import {
  effectiveDate,
  isMonthDate,
  meetingCalendar,
  type MeetingCalendar,
  type MeetingItem,
} from "./meetingCalendar";

export interface AgendaRequest {
  /** Forum name or alias. @default "SVOM" */
  forum?: string;
  /** `YYYY-MM-DD`, or `YYYY-MM` for the forum's meeting in that month. @default the forum's next meeting on or after today */
  date?: string;
  /** Without a following meeting, agreements and report-backs due within this many days count. @default 90 */
  horizonDays?: number;
}

export interface AgendaGroup {
  /** Prioriterat område as written, or null for rows without one. */
  area: string | null;
  kinds: { kind: AgendaKind; items: MeetingItem[] }[];
}

export interface Agenda {
  forum: string;
  /** The forum is the steering group (SVOM): its agenda covers the whole balanslista and the funds. */
  steering: boolean;
  /** The meeting: `YYYY-MM-DD`, or `YYYY-MM` when only its month is known. */
  date: MeetingDate;
  previous: MeetingDate | null;
  next: MeetingDate | null;
  today: IsoDate;
  /** Where the forum's dates come from: the Möten table or the follow-up texts. */
  calendar: "table" | "texts";
  /** Every item, in agenda order (by area as they first appear, decisions first, then row). */
  items: MeetingItem[];
  groups: AgendaGroup[];
  /** Follow-ups overdue today whose latest milestone lies between the previous meeting and this one. */
  overdue: FollowUp[];
  /** Agreements that end after the previous meeting and before the following one. */
  agreements: Agreement[];
  /**
   * Distribution rows whose report-back (Återredovisas senast) is outstanding and due before the
   * following meeting; null when the workbook's fund analysis has no report-back dates. Only on
   * the steering group's (SVOM's) agenda.
   */
  funds: FundRow[] | null;
  problems: Problem[];
}

export type AgendaResult =
  | { ok: true; agenda: Agenda }
  | { ok: false; message: string; messageEn: string };

/** The month of a `YYYY-MM-DD` or `YYYY-MM` date. */
const monthOf = (date: MeetingDate) => date.slice(0, 7);

function fail(text: Localised): AgendaResult {
  return { ok: false, ...text };
}

function forumCells(
  analysis: Analysis,
  kind: "balanslista" | "agreements",
  keys: string[],
): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of analysis.tables.filter(
    (x: RecognisedTable) => x.kind === kind,
  )) {
    for (const r of t.rows) {
      const parts = keys.map((k) => {
        const offset = t.columns[k];
        return offset === undefined
          ? ""
          : cellText(r.cells[t.cellOffset + offset] ?? null);
      });
      out.set(rowKey(t.sheet, t.table, t.firstColumn, r.row), parts.join("\n"));
    }
  }
  return out;
}

function rowKey(
  sheet: string,
  table: string,
  firstColumn: number,
  row: number,
): string {
  return `${sheet}\u0000${table}\u0000${firstColumn}\u0000${row}`;
}

/**
 * The agenda of one meeting, or a message (Swedish and English) when the forum is unknown, the
 * date cannot be read or the forum has no meeting on or after today. Statuses (overdue) are
 * those of `analysis.today`.
 */
export function buildAgenda(
  analysis: Analysis,
  request: AgendaRequest = {},
  calendar: MeetingCalendar = meetingCalendar(analysis),
): AgendaResult {
  const { directory, meetings } = calendar;
  const asked = request.forum ?? "SVOM";
  const forum = directory.resolve(asked);
  if (forum === null) {
    const known = directory.forums.map((f) => f.name).join(", ");
    return fail(localise("agenda.forum-unknown", { forum: asked, known }));
  }
  const dates = meetings.get(forum.name) ?? [];
  const today = analysis.today;

  let date: MeetingDate;
  if (request.date === undefined) {
    const upcoming = dates.find((d) => effectiveDate(d) >= today);
    if (upcoming === undefined) {
      return fail(localise("agenda.no-meeting-ahead", { forum: forum.name, latest: dates[dates.length - 1] ?? null }));
    }
    date = upcoming;
  } else if (isIsoDate(request.date)) {
    date = request.date;
  } else if (isMonthDate(request.date)) {
    date =
      dates.find((d) => d.length === 10 && monthOf(d) === request.date) ??
      request.date;
  } else {
    return fail(localise("agenda.not-a-date", { value: request.date }));
  }

  // Month-only mentions belong to the forum's first meeting of that month.
  const month = monthOf(date);
  const firstDayOfMonth = dates.find(
    (d) => d.length === 10 && monthOf(d) === month,
  );
  const takesMonth =
    date.length === 7 ||
    firstDayOfMonth === undefined ||
    firstDayOfMonth === date;
  const items = calendar.items.filter(
    (it) =>
      it.forum === forum.name &&
      (it.date === date || (takesMonth && it.date === month)),
  );

  const at = effectiveDate(date);
  const others = dates.filter(
    (d) => d !== date && !(date.length === 10 && d === month),
  );
  const previous =
    [...others].reverse().find((d) => effectiveDate(d) < at) ?? null;
  const next = others.find((d) => effectiveDate(d) > at) ?? null;
  const from = previous === null ? null : effectiveDate(previous);
  const until =
    next === null
      ? addDays(at, request.horizonDays ?? 90)
      : effectiveDate(next);

  // Whose rows: the steering group sees the whole balanslista; another forum the rows that name it.
  const balansForums = forumCells(analysis, "balanslista", [
    "forum",
    "followUp",
  ]);
  const agreementForums = forumCells(analysis, "agreements", [
    "recommendingForum",
    "forum",
  ]);
  const names = (text: string | undefined) =>
    text !== undefined &&
    directory.find(text).some((m) => m.forum === forum.name);
  const ofForum = (
    x: { sheet: string; table: string; firstColumn: number; row: number },
    cells: Map<string, string>,
  ) =>
    forum.steering ||
    names(cells.get(rowKey(x.sheet, x.table, x.firstColumn, x.row)));

  const overdue = analysis.followUps.filter(
    (f) =>
      f.status === "overdue" &&
      f.latest !== null &&
      (from === null || f.latest >= from) &&
      f.latest < at &&
      ofForum(f, balansForums),
  );
  const agreements = analysis.agreements.filter(
    (a) =>
      a.validTo !== null &&
      (from === null ? a.validTo >= at : a.validTo > from) &&
      a.validTo < until &&
      ofForum(a, agreementForums),
  );
  const hasReportBack = analysis.funds.some((y) => y.rows !== undefined);
  const funds = !hasReportBack
    ? null
    : forum.steering
      ? analysis.funds
          .flatMap((y) => y.rows ?? [])
          .filter(
            (r) =>
              r.reportDue !== null &&
              r.reportStatus !== "done" &&
              r.reportDue < until,
          )
      : [];

  const groups: AgendaGroup[] = [];
  for (const it of items) {
    let group = groups.find((g) => g.area === it.area);
    if (!group) groups.push((group = { area: it.area, kinds: [] }));
    let bucket = group.kinds.find((k) => k.kind === it.kind);
    if (!bucket) group.kinds.push((bucket = { kind: it.kind, items: [] }));
    bucket.items.push(it);
  }
  for (const g of groups)
    g.kinds.sort(
      (a, b) => AGENDA_KINDS.indexOf(a.kind) - AGENDA_KINDS.indexOf(b.kind),
    );

  return {
    ok: true,
    agenda: {
      forum: forum.name,
      steering: forum.steering,
      date,
      previous,
      next,
      today,
      calendar: calendar.fromTable.has(forum.name) ? "table" : "texts",
      items: groups.flatMap((g) => g.kinds.flatMap((k) => k.items)),
      groups,
      overdue,
      agreements,
      funds,
      problems: calendar.problems,
    },
  };
}
