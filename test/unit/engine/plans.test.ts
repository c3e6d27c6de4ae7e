import { analyseWorkbook, defaultOptions, planFlags, planSummary, OWNED_COLUMN_HEADER, SUMMARY_SHEET_NAME } from "../../../src/domain";
import type { WorkbookData } from "../../../src/domain/types";
import { plainSheet, tableSheet } from "./seedFixtures";

const BAL = ["Prioriterat område", "Vad", "Uppdrag/aktivitet", "Ansvarig funktion/operativ gruppering", "Beredande forum", "Uppföljning"];

function workbook(): WorkbookData {
  return {
    sheets: [
      tableSheet("Balanslista", "Balanslista", BAL, [
        ["Nära vård", "=HYPERLINK(\"http://x\")", "", "", "", "SVOM 3/6 2024"],
        [null, null, null, null, null, null],
        ["Nära vård", "Plan", "", "", "", "SVOM 6/12 2024"],
      ]),
      plainSheet("Avtal", ["Överenskommelse/avtal", "Giltighetstid", "Rekommendationsbeslutande forum", "Beredande forum", "Noteringar"], [
        ["Avtal Barnahus", "2020-2021", "SVOM", "", ""],
      ], 2, 3),
      plainSheet("Fördelning 2024", ["Område", "Insats", "Ansvarig verksamhet", "Summa"], [["1", "x", "RJH", "10,50"]]),
    ],
  };
}

describe("planFlags", () => {
  const a = analyseWorkbook(workbook(), defaultOptions("2024-11-15"));
  const plans = planFlags(a);

  it("appends one owned column to each balanslista and agreements table, one cell per body row", () => {
    expect(plans.map((p) => [p.sheet, p.table, p.headerRow, p.column, p.exists, p.header])).toEqual([
      ["Balanslista", "Balanslista", 1, 7, false, OWNED_COLUMN_HEADER],
      ["Avtal", "", 2, 8, false, OWNED_COLUMN_HEADER],
    ]);
    expect(plans[0]!.cells).toEqual([
      { row: 2, label: "Försenad", fill: "FFC7CE", font: "9C0006" },
      { row: 3, label: "", fill: null, font: null },
      { row: 4, label: "Snart", fill: "FFEB9C", font: "9C5700" },
    ]);
    expect(plans[1]!.cells).toEqual([{ row: 3, label: "Utgånget", fill: "FFC7CE", font: "9C0006" }]);
  });

  it("refreshes the existing owned column in place on a second run", () => {
    const wb = workbook();
    const sheet = wb.sheets[0]!;
    sheet.values[0]!.push(OWNED_COLUMN_HEADER);
    sheet.values[1]!.push("Försenad");
    sheet.tables[0]!.columnCount = 7;
    const again = planFlags(analyseWorkbook(wb, defaultOptions("2024-11-15")));
    expect(again[0]).toEqual({ ...plans[0], exists: true });
  });
});

describe("planSummary", () => {
  const a = analyseWorkbook(workbook(), defaultOptions("2024-11-15"));
  const s = planSummary(a);
  const at = (row: number, col: number) => s.cells.find((c) => c.row === row && c.col === col);
  const findRow = (text: string) => s.cells.find((c) => c.col === 1 && c.value === text)?.row ?? -1;

  it("is the owned sheet with a title and the date used", () => {
    expect(s.name).toBe(SUMMARY_SHEET_NAME);
    expect(at(1, 1)?.value).toBe("Balans – summering");
    expect(String(at(2, 1)?.value)).toContain("2024-11-15");
  });

  it("writes amounts as numbers with the kronor format (öre when needed)", () => {
    const r = findRow("Fördelning 2024") + 2;
    expect(at(r, 1)?.value).toBe("1");
    expect(at(r, 4)).toMatchObject({ value: 10.5, numFmt: '#,##0.00 "kr";-#,##0.00 "kr";0.00 "kr"' });
    expect(at(r, 3)?.value).toBeNull();
  });

  it("lists the overdue and due-soon follow-ups with links to their rows, text kept as text", () => {
    const r = findRow("Uppföljningar: försenade och snart") + 2;
    expect([at(r, 1)?.value, at(r, 2)?.value, at(r, 6)?.value, at(r, 6)?.link]).toEqual([
      "Försenad", "=HYPERLINK(\"http://x\")", "Rad 2", { sheet: "Balanslista", address: "A2" },
    ]);
    expect(at(r + 1, 1)?.value).toBe("Snart");
    const ar = findRow("Avtal: utgångna och snart utgående") + 2;
    expect(at(ar, 6)?.link).toEqual({ sheet: "Avtal", address: "C3" });
  });

  it("plans a chart over the party rows", () => {
    const pr = findRow("Per part 2024") + 2;
    expect(s.chart).toEqual({ title: "Fördelning per part 2024", year: 2024, categories: `A${pr}:A${pr}`, values: `B${pr}:B${pr}` });
    expect(at(pr, 1)?.value).toBe("Region Jämtland Härjedalen");
  });

  it("is the same plan for the same analysis (idempotent)", () => {
    expect(planSummary(a)).toEqual(s);
  });
});
