/**
 * Infoga mall patched into a package (src/file/ooxml/patchTemplateSheet.ts), on every workbook
 * saved by Microsoft Excel (test/fixtures/excel-files): a new sheet with the template's tables
 * is added and nothing of the user's changes — every part byte for byte, except the workbook,
 * its rels, the content types and styles.xml, whose every element is still there. The tables
 * are real Excel tables (unique ids and names), read back by Balans's reader and by ExcelJS.
 */
import { readdirSync } from "node:fs";
import JSZip from "jszip";
import { prepare } from "../../../../src/app/prepare";
import { uniqueSheetName, uniqueTableName } from "../../../../src/app/workbookGuards";
import { defaultOptions } from "../../../../src/domain";
import { columnLetter } from "../../../../src/domain/columnLetter";
import { sampleTemplate, TEMPLATE_SHEET_NAME } from "../../../../src/domain/sampleWorkbook";
import type { TemplateSheet } from "../../../../src/domain/template";
import type { Plan } from "../../../../src/domain/types";
import { openPackage, type OoxmlPackage } from "../../../../src/file/ooxml/openPackage";
import { PackageParts } from "../../../../src/file/ooxml/packageParts";
import { patchPackage } from "../../../../src/file/ooxml/patchPackage";
import { tablesInUse } from "../../../../src/file/ooxml/patchTemplateSheet";
import { readWorkbookData } from "../../../../src/file/ooxml/readWorkbookData";
import { readXlsx, tableModels } from "../../../../src/file/readXlsx";
import { fixture, FIXTURES, missingFrom, signatures } from "./patchFixtures";

const FILES = readdirSync(FIXTURES).filter((f) => f.endsWith(".xlsx")).sort();

/** The template sheet as the preview names it for this package (the Excel adapter's rules). */
function templateFor(bytes: Uint8Array, withSample: boolean): TemplateSheet {
  const parts = new PackageParts(openPackage(bytes), {});
  const first = sampleTemplate(withSample).sheets[0];
  if (first === undefined) throw new Error("no template sheet");
  const taken = [...tablesInUse(parts).names];
  const tables = first.tables.map((t) => {
    const name = uniqueTableName(t.name, taken);
    taken.push(name);
    return { ...t, name };
  });
  return { name: uniqueSheetName(first.name, parts.sheets().map((s) => s.name)), tables };
}

const planWith = (templateSheet: TemplateSheet): Plan => ({ statusColumns: [], summary: null, names: [], removeNames: [], templateSheet });

/** The parts Infoga mall may edit (appending only). */
function editable(pkg: OoxmlPackage): Set<string> {
  const wb = pkg.workbookPart();
  const styles = pkg.rels(wb).find((r) => r.type.endsWith("/styles"))?.target;
  return new Set(["[Content_Types].xml", wb, pkg.relsPartName(wb), ...(styles === undefined ? [] : [styles])]);
}

