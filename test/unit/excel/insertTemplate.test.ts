import type { WorkbookTemplate } from "../../../src/domain/template";
import { charsToPoints } from "../../../src/excel/writeJobs";
import { uniqueSheetName, uniqueTableName } from "../../../src/app/workbookGuards";
import { insertTemplate } from "../../../src/excel/insertTemplate";
import { FakeExcel } from "../../support/fakeExcel";

const template = (): WorkbookTemplate => ({
  sheets: [
    {
      name: "Balans mall",
      tables: [
        {
          name: "Balanslista",
          top: 2,
          left: 1,
          title: "Balanslista",
          headers: ["Område", "Vad", "Nästa uppföljning", "Summa"],
          rows: [
            ["Nära vård", "=inte en formel", 45292, 1000],
            ["Psykisk hälsa", "-5 procent", null, null],
          ],
          validations: [
            { header: "Område", values: ["Nära vård", "Psykisk hälsa"] },
            { header: "Vad", values: ["a,b", "c"] },
          ],
          numberFormats: [
            { header: "Nästa uppföljning", format: "yyyy-mm-dd" },
            { header: "Summa", format: '#,##0 "kr"' },
          ],
          columnWidths: [18, 40, 18, 12],
        },
        {
          name: "Parter",
          top: 2,
          left: 7,
          title: null,
          headers: ["Part", "Alias"],
          rows: [],
          validations: [],
          numberFormats: [],
          columnWidths: [30, 30],
        },
      ],
    },
    { name: "Ignoreras", tables: [] },
  ],
});

function workbook(): FakeExcel {
  const excel = new FakeExcel();
  excel.workbook.addSheet("Blad1").put(1, 1, [["användarens data"]]);
  return excel;
}

describe("insertTemplate", () => {
  it("adds nothing to a workbook whose structure is locked, and says so (one read sync)", async () => {
    const excel = workbook();
    excel.workbook.structureLocked = true;
    await expect(excel.run((context) => insertTemplate(context, template(), { supports: excel.supports }))).rejects.toMatchObject({
      name: "BalansError",
      code: "protected",
      message: expect.stringContaining("Arbetsbokens struktur är låst"),
    });
    expect(excel.syncCount).toBe(1);
    expect(excel.workbook.sheets.map((s) => s.name)).toEqual(["Blad1"]);
  });

  it("writes the first sheet's tables into a new sheet: 1 read, 1 write, 1 activate sync", async () => {
    const excel = workbook();
    const result = await excel.run((context) => insertTemplate(context, template(), { supports: excel.supports }));
    expect(result).toEqual({ sheet: "Balans mall", tables: ["Balanslista", "Parter"] });
    expect(excel.syncCount).toBe(3);
    expect(excel.workbook.sheets.map((s) => s.name)).toEqual(["Blad1", "Balans mall"]);
    expect(excel.workbook.active).toBe("Balans mall");
    const s = excel.workbook.sheet("Balans mall");
    expect(s?.value(1, 1)).toBe("Balanslista");
    expect(s?.get(1, 1)?.bold).toBe(true);
    expect([1, 2, 3, 4].map((c) => s?.value(2, c))).toEqual(["Område", "Vad", "Nästa uppföljning", "Summa"]);
    expect(s?.value(3, 3)).toBe(45292);
    expect(s?.get(3, 3)?.numberFormat).toBe("yyyy-mm-dd");
    expect(s?.get(3, 4)?.numberFormat).toBe('#,##0 "kr"');
    expect(s?.columnWidths.get(2)).toBe(charsToPoints(40));
    const [balans, parter] = excel.workbook.tables;
    expect(balans).toMatchObject({ name: "Balanslista", headerRow: 2, left: 1, columns: ["Område", "Vad", "Nästa uppföljning", "Summa"], dataRows: 2 });
    expect(parter).toMatchObject({ name: "Parter", headerRow: 2, left: 7, columns: ["Part", "Alias"], dataRows: 1 });
    expect(excel.workbook.sheet("Blad1")?.value(1, 1)).toBe("användarens data");
    expect(excel.events.filter((e) => e.kind === "write").every((e) => e.sheet === "Balans mall")).toBe(true);
  });

  it("keeps text that starts with = + - @ as text", async () => {
    const excel = workbook();
    await excel.run((context) => insertTemplate(context, template(), { supports: excel.supports }));
    const s = excel.workbook.sheet("Balans mall");
    expect(s?.get(3, 2)?.formula).toBeNull();
    expect(s?.value(3, 2)).toBe("=inte en formel");
    expect(s?.value(4, 2)).toBe("-5 procent");
  });

  it("adds drop-down lists with ExcelApi 1.8, leaving out lists with a comma", async () => {
    const excel = workbook();
    await excel.run((context) => insertTemplate(context, template(), { supports: excel.supports }));
    const s = excel.workbook.sheet("Balans mall");
    expect(s?.get(3, 1)?.validation).toEqual(["Nära vård", "Psykisk hälsa"]);
    expect(s?.get(4, 1)?.validation).toEqual(["Nära vård", "Psykisk hälsa"]);
    expect(s?.get(3, 2)?.validation).toBeNull();
  });

  it("skips drop-down lists without an error where ExcelApi 1.8 is missing", async () => {
    const excel = workbook();
    excel.apiVersion = 7;
    await excel.run((context) => insertTemplate(context, template(), { supports: excel.supports }));
    expect(excel.workbook.sheet("Balans mall")?.get(3, 1)?.validation).toBeNull();
    expect(excel.syncs.flatMap((s) => s.names)).not.toContain("DataValidation.rule");
  });

  it("suffixes the sheet and table names when they are taken", async () => {
    const excel = workbook();
    excel.workbook.addName("Parter_2", "=Blad1!$A$1");
    await excel.run((context) => insertTemplate(context, template(), { supports: excel.supports }));
    const second = await excel.run((context) => insertTemplate(context, template(), { supports: excel.supports }));
    expect(second).toEqual({ sheet: "Balans mall (2)", tables: ["Balanslista_2", "Parter_3"] });
    expect(excel.workbook.tables.map((t) => t.name)).toEqual(["Balanslista", "Parter", "Balanslista_2", "Parter_3"]);
  });
});

describe("unique names", () => {
  it("uniqueSheetName", () => {
    expect(uniqueSheetName("Balans mall", ["Blad1"])).toBe("Balans mall");
    expect(uniqueSheetName("Balans mall", ["balans MALL", "Balans mall (2)"])).toBe("Balans mall (3)");
    expect(uniqueSheetName("x".repeat(40), ["x".repeat(31)])).toBe(`${"x".repeat(27)} (2)`);
  });
  it("uniqueTableName", () => {
    expect(uniqueTableName("Fördelning", [])).toBe("Fördelning");
    expect(uniqueTableName("Fördelning 2024", ["Fördelning_2024"])).toBe("Fördelning_2024_2");
    expect(uniqueTableName("2024", [])).toBe("_2024");
  });
});
