/**
 * Applies a {@link Plan} to an .xlsx package without re-creating it: the parts Balans must change
 * are parsed (DOM), edited and serialised; every other part is copied as stored, byte for byte,
 * in the same order (see writePackage.ts). Memory follows the touched parts: an untouched part
 * is never inflated.
 *
 * Touched, and only where the plan says so:
 * - a sheet that gets a status column (its cells, `<dimension>`, a width for a new column) and
 *   the table part whose table the column joins;
 * - `styles.xml` (Balans's fonts, fills, number formats and cell formats are appended or reused);
 * - the workbook part (`<definedName>`s of the ownership record; a new summary sheet's `<sheet>`),
 *   its rels and `[Content_Types].xml` when a part is added or removed;
 * - the summary sheet, a part Balans writes whole, with its drawing and chart parts.
 *
 * The calculation chain (`calcChain.xml`) lists the cells that hold formulas. Balans writes
 * status cells where the cell was empty or Balans's own, so the chain normally stays valid and is
 * copied untouched. Only when a write takes away a formula that was there (a status cell that
 * held one, or a summary sheet rewritten over formulas) is the chain dropped — its part, its
 * relationship and its content type — and Excel rebuilds it on the next calculation; a stale
 * chain that names a cell without a formula is what Excel "repairs".
 */
import type { Document, Element } from "@xmldom/xmldom";
import type { NamePlan, Plan, StatusColumnPlan, SummarySheetPlan } from "../../domain/types";
import { chartXml, drawingXml } from "./chartParts";
import { openPackage, type OoxmlPackage } from "./openPackage";
import { PackageError } from "./packageError";
import { MINIMAL_STYLES, StyleBook } from "./patchStyles";
import { addTableColumn, renameTableColumn, SheetWriter, STATUS_COLUMN_WIDTH, statusColumnWrites, tableRect } from "./patchSheet";
import {
  addRelationship,
  child,
  children,
  createLike,
  CT_CHART,
  CT_DRAWING,
  CT_STYLES,
  CT_WORKSHEET,
  emptyRels,
  insertInOrder,
  NS_CT,
  NS_REL,
  parseDom,
  REL_CALC_CHAIN,
  REL_CHART,
  REL_DRAWING,
  REL_STYLES,
  REL_TABLE,
  REL_WORKSHEET,
  relationshipsOf,
  relativeTarget,
  removeRelationships,
  rootOf,
  serializeXml,
  setText,
} from "./patchXml";
import { writePackage, type PackageItem } from "./writePackage";
import { writeSummarySheet } from "./writeSummarySheet";

/** Order of a workbook part's children (ECMA-376 CT_Workbook). */
const WORKBOOK_ORDER = [
  "fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets", "functionGroups",
  "externalReferences", "definedNames", "calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr",
  "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst",
];

const CONTENT_TYPES = "[Content_Types].xml";

/** A plan the package cannot take (a sheet or table it names is missing, a cell is not free). */
function planError(sv: string, en: string): PackageError {
  return new PackageError("damaged", sv, en);
}

interface SheetEntry {
  el: Element;
  name: string;
  part: string | null;
}

/** Applies `plan` to the package `input`; returns the new package. Throws {@link PackageError}. */
export function patchPackage(input: Uint8Array, plan: Plan): Uint8Array {
  return new Patcher(openPackage(input)).apply(plan);
}

class Patcher {
  private readonly docs = new Map<string, Document>();
  private readonly dirty = new Set<string>();
  /** Parts written whole (not parsed), by part name. */
  private readonly whole = new Map<string, string>();
  private readonly removed = new Set<string>();
  /** New part names, in the order they are added. */
  private readonly added: string[] = [];
  private readonly workbookPart: string;
  private readonly workbookRels: string;
  private styles: StyleBook | null = null;
  private stylesPart: string | null = null;
  private dropCalcChain = false;

  constructor(private readonly pkg: OoxmlPackage) {
    this.workbookPart = pkg.workbookPart();
    this.workbookRels = pkg.relsPartName(this.workbookPart);
  }

