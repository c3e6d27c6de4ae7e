/**
 * The conditional formatting of a status column (issue 11): Balans's own "cell value equals the
 * label" rules are found by what they test, removed before a rewrite and written again with
 * priorities that stay unique on the sheet. These edits lie outside `<sheetData>`, so the
 * streaming sheet patcher applies them to the small part of the sheet after the cells.
 */
import type { Document, Element } from "@xmldom/xmldom";
import { AGREEMENT_STYLES, FOLLOW_UP_STYLES } from "../../domain/statusLabels";
import type { StatusRule } from "../../domain/types";
import type { StyleBook } from "./patchStyles";
import { WORKSHEET_ORDER } from "./patchSheet";
import { childElements, children, createLike, formatRef, insertInOrder, parseRef, rootOf, setText } from "./patchXml";


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

