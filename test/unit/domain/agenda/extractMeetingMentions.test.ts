import { classifyAgendaKind } from "../../../../src/domain/agenda/classifyAgendaKind";
import { extractMeetingMentions } from "../../../../src/domain/agenda/extractMeetingMentions";
import {
  createForumDirectory,
  forumNamesInCell,
} from "../../../../src/domain/agenda/forums";

const dir = createForumDirectory();
const brief = (text: string, d = dir) =>
  extractMeetingMentions(text, d).map((m) => [m.forum, m.date, m.kind, m.text]);

describe("extractMeetingMentions", () => {
  it("reads forum, date, kind and what happens", () => {
    expect(brief("SVOM 3/6 2024 – beslut om remiss")).toEqual([
      ["SVOM", "2024-06-03", "decision", "beslut om remiss"],
    ]);
  });

  it("gives a full date without a forum of its own to the forum named last before it", () => {
    expect(brief("SVOM 2023 och 23/2 2024 – rapport")).toEqual([
      ["SVOM", "2024-02-23", "report", "rapport"],
    ]);
  });

  it("ends what happens at the next forum or meeting", () => {
    expect(
      brief(
        "SVOM 9/6 2023 – rek-beslut förlängning nuvarande avtal SVOM 2023 och 23/2 2024-rapport pågående arbete SVOM 3/6 2024 – beslut om remiss",
      ),
    ).toEqual([
      [
        "SVOM",
        "2023-06-09",
        "decision",
        "rek-beslut förlängning nuvarande avtal",
      ],
      ["SVOM", "2024-02-23", "report", "rapport pågående arbete"],
      ["SVOM", "2024-06-03", "decision", "beslut om remiss"],
    ]);
  });

  it("ends what happens at the end of the sentence", () => {
    expect(
      brief(
        "SVOM 8/12 2023 - Kort rapport och uppdrag. Utvecklingssamordnare KFJH uppdras att återkomma.",
      ),
    ).toEqual([["SVOM", "2023-12-08", "report", "Kort rapport och uppdrag"]]);
  });

  it("does not take periods and deadlines for meetings", () => {
    for (const text of [
      "Avtal giltigt t.om. 31/12 2024. SVOM",
      "SVOM beslutade. Nytt avtal behövs from 1/1 2025.",
      "SVOM: avtal fr.o.m. 1/1 2025",
      "SVOM: avtal från/tom 2025-01-01",
      "SVOM: giltig tom 31/12 2024",
      "SVOM: gäller t.o.m. 2024-12-31",
      "SVOM: rek.beslut senast 11/10 2024",
      "SVOM: samordning har upphört per den 30/9 2023",
      "SVOM: version giltig till 31/12 2023",
    ]) {
      expect([text, brief(text)]).toEqual([text, []]);
    }
  });

  it('does not take bare years, seasons, weeks or "2024 års" for meetings', () => {
    expect(
      brief(
        "SVOM 2023 beslut om 2024 års medel, SVOM höst 2024, SVOM vecka 42 2025",
      ),
    ).toEqual([]);
  });

  it("takes a month with a forum of its own as that forum's meeting in the month", () => {
    expect(
      brief("SVOM feb 2025 - rapport om användningen av 2024 års medel"),
    ).toEqual([
      [
        "SVOM",
        "2025-02",
        "report",
        "rapport om användningen av 2024 års medel",
      ],
    ]);
  });

  it("does not take a month without a forum of its own", () => {
    expect(
      brief(
        "SVOM 23/2 2024 - beslut. Redovisning till Socialstyrelsen mars 2025.",
      ),
    ).toEqual([["SVOM", "2024-02-23", "decision", "beslut"]]);
  });

  it("takes the sentence before when nothing follows the date", () => {
    expect(
      brief(
        "Rapport från verksamheten, uppföljning avtal. SVOM februari 2025.",
      ),
    ).toEqual([
      [
        "SVOM",
        "2025-02",
        "report",
        "Rapport från verksamheten, uppföljning avtal",
      ],
    ]);
  });

  it("gives a joint meeting to every forum of it", () => {
    expect(
      brief("Fredagsgruppen och SamReKo HSI 9/2 2024 - beslut om plan"),
    ).toEqual([
      ["Fredagsgruppen", "2024-02-09", "decision", "beslut om plan"],
      ["SamReKo HSI", "2024-02-09", "decision", "beslut om plan"],
    ]);
    expect(
      brief(
        "Fredagsgruppen/SamReKo HSI 29/9 2023 – beslut om reviderade manualer",
      ).map((m) => m[0]),
    ).toEqual(["Fredagsgruppen", "SamReKo HSI"]);
  });

  it("dates a span of days by its first day and keeps a question mark", () => {
    expect(
      brief(
        "SVOM samverkansdagar Västernorrland 16-17/4 2024 - fokus Kompetensförsörjning Forma uppdrag?",
      ),
    ).toEqual([
      [
        "SVOM",
        "2024-04-16",
        "other",
        "fokus Kompetensförsörjning Forma uppdrag?",
      ],
    ]);
  });

  it("needs a forum: a date before any forum is no meeting", () => {
    expect(brief("Invigning 10 april 2024. Uppstart pågår.")).toEqual([]);
    expect(brief("")).toEqual([]);
  });

  it("knows the workbook's own forums", () => {
    const own = createForumDirectory(["Beredningsgrupp GNUS"]);
    expect(
      brief("Beredningsgrupp GNUS 2024-09-05 – info om upphandlingen", own),
    ).toEqual([
      [
        "Beredningsgrupp GNUS",
        "2024-09-05",
        "information",
        "info om upphandlingen",
      ],
    ]);
  });

  it("matches all-capital aliases in capitals only", () => {
    expect(brief("svom 3/6 2024 – beslut")).toEqual([]);
    expect(brief("FG 3/6 2024 – beslut")).toEqual([
      ["Fredagsgruppen", "2024-06-03", "decision", "beslut"],
    ]);
  });
});

describe("classifyAgendaKind", () => {
  it.each([
    ["beslut om remiss", "decision"],
    ["rek-beslut förlängning nuvarande avtal", "decision"],
    ["rekommendationsbeslut nytt avtal from 1/1 2025", "decision"],
    ["godkänna planen", "decision"],
    ["rapport pågående arbete", "report"],
    ["återrapport av uppdraget", "report"],
    ["redovisning av medlen", "report"],
    ["uppföljning gemensam plan", "report"],
    ["presentation av VB 2023 och information om uppstart", "information"],
    ["info om läget", "information"],
    ["statistik utveckling utskrivningsklara 2017-2023", "other"],
    ["utredning/förslag/remiss", "other"],
    ["", "other"],
  ])("%s → %s", (text, kind) => {
    expect(classifyAgendaKind(text)).toBe(kind);
  });
});

describe("forumNamesInCell", () => {
  it("keeps short names that are not known yet and drops sentences", () => {
    expect(forumNamesInCell("Fredagsgruppen SamReKo HSI", dir)).toEqual([]);
    expect(forumNamesInCell("Beredningsgrupp GNUS", dir)).toEqual([
      "Beredningsgrupp GNUS",
    ]);
    expect(
      forumNamesInCell("Regional styrgrupp ansvarar för samverkan.", dir),
    ).toEqual([]);
    expect(forumNamesInCell("Hjälpmedelsberedningsgruppen, SVOM", dir)).toEqual(
      ["Hjälpmedelsberedningsgruppen"],
    );
  });
});
