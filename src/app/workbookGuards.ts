/**
 * Pure helpers of the one prepare step (prepare.ts) and of Infoga mall: the errors Balans gives
 * when it cannot act, the last safety net on the status columns, unique names. Plain
 * TypeScript: no Office, no ExcelJS.
 */
import { columnLetter } from "../domain/columnLetter";
import type { StatusColumnPlan, WorkbookData } from "../domain/types";
import { balansError, type BalansError } from "./port";

export { uniqueSheetName } from "../domain/ownership";

const cellAddress = (row: number, column: number) => `${columnLetter(column)}${row}`;

export function noTablesError(): BalansError {
  return balansError("no-tables", "error.no-tables");
}

/** Free means holding nothing: not "" (`=""`), not a space, not a formula whose value is "". */
function holdsSomething(value: unknown): boolean {
  return value !== null && value !== undefined;
}

/**
 * Safety net on top of the engine (prepare.ts calls it; it never fails unless the engine has a
 * bug): a new status column may only go where the read found every cell it writes free
 * (header cell and the listed data cells hold nothing and lie in no merge).
 */
export function assertFreeColumns(data: WorkbookData, plans: readonly StatusColumnPlan[]): void {
  for (const plan of plans) {
    if (plan.exists) continue;
    const sheet = data.sheets.find((s) => s.name === plan.sheet);
    if (!sheet) continue;
    const rows = [plan.headerRow, ...plan.cells.map((c) => c.row)];
    const merges = (sheet.merges ?? []).filter((m) => plan.column >= m.left && plan.column <= m.right);
    for (const row of rows) {
      const value = sheet.values[row - sheet.top]?.[plan.column - sheet.left];
      if (holdsSomething(value) || merges.some((m) => row >= m.top && row <= m.bottom)) {
        const at = cellAddress(row, plan.column);
        throw balansError("sheet-not-empty", "error.cell-not-empty", { cell: at, sheet: plan.sheet });
      }
    }
  }
}

/** `base`, else `base_2`, `base_3`… — the first table name not taken by a table or defined name. */
export function uniqueTableName(base: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  const clean = base.replace(/[^\p{L}\p{N}_.]/gu, "_").replace(/^([^\p{L}_])/u, "_$1");
  if (!lower.has(clean.toLowerCase())) return clean;
  for (let n = 2; ; n++) {
    const name = `${clean}_${n}`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

