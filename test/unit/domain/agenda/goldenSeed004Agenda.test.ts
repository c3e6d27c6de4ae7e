/**
 * Golden test: the agendas that seed 004 (Balanslista SVOM 2024, 2024-05-20) gives, as the
 * sample workbook carries it (rows 3–38 of sheet Balanslista), at today = 2024-11-15.
 *
 * The expected items were written from the seed's Uppföljning texts (quoted beside each row and
 * checked against test/fixtures/seeds/004_*.txt below), not from Balans's output:
 *   row 3  "… SVOM 3/6 2024 – beslut om remiss SVOM 11/10 2024 - rekommendationsbeslut nytt avtal from 1/1 2025."
 *   row 4  "… SVOM 3/6 2024 – rapport pågående arbete"
 *   row 5  "SVOM 3/6 2024 – statistik utveckling utskrivningsklara 2017-2023 SVOM 11/10 2024 - rekommendationsbeslut nytt avtal from 1/1 2025."
 *   row 6  "SVOM 6/12 2024 - uppföljning gemensam plan"
 *   row 11 "Tillfällig riktlinje Storsjögläntan Fredagsgruppen 22/4 2024 – uppföljning statistik"
 *   row 20 "Prel. SVOM 11/10 2024 - rekommendationsbeslut ny ök från 1/1 2025."
 *   row 21 "Pre. SVOM 11/10 2024 - rekommendationsbeslut ny ökning från 1/1 2025."
 *   row 24 "SVOM 3/6 2024 – presentation av VB 2023 och information om uppstart."
 *   row 25 "Rapport från verksamheten, uppföljning avtal. SVOM februari 2025."
 *   row 26 "SVOM 3/6 2024 – presentation av VB 2023 och VP 2024"
 *   row 27 "SVOM feb 2025 - rapport om användningen av 2024 års medel"
 *   rows 29, 30, 31 "SVOM 11/10 2024 – rapport om pågående arbete"
 *   row 38 "SVOM 3/6 2024 – utredning/förslag/remiss" (no Prioriterat område: the row sits under "Övrigt")
 */
import { analyseWorkbook, defaultOptions } from "../../../../src/domain";
import {
  buildAgenda,
  type AgendaRequest,
} from "../../../../src/domain/agenda/buildAgenda";
import { sampleWorkbook } from "../../../../src/domain/sampleWorkbook";
import { templateToWorkbookData } from "../../../../src/domain/templateToWorkbookData";
import { readSeed } from "../../engine/seedFixtures";

const analysis = analyseWorkbook(
  templateToWorkbookData(sampleWorkbook()),
  defaultOptions("2024-11-15"),
);

function agendaOf(request: AgendaRequest) {
  const result = buildAgenda(analysis, request);
  if (!result.ok) throw new Error(result.message);
  return result.agenda;
}

const items = (request: AgendaRequest) =>
  agendaOf(request).items.map((i) => [i.row, i.area, i.kind, i.text]);

