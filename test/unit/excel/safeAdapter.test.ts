/**
 * The Excel adapter where Microsoft documents little or Excel differs by platform (issues 8 and
 * 12): the read's fallback path, null `values`, a sparse sheet, the ownership record, protected
 * sheets, a locked structure, concurrent edits, a hidden sheet, the 1904 date system, merges.
 */
import { BalansError } from "../../../src/app/port";
import { prepare } from "../../../src/app/prepare";
import { defaultOptions, SUMMARY_SHEET_NAME } from "../../../src/domain";
import type { Plan } from "../../../src/domain/types";
import { runAnalyse, runKontrollera, runSummering, selectRow, type ActionEnv } from "../../../src/excel/actions";
import { applyPlan } from "../../../src/excel/applyPlan";
import { readWorkbook, readWorkbookWithNotes } from "../../../src/excel/readWorkbook";
import { readSession } from "../../../src/excel/readSheets";
import { FakeExcel, type FakeSheet } from "../../support/fakeExcel";

const options = defaultOptions("2024-11-15");
const HEADERS = ["Prioriterat område", "Vad", "Uppdrag/aktivitet", "Ansvarig funktion/operativ gruppering", "Beredande forum", "Uppföljning"];
const ROWS = [
  ["Nära vård", "Samverkan", "Plan", "RJH", "SVOM", "SVOM 3/6 2024 – beslut"],
  ["Barn och unga", "Barnahus", "Avtal", "KFJH", "SVOM", "februari 2025"],
  ["Psykisk hälsa", "Suicidprevention", "Handlingsplan", "RJH", "BUS", "Klar 2023"],
];

function envOf(excel: FakeExcel): ActionEnv {
  return { run: excel.run, supports: excel.supports, sleep: () => Promise.resolve() };
}

/** A balanslista as a plain range (header in row 3, data rows 4–6) on "Balanslista". */
function plainList(excel = new FakeExcel()): FakeExcel {
  const sheet = excel.workbook.addSheet("Balanslista");
  sheet.put(1, 1, [["Balanslista SVOM"]]);
  sheet.put(3, 1, [HEADERS, ...ROWS]);
  return excel;
}

/** The same as an Excel table "Lista" on "Tabell". */
function tableList(excel = new FakeExcel()): FakeExcel {
  excel.workbook.addTable("Tabell", "Lista", 1, 1, HEADERS, ROWS);
  return excel;
}

/** A co-author inserts a row above row `at` (every cell from there moves one row down). */
function insertRow(sheet: FakeSheet, at: number): void {
  const moved = [...sheet.cells].filter(([key]) => Math.floor(key / 20_000) >= at).sort((a, b) => b[0] - a[0]);
  for (const [key, cell] of moved) {
    sheet.cells.delete(key);
    sheet.cells.set(key + 20_000, cell);
  }
}

beforeEach(() => {
  readSession.documentedOnly = false;
});

describe("reads that cannot break", () => {
  it("falls back to the documented path when calling methods on null objects fails, and remembers it", async () => {
    const excel = plainList();
    excel.nullObjectMethodsThrow = true;
    const first = await excel.run((context) => readWorkbookWithNotes(context));
    expect(first.path).toBe("documented");
    expect(readSession.documentedOnly).toBe(true);
    // 1 refused one-batch round trip, 2 for the documented enumeration, 1 for the data.
    expect(excel.syncs.map((s) => s.ok)).toEqual([false, true, true, true]);
    expect(first.data.sheets[0]?.values[2]).toEqual(HEADERS);
    excel.resetLog();
    const second = await excel.run((context) => readWorkbookWithNotes(context));
    expect(second.path).toBe("documented");
    expect(excel.syncs.map((s) => s.ok)).toEqual([true, true, true]);
    expect(second.data).toEqual(first.data);
  });

  it("reads the same on both paths", async () => {
    const excel = tableList(plainList());
    const oneBatch = await excel.run((context) => readWorkbookWithNotes(context));
    readSession.documentedOnly = true;
    const documented = await excel.run((context) => readWorkbookWithNotes(context));
    expect(oneBatch.path).toBe("one-batch");
    expect(documented.path).toBe("documented");
    expect(documented.data).toEqual(oneBatch.data);
  });

  it("reads a range whose values come back null again in halves", async () => {
    const excel = new FakeExcel();
    const rows = Array.from({ length: 400 }, (_, i) => [`Rad ${i}`, i]);
    excel.workbook.addTable("Stor", "Stor", 1, 1, ["Text", "Nr"], rows);
    excel.nullValuesAboveCells = 300;
    const data = await excel.run((context) => readWorkbook(context));
    const values = data.sheets[0]?.values ?? [];
    expect(values).toHaveLength(401);
    expect(values[0]).toEqual(["Text", "Nr"]);
    expect(values[400]).toEqual(["Rad 399", 399]);
    expect(excel.syncs.every((s) => s.ok)).toBe(true);
    expect(excel.syncs.length).toBeGreaterThan(2);
  });
});

