import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { sampleWorkbook } from "../../../../src/domain/sampleWorkbook";
import type { CellValue, SheetData, WorkbookData } from "../../../../src/domain/types";
import { nativeInflateRaw } from "../../../../src/cli/nativeInflate";
import { saveXlsx, writeTemplate } from "../../../../src/file/writeTemplate";
import type { InflateRaw } from "../../../../src/file/ooxml/openPackage";
import { PackageError } from "../../../../src/file/ooxml/packageError";
import { readWorkbookData } from "../../../../src/file/ooxml/readWorkbookData";
import { parseCellRef } from "../../../../src/file/ooxml/readWorksheet";
import { toWorkbookData } from "../../../../src/file/readXlsx";
import { readXlsxData } from "../../../../src/file/readXlsxData";
import ExcelJS from "exceljs";
import { buildXlsx, MAIN, type SheetSpec, type WorkbookSpec } from "./buildXlsx";

function sheet(data: WorkbookData, name: string): SheetData {
  const s = data.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** The value at an A1 address (a missing entry is an empty cell). */
function at(s: SheetData, address: string): CellValue {
  const ref = parseCellRef(address);
  if (!ref) throw new Error(address);
  return s.values[ref.row - s.top]?.[ref.col - s.left] ?? null;
}

const rows = (xml: string): string => `<sheetData>${xml}</sheetData>`;
const one = (sheetSpec: Omit<SheetSpec, "name">, spec: Omit<WorkbookSpec, "sheets"> = {}): SheetData =>
  sheet(readWorkbookData(buildXlsx({ ...spec, sheets: [{ name: "Blad1", ...sheetSpec }] })), "Blad1");

/** Styles: xf 0 General, 1 built-in 14, 2 custom yyyy-mm-dd, 3 [h]:mm, 4 built-in 46, 5 custom "kr" number. */
const STYLES =
  '<numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="165" formatCode="[h]:mm"/><numFmt numFmtId="166" formatCode="#,##0 &quot;kr&quot;"/></numFmts>' +
  '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
  '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="46"/><xf numFmtId="166"/></cellXfs>';

describe("readWorkbookData: cell types", () => {
  const s = one(
    {
      body: rows(
        '<row r="1">' +
          '<c r="A1" t="s"><v>0</v></c>' +
          '<c r="B1" t="inlineStr"><is><r><t>Fet </t></r><r><rPr><b/></rPr><t xml:space="preserve">och vanlig</t></r></is></c>' +
          '<c r="C1" t="str"><f>"x"&amp;"y"</f><v>xy</v></c>' +
          '<c r="D1" t="b"><v>1</v></c>' +
          '<c r="E1" t="b"><v>0</v></c>' +
          '<c r="F1" t="e"><v>#DIV/0!</v></c>' +
          '<c r="G1" t="d"><v>2024-03-15T00:00:00</v></c>' +
          '<c r="H1"><v>1500.5</v></c>' +
          '<c r="I1" s="1"><v>45611</v></c>' +
          '<c r="J1" s="2"><v>45292.75</v></c>' +
          '<c r="K1" s="3"><v>1.5</v></c>' +
          '<c r="L1" s="4"><v>45292</v></c>' +
          '<c r="M1" s="5"><v>45292</v></c>' +
          "</row>" +
          '<row r="2">' +
          '<c r="A2"><f t="shared" ref="A2:C2" si="0">H1*2</f><v>3001</v></c>' +
          '<c r="B2" t="b"><f t="shared" si="1"/><v>1</v></c>' +
          '<c r="C2" t="e"><f t="shared" si="0"/><v>#N/A</v></c>' +
          '<c r="D2"><f>SUM(X1:X9)</f></c>' +
          '<c r="E2"><f t="array" ref="E2">SUM(H1:H1)</f><v>0</v></c>' +
          '<c r="F2" t="str"><f>""</f><v></v></c>' +
          '<c r="G2" s="1"/>' +
          '<c r="H2" t="s"><v>1</v></c>' +
          '<c r="I2" t="inlineStr"><is><t>_x000D_ny rad</t></is></c>' +
          "</row>",
      ),
    },
    { sharedStrings: ["<si><t>Vad</t></si>", "<si><t xml:space=\"preserve\"> </t></si>"], styles: STYLES },
  );

  it("reads shared and inline strings (rich runs joined) and formula text", () => {
    expect(at(s, "A1")).toBe("Vad");
    expect(at(s, "B1")).toBe("Fet och vanlig");
    expect(at(s, "C1")).toBe("xy");
    expect(at(s, "H2")).toBe(" ");
    expect(at(s, "I2")).toBe("\rny rad");
  });

  it("reads booleans as true/false and errors as {error}", () => {
    expect(at(s, "D1")).toBe(true);
    expect(at(s, "E1")).toBe(false);
    expect(at(s, "F1")).toEqual({ error: "#DIV/0!" });
  });

  it('reads an ISO date cell (t="d") as its date, not as a number or a year', () => {
    expect(at(s, "G1")).toEqual({ date: "2024-03-15" });
  });

  it("reads numbers, and numbers with a date format as dates (time of day dropped)", () => {
    expect(at(s, "H1")).toBe(1500.5);
    expect(at(s, "I1")).toEqual({ date: "2024-11-15" });
    expect(at(s, "J1")).toEqual({ date: "2024-01-01" });
  });

  it("keeps elapsed-time and currency formats as numbers", () => {
    expect(at(s, "K1")).toBe(1.5);
    expect(at(s, "L1")).toBe(45292);
    expect(at(s, "M1")).toBe(45292);
  });

  it("counts a formula by its cached value, shared and array formulas alike", () => {
    expect(at(s, "A2")).toBe(3001);
    expect(at(s, "B2")).toBe(true);
    expect(at(s, "C2")).toEqual({ error: "#N/A" });
    expect(at(s, "E2")).toBe(0);
    expect(at(s, "F2")).toBe("");
  });

  it("gives null for a formula without a cached value and for a cell with only a style", () => {
    expect(at(s, "D2")).toBeNull();
    expect(at(s, "G2")).toBeNull();
    expect(s.values[1]).toHaveLength(9);
  });
});

describe("readWorkbookData: shared strings", () => {
  it("leaves phonetic runs out of shared and inline strings", () => {
    const s = one(
      {
        body: rows(
          '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></is></c></row>',
        ),
      },
      {
        sharedStrings: [
          '<si><r><t>Prioriterat </t></r><r><t>område</t></r><rPh sb="0" eb="1"><t>ユウセン</t></rPh><phoneticPr fontId="1"/></si>',
        ],
      },
    );
    expect(at(s, "A1")).toBe("Prioriterat område");
    expect(at(s, "B1")).toBe("東京");
  });

  it("reads a workbook whose shared-strings part is an empty <sst/>", () => {
    const s = one(
      { body: rows('<row r="1"><c r="A1"><v>5</v></c></row>') },
      { sharedStrings: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}" count="0" uniqueCount="0"/>` },
    );
    expect(s.values).toEqual([[5]]);
  });

  it("reads a UTF-16 part with a byte order mark", () => {
    const xml = `<?xml version="1.0" encoding="UTF-16"?><sst xmlns="${MAIN}"><si><t>Överenskommelse/avtal</t></si></sst>`;
    const utf16 = new Uint8Array(2 + xml.length * 2);
    utf16[0] = 0xff;
    utf16[1] = 0xfe;
    for (let i = 0; i < xml.length; i++) {
      utf16[2 + i * 2] = xml.charCodeAt(i) & 0xff;
      utf16[3 + i * 2] = xml.charCodeAt(i) >> 8;
    }
    const data = readWorkbookData(
      buildXlsx({
        sheets: [{ name: "Avtal", body: rows('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') }],
        sharedStrings: [],
        parts: { "xl/sharedStrings.xml": utf16 },
      }),
    );
    expect(at(sheet(data, "Avtal"), "A1")).toBe("Överenskommelse/avtal");
  });
});

describe("readWorkbookData: dates", () => {
  const dates = (serials: number[], head = ""): CellValue[] => {
    const cells = serials.map((n, i) => `<c r="${String.fromCharCode(65 + i)}1" s="1"><v>${n}</v></c>`).join("");
    return one({ body: rows(`<row r="1">${cells}</row>`) }, { styles: STYLES, workbookHead: head }).values[0] ?? [];
  };

  it("counts the 1900 system with Excel's fictitious 1900-02-29 (serial 60 read as 1900-02-28)", () => {
    expect(dates([1, 59, 60, 61, 45292])).toEqual([
      { date: "1900-01-01" },
      { date: "1900-02-28" },
      { date: "1900-02-28" },
      { date: "1900-03-01" },
      { date: "2024-01-01" },
    ]);
  });

  it("adds 1462 days in the 1904 date system", () => {
    const head = '<workbookPr date1904="1"/>';
    expect(dates([0, 1, 43830], head)).toEqual([{ date: "1904-01-01" }, { date: "1904-01-02" }, { date: "2024-01-01" }]);
    const data = readWorkbookData(buildXlsx({ sheets: [{ name: "A" }], workbookHead: head }));
    expect(data.date1904).toBe(true);
  });

  it("keeps a date-formatted number that is no date (negative) as a number", () => {
    expect(dates([-5])).toEqual([-5]);
  });
});

describe("readWorkbookData: sheets, names, protection, merges, tables", () => {
  const data = readWorkbookData(
    buildXlsx({
      workbookHead: '<workbookPr defaultThemeVersion="124226"/><workbookProtection lockStructure="1"/>',
      workbookTail:
        '<definedNames><definedName name="_Balans_Summary" hidden="1">\'Balans summering\'!$A$1</definedName>' +
        '<definedName name="_xlnm.Print_Area" localSheetId="2">Lista!$A$1:$F$9</definedName>' +
        '<definedName name="Gräns">"v1;30;90"</definedName></definedNames>',
      sheets: [
        { name: "Dold", state: "hidden", body: rows('<row r="1"><c r="A1"><v>1</v></c></row>') },
        { name: "Diagram", kind: "chartsheet" },
        {
          name: "Lista",
          body:
            rows(
              '<row r="3"><c r="A3" t="inlineStr"><is><t>Rubrik</t></is></c><c r="B3" t="inlineStr"><is><t>gömd</t></is></c></row>' +
                '<row r="4"><c r="A4" t="inlineStr"><is><t>Vad</t></is></c><c r="B4" t="inlineStr"><is><t>Uppföljning</t></is></c></row>' +
                '<row r="5"><c r="A5"><v>1</v></c><c r="B5"><v>2</v></c></row>',
            ) + '<sheetProtection sheet="1" objects="1"/><mergeCells count="1"><mergeCell ref="A3:G3"/></mergeCells>',
          tables: [
            `<table xmlns="${MAIN}" id="1" name="Table1" displayName="Balanslista" ref="A4:B6" totalsRowCount="1"><tableColumns count="2"/></table>`,
            `<table xmlns="${MAIN}" id="2" name="Utan" displayName="Utan" ref="D4:E6" headerRowCount="0"><tableColumns count="2"/></table>`,
          ],
        },
        { name: "Mycket dold", state: "veryHidden", body: '<sheetProtection password="CC1A" objects="1"/>' },
      ],
    }),
  );

  it("reads every worksheet in order, leaving out chart sheets, with hidden ones marked", () => {
    expect(data.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ["Dold", true],
      ["Lista", false],
      ["Mycket dold", true],
    ]);
  });

  it("reads the structure lock and the defined names with their scope", () => {
    expect(data.structureLocked).toBe(true);
    expect(data.date1904).toBe(false);
    expect(data.names).toEqual([
      { name: "_Balans_Summary", refersTo: "'Balans summering'!$A$1", scope: null, hidden: true },
      { name: "_xlnm.Print_Area", refersTo: "Lista!$A$1:$F$9", scope: "Lista", hidden: false },
      { name: "Gräns", refersTo: '"v1;30;90"', scope: null, hidden: false },
    ]);
  });

  it('marks a sheet protected only with sheet="1"', () => {
    expect(sheet(data, "Lista").protected).toBe(true);
    expect(sheet(data, "Mycket dold").protected).toBe(false);
  });

  it("reads merges and keeps a merge's value at its top-left cell only", () => {
    const s = sheet(data, "Lista");
    expect(s.merges).toEqual([{ top: 3, left: 1, bottom: 3, right: 7 }]);
    expect(at(s, "A3")).toBe("Rubrik");
    expect(at(s, "B3")).toBeNull();
  });

  it("reads tables with a header row by their display name (totals row left out), none without one", () => {
    const s = sheet(data, "Lista");
    expect(s.tables).toEqual([{ name: "Balanslista", headerRow: 4, firstColumn: 1, rowCount: 1, columnCount: 2 }]);
    expect(s.top).toBe(3);
    expect(s.values).toHaveLength(4);
  });
});

