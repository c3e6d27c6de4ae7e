/**
 * Issue 11 in the Excel adapter's write path: status cells with a formula (invariant language,
 * General format), the owned dates column "Balans datum" (text), and the conditional-formatting
 * rules on Balans's own column, replaced on every run instead of stacked.
 */
import { liveStatusFormula } from "../../../src/domain/liveStatus";
import { statusRules } from "../../../src/domain/planLiveStatus";
import type { StatusColumnPlan } from "../../../src/domain/types";
import { applyPlan } from "../../../src/excel/applyPlan";
import { tableRightOf } from "../../../src/excel/statusColumnJobs";
import { FakeExcel } from "../../support/fakeExcel";

const all = () => true;

/** Sheet "Balanslista" with table "Balans" in B3:C7 (4 data rows); status column D, dates column E. */
function tableWorkbook(apiVersion = 99): FakeExcel {
  const excel = new FakeExcel();
  excel.apiVersion = apiVersion;
  excel.workbook.addTable("Balanslista", "Balans", 3, 2, ["Ärende", "Uppföljning"], [
    ["a", "SVOM 31/3 2025"],
    ["b", "klar"],
    ["c", ""],
    ["d", "SVOM 6/12 2024"],
  ]);
  return excel;
}

const DATES: Record<number, string> = { 4: "2025-03-31; 2024-12-31", 5: "Klar", 6: "", 7: "2024-12-06" };
const LABELS: Record<number, string> = { 4: "Planerad", 5: "Klar", 6: "", 7: "Försenad" };

function livePlan(over: Partial<StatusColumnPlan> = {}): StatusColumnPlan {
  const rows = [4, 5, 6, 7];
  return {
    sheet: "Balanslista",
    table: "Balans",
    headerRow: 3,
    column: 4,
    exists: false,
    header: "Balans status",
    cells: rows.map((row) => ({ row, label: LABELS[row] ?? "", fill: null, font: null, formula: liveStatusFormula(`E${row}`, "follow-up") })),
    dates: { column: 5, exists: false, header: "Balans datum", cells: rows.map((row) => ({ row, value: DATES[row] ?? "" })) },
    conditionalFormats: statusRules("follow-up"),
    ...over,
  };
}

const second = (): StatusColumnPlan => {
  const p = livePlan({ exists: true });
  return { ...p, dates: p.dates ? { ...p.dates, exists: true } : null };
};

async function apply(excel: FakeExcel, plan: StatusColumnPlan): Promise<void> {
  await excel.run((context) => applyPlan(context, { statusColumns: [plan], summary: null }, { supports: excel.supports }));
}

