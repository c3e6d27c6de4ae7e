import { OWNED_HEADER } from "./recogniseTables";
import { AGREEMENT_STYLES, FOLLOW_UP_STYLES, type StatusStyle } from "./statusLabels";
import type { Analysis, StatusCell, StatusColumnPlan } from "./types";

/**
 * What Kontrollera writes: for each balanslista and agreements table, the owned status column
 * (appended to the right of the table, or refreshed where it already is) with one label and
 * fill per data row. Tables that get no status column (`blockedOwnedColumn`: the neighbour is not
 * free, a merge, a protected sheet, a user's own "Balans status" column) are left out, and rows
 * whose cell lies in a merge (`statusRowsSkipped`) are absent from `cells`; the analysis reports
 * both.
 */
export function planFlags(analysis: Analysis): StatusColumnPlan[] {
  const plans: StatusColumnPlan[] = [];
  const styleByRow = new Map<string, StatusStyle>();
  const key = (sheet: string, table: string, firstColumn: number, row: number) => `${sheet}\u0000${table}\u0000${firstColumn}\u0000${row}`;
  for (const f of analysis.followUps) styleByRow.set(key(f.sheet, f.table, f.firstColumn, f.row), FOLLOW_UP_STYLES[f.status]);
  for (const a of analysis.agreements) styleByRow.set(key(a.sheet, a.table, a.firstColumn, a.row), AGREEMENT_STYLES[a.status]);
  for (const t of analysis.tables) {
    if (t.kind !== "balanslista" && t.kind !== "agreements") continue;
    const column = t.ownedColumn !== null ? t.firstColumn + t.ownedColumn : t.lastColumn + 1;
    if (t.blockedOwnedColumn) continue;
    const skipped = new Set(t.statusRowsSkipped ?? []);
    const cells: StatusCell[] = [];
    for (let row = t.headerRow + 1; row <= t.lastRow; row++) {
      if (skipped.has(row)) continue;
      const style = styleByRow.get(key(t.sheet, t.table, t.firstColumn, row));
      cells.push(style ? { row, label: style.label, fill: style.fill, font: style.font } : { row, label: "", fill: null, font: null });
    }
    plans.push({ sheet: t.sheet, table: t.table, headerRow: t.headerRow, column, exists: t.ownedColumn !== null, header: OWNED_HEADER, cells });
  }
  return plans;
}
