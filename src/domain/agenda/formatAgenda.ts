/**
 * The agenda as Swedish text (`balans agenda`) and as Markdown to paste into the notice
 * (`balans agenda --md`). Dates as `2024-12-06`, a month-only meeting as `februari 2025`.
 */
import { formatKronor } from "../formatAmount";
import { countOf } from "../messages";
import type { Agreement, FollowUp, FundRow } from "../types";
import type { Agenda } from "./buildAgenda";
import type { AgendaKind } from "./classifyAgendaKind";
import type { MeetingDate } from "./extractMeetingMentions";

const MONTHS_SV = [
  "januari",
  "februari",
  "mars",
  "april",
  "maj",
  "juni",
  "juli",
  "augusti",
  "september",
  "oktober",
  "november",
  "december",
];

/** `2024-12-06` as it is; a month `2025-02` as `februari 2025`. */
export function meetingDateLabel(date: MeetingDate): string {
  if (date.length !== 7) return date;
  return `${MONTHS_SV[Number(date.slice(5, 7)) - 1] ?? date.slice(5, 7)} ${date.slice(0, 4)}`;
}

/** Headings per kind, decisions first. */
export const KIND_HEADINGS_SV: Record<AgendaKind, string> = {
  decision: "Beslut",
  report: "Rapporter och uppföljning",
  information: "Information",
  other: "Övrigt",
};

/** Heading for rows without a Prioriterat område. */
export const NO_AREA_SV = "Utan prioriterat område";

const count = (n: number, one: string, other: string) => countOf("sv", n, { one, other });

function oneLine(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

function headline(agenda: Agenda): string {
  return `Mötesunderlag ${agenda.forum} ${meetingDateLabel(agenda.date)}`;
}

function context(agenda: Agenda): string {
  const parts = [
    `förra mötet ${agenda.previous === null ? "–" : meetingDateLabel(agenda.previous)}`,
    `nästa möte ${agenda.next === null ? "–" : meetingDateLabel(agenda.next)}`,
    agenda.calendar === "table"
      ? "mötesdatum ur tabellen Möten"
      : "mötesdatum ur uppföljningstexterna",
    `per ${agenda.today}`,
  ];
  const text = parts.join(" · ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const overdueText = (f: FollowUp) =>
  `${oneLine(f.title)} – senaste milstolpe ${f.latest ?? "–"}`;
const agreementText = (a: Agreement) =>
  `${oneLine(a.title)} – ${a.status === "expired" ? "gällde till" : "gäller till"} ${a.validTo ?? "–"}`;
const fundText = (r: FundRow) =>
  `${oneLine(r.title)} (${r.party}, ${r.year}, ${formatKronor(r.amount)}) – återredovisas senast ${r.reportDue ?? "–"}`;

function followingSections(
  agenda: Agenda,
): {
  heading: string;
  entries: { text: string; sheet: string; row: number }[];
  empty: string;
}[] {
  const sections = [
    {
      heading: `Försenade sedan förra mötet (${count(agenda.overdue.length, "uppföljning", "uppföljningar")})`,
      entries: agenda.overdue.map((f) => ({
        text: overdueText(f),
        sheet: f.sheet,
        row: f.row,
      })),
      empty: "Inga.",
    },
    {
      heading: `Avtal som går ut före nästa möte (${count(agenda.agreements.length, "avtal", "avtal")})`,
      entries: agenda.agreements.map((a) => ({
        text: agreementText(a),
        sheet: a.sheet,
        row: a.row,
      })),
      empty: "Inga.",
    },
  ];
  if (agenda.steering) {
    sections.push({
      heading:
        agenda.funds === null
          ? "Återredovisningar av medel före nästa möte"
          : `Återredovisningar av medel före nästa möte (${count(agenda.funds.length, "rad", "rader")})`,
      entries: (agenda.funds ?? []).map((r) => ({
        text: fundText(r),
        sheet: r.sheet,
        row: r.row,
      })),
      empty:
        agenda.funds === null
          ? "Arbetsboken har inga datum för återredovisning (kolumnen Återredovisas senast)."
          : "Inga.",
    });
  }
  return sections;
}

/** The agenda as plain Swedish text. */
export function formatAgendaText(agenda: Agenda): string {
  const out = [headline(agenda), context(agenda), ""];
  out.push(`Ärenden (${count(agenda.items.length, "ärende", "ärenden")})`);
  if (agenda.items.length === 0)
    out.push("  Inga ärenden i uppföljningstexterna för det här mötet.");
  for (const g of agenda.groups) {
    out.push(`  ${g.area ?? NO_AREA_SV}`);
    for (const k of g.kinds) {
      out.push(`    ${KIND_HEADINGS_SV[k.kind]}`);
      for (const it of k.items)
        out.push(
          `      - ${oneLine(it.title)}: ${it.text} (${it.sheet}, rad ${it.row})`,
        );
    }
  }
  for (const s of followingSections(agenda)) {
    out.push("", s.heading);
    if (s.entries.length === 0) out.push(`  ${s.empty}`);
    for (const e of s.entries)
      out.push(`  - ${e.text} (${e.sheet}, rad ${e.row})`);
  }
  for (const p of agenda.problems)
    out.push(
      "",
      `Obs: ${p.sheet}${p.row === null ? "" : `, rad ${p.row}`}: ${p.message}`,
    );
  return `${out.join("\n")}\n`;
}

/** Markdown's special characters in workbook text, escaped so that they print as written. */
export function escapeMarkdown(text: string): string {
  return oneLine(text)
    .replace(/[\\`*_[\]<>#|~]/gu, "\\$&")
    .replace(/^(\d+)\./u, "$1\\.")
    .replace(/^-/u, "\\-");
}

/** The agenda as Markdown (headings, bullet lists) to paste into the notice. */
export function formatAgendaMarkdown(agenda: Agenda): string {
  const md = (t: string) => escapeMarkdown(t);
  const out = [`## ${md(headline(agenda))}`, "", md(context(agenda)), ""];
  if (agenda.items.length === 0)
    out.push("Inga ärenden i uppföljningstexterna för det här mötet.", "");
  for (const g of agenda.groups) {
    out.push(`### ${md(g.area ?? NO_AREA_SV)}`, "");
    for (const k of g.kinds) {
      out.push(`**${KIND_HEADINGS_SV[k.kind]}**`, "");
      for (const it of k.items)
        out.push(
          `- **${md(it.title)}**: ${md(it.text)} *(${md(it.sheet)}, rad ${it.row})*`,
        );
      out.push("");
    }
  }
  for (const s of followingSections(agenda)) {
    out.push(`### ${md(s.heading)}`, "");
    if (s.entries.length === 0) out.push(md(s.empty));
    for (const e of s.entries)
      out.push(`- ${md(e.text)} *(${md(e.sheet)}, rad ${e.row})*`);
    out.push("");
  }
  return `${out
    .join("\n")
    .replace(/\n{3,}/gu, "\n\n")
    .trimEnd()}\n`;
}
