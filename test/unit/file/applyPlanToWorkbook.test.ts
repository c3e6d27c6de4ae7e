import ExcelJS from "exceljs";
import { KRONOR_FORMAT } from "../../../src/domain/template";
import type { Plan, StatusCell, StatusColumnPlan, SummarySheetPlan } from "../../../src/domain/types";
import { applyPlanToWorkbook, internalLink, saveXlsx } from "../../../src/file/applyPlanToWorkbook";
import { readXlsx, tableModels } from "../../../src/file/readXlsx";
import {
  NOTES_SHEET,
  richWorkbookBytes,
  sheetPart,
  snapshot,
  tableXml,
  throughDisk,
  zipNames,
  zipText,
} from "./xlsxFixtures";

const SUMMARY = "Balans summering";
const OWNED = "Balans status";

/** Labels cycle through flagged, blank and planned rows. */
function cells(first: number, last: number): StatusCell[] {
  const out: StatusCell[] = [];
  for (let row = first; row <= last; row++) {
    const k = row % 3;
    out.push(
      k === 0
        ? { row, label: "Försenad", fill: "FFC7CE", font: "9C0006" }
        : k === 1
          ? { row, label: "", fill: null, font: null }
          : { row, label: "Planerad", fill: "C6EFCE", font: "006100" },
    );
  }
  return out;
}

const FORMULA_LIKE = ["=1+1", "+46 70 123 45 67", "-x", "@x"];

function summaryPlan(): SummarySheetPlan {
  return {
    name: SUMMARY,
    columnWidths: [40, 18, 18],
    chart: null,
    cells: [
      { row: 1, col: 1, value: "Balans – summering", bold: true },
      { row: 3, col: 1, value: "Totalt", bold: true, fill: "DDEBF7" },
      { row: 3, col: 2, value: 13302905, numFmt: KRONOR_FORMAT },
      ...FORMULA_LIKE.map((value, i) => ({ row: 5 + i, col: 1, value })),
      { row: 10, col: 1, value: "Nytt Samverkansavtal hemsjukvård", link: { sheet: "Balanslista", address: "A3" } },
      { row: 11, col: 1, value: "Fördelning", link: { sheet: "Fördelning 2024", address: "F2" } },
      { row: 12, col: 1, value: "Anteckningar", link: { sheet: NOTES_SHEET, address: "A1" } },
      { row: 13, col: 1, value: null },
    ],
  };
}

function statusPlans(exists: boolean): StatusColumnPlan[] {
  return [
    { sheet: "Balanslista", table: "Balanslista", headerRow: 2, column: 9, exists, header: OWNED, cells: cells(3, 38) },
    { sheet: "Avtal", table: "Avtal", headerRow: 2, column: 6, exists, header: OWNED, cells: cells(3, 28) },
  ];
}

function plan(exists: boolean): Plan {
  return { statusColumns: statusPlans(exists), summary: summaryPlan() };
}

/** The cells a plan lets Balans write. */
function ownedBy(p: Plan) {
  return (sheet: string, row: number, col: number) =>
    p.statusColumns.some(
      (c) => c.sheet === sheet && c.column === col && (row === c.headerRow || c.cells.some((x) => x.row === row)),
    );
}

async function applied(bytes: Uint8Array, p: Plan): Promise<Uint8Array> {
  const { workbook } = await readXlsx(bytes);
  applyPlanToWorkbook(workbook, p);
  return throughDisk("applied.xlsx", await saveXlsx(workbook));
}

