/**
 * Budget tracking (issue 10): the golden three-year workbook read end to end, the reading rules
 * of the tracking columns, the attention items and the 2024 seed's rows per party.
 * Every expected figure is worked out by hand from the cells in test/fixtures/golden/budgetWorkbook.ts.
 */
import { analyseWorkbook, defaultOptions, planSummary } from "../../../src/domain";
import { describeSuccess } from "../../../src/commands/ribbonMessages";
import { countMoneyAttention, describeMoneyAttention } from "../../../src/domain/attention";
import Decimal from "decimal.js";
import { readDueDate, readReportDone, reportStatus, type FundTracking } from "../../../src/domain/fundTracking";
import { summariseFunds, type AllocationLine, type FundLine } from "../../../src/domain/summariseFunds";
import { toReportJson } from "../../../src/domain/reportJson";
import { recogniseTables } from "../../../src/domain/recogniseTables";
import { formatReport } from "../../../src/domain/reportText";
import type { CellValue, Options, Problem, SummarySheetPlan, WorkbookData } from "../../../src/domain/types";
import { BUDGET_TODAY, budgetWorkbook } from "../../fixtures/golden/budgetWorkbook";
import { seedAllocations2024, seedDistribution2024, plainSheet, tableSheet } from "../engine/seedFixtures";

const options = (today = BUDGET_TODAY): Options => ({ ...defaultOptions(today), dueSoonDays: 30 });
const NB = "\u00a0";

