import { toReportJson } from "../../../src/domain/reportJson";
import type { Analysis } from "../../../src/domain/types";
import { analysis } from "./reportFixture";

describe("toReportJson", () => {
  it("maps the analysis to the JSON contract", () => {
    expect(toReportJson(analysis())).toEqual({
      today: "2024-11-15",
      funds: [
        {
          year: 2024,
          areas: [
            {
              area: "1",
              name: "Stärka det gemensamma arbetet",
              allocated: "2974230.00",
              distributed: "2974230.00",
              difference: "0.00",
              paid: null,
              used: null,
              remaining: null,
            },
            {
              area: "2",
              name: "En mer sammanhållen vård",
              allocated: "6819298.00",
              distributed: "6819298.00",
              difference: "-0.01",
              paid: null,
              used: null,
              remaining: null,
            },
            { area: "Övrigt", name: null, allocated: null, distributed: "1500.50", difference: null, paid: null, used: null, remaining: null },
          ],
          parties: [
            { party: "Region Jämtland Härjedalen", distributed: "7927377.00", paid: null, used: null, remaining: null },
            { party: "Gemensam", distributed: "757528.00", paid: null, used: null, remaining: null },
          ],
          total: { allocated: "9793528.00", distributed: "9795028.50", difference: null, paid: null, used: null, remaining: null },
          rows: [],
        },
      ],
      followUps: [
        {
          sheet: "Balanslista",
          table: "Balanslista",
          row: 4,
          title: "Överenskommelse samverkan Vuxenhabilitering",
          status: "overdue",
          next: null,
          latest: "2024-06-03",
        },
        {
          sheet: "Balanslista",
          table: "Balanslista",
          row: 6,
          title: "Gemensam plan på primärvårdsnivå",
          status: "due-soon",
          next: "2024-12-06",
          latest: "2024-03-31",
        },
        {
          sheet: "Balanslista",
          table: "Balanslista",
          row: 7,
          title: "Personcentrering",
          status: "no-date",
          next: null,
          latest: null,
        },
      ],
      agreements: [
        {
          sheet: "Avtal",
          table: "Avtal",
          row: 6,
          title: "Handlingsplan psykisk hälsa",
          status: "expired",
          validTo: "2023-12-31",
        },
        {
          sheet: "Avtal",
          table: "Avtal",
          row: 9,
          title: "Avtal om samverkan",
          status: "expiring",
          validTo: "2024-12-31",
        },
        { sheet: "Avtal", table: "Avtal", row: 16, title: "Placerade barn", status: "open-ended", validTo: null },
      ],
      problems: [
        {
          sheet: "Fördelning 2024",
          table: "Fordelning2024",
          row: 12,
          column: "Summa",
          message: "Beloppet ”ca 5 mkr” kan inte läsas.",
        },
        { sheet: "Blad1", table: "", row: null, column: null, message: "Hela bladet." },
      ],
      attention: [],
      changes: [],
      since: null,
    });
  });

  it("keeps the documented key order, so that the printed JSON reads the same every time", () => {
    const json = toReportJson(analysis());
    expect(Object.keys(json)).toEqual(["today", "funds", "followUps", "agreements", "problems", "attention", "changes", "since"]);
    expect(Object.keys(json.funds[0] ?? {})).toEqual(["year", "areas", "parties", "total", "rows"]);
    expect(Object.keys(json.funds[0]?.areas[0] ?? {})).toEqual([
      "area",
      "name",
      "allocated",
      "distributed",
      "difference",
      "paid",
      "used",
      "remaining",
    ]);
    expect(Object.keys(json.followUps[0] ?? {})).toEqual([
      "sheet",
      "table",
      "row",
      "title",
      "status",
      "next",
      "latest",
    ]);
    expect(Object.keys(json.agreements[0] ?? {})).toEqual(["sheet", "table", "row", "title", "status", "validTo"]);
    expect(Object.keys(json.problems[0] ?? {})).toEqual(["sheet", "table", "row", "column", "message"]);
  });

  it("survives JSON.stringify unchanged (plain strings, numbers and nulls only)", () => {
    const json = toReportJson(analysis());
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it("gives empty lists for an empty analysis", () => {
    const empty: Analysis = { today: "2024-01-01", tables: [], funds: [], followUps: [], agreements: [], problems: [] };
    expect(toReportJson(empty)).toEqual({
      today: "2024-01-01",
      funds: [],
      followUps: [],
      agreements: [],
      problems: [],
      attention: [],
      changes: [],
      since: null,
    });
  });

  it("does not change its input", () => {
    const a = analysis();
    const before = JSON.stringify(a);
    toReportJson(a);
    expect(JSON.stringify(a)).toBe(before);
  });
});
