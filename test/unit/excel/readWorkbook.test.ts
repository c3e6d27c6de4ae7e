import { SUMMARY_SHEET_NAME } from "../../../src/domain";
import { locateTable, toCellValue, toWorkbookData, type LoadedSheet } from "../../../src/excel/loadedData";
import { nextReadJobs, readWorkbook } from "../../../src/excel/readWorkbook";
import { readSession } from "../../../src/excel/readSheets";
import { FakeExcel } from "../../support/fakeExcel";

beforeEach(() => {
  readSession.documentedOnly = false;
});

// The serial conversion and the date-format rule are the domain's (test/unit/domain/isoDate.test.ts,
// test/unit/domain/numberFormat.test.ts); here only how the Excel adapter applies them.
describe("toCellValue: dates by the domain's rules", () => {
  it("reads a date-formatted serial in the workbook's date system, serial 60 as 1900-02-28", () => {
    expect(toCellValue(43830, "yyyy-mm-dd", false)).toEqual({ date: "2019-12-31" });
    expect(toCellValue(43830, "yyyy-mm-dd", true)).toEqual({ date: "2024-01-01" });
    expect(toCellValue(60, "yyyy-mm-dd")).toEqual({ date: "1900-02-28" });
  });
  it("keeps a number under a time or elapsed-time format, or a date format but no date, as the number", () => {
    expect(toCellValue(0.75, "h:mm")).toBe(0.75);
    expect(toCellValue(1.5, "[h]:mm")).toBe(1.5);
    expect(toCellValue(0.5, "yyyy-mm-dd")).toBe(0.5);
    expect(toCellValue(-1, "yyyy-mm-dd", true)).toBe(-1);
  });
});

describe("toCellValue", () => {
  it("turns blanks into null", () => {
    expect(toCellValue("", "General")).toBeNull();
    expect(toCellValue(null, "General")).toBeNull();
    expect(toCellValue(undefined, "General")).toBeNull();
  });
  it("keeps text, numbers and booleans", () => {
    expect(toCellValue("Nära vård", "General")).toBe("Nära vård");
    expect(toCellValue(" ", "General")).toBe(" ");
    expect(toCellValue(1250000, '#,##0 "kr"')).toBe(1250000);
    expect(toCellValue(true, "General")).toBe(true);
    expect(toCellValue(45292, "General")).toBe(45292);
  });
  it("reads numbers with a date format as dates", () => {
    expect(toCellValue(45292, "yyyy-mm-dd")).toEqual({ date: "2024-01-01" });
    expect(toCellValue(45292.5, "yyyy-mm-dd hh:mm")).toEqual({ date: "2024-01-01" });
    expect(toCellValue(0.5, "h:mm")).toBe(0.5);
    // Serial 60 (Excel's phantom 1900-02-29) is 1900-02-28, as in the file reader (issue 13: one rule).
    expect(toCellValue(60, "yyyy-mm-dd")).toEqual({ date: "1900-02-28" });
  });
  it.each(["#N/A", "#VALUE!", "#VÄRDE!", "#REF!", "#DIV/0!", "#NAME?", "#NAMN?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#BLOCKED!", "#GETTING_DATA", "#FIELD!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"])(
    "reads %p as an error value",
    (e) => expect(toCellValue(e, "General")).toEqual({ error: e }),
  );
  it("keeps text that only contains a hash", () => expect(toCellValue("#1 prioritet", "General")).toBe("#1 prioritet"));
});

const block = (top: number, left: number, values: unknown[][], numberFormat?: unknown[][]) => ({
  top,
  left,
  values,
  numberFormat: numberFormat ?? values.map((r) => r.map(() => "General")),
});

