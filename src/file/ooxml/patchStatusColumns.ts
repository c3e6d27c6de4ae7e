/**
 * The status columns step of patchPackage.ts: a sheet that gets a status column (its cells,
 * `<dimension>`, a width for a new column), its dates column "Balans datum" and the conditional
 * formats of the status column (issue 11), and the table part whose table the columns join.
 * The sheet is streamed (sheetStream.ts) or, for what the stream does not take, edited as a DOM
 * (sheetEdit.ts).
 */
import { localise } from "../../domain/messages";
import type { StatusColumnPlan } from "../../domain/types";
import { planError, type PackageParts } from "./packageParts";
import { addTableColumn, datesColumnWrites, renameTableColumn, STATUS_COLUMN_WIDTH, statusColumnWrites, tableRect } from "./patchSheet";
import { REL_TABLE, rootOf } from "./patchXml";
import { applySheetEditToDom, type SheetEdit } from "./sheetEdit";
import { columnSqref } from "./sheetRules";
import { StreamFallback, streamSheetEdit } from "./sheetStream";

/** Width of the new dates column "Balans datum" in characters (as the Excel adapter sets it). */
export const DATES_COLUMN_WIDTH = 24;

/**
 * How existing sheets are patched: `"stream"` (the default) streams the cells and falls back to a
 * DOM of the whole sheet for what the stream does not take (sheetStream.ts); `"dom"` always uses
 * the DOM; `"stream-only"` never falls back (it throws instead). The last two exist so that
 * tests and the benchmark can compare the paths.
 */
export type SheetPatching = "stream" | "dom" | "stream-only";

/** Writes the status columns `plans` (and their dates columns) of the sheet `sheet`. */
export function patchStatusColumns(parts: PackageParts, sheet: string, plans: StatusColumnPlan[], sheetPatching: SheetPatching): void {
  const part = parts.nameOf(parts.sheetPart(sheet));
  const styles = parts.styleBook();
  const edit: SheetEdit = { sheet, writes: [], mustBeEmpty: [], widths: [], rules: [] };
  for (const plan of plans) {
    const inTable = joinTable(parts, part, sheet, plan, plan.column, plan.exists, plan.header);
    // A new owned column may only go where every cell is empty: never over the user's data.
    if (!plan.exists) for (const row of [plan.headerRow, ...plan.cells.map((c) => c.row)]) edit.mustBeEmpty.push({ row, col: plan.column });
    for (const w of statusColumnWrites(plan, styles, inTable)) edit.writes.push(w);
    if (!plan.exists) edit.widths.push({ col: plan.column, chars: STATUS_COLUMN_WIDTH });
    const dates = plan.dates ?? null;
    if (dates !== null) {
      const datesInTable = joinTable(parts, part, sheet, plan, dates.column, dates.exists, dates.header);
      if (!dates.exists) for (const row of [plan.headerRow, ...dates.cells.map((c) => c.row)]) edit.mustBeEmpty.push({ row, col: dates.column });
      for (const w of datesColumnWrites(dates, plan.headerRow, styles, datesInTable)) edit.writes.push(w);
      if (!dates.exists) edit.widths.push({ col: dates.column, chars: DATES_COLUMN_WIDTH });
    }
    const sqref = columnSqref(plan.column, plan.cells.map((c) => c.row));
    edit.rules.push({ column: plan.column, headerRow: plan.headerRow, sqref, rules: plan.conditionalFormats ?? [] });
  }
  let removedFormula: boolean;
  try {
    if (sheetPatching === "dom") throw new StreamFallback("the DOM path was asked for");
    // With a deflater the pieces are compressed as they come; without, they are kept for fflate.
    const deflater = parts.writeOptions.deflater?.();
    const pieces: Uint8Array[] = [];
    const emit = deflater === undefined ? (piece: Uint8Array) => pieces.push(piece) : (piece: Uint8Array) => deflater.push(piece);
    removedFormula = streamSheetEdit(part, parts.pkg.textChunks(part), edit, styles, emit).removedFormula;
    parts.setStreamed(part, deflater === undefined ? pieces : deflater.finish());
  } catch (e) {
    if (!(e instanceof StreamFallback) || sheetPatching === "stream-only") throw e;
    const doc = parts.doc(part);
    removedFormula = applySheetEditToDom(doc, edit, styles).removedFormula;
    parts.touch(part);
  }
  if (removedFormula) parts.dropCalcChain = true;
}

/**
 * An owned column beside an Excel table: an existing table column keeps its name in step with
 * the header; a new column right of the table becomes a table column (the table is widened).
 * Returns whether the column is in the table.
 */
function joinTable(parts: PackageParts, part: string, sheet: string, plan: StatusColumnPlan, column: number, exists: boolean, header: string): boolean {
  if (plan.table === "") return false;
  const tablePart = tablePartOf(parts, part, sheet, plan.table);
  const table = parts.doc(tablePart);
  const range = tableRect(table);
  if (range === null) throw planError(localise("package.table-no-range", { table: plan.table }));
  const inside = column >= range.left && column <= range.right;
  if (inside && !exists) {
    throw planError(localise("package.column-in-table", { table: plan.table, sheet }));
  }
  let inTable = false;
  if (range.top === plan.headerRow && inside) {
    renameTableColumn(table, column - range.left, header);
    inTable = true;
  } else if (!exists && range.top === plan.headerRow && column === range.right + 1) {
    addTableColumn(table, header);
    inTable = true;
  }
  parts.touch(tablePart);
  return inTable;
}

/** The table part named `table` (by name or display name) among the sheet part's tables. */
function tablePartOf(parts: PackageParts, sheetPart: string, sheet: string, table: string): string {
  for (const rel of parts.pkg.rels(sheetPart)) {
    if (rel.type !== REL_TABLE || rel.external || !parts.pkg.has(rel.target)) continue;
    const root = rootOf(parts.doc(rel.target));
    if (root.getAttribute("name") === table || root.getAttribute("displayName") === table) return parts.nameOf(rel.target);
  }
  throw planError(localise("package.table-not-on-sheet", { table, sheet }));
}
