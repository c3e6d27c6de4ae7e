/**
 * What the package patcher does beyond the status column (issues 9, 10, 11, 14): the summary's
 * charts and its rewrite in place, the calculation chain, the order of defined names, macros in an
 * .xlsm, markup-compatibility attributes, the live status column's conditional formats, the
 * since-last-check record as a custom XML part, and the agenda sheet with its print setup.
 * Inputs are Excel-saved workbooks (test/fixtures/excel-files) and the sample workbook.
 */
import { DOMParser, type Element } from "@xmldom/xmldom";
import { prepare } from "../../../../src/app/prepare";
import { defaultOptions } from "../../../../src/domain";
import { sampleWorkbook } from "../../../../src/domain/sampleWorkbook";
import type { AgendaSheetPlan, Plan } from "../../../../src/domain/types";
import { openPackage, type OoxmlPackage } from "../../../../src/file/ooxml/openPackage";
import { CHECK_RECORD_ITEM_ID, patchPackage } from "../../../../src/file/ooxml/patchPackage";
import { readWorkbookData } from "../../../../src/file/ooxml/readWorkbookData";
import { writePackage, type PackageItem } from "../../../../src/file/ooxml/writePackage";
import { saveXlsx, writeTemplate } from "../../../../src/file/writeTemplate";
import { fixture, withBalanslista } from "./patchFixtures";

function planFor(bytes: Uint8Array, today = "2024-11-15"): Plan {
  return prepare(readWorkbookData(bytes), defaultOptions(today), "apply").plan;
}

function apply(bytes: Uint8Array, today = "2024-11-15"): Uint8Array {
  return patchPackage(bytes, planFor(bytes, today));
}

function dom(xml: string) {
  return new DOMParser().parseFromString(xml, "text/xml");
}

function elements(xml: string, local: string): Element[] {
  return Array.from(dom(xml).getElementsByTagNameNS("*", local));
}

/** The part of a sheet by name. */
function sheetPart(pkg: OoxmlPackage, name: string): string {
  const wb = pkg.workbookPart();
  const sheet = elements(pkg.text(wb), "sheet").find((s) => s.getAttribute("name") === name);
  const rel = pkg.rels(wb).find((r) => r.id === sheet?.getAttribute("r:id"));
  if (rel === undefined) throw new Error(`no sheet ${name}`);
  return rel.target;
}

/** Replaces parts of a package (text), copying the rest as stored; `add` appends new parts. */
function edit(bytes: Uint8Array, change: Record<string, (text: string) => string>, add: Record<string, Uint8Array> = {}): Uint8Array {
  const pkg = openPackage(bytes);
  const enc = new TextEncoder();
  const items: PackageItem[] = pkg.entries.map((entry) => {
    const f = change[entry.name];
    return f === undefined ? { kind: "copy", entry } : { kind: "data", name: entry.name, data: enc.encode(f(pkg.text(entry.name))), time: entry.time, date: entry.date };
  });
  for (const [name, data] of Object.entries(add)) items.push({ kind: "data", name, data, time: 0, date: 0x21 });
  return writePackage(items);
}

/** Every internal relationship target of the package, resolved. */
function referenced(pkg: OoxmlPackage): Set<string> {
  const out = new Set<string>();
  for (const name of pkg.entryNames()) {
    const m = /^(.*?)_rels\/([^/]*)\.rels$/u.exec(name);
    if (m === null) continue;
    for (const r of pkg.rels(`${m[1]}${m[2]}`)) if (!r.external) out.add(r.target);
  }
  return out;
}

