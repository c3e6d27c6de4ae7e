import { analyseWorkbook, defaultOptions } from "../../../../src/domain";
import { toAgendaJson } from "../../../../src/domain/agenda/agendaJson";
import { buildAgenda } from "../../../../src/domain/agenda/buildAgenda";
import {
  escapeMarkdown,
  formatAgendaMarkdown,
  formatAgendaText,
} from "../../../../src/domain/agenda/formatAgenda";
import { sampleWorkbook } from "../../../../src/domain/sampleWorkbook";
import { templateToWorkbookData } from "../../../../src/domain/templateToWorkbookData";
import type { CellValue, WorkbookData } from "../../../../src/domain/types";
import { plainSheet, tableSheet } from "../../engine/seedFixtures";

const BALANS = [
  "Prioriterat område",
  "Vad",
  "Uppdrag/aktivitet",
  "Ansvarig funktion",
  "Beredande forum",
  "Uppföljning",
];

function withMeetings(rows: CellValue[][]): WorkbookData {
  const data = templateToWorkbookData(sampleWorkbook());
  return {
    ...data,
    sheets: [
      ...data.sheets,
      tableSheet("Möten", "Moten", ["Forum", "Datum"], rows),
    ],
  };
}

function ok(
  data: WorkbookData,
  request: Parameters<typeof buildAgenda>[1],
  today = "2024-11-15",
) {
  const result = buildAgenda(
    analyseWorkbook(data, defaultOptions(today)),
    request,
  );
  if (!result.ok) throw new Error(result.message);
  return result.agenda;
}

describe("buildAgenda with a Möten table", () => {
  it("takes the forum's dates from the table: the next meeting, previous and next", () => {
    const agenda = ok(
      withMeetings([
        ["SVOM", { date: "2024-10-11" }],
        ["SVOM", "2024-12-13"],
        ["SVOM", { date: "2025-02-14" }],
        ["Fredagsgruppen", "2024-11-18"],
      ]),
      {},
    );
    expect([
      agenda.date,
      agenda.previous,
      agenda.next,
      agenda.calendar,
    ]).toEqual(["2024-12-13", "2024-10-11", "2025-02-14", "table"]);
    // The texts' "SVOM 6/12 2024" is no meeting in the table: nothing comes up on 2024-12-13.
    expect(agenda.items).toEqual([]);
  });

  it("gives a month-only mention to the forum's meeting in that month", () => {
    const agenda = ok(
      withMeetings([
        ["SVOM", "2024-12-06"],
        ["SVOM", "2025-02-14"],
      ]),
      { forum: "svom", date: "2025-02" },
    );
    expect(agenda.date).toBe("2025-02-14");
    expect(agenda.items.map((i) => i.row)).toEqual([25, 27]);
    expect(agenda.previous).toBe("2024-12-06");
  });

  it("reports rows it cannot use, with sheet, table, row and column, and goes on", () => {
    const result = buildAgenda(
      analyseWorkbook(
        withMeetings([
          ["", "2024-12-06"],
          ["SVOM", "snart"],
          ["SVOM", null],
          ["SVOM", "2024-12-06"],
        ]),
        defaultOptions("2024-11-15"),
      ),
      {},
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.agenda.date).toBe("2024-12-06");
    expect(
      result.agenda.problems.map((p) => [
        p.sheet,
        p.table,
        p.row,
        p.column,
        p.message,
      ]),
    ).toEqual([
      [
        "Möten",
        "Moten",
        2,
        "Forum",
        "Forum saknas på raden; mötet räknas inte med.",
      ],
      [
        "Möten",
        "Moten",
        3,
        "Datum",
        "Datumet ”snart” kan inte läsas som en dag; mötet räknas inte med.",
      ],
      [
        "Möten",
        "Moten",
        4,
        "Datum",
        "Datum saknas på raden; mötet räknas inte med.",
      ],
    ]);
  });

  it("learns a forum from the table", () => {
    const agenda = ok(
      withMeetings([
        ["Barnarenan", "2024-11-20"],
        ["Länsgruppen", "2024-11-21"],
      ]),
      { forum: "Länsgruppen" },
    );
    expect([agenda.forum, agenda.date, agenda.items, agenda.steering]).toEqual([
      "Länsgruppen",
      "2024-11-21",
      [],
      false,
    ]);
  });
});

describe("buildAgenda refuses what it cannot do, with a message", () => {
  const analysis = analyseWorkbook(
    templateToWorkbookData(sampleWorkbook()),
    defaultOptions("2025-06-01"),
  );
  it("an unknown forum", () => {
    const r = buildAgenda(analysis, { forum: "Styrelsen" });
    expect(r).toMatchObject({
      ok: false,
      message: expect.stringContaining(
        "Forumet ”Styrelsen” är okänt. Kända forum: SVOM, Fredagsgruppen",
      ),
    });
  });
  it("a date that is no date", () => {
    expect(buildAgenda(analysis, { date: "6/12" })).toMatchObject({
      ok: false,
      message: expect.stringContaining("”6/12” är inget datum"),
    });
    expect(buildAgenda(analysis, { date: "2024-13" })).toMatchObject({
      ok: false,
    });
  });
  it("no meeting after today", () => {
    expect(buildAgenda(analysis, {})).toMatchObject({
      ok: false,
      message:
        "SVOM har inget möte i dag eller senare i kalendern (senaste 2025-02). Ange datum för mötet.",
    });
  });
});

