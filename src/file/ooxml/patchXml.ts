/**
 * The XML side of the package patcher: parse a part into a DOM (@xmldom/xmldom), find and
 * insert elements in the order the schema wants, and serialise back. Everything the patcher
 * does not add or change stays as it was: unknown elements and attributes, namespace
 * declarations, `mc:AlternateContent`, `extLst`, `x14ac:` attributes.
 */
import { escapeXml } from "../../domain/xmlEscape";
import { DOMParser, XMLSerializer, type Document, type Element, type Node } from "@xmldom/xmldom";
import { localise } from "../../domain/messages";
import { packageError } from "./packageError";

export const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
export const NS_CT = "http://schemas.openxmlformats.org/package/2006/content-types";

export const REL_WORKSHEET = `${NS_REL}/worksheet`;
export const REL_STYLES = `${NS_REL}/styles`;
export const REL_DRAWING = `${NS_REL}/drawing`;
export const REL_CHART = `${NS_REL}/chart`;
export const REL_CALC_CHAIN = `${NS_REL}/calcChain`;
export const REL_TABLE = `${NS_REL}/table`;
export const REL_OFFICE_DOCUMENT = `${NS_REL}/officeDocument`;

export const CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
export const CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
export const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
export const CT_TABLE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

/**
 * Parses a part into a DOM. A DOCTYPE (and so any entity declaration) is refused before parsing:
 * OOXML never has one, and it is how entity bombs come in.
 */
export function parseDom(text: string, part: string): Document {
  if (/<!DOCTYPE/iu.test(text)) {
    throw packageError("doctype", localise("package.patch-doctype", { part }), part);
  }
  let doc: Document;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== "warning") throw new Error(message);
      },
    }).parseFromString(text, "text/xml");
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw packageError("bad-xml", localise("package.patch-bad-xml", { part, detail }), part);
  }
  return doc;
}

/** The document as text, with the XML declaration Excel writes when the part had none. */
export function serializeXml(doc: Document): string {
  const text = new XMLSerializer().serializeToString(doc);
  return text.startsWith("<?xml") ? text : XML_DECLARATION + text;
}

export function rootOf(doc: Document): Element {
  const root = doc.documentElement;
  if (root === null) throw packageError("bad-xml", localise("package.no-root"));
  return root;
}

function isElement(node: Node | null): node is Element {
  return node !== null && node.nodeType === 1;
}

/** The element children of `parent`. */
export function childElements(parent: Element): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n !== null; n = n.nextSibling) if (isElement(n)) out.push(n);
  return out;
}

/** Children in the parent's own namespace with this local name. */
export function children(parent: Element, localName: string, ns: string | null = parent.namespaceURI): Element[] {
  return childElements(parent).filter((e) => e.localName === localName && e.namespaceURI === ns);
}

export function child(parent: Element, localName: string, ns: string | null = parent.namespaceURI): Element | null {
  return children(parent, localName, ns)[0] ?? null;
}

