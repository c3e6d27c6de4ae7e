import { BalansError } from "../../../src/app/port";
import { defaultOptions, OWNED_COLUMN_HEADER, SUMMARY_SHEET_NAME } from "../../../src/domain";
import { sampleTemplate } from "../../../src/domain/sampleWorkbook";
import type { WorkbookTemplate } from "../../../src/domain/template";
import type { StatusColumnPlan, WorkbookData } from "../../../src/domain/types";
import { assertFreeColumns } from "../../../src/app/workbookGuards";
import {
  createExcelPort,
  runInfogaMall,
  runKontrollera,
  runSummering,
  selectRow,
  type ActionEnv,
} from "../../../src/excel/actions";
import { readSession } from "../../../src/excel/readSheets";
import { FakeExcel, type FakeEvent } from "../../support/fakeExcel";

beforeEach(() => {
  readSession.documentedOnly = false;
});

const options = defaultOptions("2024-06-01");

function envOf(excel: FakeExcel, extra: Partial<ActionEnv> = {}): ActionEnv {
  return { run: excel.run, supports: excel.supports, sleep: () => Promise.resolve(), ...extra };
}

/** A workbook with the sample tables, inserted by Infoga mall itself. */
async function sampleWorkbook(template?: WorkbookTemplate): Promise<FakeExcel> {
  const excel = new FakeExcel();
  excel.workbook.addSheet("Blad1");
  await runInfogaMall(true, envOf(excel, template ? { template: () => template } : {}));
  excel.resetLog();
  return excel;
}

/** Writes and clears outside the owned status columns and the summary sheet. */
function writesOutsideOwned(excel: FakeExcel, owned: { sheet: string; column: number; headerRow: number }[]): FakeEvent[] {
  return excel.events.filter((e) => {
    if (e.kind !== "write" && e.kind !== "clear") return false;
    if (e.sheet === SUMMARY_SHEET_NAME) return false;
    return !owned.some((o) => o.sheet === e.sheet && e.box.left === o.column && e.box.right === o.column && e.box.top >= o.headerRow);
  });
}

function ownedColumns(excel: FakeExcel, header = OWNED_COLUMN_HEADER): { sheet: string; column: number; headerRow: number }[] {
  return excel.workbook.tables
    .filter((t) => t.columns.includes(header))
    .map((t) => ({ sheet: t.sheet.name, column: t.left + t.columns.indexOf(header), headerRow: t.headerRow }));
}

describe("runInfogaMall", () => {
  it("inserts the sample template's tables in a new sheet and returns its name", async () => {
    const excel = new FakeExcel();
    excel.workbook.addSheet("Blad1");
    const name = await runInfogaMall(true, envOf(excel));
    expect(name).toBe("Balans mall");
    expect(excel.syncCount).toBe(3);
    expect(excel.workbook.tables.map((t) => t.name)).toEqual(sampleTemplate(true).sheets[0]?.tables.map((t) => t.name));
    expect(await runInfogaMall(false, envOf(excel))).toBe("Balans mall (2)");
  });
});

