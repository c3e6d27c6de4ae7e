/**
 * The streaming sheet patcher: applies a {@link SheetEdit} to a worksheet part without building
 * a DOM of its cells. saxes (a conformant streaming parser) reads the part chunk by chunk and
 * reports where each `<row>` and `<c>` starts and ends; the text is copied through as it was,
 * except at the cells Balans writes, which are replaced or inserted in row and column order.
 * Untouched rows and cells keep their bytes. The parts before and after `<sheetData>` (dimension,
 * columns, conditional formats — small next to the cells) are edited as a DOM by the functions
 * the fallback uses too.
 *
 * What it does not take — a row or cell without `r`, rows or cells out of order, a written cell
 * that has `extLst` — ends in {@link StreamFallback}; the caller then uses the DOM path
 * ({@link applySheetEditToDom}). Memory: the encoded output and a buffer of one chunk.
 */
import { escapeXmlAttribute, escapeXmlText } from "../../domain/xmlEscape";
import type { Document } from "@xmldom/xmldom";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { escapeOoxmlText } from "../ooxmlText";
import type { CellWrite } from "./patchSheet";
import type { StyleBook } from "./patchStyles";
import { colLetters, parseCellRef, parseDom, rootOf, serializeXml } from "./patchXml";
import { editAfterCells, editBeforeCells, notEmptyError, type SheetEdit, type SheetEditResult } from "./sheetEdit";
import { doctypeError } from "./xmlStream";
import { localise } from "../../domain/messages";
import { PackageError, packageError } from "./packageError";

/** The sheet has something the streaming patcher does not take; use the DOM path. */
export class StreamFallback extends Error {
  override readonly name = "StreamFallback";
}

/** Output is encoded in pieces of about this many characters. */
const OUTPUT_PIECE_CHARS = 1 << 20;
/** An untouched stretch is copied out once the buffer holds this many characters. */
const BUFFER_FLUSH_CHARS = 1 << 16;
/** Stands for `<sheetData>` while the parts around it are edited as a DOM. */
const MARKER = "balans-sheet-data";
const MARKER_DATA = "here";

/** The prefix of a qualified name, with its colon ("x:" for "x:row"); "" when none. */
const prefixOf = (qname: string) => {
  const colon = qname.indexOf(":");
  return colon === -1 ? "" : qname.slice(0, colon + 1);
};

/** The XML of a written cell: `attrs` are the existing cell's attributes (in order) or just `r`. */
export function cellXml(p: string, w: CellWrite, attrs: Record<string, string> | null): string {
  const list: [string, string][] = [];
  if (attrs === null) list.push(["r", `${colLetters(w.col)}${w.row}`]);
  else for (const [k, v] of Object.entries(attrs)) if (k !== "t" && k !== "cm" && k !== "vm" && k !== "ph") list.push([k, v]);
  const s = list.findIndex(([k]) => k === "s");
  if (w.style === 0) {
    if (s !== -1) list.splice(s, 1);
  } else if (s === -1) list.push(["s", String(w.style)]);
  else list[s] = ["s", String(w.style)];
  let body: string;
  if (w.formula !== undefined) {
    if (typeof w.value === "string" || w.value === null) list.push(["t", "str"]);
    const v = w.value === null ? "" : typeof w.value === "number" ? String(w.value) : escapeOoxmlText(w.value);
    body = `<${p}f>${escapeXmlText(w.formula)}</${p}f><${p}v>${escapeXmlText(v)}</${p}v>`;
  } else if (typeof w.value === "number") {
    body = `<${p}v>${String(w.value)}</${p}v>`;
  } else if (typeof w.value === "string") {
    list.push(["t", "inlineStr"]);
    const text = escapeOoxmlText(w.value);
    const space = /^\s|\s$|\n/u.test(text) ? ' xml:space="preserve"' : "";
    body = `<${p}is><${p}t${space}>${escapeXmlText(text)}</${p}t></${p}is>`;
  } else {
    body = "";
  }
  const head = list.map(([k, v]) => ` ${k}="${escapeXmlAttribute(v)}"`).join("");
  return body === "" ? `<${p}c${head}/>` : `<${p}c${head}>${body}</${p}c>`;
}

