/**
 * Where merged cells could not be read (ExcelApi 1.13 missing, or more than 512 merged areas on a
 * sheet), no cell can be proven free of a merge, so Balans writes no status column there — except
 * a status column that already is a column of an Excel table (Excel tables cannot hold merged
 * cells). What is left out is said, and the ownership record does not claim it.
 */
import { parseReference } from "../domain/ownership";
import { localise } from "../domain/messages";
import type { Plan, Problem } from "../domain/types";

export function keepCheckable(plan: Plan, mergesUnknown: ReadonlySet<string>): { plan: Plan; dropped: Problem[] } {
  if (mergesUnknown.size === 0) return { plan, dropped: [] };
  const keep = plan.statusColumns.filter((p) => !mergesUnknown.has(p.sheet) || (p.exists && p.table !== ""));
  const gone = plan.statusColumns.filter((p) => !keep.includes(p));
  if (gone.length === 0) return { plan, dropped: [] };
  // The record names of what is not written: the status columns and (issue 11) their dates columns.
  const goneCells = new Set(
    gone.flatMap((p) => [p.column, ...(p.dates ? [p.dates.column] : [])].map((column) => `${p.sheet.toLowerCase()}\u0000${p.headerRow}\u0000${column}`)),
  );
  const names = plan.names?.filter((n) => {
    const ref = parseReference(n.refersTo);
    return ref === null || !goneCells.has(`${ref.sheet.toLowerCase()}\u0000${ref.row}\u0000${ref.column}`);
  });
  const dropped: Problem[] = gone.map((p) => ({
    sheet: p.sheet,
    table: p.table,
    row: p.headerRow,
    column: null,
    ...localise("excel.merges-unchecked", { sheet: p.sheet, headerRow: p.headerRow }),
  }));
  const next: Plan = { ...plan, statusColumns: keep };
  if (names !== undefined) next.names = names;
  return { plan: next, dropped };
}
