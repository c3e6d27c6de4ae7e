import { FOLLOW_UP_STYLES } from "../../../src/domain/statusLabels";
import type { StatusCell, StatusColumnPlan, SummarySheetPlan } from "../../../src/domain/types";
import { applyPlan } from "../../../src/excel/applyPlan";
import { charsToPoints, chunkRows, joinAddresses, looksLikeFormula, packJobs, rowRuns } from "../../../src/excel/writeJobs";
import { FakeExcel, type FakeEvent } from "../../support/fakeExcel";
import { fakeWorkbookFor, measureApply } from "../../support/measureApply";

const FOUR_MB = 4 * 1024 * 1024;
const all = () => true;

function statusPlan(over: Partial<StatusColumnPlan> = {}): StatusColumnPlan {
  return {
    sheet: "Balanslista",
    table: "Balans",
    headerRow: 3,
    column: 4,
    exists: false,
    header: "Balans status",
    cells: [
      { row: 4, label: "Försenad", fill: "FFC7CE", font: "9C0006" },
      { row: 5, label: "Klar", fill: "DDEBF7", font: "1F4E78" },
      { row: 6, label: "", fill: null, font: null },
      { row: 7, label: "Försenad", fill: "FFC7CE", font: "9C0006" },
    ],
    ...over,
  };
}

/** Sheet "Balanslista" with table "Balans" in B3:C7 (4 data rows). */
function tableWorkbook(): FakeExcel {
  const excel = new FakeExcel();
  excel.workbook.addSheet("Annat").put(1, 1, [["rör ej"]]);
  excel.workbook.addTable("Balanslista", "Balans", 3, 2, ["Datum", "Ärende"], [
    [45292, "a"],
    [45293, "b"],
    [45294, "c"],
    [45295, "d"],
  ]);
  return excel;
}

const writesOutside = (events: FakeEvent[], sheet: string, column: number, top: number) =>
  events.filter(
    (e) =>
      (e.kind === "write" || e.kind === "clear") &&
      !(e.sheet === sheet && e.box.left === column && e.box.right === column && e.box.top >= top),
  );

