/**
 * What Balans changes in one existing worksheet part, as data: the cells it writes, the cells
 * that must be empty first (a new owned column never goes over the user's data), the widths of
 * new columns and the conditional formats of its status columns. Two implementations apply it:
 *
 * - {@link streamSheetEdit} (sheetStream.ts), the normal path: the cells (`<sheetData>`, nearly
 *   all of a big sheet) are streamed through saxes and copied as they were, row by row, except
 *   the cells Balans writes; only the small parts before and after the cells are edited as a DOM.
 *   Memory and time follow the size of the part, not of a DOM of it.
 * - {@link applySheetEditToDom} here, the fallback for what the stream does not handle (rows or
 *   cells without an `r` reference, rows or cells out of order, a written cell with `extLst`):
 *   the whole part as a DOM, as in earlier versions.
 *
 * Both give the same XML (a test compares them on every fixture); the parts outside the cells
 * are edited by the same functions ({@link editBeforeCells}, {@link editAfterCells}).
 */
import type { Document, Element } from "@xmldom/xmldom";
import { localise } from "../../domain/messages";
import type { StatusRule } from "../../domain/types";
import { packageError, type PackageError } from "./packageError";
import { WORKSHEET_ORDER, storedWidth, type CellWrite } from "./patchSheet";
import { child, children, colLetters, createLike, formatRef, insertInOrder, parseRef, rootOf, type Rect } from "./patchXml";
import type { StyleBook } from "./patchStyles";
import { addStatusRules, maxRulePriority, removeBalansRules } from "./sheetRules";
import { SheetWriter } from "./sheetWriter";

export interface SheetEdit {
  /** The sheet's name (for messages). */
  sheet: string;
  /** Cell writes in plan order (a later write to the same cell wins). */
  writes: CellWrite[];
  /** Cells that must be empty before Balans writes there, in the order they are checked. */
  mustBeEmpty: { row: number; col: number }[];
  /** New columns' widths in characters (a `<col>` the user has keeps its width). */
  widths: { col: number; chars: number }[];
  /** Per status column: Balans's rules, rewritten over the listed rows. */
  rules: { column: number; headerRow: number; sqref: string; rules: readonly StatusRule[] }[];
}

/** The result of applying an edit: whether a formula was removed (then the calculation chain must go). */
export interface SheetEditResult {
  removedFormula: boolean;
}

/** The error for an owned column that would go over a cell that holds something. */
export function notEmptyError(sheet: string, cell: { row: number; col: number }): PackageError {
  const ref = `${colLetters(cell.col)}${cell.row}`;
  return packageError("damaged", localise("package.cell-not-empty", { ref, sheet }));
}

/** The rectangle the edit's non-empty writes cover; null when it writes no value. */
export function writtenRect(writes: readonly CellWrite[]): Rect | null {
  let r: Rect | null = null;
  for (const w of writes) {
    if (w.value === null && w.formula === undefined) continue;
    r =
      r === null
        ? { top: w.row, left: w.col, bottom: w.row, right: w.col }
        : { top: Math.min(r.top, w.row), left: Math.min(r.left, w.col), bottom: Math.max(r.bottom, w.row), right: Math.max(r.right, w.col) };
  }
  return r;
}

/** Gives a column a width, unless a `<col>` already covers it (the user's width stays). */
function setColumnWidth(root: Element, col: number, chars: number): void {
  const cols = child(root, "cols");
  const list = cols === null ? [] : children(cols, "col");
  if (list.some((c) => Number(c.getAttribute("min")) <= col && col <= Number(c.getAttribute("max")))) return;
  const el = createLike(root, "col", { min: String(col), max: String(col), width: String(storedWidth(chars)), customWidth: "1" });
  const target = cols ?? insertInOrder(root, createLike(root, "cols"), WORKSHEET_ORDER);
  const next = list.find((c) => Number(c.getAttribute("min")) > col);
  if (next === undefined) target.appendChild(el);
  else target.insertBefore(el, next);
}

/** Grows `<dimension ref>` to cover `written` (when the sheet has a dimension). */
function growDimension(root: Element, written: Rect | null): void {
  const dim = child(root, "dimension");
  if (dim === null || written === null) return;
  const old = parseRef(dim.getAttribute("ref") ?? "");
  const w = written;
  const next =
    old === null
      ? w
      : { top: Math.min(old.top, w.top), left: Math.min(old.left, w.left), bottom: Math.max(old.bottom, w.bottom), right: Math.max(old.right, w.right) };
  const text = formatRef(next);
  if (text !== dim.getAttribute("ref")) dim.setAttribute("ref", text);
}

/** The edits before `<sheetData>`: new columns' widths and the dimension. */
export function editBeforeCells(sheet: Document, edit: SheetEdit): void {
  const root = rootOf(sheet);
  for (const w of edit.widths) setColumnWidth(root, w.col, w.chars);
  growDimension(root, writtenRect(edit.writes));
}

/**
 * The edits after `<sheetData>`: Balans's earlier rules on each status column go first (so the
 * new ones take their place and the priorities after them are the same on every run), then the
 * new rules, numbered on from the highest priority on the sheet.
 */
export function editAfterCells(sheet: Document, edit: SheetEdit, styles: StyleBook): void {
  const places = edit.rules.map((r) => removeBalansRules(sheet, r.column, r.headerRow));
  let priority = maxRulePriority(sheet) + 1;
  edit.rules.forEach((r, i) => {
    priority += addStatusRules(sheet, r.sqref, r.rules, styles, priority, places[i]);
  });
}

/** Applies the edit to the whole sheet as a DOM (the fallback of the streaming path). */
export function applySheetEditToDom(sheet: Document, edit: SheetEdit, styles: StyleBook): SheetEditResult {
  const writer = new SheetWriter(sheet);
  for (const cell of edit.mustBeEmpty) if (writer.hasContent(cell.row, cell.col)) throw notEmptyError(edit.sheet, cell);
  writer.write(edit.writes);
  editBeforeCells(sheet, edit);
  editAfterCells(sheet, edit, styles);
  return { removedFormula: writer.removedFormula };
}