describe("budget tracking on the golden three-year workbook (report --json)", () => {
  const analysis = analyseWorkbook(budgetWorkbook(), options());
  const json = toReportJson(analysis);

  it("reads it without problems", () => {
    expect(analysis.problems).toEqual([]);
    expect(json.funds.map((y) => y.year)).toEqual([2022, 2023, 2024]);
  });

  it("2022 has no tracking columns: paid, used and remaining are null everywhere", () => {
    const y = json.funds[0]!;
    expect(y.areas).toEqual([
      { area: "1", name: "Barn och unga", allocated: "100000.00", distributed: "100000.00", difference: "0.00", paid: null, used: null, remaining: null },
      { area: "2", name: "Samsjuklighet", allocated: "50000.00", distributed: "50000.00", difference: "0.00", paid: null, used: null, remaining: null },
    ]);
    expect(y.parties).toEqual([
      { party: "Region Jämtland Härjedalen", distributed: "60000.00", paid: null, used: null, remaining: null },
      { party: "Kommunförbundet Jämtland Härjedalen", distributed: "40000.00", paid: null, used: null, remaining: null },
      { party: "Östersunds kommun", distributed: "50000.00", paid: null, used: null, remaining: null },
    ]);
    expect(y.total).toEqual({ allocated: "150000.00", distributed: "150000.00", difference: "0.00", paid: null, used: null, remaining: null });
    expect(y.rows).toEqual([
      { sheet: "Fördelning 2022", table: "", row: 2, title: "Ungdomsmottagning", area: "1", party: "Region Jämtland Härjedalen", amount: "60000.00", paid: null, used: null, remaining: null, reportDue: null, reportStatus: null },
      { sheet: "Fördelning 2022", table: "", row: 3, title: "Barnsäkert kommuner", area: "1", party: "Kommunförbundet Jämtland Härjedalen", amount: "40000.00", paid: null, used: null, remaining: null, reportDue: null, reportStatus: null },
      { sheet: "Fördelning 2022", table: "", row: 4, title: "MiniMaria Östersund", area: "2", party: "Östersunds kommun", amount: "50000.00", paid: null, used: null, remaining: null, reportDue: null, reportStatus: null },
    ]);
  });

  it("2023: area 1 is 5 000 kr short; one row overspent; remaining = distributed − used to the öre", () => {
    const y = json.funds[1]!;
    expect(y.areas).toEqual([
      { area: "1", name: "Barn och unga", allocated: "120000.00", distributed: "115000.00", difference: "-5000.00", paid: "115000.00", used: "112000.00", remaining: "3000.00" },
      { area: "2", name: "Samsjuklighet", allocated: "80000.00", distributed: "80000.00", difference: "0.00", paid: "80000.00", used: "79999.99", remaining: "0.01" },
    ]);
    expect(y.parties).toEqual([
      { party: "Region Jämtland Härjedalen", distributed: "70000.00", paid: "70000.00", used: "82000.00", remaining: "-12000.00" },
      { party: "Kommunförbundet Jämtland Härjedalen", distributed: "45000.00", paid: "45000.00", used: "30000.00", remaining: "15000.00" },
      { party: "Gemensam", distributed: "80000.00", paid: "80000.00", used: "79999.99", remaining: "0.01" },
    ]);
    expect(y.total).toEqual({ allocated: "200000.00", distributed: "195000.00", difference: "-5000.00", paid: "195000.00", used: "191999.99", remaining: "3000.01" });
    expect(y.rows).toEqual([
      { sheet: "Fördelning", table: "Fordelning", row: 2, title: "Ungdomsmottagning", area: "1", party: "Region Jämtland Härjedalen", amount: "70000.00", paid: "70000.00", used: "82000.00", remaining: "-12000.00", reportDue: "2024-03-31", reportStatus: "overdue" },
      { sheet: "Fördelning", table: "Fordelning", row: 3, title: "Barnsäkert kommuner", area: "1", party: "Kommunförbundet Jämtland Härjedalen", amount: "45000.00", paid: "45000.00", used: "30000.00", remaining: "15000.00", reportDue: "2024-03-31", reportStatus: "done" },
      { sheet: "Fördelning", table: "Fordelning", row: 4, title: "Samordnare samsjuklighet", area: "2", party: "Gemensam", amount: "80000.00", paid: "80000.00", used: "79999.99", remaining: "0.01", reportDue: "2024-04-30", reportStatus: "overdue" },
    ]);
  });

  it("2024: report-backs in every state; an empty Förbrukat counts as 0 in the sums", () => {
    const y = json.funds[2]!;
    expect(y.areas).toEqual([
      { area: "1", name: "Barn och unga", allocated: "200000.00", distributed: "200000.00", difference: "0.00", paid: "160000.00", used: "100000.00", remaining: "100000.00" },
      { area: "2", name: "Samsjuklighet", allocated: "100000.00", distributed: "100000.00", difference: "0.00", paid: "60000.00", used: "25000.00", remaining: "75000.00" },
    ]);
    expect(y.parties).toEqual([
      { party: "Region Jämtland Härjedalen", distributed: "130000.00", paid: "120000.00", used: "100000.00", remaining: "30000.00" },
      { party: "Kommunförbundet Jämtland Härjedalen", distributed: "110000.00", paid: "40000.00", used: "0.00", remaining: "110000.00" },
      { party: "Östersunds kommun", distributed: "60000.00", paid: "60000.00", used: "25000.00", remaining: "35000.00" },
    ]);
    expect(y.total).toEqual({ allocated: "300000.00", distributed: "300000.00", difference: "0.00", paid: "220000.00", used: "125000.00", remaining: "175000.00" });
    const row = (r: number, area: string, title: string, party: string, amount: string, paid: string | null, used: string | null, remaining: string, reportDue: string | null, reportStatus: string | null) =>
      ({ sheet: "Fördelning", table: "Fordelning", row: r, title, area, party, amount, paid, used, remaining, reportDue, reportStatus });
    expect(y.rows).toEqual([
      row(5, "1", "Ungdomsmottagning", "Region Jämtland Härjedalen", "120000.00", "120000.00", "100000.00", "20000.00", "2024-12-31", "done"),
      row(6, "1", "Barnsäkert kommuner", "Kommunförbundet Jämtland Härjedalen", "80000.00", "40000.00", null, "80000.00", "2024-12-31", "overdue"),
      row(7, "2", "MiniMaria Östersund", "Östersunds kommun", "60000.00", "60000.00", "25000.00", "35000.00", "2025-02-15", "due-soon"),
      row(8, "2", "Utvecklingssamordnare", "Kommunförbundet Jämtland Härjedalen", "25000.00", null, null, "25000.00", "2025-12-31", "planned"),
      row(9, "2", "Brukarmedverkan", "Region Jämtland Härjedalen", "10000.00", "0.00", null, "10000.00", null, "no-date"),
      row(10, "2", "Kommunala insatser", "Kommunförbundet Jämtland Härjedalen", "5000.00", null, null, "5000.00", null, null),
    ]);
  });

  it("lists what needs attention: the imbalance, the overspent row, the overdue and due-soon report-backs", () => {
    expect(json.attention).toEqual([
      { kind: "imbalance", year: 2023, area: "1", party: null, sheet: "Tilldelning", table: "Tilldelning", row: 4, title: "1. Barn och unga", amount: "-5000.00",
        message: `Område 1 2023: fördelat 115${NB}000${NB}kr men tilldelat 120${NB}000${NB}kr – 5${NB}000${NB}kr är inte fördelat.` },
      { kind: "overspent", year: 2023, area: "1", party: "Region Jämtland Härjedalen", sheet: "Fördelning", table: "Fordelning", row: 2, title: "Ungdomsmottagning", amount: "12000.00",
        message: `”Ungdomsmottagning” (Region Jämtland Härjedalen) har förbrukat 82${NB}000${NB}kr av 70${NB}000${NB}kr – 12${NB}000${NB}kr mer än fördelat.` },
      { kind: "report-overdue", year: 2023, area: "1", party: "Region Jämtland Härjedalen", sheet: "Fördelning", table: "Fordelning", row: 2, title: "Ungdomsmottagning", amount: "70000.00",
        message: "Återredovisningen av ”Ungdomsmottagning” (Region Jämtland Härjedalen) skulle ha lämnats senast 2024-03-31." },
      { kind: "report-overdue", year: 2023, area: "2", party: "Gemensam", sheet: "Fördelning", table: "Fordelning", row: 4, title: "Samordnare samsjuklighet", amount: "80000.00",
        message: "Återredovisningen av ”Samordnare samsjuklighet” (Gemensam) skulle ha lämnats senast 2024-04-30." },
      { kind: "report-overdue", year: 2024, area: "1", party: "Kommunförbundet Jämtland Härjedalen", sheet: "Fördelning", table: "Fordelning", row: 6, title: "Barnsäkert kommuner", amount: "80000.00",
        message: "Återredovisningen av ”Barnsäkert kommuner” (Kommunförbundet Jämtland Härjedalen) skulle ha lämnats senast 2024-12-31." },
      { kind: "report-due-soon", year: 2024, area: "2", party: "Östersunds kommun", sheet: "Fördelning", table: "Fordelning", row: 7, title: "MiniMaria Östersund", amount: "60000.00",
        message: "Återredovisningen av ”MiniMaria Östersund” (Östersunds kommun) ska lämnas senast 2025-02-15." },
    ]);
  });

  it("gives an imbalance the rows that make up the area's sum", () => {
    const imbalance = analysis.attention?.find((a) => a.kind === "imbalance");
    expect(imbalance?.rows.map((r) => [r.sheet, r.row, r.amount.toFixed(2)])).toEqual([
      ["Fördelning", 2, "70000.00"],
      ["Fördelning", 3, "45000.00"],
    ]);
  });

  it("keeps the documented key order of the new keys", () => {
    const y = json.funds[1]!;
    expect(Object.keys(json)).toEqual(["today", "funds", "followUps", "agreements", "problems", "attention", "changes", "since"]);
    expect(Object.keys(y)).toEqual(["year", "areas", "parties", "total", "rows"]);
    expect(Object.keys(y.areas[0]!)).toEqual(["area", "name", "allocated", "distributed", "difference", "paid", "used", "remaining"]);
    expect(Object.keys(y.parties[0]!)).toEqual(["party", "distributed", "paid", "used", "remaining"]);
    expect(Object.keys(y.total)).toEqual(["allocated", "distributed", "difference", "paid", "used", "remaining"]);
    expect(Object.keys(y.rows[0]!)).toEqual(["sheet", "table", "row", "title", "area", "party", "amount", "paid", "used", "remaining", "reportDue", "reportStatus"]);
    expect(Object.keys(json.attention[0]!)).toEqual(["kind", "year", "area", "party", "sheet", "table", "row", "title", "amount", "message"]);
  });

  it("moves report-backs with the date used as today: all planned long before, none due soon after", () => {
    const early = analyseWorkbook(budgetWorkbook(), options("2023-01-01"));
    expect(early.funds[2]!.rows!.map((r) => r.reportStatus)).toEqual(["done", "planned", "planned", "planned", "no-date", null]);
    // 2024-12-01: 30 days before the area's 2024-12-31 → due soon (the boundary counts).
    const boundary = analyseWorkbook(budgetWorkbook(), options("2024-12-01"));
    expect(boundary.funds[2]!.rows![1]!.reportStatus).toBe("due-soon");
    const dayAfter = analyseWorkbook(budgetWorkbook(), options("2024-11-30"));
    expect(dayAfter.funds[2]!.rows![1]!.reportStatus).toBe("planned");
    expect(countMoneyAttention(early.attention ?? [])).toEqual({ imbalance: 1, overspent: 1, "report-overdue": 0, "report-due-soon": 0 });
  });

  it("does not change its input", () => {
    const wb = budgetWorkbook();
    const before = JSON.stringify(wb);
    analyseWorkbook(wb, options());
    expect(JSON.stringify(wb)).toBe(before);
  });
});