const sheet = (over: Partial<LoadedSheet>): LoadedSheet => ({
  name: "Blad1",
  blocks: [
    block(
      2,
      2,
      [
        ["Titel", "", ""],
        ["Datum", "Område", "Text"],
        [45292, "Nära vård", "=inte en formel"],
      ],
      [
        ["General", "General", "General"],
        ["General", "General", "General"],
        ["yyyy-mm-dd", "General", "@"],
      ],
    ),
  ],
  tables: [{ name: "Balanslista", showHeaders: true, columns: ["Datum", "Område", "Text"], rowCount: 1, headerAddress: "Blad1!B3:D3" }],
  ...over,
});

describe("locateTable", () => {
  it("uses the loaded header address", () => {
    expect(locateTable({ name: "T", showHeaders: true, columns: ["A"], rowCount: 7, headerAddress: "'Blad 1'!F10:F10" })).toEqual({
      name: "T",
      headerRow: 10,
      firstColumn: 6,
      rowCount: 7,
      columnCount: 1,
    });
  });
  it("leaves out tables with hidden headers or no loaded address", () => {
    expect(locateTable({ name: "T", showHeaders: false, columns: ["A"], rowCount: 2, headerAddress: "A1" })).toBeNull();
    expect(locateTable({ name: "T", showHeaders: true, columns: ["A"], rowCount: 2 })).toBeNull();
  });
});

describe("toWorkbookData", () => {
  it("converts values, keeps positions and locates tables", () => {
    const data = toWorkbookData([sheet({})]);
    const s = data.sheets[0];
    expect(s).toMatchObject({ name: "Blad1", top: 2, left: 2 });
    expect(s?.values[0]).toEqual(["Titel"]);
    expect(s?.values[2]).toEqual([{ date: "2024-01-01" }, "Nära vård", "=inte en formel"]);
    expect(s?.tables).toEqual([{ name: "Balanslista", headerRow: 3, firstColumn: 2, rowCount: 1, columnCount: 3 }]);
  });
  it("keeps every sheet, the summary sheet too (ownership is the engine's to decide)", () => {
    const data = toWorkbookData([sheet({ name: SUMMARY_SHEET_NAME }), sheet({ name: "balans summering" })]);
    expect(data.sheets.map((s) => s.name)).toEqual([SUMMARY_SHEET_NAME, "balans summering"]);
  });
  it("is sparse: rows between blocks share one empty row, a far cell costs one row", () => {
    const data = toWorkbookData([sheet({ blocks: [block(1, 1, [["A", "B"]]), block(1_048_576, 16_384, [["x"]])] })]);
    const s = data.sheets[0];
    expect(s?.values).toHaveLength(1_048_576);
    expect(s?.values[1]).toBe(s?.values[500_000]);
    expect(s?.values[1]).toEqual([]);
    expect(s?.values[0]).toEqual(["A", "B"]);
    expect(s?.values[1_048_575]?.length).toBe(16_384);
    expect(s?.values[1_048_575]?.[16_383]).toBe("x");
  });
  it("keeps a formula's empty text as \"\" (not free), an empty cell as absent", () => {
    const data = toWorkbookData([sheet({ blocks: [block(1, 1, [["a", "", ""]])], formulaAreas: [{ top: 1, left: 3, bottom: 1, right: 3 }] })]);
    expect(data.sheets[0]?.values[0]).toEqual(["a", null, ""]);
  });
  it("gives an empty sheet no values", () => {
    expect(toWorkbookData([sheet({ blocks: [], tables: [] })]).sheets[0]).toEqual({ name: "Blad1", top: 1, left: 1, values: [], tables: [] });
  });
  it("carries merges, protection, visibility, names, structure lock and the date system", () => {
    const data = toWorkbookData([sheet({ merges: [{ top: 3, left: 1, bottom: 3, right: 7 }], protected: true, hidden: true })], {
      names: [{ name: "_Balans_Version", refersTo: '"1"', scope: null, hidden: true }],
      structureLocked: true,
      date1904: false,
    });
    expect(data.sheets[0]).toMatchObject({ merges: [{ top: 3, left: 1, bottom: 3, right: 7 }], protected: true, hidden: true });
    expect(data).toMatchObject({ structureLocked: true, date1904: false, names: [{ name: "_Balans_Version" }] });
  });
  it("does not mutate its input", () => {
    const input = sheet({});
    const copy = JSON.parse(JSON.stringify(input)) as LoadedSheet;
    toWorkbookData([input]);
    expect(input).toEqual(copy);
  });
});