/** A new element in the parent's namespace, with the parent's prefix (if it has one). */
export function createLike(parent: Element, localName: string, attrs: Record<string, string> = {}): Element {
  const doc = parent.ownerDocument;
  if (doc === null) throw new Error("createLike: the parent has no document");
  const qname = parent.prefix ? `${parent.prefix}:${localName}` : localName;
  const el = doc.createElementNS(parent.namespaceURI, qname);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

/**
 * Inserts `el` into `parent` where the schema's sequence `order` (local names) puts it: before
 * the first existing child that comes later in the order. Children not in the order (an
 * `mc:AlternateContent`, an unknown element) are passed over, so they keep their place
 * relative to their neighbours.
 */
export function insertInOrder(parent: Element, el: Element, order: readonly string[]): Element {
  const rank = order.indexOf(el.localName ?? "");
  if (rank === -1) throw new Error(`insertInOrder: ${el.localName} is not in the order`);
  for (const c of childElements(parent)) {
    const r = order.indexOf(c.localName ?? "");
    if (r > rank && c.namespaceURI === parent.namespaceURI) {
      parent.insertBefore(el, c);
      return el;
    }
  }
  parent.appendChild(el);
  return el;
}

/** The child with this local name, created in schema order when missing. */
export function ensureChild(parent: Element, localName: string, order: readonly string[]): Element {
  return child(parent, localName) ?? insertInOrder(parent, createLike(parent, localName), order);
}

/** Replaces the element's content with one text node. */
export function setText(el: Element, text: string): void {
  while (el.firstChild !== null) el.removeChild(el.firstChild);
  const doc = el.ownerDocument;
  if (doc === null) throw new Error("setText: the element has no document");
  el.appendChild(doc.createTextNode(text));
}

export function textOf(el: Element): string {
  return el.textContent ?? "";
}

/** Escapes text for an XML attribute or text node (for parts written whole). */
export const xmlEscape = escapeXml;

/** Sets `count` to the number of element children (when the attribute is there or `always`). */
export function updateCount(el: Element, always = false): void {
  if (always || el.hasAttribute("count")) el.setAttribute("count", String(childElements(el).length));
}

// ---------------------------------------------------------------------------------------------
// Cell references

/** "AB12" → { row: 12, col: 28 }; null when not a cell reference. */
export function parseCellRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/u.exec(ref);
  if (m === null) return null;
  let col = 0;
  for (const ch of (m[1] as string).toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "A1:F5" or "A1" → the rectangle; null otherwise. */
export function parseRef(ref: string): Rect | null {
  const [a, b] = ref.split(":");
  const first = parseCellRef(a ?? "");
  const last = b === undefined ? first : parseCellRef(b);
  if (first === null || last === null) return null;
  return {
    top: Math.min(first.row, last.row),
    left: Math.min(first.col, last.col),
    bottom: Math.max(first.row, last.row),
    right: Math.max(first.col, last.col),
  };
}

/** 1 → "A", 28 → "AB". */
export function colLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function formatRef(r: Rect): string {
  const a = `${colLetters(r.left)}${r.top}`;
  const b = `${colLetters(r.right)}${r.bottom}`;
  return a === b ? a : `${a}:${b}`;
}

// ---------------------------------------------------------------------------------------------
// Part names and relationships

/** Folder of a part: "xl/worksheets/sheet1.xml" → "xl/worksheets". */
export function folderOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return slash === -1 ? "" : part.slice(0, slash);
}

/** The rels part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
export function relsPartOf(part: string): string {
  const folder = folderOf(part);
  const file = part.slice(folder.length === 0 ? 0 : folder.length + 1);
  return folder === "" ? `_rels/${file}.rels` : `${folder}/_rels/${file}.rels`;
}

/** A relationship target resolved against the source part's folder ("/…" is from the package root). */
export function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const segments = folderOf(sourcePart).split("/").filter((s) => s !== "");
  for (const s of target.split("/")) {
    if (s === "..") segments.pop();
    else if (s !== "." && s !== "") segments.push(s);
  }
  return segments.join("/");
}

/** The target to write in `sourcePart`'s rels for `part` ("xl/workbook.xml", "xl/worksheets/sheet3.xml" → "worksheets/sheet3.xml"). */
export function relativeTarget(sourcePart: string, part: string): string {
  const from = folderOf(sourcePart).split("/").filter((s) => s !== "");
  const to = part.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...Array<string>(from.length - i).fill(".."), ...to.slice(i)].join("/");
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** The relationships of a rels document. */
export function relationshipsOf(doc: Document): Relationship[] {
  return children(rootOf(doc), "Relationship").map((r) => ({
    id: r.getAttribute("Id") ?? "",
    type: r.getAttribute("Type") ?? "",
    target: r.getAttribute("Target") ?? "",
    external: r.getAttribute("TargetMode") === "External",
  }));
}

/** A new rels document. */
export function emptyRels(): Document {
  return parseDom(`${XML_DECLARATION}<Relationships xmlns="${NS_PKG_REL}"></Relationships>`, "rels");
}

/** Adds a relationship with a fresh id ("rId" + the smallest free number); returns the id. */
export function addRelationship(doc: Document, type: string, target: string): string {
  const root = rootOf(doc);
  const taken = new Set(relationshipsOf(doc).map((r) => r.id));
  let n = 1;
  while (taken.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  root.appendChild(createLike(root, "Relationship", { Id: id, Type: type, Target: target }));
  return id;
}

/** Removes the relationships with these ids. */
export function removeRelationships(doc: Document, ids: ReadonlySet<string>): void {
  for (const r of children(rootOf(doc), "Relationship")) if (ids.has(r.getAttribute("Id") ?? "")) rootOf(doc).removeChild(r);
}
