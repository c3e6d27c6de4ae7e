/**
 * The streaming sheet patcher (src/file/ooxml/sheetStream.ts) against the DOM path it replaces:
 * on hand-made sheets (every place a cell or row can go, prefixes, self-closing elements, chunk
 * boundaries anywhere) and on workbooks saved by Microsoft Excel with the balanslista typed into
 * their first sheet, both paths must give the same XML; untouched rows keep their bytes; what the
 * stream does not take falls back to the DOM.
 */
import { readdirSync } from "node:fs";
import { DOMParser, XMLSerializer, type Node } from "@xmldom/xmldom";
import { prepare } from "../../../../src/app/prepare";
import { nativeDeflater } from "../../../../src/cli/nativeDeflate";
import { defaultOptions } from "../../../../src/domain";
import { openPackage } from "../../../../src/file/ooxml/openPackage";
import { patchPackage } from "../../../../src/file/ooxml/patchPackage";
import type { CellWrite } from "../../../../src/file/ooxml/patchSheet";
import { parseDom, serializeXml } from "../../../../src/file/ooxml/patchXml";
import { MINIMAL_STYLES, StyleBook } from "../../../../src/file/ooxml/patchStyles";
import { readWorkbookData } from "../../../../src/file/ooxml/readWorkbookData";
import { applySheetEditToDom, type SheetEdit } from "../../../../src/file/ooxml/sheetEdit";
import { StreamFallback, streamSheetEdit } from "../../../../src/file/ooxml/sheetStream";
import { fixture, FIXTURES, withBalanslistaInFirstSheet } from "./patchFixtures";

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** The same document written the same way: parsed and serialised again (attribute order kept). */
function canonical(xml: string): string {
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  // Whitespace-only text between elements is not content (the DOM path may add or keep it).
  const strip = (n: Node) => {
    for (let c = n.firstChild; c !== null; ) {
      const next = c.nextSibling;
      if (c.nodeType === 3 && (c.nodeValue ?? "").trim() === "" && n.childNodes.length > 1) n.removeChild(c);
      else strip(c);
      c = next;
    }
  };
  strip(doc);
  return new XMLSerializer().serializeToString(doc);
}

function styles(): StyleBook {
  return new StyleBook(parseDom(MINIMAL_STYLES, "xl/styles.xml"));
}

