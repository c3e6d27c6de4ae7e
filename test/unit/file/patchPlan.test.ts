/**
 * The file adapter's writer (the package patcher) on a workbook with a bit of everything a user
 * might have (xlsxFixtures.ts): hand-made plans, so that every expectation follows from the plan.
 * Ported from the tests of the ExcelJS writer it replaced, keeping their data-safety promises:
 * cells Balans does not own are identical, a second run gives the same file, `=…` stays text.
 */
import ExcelJS from "exceljs";
import { liveStatusFormula } from "../../../src/domain/liveStatus";
import { statusRules } from "../../../src/domain/planLiveStatus";
import { KRONOR_FORMAT } from "../../../src/domain/template";
import type { Plan, StatusCell, StatusColumnPlan, SummarySheetPlan } from "../../../src/domain/types";
import { patchPackage } from "../../../src/file/ooxml/patchPackage";
import { readXlsx, tableModels } from "../../../src/file/readXlsx";
import { saveXlsx } from "../../../src/file/writeTemplate";
import { NOTES_SHEET, richWorkbookBytes, sheetPart, snapshot, tableXml, throughDisk, zipNames, zipText } from "./xlsxFixtures";

const SUMMARY = "Balans summering";
const OWNED = "Balans status";
const DATES = "Balans datum";

