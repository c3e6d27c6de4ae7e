/**
 * Issue 14 (Mötesunderlag) and issue 10 (the summary's charts) in the Excel adapter: the owned
 * agenda sheet with its print setup, recorded and rewritten in place; native column charts.
 */
import { BalansError } from "../../../src/app/port";
import { defaultOptions } from "../../../src/domain";
import type { SummarySheetPlan } from "../../../src/domain/types";
import { createExcelPort, runInfogaMall, runKontrollera, runMotesunderlag, type ActionEnv } from "../../../src/excel/actions";
import { applyPlan } from "../../../src/excel/applyPlan";
import { readSession } from "../../../src/excel/readSheets";
import { FakeExcel } from "../../support/fakeExcel";

beforeEach(() => {
  readSession.documentedOnly = false;
});

const envOf = (excel: FakeExcel, supports = excel.supports): ActionEnv => ({ run: excel.run, supports, sleep: () => Promise.resolve() });

async function sample(): Promise<FakeExcel> {
  const excel = new FakeExcel();
  excel.workbook.addSheet("Blad1");
  await runInfogaMall(true, envOf(excel));
  excel.resetLog();
  return excel;
}

// The sample's balanslista (seed 004) names "SVOM 3/6 2024" in several follow-ups: on 2024-06-01
// SVOM's next meeting is 3 June 2024.
const JUNE = defaultOptions("2024-06-01");
const SHEET = "Underlag SVOM 2024-06-03";

