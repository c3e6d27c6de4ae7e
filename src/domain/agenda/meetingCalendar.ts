/**
 * Every meeting the workbook knows: the Möten table (Forum | Datum) where it has a forum's
 * meetings, else the meetings named in the balanslista's Uppföljning texts; and every item that
 * comes up at each.
 */
import { scanDateMentions } from "../extractMilestones";
import { isIsoDate, lastDayOfMonth } from "../isoDate";
import { cellText, isBlank } from "../normaliseText";
import { localise } from "../messages";
import { field, header } from "../tableFields";
import type {
  Analysis,
  CellValue,
  IsoDate,
  Problem,
  TableRowRef,
} from "../types";
import type { AgendaKind } from "./classifyAgendaKind";
import {
  extractMeetingMentions,
  type MeetingDate,
} from "./extractMeetingMentions";
import {
  createForumDirectory,
  forumNamesInCell,
  type ForumDirectory,
} from "./forums";

/** One thing that comes up at a meeting: a balanslista row and what its text says happens. */
export interface MeetingItem extends TableRowRef {
  forum: string;
  /** The date as mentioned: `YYYY-MM-DD`, or `YYYY-MM` for a month-only mention. */
  date: MeetingDate;
  kind: AgendaKind;
  text: string;
  area: string | null;
  /** Where the text names this meeting (for items of one row in text order). */
  index: number;
}

export interface MeetingCalendar {
  directory: ForumDirectory;
  /** Every meeting mention of every balanslista row, in workbook order. */
  items: MeetingItem[];
  /** Each forum's meetings, in date order: days, and months where no day of that month is known. */
  meetings: Map<string, MeetingDate[]>;
  /** Forums whose meetings come from the Möten table. */
  fromTable: Set<string>;
  /** Problems in the Möten table. */
  problems: Problem[];
}

/** The day a meeting date counts as for comparisons: a month counts as its last day, as elsewhere in Balans. */
export function effectiveDate(date: MeetingDate): IsoDate {
  if (date.length === 7)
    return (
      lastDayOfMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7))) ??
      `${date}-28`
    );
  return date;
}

export function isMonthDate(date: MeetingDate): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/u.test(date);
}

function oneLine(v: CellValue): string {
  return cellText(v)
    .replace(/[\s\u00a0\u202f]+/gu, " ")
    .trim();
}

function meetingDayOf(v: CellValue): IsoDate | null {
  if (v !== null && typeof v === "object" && "date" in v)
    return isIsoDate(v.date) ? v.date : null;
  if (typeof v !== "string") return null;
  const days = scanDateMentions(v).filter((d) => d.form === "day");
  return days.length === 1 && days[0] ? days[0].date : null;
}

/** Build the calendar from an analysis (its recognised tables are read again; nothing is changed). */
export function meetingCalendar(analysis: Analysis): MeetingCalendar {
  const problems: Problem[] = [];
  const lists = analysis.tables.filter((t) => t.kind === "balanslista");
  const registers = analysis.tables.filter((t) => t.kind === "agreements");
  const tables = analysis.tables.filter((t) => t.kind === "meetings");

  // Forums: built in, then the Möten table's, then the short names in Beredande forum columns.
  const tableRows: { forum: string; date: IsoDate }[] = [];
  const builtIn = createForumDirectory();
  const extra: string[] = [];
  for (const t of tables) {
    for (const r of t.rows) {
      const forum = oneLine(field(t, r, "forum"));
      const dateCell = field(t, r, "date");
      const where = { sheet: t.sheet, table: t.table, row: r.row };
      if (forum === "") {
        problems.push({
          ...where,
          column: header(t, "forum", "Forum"),
          ...localise("meetings.forum-missing"),
        });
        continue;
      }
      const date = meetingDayOf(dateCell);
      if (date === null) {
        const shown = cellText(dateCell);
        problems.push({
          ...where,
          column: header(t, "date", "Datum"),
          ...(isBlank(dateCell) ? localise("meetings.date-missing") : localise("meetings.date-unreadable", { value: shown })),
        });
        continue;
      }
      extra.push(forum);
      tableRows.push({ forum, date });
    }
  }
  for (const t of [...lists, ...registers]) {
    for (const r of t.rows)
      extra.push(...forumNamesInCell(oneLine(field(t, r, "forum")), builtIn));
  }
  const directory = createForumDirectory(extra);

  const fromTable = new Set<string>();
  const meetings = new Map<string, MeetingDate[]>();
  const add = (forum: string, date: MeetingDate) => {
    const list = meetings.get(forum) ?? [];
    if (!list.includes(date)) list.push(date);
    meetings.set(forum, list);
  };
  for (const { forum, date } of tableRows) {
    const name = directory.resolve(forum)?.name ?? forum;
    fromTable.add(name);
    add(name, date);
  }

  const titles = new Map(
    analysis.followUps.map((f) => [
      `${f.sheet}\u0000${f.table}\u0000${f.firstColumn}\u0000${f.row}`,
      f,
    ]),
  );
  const items: MeetingItem[] = [];
  for (const t of lists) {
    for (const r of t.rows) {
      const cell = field(t, r, "followUp");
      if (typeof cell !== "string") continue;
      const text = cell.replace(/[\s\u00a0\u202f]+/gu, " ");
      const mentions = extractMeetingMentions(text, directory);
      if (mentions.length === 0) continue;
      const f = titles.get(
        `${t.sheet}\u0000${t.table}\u0000${t.firstColumn}\u0000${r.row}`,
      );
      const title =
        f?.title ?? (oneLine(field(t, r, "what")) || `Rad ${r.row}`);
      const area = f ? f.area : oneLine(field(t, r, "area")) || null;
      for (const m of mentions) {
        items.push({
          forum: m.forum,
          date: m.date,
          kind: m.kind,
          text: m.text,
          sheet: t.sheet,
          table: t.table,
          firstColumn: t.firstColumn,
          row: r.row,
          title,
          area,
          index: m.index,
        });
      }
    }
  }

  // Forums without Möten rows: their days in the texts.
  for (const it of items)
    if (!fromTable.has(it.forum) && !isMonthDate(it.date))
      add(it.forum, it.date);
  // A month-only mention is the forum's meeting in that month; without one, the month stands in.
  for (const it of items) {
    if (!isMonthDate(it.date)) continue;
    const days = meetings.get(it.forum) ?? [];
    if (!days.some((d) => d.startsWith(`${it.date}-`))) add(it.forum, it.date);
  }
  for (const list of meetings.values())
    list.sort(
      (a, b) =>
        effectiveDate(a).localeCompare(effectiveDate(b)) || a.length - b.length,
    );

  return { directory, items, meetings, fromTable, problems };
}