describe("Infoga mall patched into Excel-saved workbooks", () => {
  it("has the fixtures", () => {
    expect(FILES.length).toBeGreaterThanOrEqual(19);
  });

  it.each(FILES)("%s: adds the sheet and its tables; every other part stays byte for byte", (file) => {
    const input = fixture(file);
    const template = templateFor(input, true);
    const output = patchPackage(input, planWith(template));
    const before = openPackage(input);
    const after = openPackage(output);
    const edited = editable(before);
    for (const e of before.entries) {
      if (e.name.endsWith("/")) continue;
      expect({ part: e.name, kept: after.has(e.name) }).toEqual({ part: e.name, kept: true });
      if (edited.has(e.name)) {
        expect({ part: e.name, missing: missingFrom(signatures(before.text(e.name)), signatures(after.text(e.name))) }).toEqual({ part: e.name, missing: [] });
      } else {
        expect({ part: e.name, same: Buffer.from(after.bytes(e.name)).equals(Buffer.from(before.bytes(e.name))) }).toEqual({ part: e.name, same: true });
      }
    }

    // Balans reads the new sheet as it reads the sample: the same tables, cells and analysis.
    const data = readWorkbookData(output);
    const sheet = data.sheets.find((s) => s.name === template.name);
    expect(sheet).toBeDefined();
    const first = template.tables[0]!;
    const at = (row: number, col: number) => sheet?.values[row - (sheet?.top ?? 1)]?.[col - (sheet?.left ?? 1)] ?? null;
    expect(first.headers.map((_, i) => at(first.top, first.left + i))).toEqual(first.headers);
    expect(sheet?.tables.map((t) => t.name).sort()).toEqual(template.tables.map((t) => t.name).sort());
    const analysis = prepare(data, defaultOptions("2024-11-15"), "report", {}, { plan: false }).analysis;
    const ours = analysis.tables.filter((t) => t.sheet === template.name);
    expect(ours.map((t) => t.table).sort()).toEqual(template.tables.map((t) => t.name).sort());

    // Table ids unique in the workbook; names unique among tables and defined names.
    const inUse = tablesInUse(new PackageParts(after, {}));
    expect(new Set(inUse.ids).size).toBe(inUse.ids.length);
    const tableNames = inUse.names.map((n) => n.toLowerCase());
    for (const t of template.tables) expect(tableNames.filter((n) => n === t.name.toLowerCase()).length).toBe(2); // name and displayName
  });

  it("gives a second insertion its own names and ids, and refuses a name already taken", () => {
    const once = patchPackage(fixture(FILES[0]!), planWith(templateFor(fixture(FILES[0]!), false)));
    const again = templateFor(once, false);
    expect(again.name).toBe(`${TEMPLATE_SHEET_NAME} (2)`);
    expect(again.tables.map((t) => t.name)).toContain("Balanslista_2");
    const twice = patchPackage(once, planWith(again));
    const inUse = tablesInUse(new PackageParts(openPackage(twice), {}));
    expect(new Set(inUse.ids).size).toBe(inUse.ids.length);
    expect(inUse.ids.length).toBe(2 * again.tables.length + tablesInUse(new PackageParts(openPackage(fixture(FILES[0]!)), {})).ids.length);

    const clash = templateFor(fixture(FILES[0]!), false);
    expect(() => patchPackage(once, planWith({ ...clash, name: "Nytt blad" }))).toThrow(/table name .* is taken/u);
    expect(() => patchPackage(once, planWith(again.tables.length > 0 ? { ...again, name: TEMPLATE_SHEET_NAME } : again))).toThrow(/already has a sheet/u);
  });

  it("adds no sheet to a workbook whose structure is locked, and says so in Swedish and English", async () => {
    const zip = await JSZip.loadAsync(fixture(FILES[0]!));
    const workbook = zip.file("xl/workbook.xml");
    const xml = (await workbook!.async("string")).replace(/(<sheets[\s>])/u, '<workbookProtection lockStructure="1"/>$1');
    expect(xml).toContain("lockStructure");
    zip.file("xl/workbook.xml", xml);
    const locked = await zip.generateAsync({ type: "uint8array" });
    let thrown: unknown = null;
    try {
      patchPackage(locked, planWith(templateFor(locked, false)));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toMatchObject({ message: expect.stringContaining("struktur är låst"), messageEn: expect.stringContaining("structure is locked") });
  });

  it("writes tables ExcelJS reads back, with the template's cells, formats and drop-down lists", async () => {
    const input = fixture(FILES[0]!);
    const template = templateFor(input, true);
    const { workbook } = await readXlsx(patchPackage(input, planWith(template)));
    const ws = workbook.getWorksheet(template.name);
    expect(ws).toBeDefined();
    const tables = tableModels(ws!);
    expect(tables.map((t) => t.name).sort()).toEqual(template.tables.map((t) => t.name).sort());
    for (const t of template.tables) {
      const model = tables.find((m) => m.name === t.name);
      expect(model?.tableRef).toBe(`${columnLetter(t.left)}${t.top}:${columnLetter(t.left + t.headers.length - 1)}${t.top + Math.max(1, t.rows.length)}`);
      t.headers.forEach((h, i) => expect(ws!.getCell(t.top, t.left + i).value).toBe(h));
      t.rows.slice(0, 3).forEach((row, r) => row.forEach((v, i) => expect(ws!.getCell(t.top + 1 + r, t.left + i).value ?? null).toEqual(v ?? null)));
      for (const f of t.numberFormats) {
        const i = t.headers.indexOf(f.header);
        if (typeof ws!.getCell(t.top + 1, t.left + i).value !== "string") expect(ws!.getCell(t.top + 1, t.left + i).numFmt).toBe(f.format);
      }
      for (const v of t.validations) {
        const i = t.headers.indexOf(v.header);
        if (i < 0 || v.values.some((x) => x.includes(","))) continue;
        expect(ws!.getCell(t.top + 1, t.left + i).dataValidation).toMatchObject({ type: "list", formulae: [`"${v.values.join(",")}"`] });
      }
    }
  });
});