  apply(plan: Plan): Uint8Array {
    const bySheet = new Map<string, StatusColumnPlan[]>();
    for (const c of plan.statusColumns) bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), c]);
    for (const [sheet, columns] of bySheet) this.statusColumns(sheet, columns);
    if (plan.summary !== null) this.summary(plan.summary);
    this.names(plan.names ?? [], plan.removeNames ?? []);
    if (this.dropCalcChain) this.removeCalcChain();
    if (this.styles !== null && this.styles.changed && this.stylesPart !== null) this.touch(this.stylesPart);
    return this.write();
  }

  // ---- parts ----

  /** The real entry name of a part (names are case-insensitive), or the name as given. */
  private nameOf(part: string): string {
    return this.pkg.entry(part)?.name ?? part;
  }

  private exists(part: string): boolean {
    const key = part.toLowerCase();
    if (this.added.some((a) => a.toLowerCase() === key)) return true;
    return this.pkg.has(part) && ![...this.removed].some((r) => r.toLowerCase() === key);
  }

  private doc(part: string): Document {
    const name = this.nameOf(part);
    let doc = this.docs.get(name);
    if (doc === undefined) {
      doc = this.pkg.has(name) && !this.removed.has(name) ? parseDom(this.pkg.text(name), name) : name.endsWith(".rels") ? emptyRels() : parseDom("<x/>", name);
      this.docs.set(name, doc);
    }
    return doc;
  }

  private touch(part: string): void {
    const name = this.nameOf(part);
    this.dirty.add(name);
    if (!this.pkg.has(name) && !this.added.includes(name)) this.added.push(name);
  }

  private addWhole(part: string, text: string): void {
    this.whole.set(part, text);
    this.removed.delete(part);
    if (!this.pkg.has(part) && !this.added.includes(part)) this.added.push(part);
  }

  private remove(part: string): void {
    const name = this.nameOf(part);
    if (!this.pkg.has(name)) return;
    this.removed.add(name);
    this.docs.delete(name);
    this.dirty.delete(name);
    this.whole.delete(name);
    this.removeOverride(name);
    const rels = this.pkg.relsPartName(name);
    if (this.pkg.has(rels)) this.removed.add(this.nameOf(rels));
  }

  /** "xl/worksheets/sheet" + n + ".xml" with the smallest free n. */
  private freeName(prefix: string, suffix: string): string {
    for (let n = 1; ; n++) if (!this.exists(`${prefix}${n}${suffix}`)) return `${prefix}${n}${suffix}`;
  }

  // ---- content types ----

  private setOverride(part: string, contentType: string): void {
    const root = rootOf(this.doc(CONTENT_TYPES));
    const partName = `/${part}`;
    const found = children(root, "Override", NS_CT).find((o) => (o.getAttribute("PartName") ?? "").toLowerCase() === partName.toLowerCase());
    if (found !== undefined) {
      if (found.getAttribute("ContentType") === contentType) return;
      found.setAttribute("ContentType", contentType);
    } else {
      root.appendChild(createLike(root, "Override", { PartName: partName, ContentType: contentType }));
    }
    this.touch(CONTENT_TYPES);
  }

  private removeOverride(part: string): void {
    const root = rootOf(this.doc(CONTENT_TYPES));
    for (const o of children(root, "Override", NS_CT)) {
      if ((o.getAttribute("PartName") ?? "").toLowerCase() === `/${part}`.toLowerCase()) {
        root.removeChild(o);
        this.touch(CONTENT_TYPES);
      }
    }
  }

  // ---- workbook ----

  private sheets(): SheetEntry[] {
    const root = rootOf(this.doc(this.workbookPart));
    const sheetsEl = child(root, "sheets");
    const rels = relationshipsOf(this.doc(this.workbookRels));
    return (sheetsEl === null ? [] : children(sheetsEl, "sheet")).map((el) => {
      const id = el.getAttributeNS(NS_REL, "id") ?? "";
      const rel = rels.find((r) => r.id === id && !r.external);
      return { el, name: el.getAttribute("name") ?? "", part: rel === undefined ? null : this.pkg.resolveTarget(this.workbookPart, rel.target) };
    });
  }

  private sheetPart(name: string): string {
    const entry = this.sheets().find((s) => s.name === name);
    if (entry === undefined || entry.part === null || !this.pkg.has(entry.part)) {
      throw planError(`Bladet "${name}" finns inte i arbetsboken.`, `The sheet "${name}" is not in the workbook.`);
    }
    return this.nameOf(entry.part);
  }

  private styleBook(): StyleBook {
    if (this.styles !== null) return this.styles;
    const rel = relationshipsOf(this.doc(this.workbookRels)).find((r) => r.type === REL_STYLES && !r.external);
    const part = rel === undefined ? null : this.pkg.resolveTarget(this.workbookPart, rel.target);
    if (part !== null && this.pkg.has(part)) {
      this.stylesPart = this.nameOf(part);
      this.styles = new StyleBook(this.doc(this.stylesPart));
    } else {
      // A package without styles (rare; not from Excel): Excel's minimal styles part is added.
      this.stylesPart = this.exists("xl/styles.xml") ? this.freeName("xl/styles", ".xml") : "xl/styles.xml";
      this.docs.set(this.stylesPart, parseDom(MINIMAL_STYLES, this.stylesPart));
      this.styles = new StyleBook(this.doc(this.stylesPart));
      this.styles.changed = true;
      addRelationship(this.doc(this.workbookRels), REL_STYLES, relativeTarget(this.workbookPart, this.stylesPart));
      this.touch(this.workbookRels);
      this.setOverride(this.stylesPart, CT_STYLES);
    }
    return this.styles;
  }

  // ---- status columns ----

  private statusColumns(sheet: string, plans: StatusColumnPlan[]): void {
    const part = this.sheetPart(sheet);
    const writer = new SheetWriter(this.doc(part));
    const styles = this.styleBook();
    for (const plan of plans) {
      let inTable = false;
      if (plan.table !== "") {
        const tablePart = this.tablePart(part, sheet, plan.table);
        const table = this.doc(tablePart);
        const range = tableRect(table);
        if (range === null) throw planError(`Tabellen "${plan.table}" saknar område.`, `The table "${plan.table}" has no range.`);
        const inside = plan.column >= range.left && plan.column <= range.right;
        if (inside && !plan.exists) {
          throw planError(
            `Kolumnen hör redan till tabellen "${plan.table}" på bladet "${sheet}": Balans skriver inte över den.`,
            `The column already belongs to the table "${plan.table}" on the sheet "${sheet}".`,
          );
        }
        if (range.top === plan.headerRow && inside) {
          renameTableColumn(table, plan.column - range.left, plan.header);
          inTable = true;
        } else if (!plan.exists && range.top === plan.headerRow && plan.column === range.right + 1) {
          addTableColumn(table, plan.header);
          inTable = true;
        }
        this.touch(tablePart);
      }
      if (!plan.exists) {
        for (const row of [plan.headerRow, ...plan.cells.map((c) => c.row)]) {
          if (writer.hasContent(row, plan.column)) {
            throw planError(
              `Cellen i kolumn ${plan.column}, rad ${row} på bladet "${sheet}" är inte tom: Balans skriver inte över den. Flytta innehållet och kör igen.`,
              `The cell in column ${plan.column}, row ${row} on the sheet "${sheet}" is not empty.`,
            );
          }
        }
      }
      writer.write(statusColumnWrites(plan, styles, inTable));
      if (!plan.exists) writer.setColumnWidth(plan.column, STATUS_COLUMN_WIDTH);
    }
    writer.updateDimension();
    if (writer.removedFormula) this.dropCalcChain = true;
    this.touch(part);
  }

  private tablePart(sheetPart: string, sheet: string, table: string): string {
    for (const rel of this.pkg.rels(sheetPart)) {
      if (rel.type !== REL_TABLE || rel.external || !this.pkg.has(rel.target)) continue;
      const root = rootOf(this.doc(rel.target));
      if (root.getAttribute("name") === table || root.getAttribute("displayName") === table) return this.nameOf(rel.target);
    }
    throw planError(`Tabellen "${table}" finns inte på bladet "${sheet}".`, `The table "${table}" is not on the sheet "${sheet}".`);
  }

  // ---- summary sheet ----

  private summary(plan: SummarySheetPlan): void {
    const sheets = this.sheets();
    let part: string;
    if (typeof plan.existing === "string") {
      part = this.sheetPart(plan.existing);
      this.removeSheetDrawings(part);
    } else {
      const lower = plan.name.toLocaleLowerCase("sv-SE");
      const clash = sheets.find((s) => s.name.toLocaleLowerCase("sv-SE") === lower);
      if (clash !== undefined) {
        throw planError(
          `Bladet "${clash.name}" finns redan och Balans har inte skapat det: byt namn på det, så skriver Balans sin summering.`,
          `The sheet "${clash.name}" exists and was not created by Balans.`,
        );
      }
      part = this.freeName("xl/worksheets/sheet", ".xml");
    }
    const styles = this.styleBook();
    const relsPart = this.pkg.relsPartName(part);
    const chartWanted = plan.chart !== null;
    const drawingRelId = chartWanted ? "rId1" : null;
    const written = writeSummarySheet(plan, styles, drawingRelId);
    if (typeof plan.existing !== "string") {
      this.addWhole(part, written.sheetXml);
      this.setOverride(part, CT_WORKSHEET);
      this.addSheetToWorkbook(plan.name, part);
    } else {
      if (this.hasFormulas(part)) this.dropCalcChain = true;
      this.whole.set(part, written.sheetXml);
    }
    if (written.chart !== null) {
      const drawing = this.freeName("xl/drawings/drawing", ".xml");
      const chart = this.freeName("xl/charts/chart", ".xml");
      const sheetRels = emptyRels();
      addRelationship(sheetRels, REL_DRAWING, relativeTarget(part, drawing));
      this.addWhole(relsPart, serializeXml(sheetRels));
      const drawingRels = emptyRels();
      const chartRelId = addRelationship(drawingRels, REL_CHART, relativeTarget(drawing, chart));
      this.addWhole(drawing, drawingXml(written.chart.anchor, chartRelId, written.chart.series.title));
      this.addWhole(this.pkg.relsPartName(drawing), serializeXml(drawingRels));
      this.addWhole(chart, chartXml(written.chart.series));
      this.setOverride(drawing, CT_DRAWING);
      this.setOverride(chart, CT_CHART);
    } else if (this.pkg.has(relsPart)) {
      this.remove(relsPart);
    }
  }

  /** Whether an existing sheet part holds a formula (a quick look; the part is Balans's own). */
  private hasFormulas(part: string): boolean {
    return /<(?:\w+:)?f[\s>/]/u.test(this.pkg.text(part));
  }

  /** Removes the drawing parts (and their charts) of the owned summary sheet before it is written again. */
  private removeSheetDrawings(sheetPart: string): void {
    for (const rel of this.pkg.rels(sheetPart)) {
      if (rel.external || rel.type !== REL_DRAWING || !this.pkg.has(rel.target)) continue;
      for (const inner of this.pkg.rels(rel.target)) {
        if (inner.external || !this.pkg.has(inner.target)) continue;
        for (const chartRel of this.pkg.rels(inner.target)) {
          if (!chartRel.external && /^xl\/charts\//iu.test(chartRel.target)) this.remove(chartRel.target);
        }
        if (/^xl\/(charts|drawings)\//iu.test(inner.target)) this.remove(inner.target);
      }
      this.remove(rel.target);
    }
  }

  private addSheetToWorkbook(name: string, part: string): void {
    const root = rootOf(this.doc(this.workbookPart));
    const sheetsEl = child(root, "sheets") ?? insertInOrder(root, createLike(root, "sheets"), WORKBOOK_ORDER);
    const ids = children(sheetsEl, "sheet").map((s) => Number(s.getAttribute("sheetId")) || 0);
    const sheetId = Math.max(0, ...ids) + 1;
    const relId = addRelationship(this.doc(this.workbookRels), REL_WORKSHEET, relativeTarget(this.workbookPart, part));
    const prefix = root.lookupPrefix(NS_REL) ?? "r";
    const el = createLike(sheetsEl, "sheet", { name, sheetId: String(sheetId) });
    el.setAttributeNS(NS_REL, `${prefix}:id`, relId);
    sheetsEl.appendChild(el);
    this.touch(this.workbookPart);
    this.touch(this.workbookRels);
  }

  // ---- defined names (the ownership record) ----

  private names(names: readonly NamePlan[], removeNames: readonly string[]): void {
    if (names.length === 0 && removeNames.length === 0) return;
    const root = rootOf(this.doc(this.workbookPart));
    let changed = false;
    const list = child(root, "definedNames");
    const workbookScoped = (el: Element) => !el.hasAttribute("localSheetId");
    // Excel keeps names sorted case-insensitively, reading "_xlnm.Print_Area" as "Print_Area";
    // "_" sorts before letters.
    const key = (name: string) => name.replace(/^_xlnm\./iu, "").toUpperCase().replace(/_/gu, "\u0001");
    if (list !== null) {
      const gone = new Set(removeNames.map(key));
      for (const d of children(list, "definedName")) {
        if (workbookScoped(d) && gone.has(key(d.getAttribute("name") ?? ""))) {
          list.removeChild(d);
          changed = true;
        }
      }
    }
    if (names.length > 0) {
      const target = list ?? insertInOrder(root, createLike(root, "definedNames"), WORKBOOK_ORDER);
      if (list === null) changed = true;
      for (const n of names) {
        const existing = children(target, "definedName").find((d) => workbookScoped(d) && key(d.getAttribute("name") ?? "") === key(n.name));
        const el = existing ?? createLike(target, "definedName", { name: n.name });
        for (const [attr, value] of [["comment", n.comment], ["hidden", "1"]] as const) {
          if (el.getAttribute(attr) !== value) {
            el.setAttribute(attr, value);
            changed = true;
          }
        }
        if ((el.textContent ?? "") !== n.refersTo) {
          setText(el, n.refersTo);
          changed = true;
        }
        if (existing === undefined) {
          // Excel keeps the names sorted by name, case-insensitively.
          const after = children(target, "definedName").find((d) => key(d.getAttribute("name") ?? "") > key(n.name));
          if (after === undefined) target.appendChild(el);
          else target.insertBefore(el, after);
          changed = true;
        }
      }
    }
    const after = child(root, "definedNames");
    if (after !== null && children(after, "definedName").length === 0) {
      root.removeChild(after);
      changed = true;
    }
    if (changed) this.touch(this.workbookPart);
  }

  // ---- calculation chain ----

  private removeCalcChain(): void {
    const relsDoc = this.doc(this.workbookRels);
    const rels = relationshipsOf(relsDoc).filter((r) => r.type === REL_CALC_CHAIN);
    if (rels.length === 0) return;
    for (const r of rels) this.remove(this.pkg.resolveTarget(this.workbookPart, r.target));
    removeRelationships(relsDoc, new Set(rels.map((r) => r.id)));
    this.touch(this.workbookRels);
  }

  // ---- writing ----

  private write(): Uint8Array {
    const encoder = new TextEncoder();
    const content = new Map<string, Uint8Array>();
    for (const name of this.dirty) {
      const doc = this.docs.get(name);
      if (doc !== undefined && !this.whole.has(name)) content.set(name, encoder.encode(serializeXml(doc)));
    }
    for (const [name, text] of this.whole) content.set(name, encoder.encode(text));
    // New parts carry the workbook part's time, so that the same input gives the same bytes.
    const stamp = this.pkg.entry(this.workbookPart);
    const time = stamp?.time ?? 0;
    const date = stamp?.date ?? 0x21;
    const items: PackageItem[] = [];
    for (const entry of this.pkg.entries) {
      if (this.removed.has(entry.name)) continue;
      const data = content.get(entry.name);
      items.push(data === undefined ? { kind: "copy", entry } : { kind: "data", name: entry.name, data, time: entry.time, date: entry.date });
    }
    for (const name of this.added) {
      const data = content.get(name);
      if (data !== undefined) items.push({ kind: "data", name, data, time, date });
    }
    return writePackage(items);
  }
}