function smallWorkbook(): FakeExcel {
  const excel = new FakeExcel();
  const wb = excel.workbook;
  wb.addSheet("Balanslista").put(1, 1, [["Balanslista 2024"]]);
  wb.addTable("Balanslista", "Balans", 3, 2, ["Datum", "Ärende"], [
    [45292, "Budget"],
    [45300, "#N/A"],
  ]);
  const b = wb.sheet("Balanslista");
  if (b) b.cell(4, 2).numberFormat = "yyyy-mm-dd";
  wb.addSheet("Tom");
  wb.addSheet(SUMMARY_SHEET_NAME).put(1, 1, [["gammal summering"]]);
  wb.addTable("Avtal", "Avtal", 1, 1, ["Avtal", "Giltigt till"], [["Hyra", "tills vidare"]]);
  return excel;
}

describe("readWorkbook", () => {
  it("reads every sheet in 2 syncs on the one-batch path", async () => {
    const excel = smallWorkbook();
    const data = await excel.run((context) => readWorkbook(context));
    expect(excel.syncCount).toBe(2);
    expect(data.sheets.map((s) => s.name)).toEqual(["Balanslista", "Tom", SUMMARY_SHEET_NAME, "Avtal"]);
    const b = data.sheets[0];
    expect(b?.top).toBe(1);
    expect(b?.values[3]).toEqual([null, { date: "2024-01-01" }, "Budget"]);
    expect(b?.values[4]).toEqual([null, 45300, { error: "#N/A" }]);
    expect(b?.tables).toEqual([{ name: "Balans", headerRow: 3, firstColumn: 2, rowCount: 2, columnCount: 2 }]);
    expect(data.sheets[1]).toEqual({ name: "Tom", top: 1, left: 1, values: [], tables: [], merges: [], protected: false, hidden: false });
    expect(data.sheets[3]?.tables).toEqual([{ name: "Avtal", headerRow: 1, firstColumn: 1, rowCount: 1, columnCount: 2 }]);
  });

  it("costs one more sync per SHEET_CAP sheets", async () => {
    const excel = new FakeExcel();
    for (let i = 1; i <= 7; i++) excel.workbook.addSheet(`Blad${i}`).put(1, 1, [[i]]);
    const data = await excel.run((context) => readWorkbook(context, { sheetCap: 3 }));
    expect(data.sheets.map((s) => s.values[0]?.[0])).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(excel.syncCount).toBe(4);
  });

  it("tells two tables with the same headers apart by their loaded addresses (no extra sync)", async () => {
    const excel = new FakeExcel();
    excel.workbook.addSheet("Blad1").put(1, 1, [["A", "B"]]);
    excel.workbook.addTable("Blad1", "Riktig", 5, 1, ["A", "B"], [[1, 2]]);
    const data = await excel.run((context) => readWorkbook(context));
    expect(excel.syncCount).toBe(2);
    expect(data.sheets[0]?.tables).toEqual([{ name: "Riktig", headerRow: 5, firstColumn: 1, rowCount: 1, columnCount: 2 }]);
  });

  it("packs the data blocks into syncs under the response budget", async () => {
    const excel = new FakeExcel();
    const rows = Array.from({ length: 3000 }, (_, i) => [`Ärende nummer ${i}`, i, 45292 + i]);
    excel.workbook.addTable("Stor", "Stor", 1, 1, ["Ärende", "Nr", "Datum"], rows);
    excel.limits.responseBytes = 100_000;
    const data = await excel.run((context) => readWorkbook(context, { budgetBytes: 60_000 }));
    expect(excel.syncs.filter((s) => s.ok).every((s) => s.responseBytes <= 100_000)).toBe(true);
    const values = data.sheets[0]?.values ?? [];
    expect(values).toHaveLength(3001);
    expect(values[3000]).toEqual(["Ärende nummer 2999", 2999, 45292 + 2999]);
    expect(data.sheets[0]?.tables).toEqual([{ name: "Stor", headerRow: 1, firstColumn: 1, rowCount: 3000, columnCount: 3 }]);
  });

  it("halves reads that Excel still refuses", async () => {
    const excel = new FakeExcel();
    const long = "x".repeat(400);
    const rows = Array.from({ length: 200 }, (_, i) => [long, i]);
    excel.workbook.addTable("Blad1", "T", 1, 1, ["Text", "Nr"], rows);
    excel.limits.responseBytes = 30_000; // the 60-bytes-per-cell estimate is far too low here
    const data = await excel.run((context) => readWorkbook(context));
    const values = data.sheets[0]?.values ?? [];
    expect(values).toHaveLength(201);
    expect(values[0]).toEqual(["Text", "Nr"]);
    expect(values[200]).toEqual([long, 199]);
    expect(excel.syncs.filter((s) => !s.ok).length).toBeGreaterThanOrEqual(1);
  });
});