describe("a Summa changed by +50 000 kr", () => {
  const changed = budgetWorkbook();
  // 2024, area 2, MiniMaria Östersund (worksheet row 7): 60 000 → 110 000.
  changed.sheets[2]!.values[6]![4] = 110000;
  const analysis = analyseWorkbook(changed, options());

  it("is an imbalance of +50 000 kr on the area, with the allocation row", () => {
    const items = (analysis.attention ?? []).filter((a) => a.kind === "imbalance");
    expect(items.map((a) => [a.year, a.area, a.row, a.amount?.toFixed(2)])).toEqual([
      [2023, "1", 4, "-5000.00"],
      [2024, "2", 7, "50000.00"],
    ]);
    expect(items[1]!.message).toBe(`Område 2 2024: fördelat 150${NB}000${NB}kr men tilldelat 100${NB}000${NB}kr – 50${NB}000${NB}kr för mycket är fördelat.`);
    expect(items[1]!.rows.map((r) => r.row)).toEqual([7, 8, 9, 10]);
  });

  it("shows in the CLI text report", () => {
    const text = formatReport(analysis);
    expect(text).toContain("Medel att hålla koll på (7)\n  Obalans (2)\n");
    expect(text).toContain(`    Tilldelning, rad 7: Område 2 2024: fördelat 150${NB}000${NB}kr men tilldelat 100${NB}000${NB}kr – 50${NB}000${NB}kr för mycket är fördelat.\n`);
  });
});

