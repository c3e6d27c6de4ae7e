/**
 * The meetings a follow-up ("Uppföljning") text names, with the forum, the date and what happens,
 * e.g. `SVOM 3/6 2024 – beslut om remiss` → SVOM, 2024-06-03, decision, "beslut om remiss".
 *
 * The dates are found by the engine's own scanner ({@link scanDateMentions}); this module only
 * decides which of them are meetings and of which forum.
 */
import { scanDateMentions, type DateMention } from "../extractMilestones";
import { classifyAgendaKind, type AgendaKind } from "./classifyAgendaKind";
import type { ForumDirectory } from "./forums";

/** A meeting's date: a day `YYYY-MM-DD`, or only a month `YYYY-MM` ("SVOM feb 2025"). */
export type MeetingDate = string;

export interface MeetingMention {
  forum: string;
  /** `YYYY-MM-DD`, or `YYYY-MM` for a month-only mention. */
  date: MeetingDate;
  kind: AgendaKind;
  /** What happens there, as written (e.g. "beslut om remiss"). */
  text: string;
  /** The date as written ("3/6 2024", "feb 2025"). */
  source: string;
  /** Index of the date in the text. */
  index: number;
}

interface ForumGroup {
  forums: string[];
  index: number;
  end: number;
}

/** Between two forums of one group: "Fredagsgruppen/SamReKo HSI", "Fredagsgruppen och SamReKo HSI". */
const JOINER = /^\s*(?:[/,&+]|och|samt)?\s*$/iu;
/** Between a forum and its own date: "SVOM 3/6 2024", "SVOM: 3/6 2024", "SVOM den 3/6 2024". */
const OWN_DATE = /^[\s:,]*(?:den\s+)?$/iu;
/**
 * Words that make a date a period or a deadline, not a meeting: from, fr.o.m., fom, t.o.m., t.om.,
 * tom, from/tom, till (och med), från (och med), senast, per (den), giltig(t), före, innan,
 * efter, sedan, mellan, fram till, — right before the date.
 */
const PERIOD_MARKER =
  /(?:^|[^\p{L}\p{N}])(?:fr\.?\s?o\.?\s?m\.?|f\.?o\.?m\.?|t\.?\s?o\.?\s?m\.?|from(?:\/tom)?|fr|till och med|från och med|från|fram till|till|senast|per|giltig\p{L}*|före|innan|efter|sedan|mellan)\s*(?:den\s+)?$/iu;
/** The end of a sentence: a full stop (or ? !, which stay) before white space and a capital letter, or at the end. */
const SENTENCE_END = /(?:\.|(?<=[!?]))(?=\s+\p{Lu}|\s*$)/u;
const EDGE = /^[\s\-\u2013\u2014:,.;]+|[\s\-\u2013\u2014:,.;]+$/gu;

function groupsOf(text: string, directory: ForumDirectory): ForumGroup[] {
  const groups: ForumGroup[] = [];
  for (const m of directory.find(text)) {
    const last = groups[groups.length - 1];
    if (last && JOINER.test(text.slice(last.end, m.index))) {
      if (!last.forums.includes(m.forum)) last.forums.push(m.forum);
      last.end = m.end;
    } else {
      groups.push({ forums: [m.forum], index: m.index, end: m.end });
    }
  }
  return groups;
}

function isPeriodOrDeadline(text: string, index: number): boolean {
  return PERIOD_MARKER.test(text.slice(Math.max(0, index - 40), index));
}

/** The meeting date a mention stands for, or null when it is no meeting date. */
function meetingDate(d: DateMention): MeetingDate | null {
  switch (d.form) {
    case "day":
      return d.date;
    case "span": {
      // "16-17/4 2024": the meeting starts on the first day.
      const first = /^\d{1,2}/u.exec(d.source)?.[0];
      return first === undefined
        ? d.date
        : `${d.date.slice(0, 8)}${first.padStart(2, "0")}`;
    }
    case "month":
      return d.date.slice(0, 7);
    default:
      return null;
  }
}