describe("readWorkbookData: sparse sheets", () => {
  it("reads one cell at XFD1048576 as one row of one value", () => {
    const s = one({ body: rows('<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>') });
    expect(s).toEqual({
      name: "Blad1",
      top: 1048576,
      left: 16384,
      values: [["x"]],
      tables: [],
      merges: [],
      protected: false,
      hidden: false,
    });
  });

  it("shares one empty array between empty rows and keeps rows as short as their last value", () => {
    const s = one({
      body:
        '<dimension ref="A1:XFD1048576"/>' +
        rows('<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>'),
    });
    expect(s.top).toBe(1);
    expect(s.left).toBe(1);
    expect(s.values).toHaveLength(1048576);
    expect(s.values[0]).toEqual([1]);
    expect(s.values[1]).toBe(s.values[1048574]);
    expect(s.values[1]).toHaveLength(0);
    const last = s.values[1048575] ?? [];
    expect(last).toHaveLength(16384);
    expect(last[16383]).toBe(2);
    expect(last[0] ?? null).toBeNull();
  });

  it("gives each row from the sheet's leftmost column (left = the smallest column)", () => {
    const s = one({ body: rows('<row r="2"><c r="D2"><v>1</v></c></row><row r="3"><c r="B3"><v>2</v></c><c r="C3"><v>3</v></c></row>') });
    expect([s.top, s.left]).toEqual([2, 2]);
    expect(s.values).toEqual([[null, null, 1], [2, 3]]);
  });

  it("reads cells and rows without r attributes in document order", () => {
    const s = one({ body: rows('<row><c><v>1</v></c><c><v>2</v></c></row><row><c r="C2"><v>3</v></c><c><v>4</v></c></row>') });
    expect(s.values).toEqual([[1, 2], [null, null, 3, 4]]);
  });

  it("reads 130 000 rows of a six-column list without running out of stack", () => {
    const rowXml: string[] = [];
    for (let r = 1; r <= 130000; r++) {
      rowXml.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="s"><v>0</v></c><c r="C${r}"><v>1</v></c><c r="D${r}"><v>2</v></c><c r="E${r}"><v>3</v></c><c r="F${r}"><v>4</v></c></row>`);
    }
    const s = one({ body: rows(rowXml.join("")) }, { sharedStrings: ["<si><t>SVOM 3/6 2024</t></si>"] });
    expect(s.values).toHaveLength(130000);
    expect(s.values[129999]).toEqual([130000, "SVOM 3/6 2024", 1, 2, 3, 4]);
  });
});

describe("readWorkbookData: a part it cannot read names the sheet", () => {
  it("refuses a sheet that is not well-formed XML with the sheet's name", () => {
    const bytes = buildXlsx({ sheets: [{ name: "Budget 2024", body: "<sheetData><row></sheetData>" }] });
    expect(() => readWorkbookData(bytes)).toThrow(PackageError);
    try {
      readWorkbookData(bytes);
    } catch (e) {
      const err = e as PackageError;
      expect(err.code).toBe("bad-xml");
      expect(err.sheet).toBe("Budget 2024");
      expect(err.message).toMatch(/^Bladet "Budget 2024": delen xl\/worksheets\/sheet1\.xml i filen är inte giltig XML/);
    }
  });

  it("refuses an undefined entity with a Swedish message", () => {
    const bytes = buildXlsx({ sheets: [{ name: "A", body: rows('<row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row>') }] });
    expect(() => readWorkbookData(bytes)).toThrow(/inte giltig XML/);
  });

  it("refuses a sheet whose part is missing, naming the sheet", () => {
    const bytes = buildXlsx({ sheets: [{ name: "Borta" }] });
    // A workbook that names a sheet part the package does not hold.
    const broken = buildXlsx({
      sheets: [{ name: "Borta" }],
      parts: {
        "xl/_rels/workbook.xml.rels":
          '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/saknas.xml"/></Relationships>',
      },
    });
    expect(readWorkbookData(bytes).sheets).toHaveLength(1);
    expect(() => readWorkbookData(broken)).toThrow(/^Bladet "Borta": bladets del saknas i filen \(xl\/worksheets\/saknas\.xml\)/);
  });
});

/** Non-empty cells as "row,col=value" (the old readers filled blanks with null). */
function cellsOf(s: SheetData): string[] {
  const out: string[] = [];
  s.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== undefined) out.push(`${s.top + r},${s.left + c}=${JSON.stringify(v)}`);
    }),
  );
  return out;
}

describe("readWorkbookData agrees with the old readers where they were right", () => {
  it("on the sample written by ExcelJS (same cells and tables as ExcelJS's full model)", async () => {
    const bytes = await saveXlsx(writeTemplate(sampleWorkbook()));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const old = toWorkbookData(wb).sheets;
    const now = readWorkbookData(bytes).sheets;
    expect(now.map((s) => s.name)).toEqual(old.map((s) => s.name));
    now.forEach((s, i) => {
      expect(cellsOf(s)).toEqual(cellsOf(old[i]!));
      expect(s.tables).toEqual(old[i]!.tables);
    });
  });

  it("on the LibreOffice fixture", async () => {
    const bytes = new Uint8Array(readFileSync(join(__dirname, "../../../fixtures/xlsx/libreoffice-sample.xlsx")));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const old = toWorkbookData(wb).sheets;
    const now = (await readXlsxData(bytes)).sheets;
    expect(now.map((s) => s.name)).toEqual(old.map((s) => s.name));
    now.forEach((s, i) => {
      expect(cellsOf(s)).toEqual(cellsOf(old[i]!));
      expect(s.tables).toEqual(old[i]!.tables);
    });
    expect(now.find((s) => s.name === "Balanslista")?.tables[0]?.rowCount).toBe(36);
  });
});

describe("readWorkbookData: Node's zlib and fflate give the same data", () => {
  /** Every .xlsx under test/fixtures (the LibreOffice sample, the files saved by Excel, the seeds). */
  const fixtures = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? fixtures(join(dir, e.name)) : e.name.endsWith(".xlsx") ? [join(dir, e.name)] : [],
    );
  const files = fixtures(join(__dirname, "../../../fixtures"));

  it("finds the fixture workbooks", () => {
    expect(files.map((f) => f.slice(f.lastIndexOf("/") + 1))).toEqual(expect.arrayContaining(["libreoffice-sample.xlsx", "45544.xlsx"]));
  });

  it.each(files.map((f) => [f.slice(f.indexOf("fixtures/")), f]))("%s", (_name, file) => {
    const bytes = new Uint8Array(readFileSync(file));
    let calls = 0;
    const counted: InflateRaw = (data, max) => {
      calls++;
      return nativeInflateRaw(data, max);
    };
    let expected: WorkbookData | string;
    try {
      expected = readWorkbookData(bytes);
    } catch (e) {
      expected = e instanceof PackageError ? `${e.code}: ${e.message}` : String(e);
    }
    let actual: WorkbookData | string;
    try {
      actual = readWorkbookData(bytes, { inflateRaw: counted });
    } catch (e) {
      actual = e instanceof PackageError ? `${e.code}: ${e.message}` : String(e);
    }
    expect(actual).toEqual(expected);
    expect(calls).toBeGreaterThan(0);
  });

  it("reads the LibreOffice fixture's balanslista (36 rows) through zlib", () => {
    const bytes = new Uint8Array(readFileSync(join(__dirname, "../../../fixtures/xlsx/libreoffice-sample.xlsx")));
    const data = readWorkbookData(bytes, { inflateRaw: nativeInflateRaw });
    expect(data.sheets.find((s) => s.name === "Balanslista")?.tables[0]?.rowCount).toBe(36);
  });
});
