/**
 * The package patcher on workbooks saved by Microsoft Excel (test/fixtures/excel-files, see its
 * SOURCES.md): a sheet "Balanslista" with an Excel table A1:F5 is added as a user would, then
 * `apply` (read → prepare → patch) runs twice. Nothing but Balans's own things may change.
 */
import { readdirSync } from "node:fs";
import { DOMParser } from "@xmldom/xmldom";
import { prepare } from "../../../../src/app/prepare";
import { defaultOptions } from "../../../../src/domain";
import { openPackage, type OoxmlPackage } from "../../../../src/file/ooxml/openPackage";
import { patchPackage } from "../../../../src/file/ooxml/patchPackage";
import { readWorkbookData } from "../../../../src/file/ooxml/readWorkbookData";
import { fixture, FIXTURES, missingFrom, signatures, withBalanslista } from "./patchFixtures";

const FILES = readdirSync(FIXTURES).filter((f) => f.endsWith(".xlsx")).sort();

function apply(bytes: Uint8Array): Uint8Array {
  const { plan } = prepare(readWorkbookData(bytes), defaultOptions("2024-11-15"), "apply");
  return patchPackage(bytes, plan);
}

/** Part name → sheet part of the sheet with that name. */
function sheetPart(pkg: OoxmlPackage, name: string): string {
  const wb = pkg.workbookPart();
  const doc = new DOMParser().parseFromString(pkg.text(wb), "text/xml");
  const sheet = Array.from(doc.getElementsByTagName("sheet")).find((s) => s.getAttribute("name") === name);
  const id = sheet?.getAttribute("r:id");
  const rel = pkg.rels(wb).find((r) => r.id === id);
  if (rel === undefined) throw new Error(`no sheet ${name}`);
  return rel.target;
}

interface CellInfo {
  t: string | null;
  s: string | null;
  v: string | null;
  f: string | null;
  text: string | null;
}

function cellsOf(xml: string): Map<string, CellInfo> {
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  const out = new Map<string, CellInfo>();
  for (const c of Array.from(doc.getElementsByTagName("c"))) {
    const first = (name: string) => c.getElementsByTagName(name)[0]?.textContent ?? null;
    out.set(c.getAttribute("r") ?? "", { t: c.getAttribute("t"), s: c.getAttribute("s"), v: first("v"), f: first("f"), text: first("t") });
  }
  return out;
}

describe.each(FILES)("%s with a balanslista sheet", (file) => {
  const input = withBalanslista(fixture(file));
  const first = apply(input);
  const second = apply(first);
  const a = openPackage(input);
  const b = openPackage(first);
  const balansSheet = sheetPart(a, "Balanslista");
  const tablePart = a.rels(balansSheet).find((r) => r.type.endsWith("/table"))?.target ?? "";
  const touched = new Set(["[Content_Types].xml", a.workbookPart(), a.relsPartName(a.workbookPart()), "xl/styles.xml", balansSheet, tablePart]);

  it("a second apply writes the same bytes", () => {
    expect(Buffer.compare(Buffer.from(second), Buffer.from(first))).toBe(0);
  });

  it("keeps every part; untouched parts are byte-identical and in the same order", () => {
    const before = a.entryNames();
    const after = b.entryNames();
    expect(after.slice(0, before.length)).toEqual(before);
    for (const name of before) {
      if (touched.has(name) || name.endsWith("/")) continue;
      expect({ name, same: Buffer.from(b.bytes(name)).equals(Buffer.from(a.bytes(name))) }).toEqual({ name, same: true });
      // Copied as stored: the compressed bytes are the input's.
      expect(Buffer.from(b.entry(name)!.raw()).equals(Buffer.from(a.entry(name)!.raw()))).toBe(true);
    }
  });

  it("keeps every original element and attribute of the parts it touches", () => {
    for (const name of touched) {
      if (!a.has(name)) continue;
      expect({ name, missing: missingFrom(signatures(a.text(name)), signatures(b.text(name))) }).toEqual({ name, missing: [] });
    }
  });

  it("keeps every user cell of the balanslista (value, formula, style) and writes the planned status cells", () => {
    const before = cellsOf(a.text(balansSheet));
    const after = cellsOf(b.text(sheetPart(b, "Balanslista")));
    for (const [ref, cell] of before) expect({ ref, cell: after.get(ref) }).toEqual({ ref, cell });
    // A status cell is a label (inline text) or a live formula with its cached label (t="str").
    const status = ["G1", "G2", "G3", "G4", "G5"].map((ref) => after.get(ref)?.text ?? after.get(ref)?.v);
    // 2024-11-15: 3/6 2024 is past; 31/12 2030 is planned; no date; "vår 2024" = 30 June 2024, past.
    expect(status).toEqual(["Balans status", "Försenad", "Planerad", "Datum saknas", "Försenad"]);
    // "=SUMMA(A1)" stays text.
    expect(after.get("B5")).toEqual({ t: "inlineStr", s: null, v: null, f: null, text: "=SUMMA(A1)" });
  });

  it("widens the table by the status and dates columns and records what Balans owns in hidden names", () => {
    const table = b.text(tablePart);
    expect(table).toContain('ref="A1:H5"');
    expect(table).toContain('<tableColumn id="7" name="Balans status"/><tableColumn id="8" name="Balans datum"/>');
    const wb = b.text(b.workbookPart());
    expect(wb).toMatch(/<definedName name="_Balans_Status_1"[^>]*hidden="1"[^>]*>'Balanslista'!\$G\$1<\/definedName>/u);
    expect(wb).toMatch(/<definedName name="_Balans_Dates_1"[^>]*hidden="1"[^>]*>'Balanslista'!\$H\$1<\/definedName>/u);
    expect(wb).toMatch(/<sheet name="Balans summering" sheetId="\d+" r:id="rId\d+"\/>/u);
    expect(b.text(sheetPart(b, "Balans summering"))).toContain("<t>Balans – summering</t>");
  });

  it("writes live status formulas over text dates, with rules instead of fills, and stores the check record", () => {
    const after = cellsOf(b.text(sheetPart(b, "Balanslista")));
    expect(["H1", "H2", "H3", "H4", "H5"].map((ref) => after.get(ref)?.text)).toEqual(["Balans datum", "2024-06-03", "2030-12-31", "Datum saknas", "2024-06-30"]);
    for (const ref of ["G2", "G3", "G4", "G5"]) {
      const cell = after.get(ref);
      expect(cell?.t).toBe("str");
      expect(cell?.f).toMatch(new RegExp(`^IF\\(H${ref.slice(1)}="",""`, "u"));
    }
    const sheetXml = b.text(sheetPart(b, "Balanslista"));
    expect(sheetXml).toContain('<conditionalFormatting sqref="G2:G5">');
    expect(readWorkbookData(first).checkRecord).toContain('"date":"2024-11-15"');
  });
});
