/**
 * Balans's cell formats in `styles.xml`: fonts, fills, number formats and cell formats (`xf`)
 * are found or appended, never changed or moved, so every index the user's cells use keeps its
 * meaning. An entry equal to one already there (Balans's own from an earlier run, or the user's)
 * is reused, so a second run adds nothing.
 */
import { XMLSerializer, type Document, type Element } from "@xmldom/xmldom";
import type { Rgb } from "../../domain/types";
import { child, childElements, children, createLike, ensureChild, NS_MAIN, parseDom, rootOf, updateCount } from "./patchXml";

/** What one Balans cell looks like. Absent = the workbook's default. */
export interface CellStyleSpec {
  /** Excel number format code, e.g. `"@"` (text) or the kronor format. */
  numFmt?: string;
  bold?: boolean;
  underline?: boolean;
  /** Font colour, 6 hex digits. */
  fontColour?: Rgb;
  /** Solid fill, 6 hex digits. */
  fill?: Rgb;
  /** Font size in points (a heading); absent: the workbook's default font's. */
  size?: number;
}

/** Order of a styleSheet's children (ECMA-376 CT_Stylesheet). */
const STYLESHEET_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];
/** The order Excel writes a font's children in. */
const FONT_ORDER = ["b", "i", "strike", "condense", "extend", "outline", "shadow", "u", "vertAlign", "sz", "color", "name", "family", "charset", "scheme"];

/** Built-in number formats Balans may use (ECMA-376 §18.8.30). */
const BUILT_IN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "@": 49 };

/** First id of a workbook's own number formats. */
const FIRST_CUSTOM_FORMAT = 164;

