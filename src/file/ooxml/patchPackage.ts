/**
 * Applies a {@link Plan} to an .xlsx package without re-creating it: the parts Balans must change
 * are parsed (DOM), edited and serialised; every other part is copied as stored, byte for byte,
 * in the same order (see writePackage.ts). Memory follows the touched parts: an untouched part
 * is never inflated.
 *
 * Touched, and only where the plan says so:
 * - a sheet that gets a status column (its cells, `<dimension>`, a width for a new column), its
 *   dates column "Balans datum" and the conditional formats of the status column (issue 11), and
 *   the table part whose table the columns join;
 * - `styles.xml` (Balans's fonts, fills, number formats, cell formats and differential formats are
 *   appended or reused, never changed or moved);
 * - the workbook part (`<definedName>`s of the ownership record and the agenda sheet's print
 *   titles; a new owned sheet's `<sheet>`), its rels and `[Content_Types].xml` when a part is added
 *   or removed;
 * - the summary sheet and the agenda sheet, parts Balans writes whole (the summary with its
 *   drawing and chart parts);
 * - the custom XML part holding the since-last-check record (issue 11), found again by its
 *   namespace and replaced in place.
 *
 * The calculation chain (`calcChain.xml`) lists the cells that hold formulas. Balans writes
 * formulas (the live status cells, the summary's counts) where a cell was empty or Balans's own,
 * and a cell missing from the chain is simply added by Excel, so the chain normally stays valid
 * and is copied untouched. Only when a write takes away a formula that was there (a status cell
 * that held one and now holds a label, or an owned sheet rewritten without a formula it had) is
 * the chain dropped — its part, its relationship and its content type — and Excel rebuilds it on
 * the next calculation; a stale chain that names a cell without a formula is what Excel "repairs".
 *
 * Balans's earlier conditional-formatting rules on a status column are found by what they test
 * (cell value equals one of Balans's labels) inside a `<conditionalFormatting>` that covers only
 * that column below its header, and replaced where they were — not by their `dxfId`, which Excel
 * renumbers when it saves.
 */
import type { Document, Element } from "@xmldom/xmldom";
import { CHECK_RECORD_NAMESPACE } from "../../domain/checkRecord";
import { CHECK_RECORD_ELEMENT, checkRecordXml } from "../../domain/checkRecordXml";
import type { AgendaSheetPlan, NamePlan, Plan, StatusColumnPlan, SummarySheetPlan } from "../../domain/types";
import { chartXml, drawingXml, type DrawingChart } from "./chartParts";
import { openPackage, relationshipKind, type InflateRaw, type OoxmlPackage } from "./openPackage";
import { PackageError } from "./packageError";
import { MINIMAL_STYLES, StyleBook } from "./patchStyles";
import { addTableColumn, datesColumnWrites, renameTableColumn, STATUS_COLUMN_WIDTH, statusColumnWrites, tableRect } from "./patchSheet";
import { applySheetEditToDom, type SheetEdit } from "./sheetEdit";
import { columnSqref } from "./sheetRules";
import { StreamFallback, streamSheetEdit } from "./sheetStream";
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
import { writePackage, type CompressedPart, type Deflater, type PackageItem, type WriteOptions } from "./writePackage";
import { quoteSheet, writeAgendaSheet, writeSummarySheet, type OwnedSheetXml } from "./writeSummarySheet";

/** Order of a workbook part's children (ECMA-376 CT_Workbook). */
const WORKBOOK_ORDER = [
  "fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets", "functionGroups",
  "externalReferences", "definedNames", "calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr",
  "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst",
];

const CONTENT_TYPES = "[Content_Types].xml";

/** Width of the new dates column "Balans datum" in characters (as the Excel adapter sets it). */
export const DATES_COLUMN_WIDTH = 24;

const REL_CUSTOM_XML = `${NS_REL}/customXml`;
const REL_CUSTOM_XML_PROPS = `${NS_REL}/customXmlProps`;
const CT_CUSTOM_XML_PROPS = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";
const NS_DATASTORE = "http://schemas.openxmlformats.org/officeDocument/2006/customXml";
/**
 * The `ds:itemID` of the record's custom XML part: a name-based UUID (version 5, URL namespace) of
 * {@link CHECK_RECORD_NAMESPACE}, fixed so that two runs write the same bytes
 * (`python3 -c "import uuid; print(uuid.uuid5(uuid.NAMESPACE_URL, 'urn:balans:check:1'))"`).
 */
