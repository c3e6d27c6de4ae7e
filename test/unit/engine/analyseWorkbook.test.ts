import { analyseWorkbook, defaultOptions } from "../../../src/domain";
import { toJsonAmount } from "../../../src/domain/formatAmount";
import type { WorkbookData } from "../../../src/domain/types";
import { plainSheet, tableSheet } from "./seedFixtures";

const DIST = ["År", "Område", "Insats", "Ansvarig verksamhet", "Summa"];

describe("analyseWorkbook: bad amounts are problems, the rest goes on", () => {
  const wb: WorkbookData = {
    sheets: [
      tableSheet("Fördelning", "Fordelning2025", ["Område", "Insats", "Ansvarig verksamhet", "Summa"], [
        ["1", "A", "RJH", "100 kr"],
        ["1", "B", "KFJH", "ca 2 mkr?"],
        ["1", "C", "KFJH", { error: "#N/A" }],
        ["1", "D", "KFJH", { date: "2025-01-01" }],
        ["2", "E", "Okänd verksamhet", "1,5 mkr"],
        ["Totalt:", "", "", "1 500 100"],
      ]),
    ],
  };
  const a = analyseWorkbook(wb, defaultOptions("2025-06-01"));

  it("takes the year from the table name and sums the good rows", () => {
    expect(a.funds.map((y) => y.year)).toEqual([2025]);
    expect(toJsonAmount(a.funds[0]!.total.distributed)).toBe("1500100.00");
    expect(a.funds[0]!.total.allocated).toBeNull();
    expect(a.funds[0]!.areas.map((x) => [x.area, x.allocated, x.difference])).toEqual([["1", null, null], ["2", null, null]]);
  });

  it("names sheet, table, row and column of every problem", () => {
    const rows = a.problems.map((p) => [p.sheet, p.table, p.row, p.column]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ["Fördelning", "Fordelning2025", 3, "Summa"],
        ["Fördelning", "Fordelning2025", 4, "Summa"],
        ["Fördelning", "Fordelning2025", 5, "Summa"],
        ["Fördelning", "Fordelning2025", 6, "Ansvarig verksamhet"],
        ["Fördelning", "Fordelning2025", 7, "Insats"],
      ]),
    );
    expect(a.problems.find((p) => p.row === 4)?.message).toMatch(/#N\/A/u);
    expect(a.problems.find((p) => p.row === 6)?.message).toMatch(/Okänd verksamhet/u);
  });

  it("keeps an unknown organisation as its own party", () => {
    expect(a.funds[0]!.parties.map((p) => p.party)).toEqual(["Region Jämtland Härjedalen", "Okänd verksamhet"]);
  });
});

describe("analyseWorkbook: parties table and Part column", () => {
  it("uses user aliases and an explicit Part", () => {
    const wb: WorkbookData = {
      sheets: [
        tableSheet("Parter", "Parter", ["Part", "Alias"], [["Region Jämtland Härjedalen", "Folkhälsoenheten"]]),
        plainSheet("F", [...DIST, "Part"], [
          [2024, "1", "X", "Folkhälsoenheten", 10, null],
          [2024, "1", "Y", "Folkhälsoenheten", 5, "Krokom"],
        ]),
      ],
    };
    const a = analyseWorkbook(wb, defaultOptions("2024-01-01"));
    expect(a.problems).toEqual([]);
    expect(a.funds[0]!.parties.map((p) => [p.party, toJsonAmount(p.distributed)])).toEqual([
      ["Region Jämtland Härjedalen", "10.00"],
      ["Krokoms kommun", "5.00"],
    ]);
  });
});

