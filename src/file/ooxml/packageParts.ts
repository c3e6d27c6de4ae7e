/**
 * The part bookkeeping of one patch run (see patchPackage.ts): which parts were parsed (DOM) and
 * changed, which are written whole, streamed, added or removed, and the writing of the new
 * package from that. The step modules (patchStatusColumns.ts, patchOwnedSheets.ts, patchNames.ts,
 * patchCheckRecord.ts) change parts only through a {@link PackageParts}; an untouched part is
 * never inflated and is copied as stored.
 */
import type { Document, Element } from "@xmldom/xmldom";
import { localise, type Localised } from "../../domain/messages";
import type { OoxmlPackage } from "./openPackage";
import { packageError, type PackageError } from "./packageError";
import { MINIMAL_STYLES, StyleBook } from "./patchStyles";
import {
  addRelationship,
  child,
  children,
  createLike,
  CT_STYLES,
  emptyRels,
  NS_CT,
  NS_REL,
  parseDom,
  REL_STYLES,
  relationshipsOf,
  relativeTarget,
  rootOf,
  serializeXml,
} from "./patchXml";
import { writePackage, type CompressedPart, type PackageItem, type WriteOptions } from "./writePackage";

/** Order of a workbook part's children (ECMA-376 CT_Workbook). */
export const WORKBOOK_ORDER = [
  "fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets", "functionGroups",
  "externalReferences", "definedNames", "calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr",
  "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst",
];

const CONTENT_TYPES = "[Content_Types].xml";

/** A plan the package cannot take (a sheet or table it names is missing, a cell is not free). */
export function planError(text: Localised): PackageError {
  return packageError("damaged", text);
}

/** A `<sheet>` of the workbook part, with its name and its part (null when its relationship is missing). */
export interface SheetEntry {
  el: Element;
  name: string;
  part: string | null;
}

export class PackageParts {
  private readonly docs = new Map<string, Document>();
  private readonly dirty = new Set<string>();
  /** Parts written whole (not parsed), by part name. */
  private readonly whole = new Map<string, string>();
  private readonly removed = new Set<string>();
  /** Sheet parts patched by the streaming patcher: their new bytes, in pieces or compressed. */
  private readonly streamed = new Map<string, Uint8Array[] | CompressedPart>();
  /** New part names, in the order they are added. */
  private readonly added: string[] = [];
  readonly workbookPart: string;
  readonly workbookRels: string;
  private styles: StyleBook | null = null;
  private stylesPart: string | null = null;
  /** Set when a write takes away a formula: the calculation chain is then dropped (patchPackage.ts). */
  dropCalcChain = false;

  constructor(
    readonly pkg: OoxmlPackage,
    readonly writeOptions: WriteOptions,
  ) {
    this.workbookPart = pkg.workbookPart();
    this.workbookRels = pkg.relsPartName(this.workbookPart);
  }

  // ---- parts ----

  /** The real entry name of a part (names are case-insensitive), or the name as given. */
  nameOf(part: string): string {
    return this.pkg.entry(part)?.name ?? part;
  }

  exists(part: string): boolean {
    const key = part.toLowerCase();
    if (this.added.some((a) => a.toLowerCase() === key)) return true;
    return this.pkg.has(part) && ![...this.removed].some((r) => r.toLowerCase() === key);
  }

  doc(part: string): Document {
    const name = this.nameOf(part);
    // A streamed part's new bytes are final: a DOM of its old text would silently drop them.
    if (this.streamed.has(name)) throw new Error(`Balans: the part ${name} was streamed and cannot be edited again in this run.`);
    let doc = this.docs.get(name);
    if (doc === undefined) {
      doc = this.pkg.has(name) && !this.removed.has(name) ? parseDom(this.pkg.text(name), name) : name.endsWith(".rels") ? emptyRels() : parseDom("<x/>", name);
      this.docs.set(name, doc);
    }
    return doc;
  }

  touch(part: string): void {
    const name = this.nameOf(part);
    this.dirty.add(name);
    if (!this.pkg.has(name) && !this.added.includes(name)) this.added.push(name);
  }

  /** A part written whole: new, or an existing one (also one removed earlier in this run) replaced in place. */
  addWhole(part: string, text: string): void {
    const name = this.nameOf(part);
    this.whole.set(name, text);
    this.removed.delete(name);
    if (!this.pkg.has(name) && !this.added.includes(name)) this.added.push(name);
  }

  /** A sheet part patched by the streaming patcher: its new bytes, in pieces or compressed. */
  setStreamed(part: string, bytes: Uint8Array[] | CompressedPart): void {
    const name = this.nameOf(part);
    if (this.docs.has(name)) throw new Error(`Balans: the part ${name} is open as a DOM and cannot also be streamed.`);
    this.streamed.set(name, bytes);
  }

  /**
   * Removes a part of the input and its rels part. Its content-type override goes at the end
   * ({@link removeOverrides}), unless the part is written again in this run: then the override
   * keeps its place, so that a rewrite gives the same bytes.
   */
  remove(part: string): void {
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

  /** Removes a part of the input (a rels part Balans no longer needs); nothing when it is not there. */
  dropPart(part: string): void {
    if (!this.pkg.has(part)) return;
    this.removed.add(this.nameOf(part));
    this.whole.delete(this.nameOf(part));
  }

  /** "xl/worksheets/sheet" + n + ".xml" with the smallest free n. */
  freeName(prefix: string, suffix: string): string {
    for (let n = 1; ; n++) if (!this.exists(`${prefix}${n}${suffix}`)) return `${prefix}${n}${suffix}`;
  }

  // ---- content types ----

  setOverride(part: string, contentType: string): void {
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
  removeOverrides(): void {
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

  sheets(): SheetEntry[] {
    const root = rootOf(this.doc(this.workbookPart));
    const sheetsEl = child(root, "sheets");
    const rels = relationshipsOf(this.doc(this.workbookRels));
    return (sheetsEl === null ? [] : children(sheetsEl, "sheet")).map((el) => {
      const id = el.getAttributeNS(NS_REL, "id") ?? "";
      const rel = rels.find((r) => r.id === id && !r.external);
      return { el, name: el.getAttribute("name") ?? "", part: rel === undefined ? null : this.pkg.resolveTarget(this.workbookPart, rel.target) };
    });
  }

  sheetPart(name: string): string {
    const entry = this.sheets().find((s) => s.name === name);
    if (entry === undefined || entry.part === null || !this.pkg.has(entry.part)) {
      throw planError(localise("package.sheet-not-in-workbook", { sheet: name }));
    }
    return this.nameOf(entry.part);
  }

  styleBook(): StyleBook {
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

  /** Marks the styles part changed when Balans appended to it. */
  touchStylesIfChanged(): void {
    if (this.styles !== null && this.styles.changed && this.stylesPart !== null) this.touch(this.stylesPart);
  }

  // ---- writing ----

  write(): Uint8Array {
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
