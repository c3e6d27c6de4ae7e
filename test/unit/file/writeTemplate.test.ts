import ExcelJS from "exceljs";
import { AREA_VALUES, STATUS_VALUES, sampleTemplate, TEMPLATE_SHEET_NAME } from "../../../src/domain/sampleWorkbook";
import { KRONOR_FORMAT, type WorkbookTemplate } from "../../../src/domain/template";
import { saveXlsx, writeTemplate } from "../../../src/file/writeTemplate";
import { readXlsx, tableModels } from "../../../src/file/readXlsx";
import { sheetPart, tableXml, throughDisk, zipText } from "./xlsxFixtures";

describe("writeTemplate", () => {
  let bytes: Uint8Array;
  let wb: ExcelJS.Workbook;
  const template = sampleTemplate(false);

  beforeAll(async () => {
    bytes = throughDisk("template.xlsx", await saveXlsx(writeTemplate(template)));
    wb = (await readXlsx(bytes)).workbook;
  });

  it("creates real Excel tables with a header row and one empty row", async () => {
    const [sheet] = template.sheets;
    if (!sheet) throw new Error("no sheet");
    for (const t of sheet.tables) {
      const xml = await tableXml(bytes, t.name);
      const last = ExcelJSColumn(t.left + t.headers.length - 1);
      expect(xml).toMatch(new RegExp(`<table [^>]*ref="${ExcelJSColumn(t.left)}${t.top}:${last}${t.top + 1}"`));
      expect(xml).toMatch(/headerRowCount="1"/);
      for (const h of t.headers) expect(xml).toContain(`name="${h}"`);
    }
    const ws = wb.getWorksheet(TEMPLATE_SHEET_NAME) as ExcelJS.Worksheet;
    expect(tableModels(ws).map((m) => m.name)).toEqual(sheet.tables.map((t) => t.name));
  });

  it("writes titles, column widths and kronor formats", () => {
    const ws = wb.getWorksheet(TEMPLATE_SHEET_NAME) as ExcelJS.Worksheet;
    const [sheet] = template.sheets;
    for (const t of sheet?.tables ?? []) {
      expect(ws.getCell(t.top - 1, t.left).value).toBe(t.title);
      t.columnWidths.forEach((w, i) => expect(ws.getColumn(t.left + i).width).toBe(w));
      for (const { header, format } of t.numberFormats) {
        expect(ws.getCell(t.top + 1, t.left + t.headers.indexOf(header)).numFmt).toBe(format);
      }
    }
    const fordelning = sheet?.tables.find((t) => t.name === "Fordelning");
    expect(fordelning?.numberFormats).toContainEqual({ header: "Summa", format: KRONOR_FORMAT });
  });

  it("offers the priority areas and the statuses as drop-down lists", async () => {
    const xml = await zipText(bytes, await sheetPart(bytes, TEMPLATE_SHEET_NAME));
    expect(xml).toContain(`<formula1>&quot;${AREA_VALUES.join(",")}&quot;</formula1>`);
    expect(xml).toContain(`<formula1>&quot;${STATUS_VALUES.join(",")}&quot;</formula1>`);
    expect(xml).toMatch(/<dataValidation type="list" allowBlank="1"[^>]*sqref="A3"/);
    expect(xml).toMatch(/<dataValidation type="list" allowBlank="1"[^>]*sqref="G3"/);
  });

  it("writes text that looks like a formula as text", async () => {
    const t: WorkbookTemplate = {
      sheets: [
        {
          name: "Blad",
          tables: [
            {
              name: "Lista",
              top: 1,
              left: 1,
              title: null,
              headers: ["Vad", "Summa"],
              rows: [
                ["=1+1", 1],
                ["+46 70 123 45 67", null],
                ["-x", 2],
                ["@x", 3],
              ],
              validations: [],
              numberFormats: [],
              columnWidths: [20, 10],
            },
          ],
        },
      ],
    };
    const saved = await saveXlsx(writeTemplate(t));
    expect(await zipText(saved, await sheetPart(saved, "Blad"))).not.toMatch(/<f[ >]/);
    const { data } = await readXlsx(saved);
    expect(data.sheets[0]?.values.map((r) => r[0])).toEqual(["Vad", "=1+1", "+46 70 123 45 67", "-x", "@x"]);
  });

  it("makes table names unique in the workbook", async () => {
    const table = template.sheets[0]?.tables[0];
    if (!table) throw new Error("no table");
    const twice: WorkbookTemplate = {
      sheets: [
        { name: "A", tables: [table] },
        { name: "B", tables: [table] },
      ],
    };
    const { data } = await readXlsx(await saveXlsx(writeTemplate(twice)));
    expect(data.sheets.map((s) => s.tables.map((x) => x.name))).toEqual([["Balanslista"], ["Balanslista2"]]);
  });
});

function ExcelJSColumn(n: number): string {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}