describe("applyPlan: status column in an Excel table", () => {
  it("adds the column once, writes labels through its data body range, in one sync", async () => {
    const excel = tableWorkbook();
    const report = await excel.run((context) => applyPlan(context, { statusColumns: [statusPlan()], summary: null }, { supports: all }));
    expect(report.batches).toBe(1);
    expect(excel.syncCount).toBe(1);
    const names = excel.syncs[0]?.names ?? [];
    expect(names.filter((n) => n === "TableColumnCollection.add")).toHaveLength(1);
    expect(names).not.toContain("TableRowCollection.add");
    const table = excel.workbook.tables.find((t) => t.name === "Balans");
    expect(table?.columns).toEqual(["Datum", "Ärende", "Balans status"]);
    const s = excel.workbook.sheet("Balanslista");
    expect([4, 5, 6, 7].map((r) => s?.value(r, 4))).toEqual(["Försenad", "Klar", null, "Försenad"]);
    expect([4, 5, 6, 7].map((r) => s?.get(r, 4)?.fill)).toEqual(["#FFC7CE", "#DDEBF7", null, "#FFC7CE"]);
    expect([4, 5, 6, 7].map((r) => s?.get(r, 4)?.fontColor)).toEqual(["#9C0006", "#1F4E78", null, "#9C0006"]);
    // Fills are one call per colour (multi-area ranges), not one per row.
    expect(names.filter((n) => n === "RangeFill.color")).toHaveLength(2);
  });

  it("writes nothing outside the owned column (and its header cell)", async () => {
    const excel = tableWorkbook();
    await excel.run((context) => applyPlan(context, { statusColumns: [statusPlan()], summary: null }, { supports: all }));
    expect(writesOutside(excel.events, "Balanslista", 4, 3)).toEqual([]);
    expect(excel.workbook.sheet("Balanslista")?.value(4, 3)).toBe("a");
    expect(excel.workbook.sheet("Annat")?.value(1, 1)).toBe("rör ej");
  });

  it("refreshes an existing column: clears stale fills and labels", async () => {
    const excel = tableWorkbook();
    const first = statusPlan();
    await excel.run((context) => applyPlan(context, { statusColumns: [first], summary: null }, { supports: all }));
    const second = statusPlan({
      exists: true,
      cells: [
        { row: 4, label: "", fill: null, font: null },
        { row: 5, label: "Klar", fill: "DDEBF7", font: "1F4E78" },
        { row: 6, label: "Planerad", fill: "C6EFCE", font: "006100" },
        { row: 7, label: "", fill: null, font: null },
      ],
    });
    excel.resetLog();
    await excel.run((context) => applyPlan(context, { statusColumns: [second], summary: null }, { supports: all }));
    const s = excel.workbook.sheet("Balanslista");
    expect([4, 5, 6, 7].map((r) => s?.value(r, 4))).toEqual([null, "Klar", "Planerad", null]);
    expect([4, 5, 6, 7].map((r) => s?.get(r, 4)?.fill ?? null)).toEqual([null, "#DDEBF7", "#C6EFCE", null]);
    expect(excel.syncs[0]?.names).not.toContain("TableColumnCollection.add");
    expect(excel.workbook.tables[0]?.columns).toHaveLength(3);
  });

  it("keeps text that starts with = + - @ as text", async () => {
    const excel = tableWorkbook();
    const cells: StatusCell[] = ["=SUMMA(A1)", "+46 70", "-minus", "@hem"].map((label, i) => ({ row: 4 + i, label, fill: null, font: null }));
    await excel.run((context) => applyPlan(context, { statusColumns: [statusPlan({ cells })], summary: null }, { supports: all }));
    const s = excel.workbook.sheet("Balanslista");
    for (const [i, c] of cells.entries()) {
      expect(s?.get(4 + i, 4)?.formula).toBeNull();
      expect(s?.value(4 + i, 4)).toBe(c.label);
    }
  });

  it("falls back to one range per run without ExcelApi 1.9", async () => {
    const excel = tableWorkbook();
    await excel.run((context) => applyPlan(context, { statusColumns: [statusPlan()], summary: null }, { supports: (v) => v !== "1.9" }));
    const names = excel.syncs[0]?.names ?? [];
    expect(names.filter((n) => n === "RangeFill.color")).toHaveLength(3);
    expect(excel.workbook.sheet("Balanslista")?.get(7, 4)?.fill).toBe("#FFC7CE");
  });
});

describe("applyPlan: status column beside a plain range", () => {
  it("writes the header cell and the cells by address", async () => {
    const excel = new FakeExcel();
    excel.workbook.addSheet("Avtal").put(1, 1, [["Avtal", "Slut"], ["Hyra", 45292]]);
    const plan = statusPlan({ sheet: "Avtal", table: "", headerRow: 1, column: 3, cells: [{ row: 2, label: "Utgånget", fill: "FFC7CE", font: "9C0006" }] });
    await excel.run((context) => applyPlan(context, { statusColumns: [plan], summary: null }, { supports: all }));
    const s = excel.workbook.sheet("Avtal");
    expect(s?.value(1, 3)).toBe("Balans status");
    expect(s?.get(1, 3)?.bold).toBe(true);
    expect(s?.value(2, 3)).toBe("Utgånget");
    expect(s?.get(2, 3)?.fill).toBe("#FFC7CE");
    expect(writesOutside(excel.events, "Avtal", 3, 1)).toEqual([]);
    expect(excel.syncCount).toBe(1);
  });
});

