/**
 * Checks that the Excel adapter and the in-browser preview share, so that both refuse the same
 * things with the same words. Plain TypeScript: no Office, no ExcelJS.
 */
import { columnLetter } from "../domain/columnLetter";
import type { StatusColumnPlan, WorkbookData } from "../domain/types";
import { BalansError } from "./port";

const cellAddress = (row: number, column: number) => `${columnLetter(column)}${row}`;

export function noTablesError(): BalansError {
  return new BalansError(
    "no-tables",
    "Balans hittade ingen balanslista, avtalslista eller fördelningstabell i arbetsboken. Kontrollera rubrikraderna, eller använd Infoga mall.",
    "Balans found no balance list, agreements list or distribution table in the workbook. Check the header rows, or use Insert template.",
  );
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

/**
 * Safety net on top of the engine: a new status column may only go where the read found
 * every cell empty (header cell and data cells), so that Balans never writes over user data.
 */
export function assertFreeColumns(data: WorkbookData, plans: readonly StatusColumnPlan[]): void {
  for (const plan of plans) {
    if (plan.exists) continue;
    const sheet = data.sheets.find((s) => s.name === plan.sheet);
    if (!sheet) continue;
    const rows = [plan.headerRow, ...plan.cells.map((c) => c.row)];
    for (const row of rows) {
      const value = sheet.values[row - sheet.top]?.[plan.column - sheet.left];
      if (!isBlank(value)) {
        const at = cellAddress(row, plan.column);
        throw new BalansError(
          "sheet-not-empty",
          `Cell ${at} på bladet "${plan.sheet}" är inte tom: Balans skriver inte över den. Flytta innehållet och försök igen.`,
          `Cell ${at} on the sheet "${plan.sheet}" is not empty: Balans does not overwrite it. Move the content and try again.`,
        );
      }
    }
  }
}

/** The summary sheet is found by its exact name; a sheet whose name differs only in case is in the way. */
export function assertNoNameClash(sheetNames: readonly string[], name: string): void {
  const clash = sheetNames.find((s) => s !== name && s.toLocaleLowerCase("sv-SE") === name.toLocaleLowerCase("sv-SE"));
  if (clash) {
    throw new BalansError(
      "sheet-not-empty",
      `Bladet "${clash}" heter nästan som summeringsbladet "${name}": byt namn på det först.`,
      `The sheet "${clash}" is named almost like the summary sheet "${name}": rename it first.`,
    );
  }
}

/** `base`, else `base (2)`, `base (3)`… — the first name not taken (case-insensitive, max 31 characters). */
export function uniqueSheetName(base: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLocaleLowerCase("sv-SE")));
  const clean = base.replace(/[:\\/?*[\]]/g, " ").slice(0, 31);
  if (!lower.has(clean.toLocaleLowerCase("sv-SE"))) return clean;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = clean.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(name.toLocaleLowerCase("sv-SE"))) return name;
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