describe("a sparse sheet: one cell at XFD1048576 beside the balanslista", () => {
  function withFarCell(): FakeExcel {
    const excel = plainList();
    excel.workbook.sheet("Balanslista")?.put(1_048_576, 16_384, [["x"]]);
    return excel;
  }

  it.each([
    ["one-batch", false],
    ["documented", true],
  ])("reads it in at most 4 syncs and 1 MB of responses (%s path)", async (_path, documented) => {
    readSession.documentedOnly = documented;
    const excel = withFarCell();
    const data = await excel.run((context) => readWorkbook(context));
    expect(excel.syncCount).toBeLessThanOrEqual(4);
    expect(excel.syncs.reduce((n, s) => n + s.responseBytes, 0)).toBeLessThanOrEqual(1_000_000);
    const sheet = data.sheets[0];
    expect(sheet?.values[2]).toEqual(HEADERS);
    expect(sheet?.values[1_048_575]?.[16_383]).toBe("x");
    expect(sheet?.values[100]).toEqual([]);
  });

  it("Kontrollera flags the list and writes only its status column and (issue 11) its dates column", async () => {
    const excel = withFarCell();
    const outcome = await runKontrollera(options, undefined, envOf(excel));
    expect(outcome.statusColumns).toBe(1);
    const writes = excel.events.filter((e) => e.kind === "write" || e.kind === "clear");
    expect(writes.every((e) => "box" in e && e.box.left === e.box.right && (e.box.left === 7 || e.box.left === 8))).toBe(true);
    expect(excel.workbook.sheet("Balanslista")?.value(3, 7)).toBe("Balans status");
    expect(excel.workbook.sheet("Balanslista")?.value(3, 8)).toBe("Balans datum");
  });

  it("without ExcelApi 1.9 reads a bounded part and says what it left unread", async () => {
    const excel = withFarCell();
    excel.apiVersion = 8;
    const read = await excel.run((context) => readWorkbookWithNotes(context, { supports: excel.supports }));
    expect(read.data.sheets[0]?.values[2]).toEqual(HEADERS);
    expect(read.notes.map((n) => n.sheet)).toEqual(["Balanslista", "Balanslista"]);
    expect(read.notes[0]?.message).toContain("lästes inte");
    expect(read.notes[0]?.messageEn).toContain("were not read");
  });
});

describe("the ownership record", () => {
  it("writes the planned names hidden, identical to the plan, and the same on a second run", async () => {
    const excel = tableList();
    const prepared = prepare(await excel.run((context) => readWorkbook(context)), options, "apply");
    const planned = prepared.plan.names ?? [];
    expect(planned.length).toBeGreaterThan(1);
    await runKontrollera(options, undefined, envOf(excel));
    await runSummering(options, undefined, envOf(excel));
    const written = excel.workbook.names.map((n) => ({ name: n.name, refersTo: n.formula.slice(1), comment: n.comment, visible: n.visible }));
    expect(written).toEqual(expect.arrayContaining(planned.map((n) => ({ ...n, visible: false }))));
    expect(excel.workbook.names.every((n) => !n.visible && n.scope === null)).toBe(true);
    const before = JSON.stringify(excel.workbook.names);
    await runKontrollera(options, undefined, envOf(excel));
    await runSummering(options, undefined, envOf(excel));
    expect(JSON.stringify(excel.workbook.names)).toBe(before);
  });

  it("replaces a name in one batch (delete, add, hide) and deletes removed ones that exist", async () => {
    const excel = new FakeExcel();
    excel.workbook.addSheet("Blad1");
    excel.workbook.addName("_Balans_Version", '="0"', { visible: false });
    excel.workbook.addName("_Balans_Status_9", "=Blad1!$A$1", { visible: false });
    const plan: Plan = { statusColumns: [], summary: null, names: [{ name: "_Balans_Version", refersTo: '"1"', comment: "v" }], removeNames: ["_Balans_Status_9", "_Balans_Gone"] };
    await excel.run((context) =>
      applyPlan(context, plan, { supports: excel.supports, workbook: { protectedSheets: new Set(), structureLocked: false, names: ["_Balans_Version", "_Balans_Status_9"] } }),
    );
    expect(excel.syncCount).toBe(1);
    expect(excel.workbook.names).toEqual([{ name: "_Balans_Version", formula: '="1"', comment: "v", visible: false, scope: null }]);
  });
});

