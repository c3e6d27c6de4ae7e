/**
 * A status column written into an existing worksheet part (and, when the column is new beside
 * an Excel table, into that table's part). Only the cells the plan names are touched: each gets
 * its value and a style index; rows keep their order and attributes (`spans`, heights,
 * `x14ac:dyDescent`); a cell or row that is missing is inserted where the row/column order
 * puts it. `<dimension>` grows to cover what was written; nothing else in the sheet changes.
 */
import type { Document, Element } from "@xmldom/xmldom";
import { AGREEMENT_STYLES, FOLLOW_UP_STYLES } from "../../domain/statusLabels";
import type { LiveDatesColumnPlan, StatusColumnPlan, StatusRule } from "../../domain/types";
import { escapeOoxmlText } from "../ooxmlText";
import type { StyleBook } from "./patchStyles";
import {
  child,
  childElements,
  children,
  colLetters,
  createLike,
  ensureChild,
  formatRef,
  insertInOrder,
  parseCellRef,
  parseRef,
  rootOf,
  setText,
  updateCount,
  type Rect,
} from "./patchXml";

/** Order of a worksheet's children (ECMA-376 CT_Worksheet). */
export const WORKSHEET_ORDER = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection",
  "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells",
  "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup",
  "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing",
  "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
];

/** Width of a new status column in characters (as the Excel adapter sets it). */
export const STATUS_COLUMN_WIDTH = 14;

/** A cell value Balans writes. `formula` (without "=") is written as `<f>` with `value` as its cached text. */
export interface CellWrite {
  row: number;
  col: number;
  /** null: the cell is left without a value (and without a style unless `style` is given). */
  value: string | number | null;
  formula?: string;
  style: number;
}

/** Excel's stored column width for a width in characters of the default font (Calibri 11). */
export function storedWidth(chars: number): number {
  return Math.trunc(((chars * 7 + 5) / 7) * 256) / 256;
}

/** A worksheet DOM with an index of its rows, for writing cells. */
export class SheetWriter {
  /** A cell that held a formula lost it (the calculation chain must go, see patchPackage). */
  removedFormula = false;
  private readonly sheetData: Element;
  private rows: { row: number; el: Element }[] = [];
  private written: Rect | null = null;

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
    const r = this.written;
    this.written =
      r === null
        ? { top: w.row, left: w.col, bottom: w.row, right: w.col }
        : { top: Math.min(r.top, w.row), left: Math.min(r.left, w.col), bottom: Math.max(r.bottom, w.row), right: Math.max(r.right, w.col) };
  }

  /** Grows `<dimension ref>` to cover the written cells (when the sheet has one). */
  updateDimension(): void {
    const dim = child(rootOf(this.doc), "dimension");
    if (dim === null || this.written === null) return;
    const old = parseRef(dim.getAttribute("ref") ?? "");
    const w = this.written;
    // "A1" on a sheet without cells means "empty": the written cells are the whole used range.
    const empty = old === null || (children(this.sheetData, "row").every((r) => children(r, "c").length === 0));
    const next = empty
      ? w
      : {
          top: Math.min(old.top, w.top),
          left: Math.min(old.left, w.left),
          bottom: Math.max(old.bottom, w.bottom),
          right: Math.max(old.right, w.right),
        };
    const text = formatRef(next);
    if (text !== dim.getAttribute("ref")) dim.setAttribute("ref", text);
  }

  /** Gives a column a width, unless a `<col>` already covers it (the user's width stays). */
  setColumnWidth(col: number, chars: number): void {
    const root = rootOf(this.doc);
    const cols = child(root, "cols");
    const list = cols === null ? [] : children(cols, "col");
    if (list.some((c) => Number(c.getAttribute("min")) <= col && col <= Number(c.getAttribute("max")))) return;
    const el = createLike(root, "col", { min: String(col), max: String(col), width: String(storedWidth(chars)), customWidth: "1" });
    const target = cols ?? insertInOrder(root, createLike(root, "cols"), WORKSHEET_ORDER);
    const next = list.find((c) => Number(c.getAttribute("min")) > col);
    if (next === undefined) target.appendChild(el);
    else target.insertBefore(el, next);
  }
}

/**
 * The cell writes of one status column: its header and one cell per listed data row. A cell with
 * a formula (issue 11) gets the General format — a formula in a Text-formatted (`@`) cell stays
 * text in Excel — and its label as the cached value (`t="str"`); a cell without one is its label
 * as text (`@`), with the plan's fixed fill and font colour.
 */