describe("seed 004: the agendas its follow-up texts give", () => {
  it("quotes texts that are in the seed", () => {
    const seed = readSeed("004_032b4e42c1688560.txt")
      .replace(/<\/?i>/gu, "")
      .replace(/\s+/gu, " ");
    for (const quote of [
      "SVOM 3/6 2024 – beslut om remiss SVOM 11/10 2024 - rekommendationsbeslut nytt avtal from 1/1 2025.",
      "SVOM 3/6 2024 – rapport pågående arbete",
      "SVOM 3/6 2024 – statistik utveckling utskrivningsklara 2017-2023 SVOM 11/10 2024 - rekommendationsbeslut nytt avtal from 1/1 2025.",
      "SVOM 6/12 2024 - uppföljning gemensam plan",
      "Fredagsgruppen 22/4 2024 – uppföljning statistik",
      "Prel. SVOM 11/10 2024 - rekommendationsbeslut ny ök från 1/1 2025.",
      "Pre. SVOM 11/10 2024 - rekommendationsbeslut ny ökning från 1/1 2025.",
      "SVOM 3/6 2024 – presentation av VB 2023 och information om uppstart.",
      "Rapport från verksamheten, uppföljning avtal. SVOM februari 2025.",
      "SVOM 3/6 2024 – presentation av VB 2023 och VP 2024",
      "SVOM feb 2025 - rapport om användningen av 2024 års medel",
      "SVOM 11/10 2024 – rapport om pågående arbete",
      "SVOM 3/6 2024 – utredning/förslag/remiss",
    ]) {
      expect(seed).toContain(quote);
    }
  });

  it("SVOM 2024-06-03: one decision, one report, two items of information, two others", () => {
    expect(items({ forum: "SVOM", date: "2024-06-03" })).toEqual([
      [3, "Nära vård", "decision", "beslut om remiss"],
      [4, "Nära vård", "report", "rapport pågående arbete"],
      [
        5,
        "Nära vård",
        "other",
        "statistik utveckling utskrivningsklara 2017-2023",
      ],
      [
        24,
        "Psykisk hälsa",
        "information",
        "presentation av VB 2023 och information om uppstart",
      ],
      [
        26,
        "Psykisk hälsa",
        "information",
        "presentation av VB 2023 och VP 2024",
      ],
      [38, null, "other", "utredning/förslag/remiss"],
    ]);
  });

  it("SVOM 2024-10-11: four recommendation decisions, then three reports", () => {
    expect(items({ forum: "SVOM", date: "2024-10-11" })).toEqual([
      [
        3,
        "Nära vård",
        "decision",
        "rekommendationsbeslut nytt avtal from 1/1 2025",
      ],
      [
        5,
        "Nära vård",
        "decision",
        "rekommendationsbeslut nytt avtal from 1/1 2025",
      ],
      [
        20,
        "Psykisk hälsa",
        "decision",
        "rekommendationsbeslut ny ök från 1/1 2025",
      ],
      [
        21,
        "Psykisk hälsa",
        "decision",
        "rekommendationsbeslut ny ökning från 1/1 2025",
      ],
      [29, "Psykisk hälsa", "report", "rapport om pågående arbete"],
      [30, "Psykisk hälsa", "report", "rapport om pågående arbete"],
      [31, "Psykisk hälsa", "report", "rapport om pågående arbete"],
    ]);
  });

  it("Fredagsgruppen 2024-04-22: the follow-up of the Storsjögläntan statistics", () => {
    const agenda = agendaOf({ forum: "Fredagsgruppen", date: "2024-04-22" });
    expect(agenda.items.map((i) => [i.row, i.title, i.kind, i.text])).toEqual([
      [
        11,
        "Samverkan primärvård/ specialistvård t.ex. frågor om Storsjögläntan och MINT",
        "report",
        "uppföljning statistik",
      ],
    ]);
    // Fredagsgruppen's dates in the texts: 29/9 2023 (with SamReKo HSI), 23/10 2023, 9/2 2024, 22/4 2024, 21/10 2024.
    expect([agenda.previous, agenda.next]).toEqual([
      "2024-02-09",
      "2024-10-21",
    ]);
  });

  it("SVOM in February 2025: two reports, at a meeting known only by its month", () => {
    const agenda = agendaOf({ forum: "SVOM", date: "2025-02" });
    expect(agenda.date).toBe("2025-02");
    expect(agenda.items.map((i) => [i.row, i.kind, i.text])).toEqual([
      [25, "report", "Rapport från verksamheten, uppföljning avtal"],
      [27, "report", "rapport om användningen av 2024 års medel"],
    ]);
    // A day in that month is the same meeting (seed 002 shows it was in fact held on 2025-03-07).
    expect(
      agendaOf({ forum: "SVOM", date: "2025-02-21" }).items.map((i) => i.row),
    ).toEqual([25, 27]);
  });

  it("with no date, SVOM's next meeting after 2024-11-15 is 2024-12-06, from row 6 of the balanslista (no Möten table)", () => {
    const agenda = agendaOf({});
    expect([
      agenda.forum,
      agenda.date,
      agenda.previous,
      agenda.next,
      agenda.calendar,
    ]).toEqual(["SVOM", "2024-12-06", "2024-10-11", "2025-02", "texts"]);
    expect(agenda.items.map((i) => [i.row, i.area, i.kind, i.text])).toEqual([
      [6, "Nära vård", "report", "uppföljning gemensam plan"],
    ]);
    // Overdue since SVOM 11/10 2024: the three rows whose last milestone was that meeting.
    expect(agenda.overdue.map((f) => [f.row, f.latest])).toEqual([
      [29, "2024-10-11"],
      [30, "2024-10-11"],
      [31, "2024-10-11"],
    ]);
    // Agreements that end after 2024-10-11 and before February 2025: the seven that end 2024-12-31.
    expect(agenda.agreements.map((a) => [a.row, a.validTo])).toEqual([
      [4, "2024-12-31"],
      [5, "2024-12-31"],
      [8, "2024-12-31"],
      [9, "2024-12-31"],
      [14, "2024-12-31"],
      [25, "2024-12-31"],
      [28, "2024-12-31"],
    ]);
  });
});