describe("applyPlan: 100 000-row status column", () => {
  const styles = Object.values(FOLLOW_UP_STYLES);
  const big = (): StatusColumnPlan =>
    statusPlan({
      headerRow: 1,
      column: 2,
      cells: Array.from({ length: 100_000 }, (_, i) => {
        const s = styles[(i * 7 + (i >> 3)) % styles.length] as (typeof styles)[number];
        return { row: i + 2, label: s.label, fill: s.fill, font: s.font };
      }),
    });

  async function apply(plan: StatusColumnPlan, supports: (v: string) => boolean, budgetBytes?: number) {
    const excel = fakeWorkbookFor({ statusColumns: [plan], summary: null });
    const progress: number[] = [];
    const options = budgetBytes === undefined ? { supports } : { supports, budgetBytes };
    const report = await excel.run((context) =>
      applyPlan(context, { statusColumns: [plan], summary: null }, { ...options, onProgress: (d, t) => progress.push(d / t) }),
    );
    return { excel, report, progress };
  }

  function expectWritten(excel: FakeExcel, plan: StatusColumnPlan): void {
    const s = excel.workbook.sheet("Balanslista");
    for (let i = 0; i < plan.cells.length; i += 997) {
      const c = plan.cells[i] as StatusCell;
      expect([s?.value(c.row, 2), s?.get(c.row, 2)?.fill, s?.get(c.row, 2)?.fontColor]).toEqual([c.label, `#${c.fill}`, `#${c.font}`]);
    }
    const last = plan.cells[plan.cells.length - 1] as StatusCell;
    expect(s?.value(last.row, 2)).toBe(last.label);
    expect(excel.syncs.flatMap((x) => x.names).filter((n) => n === "TableColumnCollection.add")).toHaveLength(1);
  }

  it("is split into several write requests, each under 4 MB (multi-area fills)", async () => {
    const plan = big();
    const { excel, report, progress } = await apply(plan, all);
    expect(excel.syncCount).toBeGreaterThan(1);
    expect(excel.syncCount).toBe(report.batches);
    expect(excel.syncs.every((s) => s.ok)).toBe(true);
    expect(excel.largestRequestBytes).toBeLessThan(FOUR_MB);
    expect(report.largestEstimatedBytes).toBeGreaterThanOrEqual(excel.largestRequestBytes);
    expect(progress[progress.length - 1]).toBe(1);
    expectWritten(excel, plan);
    console.log(`100 000 rows, ExcelApi 1.9: ${excel.syncCount} syncs, largest request ${excel.largestRequestBytes} B, all ${excel.syncs.reduce((s, x) => s + x.requestBytes, 0)} B`);
  });

  it("is split into many requests, each under 4 MB, without ExcelApi 1.9 (one range per run)", async () => {
    const plan = big();
    const { excel, report } = await apply(plan, (v) => v !== "1.9");
    const total = excel.syncs.reduce((s, x) => s + x.requestBytes, 0);
    expect(total).toBeGreaterThan(5 * FOUR_MB);
    expect(excel.syncCount).toBe(report.batches);
    expect(excel.largestRequestBytes).toBeLessThan(FOUR_MB);
    expectWritten(excel, plan);
    console.log(`100 000 rows, no ExcelApi 1.9: ${excel.syncCount} syncs, largest request ${excel.largestRequestBytes} B, all ${total} B`);
  });

  it("would fail as one request (so the limit is real)", async () => {
    const error = await apply(big(), (v) => v !== "1.9", Number.MAX_SAFE_INTEGER).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  });

  it("measureApply reports syncs and the largest request", async () => {
    const m = await measureApply({ statusColumns: [big()], summary: null });
    expect(m.syncs).toBeGreaterThan(1);
    expect(m.largestRequestBytes).toBeLessThan(FOUR_MB);
    expect(m.largestRequestBytes).toBeGreaterThan(1_000_000);
  });
});