describe("applyPlan: live status column in an Excel table", () => {
  it("adds the status and the dates column as table columns, in one sync", async () => {
    const excel = tableWorkbook();
    await apply(excel, livePlan());
    expect(excel.syncCount).toBe(1);
    expect(excel.workbook.tables[0]?.columns).toEqual(["Ärende", "Uppföljning", "Balans status", "Balans datum"]);
  });

  it("writes the formulas in the invariant language, each relative to its own row, with the General format (they were text)", async () => {
    const excel = tableWorkbook();
    const s = excel.workbook.sheet("Balanslista");
    // What an earlier Balans left: labels in Text-formatted cells.
    for (const row of [4, 5, 6, 7]) s?.put(row, 4, [["Planerad"]], "@");
    await apply(excel, livePlan());
    for (const row of [4, 5, 6, 7]) {
      expect(s?.get(row, 4)?.formula).toBe(`=${liveStatusFormula(`E${row}`, "follow-up")}`);
      expect(s?.get(row, 4)?.numberFormat).toBe("General");
    }
    const names = excel.syncs.flatMap((x) => x.names);
    expect(names).toContain("Range.formulas");
    expect(names).not.toContain("Range.formulasLocal");
    expect(names).not.toContain("RangeFill.color");
  });

  it("fills one formula down with ExcelApi 1.9 (one Range.formulas of one cell), and writes one per row without it", async () => {
    const filled = tableWorkbook();
    await apply(filled, livePlan());
    expect(filled.syncs[0]?.names.filter((n) => n === "Range.autoFill")).toHaveLength(1);
    const perRow = tableWorkbook(8);
    await apply(perRow, livePlan());
    expect(perRow.syncs[0]?.names).not.toContain("Range.autoFill");
    for (const row of [4, 5, 6, 7]) {
      expect(perRow.workbook.sheet("Balanslista")?.get(row, 4)?.formula).toBe(filled.workbook.sheet("Balanslista")?.get(row, 4)?.formula);
    }
  });

  it("writes the dates column as text (format @), never as dates or formulas", async () => {
    const excel = tableWorkbook();
    await apply(excel, livePlan());
    const s = excel.workbook.sheet("Balanslista");
    expect([3, 4, 5, 6, 7].map((r) => s?.value(r, 5))).toEqual(["Balans datum", "2025-03-31; 2024-12-31", "Klar", null, "2024-12-06"]);
    for (const row of [4, 5, 6, 7]) {
      expect(s?.get(row, 5)?.numberFormat).toBe("@");
      expect(s?.get(row, 5)?.formula).toBeNull();
    }
  });

  it("colours by conditional formats (cell value equals the label), no fixed fills", async () => {
    const excel = tableWorkbook();
    await apply(excel, livePlan());
    const rules = excel.workbook.conditionalFormatsAt("Balanslista", 5, 4);
    expect(rules.map((r) => [r.type, r.rule?.operator, r.rule?.formula1, r.fill, r.font])).toEqual([
      ["CellValue", "EqualTo", '="Försenad"', "#FFC7CE", "#9C0006"],
      ["CellValue", "EqualTo", '="Snart"', "#FFEB9C", "#9C5700"],
      ["CellValue", "EqualTo", '="Planerad"', "#C6EFCE", "#006100"],
      ["CellValue", "EqualTo", '="Klar"', "#DDEBF7", "#1F4E78"],
      ["CellValue", "EqualTo", '="Datum saknas"', "#EDEDED", "#595959"],
    ]);
    expect(rules[0]?.boxes).toEqual([{ top: 4, bottom: 7, left: 4, right: 4 }]);
    expect([4, 5, 6, 7].map((r) => excel.workbook.sheet("Balanslista")?.get(r, 4)?.fill)).toEqual([null, null, null, null]);
    // Not on the dates column, nor on the user's columns.
    expect(excel.workbook.conditionalFormatsAt("Balanslista", 5, 5)).toEqual([]);
    expect(excel.workbook.conditionalFormatsAt("Balanslista", 5, 3)).toEqual([]);
  });

  it("replaces Balans's rules on a second run instead of stacking them, and leaves a user's rule elsewhere", async () => {
    const excel = tableWorkbook();
    const user = { boxes: [{ top: 4, bottom: 7, left: 3, right: 3 }], type: "CellValue", rule: { formula1: '="x"', operator: "EqualTo" }, fill: "#FF0000", font: null };
    excel.workbook.sheet("Balanslista")?.conditionalFormats.push(user);
    await apply(excel, livePlan());
    await apply(excel, second());
    expect(excel.workbook.conditionalFormatsAt("Balanslista", 4, 4)).toHaveLength(5);
    expect(excel.workbook.conditionalFormatsAt("Balanslista", 7, 4)).toHaveLength(5);
    expect(excel.workbook.conditionalFormatsAt("Balanslista", 4, 3)).toEqual([user]);
    expect(excel.workbook.tables[0]?.columns).toHaveLength(4);
  });

  it("without ExcelApi 1.6 (no conditional formats) gives each label its rule's colour as a fixed fill", async () => {
    const excel = tableWorkbook(5);
    await apply(excel, livePlan());
    const s = excel.workbook.sheet("Balanslista");
    expect([4, 5, 6, 7].map((r) => s?.get(r, 4)?.fill ?? null)).toEqual(["#C6EFCE", "#DDEBF7", null, "#FFC7CE"]);
    expect(s?.conditionalFormats).toEqual([]);
  });

  it("adds the dates column to the table when the status column already is one (read facts say so)", async () => {
    const excel = tableWorkbook();
    const t = excel.workbook.tables[0];
    if (!t) throw new Error("no table");
    t.columns.push("Balans status");
    excel.workbook.sheet("Balanslista")?.put(3, 4, [["Balans status"]]);
    const tableRight = tableRightOf([{ name: "Balanslista", tables: [{ name: "Balans", firstColumn: 2, columnCount: 3 }] }]);
    await excel.run((context) =>
      applyPlan(context, { statusColumns: [livePlan({ exists: true })], summary: null }, { supports: all, workbook: { protectedSheets: new Set(), structureLocked: false, names: [], tableRight } }),
    );
    expect(t.columns).toEqual(["Ärende", "Uppföljning", "Balans status", "Balans datum"]);
    expect(excel.workbook.sheet("Balanslista")?.value(4, 5)).toBe("2025-03-31; 2024-12-31");
  });

  it("writes our dates column through the column Excel added, even when the table has a user's column of that name", async () => {
    const excel = new FakeExcel();
    excel.workbook.addTable("Balanslista", "Balans", 3, 2, ["Balans datum", "Uppföljning"], [
      ["mitt", "SVOM 31/3 2025"],
      ["eget", ""],
      ["data", ""],
      ["här", ""],
    ]);
    await apply(excel, livePlan());
    const s = excel.workbook.sheet("Balanslista");
    expect([4, 5, 6, 7].map((r) => s?.value(r, 2))).toEqual(["mitt", "eget", "data", "här"]);
    expect(s?.value(4, 5)).toBe("2025-03-31; 2024-12-31");
  });
});