describe("applyPlanToWorkbook on a real file", () => {
  let original: Uint8Array;
  let once: Uint8Array;
  let twice: Uint8Array;
  let before: ExcelJS.Workbook;
  let after: ExcelJS.Workbook;

  beforeAll(async () => {
    original = throughDisk("rich.xlsx", await richWorkbookBytes());
    once = await applied(original, plan(false));
    twice = await applied(once, plan(true));
    before = (await readXlsx(original)).workbook;
    after = (await readXlsx(once)).workbook;
  });

  it("leaves every cell, style, merge, width, validation and table it does not own as it was", () => {
    const p = plan(false);
    const opts = { skipSheets: [SUMMARY], skipCell: ownedBy(p), keepTableColumns: { Balanslista: 8, Avtal: 5 } };
    const a = snapshot(before, opts);
    const b = snapshot(after, opts);
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const key of Object.keys(a)) expect([key, b[key]]).toEqual([key, a[key]]);
    // The comparison covers the sheets with formulas, merges and user styles.
    expect(Object.keys(a).some((k) => k.startsWith(`${NOTES_SHEET}!B2`))).toBe(true);
    expect(a["Balanslista!A3"]).toMatch(/italic/);
  });

  it("adds the status column to the Excel table, so that the table's range covers it", async () => {
    const xml = await tableXml(once, "Balanslista");
    expect(xml).toMatch(/<table [^>]*ref="A2:I38"/);
    expect(xml).toMatch(/<autoFilter ref="A2:I38"/);
    expect(xml).toMatch(/<tableColumns count="9">/);
    expect(xml).toMatch(/<tableColumn id="9" name="Balans status"\/>/);
    expect(await tableXml(once, "Avtal")).toMatch(/<table [^>]*ref="A2:F28"/);
    const { data } = await readXlsx(once);
    const bal = data.sheets.find((s) => s.name === "Balanslista");
    expect(bal?.tables).toEqual([{ name: "Balanslista", headerRow: 2, firstColumn: 1, rowCount: 36, columnCount: 9 }]);
    expect(bal?.values[2 - bal.top]?.[9 - bal.left]).toBe(OWNED);
  });

  it("writes labels with solid fills and font colours, and blank rows without fill", () => {
    const ws = after.getWorksheet("Balanslista") as ExcelJS.Worksheet;
    // I3: 3 % 3 === 0 → flagged; I4: blank label.
    expect(ws.getCell("I3").value).toBe("Försenad");
    expect(ws.getCell("I3").fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } });
    expect(ws.getCell("I3").font?.color).toEqual({ argb: "FF9C0006" });
    expect(ws.getCell("I4").value).toBeNull();
    expect(ws.getCell("I4").fill).toBeUndefined();
    expect(ws.getCell("I5").value).toBe("Planerad");
    expect(ws.getCell("I45").value).toBe("Anteckning under tabellen");
  });

  it("replaces the summary sheet with that exact name, as the last sheet, and keeps similar names", () => {
    const names = after.worksheets.map((w) => w.name);
    expect(names[names.length - 1]).toBe(SUMMARY);
    expect(names.filter((n) => n === SUMMARY)).toHaveLength(1);
    expect(names).toContain("Balans summering (gammal)");
    const ws = after.getWorksheet(SUMMARY) as ExcelJS.Worksheet;
    expect(ws.getCell("A1").value).toBe("Balans – summering");
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("B3").value).toBe(13302905);
    expect(ws.getCell("B3").numFmt).toBe(KRONOR_FORMAT);
    expect(ws.getCell("A3").fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } });
    expect([ws.getColumn(1).width, ws.getColumn(2).width, ws.getColumn(3).width]).toEqual([40, 18, 18]);
  });

  it("writes text that starts with = + - @ as text, never as a formula", async () => {
    const ws = after.getWorksheet(SUMMARY) as ExcelJS.Worksheet;
    expect([5, 6, 7, 8].map((r) => ws.getCell(r, 1).value)).toEqual(FORMULA_LIKE);
    expect([5, 6, 7, 8].map((r) => ws.getCell(r, 1).type)).toEqual(FORMULA_LIKE.map(() => ExcelJS.ValueType.String));
    const xml = await zipText(once, await sheetPart(once, SUMMARY));
    expect(xml).not.toMatch(/<f[ >]/);
    // The only formulas in the package are the user's own.
    for (const sheet of ["Balanslista", "Avtal", "Fördelning 2024", "Parter"]) {
      expect(await zipText(once, await sheetPart(once, sheet))).not.toMatch(/<f[ >]/);
    }
  });

  it("links to places in the workbook the way Excel does (location, no relationship)", async () => {
    const part = await sheetPart(once, SUMMARY);
    const xml = await zipText(once, part);
    expect(xml).toContain(`<hyperlink ref="A10" location="'Balanslista'!A3"/>`);
    expect(xml).toContain(`<hyperlink ref="A11" location="'Fördelning 2024'!F2"/>`);
    expect(xml).toContain(`<hyperlink ref="A12" location="'Ann''s anteckningar'!A1"/>`);
    expect(xml).not.toMatch(/<hyperlink [^>]*r:id=/);
    const rels = part.replace(/([^/]+)$/, "_rels/$1.rels");
    if ((await zipNames(once)).includes(rels)) expect(await zipText(once, rels)).not.toMatch(/hyperlink/);
    const ws = after.getWorksheet(SUMMARY) as ExcelJS.Worksheet;
    expect(ws.getCell("A10").value).toEqual({
      text: "Nytt Samverkansavtal hemsjukvård",
      hyperlink: internalLink("Balanslista", "A3"),
    });
  });

  it("gives the same workbook when applied again to its own output", async () => {
    const a = snapshot((await readXlsx(once)).workbook);
    const b = snapshot((await readXlsx(twice)).workbook);
    expect(b).toEqual(a);
    expect(await tableXml(twice, "Balanslista")).toEqual(await tableXml(once, "Balanslista"));
  });
});

