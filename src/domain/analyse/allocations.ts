/** The Tilldelning tables: each area's allocation of a year, and where its row is. */
import type { AllocationPlace } from "../attention";
import { readAllocationDue, type RowReporter } from "../fundTracking";
import { localise } from "../messages";
import { parseAmount } from "../parseAmount";
import { parseArea } from "../parseArea";
import type { AllocationLine } from "../summariseFunds";
import { field, header } from "../tableFields";
import type { RecognisedTable } from "../types";
import type { TableReporter } from "./report";
import { tableYear } from "./tableYear";

export interface Allocations {
  allocations: AllocationLine[];
  places: AllocationPlace[];
}

/** Every readable allocation row; a row without year, area or a readable amount is a problem and left out. */
export function readAllocations(tables: readonly RecognisedTable[], report: TableReporter): Allocations {
  const allocations: AllocationLine[] = [];
  const places: AllocationPlace[] = [];
  for (const t of tables.filter((x) => x.kind === "allocations")) {
    const onRow: RowReporter = (row, column, words) => report(t, row, column, words);
    for (const r of t.rows) {
      const year = tableYear(t, r, report);
      const area = parseArea(field(t, r, "area"));
      const amount = parseAmount(field(t, r, "allocated"));
      const areaCol = header(t, "area", "Område");
      const amountCol = header(t, "allocated", "Tilldelat belopp");
      if (year === null) { report(t, r.row, header(t, "year", "År"), localise("allocation.year-missing")); continue; }
      if (!area) { report(t, r.row, areaCol, localise("row.area-missing")); continue; }
      if (!amount.ok) { report(t, r.row, amountCol, localise("allocation.amount-unreadable", { reason: amount })); continue; }
      allocations.push({ sheet: t.sheet, table: t.table, row: r.row, areaColumn: areaCol, year, areaKey: area.key, areaName: area.name, amount: amount.value, reportDue: readAllocationDue(t, r, onRow) });
      places.push({ year, area: area.key, sheet: t.sheet, table: t.table, firstColumn: t.firstColumn, row: r.row });
    }
  }
  return { allocations, places };
}