describe("an agenda of a forum other than SVOM", () => {
  it("lists only the overdue rows and agreements that name the forum", () => {
    const data: WorkbookData = {
      sheets: [
        plainSheet("Lista", BALANS, [
          [
            "Nära vård",
            "A",
            "",
            "",
            "Barnarenan",
            "Barnarenan 3/3 2024 – rapport",
          ],
          [
            "Nära vård",
            "B",
            "",
            "",
            "Fredagsgruppen",
            "Fredagsgruppen 4/3 2024 – rapport",
          ],
          [
            "Nära vård",
            "C",
            "",
            "",
            "Barnarenan",
            "Barnarenan 5/5 2024 – beslut om plan",
          ],
        ]),
      ],
    };
    const agenda = ok(
      data,
      { forum: "Barnarenan", date: "2024-05-05" },
      "2024-06-01",
    );
    expect(agenda.items.map((i) => [i.title, i.kind])).toEqual([
      ["C", "decision"],
    ]);
    expect(agenda.overdue.map((f) => f.title)).toEqual(["A"]);
    // Fund report-backs are on the steering group's (SVOM's) agenda only.
    expect(agenda.funds ?? []).toEqual([]);
  });
});

describe("agenda output", () => {
  const agenda = ok(templateToWorkbookData(sampleWorkbook()), {});

  it("--json: the contract's keys first, entries shaped like report --json", () => {
    const json = toAgendaJson(agenda);
    expect(Object.keys(json).slice(0, 7)).toEqual([
      "forum",
      "date",
      "previous",
      "next",
      "items",
      "overdue",
      "agreements",
    ]);
    expect(json.items).toEqual([
      {
        sheet: "Balanslista",
        table: "Balanslista",
        row: 6,
        title:
          "Gemensam plan på primärvårdsnivå – sammanfattning med politiskt prioriterade områden",
        area: "Nära vård",
        kind: "report",
        text: "uppföljning gemensam plan",
      },
    ]);
    expect(json.overdue[0]).toEqual({
      sheet: "Balanslista",
      table: "Balanslista",
      row: 29,
      title:
        "Uppdrag: Åtgärder m.a.a. skrivelse från kommunerna - samverkan socialtjänsten och vuxenpsykiatri",
      status: "overdue",
      next: null,
      latest: "2024-10-11",
    });
    expect(json.agreements[0]).toEqual({
      sheet: "Avtal",
      table: "Avtal",
      row: 4,
      title: "Länsöverenskommelse Riskbruk, missbruk och beroende 2021-2023",
      status: "expiring",
      validTo: "2024-12-31",
    });
  });

  it("text: headline, context, items by area and kind, then what is late and what expires", () => {
    const text = formatAgendaText(agenda);
    expect(text.split("\n").slice(0, 8)).toEqual([
      "Mötesunderlag SVOM 2024-12-06",
      "Förra mötet 2024-10-11 · nästa möte februari 2025 · mötesdatum ur uppföljningstexterna · per 2024-11-15",
      "",
      "Ärenden (1 ärende)",
      "  Nära vård",
      "    Rapporter och uppföljning",
      "      - Gemensam plan på primärvårdsnivå – sammanfattning med politiskt prioriterade områden: uppföljning gemensam plan (Balanslista, rad 6)",
      "",
    ]);
    expect(text).toContain(
      "Försenade sedan förra mötet (3 uppföljningar)\n  - Uppdrag: Åtgärder",
    );
    expect(text).toContain(
      "Avtal som går ut före nästa möte (7 avtal)\n  - Länsöverenskommelse Riskbruk, missbruk och beroende 2021-2023 – gäller till 2024-12-31 (Avtal, rad 4)",
    );
  });

  it("Markdown: headings and lists, workbook text escaped", () => {
    const md = formatAgendaMarkdown(agenda);
    expect(md.startsWith("## Mötesunderlag SVOM 2024-12-06\n\n")).toBe(true);
    expect(md).toContain(
      "### Nära vård\n\n**Rapporter och uppföljning**\n\n- **Gemensam plan",
    );
    expect(escapeMarkdown("*fet* [länk](x) #1 _a_")).toBe(
      "\\*fet\\* \\[länk\\](x) \\#1 \\_a\\_",
    );
    expect(escapeMarkdown("- lista")).toBe("\\- lista");
  });
});
