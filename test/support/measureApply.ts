/**
 * Measures what applying a plan costs in Excel round trips and request size, on the fake
 * workbook (for the benchmark and tests; no Office needed).
 */
import type { Plan } from "../../src/domain/types";
import { applyPlan } from "../../src/excel/applyPlan";
import { FakeExcel } from "./fakeExcel";

export interface ApplyMeasure {
  /** Write syncs. */
  syncs: number;
  /** Largest request of one sync, in bytes (JSON as the fake shapes it, UTF-8). */
  largestRequestBytes: number;
}

/** A fake workbook holding the sheets and tables that `plan` writes to. */
export function fakeWorkbookFor(plan: Plan): FakeExcel {
  const excel = new FakeExcel();
  const wb = excel.workbook;
  for (const p of plan.statusColumns) {
    if (!wb.sheet(p.sheet)) wb.addSheet(p.sheet);
    if (p.table === "" || wb.tables.some((t) => t.name === p.table)) continue;
    const rows = p.cells.map((_, i) => [`rad ${i + 1}`]);
    if (p.exists) {
      const left = Math.max(1, p.column - 1);
      const headers = left === p.column ? [p.header] : ["Data", p.header];
      wb.addTable(p.sheet, p.table, p.headerRow, left, headers, rows.map((r) => (headers.length === 2 ? [...r, null] : [null])));
    } else {
      if (p.column < 2) throw new Error(`measureApply: a new status column at column ${p.column} has no table to its left`);
      wb.addTable(p.sheet, p.table, p.headerRow, p.column - 1, ["Data"], rows);
    }
  }
  if (wb.sheets.length === 0) wb.addSheet("Blad1");
  return excel;
}

/** Applies `plan` to a fake workbook and reports the write syncs and the largest request. */
export async function measureApply(plan: Plan): Promise<ApplyMeasure> {
  const excel = fakeWorkbookFor(plan);
  await excel.run((context) => applyPlan(context, plan, { supports: excel.supports }));
  return { syncs: excel.syncCount, largestRequestBytes: excel.largestRequestBytes };
}