function segmentAfter(text: string, start: number, stop: number): string {
  const rest = text.slice(start, stop);
  const lead = /^[\s\-\u2013\u2014:,]*/u.exec(rest)?.[0].length ?? 0;
  const body = rest.slice(lead);
  const end = SENTENCE_END.exec(body);
  return (end ? body.slice(0, end.index) : body).replace(EDGE, "");
}

/** The sentence before a forum group ("Rapport från verksamheten, uppföljning avtal. SVOM februari 2025."). */
function segmentBefore(text: string, from: number, groupStart: number): string {
  const before = text.slice(from, groupStart).replace(EDGE, "");
  const sentences = before.split(/[.!?]\s+(?=\p{Lu})/u);
  return (sentences[sentences.length - 1] ?? "").replace(EDGE, "");
}

/**
 * The meetings named in one text, left to right (a joint meeting, "Fredagsgruppen och SamReKo
 * HSI 9/2 2024", gives one mention per forum).
 *
 * - A full date (`3/6 2024`, `2024-06-03`, `10 april 2024`, `16-17/4 2024` → its first day) is a
 *   meeting of the forum (or forums joined by "/", "och", ",") named last before it in the text:
 *   "SVOM 2023 och 23/2 2024 – rapport" is SVOM on 2024-02-23.
 * - A month with a year (`feb 2025`, `februari 2025`, `2025-02`) is a meeting only with a forum of
 *   its own right before it ("SVOM feb 2025"); its date is the month, `2025-02`.
 * - Not meetings: dates after a period or deadline word (from, fr.o.m., t.o.m., tom, till,
 *   senast, per, giltig …), weeks, seasons, bare years and "2024 års", and dates with no forum
 *   before them.
 * - What happens is the text after the date up to the next forum or the end of the sentence, or,
 *   when nothing follows, the sentence before the forum; its kind is {@link classifyAgendaKind}.
 */
export function extractMeetingMentions(
  text: string,
  directory: ForumDirectory,
): MeetingMention[] {
  if (typeof text !== "string" || text.trim() === "") return [];
  const groups = groupsOf(text, directory);
  if (groups.length === 0) return [];

  interface Found {
    group: ForumGroup;
    date: MeetingDate;
    d: DateMention;
  }
  const found: Found[] = [];
  for (const d of scanDateMentions(text)) {
    const date = meetingDate(d);
    if (date === null || isPeriodOrDeadline(text, d.index)) continue;
    let group: ForumGroup | undefined;
    for (const g of groups) if (g.end <= d.index) group = g;
    if (group === undefined) continue;
    const own = OWN_DATE.test(text.slice(group.end, d.index));
    if (d.form === "month" && !own) continue;
    found.push({ group, date, d });
  }

  const mentions: MeetingMention[] = [];
  found.forEach((f, i) => {
    const start = f.d.index + f.d.source.length;
    // The next anchor: a forum group or a meeting date after this one.
    let stop = text.length;
    for (const g of groups)
      if (g.index >= start && g.index < stop) stop = g.index;
    const nextDate = found[i + 1];
    if (nextDate && nextDate.d.index < stop) stop = nextDate.d.index;
    let what = segmentAfter(text, start, stop);
    if (what === "") {
      const prev = found[i - 1];
      const from = prev ? prev.d.index + prev.d.source.length : 0;
      const groupStart =
        f.group.end <= f.d.index && f.group.index >= from
          ? f.group.index
          : f.d.index;
      what = segmentBefore(text, from, groupStart);
    }
    const kind = classifyAgendaKind(what);
    for (const forum of f.group.forums) {
      mentions.push({
        forum,
        date: f.date,
        kind,
        text: what,
        source: f.d.source,
        index: f.d.index,
      });
    }
  });
  return mentions;
}