describe("the summary sheet's charts (issue 10) on the sample workbook", () => {
  let input: Uint8Array;
  let once: Uint8Array;
  let plan: Plan;
  beforeAll(async () => {
    input = await saveXlsx(writeTemplate(sampleWorkbook()));
    plan = planFor(input);
    once = patchPackage(input, plan);
  });

  it("draws the per-party bar chart and one column chart per planned chart, in one drawing", () => {
    const charts = plan.summary?.charts ?? [];
    expect(charts.length).toBeGreaterThan(0);
    const pkg = openPackage(once);
    const summary = sheetPart(pkg, "Balans summering");
    const drawingRel = pkg.rels(summary).find((r) => r.type.endsWith("/drawing"));
    expect(drawingRel).toBeDefined();
    const drawing = drawingRel?.target ?? "";
    const anchors = elements(pkg.text(drawing), "twoCellAnchor");
    expect(anchors).toHaveLength(1 + charts.length);
    const chartParts = pkg.rels(drawing).map((r) => r.target);
    expect(chartParts).toHaveLength(1 + charts.length);
    // The first is the bar chart of the distribution per party; then the planned column charts.
    expect(elements(pkg.text(chartParts[0] ?? ""), "barDir")[0]?.getAttribute("val")).toBe("bar");
    charts.forEach((c, i) => {
      const xml = pkg.text(chartParts[i + 1] ?? "");
      expect(elements(xml, "barDir")[0]?.getAttribute("val")).toBe("col");
      expect(elements(xml, "ser").map((s) => s.getElementsByTagNameNS("*", "tx")[0]?.textContent)).toEqual(c.series.map((s) => s.name));
      expect(xml).toContain(`<a:t>${c.title}</a:t>`);
      // Anchored at the planned cell (zero-based in DrawingML), 8 columns × 16 rows as in Excel.
      const from = anchors[i + 1]?.getElementsByTagNameNS("*", "from")[0];
      expect([from?.getElementsByTagNameNS("*", "col")[0]?.textContent, from?.getElementsByTagNameNS("*", "row")[0]?.textContent]).toEqual([
        String(c.anchor.col - 1),
        String(c.anchor.row - 1),
      ]);
    });
    for (const part of [drawing, ...chartParts]) expect(pkg.contentType(part)).toMatch(/drawing\+xml|chart\+xml/u);
  });

  it("rewrites the summary in place on the next run: same part and sheetId, old charts replaced, no orphan", () => {
    const again = apply(once);
    expect(Buffer.from(again).equals(Buffer.from(once))).toBe(true);
    // With fewer charts the surplus chart parts go, with their content types.
    const next = planFor(once);
    expect(next.summary?.existing).toBe("Balans summering");
    const fewer = patchPackage(once, { ...next, summary: next.summary === null ? null : { ...next.summary, charts: [] } });
    const a = openPackage(once);
    const b = openPackage(fewer);
    expect(sheetPart(b, "Balans summering")).toBe(sheetPart(a, "Balans summering"));
    const tag = (pkg: OoxmlPackage) => elements(pkg.text(pkg.workbookPart()), "sheet").map((s) => `${s.getAttribute("name")}#${s.getAttribute("sheetId")}`);
    expect(tag(b)).toEqual(tag(a));
    const charts = (pkg: OoxmlPackage) => pkg.entryNames().filter((n) => /^xl\/charts\/chart\d+\.xml$/u.test(n));
    expect(charts(b)).toEqual(["xl/charts/chart1.xml"]);
    expect(b.text("[Content_Types].xml").match(/\/xl\/charts\/chart\d+\.xml/gu)).toEqual(["/xl/charts/chart1.xml"]);
    const refs = referenced(b);
    for (const part of b.entryNames()) {
      if (/^xl\/(charts|drawings)\/[^/]+\.xml$/u.test(part)) expect({ part, referenced: refs.has(part) }).toEqual({ part, referenced: true });
    }
  });
});