describe("Mötesunderlag in Excel", () => {
  it("writes the owned agenda sheet with its print setup and shows it, in 4 syncs", async () => {
    const excel = await sample();
    const outcome = await runMotesunderlag(JUNE, undefined, undefined, envOf(excel));
    expect(outcome).toMatchObject({ sheet: SHEET, printSetup: true, syncs: 4 });
    expect(excel.syncCount).toBe(4);
    const sheet = excel.workbook.sheet(SHEET);
    expect(sheet?.value(1, 1)).toBe("Mötesunderlag SVOM 2024-06-03");
    expect([1, 2, 3, 4, 5].map((c) => sheet?.value(4, c))).toEqual(["Prioriterat område", "Typ", "Ärende", "Vad händer", "Rad i arbetsboken"]);
    expect(sheet?.pageLayout).toEqual({ orientation: "Landscape", paperSize: "A4", printTitleRows: "$4:$4", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
    expect(excel.workbook.active).toBe(SHEET);
    // Recorded: a hidden workbook-level name pointing at the sheet's A1.
    expect(excel.workbook.name("_Balans_Agenda_1")).toMatchObject({ formula: `='${SHEET}'!$A$1`, visible: false });
    // Text as text, links to the rows, no formula.
    const cells = [...(sheet?.cells.values() ?? [])];
    expect(cells.some((c) => c.formula !== null)).toBe(false);
    expect(cells.filter((c) => c.hyperlink !== null).length).toBeGreaterThan(0);
    expect(cells.filter((c) => c.hyperlink !== null).every((c) => c.hyperlink?.documentReference?.startsWith("'Balans mall'!"))).toBe(true);
  });

  it("rewrites the same sheet in place the second time (3 syncs, no sheet added), and Kontrollera keeps its record", async () => {
    const excel = await sample();
    await runMotesunderlag(JUNE, "SVOM", undefined, envOf(excel));
    const sheet = excel.workbook.sheet(SHEET);
    const before = JSON.stringify([...(sheet?.cells ?? [])]);
    await runKontrollera(JUNE, undefined, envOf(excel));
    expect(excel.workbook.name("_Balans_Agenda_1")?.formula).toBe(`='${SHEET}'!$A$1`);
    excel.resetLog();
    const again = await runMotesunderlag(JUNE, "SVOM", "2024-06-03", envOf(excel));
    expect(again.syncs).toBe(3);
    expect(excel.events.filter((e) => e.kind === "add-sheet" || e.kind === "delete-sheet")).toEqual([]);
    expect(excel.workbook.sheet(SHEET)).toBe(sheet);
    expect(JSON.stringify([...(excel.workbook.sheet(SHEET)?.cells ?? [])])).toBe(before);
    expect(excel.workbook.sheets.filter((s) => s.name.startsWith("Underlag"))).toHaveLength(1);
  });

  it("leaves a user's sheet of that name alone and writes beside it", async () => {
    const excel = await sample();
    excel.workbook.addSheet(SHEET).put(1, 1, [["mina anteckningar"]]);
    const outcome = await runMotesunderlag(JUNE, undefined, undefined, envOf(excel));
    expect(outcome.sheet).toBe(`${SHEET} (2)`);
    expect(excel.workbook.sheet(SHEET)?.value(1, 1)).toBe("mina anteckningar");
  });

  it("writes the sheet without print setup where ExcelApi 1.9 is missing, and says so", async () => {
    const excel = await sample();
    const outcome = await runMotesunderlag(JUNE, undefined, undefined, envOf(excel, (v) => v !== "1.9" && excel.supports(v)));
    expect(outcome.printSetup).toBe(false);
    expect(excel.workbook.sheet(SHEET)?.pageLayout).toEqual({ orientation: null, paperSize: null, printTitleRows: null, zoom: null });
    expect(excel.workbook.sheet(SHEET)?.value(1, 1)).toBe("Mötesunderlag SVOM 2024-06-03");
  });

  it("refuses an unknown forum with the engine's message and writes nothing", async () => {
    const excel = await sample();
    const error = await createExcelPort(envOf(excel)).motesunderlag?.(JUNE, "Okänt råd").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BalansError);
    expect(error).toMatchObject({ code: "no-agenda" });
    expect((error as BalansError).message).toMatch(/^Forumet ”Okänt råd” är okänt/u);
    expect(excel.events.filter((e) => e.kind === "write" || e.kind === "add-sheet")).toEqual([]);
  });
});

describe("the summary sheet's charts (issue 10)", () => {
  const plan: SummarySheetPlan = {
    name: "Balans summering",
    cells: [
      { row: 1, col: 1, value: "År" },
      { row: 1, col: 2, value: "Tilldelat" },
      { row: 1, col: 3, value: "Fördelat" },
      { row: 2, col: 1, value: "2023" },
      { row: 2, col: 2, value: 100 },
      { row: 2, col: 3, value: 90 },
      { row: 3, col: 1, value: "2024" },
      { row: 3, col: 2, value: 200 },
      { row: 3, col: 3, value: 210 },
    ],
    columnWidths: [10, 12, 12],
    chart: null,
    charts: [{ title: "Medel över åren", kind: "column", categories: "A2:A3", series: [{ name: "Tilldelat", values: "B2:B3" }, { name: "Fördelat", values: "C2:C3" }], anchor: { row: 5, col: 2 } }],
  };

  it("draws one native clustered-column chart per plan, series named, at its anchor", async () => {
    const excel = new FakeExcel();
    excel.workbook.addSheet("Blad1");
    await excel.run((context) => applyPlan(context, { statusColumns: [], summary: plan }, { supports: excel.supports }));
    expect(excel.workbook.sheet("Balans summering")?.charts).toEqual([
      {
        type: "ColumnClustered",
        source: "'Balans summering'!B2:B3",
        seriesBy: "Columns",
        seriesName: "Tilldelat",
        xValues: "'Balans summering'!A2:A3",
        title: "Medel över åren",
        legendVisible: true,
        position: "B5:I20",
        moreSeries: [{ name: "Fördelat", values: "'Balans summering'!C2:C3", xValues: "'Balans summering'!A2:A3" }],
      },
    ]);
  });

  it("draws none without ExcelApi 1.7 (the figures are on the sheet)", async () => {
    const excel = new FakeExcel();
    excel.workbook.addSheet("Blad1");
    await excel.run((context) => applyPlan(context, { statusColumns: [], summary: plan }, { supports: (v) => v !== "1.7" && v !== "1.9" }));
    expect(excel.workbook.sheet("Balans summering")?.charts).toEqual([]);
  });
});