describe("analyseWorkbook: allocations and areas", () => {
  it("matches areas by leading number or by name and reports the unmatched ones", () => {
    const wb: WorkbookData = {
      sheets: [
        plainSheet("Tilldelning", ["År", "Område", "Tilldelat belopp"], [
          [2024, "1. Barn och unga", 100],
          [2024, "Suicidprevention", 50],
          [2024, "3", 7],
        ]),
        plainSheet("Fördelning", DIST, [
          [2024, "1", "a", "RJH", 60],
          [2024, "1.", "b", "RJH", "40,00"],
          [2024, "suicidprevention", "c", "KFJH", 50],
          [2024, "9", "d", "KFJH", 1],
        ]),
      ],
    };
    const a = analyseWorkbook(wb, defaultOptions("2024-01-01"));
    const y = a.funds[0]!;
    expect(y.areas.map((x) => [x.area, x.allocated && toJsonAmount(x.allocated), toJsonAmount(x.distributed), x.difference && toJsonAmount(x.difference)])).toEqual([
      ["1", "100.00", "100.00", "0.00"],
      ["3", "7.00", "0.00", "-7.00"],
      ["9", null, "1.00", null],
      ["suicidprevention", "50.00", "50.00", "0.00"],
    ]);
    expect(toJsonAmount(y.total.difference!)).toBe("-6.00");
    expect(a.problems.map((p) => [p.sheet, p.row])).toEqual([["Tilldelning", 4], ["Fördelning", 5]]);
  });
});

describe("analyseWorkbook: follow-ups and agreements", () => {
  const wb: WorkbookData = {
    sheets: [
      tableSheet("Balanslista", "Balanslista", ["Prioriterat område", "Vad", "Uppdrag/aktivitet", "Ansvarig funktion/operativ gruppering", "Beredande forum", "Uppföljning", "Status"], [
        ["Nära vård", "Nytt samverkansavtal", "", "", "", "SVOM 9/6 2023 – rek-beslut SVOM 3/6 2024 – beslut om remiss", null],
        ["Nära vård", "Plan", "", "", "", "SVOM 6/12 2024 - uppföljning", null],
        ["Nära vård", "Klart", "", "", "", "SVOM 6/12 2024", "Klar"],
        ["Nära vård", "Utan datum", "", "", "", "Fortlöpande arbete.", null],
        ["Nära vård", "Senare", "", "", "", "SVOM februari 2025", null],
      ]),
      tableSheet("Avtal", "Avtal", ["Överenskommelse/avtal", "Giltighetstid", "Rekommendationsbeslutande forum", "Beredande forum", "Noteringar"], [
        ["Avtal Barnahus", "2020-2021", "SVOM", "", ""],
        ["Riskbruk", "2021-2023 (förlängd tom 31/12 2024)", "SVOM", "", ""],
        ["Jämtbus", "2018 -tills vidare", "", "", ""],
        ["Tandvård", "", "", "", ""],
        ["Konstigt", "någon gång", "", "", ""],
      ]),
    ],
  };
  const a = analyseWorkbook(wb, defaultOptions("2024-11-15"));

  it("gives each balanslista row its status, next and latest milestone", () => {
    expect(a.followUps.map((f) => [f.row, f.title, f.status, f.next, f.latest])).toEqual([
      [2, "Nytt samverkansavtal", "overdue", null, "2024-06-03"],
      [3, "Plan", "due-soon", "2024-12-06", null],
      [4, "Klart", "done", null, null],
      [5, "Utan datum", "no-date", null, null],
      [6, "Senare", "planned", "2025-02-28", null],
    ]);
  });

  it("gives each agreement its status and end date, and reports the unreadable one", () => {
    expect(a.agreements.map((x) => [x.row, x.status, x.validTo])).toEqual([
      [2, "expired", "2021-12-31"],
      [3, "expiring", "2024-12-31"],
      [4, "open-ended", null],
      [5, "unknown", null],
      [6, "unknown", null],
    ]);
    expect(a.problems).toEqual([expect.objectContaining({ sheet: "Avtal", table: "Avtal", row: 6, column: "Giltighetstid" })]);
  });

  it("does not mutate its input", () => {
    const before = JSON.stringify(wb);
    analyseWorkbook(wb, defaultOptions("2024-11-15"));
    expect(JSON.stringify(wb)).toBe(before);
  });
});