const isClear = (w: CellWrite) => w.value === null && w.formula === undefined;
const cellKey = (row: number, col: number) => row * 16_385 + col;

interface OpenRow {
  row: number;
  qname: string;
  start: number;
  selfClosing: boolean;
  /** Whether Balans writes in this row. */
  written: boolean;
  lastCol: number;
}

interface OpenCell {
  col: number;
  start: number;
  attrs: Record<string, string>;
  hasContent: boolean;
  hasFormula: boolean;
  hasExtLst: boolean;
  inValue: boolean;
  value: string;
}

/**
 * Applies `edit` to the sheet whose text comes in `chunks` and hands the new part's bytes to
 * `emit` piece by piece, in order, as they are made (so a caller can compress them at once).
 * Throws {@link StreamFallback} for a sheet it does not take (the caller then drops what was
 * emitted), the not-empty error of the edit, or a {@link PackageError} for XML that is not
 * well-formed.
 */
export function streamSheetEdit(part: string, chunks: Iterable<string>, edit: SheetEdit, styles: StyleBook, emit: (piece: Uint8Array) => void): SheetEditResult {
  // The writes in row and column order; of two writes to one cell the later one (in plan order) wins.
  const sorted = edit.writes.map((w, i) => ({ w, i })).sort((a, b) => a.w.row - b.w.row || a.w.col - b.w.col || a.i - b.i);
  const writes: CellWrite[] = [];
  for (const { w } of sorted) {
    const last = writes[writes.length - 1];
    if (last !== undefined && last.row === w.row && last.col === w.col) writes[writes.length - 1] = w;
    else writes.push(w);
  }
  /** Index of the first write not yet placed. */
  let next = 0;
  const mustBeEmpty = new Set(edit.mustBeEmpty.map((c) => cellKey(c.row, c.col)));
  const notEmpty = new Set<number>();
  let removedFormula = false;
  /** Whether new rows may come (a self-closing `<sheetData/>` then gets an end tag). */
  const rowsComing = writes.some((w) => !isClear(w));

  const encoder = new TextEncoder();
  let pending = "";
  const out = (text: string) => {
    pending += text;
    if (pending.length >= OUTPUT_PIECE_CHARS) {
      emit(encoder.encode(pending));
      pending = "";
    }
  };

  // The text not yet copied out starts at `copyFrom`; `buf` holds the input from `bufStart` on.
  let buf = "";
  let bufStart = 0;
  let copyFrom = 0;
  const at = (pos: number) => buf.slice(copyFrom - bufStart, pos - bufStart);
  /** Copies the input up to `pos` to the output. */
  const copyTo = (pos: number) => {
    if (pos > copyFrom) out(at(pos));
    copyFrom = pos;
    buf = buf.slice(pos - bufStart);
    bufStart = pos;
  };
  /** Drops the input up to `pos` (it is replaced). */
  const skipTo = (pos: number) => {
    copyFrom = pos;
    buf = buf.slice(pos - bufStart);
    bufStart = pos;
  };
  /** Where the tag that ends at `end` starts (a tag holds no `<`: attribute values escape it). */
  const tagStart = (end: number) => {
    const i = buf.lastIndexOf("<", end - 1 - bufStart);
    if (i === -1) throw new StreamFallback("tag start not in the buffer");
    return bufStart + i;
  };

  let depth = 0;
  let rootStartTag = "";
  let phase: "head" | "cells" | "tail" = "head";
  let dataTag = { qname: "", open: "", selfClosing: false };
  let p = "";
  let lastRow = 0;
  let row: OpenRow | null = null;
  let cell: OpenCell | null = null;

  /** New rows for the writes above row `limit` (exclusive): no existing row holds them. */
  const newRowsBefore = (limit: number) => {
    let text = "";
    while (next < writes.length && (writes[next] as CellWrite).row < limit) {
      const r = (writes[next] as CellWrite).row;
      let cells = "";
      for (; next < writes.length && (writes[next] as CellWrite).row === r; next++) {
        const w = writes[next] as CellWrite;
        if (!isClear(w)) cells += cellXml(p, w, null);
      }
      if (cells !== "") text += `<${p}row r="${r}">${cells}</${p}row>`;
    }
    return text;
  };
  /** The new cells of row `row` left of column `limit` (exclusive). */
  const newCellsBefore = (row: number, limit: number) => {
    let text = "";
    while (next < writes.length && (writes[next] as CellWrite).row === row && (writes[next] as CellWrite).col < limit) {
      const w = writes[next++] as CellWrite;
      if (!isClear(w)) text += cellXml(p, w, null);
    }
    return text;
  };

  const parser = new SaxesParser({ xmlns: false, position: true });
  parser.on("doctype", () => {
    throw doctypeError(part);
  });
  parser.on("opentag", (tag: SaxesTagPlain) => {
    const d = depth++;
    if (phase === "head") {
      if (d === 0) rootStartTag = buf.slice(tagStart(parser.position) - bufStart, parser.position - bufStart);
      if (d !== 1 || localOf(tag.name) !== "sheetData") return;
      const start = tagStart(parser.position);
      dataTag = { qname: tag.name, open: buf.slice(start - bufStart, parser.position - bufStart), selfClosing: tag.isSelfClosing };
      p = prefixOf(tag.name);
      // The part before the cells, edited as a small DOM (`<sheetData/>` stands in for the cells), goes out first.
      const rootName = /^<([^\s/>]+)/u.exec(rootStartTag)?.[1] ?? "worksheet";
      const before = parseDom(`${buf.slice(0, start - bufStart)}<${tag.name}/></${rootName}>`, part);
      editBeforeCells(before, edit);
      out(splitAtCells(before, tag.name)[0]);
      out(tag.isSelfClosing ? (rowsComing ? dataTag.open.replace(/\s*\/>$/u, ">") : dataTag.open) : dataTag.open);
      phase = "cells";
      skipTo(parser.position);
      return;
    }
    if (phase !== "cells") return;
    if (d === 2) {
      if (localOf(tag.name) !== "row") return;
      const r = Number(tag.attributes.r);
      if (!Number.isInteger(r) || r <= lastRow) throw new StreamFallback(`row ${tag.attributes.r ?? "(no r)"} after ${lastRow}`);
      lastRow = r;
      const start = tagStart(parser.position);
      const inserted = newRowsBefore(r);
      if (inserted !== "") {
        copyTo(start);
        out(inserted);
      }
      const w = writes[next];
      row = { row: r, qname: tag.name, start, selfClosing: tag.isSelfClosing, written: w !== undefined && w.row === r, lastCol: 0 };
      return;
    }
    if (row === null) return;
    if (d === 3 && localOf(tag.name) === "c") {
      if (!row.written) return;
      const ref = parseCellRef(tag.attributes.r ?? "");
      if (ref === null || ref.row !== row.row || ref.col <= row.lastCol) throw new StreamFallback(`cell ${tag.attributes.r ?? "(no r)"} in row ${row.row}`);
      row.lastCol = ref.col;
      const start = tagStart(parser.position);
      const inserted = newCellsBefore(row.row, ref.col);
      if (inserted !== "") {
        copyTo(start);
        out(inserted);
      }
      cell = { col: ref.col, start, attrs: tag.attributes, hasContent: false, hasFormula: false, hasExtLst: false, inValue: false, value: "" };
      return;
    }
    if (cell === null || d !== 4) return;
    const name = localOf(tag.name);
    if (name === "f") {
      cell.hasContent = true;
      cell.hasFormula = true;
    } else if (name === "is") cell.hasContent = true;
    else if (name === "v") cell.inValue = !tag.isSelfClosing;
    else if (name === "extLst") cell.hasExtLst = true;
  });
  parser.on("text", (text: string) => {
    if (cell !== null && cell.inValue) cell.value += text;
  });
  parser.on("closetag", (tag: SaxesTagPlain) => {
    depth--;
    const d = depth;
    if (phase !== "cells") return;
    if (cell !== null && d === 4 && localOf(tag.name) === "v") {
      cell.inValue = false;
      if (cell.value !== "") cell.hasContent = true;
      return;
    }
    if (cell !== null && d === 3) {
      closeCell(cell, parser.position);
      cell = null;
      return;
    }
    if (row !== null && d === 2) {
      closeRow(row, parser.position);
      row = null;
      return;
    }
    if (d === 1) {
      // </sheetData>: the rows still to write go at its end.
      const end = parser.position;
      const bodyEnd = dataTag.selfClosing ? end : tagStart(end);
      copyTo(bodyEnd);
      out(newRowsBefore(Number.POSITIVE_INFINITY));
      if (!dataTag.selfClosing || rowsComing) out(`</${dataTag.qname}>`);
      skipTo(end);
      phase = "tail";
    }
  });

  const closeCell = (c: OpenCell, end: number) => {
    const r = (row as OpenRow).row;
    const w = writes[next];
    if (w === undefined || w.row !== r || w.col !== c.col) return;
    next++;
    const key = cellKey(r, c.col);
    if (mustBeEmpty.has(key) && c.hasContent) notEmpty.add(key);
    if (c.hasExtLst) throw new StreamFallback(`cell ${c.attrs.r ?? ""} has extLst`);
    if (c.hasFormula && w.formula === undefined) removedFormula = true;
    copyTo(c.start);
    if (!isClear(w)) out(cellXml(p, w, c.attrs));
    skipTo(end);
  };

  const closeRow = (r: OpenRow, end: number) => {
    if (!r.written) {
      if (end - bufStart >= BUFFER_FLUSH_CHARS) copyTo(end);
      return;
    }
    const rest = newCellsBefore(r.row, Number.POSITIVE_INFINITY);
    if (r.selfClosing) {
      if (rest !== "") {
        const tag = buf.slice(r.start - bufStart, end - bufStart);
        copyTo(r.start);
        out(`${tag.replace(/\s*\/>$/u, ">")}${rest}</${r.qname}>`);
        skipTo(end);
      }
    } else if (rest !== "") {
      copyTo(tagStart(end));
      out(rest);
    }
    copyTo(end);
  };

  try {
    for (const chunk of chunks) {
      buf += chunk;
      parser.write(chunk);
    }
    parser.close();
  } catch (e) {
    if (e instanceof StreamFallback || e instanceof PackageError) throw e;
    const detail = e instanceof Error ? e.message : String(e);
    throw packageError("bad-xml", localise("package.patch-bad-xml", { part, detail }), part);
  }
  const finished = (): boolean => phase === "tail";
  if (!finished()) throw new StreamFallback("no <sheetData>");
  for (const c of edit.mustBeEmpty) if (notEmpty.has(cellKey(c.row, c.col))) throw notEmptyError(edit.sheet, c);

  // The part after the cells, edited as a small DOM (the root's start tag and `<sheetData/>` before it).
  const after = parseDom(`${rootStartTag}<${dataTag.qname}/>${buf.slice(copyFrom - bufStart)}`, part);
  editAfterCells(after, edit, styles);
  out(splitAtCells(after, dataTag.qname)[1]);
  if (pending !== "") emit(encoder.encode(pending));
  return { removedFormula };
}

function localOf(name: string): string {
  const colon = name.indexOf(":");
  return colon === -1 ? name : name.slice(colon + 1);
}

/** The serialised sheet split where its (empty) `<sheetData>` stands: [before it, after it]. */
function splitAtCells(sheet: Document, qname: string): [string, string] {
  const root = rootOf(sheet);
  const list = root.getElementsByTagName(qname);
  const data = list.item(0);
  if (data === null || data.parentNode !== root) throw new StreamFallback("the placeholder is gone");
  root.replaceChild(sheet.createProcessingInstruction(MARKER, MARKER_DATA), data);
  const text = serializeXml(sheet);
  const mark = `<?${MARKER} ${MARKER_DATA}?>`;
  const i = text.indexOf(mark);
  if (i === -1 || text.indexOf(mark, i + 1) !== -1) throw new StreamFallback("the placeholder is not unique");
  return [text.slice(0, i), text.slice(i + mark.length)];
}