describe("protection", () => {
  it("writes nothing on a protected sheet and says so", async () => {
    const excel = tableList(plainList());
    const list = excel.workbook.sheet("Balanslista") as FakeSheet;
    list.protected = true;
    const outcome = await runKontrollera(options, undefined, envOf(excel));
    expect(excel.events.filter((e) => "sheet" in e && e.sheet === "Balanslista")).toEqual([]);
    expect(outcome.statusColumns).toBe(1);
    expect(outcome.analysis.problems.some((p) => p.sheet === "Balanslista" && /skyddat/.test(p.message))).toBe(true);
  });

  it("the writer refuses a plan that writes on a protected sheet, before anything is sent", async () => {
    const excel = plainList();
    const plan: Plan = {
      statusColumns: [{ sheet: "Balanslista", table: "", headerRow: 3, column: 7, exists: false, header: "Balans status", cells: [{ row: 4, label: "Klar", fill: null, font: null }] }],
      summary: null,
    };
    const error = await excel
      .run((context) => applyPlan(context, plan, { supports: excel.supports, workbook: { protectedSheets: new Set(["balanslista"]), structureLocked: false, names: [] } }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BalansError);
    expect(error).toMatchObject({ code: "protected" });
    expect(excel.syncCount).toBe(0);
  });

  it("rewrites its own summary sheet in a workbook whose structure is locked, and adds none when it has none", async () => {
    const excel = tableList();
    await runSummering(options, undefined, envOf(excel));
    excel.workbook.structureLocked = true;
    excel.resetLog();
    const again = await runSummering(options, undefined, envOf(excel));
    expect(again.summarySheet).toBe(SUMMARY_SHEET_NAME);
    expect(excel.events.filter((e) => e.kind === "add-sheet" || e.kind === "delete-sheet")).toEqual([]);

    const fresh = tableList();
    fresh.workbook.structureLocked = true;
    const outcome = await runSummering(options, undefined, envOf(fresh));
    expect(outcome.summarySheet).toBeNull();
    expect(fresh.events.filter((e) => e.kind === "add-sheet")).toEqual([]);
    expect(outcome.analysis.problems.some((p) => /struktur är låst/.test(p.message))).toBe(true);
  });
});

describe("concurrent edits", () => {
  it("analyses again once when a row was inserted between the read and the write, then writes at the new place", async () => {
    const excel = plainList();
    const sheet = excel.workbook.sheet("Balanslista") as FakeSheet;
    // The check is the third round trip: a co-author inserts a row above the list just before it.
    excel.beforeSync = (before) => {
      if (before === 2) insertRow(sheet, 2);
    };
    const outcome = await runKontrollera(options, undefined, envOf(excel));
    // read 2, check 1 (moved), read 2 again, check 1, write 1.
    expect(outcome.syncs).toBe(7);
    expect(sheet.value(4, 7)).toBe("Balans status");
    expect(sheet.value(4, 1)).toBe("Prioriterat område");
    expect(sheet.value(3, 7)).toBeNull();
  });

  it("refuses and writes nothing when the table keeps moving", async () => {
    const excel = plainList();
    const sheet = excel.workbook.sheet("Balanslista") as FakeSheet;
    excel.beforeSync = (before) => {
      if (before === 2 || before === 5) insertRow(sheet, 2);
    };
    const error = await runKontrollera(options, undefined, envOf(excel)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BalansError);
    expect(error).toMatchObject({ code: "concurrent-edit" });
    expect((error as BalansError).message).toContain("Balans skrev ingenting");
    expect((error as BalansError).messageEn).toContain("Balans wrote nothing");
    expect(excel.events.filter((e) => e.kind === "write" || e.kind === "clear" || e.kind === "add-name")).toEqual([]);
    expect(excel.syncCount).toBe(6);
  });

  it("sees an Excel table that grew (a row added by a co-author)", async () => {
    const excel = tableList();
    const table = excel.workbook.tables[0];
    excel.beforeSync = (before) => {
      if (before === 2 || before === 5) if (table) table.dataRows++;
    };
    const error = await runKontrollera(options, undefined, envOf(excel)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "concurrent-edit" });
    expect((error as BalansError).message).toContain('Tabellen "Lista" på bladet "Tabell"');
  });
});