export const CHECK_RECORD_ITEM_ID = "{BB6854D4-2CB8-5398-A1E7-6737D05E9EA8}";
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

/** A plan the package cannot take (a sheet or table it names is missing, a cell is not free). */
function planError(sv: string, en: string): PackageError {
  return new PackageError("damaged", sv, en);
}

interface SheetEntry {
  el: Element;
  name: string;
  part: string | null;
}

/**
 * How existing sheets are patched: `"stream"` (the default) streams the cells and falls back to a
 * DOM of the whole sheet for what the stream does not take (sheetStream.ts); `"dom"` always uses
 * the DOM; `"stream-only"` never falls back (it throws instead). The last two exist so that
 * tests and the benchmark can compare the paths.
 */
export type SheetPatching = "stream" | "dom" | "stream-only";

export interface PatchOptions {
  sheets?: SheetPatching;
  /** The inflater for the parts Balans reads (default: fflate; the command line gives Node's zlib). */
  inflateRaw?: InflateRaw;
  /** The compressor for the parts Balans writes (default: fflate; the command line gives Node's zlib). */
  deflater?: () => Deflater;
}

/** Applies `plan` to the package `input`; returns the new package. Throws {@link PackageError}. */
export function patchPackage(input: Uint8Array, plan: Plan, options: PatchOptions = {}): Uint8Array {
  const pkg = openPackage(input, options.inflateRaw === undefined ? {} : { inflateRaw: options.inflateRaw });
  return new Patcher(pkg, options.sheets ?? "stream", options.deflater === undefined ? {} : { deflater: options.deflater }).apply(plan);
}

/** "xl/worksheets/_rels/sheet1.xml.rels" → "xl/worksheets/sheet1.xml"; "_rels/.rels" → "" (the package). */
function sourceOfRels(rels: string): string | null {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/u.exec(rels);
  return m === null ? null : `${m[1] ?? ""}${m[2] ?? ""}`;
}

class Patcher {
  private readonly docs = new Map<string, Document>();
  private readonly dirty = new Set<string>();
  /** Parts written whole (not parsed), by part name. */
  private readonly whole = new Map<string, string>();
  private readonly removed = new Set<string>();
  /** Sheet parts patched by the streaming patcher: their new bytes, in pieces or compressed. */
  private readonly streamed = new Map<string, Uint8Array[] | CompressedPart>();
  /** New part names, in the order they are added. */
  private readonly added: string[] = [];
  private readonly workbookPart: string;
  private readonly workbookRels: string;
  private styles: StyleBook | null = null;
  private stylesPart: string | null = null;
  private dropCalcChain = false;

  constructor(
    private readonly pkg: OoxmlPackage,
    private readonly sheetPatching: SheetPatching,
    private readonly writeOptions: WriteOptions,
  ) {
    this.workbookPart = pkg.workbookPart();
    this.workbookRels = pkg.relsPartName(this.workbookPart);
  }

