/**
 * A worksheet as a DOM with an index of its rows, for writing cells: the fallback of the
 * streaming sheet patcher (sheetStream.ts) for sheets it does not take, e.g. rows without an
 * `r` reference. Only the cells written are touched: each gets its value and a style index; rows
 * keep their order and attributes; a missing cell or row is inserted where the order puts it.
 */
import type { Document, Element } from "@xmldom/xmldom";
import { escapeOoxmlText } from "../ooxmlText";
import { WORKSHEET_ORDER, type CellWrite } from "./patchSheet";
import { child, childElements, children, colLetters, createLike, ensureChild, parseCellRef, rootOf, setText } from "./patchXml";

/** A worksheet DOM with an index of its rows, for writing cells. */
export class SheetWriter {
  /** A cell that held a formula lost it (the calculation chain must go, see patchPackage). */
  removedFormula = false;
  private readonly sheetData: Element;
  private rows: { row: number; el: Element }[] = [];

  constructor(readonly doc: Document) {
    const root = rootOf(doc);
    this.sheetData = ensureChild(root, "sheetData", WORKSHEET_ORDER);
    let implicit = 0;
    let explicit = true;
    for (const el of children(this.sheetData, "row")) {
      const r = Number(el.getAttribute("r"));
      if (!Number.isInteger(r) || r < 1) explicit = false;
      implicit = Number.isInteger(r) && r >= 1 ? r : implicit + 1;
      this.rows.push({ row: implicit, el });
    }
    // Rows without `r` count on from the row before; they get it written before anything is inserted.
    if (!explicit) for (const { row, el } of this.rows) el.setAttribute("r", String(row));
  }

  /** Whether the cell holds anything: a value, a formula or text (an empty `=""` result counts). */
  hasContent(row: number, col: number): boolean {
    const rowEl = this.rowElement(row, false);
    if (rowEl === null) return false;
    let implicitCol = 0;
    for (const c of children(rowEl, "c")) {
      const parsed = parseCellRef(c.getAttribute("r") ?? "");
      implicitCol = parsed === null ? implicitCol + 1 : parsed.col;
      if (implicitCol !== col) continue;
      if (child(c, "f") !== null || child(c, "is") !== null) return true;
      const v = child(c, "v");
      return v !== null && (v.textContent ?? "") !== "";
    }
    return false;
  }

  /** Writes cells (any order); a cell with value null and no formula is removed. */
  write(cells: readonly CellWrite[]): void {
    for (const cell of [...cells].sort((a, b) => a.row - b.row || a.col - b.col)) this.writeOne(cell);
  }

  private rowElement(row: number, create: boolean): Element | null {
    let lo = 0;
    let hi = this.rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.rows[mid] as { row: number }).row < row) lo = mid + 1;
      else hi = mid;
    }
    const at = this.rows[lo];
    if (at !== undefined && at.row === row) return at.el;
    if (!create) return null;
    const el = createLike(this.sheetData, "row", { r: String(row) });
    if (at === undefined) this.sheetData.appendChild(el);
    else this.sheetData.insertBefore(el, at.el);
    this.rows.splice(lo, 0, { row, el });
    return el;
  }

  private writeOne(w: CellWrite): void {
    const clear = w.value === null && w.formula === undefined;
    const rowEl = this.rowElement(w.row, !clear);
    if (rowEl === null) return;
    const ref = `${colLetters(w.col)}${w.row}`;
    const cellsInRow = children(rowEl, "c");
    let implicitCol = 0;
    let cell: Element | null = null;
    let before: Element | null = null;
    for (const c of cellsInRow) {
      const parsed = parseCellRef(c.getAttribute("r") ?? "");
      implicitCol = parsed === null ? implicitCol + 1 : parsed.col;
      if (parsed === null) c.setAttribute("r", `${colLetters(implicitCol)}${w.row}`);
      if (implicitCol === w.col) cell = c;
      if (implicitCol > w.col) {
        before = c;
        break;
      }
    }
    if (clear) {
      if (cell !== null) {
        if (child(cell, "f") !== null) this.removedFormula = true;
        rowEl.removeChild(cell);
      }
      return;
    }
    if (cell === null) {
      cell = createLike(rowEl, "c", { r: ref });
      if (before === null) rowEl.appendChild(cell);
      else rowEl.insertBefore(cell, before);
    } else {
      for (const c of childElements(cell)) {
        if (c.localName === "f" && w.formula === undefined) this.removedFormula = true;
        if (c.localName !== "extLst") cell.removeChild(c);
      }
      for (const a of ["t", "cm", "vm", "ph"]) cell.removeAttribute(a);
    }
    if (w.style === 0) cell.removeAttribute("s");
    else cell.setAttribute("s", String(w.style));
    const add = (name: string, text: string) => {
      const el = createLike(rowEl, name);
      setText(el, text);
      const ext = child(cell as Element, "extLst");
      if (ext === null) (cell as Element).appendChild(el);
      else (cell as Element).insertBefore(el, ext);
      return el;
    };
    if (w.formula !== undefined) {
      // A formula with its cached result; text results are t="str".
      if (typeof w.value === "string" || w.value === null) cell.setAttribute("t", "str");
      add("f", w.formula);
      add("v", w.value === null ? "" : typeof w.value === "number" ? String(w.value) : escapeOoxmlText(w.value));
    } else if (typeof w.value === "number") {
      add("v", String(w.value));
    } else if (typeof w.value === "string") {
      // Text is always an inline string: never read as a number or a formula.
      cell.setAttribute("t", "inlineStr");
      const is = createLike(rowEl, "is");
      const t = createLike(rowEl, "t");
      const text = escapeOoxmlText(w.value);
      if (/^\s|\s$|\n/u.test(text)) t.setAttribute("xml:space", "preserve");
      setText(t, text);
      is.appendChild(t);
      const ext = child(cell, "extLst");
      if (ext === null) cell.appendChild(is);
      else cell.insertBefore(is, ext);
    }
  }
}