describe("applyPlan: live status column beside a plain range", () => {
  it("writes both header cells, the formulas and the dates by address", async () => {
    const excel = new FakeExcel();
    excel.workbook.addSheet("Balanslista").put(3, 2, [["Ärende", "Uppföljning"], ["a", "x"], ["b", "y"], ["c", "z"], ["d", "w"]]);
    await apply(excel, livePlan({ table: "" }));
    const s = excel.workbook.sheet("Balanslista");
    expect([s?.value(3, 4), s?.value(3, 5)]).toEqual(["Balans status", "Balans datum"]);
    expect(s?.get(6, 4)?.formula).toBe(`=${liveStatusFormula("E6", "follow-up")}`);
    expect(s?.value(7, 5)).toBe("2024-12-06");
    expect(excel.workbook.conditionalFormatsAt("Balanslista", 6, 4)).toHaveLength(5);
  });
});

describe("applyPlan: the summary sheet's formulas (counts per status)", () => {
  it("writes a COUNTIF cell as a formula with its number format, and text beside it as text", async () => {
    const excel = tableWorkbook();
    const formula = `COUNTIF('Balanslista'!$D$4:$D$7,"Försenad")`;
    await excel.run((context) =>
      applyPlan(
        context,
        {
          statusColumns: [],
          summary: {
            name: "Balans summering",
            cells: [
              { row: 1, col: 1, value: "Försenad" },
              { row: 1, col: 2, value: 1, formula, numFmt: "0" },
              { row: 2, col: 1, value: "=inte en formel" },
            ],
            columnWidths: [],
            chart: null,
          },
        },
        { supports: all },
      ),
    );
    const s = excel.workbook.sheet("Balans summering");
    expect([s?.get(1, 2)?.formula, s?.get(1, 2)?.numberFormat]).toEqual([`=${formula}`, "0"]);
    expect([s?.get(1, 1)?.formula, s?.value(1, 1), s?.get(1, 1)?.numberFormat]).toEqual([null, "Försenad", "@"]);
    expect([s?.get(2, 1)?.formula, s?.value(2, 1)]).toEqual([null, "=inte en formel"]);
  });
});
