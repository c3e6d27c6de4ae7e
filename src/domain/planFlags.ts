import { OWNED_HEADER } from "./recogniseTables";
import { AGREEMENT_STYLES, FOLLOW_UP_STYLES, type StatusStyle } from "./statusLabels";
import type { Analysis, StatusCell, StatusColumnPlan } from "./types";

/**
 * Values by table (sheet, table name, first column: plain ranges have the name "") and row.
 * The rows of a long list are looked up by number in their table's map, not by a string key
 * per row (on a full sheet that was a million strings).
 */
export class ByTableRow<V> {
  private readonly tables = new Map<string, Map<number, V>>();

  /** The rows of one table (an empty map when none was set). */
  table(sheet: string, table: string, firstColumn: number): Map<number, V> {
    const key = `${sheet}\u0000${table}\u0000${firstColumn}`;
    let rows = this.tables.get(key);
    if (rows === undefined) {
      rows = new Map();
      this.tables.set(key, rows);
    }
    return rows;
  }

  /** Sets one value per item, under the item's table and row (a later item of the same row wins). */
  setAll<T extends { sheet: string; table: string; firstColumn: number; row: number }>(items: readonly T[], value: (item: T) => V): void {
    let last: T | undefined;
    let rows: Map<number, V> | undefined;
    for (const item of items) {
      if (rows === undefined || last === undefined || item.sheet !== last.sheet || item.table !== last.table || item.firstColumn !== last.firstColumn) {
        rows = this.table(item.sheet, item.table, item.firstColumn);
      }
      last = item;
      rows.set(item.row, value(item));
    }
  }
}

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
  const styleByRow = new ByTableRow<StatusStyle>();
  styleByRow.setAll(analysis.followUps, (f) => FOLLOW_UP_STYLES[f.status]);
  styleByRow.setAll(analysis.agreements, (a) => AGREEMENT_STYLES[a.status]);
  for (const t of analysis.tables) {
    if (t.kind !== "balanslista" && t.kind !== "agreements") continue;
    const column = t.ownedColumn !== null ? t.firstColumn + t.ownedColumn : t.lastColumn + 1;
    if (t.blockedOwnedColumn) continue;
    const skipped = new Set(t.statusRowsSkipped ?? []);
    const styles = styleByRow.table(t.sheet, t.table, t.firstColumn);
    const cells: StatusCell[] = [];
    for (let row = t.headerRow + 1; row <= t.lastRow; row++) {
      if (skipped.has(row)) continue;
      const style = styles.get(row);
      cells.push(style ? { row, label: style.label, fill: style.fill, font: style.font } : { row, label: "", fill: null, font: null });
    }
    plans.push({ sheet: t.sheet, table: t.table, headerRow: t.headerRow, column, exists: t.ownedColumn !== null, header: OWNED_HEADER, cells });
  }
  return plans;
}