  apply(plan: Plan): Uint8Array {
    const bySheet = new Map<string, StatusColumnPlan[]>();
    for (const c of plan.statusColumns) bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), c]);
    for (const [sheet, columns] of bySheet) this.statusColumns(sheet, columns);
    if (plan.summary !== null) this.summary(plan.summary);
    if (plan.agendaSheet !== undefined) this.agenda(plan.agendaSheet);
    this.names(plan.names ?? [], plan.removeNames ?? []);
    if (typeof plan.checkRecord === "string") this.checkRecord(plan.checkRecord);
    if (this.dropCalcChain) this.removeCalcChain();
    if (this.styles !== null && this.styles.changed && this.stylesPart !== null) this.touch(this.stylesPart);
    this.removeOverrides();
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

  /** A part written whole: new, or an existing one (also one removed earlier in this run) replaced in place. */
  private addWhole(part: string, text: string): void {
    const name = this.nameOf(part);
    this.whole.set(name, text);
    this.removed.delete(name);
    if (!this.pkg.has(name) && !this.added.includes(name)) this.added.push(name);
  }

  /**
   * Removes a part of the input and its rels part. Its content-type override goes at the end
   * ({@link removeOverrides}), unless the part is written again in this run: then the override
   * keeps its place, so that a rewrite gives the same bytes.
   */
  private remove(part: string): void {
    const name = this.nameOf(part);
    if (!this.pkg.has(name)) return;
    this.removed.add(name);
    this.docs.delete(name);
    this.streamed.delete(name);
    this.dirty.delete(name);
    this.whole.delete(name);
    const rels = this.pkg.relsPartName(name);
    if (this.pkg.has(rels)) {
      const relsName = this.nameOf(rels);
      this.removed.add(relsName);
      this.whole.delete(relsName);
      this.dirty.delete(relsName);
    }
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

  /** Drops the overrides of the parts removed in this run. */
  private removeOverrides(): void {
    if (this.removed.size === 0) return;
    const gone = new Set([...this.removed].map((r) => `/${r}`.toLowerCase()));
    const root = rootOf(this.doc(CONTENT_TYPES));
    for (const o of children(root, "Override", NS_CT)) {
      if (gone.has((o.getAttribute("PartName") ?? "").toLowerCase())) {
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
    const part = this.nameOf(this.sheetPart(sheet));
    const styles = this.styleBook();
    const edit: SheetEdit = { sheet, writes: [], mustBeEmpty: [], widths: [], rules: [] };
    for (const plan of plans) {
      const inTable = this.joinTable(part, sheet, plan, plan.column, plan.exists, plan.header);
      // A new owned column may only go where every cell is empty: never over the user's data.
      if (!plan.exists) for (const row of [plan.headerRow, ...plan.cells.map((c) => c.row)]) edit.mustBeEmpty.push({ row, col: plan.column });
      for (const w of statusColumnWrites(plan, styles, inTable)) edit.writes.push(w);
      if (!plan.exists) edit.widths.push({ col: plan.column, chars: STATUS_COLUMN_WIDTH });
      const dates = plan.dates ?? null;
      if (dates !== null) {
        const datesInTable = this.joinTable(part, sheet, plan, dates.column, dates.exists, dates.header);
        if (!dates.exists) for (const row of [plan.headerRow, ...dates.cells.map((c) => c.row)]) edit.mustBeEmpty.push({ row, col: dates.column });
        for (const w of datesColumnWrites(dates, plan.headerRow, styles, datesInTable)) edit.writes.push(w);
        if (!dates.exists) edit.widths.push({ col: dates.column, chars: DATES_COLUMN_WIDTH });
      }
      const sqref = columnSqref(plan.column, plan.cells.map((c) => c.row));
      edit.rules.push({ column: plan.column, headerRow: plan.headerRow, sqref, rules: plan.conditionalFormats ?? [] });
    }
    let removedFormula: boolean;
    try {
      if (this.sheetPatching === "dom") throw new StreamFallback("the DOM path was asked for");
      // With a deflater the pieces are compressed as they come; without, they are kept for fflate.
      const deflater = this.writeOptions.deflater?.();
      const pieces: Uint8Array[] = [];
      const emit = deflater === undefined ? (piece: Uint8Array) => pieces.push(piece) : (piece: Uint8Array) => deflater.push(piece);
      removedFormula = streamSheetEdit(part, this.pkg.textChunks(part), edit, styles, emit).removedFormula;
      this.streamed.set(part, deflater === undefined ? pieces : deflater.finish());
    } catch (e) {
      if (!(e instanceof StreamFallback) || this.sheetPatching === "stream-only") throw e;
      const doc = this.doc(part);
      removedFormula = applySheetEditToDom(doc, edit, styles).removedFormula;
      this.touch(part);
    }
    if (removedFormula) this.dropCalcChain = true;
  }

  /**
   * An owned column beside an Excel table: an existing table column keeps its name in step with
   * the header; a new column right of the table becomes a table column (the table is widened).
   * Returns whether the column is in the table.
   */
  private joinTable(part: string, sheet: string, plan: StatusColumnPlan, column: number, exists: boolean, header: string): boolean {
    if (plan.table === "") return false;
    const tablePart = this.tablePart(part, sheet, plan.table);
    const table = this.doc(tablePart);
    const range = tableRect(table);
    if (range === null) throw planError(`Tabellen "${plan.table}" saknar område.`, `The table "${plan.table}" has no range.`);
    const inside = column >= range.left && column <= range.right;
    if (inside && !exists) {
      throw planError(
        `Kolumnen hör redan till tabellen "${plan.table}" på bladet "${sheet}": Balans skriver inte över den.`,
        `The column already belongs to the table "${plan.table}" on the sheet "${sheet}".`,
      );
    }
    let inTable = false;
    if (range.top === plan.headerRow && inside) {
      renameTableColumn(table, column - range.left, header);
      inTable = true;
    } else if (!exists && range.top === plan.headerRow && column === range.right + 1) {
      addTableColumn(table, header);
      inTable = true;
    }
    this.touch(tablePart);
    return inTable;
  }

  private tablePart(sheetPart: string, sheet: string, table: string): string {
    for (const rel of this.pkg.rels(sheetPart)) {
      if (rel.type !== REL_TABLE || rel.external || !this.pkg.has(rel.target)) continue;
      const root = rootOf(this.doc(rel.target));
      if (root.getAttribute("name") === table || root.getAttribute("displayName") === table) return this.nameOf(rel.target);
    }
    throw planError(`Tabellen "${table}" finns inte på bladet "${sheet}".`, `The table "${table}" is not on the sheet "${sheet}".`);
  }

  // ---- owned sheets: the summary and the agenda ----

  /**
   * The part of an owned sheet: the existing one (its related parts removed, since it is written
   * whole), or a new part name for a sheet `name` that does not exist yet.
   */
  private ownedSheetPart(existing: string | null | undefined, name: string, what: string): { part: string; isNew: boolean; sheet: string } {
    if (typeof existing === "string") {
      const part = this.sheetPart(existing);
      this.removeRelatedParts(part);
      return { part, isNew: false, sheet: existing };
    }
    const lower = name.toLocaleLowerCase("sv-SE");
    const clash = this.sheets().find((s) => s.name.toLocaleLowerCase("sv-SE") === lower);
    if (clash !== undefined) {
      throw planError(
        `Bladet "${clash.name}" finns redan och Balans har inte skapat det: byt namn på det, så skriver Balans ${what}.`,
        `The sheet "${clash.name}" exists and was not created by Balans.`,
      );
    }
    return { part: this.freeName("xl/worksheets/sheet", ".xml"), isNew: true, sheet: name };
  }

  /** Writes an owned sheet's part: a new sheet is added to the workbook; an existing one is replaced in place. */
  private putOwnedSheet(target: { part: string; isNew: boolean; sheet: string }, written: OwnedSheetXml): void {
    if (target.isNew) {
      this.addWhole(target.part, written.sheetXml);
      this.setOverride(target.part, CT_WORKSHEET);
      this.addSheetToWorkbook(target.sheet, target.part);
      return;
    }
    const before = this.formulaCells(target.part);
    const after = new Set(written.formulaCells);
    if (before.some((ref) => !after.has(ref))) this.dropCalcChain = true;
    this.addWhole(target.part, written.sheetXml);
  }

  private summary(plan: SummarySheetPlan): void {
    const target = this.ownedSheetPart(plan.existing, plan.name, "sin summering");
    const styles = this.styleBook();
    const relsPart = this.pkg.relsPartName(target.part);
    const written = writeSummarySheet(plan, styles, "rId1");
    this.putOwnedSheet(target, written);
    if (written.charts.length > 0) {
      const drawing = this.freeName("xl/drawings/drawing", ".xml");
      const sheetRels = emptyRels();
      addRelationship(sheetRels, REL_DRAWING, relativeTarget(target.part, drawing));
      this.addWhole(relsPart, serializeXml(sheetRels));
      const drawingRels = emptyRels();
      const placed: DrawingChart[] = [];
      for (const c of written.charts) {
        const chart = this.freeName("xl/charts/chart", ".xml");
        this.addWhole(chart, chartXml(c.spec));
        this.setOverride(chart, CT_CHART);
        placed.push({ anchor: c.anchor, chartRelId: addRelationship(drawingRels, REL_CHART, relativeTarget(drawing, chart)), title: c.spec.title });
      }
      this.addWhole(drawing, drawingXml(placed));
      this.addWhole(this.pkg.relsPartName(drawing), serializeXml(drawingRels));
      this.setOverride(drawing, CT_DRAWING);
    } else {
      this.dropPart(relsPart);
    }
  }

  private agenda(plan: AgendaSheetPlan): void {
    const target = this.ownedSheetPart(plan.existing, plan.name, "mötesunderlaget");
    const written = writeAgendaSheet(plan, this.styleBook());
    this.putOwnedSheet(target, written);
    this.dropPart(this.pkg.relsPartName(target.part));
    // The header row printed on every page: the sheet-local name Excel uses for print titles.
    const index = this.sheets().findIndex((s) => s.name === target.sheet);
    const row = Math.trunc(plan.print.repeatRow);
    if (index >= 0 && row >= 1) this.setLocalName("_xlnm.Print_Titles", index, `${quoteSheet(target.sheet)}!$${row}:$${row}`);
  }

  /** Removes a part of the input (a rels part Balans no longer needs); nothing when it is not there. */
  private dropPart(part: string): void {
    if (!this.pkg.has(part)) return;
    this.removed.add(this.nameOf(part));
    this.whole.delete(this.nameOf(part));
  }

  /** The cells of an existing sheet part that hold a formula (the part is Balans's own, and small). */
  private formulaCells(part: string): string[] {
    const text = this.pkg.text(part);
    if (!/<(?:\w+:)?f[\s>/]/u.test(text)) return [];
    const out: string[] = [];
    for (const row of children(rootOf(parseDom(text, part)), "sheetData").flatMap((d) => children(d, "row"))) {
      for (const c of children(row, "c")) if (child(c, "f") !== null) out.push(c.getAttribute("r") ?? "");
    }
    return out;
  }

  /**
   * Removes what only an owned sheet refers to before it is written again: its drawing and chart
   * parts (with their own rels, styles and colours), printer settings, comments — every part
   * reachable through its relationships that no other part refers to. A part shared with another
   * sheet (an image used twice) stays. No orphan is left.
   */
  private removeRelatedParts(sheetPart: string): void {
    const reach = new Set<string>();
    const visit = (part: string) => {
      for (const rel of this.pkg.rels(part)) {
        if (rel.external || !this.pkg.has(rel.target)) continue;
        const target = this.nameOf(rel.target);
        if (target === sheetPart || reach.has(target)) continue;
        reach.add(target);
        visit(target);
      }
    };
    visit(sheetPart);
    if (reach.size === 0) return;
    const usedElsewhere = new Set<string>();
    for (const entry of this.pkg.entries) {
      const source = sourceOfRels(entry.name);
      if (source === null || source === sheetPart || reach.has(source) || (source !== "" && !this.pkg.has(source))) continue;
      for (const rel of this.pkg.rels(source)) if (!rel.external) usedElsewhere.add(this.nameOf(rel.target));
    }
    for (const part of reach) if (!usedElsewhere.has(part)) this.remove(part);
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

  // ---- defined names (the ownership record, print titles) ----

  /**
   * Excel keeps the names sorted case-insensitively, reading "_xlnm.Print_Area" as "Print_Area";
   * "_" sorts before letters; names of the same text by sheet (workbook-level first).
   */
  private static nameKey(name: string): string {
    return name.replace(/^_xlnm\./iu, "").toUpperCase().replace(/_/gu, "\u0001");
  }

  private static nameOrder(name: string, localSheetId: number | null): [string, number] {
    return [Patcher.nameKey(name), localSheetId ?? -1];
  }

  /** Inserts a new `<definedName>` where Excel's order puts it. */
  private static insertName(list: Element, el: Element, name: string, localSheetId: number | null): void {
    const [key, sheet] = Patcher.nameOrder(name, localSheetId);
    const after = children(list, "definedName").find((d) => {
      const local = d.getAttribute("localSheetId");
      const [k, s] = Patcher.nameOrder(d.getAttribute("name") ?? "", local === null ? null : Number(local));
      return k > key || (k === key && s > sheet);
    });
    if (after === undefined) list.appendChild(el);
    else list.insertBefore(el, after);
  }

  private names(names: readonly NamePlan[], removeNames: readonly string[]): void {
    if (names.length === 0 && removeNames.length === 0) return;
    const root = rootOf(this.doc(this.workbookPart));
    let changed = false;
    const list = child(root, "definedNames");
    const workbookScoped = (el: Element) => !el.hasAttribute("localSheetId");
    const key = Patcher.nameKey;
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
          Patcher.insertName(target, el, n.name, null);
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

  /** Creates or replaces a sheet-local name (e.g. `_xlnm.Print_Titles` of sheet `localSheetId`). */
  private setLocalName(name: string, localSheetId: number, refersTo: string): void {
    const root = rootOf(this.doc(this.workbookPart));
    const list = child(root, "definedNames") ?? insertInOrder(root, createLike(root, "definedNames"), WORKBOOK_ORDER);
    const key = Patcher.nameKey(name);
    const existing = children(list, "definedName").find(
      (d) => d.getAttribute("localSheetId") === String(localSheetId) && Patcher.nameKey(d.getAttribute("name") ?? "") === key,
    );
    if (existing !== undefined) {
      if ((existing.textContent ?? "") === refersTo) return;
      setText(existing, refersTo);
    } else {
      const el = createLike(list, "definedName", { name, localSheetId: String(localSheetId) });
      setText(el, refersTo);
      Patcher.insertName(list, el, name, localSheetId);
    }
    this.touch(this.workbookPart);
  }

  // ---- the since-last-check record (issue 11) ----

  /** The custom XML part whose root element is `balansCheck` in the record's namespace, or null. */
  private checkRecordPart(): string | null {
    for (const rel of relationshipsOf(this.doc(this.workbookRels))) {
      if (rel.external || relationshipKind(rel.type) !== "customXml") continue;
      const part = this.pkg.resolveTarget(this.workbookPart, rel.target);
      if (!this.pkg.has(part)) continue;
      const root = rootOf(parseDom(this.pkg.text(part), part));
      if (root.localName === CHECK_RECORD_ELEMENT && root.namespaceURI === CHECK_RECORD_NAMESPACE) return this.nameOf(part);
    }
    return null;
  }

  /**
   * Stores the record: the part found by its namespace gets the new content (in place, the same
   * part name); otherwise a custom XML part is added as Excel adds one (`customXml/itemN.xml`, its
   * properties part with a fixed item id, a workbook relationship, the content types).
   */
  private checkRecord(json: string): void {
    const xml = DECLARATION + checkRecordXml(json);
    const found = this.checkRecordPart();
    if (found !== null) {
      if (this.pkg.text(found) !== xml) this.addWhole(found, xml);
      return;
    }
    let n = 1;
    while (this.exists(`customXml/item${n}.xml`) || this.exists(`customXml/itemProps${n}.xml`)) n++;
    const item = `customXml/item${n}.xml`;
    const props = `customXml/itemProps${n}.xml`;
    this.addWhole(item, xml);
    this.addWhole(
      props,
      `${DECLARATION.replace('standalone="yes"', 'standalone="no"')}<ds:datastoreItem ds:itemID="${CHECK_RECORD_ITEM_ID}" xmlns:ds="${NS_DATASTORE}">` +
        `<ds:schemaRefs><ds:schemaRef ds:uri="${CHECK_RECORD_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`,
    );
    const itemRels = emptyRels();
    addRelationship(itemRels, REL_CUSTOM_XML_PROPS, relativeTarget(item, props));
    this.addWhole(this.pkg.relsPartName(item), serializeXml(itemRels));
    addRelationship(this.doc(this.workbookRels), REL_CUSTOM_XML, relativeTarget(this.workbookPart, item));
    this.touch(this.workbookRels);
    this.setOverride(props, CT_CUSTOM_XML_PROPS);
    // The item is plain XML: the package's "xml" default says so, unless it says something else.
    if (this.pkg.contentType(item) !== "application/xml") this.setOverride(item, "application/xml");
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
      const pieces = this.streamed.get(entry.name);
      if (data !== undefined) items.push({ kind: "data", name: entry.name, data, time: entry.time, date: entry.date });
      else if (Array.isArray(pieces)) items.push({ kind: "pieces", name: entry.name, pieces, time: entry.time, date: entry.date });
      else if (pieces !== undefined) items.push({ kind: "compressed", name: entry.name, part: pieces, time: entry.time, date: entry.date });
      else items.push({ kind: "copy", entry });
    }
    for (const name of this.added) {
      const data = content.get(name);
      if (data !== undefined) items.push({ kind: "data", name, data, time, date });
    }
    return writePackage(items, this.writeOptions);
  }
}