function chunked(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

function stream(xml: string, edit: SheetEdit, chunkSize = xml.length): { xml: string; removedFormula: boolean } {
  const pieces: Buffer[] = [];
  const r = streamSheetEdit("xl/worksheets/sheet1.xml", chunked(xml, Math.max(1, chunkSize)), edit, styles(), (p) => pieces.push(Buffer.from(p)));
  return { xml: Buffer.concat(pieces).toString("utf8"), removedFormula: r.removedFormula };
}

function dom(xml: string, edit: SheetEdit): { xml: string; removedFormula: boolean } {
  const doc = parseDom(xml, "xl/worksheets/sheet1.xml");
  const r = applySheetEditToDom(doc, edit, styles());
  return { xml: serializeXml(doc), removedFormula: r.removedFormula };
}

const edit = (writes: CellWrite[], extra: Partial<SheetEdit> = {}): SheetEdit => ({ sheet: "Blad1", writes, mustBeEmpty: [], widths: [], rules: [], ...extra });
const text = (row: number, col: number, value: string, style = 0): CellWrite => ({ row, col, value, style });

const SHEET = (cells: string, extra = "") =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="${NS}" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
  `<dimension ref="A1:C4"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
  `<sheetData>${cells}</sheetData>${extra}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;

const ROWS =
  `<row r="1" spans="1:3" x14ac:dyDescent="0.25"><c r="A1" t="s"><v>0</v></c><c r="C1" s="2"><v>1.5</v></c></row>` +
  `<row r="3" spans="1:3" ht="20" customHeight="1"><c r="A3"><f>1+1</f><v>2</v></c><c r="B3" s="4" t="str"><f>"x"</f><v>x</v></c><c r="D3" s="1"/></row>` +
  `<row r="4" s="3" customFormat="1"/>`;

describe("streamSheetEdit: the same XML as the DOM path", () => {
  const cases: [string, string, SheetEdit][] = [
    ["a new cell between, before and after existing cells", SHEET(ROWS), edit([text(1, 2, "Försenad", 5), text(3, 1, "ny"), text(1, 9, "sist")])],
    ["new rows before, between and after the existing rows", SHEET(ROWS), edit([text(2, 2, "mellan"), text(7, 1, "efter"), text(1, 4, "rad 1")])],
    ["a row written first, before row 1 of a sheet starting at row 3", SHEET(`<row r="3"><c r="A3"><v>1</v></c></row>`), edit([text(1, 1, "överst"), text(2, 1, "andra")])],
    ["a self-closing row gets cells", SHEET(ROWS), edit([text(4, 2, "in i rad 4", 3)])],
    ["an existing cell replaced: formula removed, attributes kept, t/cm/vm dropped", SHEET(ROWS.replace('<c r="A3">', '<c r="A3" s="7" cm="1" vm="2" x14ac:foo="1">')), edit([text(3, 1, "Planerad", 6)])],
    ["a formula written with its cached text", SHEET(ROWS), edit([{ row: 3, col: 4, value: "Försenad", formula: 'IF(H3="","",1)', style: 2 }])],
    ["a number written; a cell cleared; a clear on a missing cell does nothing", SHEET(ROWS), edit([{ row: 1, col: 3, value: 42, style: 0 }, { row: 3, col: 2, value: null, style: 0 }, { row: 9, col: 9, value: null, style: 0 }])],
    ["texts that need escaping, leading spaces, line breaks and _x escapes", SHEET(ROWS), edit([text(2, 1, ' <&> "citat"'), text(2, 2, "rad\nbrytning"), text(2, 3, "_x0041_ och \u0001")])],
    ["an empty, self-closing sheetData", SHEET("").replace("<sheetData></sheetData>", "<sheetData/>"), edit([text(2, 2, "ensam")])],
    ["a prefixed main namespace (x:)", SHEET(ROWS).replace(/<(\/?)(?!x14ac)([a-zA-Z]+)/gu, "<$1x:$2").replace(`xmlns="${NS}"`, `xmlns:x="${NS}"`).replace("<?x:xml", "<?xml"), edit([text(1, 2, "x-prefix"), text(5, 1, "ny rad")])],
    [
      "widths and dimension before the cells, rules after them",
      SHEET(ROWS, `<conditionalFormatting sqref="A1:A3"><cfRule type="expression" dxfId="0" priority="4"><formula>A1&gt;1</formula></cfRule></conditionalFormatting>`),
      edit([text(1, 7, "Balans status"), text(2, 7, "Försenad"), text(3, 7, "Planerad")], {
        widths: [{ col: 7, chars: 14 }],
        rules: [{ column: 7, headerRow: 1, sqref: "G2:G3", rules: [{ label: "Försenad", fill: "FFC7CE", font: "9C0006" }] }],
      }),
    ],
  ];

  it.each(cases)("%s", (_name, xml, e) => {
    const expected = dom(xml, e);
    const got = stream(xml, e);
    expect(canonical(got.xml)).toBe(canonical(expected.xml));
    expect(got.removedFormula).toBe(expected.removedFormula);
    // A second run over the output changes nothing more.
    expect(canonical(stream(got.xml, e).xml)).toBe(canonical(got.xml));
  });

  it.each([1, 2, 3, 7, 64])("gives the same bytes whatever the chunk size (%i characters)", (size) => {
    const [, xml, e] = cases[0] as [string, string, SheetEdit];
    expect(stream(xml, e, size).xml).toBe(stream(xml, e).xml);
    const [, xml2, e2] = cases[1] as [string, string, SheetEdit];
    expect(stream(xml2, e2, size).xml).toBe(stream(xml2, e2).xml);
  });

  it("copies untouched rows and cells byte for byte (even unusual spellings)", () => {
    const odd = `<row r="1" spans="1:3" ><c r="A1" t="s" ><v>0</v></c ></row>\n  <row r="2"><c r="A2"><v>7</v></c></row>`;
    const got = stream(SHEET(odd), edit([text(2, 2, "ny")])).xml;
    expect(got).toContain(`<row r="1" spans="1:3" ><c r="A1" t="s" ><v>0</v></c ></row>\n  <row r="2"><c r="A2"><v>7</v></c><c r="B2" t="inlineStr"><is><t>ny</t></is></c></row>`);
  });

  it("says which cell is not empty when a new owned column would go over it, and checks before writing", () => {
    const e = edit([text(1, 3, "Balans status"), text(3, 3, "x")], { mustBeEmpty: [{ row: 1, col: 3 }, { row: 3, col: 3 }] });
    expect(() => stream(SHEET(ROWS), e)).toThrow('Cellen C1 på bladet "Blad1" är inte tom');
    expect(() => dom(SHEET(ROWS), e)).toThrow('Cellen C1 på bladet "Blad1" är inte tom');
    // An empty value (<v></v>) and a style alone are empty; a formula with an empty result is not.
    const blank = SHEET(`<row r="1"><c r="C1" s="3"/></row><row r="3"><c r="C3"><v></v></c></row>`);
    expect(() => stream(blank, e)).not.toThrow();
    const emptyFormula = SHEET(`<row r="3"><c r="C3" t="str"><f>""</f><v></v></c></row>`);
    expect(() => stream(emptyFormula, e)).toThrow("Cellen C3");
  });

  it.each([
    ["a row without r", `<row><c r="A1"><v>1</v></c></row>`],
    ["rows out of order", `<row r="3"><c r="A3"><v>1</v></c></row><row r="2"><c r="A2"><v>1</v></c></row>`],
    ["a written row whose cell has no r", `<row r="1"><c><v>1</v></c></row>`],
    ["a written cell with extLst", `<row r="1"><c r="B1"><v>1</v><extLst><ext uri="{X}"/></extLst></c></row>`],
  ])("falls back to the DOM for %s", (_name, rows) => {
    const e = edit([text(1, 2, "ny")]);
    expect(() => stream(SHEET(rows), e)).toThrow(StreamFallback);
    expect(() => dom(SHEET(rows), e)).not.toThrow();
  });

  it("refuses a DOCTYPE", () => {
    expect(() => stream(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]>${SHEET(ROWS).replace(/^<\?xml[^>]*>\r\n/u, "")}`, edit([text(1, 2, "x")]))).toThrow(/DOCTYPE/u);
  });
});

const FILES = readdirSync(FIXTURES).filter((f) => f.endsWith(".xlsx")).sort();

describe.each(FILES)("%s with the balanslista typed into its first sheet", (file) => {
  const { bytes, part, headerRow } = withBalanslistaInFirstSheet(fixture(file));
  const { plan } = prepare(readWorkbookData(bytes), defaultOptions("2024-11-15"), "apply");
  const streamed = patchPackage(bytes, plan, { sheets: "stream-only" });
  const viaDom = patchPackage(bytes, plan, { sheets: "dom" });
  const a = openPackage(bytes);
  const s = openPackage(streamed);
  const d = openPackage(viaDom);

  it("the stream and the DOM path give the same parts", () => {
    expect(s.entryNames()).toEqual(d.entryNames());
    for (const name of s.entryNames()) {
      if (name.endsWith("/") || !/\.(xml|rels)$/u.test(name)) continue;
      expect({ name, xml: canonical(s.text(name)) }).toEqual({ name, xml: canonical(d.text(name)) });
    }
  });

  it("the status column is written on the user's sheet as planned (not on a protected sheet)", () => {
    const planned = plan.statusColumns.some((c) => c.headerRow === headerRow);
    const protectedSheet = /<sheetProtection\b[^>]*\bsheet="(1|true)"/u.test(a.text(part));
    if (protectedSheet) expect(planned).toBe(false);
    expect(s.text(part).includes(`<t>Balans status</t>`)).toBe(planned);
  });

  it("copies the sheet's own rows byte for byte", () => {
    const original = a.text(part);
    const rows = original.match(/<row\b[^>]*?(?:\/>|>[\s\S]*?<\/row>)/gu) ?? [];
    const output = s.text(part);
    const balans = new Set([0, 1, 2, 3, 4].map((i) => String(headerRow + i)));
    const own = rows.filter((row) => !balans.has(/\br="(\d+)"/u.exec(row)?.[1] ?? ""));
    expect(own.length).toBe(rows.length - 5);
    for (const row of own) expect(output.includes(row)).toBe(true);
  });

  it("compressed as it streams (the command line's zlib deflater), the parts are the same", () => {
    const native = openPackage(patchPackage(bytes, plan, { sheets: "stream-only", deflater: nativeDeflater }));
    expect(native.entryNames()).toEqual(s.entryNames());
    for (const name of s.entryNames()) if (!name.endsWith("/")) expect({ name, same: Buffer.from(native.bytes(name)).equals(Buffer.from(s.bytes(name))) }).toEqual({ name, same: true });
  });

  it("a second run gives the same bytes", () => {
    const again = prepare(readWorkbookData(streamed), defaultOptions("2024-11-15"), "apply").plan;
    expect(Buffer.compare(Buffer.from(patchPackage(streamed, again, { sheets: "stream-only" })), Buffer.from(streamed))).toBe(0);
  });
});

it("most of the Excel-saved first sheets get their status column through the stream", () => {
  const written = FILES.filter((file) => {
    const { bytes, headerRow } = withBalanslistaInFirstSheet(fixture(file));
    return prepare(readWorkbookData(bytes), defaultOptions("2024-11-15"), "apply").plan.statusColumns.some((c) => c.headerRow === headerRow);
  });
  expect(written.length).toBeGreaterThanOrEqual(FILES.length - 3);
});