describe("nextReadJobs", () => {
  it("keeps every batch within the budget and covers every row once, in order", () => {
    const queue = [
      { sheet: 0, box: { top: 1, left: 1, bottom: 100_000, right: 8 } },
      { sheet: 2, box: { top: 5, left: 1, bottom: 14, right: 2 } },
    ];
    const batches = [];
    for (let b = nextReadJobs(queue, 3_500_000, 60); b.length > 0; b = nextReadJobs(queue, 3_500_000, 60)) batches.push(b);
    expect(batches.length).toBe(14);
    for (const b of batches) expect(b.reduce((s, j) => s + (j.box.bottom - j.box.top + 1) * (j.box.right - j.box.left + 1) * 60, 0)).toBeLessThanOrEqual(3_500_000);
    const jobs0 = batches.flat().filter((j) => j.sheet === 0);
    expect(jobs0.reduce((s, j) => s + j.box.bottom - j.box.top + 1, 0)).toBe(100_000);
    expect(jobs0.map((j) => j.box.top)).toEqual(jobs0.map((_, i) => 1 + i * 7291));
    expect(batches.at(-1)?.map((j) => j.sheet)).toEqual([0, 2]);
  });

  it("takes at least one row even when one row is over the budget", () => {
    const queue = [{ sheet: 0, box: { top: 1, left: 1, bottom: 3, right: 10 } }];
    expect(nextReadJobs(queue, 100, 60)).toEqual([{ sheet: 0, box: { top: 1, left: 1, bottom: 1, right: 10 } }]);
    expect(queue).toEqual([{ sheet: 0, box: { top: 2, left: 1, bottom: 3, right: 10 } }]);
  });
});

describe("the read learns the size of a cell", () => {
  it("needs fewer syncs than the cautious estimate would when cells are small", async () => {
    const excel = new FakeExcel();
    const rows = Array.from({ length: 20_000 }, (_, i) => [i, i % 7, 1]);
    excel.workbook.addTable("Tal", "Tal", 1, 1, ["A", "B", "C"], rows);
    excel.limits.responseBytes = 200_000;
    const data = await excel.run((context) => readWorkbook(context, { budgetBytes: 150_000 }));
    expect(data.sheets[0]?.values).toHaveLength(20_001);
    const ok = excel.syncs.filter((s) => s.ok);
    expect(ok.every((s) => s.responseBytes <= 200_000)).toBe(true);
    // At 60 bytes a cell, 60 003 cells would take 25 syncs of 150 000 bytes.
    expect(ok.length).toBeLessThan(15);
  });
});