describe("the tracking columns' rules", () => {
  const problems: [number, string, string][] = [];
  const report = (row: number, column: string, text: { message: string }) => void problems.push([row, column, text.message]);
  beforeEach(() => problems.splice(0));

  it("reads a due date as the follow-up dates are read; the latest of several counts", () => {
    expect(readDueDate("31 december 2024", 5, "Återredovisas senast", report)).toBe("2024-12-31");
    expect(readDueDate("mars 2025", 5, "Återredovisas senast", report)).toBe("2025-03-31");
    expect(readDueDate("31/12 2024, förlängt till 31/3 2025", 5, "Återredovisas senast", report)).toBe("2025-03-31");
    expect(readDueDate({ date: "2024-02-29" }, 5, "Återredovisas senast", report)).toBe("2024-02-29");
    expect(readDueDate(null, 5, "Återredovisas senast", report)).toBeNull();
    expect(problems).toEqual([]);
  });

  it("reports an unreadable due date with its row and column", () => {
    expect(readDueDate("snart", 7, "Återredovisas senast", report)).toBeNull();
    expect(readDueDate("31/2 2025", 8, "Redovisas senast", report)).toBeNull();
    expect(readDueDate({ error: "#N/A" }, 9, "Återredovisas senast", report)).toBeNull();
    expect(problems).toEqual([
      [7, "Återredovisas senast", "Datumet ”snart” kan inte läsas. Skriv t.ex. 2024-12-31 eller 31 december 2024."],
      [8, "Redovisas senast", "Datumet ”31/2 2025” finns inte."],
      [9, "Återredovisas senast", "Cellen innehåller ett felvärde (#N/A)."],
    ]);
  });

  it("reads Återredovisat: a date, Ja or Klar is done; Nej is not; anything else is a problem", () => {
    const cases: [CellValue, unknown][] = [
      [{ date: "2025-01-10" }, { done: true, on: "2025-01-10" }],
      ["Ja", { done: true, on: null }],
      ["klar 2025-02-01", { done: true, on: "2025-02-01" }],
      ["2025-01-15", { done: true, on: "2025-01-15" }],
      [true, { done: true, on: null }],
      ["Nej", { done: false }],
      ["Ej inkommen", { done: false }],
      ["", null],
    ];
    for (const [cell, expected] of cases) expect([cell, readReportDone(cell, 3, "Återredovisat", report)]).toEqual([cell, expected]);
    expect(problems).toEqual([]);
    expect(readReportDone("Kanske", 4, "Återredovisat", report)).toEqual({ done: false });
    expect(problems).toEqual([[4, "Återredovisat", "”Kanske” kan inte läsas som återredovisat. Skriv ett datum, Ja eller Klar (eller Nej)."]]);
  });

  it("gives the report-back status at the boundaries of today and the window", () => {
    expect(reportStatus("2024-12-31", null, "2024-12-31", 30)).toBe("due-soon");
    expect(reportStatus("2024-12-31", null, "2025-01-01", 30)).toBe("overdue");
    expect(reportStatus("2024-12-31", null, "2024-12-01", 30)).toBe("due-soon");
    expect(reportStatus("2024-12-31", null, "2024-11-30", 30)).toBe("planned");
    expect(reportStatus("2024-12-31", { done: true, on: null }, "2025-06-01", 30)).toBe("done");
    expect(reportStatus(null, { done: false }, "2025-06-01", 30)).toBe("no-date");
    expect(reportStatus(null, null, "2025-06-01", 30)).toBeNull();
  });

  it("makes bad tracking cells problems with sheet, table, row and column; the row still counts", () => {
    const DIST = ["År", "Område", "Insats", "Ansvarig verksamhet", "Summa", "Utfall", "Återredovisas senast"];
    const wb: WorkbookData = {
      sheets: [
        tableSheet("Fördelning", "Fordelning", DIST, [
          [2024, "1", "a", "RJH", 1000, "ca 500?", "vid årsskiftet"],
          [2024, "1", "b", "KFJH", 500, { error: "#VALUE!" }, null],
        ]),
      ],
    };
    const a = analyseWorkbook(wb, options());
    expect(a.problems.map((p) => [p.sheet, p.table, p.row, p.column])).toEqual([
      ["Fördelning", "Fordelning", 2, "Utfall"],
      ["Fördelning", "Fordelning", 2, "Återredovisas senast"],
      ["Fördelning", "Fordelning", 3, "Utfall"],
    ]);
    expect(a.problems[0]!.message).toMatch(/Värdet i kolumnen Utfall räknas inte med\.$/u);
    const y = a.funds[0]!;
    expect([y.total.distributed.toFixed(2), y.total.used?.toFixed(2), y.total.remaining?.toFixed(2)]).toEqual(["1500.00", "0.00", "1500.00"]);
  });

  it("accepts the aliases Använt, Utfall and Nyttjat for Förbrukat", () => {
    for (const alias of ["Förbrukat", "Använt", "Utfall", "Nyttjat", "Förbrukat (kr)"]) {
      const wb: WorkbookData = {
        sheets: [tableSheet("F", "F", ["År", "Område", "Insats", "Ansvarig", "Summa", alias, "Utbetalt"], [[2024, "1", "a", "RJH", 1000, 400, 900]])],
      };
      const y = analyseWorkbook(wb, options()).funds[0]!;
      expect([alias, y.total.used?.toFixed(2), y.total.paid?.toFixed(2), y.total.remaining?.toFixed(2)]).toEqual([alias, "400.00", "900.00", "600.00"]);
    }
  });
});