describe("the calculation chain", () => {
  const input = withBalanslista(fixture("monthly-budget.xlsx"));

  it("stays, byte for byte, when no formula is taken away", () => {
    const out = openPackage(apply(input));
    expect(out.has("xl/calcChain.xml")).toBe(true);
    expect(Buffer.from(out.entry("xl/calcChain.xml")!.raw()).equals(Buffer.from(openPackage(input).entry("xl/calcChain.xml")!.raw()))).toBe(true);
  });

  it("is dropped (part, relationship, content type) when a status cell's formula is replaced by a label", () => {
    const once = apply(input);
    const live = planFor(once);
    const fixed: Plan = {
      ...live,
      statusColumns: live.statusColumns.map((p) => {
        const { dates: _d, conditionalFormats: _c, ...rest } = p;
        return { ...rest, cells: p.cells.map((c) => ({ row: c.row, label: c.label, fill: null, font: null })) };
      }),
    };
    const out = openPackage(patchPackage(once, fixed));
    expect(out.has("xl/calcChain.xml")).toBe(false);
    expect(out.text("xl/_rels/workbook.xml.rels")).not.toContain("calcChain");
    expect(out.text("[Content_Types].xml")).not.toContain("calcChain");
  });
});

describe("defined names", () => {
  it("are inserted where Excel keeps them: sorted case-insensitively, _ before letters", () => {
    const out = openPackage(apply(withBalanslista(fixture("monthly-budget.xlsx"))));
    const names = elements(out.text(out.workbookPart()), "definedName").map((d) => d.getAttribute("name") ?? "");
    expect(names).toEqual(["_Balans_Dates_1", "_Balans_DueSoonDays", "_Balans_ExpiringDays", "_Balans_Status_1", "_Balans_Summary", "_Balans_Version", "TotalMonthlyExpenses", "TotalMonthlyIncome"]);
  });
});

describe("an .xlsm", () => {
  const VBA = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3, 4]);
  const MACRO_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
  function xlsm(): Uint8Array {
    const base = withBalanslista(fixture("xw-outline01.xlsx"));
    return edit(
      base,
      {
        "[Content_Types].xml": (t) =>
          t
            .replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", MACRO_MAIN)
            .replace("<Default ", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default '),
        "xl/_rels/workbook.xml.rels": (t) =>
          t.replace("</Relationships>", '<Relationship Id="rId900" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'),
      },
      { "xl/vbaProject.bin": VBA },
    );
  }

  it("keeps its macros: vbaProject.bin byte for byte, its relationship and both content types", () => {
    const input = xlsm();
    const out = openPackage(apply(input));
    expect(Buffer.from(out.bytes("xl/vbaProject.bin")).equals(Buffer.from(VBA))).toBe(true);
    expect(out.contentType("xl/vbaProject.bin")).toBe("application/vnd.ms-office.vbaProject");
    expect(out.contentType(out.workbookPart())).toBe(MACRO_MAIN);
    expect(out.rels(out.workbookPart()).some((r) => r.type.endsWith("/vbaProject") && r.target === "xl/vbaProject.bin")).toBe(true);
  });
});

describe("markup compatibility in the parts Balans touches", () => {
  it("keeps mc:Ignorable, the prefixes it names and x14ac: attributes", () => {
    const input = withBalanslista(fixture("monthly-budget.xlsx"));
    const a = openPackage(input);
    const b = openPackage(apply(input));
    for (const part of ["xl/styles.xml", a.workbookPart()]) {
      const before = dom(a.text(part)).documentElement!;
      const after = dom(b.text(part)).documentElement!;
      const ignorable = before.getAttribute("mc:Ignorable") ?? "";
      expect({ part, ignorable }).toEqual({ part, ignorable: expect.stringMatching(/\w/u) });
      expect(after.getAttribute("mc:Ignorable")).toBe(ignorable);
      for (const prefix of ignorable.split(/\s+/u)) expect({ part, prefix, ns: after.getAttribute(`xmlns:${prefix}`) }).toEqual({ part, prefix, ns: before.getAttribute(`xmlns:${prefix}`) });
    }
    const fonts = (pkg: OoxmlPackage) => /<fonts [^>]*>/u.exec(pkg.text("xl/styles.xml"))?.[0] ?? "";
    expect(fonts(a)).toContain("x14ac:knownFonts");
    expect(fonts(b)).toContain("x14ac:knownFonts");
    expect(b.text(a.workbookPart())).toContain("<mc:AlternateContent");
  });
});