describe("runKontrollera", () => {
  // 4 syncs: the read is 2 (sheets and where their data lies; then the data blocks), the
  // concurrent-edit check 1 (issue 12), the write 1. Before the sparse read it was 1 + 1.
  it("costs 4 syncs and writes only the owned status columns", async () => {
    const excel = await sampleWorkbook();
    const outcome = await runKontrollera(options, undefined, envOf(excel));
    expect(outcome.syncs).toBe(4);
    expect(excel.syncCount).toBe(outcome.syncs);
    expect(outcome.statusColumns).toBe(2);
    expect(outcome.summarySheet).toBeNull();
    expect(outcome.analysis.tables.length).toBeGreaterThan(0);
    const owned = ownedColumns(excel);
    expect(owned).toHaveLength(2);
    // Issue 11: each status column has its owned dates column "Balans datum" right of it, in the table.
    const dates = ownedColumns(excel, "Balans datum");
    expect(dates.map((d) => d.column)).toEqual(owned.map((o) => o.column + 1));
    expect(writesOutsideOwned(excel, [...owned, ...dates])).toEqual([]);
    const labels = excel.workbook.sheet("Balans mall");
    const o = owned[0];
    const written = o ? Array.from({ length: 36 }, (_, i) => labels?.value(o.headerRow + 1 + i, o.column)) : [];
    expect(written.some((v) => typeof v === "string" && v !== "")).toBe(true);
  });

  it("refreshes in place the second time (no new columns), still 4 syncs", async () => {
    const excel = await sampleWorkbook();
    await runKontrollera(options, undefined, envOf(excel));
    const columns = excel.workbook.tables.map((t) => t.columns.length);
    excel.resetLog();
    const outcome = await runKontrollera(options, undefined, envOf(excel));
    expect(outcome.syncs).toBe(4);
    expect(excel.workbook.tables.map((t) => t.columns.length)).toEqual(columns);
    expect(excel.syncs.flatMap((s) => s.names)).not.toContain("TableColumnCollection.add");
  });

  it("costs the same 4 syncs for a 3 000-row balance list (no sync per row or table)", async () => {
    const base = sampleTemplate(true);
    const sheet = base.sheets[0];
    const list = sheet?.tables[0];
    if (!sheet || !list) throw new Error("sample template changed");
    const rows = Array.from({ length: 3000 }, (_, i) => list.rows[i % list.rows.length] ?? []);
    const big: WorkbookTemplate = { sheets: [{ ...sheet, tables: [{ ...list, rows }, ...sheet.tables.slice(1)] }] };
    const excel = await sampleWorkbook(big);
    const progress: number[] = [];
    const outcome = await runKontrollera(options, (f) => progress.push(f), envOf(excel));
    expect(outcome.syncs).toBe(4);
    expect(progress[0]).toBe(0);
    expect(progress[progress.length - 1]).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it("throws no-tables when nothing is recognised, and writes nothing", async () => {
    const excel = new FakeExcel();
    excel.workbook.addSheet("Blad1").put(1, 1, [["Inköpslista"], ["mjölk"]]);
    const error = await runKontrollera(options, undefined, envOf(excel)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BalansError);
    expect(error).toMatchObject({ code: "no-tables" });
    expect(excel.syncCount).toBe(2);
    expect(excel.events.filter((e) => e.kind === "write")).toEqual([]);
  });
});

describe("runSummering", () => {
  // 4 syncs: read 2, write 1, activate the new sheet 1 (Excel on the web wants it synced first).
  it("costs 4 syncs, writes the summary sheet with its chart and shows it", async () => {
    const excel = await sampleWorkbook();
    const outcome = await runSummering(options, undefined, envOf(excel));
    expect(outcome.syncs).toBe(4);
    expect(outcome.summarySheet).toBe(SUMMARY_SHEET_NAME);
    const summary = excel.workbook.sheet(SUMMARY_SHEET_NAME);
    expect(summary?.value(1, 1)).toBe("Balans – summering");
    // The per-party chart, and (issue 10) the money across the years.
    expect(summary?.charts.map((c) => [c.type, c.title])).toEqual([
      ["BarClustered", "Fördelning per part 2024"],
      ["ColumnClustered", "Medel över åren"],
    ]);
    expect(excel.workbook.active).toBe(SUMMARY_SHEET_NAME);
    expect(writesOutsideOwned(excel, [])).toEqual([]);
  });

  // The second time: read 2, the existing sheet's charts 1, write (activating it too) 1.
  it("rewrites its own summary sheet in place the second time (never deleted and added), and clears no other sheet", async () => {
    const excel = await sampleWorkbook();
    await runSummering(options, undefined, envOf(excel));
    const position = excel.workbook.sheets.findIndex((s) => s.name === SUMMARY_SHEET_NAME);
    const first = excel.workbook.sheet(SUMMARY_SHEET_NAME);
    excel.resetLog();
    const outcome = await runSummering(options, undefined, envOf(excel));
    expect(outcome.syncs).toBe(4);
    const removed = excel.events.filter((e) => e.kind === "delete-sheet" || e.kind === "add-sheet" || e.kind === "clear" || e.kind === "delete-chart");
    expect(removed.map((e) => [e.kind, e.sheet])).toEqual([
      ["delete-chart", SUMMARY_SHEET_NAME],
      ["delete-chart", SUMMARY_SHEET_NAME],
      ["clear", SUMMARY_SHEET_NAME],
    ]);
    expect(excel.workbook.sheet(SUMMARY_SHEET_NAME)).toBe(first);
    expect(excel.workbook.sheets.findIndex((s) => s.name === SUMMARY_SHEET_NAME)).toBe(position);
    expect(first?.charts).toHaveLength(2);
    expect(first?.value(1, 1)).toBe("Balans – summering");
    expect(excel.workbook.active).toBe(SUMMARY_SHEET_NAME);
  });

  it("leaves a user's sheet named like the summary sheet (another case) as it is and writes beside it", async () => {
    const excel = await sampleWorkbook();
    excel.workbook.addSheet("BALANS SUMMERING").put(1, 1, [["Mina anteckningar"]]);
    const outcome = await runSummering(options, undefined, envOf(excel));
    expect(outcome.summarySheet).toBe("Balans summering (2)");
    expect(excel.workbook.sheet("BALANS SUMMERING")?.value(1, 1)).toBe("Mina anteckningar");
    expect(excel.events.filter((e) => e.kind !== "add-sheet" && e.kind !== "activate" && "sheet" in e && e.sheet === "BALANS SUMMERING")).toEqual([]);
  });
});

describe("selectRow", () => {
  it("activates the sheet and selects the row's used cells", async () => {
    const excel = await sampleWorkbook();
    excel.workbook.addSheet("Annat");
    excel.workbook.active = "Annat";
    await selectRow("Balans mall", 5, envOf(excel));
    expect(excel.workbook.active).toBe("Balans mall");
    expect(excel.workbook.selection?.sheet).toBe("Balans mall");
    expect(excel.workbook.selection?.box.top).toBe(5);
    expect(excel.workbook.selection?.box.bottom).toBe(5);
    expect(excel.workbook.selection?.box.left).toBe(1);
    expect(excel.syncCount).toBe(2);
  });
  it("selects column A of a row outside the used range", async () => {
    const excel = await sampleWorkbook();
    await selectRow("Balans mall", 5000, envOf(excel));
    expect(excel.workbook.selection).toEqual({ sheet: "Balans mall", box: { top: 5000, bottom: 5000, left: 1, right: 1 } });
  });
});

describe("createExcelPort", () => {
  it("wires the actions", async () => {
    const excel = await sampleWorkbook();
    const port = createExcelPort(envOf(excel));
    expect(port.kind).toBe("excel");
    const analysis = await port.analyse(options);
    expect(analysis.tables.length).toBeGreaterThan(0);
    expect(excel.syncCount).toBe(2);
    expect((await port.kontrollera(options)).statusColumns).toBe(2);
    expect((await port.summering(options)).summarySheet).toBe(SUMMARY_SHEET_NAME);
    expect(await port.infogaMall(false)).toBe("Balans mall (2)");
    await port.selectRow("Balans mall", 3);
    expect(excel.workbook.selection?.box.top).toBe(3);
  });
});

describe("assertFreeColumns", () => {
  const data: WorkbookData = {
    sheets: [{ name: "S", top: 1, left: 1, values: [["A", "B", null], ["x", "y", "upptagen"]], tables: [] }],
  };
  const plan = (column: number, exists = false): StatusColumnPlan => ({
    sheet: "S",
    table: "",
    headerRow: 1,
    column,
    exists,
    header: OWNED_COLUMN_HEADER,
    cells: [{ row: 2, label: "Klar", fill: null, font: null }],
  });
  it("accepts a free column and an existing owned column", () => {
    expect(() => assertFreeColumns(data, [plan(4), plan(3, true)])).not.toThrow();
  });
  it("refuses a new column over user data", () => {
    expect(() => assertFreeColumns(data, [plan(3)])).toThrow(BalansError);
  });
});
