import ExcelJS from "exceljs";
import JSZip from "jszip";
import { SUMMARY_SHEET_NAME } from "../../../src/domain";
import { sampleWorkbook } from "../../../src/domain/sampleWorkbook";
import type { CellValue, SheetData } from "../../../src/domain/types";
import { saveXlsx, writeTemplate } from "../../../src/file/writeTemplate";
import { parseRange, readXlsx, tableModels, toWorkbookData } from "../../../src/file/readXlsx";
import {
  NOTES_SHEET,
  richWorkbookBytes,
  sheetPart,
  tableXml,
  throughDisk,
  toExcelStyleTables,
  zipText,
} from "./xlsxFixtures";

function sheet(data: { sheets: SheetData[] }, name: string): SheetData {
  const s = data.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

function at(s: SheetData, address: string): CellValue {
  const r = parseRange(address);
  if (!r) throw new Error(address);
  return s.values[r.top - s.top]?.[r.left - s.left] ?? null;
}

describe("readXlsx on what writeTemplate wrote", () => {
  let data: Awaited<ReturnType<typeof readXlsx>>["data"];
  const template = sampleWorkbook();

  beforeAll(async () => {
    const bytes = throughDisk("sample.xlsx", await saveXlsx(writeTemplate(template)));
    data = (await readXlsx(bytes)).data;
  });

  it("lists every sheet in order with its Excel tables", () => {
    expect(data.sheets.map((s) => s.name)).toEqual(template.sheets.map((s) => s.name));
    for (const t of template.sheets) {
      const s = sheet(data, t.name);
      expect(s.tables).toEqual(
        t.tables.map((tt) => ({
          name: tt.name,
          headerRow: tt.top,
          firstColumn: tt.left,
          rowCount: tt.rows.length,
          columnCount: tt.headers.length,
        })),
      );
    }
  });

  it("gives every header and data cell as written (blank → null, numbers as numbers)", () => {
    for (const t of template.sheets) {
      const s = sheet(data, t.name);
      for (const tt of t.tables) {
        tt.headers.forEach((h, i) => expect(s.values[tt.top - s.top]?.[tt.left + i - s.left]).toBe(h));
        tt.rows.forEach((row, r) =>
          // Rows are sparse by contract: a blank cell at a row's end is simply not there.
          row.forEach((v, i) => expect(s.values[tt.top + 1 + r - s.top]?.[tt.left + i - s.left] ?? null).toBe(v)),
        );
        if (tt.title !== null) expect(s.values[tt.top - 1 - s.top]?.[tt.left - s.left]).toBe(tt.title);
      }
    }
  });

  it("reads from an ArrayBuffer as well as from a Uint8Array", async () => {
    const bytes = await saveXlsx(writeTemplate(template));
    const copy = bytes.slice().buffer;
    const fromBuffer = await readXlsx(copy);
    expect(fromBuffer.data).toEqual(data);
  });
});

describe("readXlsx cell mapping", () => {
  let notes: SheetData;
  let names: string[];

  beforeAll(async () => {
    const { data } = await readXlsx(throughDisk("rich.xlsx", await richWorkbookBytes()));
    notes = sheet(data, NOTES_SHEET);
    names = data.sheets.map((s) => s.name);
  });

  it("maps formulas to their cached results", () => {
    expect(at(notes, "B2")).toBe(30);
    expect(at(notes, "B3")).toBe("10 kr");
    expect(at(notes, "D3")).toEqual({ date: "2024-12-15" });
    expect(at(notes, "E3")).toEqual({ error: "#DIV/0!" });
  });

  it("maps dates, errors, rich text, links and booleans", () => {
    expect(at(notes, "D2")).toEqual({ date: "2024-11-15" });
    expect(at(notes, "D4")).toEqual({ date: "2024-02-29" });
    expect(at(notes, "E2")).toEqual({ error: "#N/A" });
    expect(at(notes, "F2")).toBe("Fet och vanlig");
    expect(at(notes, "G2")).toBe("Samverkanssidan");
    expect(at(notes, "G3")).toBe("Till avtalen");
    expect(at(notes, "H2")).toBe(true);
    expect(at(notes, "C2")).toBe(10);
  });

  it("keeps text that looks like a formula as text", () => {
    expect(["A8", "A9", "A10", "A11"].map((a) => at(notes, a))).toEqual(["=1+1", "+46 70 123 45 67", "-x", "@x"]);
  });

  it("puts a merged range's value at its master cell only", () => {
    expect(at(notes, "A5")).toBe("Sammanslagen");
    for (const a of ["B5", "C5", "A6", "B6", "C6"]) expect(at(notes, a)).toBeNull();
  });

  it("gives the used range with its top-left corner", () => {
    expect(notes.top).toBe(1);
    expect(notes.left).toBe(1);
    expect(notes.values).toHaveLength(11);
    // Sparse by contract (issue 8): no row is longer than its last value, none is wider than H.
    expect(notes.values.every((r) => r.length <= 8)).toBe(true);
    expect(Math.max(...notes.values.map((r) => r.length))).toBe(8);
  });

  it("reads every worksheet, the summary sheet too (ownership is the domain's record, not a name)", () => {
    expect(names).toContain(SUMMARY_SHEET_NAME);
    expect(names).toContain("Balans summering (gammal)");
  });
});

describe("toWorkbookData", () => {
  it("starts the used range at the first used row and column", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Blad");
    ws.getCell("C3").value = "a";
    ws.getCell("E6").value = 5;
    ws.getCell("D4").font = { bold: true }; // style only: not used
    const s = sheet(toWorkbookData(wb), "Blad");
    expect(s).toEqual({
      name: "Blad",
      top: 3,
      left: 3,
      values: [
        ["a", null, null],
        [null, null, null],
        [null, null, null],
        [null, null, 5],
      ],
      tables: [],
    });
  });

  it("covers a table's empty rows and gives an empty sheet no values", () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Tom");
    const ws = wb.addWorksheet("Mall");
    ws.addTable({ name: "T", ref: "B2", columns: [{ name: "Vad" }, { name: "Uppföljning" }], rows: [[null, null]] });
    const data = toWorkbookData(wb);
    expect(sheet(data, "Tom")).toEqual({ name: "Tom", top: 1, left: 1, values: [], tables: [] });
    const mall = sheet(data, "Mall");
    expect(mall.tables).toEqual([{ name: "T", headerRow: 2, firstColumn: 2, rowCount: 1, columnCount: 2 }]);
    expect(mall.values).toEqual([
      ["Vad", "Uppföljning"],
      [null, null],
    ]);
  });
});