describe("the live status column's rules (issue 11)", () => {
  it("replaces Balans's earlier rules on the column, keeps the user's, and keeps priorities unique", () => {
    const input = withBalanslista(fixture("monthly-budget.xlsx"));
    const once = apply(input);
    const part = sheetPart(openPackage(once), "Balanslista");
    // An earlier Balans rule (another dxf index, as Excel renumbers them), a user's rule on the
    // status column that is not Balans's, and a user's rule on another column.
    const seeded = edit(once, {
      [part]: (t) =>
        t.replace(
          "<conditionalFormatting ",
          '<conditionalFormatting sqref="G2:G5"><cfRule type="cellIs" dxfId="0" priority="7" operator="equal"><formula>"Snart"</formula></cfRule></conditionalFormatting>' +
            '<conditionalFormatting sqref="G2:G5"><cfRule type="containsBlanks" dxfId="0" priority="8"><formula>LEN(TRIM(G2))=0</formula></cfRule></conditionalFormatting>' +
            '<conditionalFormatting sqref="A2:A5"><cfRule type="cellIs" dxfId="0" priority="9" operator="equal"><formula>"Försenad"</formula></cfRule></conditionalFormatting>' +
            "<conditionalFormatting ",
        ),
    });
    const out = apply(seeded);
    const xml = openPackage(out).text(part);
    const blocks = elements(xml, "conditionalFormatting").map((cf) => ({
      sqref: cf.getAttribute("sqref"),
      rules: Array.from(cf.getElementsByTagNameNS("*", "cfRule")).map((r) => `${r.getAttribute("type")}:${r.textContent}`),
    }));
    expect(blocks).toEqual([
      { sqref: "G2:G5", rules: ["cellIs:\"Försenad\"", "cellIs:\"Snart\"", "cellIs:\"Planerad\"", "cellIs:\"Klar\"", "cellIs:\"Datum saknas\""] },
      { sqref: "G2:G5", rules: ["containsBlanks:LEN(TRIM(G2))=0"] },
      { sqref: "A2:A5", rules: ["cellIs:\"Försenad\""] },
    ]);
    const priorities = elements(xml, "cfRule").map((r) => r.getAttribute("priority"));
    expect(new Set(priorities).size).toBe(priorities.length);
    // The user's rules keep their priorities; Balans's follow them.
    expect(priorities).toEqual(["10", "11", "12", "13", "14", "8", "9"]);
    expect(Buffer.from(apply(out)).equals(Buffer.from(out))).toBe(true);
  });

  it("places the rules where CT_Worksheet wants them: after mergeCells, before dataValidations and pageMargins", () => {
    const input = withBalanslista(fixture("monthly-budget.xlsx"));
    const part = sheetPart(openPackage(input), "Balanslista");
    const seeded = edit(input, {
      [part]: (t) =>
        t.replace("</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="J1:K1"/></mergeCells><dataValidations count="1"><dataValidation type="list" sqref="J2"><formula1>"a,b"</formula1></dataValidation></dataValidations>'),
    });
    const root = dom(openPackage(apply(seeded)).text(part)).documentElement!;
    const order = Array.from(root.childNodes)
      .filter((n) => n.nodeType === 1)
      .map((n) => (n as Element).localName);
    expect(order.slice(order.indexOf("sheetData"))).toEqual(["sheetData", "mergeCells", "conditionalFormatting", "dataValidations", "pageMargins", "tableParts"]);
  });
});

describe("the since-last-check record (issue 11)", () => {
  const input = withBalanslista(fixture("monthly-budget.xlsx"));

  it("is a custom XML part beside SharePoint's, read back by the reader, replaced in place the next time", () => {
    const once = apply(input);
    const a = openPackage(once);
    const item = a.rels(a.workbookPart()).filter((r) => r.type.endsWith("/customXml")).map((r) => r.target);
    // monthly-budget.xlsx has SharePoint's item1; Balans's is item2.
    expect(item).toEqual(["customXml/item1.xml", "customXml/item2.xml"]);
    expect(Buffer.from(a.entry("customXml/item1.xml")!.raw()).equals(Buffer.from(openPackage(input).entry("customXml/item1.xml")!.raw()))).toBe(true);
    expect(a.text("customXml/item2.xml")).toMatch(/^<\?xml [^>]*\?>\r\n<balansCheck xmlns="urn:balans:check:1">\{"version":1,/u);
    expect(a.text("customXml/itemProps2.xml")).toContain(`ds:itemID="${CHECK_RECORD_ITEM_ID}"`);
    expect(a.contentType("customXml/itemProps2.xml")).toBe("application/vnd.openxmlformats-officedocument.customXmlProperties+xml");
    expect(a.rels("customXml/item2.xml")).toEqual([expect.objectContaining({ target: "customXml/itemProps2.xml" })]);
    expect(JSON.parse(readWorkbookData(once).checkRecord ?? "null")).toMatchObject({ checks: [{ date: "2024-11-15" }] });

    // A month later: the same part gets both checks; no second part.
    const later = apply(once, "2024-12-20");
    const b = openPackage(later);
    expect(b.entryNames().filter((n) => n.startsWith("customXml/"))).toEqual(a.entryNames().filter((n) => n.startsWith("customXml/")));
    expect(JSON.parse(readWorkbookData(later).checkRecord ?? "null").checks.map((c: { date: string }) => c.date).sort()).toEqual(["2024-11-15", "2024-12-20"]);
  });

  it("is found by its namespace only: a part with another namespace is not Balans's", () => {
    const once = apply(input);
    const foreign = edit(once, { "customXml/item2.xml": (t) => t.replace("urn:balans:check:1", "urn:other:1") });
    expect(readWorkbookData(foreign).checkRecord).toBeUndefined();
  });
});

describe("the agenda sheet (issue 14)", () => {
  const agenda = (existing: string | null): AgendaSheetPlan => ({
    name: "Underlag SVOM 2024-12-06",
    existing,
    cells: [
      { row: 1, col: 1, value: "Underlag SVOM 2024-12-06", bold: true },
      { row: 4, col: 1, value: "Prioriterat område", bold: true },
      { row: 5, col: 1, value: "=inte en formel" },
      { row: 5, col: 5, value: "Balanslista rad 2", link: { sheet: "Balanslista", address: "A2" } },
    ],
    columnWidths: [30, 12],
    print: { orientation: "landscape", paperSize: "A4", repeatRow: 4, fitToPagesWide: 1 },
  });

  it("is written print-ready (A4 landscape, one page wide, row 4 on every page) and rewritten in place", () => {
    const input = withBalanslista(fixture("monthly-budget.xlsx"));
    const once = patchPackage(input, { statusColumns: [], summary: null, agendaSheet: agenda(null) });
    const a = openPackage(once);
    const part = sheetPart(a, "Underlag SVOM 2024-12-06");
    const xml = a.text(part);
    expect(xml).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(xml).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    expect(xml).toContain("<t>=inte en formel</t>");
    expect(xml).toContain(`<hyperlink ref="E5" location="'Balanslista'!A2" display="Balanslista rad 2"/>`);
    const sheets = elements(a.text(a.workbookPart()), "sheet").map((s) => s.getAttribute("name"));
    const index = sheets.indexOf("Underlag SVOM 2024-12-06");
    const titles = elements(a.text(a.workbookPart()), "definedName").filter((d) => d.getAttribute("name") === "_xlnm.Print_Titles");
    expect(titles.map((d) => [d.getAttribute("localSheetId"), d.textContent])).toEqual([[String(index), "'Underlag SVOM 2024-12-06'!$4:$4"]]);

    const twice = patchPackage(once, { statusColumns: [], summary: null, agendaSheet: agenda("Underlag SVOM 2024-12-06") });
    expect(Buffer.from(twice).equals(Buffer.from(once))).toBe(true);
    const b = openPackage(twice);
    expect(sheetPart(b, "Underlag SVOM 2024-12-06")).toBe(part);
  });
});