/** A styles part for a package that has none (Excel's minimal one). */
export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
  `<styleSheet xmlns="${NS_MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

function argb(rgb: Rgb): string | null {
  return /^[0-9A-Fa-f]{6}$/u.test(rgb) ? `FF${rgb.toUpperCase()}` : null;
}

/** Finds or appends style entries in one styles document; `changed` says whether anything was appended. */
export class StyleBook {
  changed = false;
  private readonly root: Element;
  private readonly serializer = new XMLSerializer();
  private readonly cache = new Map<string, number>();

  constructor(readonly doc: Document) {
    this.root = rootOf(doc);
  }

  static parse(text: string, part: string): StyleBook {
    return new StyleBook(parseDom(text, part));
  }

  /** The `cellXfs` index for this look (found or appended). */
  xf(spec: CellStyleSpec): number {
    const key = JSON.stringify([spec.numFmt ?? null, spec.bold === true, spec.underline === true, spec.fontColour ?? null, spec.fill ?? null, spec.size ?? null]);
    const known = this.cache.get(key);
    if (known !== undefined) return known;
    const numFmtId = spec.numFmt === undefined ? 0 : this.numFmtId(spec.numFmt);
    const fontId = this.fontId(spec);
    const fillId = spec.fill === undefined ? 0 : this.fillId(spec.fill);
    const attrs: Record<string, string> = {
      numFmtId: String(numFmtId),
      fontId: String(fontId),
      fillId: String(fillId),
      borderId: "0",
      xfId: "0",
    };
    if (numFmtId !== 0) attrs.applyNumberFormat = "1";
    if (fontId !== 0) attrs.applyFont = "1";
    if (fillId !== 0) attrs.applyFill = "1";
    const list = this.list("cellXfs");
    const index = this.findOrAppend(list, createLike(list, "xf", attrs));
    this.cache.set(key, index);
    return index;
  }

  private list(name: string): Element {
    const had = child(this.root, name) !== null;
    const el = ensureChild(this.root, name, STYLESHEET_ORDER);
    if (!had) {
      this.changed = true;
      if (name === "cellXfs") el.appendChild(createLike(el, "xf", { numFmtId: "0", fontId: "0", fillId: "0", borderId: "0", xfId: "0" }));
      if (name === "fills") {
        for (const pattern of ["none", "gray125"]) {
          const fill = createLike(el, "fill");
          fill.appendChild(createLike(el, "patternFill", { patternType: pattern }));
          el.appendChild(fill);
        }
      }
      updateCount(el, true);
    }
    return el;
  }

  /** Index of an equal child of `list`, or of `el` appended to it. */
  private findOrAppend(list: Element, el: Element): number {
    const text = this.serializer.serializeToString(el);
    const items = childElements(list).filter((e) => e.localName === el.localName);
    const found = items.findIndex((e) => this.serializer.serializeToString(e) === text);
    if (found !== -1) return found;
    list.appendChild(el);
    updateCount(list, true);
    this.changed = true;
    return items.length;
  }

  /**
   * The `dxfs` index of a differential format (what a conditional-formatting rule applies): font
   * colour and solid fill, written as Excel writes its own "light red fill with dark red text"
   * (`<dxf><font><color/></font><fill><patternFill><bgColor/></patternFill></fill></dxf>`). An
   * equal entry is reused; otherwise it is appended, so existing `dxfId`s keep their meaning.
   */
  dxf(spec: { fill: Rgb; font: Rgb }): number {
    const key = JSON.stringify(["dxf", spec.fill, spec.font]);
    const known = this.cache.get(key);
    if (known !== undefined) return known;
    const list = this.list("dxfs");
    const dxf = createLike(list, "dxf");
    const colour = argb(spec.font);
    if (colour !== null) {
      const font = createLike(list, "font");
      font.appendChild(createLike(list, "color", { rgb: colour }));
      dxf.appendChild(font);
    }
    const fillColour = argb(spec.fill);
    if (fillColour !== null) {
      const fill = createLike(list, "fill");
      const pattern = createLike(list, "patternFill");
      pattern.appendChild(createLike(list, "bgColor", { rgb: fillColour }));
      fill.appendChild(pattern);
      dxf.appendChild(fill);
    }
    const index = this.findOrAppend(list, dxf);
    this.cache.set(key, index);
    return index;
  }

  private numFmtId(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    const existing = child(this.root, "numFmts");
    let max = FIRST_CUSTOM_FORMAT - 1;
    for (const f of existing === null ? [] : children(existing, "numFmt")) {
      const id = Number(f.getAttribute("numFmtId"));
      if (f.getAttribute("formatCode") === code && Number.isInteger(id)) return id;
      if (Number.isInteger(id)) max = Math.max(max, id);
    }
    const list = ensureChild(this.root, "numFmts", STYLESHEET_ORDER);
    const id = max + 1;
    list.appendChild(createLike(list, "numFmt", { numFmtId: String(id), formatCode: code }));
    updateCount(list, true);
    this.changed = true;
    return id;
  }

  /** The workbook's default font (fonts[0]) with Balans's changes; 0 when there are none. */
  private fontId(spec: CellStyleSpec): number {
    const colour = spec.fontColour === undefined ? null : argb(spec.fontColour);
    const size = spec.size !== undefined && Number.isFinite(spec.size) && spec.size > 0 ? spec.size : null;
    if (spec.bold !== true && spec.underline !== true && colour === null && size === null) return 0;
    const list = this.list("fonts");
    const base = children(list, "font")[0];
    const font = createLike(list, "font");
    const keep = new Map<string, Element>();
    for (const c of base === undefined ? [] : childElements(base)) {
      const name = c.localName ?? "";
      if (c.namespaceURI === list.namespaceURI && FONT_ORDER.includes(name)) keep.set(name, c);
    }
    if (spec.bold === true) keep.set("b", createLike(list, "b"));
    if (spec.underline === true) keep.set("u", createLike(list, "u"));
    if (colour !== null) keep.set("color", createLike(list, "color", { rgb: colour }));
    if (size !== null) keep.set("sz", createLike(list, "sz", { val: String(size) }));
    if (!keep.has("sz")) keep.set("sz", createLike(list, "sz", { val: "11" }));
    if (!keep.has("name")) keep.set("name", createLike(list, "name", { val: "Calibri" }));
    for (const name of FONT_ORDER) {
      const c = keep.get(name);
      if (c !== undefined) font.appendChild(c.parentNode === null ? c : (c.cloneNode(true) as Element));
    }
    return this.findOrAppend(list, font);
  }

  private fillId(rgb: Rgb): number {
    const colour = argb(rgb);
    if (colour === null) return 0;
    const list = this.list("fills");
    const fill = createLike(list, "fill");
    const pattern = createLike(list, "patternFill", { patternType: "solid" });
    pattern.appendChild(createLike(list, "fgColor", { rgb: colour }));
    pattern.appendChild(createLike(list, "bgColor", { indexed: "64" }));
    fill.appendChild(pattern);
    return this.findOrAppend(list, fill);
  }
}
