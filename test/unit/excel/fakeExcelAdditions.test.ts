/**
 * The recording fake's behaviour for what issues 10, 11 and 14 added, each pinned to the
 * Office.js documentation it follows (learn.microsoft.com/javascript/api/excel/…), and the
 * adapter's filled-down check (relativeFormula.ts).
 */
import { isFilledDown, relativeForm } from "../../../src/excel/relativeFormula";
import { FakeExcel, fakeShiftRows, subtractBox } from "../../support/fakeExcel";

type Ctx = Excel.RequestContext;

function workbook(apiVersion = 99): FakeExcel {
  const excel = new FakeExcel();
  excel.apiVersion = apiVersion;
  excel.workbook.addSheet("Blad1");
  return excel;
}

describe("fake Range.formulas (excel.range#formulas: A1-style, invariant language)", () => {
  it("makes a formula in a General cell and keeps text in a Text (@) cell, as Excel does", async () => {
    const excel = workbook();
    excel.calculate = (formula) => (formula === "1+1" ? 2 : null);
    excel.workbook.sheet("Blad1")?.put(2, 1, [[""]], "@");
    await excel.run(async (context: Ctx) => {
      context.workbook.worksheets.getItem("Blad1").getRange("A1:A2").formulas = [["=1+1"], ["=1+1"]];
      await context.sync();
    });
    const s = excel.workbook.sheet("Blad1");
    expect([s?.get(1, 1)?.formula, s?.get(1, 1)?.value]).toEqual(["=1+1", 2]);
    expect([s?.get(2, 1)?.formula, s?.get(2, 1)?.value]).toEqual([null, "=1+1"]);
  });

  it("loads formulas: the formula, or the value of a cell without one", async () => {
    const excel = workbook();
    await excel.run(async (context: Ctx) => {
      const r = context.workbook.worksheets.getItem("Blad1").getRange("A1:B1");
      r.formulas = [["=B1", "x"]];
      r.load("formulas");
      await context.sync();
      expect(r.formulas).toEqual([["=B1", "x"]]);
    });
  });
});

describe("fake Range.autoFill (excel.range#autofill, ExcelApi 1.9)", () => {
  it("fills a formula down with its relative rows moved, absolute rows and text kept", async () => {
    const excel = workbook();
    await excel.run(async (context: Ctx) => {
      const ws = context.workbook.worksheets.getItem("Blad1");
      const top = ws.getRange("C2");
      top.formulas = [['=IF(B2="B2",$A$1+A$2+B2,LOG10(B2))']];
      top.autoFill(ws.getRange("C2:C4"), "FillCopy");
      await context.sync();
    });
    expect(excel.workbook.sheet("Blad1")?.get(4, 3)?.formula).toBe('=IF(B4="B2",$A$1+A$2+B4,LOG10(B4))');
    expect(fakeShiftRows("SUM('X'!A1:A3)", 2)).toBe("SUM('X'!A3:A5)");
  });

  it("is refused before ExcelApi 1.9", async () => {
    const excel = workbook(8);
    const failed = await excel
      .run(async (context: Ctx) => {
        const ws = context.workbook.worksheets.getItem("Blad1");
        ws.getRange("A1").autoFill(ws.getRange("A1:A2"), "FillCopy");
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: "ApiNotFound" });
  });
});

describe("fake conditional formats (excel.conditionalformatcollection, ExcelApi 1.6)", () => {
  it("adds a cell-value format with its rule and colours; clearAll removes them from its range only", async () => {
    const excel = workbook();
    await excel.run(async (context: Ctx) => {
      const cf = context.workbook.worksheets.getItem("Blad1").getRange("B2:B9").conditionalFormats.add("CellValue" as Excel.ConditionalFormatType);
      cf.cellValue.format.fill.color = "#FFC7CE";
      cf.cellValue.format.font.color = "#9C0006";
      cf.cellValue.rule = { formula1: '="Försenad"', operator: "EqualTo" };
      await context.sync();
      context.workbook.worksheets.getItem("Blad1").getRange("B4:B5").conditionalFormats.clearAll();
      await context.sync();
    });
    expect(excel.workbook.sheet("Blad1")?.conditionalFormats).toEqual([
      {
        boxes: [
          { top: 2, bottom: 3, left: 2, right: 2 },
          { top: 6, bottom: 9, left: 2, right: 2 },
        ],
        type: "CellValue",
        rule: { formula1: '="Försenad"', operator: "EqualTo" },
        fill: "#FFC7CE",
        font: "#9C0006",
      },
    ]);
    expect(subtractBox({ top: 1, bottom: 3, left: 1, right: 3 }, { top: 2, bottom: 2, left: 2, right: 2 })).toHaveLength(4);
  });

  it("does not exist before ExcelApi 1.6", () => {
    const excel = workbook(5);
    const context = excel.context();
    expect(() => context.workbook.worksheets.getItem("Blad1").getRange("A1").conditionalFormats).toThrow(/1\.6/u);
  });
});