describe("the 2024 seed: each party's rows add up to its total exactly", () => {
  const wb: WorkbookData = {
    sheets: [
      tableSheet("Fördelning 2024", "Tilldelning", ["Område", "Tilldelat belopp"], seedAllocations2024()),
      plainSheet("Rader", ["År", "Område", "Insats", "Ansvarig verksamhet", "Summa"], seedDistribution2024().map((r) => ["2024", ...r])),
    ],
  };
  const y = analyseWorkbook(wb, options("2024-11-15")).funds[0]!;

  it("has the seed's party totals, and the rows of each party sum to it", () => {
    const expected: [string, string, number][] = [
      ["Region Jämtland Härjedalen", "7927377.00", 7],
      ["Kommunförbundet Jämtland Härjedalen", "3073000.00", 5],
      ["Gemensam", "757528.00", 1],
      ["Östersunds kommun", "1545000.00", 1],
    ];
    expect(y.parties.map((p) => [p.party, p.distributed.toFixed(2), y.rows!.filter((r) => r.party === p.party).length])).toEqual(expected);
    for (const p of y.parties) {
      const sum = y.rows!.filter((r) => r.party === p.party).reduce((s, r) => s.plus(r.amount), p.distributed.minus(p.distributed));
      expect([p.party, sum.toFixed(2)]).toEqual([p.party, p.distributed.toFixed(2)]);
    }
    expect(y.total.distributed.toFixed(2)).toBe("13302905.00");
  });

  it("counts both 500 000 kr rows of areas 3 and 4 for the Region and for Kommunförbundet (the seed's summary lists one)", () => {
    const rows500 = (party: string) => y.rows!.filter((r) => r.party === party && r.amount.equals(500000)).map((r) => r.area);
    expect(rows500("Region Jämtland Härjedalen")).toEqual(["3", "4"]);
    expect(rows500("Kommunförbundet Jämtland Härjedalen")).toEqual(["3", "4"]);
  });

  it("has no usage columns, so paid, used and remaining are null and nothing needs attention", () => {
    expect([y.total.paid, y.total.used, y.total.remaining]).toEqual([null, null, null]);
    expect(y.rows!.every((r) => r.reportStatus === null)).toBe(true);
  });
});