function summaryPlan(over: Partial<SummarySheetPlan> = {}): SummarySheetPlan {
  return {
    name: "Balans summering",
    cells: [
      { row: 1, col: 1, value: "Balans – summering", bold: true },
      { row: 3, col: 1, value: "Part", bold: true, fill: "D9E1F2" },
      { row: 3, col: 2, value: "Fördelat", bold: true, fill: "D9E1F2" },
      { row: 4, col: 1, value: "Region Jämtland Härjedalen" },
      { row: 4, col: 2, value: 1250000, numFmt: '#,##0 "kr"' },
      { row: 5, col: 1, value: "Krokom" },
      { row: 5, col: 2, value: 250000, numFmt: '#,##0 "kr"' },
      { row: 7, col: 1, value: "Ta fram rutin", link: { sheet: "Q1 '24", address: "A5" } },
      { row: 8, col: 1, value: "=HYPERLINK(\"http://x\")" },
      { row: 8, col: 2, value: "-5 dagar" },
    ],
    columnWidths: [24, 16],
    chart: { title: "Fördelning per part 2024", year: 2024, categories: "A4:A5", values: "B4:B5" },
    ...over,
  };
}

describe("applyPlan: summary sheet", () => {
  function workbookWithOldSummary(): FakeExcel {
    const excel = new FakeExcel();
    excel.workbook.addSheet("Q1 '24").put(1, 1, [["data"]]);
    excel.workbook.addSheet("Balans summering").put(1, 1, [["gammalt"]]);
    excel.workbook.sheet("Balans summering")?.put(50, 50, [["gammalt långt bort"]]);
    excel.workbook.addSheet("balans summering (kopia)").put(1, 1, [["rör ej"]]);
    return excel;
  }

  it("rewrites its own sheet in place (cleared, never deleted or added), touches no other sheet, in one sync", async () => {
    const excel = workbookWithOldSummary();
    const own = excel.workbook.sheet("Balans summering");
    await excel.run((context) => applyPlan(context, { statusColumns: [], summary: { ...summaryPlan(), existing: "Balans summering" } }, { supports: all }));
    expect(excel.syncCount).toBe(1);
    const removed = excel.events.filter((e) => e.kind === "delete-sheet" || e.kind === "add-sheet" || e.kind === "clear");
    expect(removed).toEqual([{ kind: "clear", sheet: "Balans summering", box: { top: 1, left: 1, bottom: 50, right: 50 }, applyTo: "All" }]);
    expect(excel.workbook.sheets.map((s) => s.name)).toEqual(["Q1 '24", "Balans summering", "balans summering (kopia)"]);
    expect(excel.workbook.sheet("Balans summering")).toBe(own);
    expect(excel.workbook.sheet("Q1 '24")?.value(1, 1)).toBe("data");
    expect(excel.workbook.sheet("balans summering (kopia)")?.value(1, 1)).toBe("rör ej");
    const writes = excel.events.filter((e) => e.kind === "write");
    expect(writes.every((e) => e.sheet === "Balans summering")).toBe(true);
  });

  it("adds a new sheet under the plan's name when the plan has no existing sheet", async () => {
    const excel = new FakeExcel();
    excel.workbook.addSheet("Balans summering").put(1, 1, [["användarens"]]);
    await excel.run((context) => applyPlan(context, { statusColumns: [], summary: { ...summaryPlan(), name: "Balans summering (2)", existing: null } }, { supports: all }));
    expect(excel.workbook.sheet("Balans summering")?.value(1, 1)).toBe("användarens");
    expect(excel.events.filter((e) => e.kind === "add-sheet")).toEqual([{ kind: "add-sheet", sheet: "Balans summering (2)" }]);
    expect(excel.events.filter((e) => "sheet" in e && e.sheet === "Balans summering")).toEqual([]);
  });

  it("writes values, formats, bold, fills, widths, links and the chart", async () => {
    const excel = workbookWithOldSummary();
    await excel.run((context) => applyPlan(context, { statusColumns: [], summary: { ...summaryPlan(), existing: "Balans summering" } }, { supports: all }));
    const s = excel.workbook.sheet("Balans summering");
    expect(s?.value(50, 50)).toBeNull();
    expect(s?.value(4, 2)).toBe(1250000);
    expect(s?.get(4, 2)?.numberFormat).toBe('#,##0 "kr"');
    expect(s?.get(1, 1)?.bold).toBe(true);
    expect(s?.get(3, 2)?.fill).toBe("#D9E1F2");
    expect(s?.get(4, 1)?.fill).toBeNull();
    expect(s?.columnWidths.get(1)).toBe(charsToPoints(24));
    expect(s?.get(7, 1)?.hyperlink).toEqual({ documentReference: "'Q1 ''24'!A5", textToDisplay: "Ta fram rutin" });
    expect(s?.value(7, 1)).toBe("Ta fram rutin");
    expect(s?.charts).toHaveLength(1);
    expect(s?.charts[0]).toMatchObject({
      type: "BarClustered",
      source: "'Balans summering'!B4:B5",
      xValues: "'Balans summering'!A4:A5",
      title: "Fördelning per part 2024",
      seriesName: "2024",
    });
  });

  it("keeps text that starts with = + - @ as text", async () => {
    const excel = workbookWithOldSummary();
    await excel.run((context) => applyPlan(context, { statusColumns: [], summary: { ...summaryPlan(), existing: "Balans summering" } }, { supports: all }));
    const s = excel.workbook.sheet("Balans summering");
    expect(s?.get(8, 1)?.formula).toBeNull();
    expect(s?.value(8, 1)).toBe('=HYPERLINK("http://x")');
    expect(s?.get(8, 2)?.formula).toBeNull();
    expect(s?.value(8, 2)).toBe("-5 dagar");
  });

  it("creates the sheet when it does not exist, and skips chart and links before ExcelApi 1.7", async () => {
    const excel = new FakeExcel();
    excel.workbook.addSheet("Q1 '24");
    await excel.run((context) => applyPlan(context, { statusColumns: [], summary: summaryPlan() }, { supports: (v) => Number(v.split(".")[1]) < 7 }));
    const s = excel.workbook.sheet("Balans summering");
    expect(s?.value(7, 1)).toBe("Ta fram rutin");
    expect(s?.get(7, 1)?.hyperlink).toBeNull();
    expect(s?.charts).toHaveLength(0);
    expect(excel.events.filter((e) => e.kind === "delete-sheet")).toEqual([]);
  });

  it("writes status columns and the summary together in one sync when they fit", async () => {
    const excel = tableWorkbook();
    await excel.run((context) =>
      applyPlan(context, { statusColumns: [statusPlan()], summary: summaryPlan({ chart: null }) }, { supports: all }),
    );
    expect(excel.syncCount).toBe(1);
  });
});