/** Fixed labels (no formulas) cycle through flagged, blank and planned rows. */
function fixedCells(first: number, last: number): StatusCell[] {
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

/** Live cells (issue 11): every row a formula over column J, its label the cached value. */
function liveCells(first: number, last: number): StatusCell[] {
  return fixedCells(first, last).map((c) => ({ row: c.row, label: c.label, fill: null, font: null, formula: liveStatusFormula(`J${c.row}`, "follow-up") }));
}

const FORMULA_LIKE = ["=1+1", "+46 70 123 45 67", "-x", "@x"];

function summaryPlan(existing: string | null): SummarySheetPlan {
  return {
    name: SUMMARY,
    existing,
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
    {
      sheet: "Balanslista",
      table: "Balanslista",
      headerRow: 2,
      column: 9,
      exists,
      header: OWNED,
      cells: liveCells(3, 38),
      dates: { column: 10, exists, header: DATES, cells: fixedCells(3, 38).map((c) => ({ row: c.row, value: c.label === "" ? "" : c.label === "Försenad" ? "2024-06-03" : "2030-12-31; 2025-01-31" })) },
      conditionalFormats: statusRules("follow-up"),
    },
    { sheet: "Avtal", table: "Avtal", headerRow: 2, column: 6, exists, header: OWNED, cells: fixedCells(3, 28) },
  ];
}

function plan(exists: boolean): Plan {
  return { statusColumns: statusPlans(exists), summary: summaryPlan(SUMMARY) };
}

/** The cells a plan lets Balans write (status and dates columns). */
function ownedBy(p: Plan) {
  return (sheet: string, row: number, col: number) =>
    p.statusColumns.some(
      (c) =>
        c.sheet === sheet &&
        (c.column === col || c.dates?.column === col) &&
        (row === c.headerRow || c.cells.some((x) => x.row === row)),
    );
}

function applied(bytes: Uint8Array, p: Plan): Uint8Array {
  return throughDisk("applied.xlsx", patchPackage(bytes, p));
}

/** The snapshot keys that Balans's columns change by design: the owned columns' widths and rules. */
const BY_DESIGN = ["Balanslista!columns", "Balanslista!conditionalFormatting", "Avtal!columns"];

describe("the package patcher on a workbook with a bit of everything", () => {
  let original: Uint8Array;
  let once: Uint8Array;
  let twice: Uint8Array;
  let before: ExcelJS.Workbook;
  let after: ExcelJS.Workbook;

  beforeAll(async () => {
    original = throughDisk("rich.xlsx", await richWorkbookBytes());
    once = applied(original, plan(false));
    twice = applied(once, plan(true));
    before = (await readXlsx(original)).workbook;
    after = (await readXlsx(once)).workbook;
  });

  it("leaves every cell, style, merge, width, validation and table it does not own as it was", () => {
    const p = plan(false);
    const opts = { skipSheets: [SUMMARY], skipCell: ownedBy(p), keepTableColumns: { Balanslista: 8, Avtal: 5 } };
    const a = snapshot(before, opts);
    const b = snapshot(after, opts);
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const key of Object.keys(a)) if (!BY_DESIGN.includes(key)) expect([key, b[key]]).toEqual([key, a[key]]);
    // The comparison covers the sheets with formulas, merges, user styles and a user's rule.
    expect(Object.keys(a).some((k) => k.startsWith(`${NOTES_SHEET}!B2`))).toBe(true);
    expect(a[`${NOTES_SHEET}!conditionalFormatting`]).toContain("greaterThan");
    expect(a["Balanslista!A3"]).toMatch(/italic/);
    // Columns: only the new owned ones got a width.
    const widths = (wb: ExcelJS.Workbook, sheet: string) =>
      (wb.getWorksheet(sheet)?.columns ?? []).map((c, i) => [i + 1, c.width ?? null] as const).filter(([, w]) => w !== null);
    expect(widths(after, "Balanslista").filter(([c]) => c !== 9 && c !== 10)).toEqual(widths(before, "Balanslista"));
    expect(widths(after, "Avtal").filter(([c]) => c !== 6)).toEqual(widths(before, "Avtal"));
  });

  it("adds the status and dates columns to the Excel table, so that its range covers them", async () => {
    const xml = await tableXml(once, "Balanslista");
    expect(xml).toMatch(/<table [^>]*ref="A2:J38"/);
    expect(xml).toMatch(/<autoFilter ref="A2:J38"/);
    expect(xml).toMatch(/<tableColumns count="10">/);
    expect(xml).toContain('<tableColumn id="9" name="Balans status"/><tableColumn id="10" name="Balans datum"/>');
    expect(await tableXml(once, "Avtal")).toMatch(/<table [^>]*ref="A2:F28"/);
    const { data } = await readXlsx(once);
    const bal = data.sheets.find((s) => s.name === "Balanslista");
    expect(bal?.tables).toEqual([{ name: "Balanslista", headerRow: 2, firstColumn: 1, rowCount: 36, columnCount: 10 }]);
    expect(bal?.values[2 - bal.top]?.[9 - bal.left]).toBe(OWNED);
  });

  it("writes live cells as formulas with the General format and their label cached, and the dates as text", async () => {
    const ws = after.getWorksheet("Balanslista") as ExcelJS.Worksheet;
    // I3: 3 % 3 === 0 → Försenad; I4: blank row (the formula gives ""); I5: Planerad.
    expect(ws.getCell("I3").formula).toBe(liveStatusFormula("J3", "follow-up"));
    expect(ws.getCell("I3").result).toBe("Försenad");
    expect(ws.getCell("I3").numFmt).toBeUndefined();
    expect(ws.getCell("I3").fill).toBeUndefined();
    expect(ws.getCell("I4").formula).toBe(liveStatusFormula("J4", "follow-up"));
    expect(ws.getCell("I5").result).toBe("Planerad");
    expect(ws.getCell("J3").value).toBe("2024-06-03");
    expect(ws.getCell("J3").numFmt).toBe("@");
    expect(ws.getCell("J4").value).toBeNull();
    expect(ws.getCell("J5").value).toBe("2030-12-31; 2025-01-31");
    expect(ws.getCell("I45").value).toBe("Anteckning under tabellen");
    const xml = await zipText(once, await sheetPart(once, "Balanslista"));
    // The workbook's default format (xf 0) is General here, so the cell needs no `s`.
    expect(xml).toMatch(/<c r="I3" t="str"><f>IF\(J3="",""/u);
  });

  it("colours the live column by rules (one per label, unique priorities), not by fixed fills", async () => {
    const xml = await zipText(once, await sheetPart(once, "Balanslista"));
    const blocks = xml.match(/<conditionalFormatting [^>]*>.*?<\/conditionalFormatting>/gu) ?? [];
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatch(/^<conditionalFormatting sqref="I3:I38">/u);
    const rules = [...(blocks[0] ?? "").matchAll(/<cfRule type="cellIs" dxfId="(\d+)" priority="(\d+)" operator="equal"><formula>"([^"]+)"<\/formula><\/cfRule>/gu)];
    expect(rules.map((r) => r[3])).toEqual(["Försenad", "Snart", "Planerad", "Klar", "Datum saknas"]);
    expect(rules.map((r) => r[2])).toEqual(["1", "2", "3", "4", "5"]);
    // Each rule's differential format: the label's fill and font colour.
    const styles = await zipText(once, "xl/styles.xml");
    const dxfs = (/<dxfs [^>]*>(.*)<\/dxfs>/u.exec(styles)?.[1] ?? "").match(/<dxf>.*?<\/dxf>/gu) ?? [];
    expect(dxfs[Number(rules[0]?.[1])]).toBe('<dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf>');
    expect(dxfs[Number(rules[2]?.[1])]).toBe('<dxf><font><color rgb="FF006100"/></font><fill><patternFill><bgColor rgb="FFC6EFCE"/></patternFill></fill></dxf>');
    // The fixed column (no rules) keeps its solid fills and font colours; blank rows stay empty.
    const avtal = after.getWorksheet("Avtal") as ExcelJS.Worksheet;
    expect(avtal.getCell("F3").value).toBe("Försenad");
    expect(avtal.getCell("F3").fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" }, bgColor: { indexed: 64 } });
    expect(avtal.getCell("F3").font?.color).toEqual({ argb: "FF9C0006" });
    expect(avtal.getCell("F4").value).toBeNull();
  });

  it("rewrites the summary sheet in place: same position, same sheetId, same part", async () => {
    const names = after.worksheets.map((w) => w.name);
    expect(names).toEqual(before.worksheets.map((w) => w.name));
    const sheetTag = (xml: string) => /<sheet name="Balans summering" [^>]*\/>/u.exec(xml)?.[0];
    expect(sheetTag(await zipText(once, "xl/workbook.xml"))).toBe(sheetTag(await zipText(original, "xl/workbook.xml")));
    expect(await sheetPart(once, SUMMARY)).toBe(await sheetPart(original, SUMMARY));
    expect(names).toContain("Balans summering (gammal)");
    const ws = after.getWorksheet(SUMMARY) as ExcelJS.Worksheet;
    expect(ws.getCell("A1").value).toBe("Balans – summering");
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("B3").value).toBe(13302905);
    expect(ws.getCell("B3").numFmt).toBe(KRONOR_FORMAT);
    expect(ws.getCell("A3").fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" }, bgColor: { indexed: 64 } });
    expect([ws.getColumn(1).width, ws.getColumn(2).width, ws.getColumn(3).width]).toEqual([40.7109375, 18.7109375, 18.7109375]);
  });

  it("writes text that starts with = + - @ as text, never as a formula", async () => {
    const ws = after.getWorksheet(SUMMARY) as ExcelJS.Worksheet;
    expect([5, 6, 7, 8].map((r) => ws.getCell(r, 1).value)).toEqual(FORMULA_LIKE);
    expect([5, 6, 7, 8].map((r) => ws.getCell(r, 1).type)).toEqual(FORMULA_LIKE.map(() => ExcelJS.ValueType.String));
    const xml = await zipText(once, await sheetPart(once, SUMMARY));
    expect(xml).not.toMatch(/<f[ >]/);
    // The only formulas in the package are the user's own and Balans's live status cells.
    for (const sheet of ["Avtal", "Fördelning 2024", "Parter"]) {
      expect(await zipText(once, await sheetPart(once, sheet))).not.toMatch(/<f[ >]/);
    }
  });

  it("links to places in the workbook the way Excel does (location, no relationship)", async () => {
    const part = await sheetPart(once, SUMMARY);
    const xml = await zipText(once, part);
    expect(xml).toContain(`<hyperlink ref="A10" location="'Balanslista'!A3" display="Nytt Samverkansavtal hemsjukvård"/>`);
    expect(xml).toContain(`<hyperlink ref="A11" location="'Fördelning 2024'!F2" display="Fördelning"/>`);
    expect(xml).toContain(`<hyperlink ref="A12" location="'Ann''s anteckningar'!A1" display="Anteckningar"/>`);
    expect(xml).not.toMatch(/<hyperlink [^>]*r:id=/);
    const rels = part.replace(/([^/]+)$/, "_rels/$1.rels");
    if ((await zipNames(once)).includes(rels)) expect(await zipText(once, rels)).not.toMatch(/hyperlink/);
  });

  it("writes the same bytes when applied again to its own output", () => {
    expect(Buffer.from(twice).equals(Buffer.from(once))).toBe(true);
  });
});

describe("the package patcher's guards", () => {
  let rich: Uint8Array;
  beforeAll(async () => {
    rich = await richWorkbookBytes();
  });

  it("refuses to write a new status column over the user's data", () => {
    const p: Plan = { statusColumns: [{ ...fixedPlan(), column: 11 }], summary: null }; // K: holds "Notering bredvid"
    expect(() => patchPackage(rich, p)).toThrow(/K3 på bladet "Balanslista" är inte tom/);
  });

  it("refuses a new dates column over the user's data", () => {
    const p: Plan = { statusColumns: [{ ...statusPlans(false)[0]!, column: 10, dates: { column: 11, exists: false, header: DATES, cells: [{ row: 3, value: "2024-06-03" }] } }], summary: null };
    expect(() => patchPackage(rich, p)).toThrow(/K3 på bladet "Balanslista" är inte tom/);
  });

  it("refuses a new status column inside the table", () => {
    const p: Plan = { statusColumns: [{ ...statusPlans(false)[1]!, column: 5, cells: [] }], summary: null };
    expect(() => patchPackage(rich, p)).toThrow(/hör redan till tabellen/);
  });

  it("does not write over a sheet Balans did not create, and says why", () => {
    expect(() => patchPackage(rich, { statusColumns: [], summary: summaryPlan(null) })).toThrow(/Bladet "Balans summering" finns redan.*byt namn/);
  });

  it("writes a header and cells beside a plain range (no Excel table)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Lista");
    ws.getCell("A1").value = "Vad";
    ws.getCell("B1").value = "Uppföljning";
    ws.getCell("A2").value = "Något";
    const out = patchPackage(await saveXlsx(wb), {
      statusColumns: [
        { sheet: "Lista", table: "", headerRow: 1, column: 3, exists: false, header: OWNED, cells: [{ row: 2, label: "Snart", fill: "FFEB9C", font: "9C5700" }] },
      ],
      summary: null,
    });
    const back = (await readXlsx(out)).workbook.getWorksheet("Lista") as ExcelJS.Worksheet;
    expect(back.getCell("C1").value).toBe(OWNED);
    expect(back.getCell("C1").font?.bold).toBe(true);
    expect(back.getCell("C2").value).toBe("Snart");
    expect(back.getCell("C2").fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFEB9C" }, bgColor: { indexed: 64 } });
    expect(tableModels(back)).toEqual([]);
  });

  it("names the sheet when it is missing", () => {
    const p: Plan = { statusColumns: [{ ...fixedPlan(), sheet: "Finns inte" }], summary: null };
    expect(() => patchPackage(rich, p)).toThrow(/Finns inte/);
  });
});

function fixedPlan(): StatusColumnPlan {
  return { sheet: "Balanslista", table: "Balanslista", headerRow: 2, column: 9, exists: false, header: OWNED, cells: fixedCells(3, 38) };
}
