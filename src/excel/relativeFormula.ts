/**
 * Tells whether formulas written one per row are the same formula filled down: each one equals
 * the first with its relative row references moved by the row offset. Such a run can be written
 * as one formula and filled (`Range.autoFill`, ExcelApi 1.9) instead of one string per row — a
 * status column of 3 000 rows is then a few hundred bytes of request, not megabytes.
 *
 * Invariant-language A1 formulas only. Text in double quotes is left alone; a token followed by
 * "(" is a function name (LOG10), not a cell; `$` before the row number fixes it.
 */

const REF = /(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})/y;

/** `formula` with each relative row reference written relative to `row` (`BP2` at row 2 → `BP{R+0}`). */
export function relativeForm(formula: string, row: number): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i] as string;
    if (ch === '"') {
      const end = formula.indexOf('"', i + 1);
      const stop = end < 0 ? formula.length : end + 1;
      out += formula.slice(i, stop);
      i = stop;
      // A doubled quote inside a literal continues it: the loop picks up the next '"' as a new literal, which is the same text.
      continue;
    }
    const prev = i === 0 ? "" : (formula[i - 1] as string);
    if (!/[A-Za-z0-9_.$\\]/.test(prev)) {
      REF.lastIndex = i;
      const m = REF.exec(formula);
      if (m) {
        const after = formula[i + m[0].length] ?? "";
        if (after !== "(" && !/[A-Za-z0-9_.]/.test(after)) {
          const [, colAbs, col, rowAbs, digits] = m as unknown as [string, string, string, string, string];
          out += rowAbs === "$" ? m[0] : `${colAbs}${col}{R${Number(digits) - row >= 0 ? "+" : ""}${Number(digits) - row}}`;
          i += m[0].length;
          continue;
        }
      }
    }
    out += ch;
    i++;
  }
  return out;
}

/** True when every formula of `cells` (consecutive rows) is the first one filled down. */
export function isFilledDown(cells: readonly { row: number; formula?: string }[]): boolean {
  const first = cells[0];
  if (first?.formula === undefined) return false;
  const form = relativeForm(first.formula, first.row);
  return cells.every((c, i) => c.row === first.row + i && c.formula !== undefined && relativeForm(c.formula, c.row) === form);
}
