/**
 * The plan of the owned sheet "Underlag SVOM 2024-12-06": one meeting's agenda as a printable
 * table (A4 landscape, the header row repeated, one page wide) with a link to each row.
 * Plain data, written alike by the Excel and the file adapter.
 */
import { columnLetter } from "../columnLetter";
import type { AgendaSheetPlan, SummaryCell } from "../types";
import type { Agenda } from "./buildAgenda";
import type { MeetingDate } from "./extractMeetingMentions";
import { KIND_HEADINGS_SV, meetingDateLabel, NO_AREA_SV } from "./formatAgenda";

/** Excel's longest sheet name. */
export const MAX_SHEET_NAME = 31;
export const AGENDA_SHEET_PREFIX = "Underlag";
/** The header row of the agenda table (repeated on every printed page). */
export const AGENDA_HEADER_ROW = 4;
export const AGENDA_HEADERS = [
  "Prioriterat område",
  "Typ",
  "Ärende",
  "Vad händer",
  "Rad i arbetsboken",
];

/**
 * "Underlag SVOM 2024-12-06"; a forum name that would pass 31 characters is cut (with "…"), and
 * the characters Excel forbids in sheet names (\ / ? * [ ] :) become "-".
 * @example agendaSheetName("Beredningsgruppen för hjälpmedel", "2024-12-06") // "Underlag Berednings… 2024-12-06"
 */
export function agendaSheetName(forum: string, date: MeetingDate): string {
  const clean = forum
    .replace(/[\\/?*[\]:]/gu, "-")
    .replace(/\s+/gu, " ")
    .trim()
    .replace(/^'+|'+$/gu, "");
  const room = MAX_SHEET_NAME - AGENDA_SHEET_PREFIX.length - date.length - 2;
  const name =
    clean.length <= room ? clean : `${clean.slice(0, room - 1).trimEnd()}…`;
  return `${AGENDA_SHEET_PREFIX} ${name} ${date}`;
}

function place(sheet: string, row: number): string {
  return `${sheet} rad ${row}`;
}

/** The sheet for one agenda. Never a formula: every value is data (the adapters write strings as text). */
export function planAgendaSheet(agenda: Agenda): AgendaSheetPlan {
  const cells: SummaryCell[] = [];
  let row = 1;
  const put = (
    r: number,
    col: number,
    value: string | number | null,
    extra: Partial<SummaryCell> = {},
  ) => {
    if (value !== null && value !== "")
      cells.push({ row: r, col, value, ...extra });
  };
  const line = (
    values: [string, string, string, string],
    link: { sheet: string; firstColumn: number; row: number } | null,
  ) => {
    values.forEach((v, i) => put(row, i + 1, v));
    if (link)
      put(row, 5, place(link.sheet, link.row), {
        link: {
          sheet: link.sheet,
          address: `${columnLetter(link.firstColumn)}${link.row}`,
        },
      });
    row++;
  };

  put(1, 1, `Mötesunderlag ${agenda.forum} ${meetingDateLabel(agenda.date)}`, {
    bold: true,
  });
  put(
    2,
    1,
    [
      `Förra mötet: ${agenda.previous === null ? "–" : meetingDateLabel(agenda.previous)}`,
      `nästa möte: ${agenda.next === null ? "–" : meetingDateLabel(agenda.next)}`,
      agenda.calendar === "table"
        ? "mötesdatum ur tabellen Möten"
        : "mötesdatum ur uppföljningstexterna",
      `beräknat ${agenda.today}`,
    ].join(" · "),
  );
  AGENDA_HEADERS.forEach((h, i) =>
    put(AGENDA_HEADER_ROW, i + 1, h, { bold: true, fill: "D9E1F2" }),
  );
  row = AGENDA_HEADER_ROW + 1;

  if (agenda.items.length === 0)
    line(
      ["", "", "Inga ärenden i uppföljningstexterna för det här mötet.", ""],
      null,
    );
  for (const g of agenda.groups) {
    for (const k of g.kinds) {
      for (const it of k.items)
        line(
          [g.area ?? NO_AREA_SV, KIND_HEADINGS_SV[it.kind], it.title, it.text],
          it,
        );
    }
  }
  const section = (title: string) => {
    row++;
    put(row, 1, title, { bold: true });
    row++;
  };
  section("Försenade sedan förra mötet");
  if (agenda.overdue.length === 0) line(["", "", "Inga.", ""], null);
  for (const f of agenda.overdue)
    line(
      [
        f.area ?? NO_AREA_SV,
        "Försenad",
        f.title,
        `Senaste milstolpe ${f.latest ?? "–"}`,
      ],
      f,
    );
  section("Avtal som går ut före nästa möte");
  if (agenda.agreements.length === 0) line(["", "", "Inga.", ""], null);
  for (const a of agenda.agreements)
    line(
      [
        "",
        "Avtal",
        a.title,
        `${a.status === "expired" ? "Gällde" : "Gäller"} till ${a.validTo ?? "–"}`,
      ],
      a,
    );
  if (agenda.steering) {
    section("Återredovisningar av medel före nästa möte");
    if (agenda.funds === null)
      line(
        [
          "",
          "",
          "Arbetsboken har inga datum för återredovisning (Återredovisas senast).",
          "",
        ],
        null,
      );
    else if (agenda.funds.length === 0) line(["", "", "Inga.", ""], null);
    else
      for (const f of agenda.funds)
        line(
          [
            `${f.year} område ${f.area}`,
            "Återredovisning",
            f.title,
            `${f.party}: senast ${f.reportDue ?? "–"}`,
          ],
          f,
        );
  }

  return {
    name: agendaSheetName(agenda.forum, agenda.date),
    cells,
    columnWidths: [24, 24, 50, 60, 22],
    print: {
      orientation: "landscape",
      paperSize: "A4",
      repeatRow: AGENDA_HEADER_ROW,
      fitToPagesWide: 1,
    },
  };
}