export function statusColumnWrites(plan: StatusColumnPlan, styles: StyleBook, inTable: boolean): CellWrite[] {
  const writes: CellWrite[] = [
    // In a table the table style formats the header; beside a plain range Balans makes it bold.
    { row: plan.headerRow, col: plan.column, value: plan.header, style: inTable ? 0 : styles.xf({ bold: true }) },
  ];
  for (const c of plan.cells) {
    const formula = typeof c.formula === "string" ? c.formula.replace(/^=/u, "") : null;
    if (formula !== null) {
      writes.push({ row: c.row, col: plan.column, value: c.label, formula, style: styles.xf({ numFmt: "General" }) });
      continue;
    }
    if (c.label === "") {
      writes.push({ row: c.row, col: plan.column, value: null, style: 0 });
      continue;
    }
    const spec = {
      numFmt: "@",
      ...(c.fill === null ? {} : { fill: c.fill }),
      ...(c.font === null ? {} : { fontColour: c.font }),
    };
    writes.push({ row: c.row, col: plan.column, value: c.label, style: styles.xf(spec) });
  }
  return writes;
}

/**
 * The cell writes of the owned dates column "Balans datum" (issue 11): its header and one text
 * cell per listed row ("2025-03-31; 2024-12-31", "Klar", …), formatted as text (`@`) so that no
 * value is ever read as a date, a number or a formula; "" empties the cell.
 */
export function datesColumnWrites(dates: LiveDatesColumnPlan, headerRow: number, styles: StyleBook, inTable: boolean): CellWrite[] {
  const writes: CellWrite[] = [{ row: headerRow, col: dates.column, value: dates.header, style: inTable ? 0 : styles.xf({ bold: true }) }];
  for (const c of dates.cells) {
    writes.push(c.value === "" ? { row: c.row, col: dates.column, value: null, style: 0 } : { row: c.row, col: dates.column, value: c.value, style: styles.xf({ numFmt: "@" }) });
  }
  return writes;
}

// ---------------------------------------------------------------------------------------------
// Conditional formatting of a status column (issue 11)

/** Every label Balans writes in a status column (both kinds): a rule testing one of them may be Balans's. */
const BALANS_LABELS: ReadonlySet<string> = new Set([...Object.values(FOLLOW_UP_STYLES), ...Object.values(AGREEMENT_STYLES)].map((s) => s.label));

/** `"Försenad"` → the label; null for any other formula. */
function quotedLabel(formula: string): string | null {
  const m = /^"((?:[^"]|"")*)"$/u.exec(formula.trim());
  return m === null ? null : (m[1] as string).replace(/""/gu, '"');
}

/**
 * Whether a `<cfRule>` is one Balans writes: "cell value equals" one of its labels. Balans's rules
 * are told apart by what they test, not by their `dxfId` (Excel renumbers the differential formats
 * when it saves a workbook, and the Excel adapter's rules get whatever index Excel gives them).
 */
function isBalansRule(rule: Element): boolean {
  if (rule.getAttribute("type") !== "cellIs" || rule.getAttribute("operator") !== "equal") return false;
  const formulas = children(rule, "formula");
  if (formulas.length !== 1) return false;
  const label = quotedLabel(formulas[0]?.textContent ?? "");
  return label !== null && BALANS_LABELS.has(label);
}

/** Whether every range of a `sqref` lies inside one column (rows below `headerRow`). */
function sqrefInColumn(sqref: string, column: number, headerRow: number): boolean {
  const ranges = sqref.trim().split(/\s+/u).filter((r) => r !== "");
  return (
    ranges.length > 0 &&
    ranges.every((r) => {
      const rect = parseRef(r);
      return rect !== null && rect.left === column && rect.right === column && rect.top > headerRow;
    })
  );
}

/** The `sqref` of the listed rows of a column: runs of consecutive rows, e.g. `G2:G5 G7:G9`. */
export function columnSqref(column: number, rows: readonly number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: string[] = [];
  let start: number | null = null;
  let prev = 0;
  const flush = () => {
    if (start !== null) runs.push(formatRef({ top: start, left: column, bottom: prev, right: column }));
  };
  for (const r of sorted) {
    if (start !== null && r === prev + 1) {
      prev = r;
      continue;
    }
    flush();
    start = r;
    prev = r;
  }
  flush();
  return runs.join(" ");
}

/**
 * Removes Balans's earlier rules on a status column: in every `<conditionalFormatting>` whose
 * ranges all lie in the column below its header, the rules that are Balans's ({@link isBalansRule});
 * an element left without rules goes too. Returns the element after the first one removed (where
 * the new rules go, so that a rewrite keeps their place), or undefined when none was there.
 */
