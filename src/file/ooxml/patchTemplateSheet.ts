/**
 * The template step of patchPackage.ts (Infoga mall on a package): a new worksheet with the
 * template's tables, added beside the user's sheets — the sheet part, one table part per table
 * with the sheet's relationships to them, their content types and the workbook's `<sheet>`.
 * Nothing else of the package changes except the cell formats appended to `styles.xml`. A
 * workbook whose structure is locked gets no new sheet (as in Excel): an error.
 *
 * Excel wants every table id unique in the workbook, and every table name unique among the
 * tables and the defined names (case-insensitively): ids follow the highest one in use; a name
 * already taken is an error here — the caller names the tables (the preview does it the Excel
 * adapter's way: "Balanslista_2").
 */
import type { TemplateSheet } from "../../domain/template";
import { localise } from "../../domain/messages";
import { planError, type PackageParts } from "./packageParts";
import { addSheetToWorkbook } from "./patchOwnedSheets";
import { addRelationship, child, children, CT_TABLE, CT_WORKSHEET, emptyRels, REL_TABLE, relativeTarget, rootOf, serializeXml } from "./patchXml";
import { writeTemplateSheet, type PlacedTable } from "./writeTemplateSheet";
import { parseXml, StopParsing } from "./xmlStream";

/** The workbook's tables (id, name, display name) and defined names: what a new table must not repeat. */
export function tablesInUse(parts: PackageParts): { ids: number[]; names: string[] } {
  const ids: number[] = [];
  const names: string[] = [];
  for (const sheet of parts.sheets()) {
    if (sheet.part === null || !parts.pkg.has(sheet.part)) continue;
    for (const rel of parts.pkg.rels(sheet.part)) {
      if (rel.external || !rel.type.endsWith("/table") || !parts.pkg.has(rel.target)) continue;
      parseXml(rel.target, parts.pkg.textChunks(rel.target), {
        open(name, attributes) {
          if (name !== "table") return;
          const id = Number(attributes.id);
          if (Number.isInteger(id)) ids.push(id);
          for (const n of [attributes.name, attributes.displayName]) if (n !== undefined) names.push(n);
          throw new StopParsing();
        },
      });
    }
  }
  const definedNames = child(rootOf(parts.doc(parts.workbookPart)), "definedNames");
  for (const d of definedNames === null ? [] : children(definedNames, "definedName")) names.push(d.getAttribute("name") ?? "");
  return { ids, names };
}

/** Adds the template's sheet (a new sheet named `sheet.name`) with its tables. */
export function addTemplateSheet(parts: PackageParts, sheet: TemplateSheet): void {
  const lower = sheet.name.toLocaleLowerCase("sv-SE");
  if (parts.sheets().some((s) => s.name.toLocaleLowerCase("sv-SE") === lower)) {
    throw new Error(`Balans: the workbook already has a sheet named ${sheet.name}; Infoga mall names a new one.`);
  }
  const protection = child(rootOf(parts.doc(parts.workbookPart)), "workbookProtection");
  if (protection !== null && /^(1|true)$/u.test(protection.getAttribute("lockStructure") ?? "")) {
    throw planError(localise("error.structure-locked", { sheet: sheet.name }));
  }
  const inUse = tablesInUse(parts);
  const taken = new Set(inUse.names.map((n) => n.toLowerCase()));
  let nextId = Math.max(0, ...inUse.ids) + 1;
  const part = parts.freeName("xl/worksheets/sheet", ".xml");
  const rels = emptyRels();
  const placed: PlacedTable[] = [];
  const tableParts: string[] = [];
  for (const table of sheet.tables) {
    if (table.headers.length === 0) continue;
    if (taken.has(table.name.toLowerCase())) throw new Error(`Balans: the table name ${table.name} is taken in the workbook.`);
    taken.add(table.name.toLowerCase());
    const tablePart = parts.freeName("xl/tables/table", ".xml");
    // Reserve the name before the next table asks for one.
    parts.addWhole(tablePart, "");
    tableParts.push(tablePart);
    placed.push({ table, name: table.name, id: nextId++, relId: addRelationship(rels, REL_TABLE, relativeTarget(part, tablePart)) });
  }
  const written = writeTemplateSheet(placed, parts.styleBook());
  parts.addWhole(part, written.sheetXml);
  parts.setOverride(part, CT_WORKSHEET);
  tableParts.forEach((tablePart, i) => {
    parts.addWhole(tablePart, written.tableXml[i] ?? "");
    parts.setOverride(tablePart, CT_TABLE);
  });
  if (placed.length > 0) parts.addWhole(parts.pkg.relsPartName(part), serializeXml(rels));
  addSheetToWorkbook(parts, sheet.name, part);
}