describe("applyPlanToWorkbook guards", () => {
  async function fresh(): Promise<ExcelJS.Workbook> {
    return (await readXlsx(await richWorkbookBytes())).workbook;
  }

  it("refuses to write a new status column over the user's data", async () => {
    const wb = await fresh();
    const p: Plan = {
      statusColumns: [{ ...statusPlans(false)[0]!, column: 11 }], // K: holds "Notering bredvid"
      summary: null,
    };
    expect(() => applyPlanToWorkbook(wb, p)).toThrow(/K3.*inte tom/);
    expect(wb.getWorksheet("Balanslista")?.getCell("K3").value).toBe("Notering bredvid");
  });

  it("refuses a new status column inside the table", async () => {
    const wb = await fresh();
    const p: Plan = { statusColumns: [{ ...statusPlans(false)[1]!, column: 5, cells: [] }], summary: null };
    expect(() => applyPlanToWorkbook(wb, p)).toThrow(/hör redan till tabellen/);
  });

  it("does not remove a sheet whose name differs only in case, and says why", async () => {
    const wb = await fresh();
    wb.removeWorksheet((wb.getWorksheet(SUMMARY) as ExcelJS.Worksheet).id);
    wb.addWorksheet("balans summering").getCell("A1").value = "användarens blad";
    expect(() => applyPlanToWorkbook(wb, { statusColumns: [], summary: summaryPlan() })).toThrow(/byt namn/);
    expect(wb.getWorksheet("balans summering")?.getCell("A1").value).toBe("användarens blad");
  });

  it("writes a header and cells beside a plain range (no Excel table)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Lista");
    ws.getCell("A1").value = "Vad";
    ws.getCell("B1").value = "Uppföljning";
    ws.getCell("A2").value = "Något";
    applyPlanToWorkbook(wb, {
      statusColumns: [
        {
          sheet: "Lista",
          table: "",
          headerRow: 1,
          column: 3,
          exists: false,
          header: OWNED,
          cells: [{ row: 2, label: "Snart", fill: "FFEB9C", font: "9C5700" }],
        },
      ],
      summary: null,
    });
    expect(ws.getCell("C1").value).toBe(OWNED);
    expect(ws.getCell("C1").font?.bold).toBe(true);
    expect(ws.getCell("C2").value).toBe("Snart");
    expect(ws.getCell("C2").fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFEB9C" } });
    expect(tableModels(ws)).toEqual([]);
  });

  it("names the sheet when it is missing", async () => {
    const wb = await fresh();
    const p: Plan = { statusColumns: [{ ...statusPlans(false)[0]!, sheet: "Finns inte" }], summary: null };
    expect(() => applyPlanToWorkbook(wb, p)).toThrow(/Finns inte/);
  });
});