export function removeBalansRules(sheet: Document, column: number, headerRow: number): { before: Element | null } | undefined {
  const root = rootOf(sheet);
  let place: { before: Element | null } | undefined;
  for (const cf of children(root, "conditionalFormatting")) {
    if (!sqrefInColumn(cf.getAttribute("sqref") ?? "", column, headerRow)) continue;
    const rules = children(cf, "cfRule");
    const mine = rules.filter(isBalansRule);
    if (mine.length === 0) continue;
    for (const r of mine) cf.removeChild(r);
    if (mine.length === rules.length && childElements(cf).length === 0) {
      place ??= { before: nextElement(cf) };
      root.removeChild(cf);
    }
  }
  return place;
}

function nextElement(el: Element): Element | null {
  for (let n = el.nextSibling; n !== null; n = n.nextSibling) if (n.nodeType === 1) return n as Element;
  return null;
}

/** The highest `priority` of any conditional-formatting rule on the sheet (x14 rules in `extLst` included); 0 when none. */
export function maxRulePriority(sheet: Document): number {
  let max = 0;
  const all = rootOf(sheet).getElementsByTagNameNS("*", "cfRule");
  for (let i = 0; i < all.length; i++) {
    const p = Number(all.item(i)?.getAttribute("priority"));
    if (Number.isInteger(p) && p > max) max = p;
  }
  return max;
}

/**
 * Adds one `<conditionalFormatting>` over the listed rows of a status column: per rule "cell value
 * equals the label" → its differential format (fill and font colour). Priorities continue from
 * `firstPriority`, so they stay unique on the sheet. `place` (from {@link removeBalansRules}) puts
 * the element where Balans's earlier one was; otherwise it goes where CT_Worksheet wants it (after
 * `mergeCells`/`phoneticPr` and any existing conditional formats, before `dataValidations`).
 * Returns the number of rules written.
 */
export function addStatusRules(
  sheet: Document,
  sqref: string,
  rules: readonly StatusRule[],
  styles: StyleBook,
  firstPriority: number,
  place: { before: Element | null } | undefined,
): number {
  if (sqref === "" || rules.length === 0) return 0;
  const root = rootOf(sheet);
  const cf = createLike(root, "conditionalFormatting", { sqref });
  rules.forEach((rule, i) => {
    const el = createLike(root, "cfRule", {
      type: "cellIs",
      dxfId: String(styles.dxf({ fill: rule.fill, font: rule.font })),
      priority: String(firstPriority + i),
      operator: "equal",
    });
    const formula = createLike(root, "formula");
    setText(formula, `"${rule.label.replace(/"/gu, '""')}"`);
    el.appendChild(formula);
    cf.appendChild(el);
  });
  if (place !== undefined && (place.before === null || place.before.parentNode === root)) {
    if (place.before === null) insertInOrder(root, cf, WORKSHEET_ORDER);
    else root.insertBefore(cf, place.before);
  } else {
    insertInOrder(root, cf, WORKSHEET_ORDER);
  }
  return rules.length;
}

/** The table's range; null when it has none. */
export function tableRect(table: Document): Rect | null {
  return parseRef(rootOf(table).getAttribute("ref") ?? "");
}

/**
 * Widens an Excel table by one column on the right (the new status column): `ref`, the
 * autofilter's `ref`, and a new `<tableColumn>` with a unique id and the header text.
 */
export function addTableColumn(table: Document, header: string): void {
  const root = rootOf(table);
  const range = parseRef(root.getAttribute("ref") ?? "");
  if (range === null) throw new Error(`The table has no range: ${root.getAttribute("ref")}`);
  root.setAttribute("ref", formatRef({ ...range, right: range.right + 1 }));
  const filter = child(root, "autoFilter");
  const filterRange = filter === null ? null : parseRef(filter.getAttribute("ref") ?? "");
  if (filter !== null && filterRange !== null) filter.setAttribute("ref", formatRef({ ...filterRange, right: filterRange.right + 1 }));
  const columns = child(root, "tableColumns");
  if (columns === null) throw new Error("The table has no tableColumns.");
  const list = children(columns, "tableColumn");
  const name = escapeOoxmlText(header);
  if (list.some((c) => (c.getAttribute("name") ?? "").toLocaleLowerCase("sv-SE") === name.toLocaleLowerCase("sv-SE"))) {
    throw new Error(`Tabellen har redan en kolumn som heter "${header}".`);
  }
  const id = list.reduce((m, c) => Math.max(m, Number(c.getAttribute("id")) || 0), 0) + 1;
  columns.appendChild(createLike(columns, "tableColumn", { id: String(id), name }));
  updateCount(columns, true);
}

/** Keeps the name of an existing table column in step with its header cell. */
export function renameTableColumn(table: Document, index: number, header: string): void {
  const columns = child(rootOf(table), "tableColumns");
  const column = columns === null ? undefined : children(columns, "tableColumn")[index];
  const name = escapeOoxmlText(header);
  if (column !== undefined && column.getAttribute("name") !== name) column.setAttribute("name", name);
}