describe("readXlsx on tables as Excel writes them", () => {
  it("keeps the header row and the filter buttons that ExcelJS alone would lose", async () => {
    const written = await saveXlsx(writeTemplate(sampleWorkbook()));
    const excelStyle = await toExcelStyleTables(written, { filter: true });
    expect(await tableXml(excelStyle, "Avtal")).not.toMatch(/headerRowCount/);

    // Without the repair ExcelJS reads every such table as headerless.
    const plain = new ExcelJS.Workbook();
    await plain.xlsx.load(excelStyle as unknown as Parameters<typeof plain.xlsx.load>[0]);
    expect(tableModels(plain.getWorksheet("Avtal") as ExcelJS.Worksheet)[0]?.headerRow).toBe(false);

    const { workbook, data } = await readXlsx(excelStyle);
    expect(sheet(data, "Avtal").tables).toEqual([
      { name: "Avtal", headerRow: 2, firstColumn: 1, rowCount: 26, columnCount: 5 },
    ]);
    const resaved = await saveXlsx(workbook);
    const xml = await tableXml(resaved, "Avtal");
    expect(xml).toMatch(/headerRowCount="1"/);
    expect(xml).toMatch(/<autoFilter ref="A2:E28">/);
    expect(xml).not.toMatch(/hiddenButton="1"/);
  });

  it("saves a table without filter buttons without an autoFilter element", async () => {
    const written = await saveXlsx(writeTemplate(sampleWorkbook()));
    const noFilter = await toExcelStyleTables(written, { filter: false });
    const { workbook, data } = await readXlsx(noFilter);
    expect(sheet(data, "Parter").tables).toHaveLength(1);
    const xml = await tableXml(await saveXlsx(workbook), "Parter");
    expect(xml).not.toMatch(/autoFilter/);
    expect(xml).toMatch(/headerRowCount="1"/);
  });

  it("keeps links to places in the workbook (Excel writes them without a relationship)", async () => {
    const bytes = await richWorkbookBytes();
    const part = await sheetPart(bytes, NOTES_SHEET);
    const xml = await zipText(bytes, part);
    expect(xml).toMatch(/<hyperlink ref="G3" location="'Avtal'!A2"\/>/);
    const { workbook } = await readXlsx(bytes);
    const cell = workbook.getWorksheet(NOTES_SHEET)?.getCell("G3");
    expect(cell?.value).toEqual({ text: "Till avtalen", hyperlink: "#'Avtal'!A2" });
  });
});

describe("readXlsx on other input", () => {
  it("names the parts that ExcelJS cannot keep", async () => {
    const zip = await JSZip.loadAsync(await saveXlsx(writeTemplate(sampleWorkbook())));
    zip.file("xl/charts/chart1.xml", "<chartSpace/>");
    zip.file("xl/pivotTables/pivotTable1.xml", "<pivotTableDefinition/>");
    const { unsupported } = await readXlsx(await zip.generateAsync({ type: "uint8array" }));
    expect(unsupported.sort()).toEqual(["diagram", "pivottabeller"]);
  });

  it("reports nothing unsupported for a plain workbook", async () => {
    const { unsupported } = await readXlsx(await saveXlsx(writeTemplate(sampleWorkbook())));
    expect(unsupported).toEqual([]);
  });

  it("rejects bytes that are not an .xlsx file", async () => {
    await expect(readXlsx(new TextEncoder().encode("Vad;Uppföljning\n"))).rejects.toThrow();
  });
});