/** The plan's cells as rows of values, from the row under `heading` down to the first empty row. */
function block(plan: SummarySheetPlan, heading: string): (string | number | null)[][] {
  const start = plan.cells.find((c) => c.col === 1 && c.value === heading)?.row;
  if (start === undefined) throw new Error(`no heading ${heading}`);
  const out: (string | number | null)[][] = [];
  for (let r = start + 1; ; r++) {
    const cells = plan.cells.filter((c) => c.row === r);
    if (cells.length === 0) return out;
    const width = Math.max(...cells.map((c) => c.col));
    out.push(Array.from({ length: width }, (_, i) => cells.find((c) => c.col === i + 1)?.value ?? null));
  }
}

const cellAt = (plan: SummarySheetPlan, heading: string, offset: number, col: number) => {
  const start = plan.cells.find((c) => c.col === 1 && c.value === heading)?.row ?? -1;
  return plan.cells.find((c) => c.row === start + offset && c.col === col);
};

describe("the summary sheet of the golden workbook", () => {
  const plan = planSummary(analyseWorkbook(budgetWorkbook(), options()));

  it("has the tracking columns beside the areas and parties of a tracked year only", () => {
    expect(block(plan, "Fördelning 2022")).toEqual([
      ["Område", "Namn", "Tilldelat", "Fördelat", "Differens"],
      ["1", "Barn och unga", 100000, 100000, 0],
      ["2", "Samsjuklighet", 50000, 50000, 0],
      ["Totalt", null, 150000, 150000, 0],
    ]);
    expect(block(plan, "Fördelning 2023")).toEqual([
      ["Område", "Namn", "Tilldelat", "Fördelat", "Differens", "Utbetalt", "Förbrukat", "Kvar"],
      ["1", "Barn och unga", 120000, 115000, -5000, 115000, 112000, 3000],
      ["2", "Samsjuklighet", 80000, 80000, 0, 80000, 79999.99, 0.01],
      ["Totalt", null, 200000, 195000, -5000, 195000, 191999.99, 3000.01],
    ]);
    expect(block(plan, "Per part 2023")).toEqual([
      ["Part", "Fördelat", "Utbetalt", "Förbrukat", "Kvar"],
      ["Region Jämtland Härjedalen", 70000, 70000, 82000, -12000],
      ["Kommunförbundet Jämtland Härjedalen", 45000, 45000, 30000, 15000],
      ["Gemensam", 80000, 80000, 79999.99, 0.01],
      ["Totalt", 195000, 195000, 191999.99, 3000.01],
    ]);
  });

  it("lists each party's insatser under its total, computed from the rows, with the report-back and a link", () => {
    expect(block(plan, "Insatser per part 2024")).toEqual([
      ["Part / område", "Insats", "Fördelat", "Utbetalt", "Förbrukat", "Kvar", "Återredovisning", "Rad"],
      ["Region Jämtland Härjedalen", "2 insatser", 130000, 120000, 100000, 30000],
      ["1", "Ungdomsmottagning", 120000, 120000, 100000, 20000, "Klar 2025-01-10", "Rad 5"],
      ["2", "Brukarmedverkan", 10000, 0, null, 10000, "Datum saknas", "Rad 9"],
      ["Kommunförbundet Jämtland Härjedalen", "3 insatser", 110000, 40000, 0, 110000],
      ["1", "Barnsäkert kommuner", 80000, 40000, null, 80000, "Försenad – senast 2024-12-31", "Rad 6"],
      ["2", "Utvecklingssamordnare", 25000, null, null, 25000, "Planerad – senast 2025-12-31", "Rad 8"],
      ["2", "Kommunala insatser", 5000, null, null, 5000, null, "Rad 10"],
      ["Östersunds kommun", "1 insats", 60000, 60000, 25000, 35000],
      ["2", "MiniMaria Östersund", 60000, 60000, 25000, 35000, "Snart – senast 2025-02-15", "Rad 7"],
    ]);
    expect(cellAt(plan, "Insatser per part 2024", 3, 8)?.link).toEqual({ sheet: "Fördelning", address: "A5" });
    expect(block(plan, "Insatser per part 2022")).toEqual([
      ["Part / område", "Insats", "Fördelat", "Återredovisning", "Rad"],
      ["Region Jämtland Härjedalen", "1 insats", 60000],
      ["1", "Ungdomsmottagning", 60000, null, "Rad 2"],
      ["Kommunförbundet Jämtland Härjedalen", "1 insats", 40000],
      ["1", "Barnsäkert kommuner", 40000, null, "Rad 3"],
      ["Östersunds kommun", "1 insats", 50000],
      ["2", "MiniMaria Östersund", 50000, null, "Rad 4"],
    ]);
  });

  it("puts every year side by side with a chart across the years, and a table per party and year", () => {
    const years = block(plan, "Över åren");
    expect(years).toEqual([
      ["År", "Tilldelat", "Fördelat", "Differens", "Utbetalt", "Förbrukat", "Kvar"],
      ["2022", 150000, 150000, 0, null, null, null],
      ["2023", 200000, 195000, -5000, 195000, 191999.99, 3000.01],
      ["2024", 300000, 300000, 0, 220000, 125000, 175000],
    ]);
    const first = (plan.cells.find((c) => c.value === "Över åren")?.row ?? 0) + 2;
    expect(plan.charts).toEqual([
      {
        title: "Medel över åren",
        kind: "column",
        categories: `A${first}:A${first + 2}`,
        series: [
          { name: "Tilldelat", values: `B${first}:B${first + 2}` },
          { name: "Fördelat", values: `C${first}:C${first + 2}` },
          { name: "Förbrukat", values: `F${first}:F${first + 2}` },
          { name: "Kvar", values: `G${first}:G${first + 2}` },
        ],
        anchor: { row: first - 2, col: 10 },
      },
    ]);
    expect(block(plan, "Per part och år – fördelat")).toEqual([
      ["Part", "2022", "2023", "2024"],
      ["Region Jämtland Härjedalen", 60000, 70000, 130000],
      ["Kommunförbundet Jämtland Härjedalen", 40000, 45000, 110000],
      ["Gemensam", null, 80000, null],
      ["Östersunds kommun", 50000, null, 60000],
      ["Totalt", 150000, 195000, 300000],
    ]);
    expect(block(plan, "Per part och år – förbrukat")).toEqual([
      ["Part", "2022", "2023", "2024"],
      ["Region Jämtland Härjedalen", null, 82000, 100000],
      ["Kommunförbundet Jämtland Härjedalen", null, 30000, 0],
      ["Gemensam", null, 79999.99, null],
      ["Östersunds kommun", null, null, 25000],
      ["Totalt", null, 191999.99, 125000],
    ]);
  });

  it("lists the money that needs attention, an imbalance with the rows of its sum", () => {
    const rows = block(plan, "Medel att hålla koll på (6)");
    expect(rows.map((r) => [r[0], r[2], r[3], r[4], r[5], r[6]])).toEqual([
      ["Vad", "Kronor", "År", "Part", "Blad", "Rad"],
      ["Obalans", -5000, "2023", null, "Tilldelning", "Rad 4"],
      [null, 70000, null, "Region Jämtland Härjedalen", "Fördelning", "Rad 2"],
      [null, 45000, null, "Kommunförbundet Jämtland Härjedalen", "Fördelning", "Rad 3"],
      ["Förbrukat mer än fördelat", 12000, "2023", "Region Jämtland Härjedalen", "Fördelning", "Rad 2"],
      ["Återredovisning försenad", 70000, "2023", "Region Jämtland Härjedalen", "Fördelning", "Rad 2"],
      ["Återredovisning försenad", 80000, "2023", "Gemensam", "Fördelning", "Rad 4"],
      ["Återredovisning försenad", 80000, "2024", "Kommunförbundet Jämtland Härjedalen", "Fördelning", "Rad 6"],
      ["Återredovisning snart", 60000, "2024", "Östersunds kommun", "Fördelning", "Rad 7"],
    ]);
    expect(rows[2]?.[1]).toBe("Ungdomsmottagning (Region Jämtland Härjedalen)");
  });

  it("shows a Summa changed by +50 000 kr as an imbalance", () => {
    const changed = budgetWorkbook();
    changed.sheets[2]!.values[6]![4] = 110000;
    const s = planSummary(analyseWorkbook(changed, options()));
    const rows = block(s, "Medel att hålla koll på (7)");
    const imbalance = rows.find((r) => r[0] === "Obalans" && r[3] === "2024");
    expect(imbalance?.slice(0, 3)).toEqual([
      "Obalans",
      `Område 2 2024: fördelat 150${NB}000${NB}kr men tilldelat 100${NB}000${NB}kr – 50${NB}000${NB}kr för mycket är fördelat.`,
      50000,
    ]);
  });

  it("is not read back as tables when the sheet is kept as a copy", () => {
    const values: CellValue[][] = [];
    for (const c of plan.cells) {
      while (values.length < c.row) values.push([]);
      const r = values[c.row - 1]!;
      while (r.length < c.col) r.push(null);
      r[c.col - 1] = c.value;
    }
    const problems: Problem[] = [];
    expect(recogniseTables({ sheets: [{ name: "Summering (kopia)", top: 1, left: 1, values, tables: [] }] }, problems)).toEqual([]);
  });

  it("has one value per cell", () => {
    const keys = plan.cells.map((c) => `${c.row}:${c.col}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("the ribbon's message counts the money that needs attention", () => {
  const outcome = (wb: WorkbookData) => ({ analysis: analyseWorkbook(wb, options()), statusColumns: 0, summarySheet: "Balans summering", syncs: 1 });
  const at = new Date("2025-01-20T10:00:00Z");

  it("after Kontrollera and Summering, in both languages, singular and plural", () => {
    const k = describeSuccess("kontrollera", outcome(budgetWorkbook()), at);
    expect(k.message.endsWith(" Medel: 1 obalans, 1 insats har förbrukat mer än fördelat, 3 försenade återredovisningar, 1 snart.")).toBe(true);
    expect(k.messageEn.endsWith(" Funds: 1 imbalance, 1 row used more than distributed, 3 overdue report-backs, 1 due soon.")).toBe(true);
    const changed = budgetWorkbook();
    changed.sheets[2]!.values[6]![4] = 110000;
    const s = describeSuccess("summering", outcome(changed), at);
    expect(s.message).toBe("Bladet ”Balans summering” är uppdaterat. Medel: 2 obalanser, 1 insats har förbrukat mer än fördelat, 3 försenade återredovisningar, 1 snart.");
  });

  it("says nothing more when no money needs attention", () => {
    const none = describeMoneyAttention([]);
    expect(none).toBeNull();
    const wb: WorkbookData = { sheets: [tableSheet("F", "F", ["År", "Område", "Insats", "Ansvarig", "Summa"], [[2024, "1", "a", "RJH", 10]])] };
    expect(describeSuccess("summering", outcome(wb), at).message).toBe("Bladet ”Balans summering” är uppdaterat.");
  });
});

describe("summariseFunds, which tallies the lines one at a time (issue 15)", () => {
  const line = (row: number, amount: number, tracking?: FundTracking): FundLine => ({
    sheet: "Fördelning", table: row < 10 ? "Utan" : "Med", row, areaColumn: "Område", year: 2025, areaKey: "1", areaName: null,
    party: "Region Jämtland Härjedalen", amount: new Decimal(amount), title: `Rad ${row}`, ...(tracking === undefined ? {} : { tracking }),
  });
  const used = (n: number | null): FundTracking => ({ hasPaid: false, hasUsed: true, paid: null, used: n === null ? null : new Decimal(n), reportDue: null, reportDone: null });

  it("gives rows read before the year's first Förbrukat column their remaining too", () => {
    // A table without Förbrukat first, then one with it, in the same year.
    const [year] = summariseFunds([line(2, 1000), line(3, 500), line(12, 2000, used(750)), line(13, 300, used(null))], [], [], options());
    const json = toReportJson({ ...analyseWorkbook({ sheets: [] }, options()), funds: year === undefined ? [] : [year] });
    expect(json.funds[0]?.rows.map((r) => [r.row, r.amount, r.used, r.remaining])).toEqual([
      [2, "1000.00", null, "1000.00"],
      [3, "500.00", null, "500.00"],
      [12, "2000.00", "750.00", "1250.00"],
      [13, "300.00", null, "300.00"],
    ]);
    expect(json.funds[0]?.total).toMatchObject({ distributed: "3800.00", used: "750.00", remaining: "3050.00" });
  });

  it("says the problems of repeated allocations and unmatched areas in year order, as before", () => {
    const alloc = (row: number, year: number, areaKey: string, amount: number): AllocationLine => ({
      sheet: "Tilldelning", table: "", row, areaColumn: "Område", year, areaKey, areaName: null, amount: new Decimal(amount),
    });
    const problems: Problem[] = [];
    const lines = [{ ...line(2, 100), year: 2025, areaKey: "9" }, { ...line(3, 100), year: 2024 }];
    summariseFunds(lines, [alloc(2, 2025, "1", 10), alloc(3, 2025, "1", 5), alloc(4, 2024, "1", 100), alloc(5, 2024, "1", 1)], problems, options());
    expect(problems.map((p) => [p.sheet, p.row, p.message.slice(0, 40)])).toEqual([
      ["Tilldelning", 5, expect.any(String)],
      ["Tilldelning", 3, expect.any(String)],
      // 2025's areas in order: 1 allocated, nothing distributed; 9 distributed, not allocated.
      ["Tilldelning", 2, expect.any(String)],
      ["Fördelning", 2, expect.any(String)],
    ]);
  });
});