describe("go-to-row on a hidden sheet", () => {
  it("does not unhide it: says the sheet is hidden, in Swedish and English, and selects nothing", async () => {
    const excel = plainList();
    excel.workbook.addSheet("Annat");
    (excel.workbook.sheet("Balanslista") as FakeSheet).visibility = "Hidden";
    excel.workbook.active = "Annat";
    const error = await selectRow("Balanslista", 4, envOf(excel)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BalansError);
    expect(error).toMatchObject({
      code: "sheet-hidden",
      message: 'Bladet "Balanslista" är dolt. Visa det först (högerklicka på en bladflik → Ta fram) och försök igen.',
      messageEn: 'The sheet "Balanslista" is hidden. Unhide it first (right-click a sheet tab → Unhide) and try again.',
    });
    expect(excel.workbook.active).toBe("Annat");
    expect(excel.workbook.selection).toBeNull();
    expect((excel.workbook.sheet("Balanslista") as FakeSheet).visibility).toBe("Hidden");
  });

  it("reads a hidden sheet as hidden", async () => {
    const excel = plainList();
    (excel.workbook.sheet("Balanslista") as FakeSheet).visibility = "VeryHidden";
    const data = await excel.run((context) => readWorkbook(context));
    expect(data.sheets[0]?.hidden).toBe(true);
  });
});

describe("the 1904 date system", () => {
  it("reads a date cell of a 1904 workbook as the date Excel shows", async () => {
    const excel = new FakeExcel();
    excel.workbook.date1904 = true;
    excel.workbook.addSheet("Blad1").put(1, 1, [[43830]], "yyyy-mm-dd");
    const data = await excel.run((context) => readWorkbook(context));
    expect(data.date1904).toBe(true);
    expect(data.sheets[0]?.values[0]).toEqual([{ date: "2024-01-01" }]);
  });
  it("and a 1900 workbook's the same serial as 2019-12-31", async () => {
    const excel = new FakeExcel();
    excel.workbook.addSheet("Blad1").put(1, 1, [[43830]], "yyyy-mm-dd");
    const data = await excel.run((context) => readWorkbook(context));
    expect(data.date1904).toBe(false);
    expect(data.sheets[0]?.values[0]).toEqual([{ date: "2019-12-31" }]);
  });
});

describe("merged cells", () => {
  it("reads the merges (ExcelApi 1.13) and keeps a merged title across the status column", async () => {
    const excel = plainList();
    const sheet = excel.workbook.sheet("Balanslista") as FakeSheet;
    sheet.put(5, 1, [["Avsnitt"]]);
    insertRow(sheet, 5); // a section title row inside the list: row 5, merged A5:G5
    sheet.put(5, 1, [["Avsnitt: barn"]]);
    sheet.merges.push({ top: 5, left: 1, bottom: 5, right: 7 });
    const data = await excel.run((context) => readWorkbook(context));
    expect(data.sheets[0]?.merges).toEqual([{ top: 5, left: 1, bottom: 5, right: 7 }]);
    await runKontrollera(options, undefined, envOf(excel));
    expect(sheet.value(5, 1)).toBe("Avsnitt: barn");
    expect(sheet.value(5, 7)).toBeNull();
    expect(sheet.value(4, 7)).not.toBeNull();
  });

  it("without ExcelApi 1.13 writes no status column beside a plain range, and says why", async () => {
    const excel = plainList();
    excel.apiVersion = 12;
    const outcome = await runKontrollera(options, undefined, envOf(excel));
    expect(outcome.statusColumns).toBe(0);
    expect(excel.events.filter((e) => e.kind === "write")).toEqual([]);
    expect(outcome.analysis.problems.some((p) => p.sheet === "Balanslista" && /sammanfogade celler/.test(p.message))).toBe(true);
    expect(excel.workbook.names.some((n) => n.name.startsWith("_Balans_Status"))).toBe(false);
  });
});

describe("runAnalyse", () => {
  it("reads in 2 syncs and writes nothing", async () => {
    const excel = tableList();
    const analysis = await runAnalyse(options, envOf(excel));
    expect(analysis.tables).toHaveLength(1);
    expect(excel.syncCount).toBe(2);
    expect(excel.events).toEqual([]);
  });
});