describe("helpers", () => {
  it("looksLikeFormula", () => {
    expect(["=A1", "+1", "-x", "@y"].every(looksLikeFormula)).toBe(true);
    expect(["a=b", "", " =x", 5, null].some(looksLikeFormula)).toBe(false);
  });
  it("rowRuns merges contiguous rows", () => expect(rowRuns([7, 3, 4, 5, 9, 8, 20])).toEqual([[3, 5], [7, 9], [20, 20]]));
  it("joinAddresses keeps each list within the limit", () => {
    const lists = joinAddresses(Array.from({ length: 1000 }, (_, i) => `B${i * 2 + 1}:B${i * 2 + 1}`), 200);
    expect(lists.every((l) => l.length <= 200)).toBe(true);
    expect(lists.join(",").split(",")).toHaveLength(1000);
  });
  it("chunkRows keeps every chunk under the limit", () => {
    const chunks = chunkRows(Array.from({ length: 1000 }, () => ["Försenad"]), 1000);
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.every((c) => JSON.stringify(c).length <= 1000)).toBe(true);
    expect(chunks.flat()).toHaveLength(1000);
  });
  it("packJobs never exceeds the budget with jobs that fit", () => {
    const jobs = [5, 5, 5, 9, 1, 10].map((bytes) => ({ bytes, queue: () => undefined }));
    expect(packJobs(jobs, 10).map((b) => b.map((j) => j.bytes))).toEqual([[5, 5], [5], [9, 1], [10]]);
  });
});