describe("fake custom XML parts (excel.customxmlpartcollection / customxmlpart, ExcelApi 1.5)", () => {
  it("adds parts, scopes them by the root's namespace, gets one by id, gives and replaces its XML", async () => {
    const excel = workbook();
    excel.workbook.addXmlPart('<x:a xmlns:x="urn:other">1</x:a>');
    await excel.run(async (context: Ctx) => {
      context.workbook.customXmlParts.add('<b xmlns="urn:mine">2</b>');
      await context.sync();
      const scoped = context.workbook.customXmlParts.getByNamespace("urn:mine");
      scoped.load("items/id");
      const only = scoped.getOnlyItemOrNullObject();
      only.load("id");
      await context.sync();
      expect(scoped.items.map((p) => p.id)).toEqual([only.id]);
      const xml = context.workbook.customXmlParts.getItem(only.id).getXml();
      await context.sync();
      // eslint-disable-next-line office-addins/load-object-before-read -- a ClientResult: its value arrives with the sync, there is nothing to load
      expect(xml.value).toBe('<b xmlns="urn:mine">2</b>');
      context.workbook.customXmlParts.getItem(only.id).setXml('<b xmlns="urn:mine">3</b>');
      const none = context.workbook.customXmlParts.getByNamespace("urn:none").getOnlyItemOrNullObject();
      none.load("id");
      await context.sync();
      expect(none.isNullObject).toBe(true);
    });
    expect(excel.workbook.customXmlParts.map((p) => p.xml)).toEqual(['<x:a xmlns:x="urn:other">1</x:a>', '<b xmlns="urn:mine">3</b>']);
  });

  it("does not exist before ExcelApi 1.5", () => {
    expect(() => workbook(4).context().workbook.customXmlParts).toThrow(/1\.5/u);
  });
});

describe("fake page layout (excel.pagelayout, ExcelApi 1.9)", () => {
  it("records orientation, paper size, title rows and zoom; refuses a protected sheet", async () => {
    const excel = workbook();
    await excel.run(async (context: Ctx) => {
      const layout = context.workbook.worksheets.getItem("Blad1").pageLayout;
      layout.orientation = "Landscape" as Excel.PageOrientation;
      layout.paperSize = "A4" as Excel.PaperType;
      layout.setPrintTitleRows("$4:$4");
      layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      await context.sync();
    });
    expect(excel.workbook.sheet("Blad1")?.pageLayout).toEqual({ orientation: "Landscape", paperSize: "A4", printTitleRows: "$4:$4", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
    const sheet = excel.workbook.sheet("Blad1");
    if (sheet) sheet.protected = true;
    const failed = await excel
      .run(async (context: Ctx) => {
        context.workbook.worksheets.getItem("Blad1").pageLayout.orientation = "Portrait" as Excel.PageOrientation;
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: "AccessDenied" });
  });
});

describe("relativeForm / isFilledDown (the adapter's check before one formula is filled down)", () => {
  it("writes relative rows relative to the formula's row; absolute rows, strings and function names stay", () => {
    expect(relativeForm('IF(E4="",LOG10(E4)+$A$1+A$2,"E4")', 4)).toBe('IF(E{R+0}="",LOG10(E{R+0})+$A$1+A$2,"E4")');
    expect(relativeForm("E3+E5", 4)).toBe("E{R-1}+E{R+1}");
  });

  it("is true only for consecutive rows holding one formula filled down", () => {
    expect(isFilledDown([{ row: 4, formula: "E4*2" }, { row: 5, formula: "E5*2" }])).toBe(true);
    expect(isFilledDown([{ row: 4, formula: "E4*2" }, { row: 5, formula: "E4*2" }])).toBe(false);
    expect(isFilledDown([{ row: 4, formula: "E4*2" }, { row: 6, formula: "E6*2" }])).toBe(false);
    expect(isFilledDown([{ row: 4, formula: "E4*2" }, { row: 5 }])).toBe(false);
  });
});
