/**
 * Which parts of a sheet to read: the blocks that hold data, never the area of a used range that
 * is mostly empty (a stray cell at XFD1048576 makes the used range the whole sheet).
 *
 * Pure: addresses in, boxes out. The Excel adapter gets the areas from
 * `getSpecialCellsOrNullObject("Constants" | "Formulas")` (ExcelApi 1.9); where that is missing,
 * {@link capUsedRange} bounds the read and says what was left unread.
 */
import { parseAddress, type CellBox } from "./address";

/** Cells added to two blocks' own cells that their union may hold empty before they are read as one. */
export const MERGE_SLACK_CELLS = 1024;
/** Without ExcelApi 1.9: at most this many cells of a used range are read per sheet. */
export const FALLBACK_MAX_CELLS = 2_000_000;
/** Without ExcelApi 1.9: at most this many columns (A:ALL) are read per sheet. */
export const FALLBACK_MAX_COLUMNS = 1_000;

/**
 * Splits a multi-area address as `RangeAreas.address` gives it (`"Blad1!A1:B4,Blad1!D1:D4"`,
 * `"'Fördelning, 2024'!A1,'Fördelning, 2024'!C3"`) into its areas; commas inside quotes are kept.
 */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i] as string;
    if (ch === "'") {
      // '' inside a quoted name is an escaped quote, not the end of the name.
      if (quoted && address[i + 1] === "'") {
        current += "''";
        i++;
        continue;
      }
      quoted = !quoted;
    }
    if (ch === "," && !quoted) {
      if (current.trim() !== "") out.push(current.trim());
      current = "";
      continue;
    }
    current += ch;
  }
  if (current.trim() !== "") out.push(current.trim());
  return out;
}

/** The boxes of a multi-area address. */
export function areasOf(address: string): CellBox[] {
  return splitAreas(address).map((a) => parseAddress(a));
}

export function cellCount(box: CellBox): number {
  return (box.bottom - box.top + 1) * (box.right - box.left + 1);
}

function union(a: CellBox, b: CellBox): CellBox {
  return { top: Math.min(a.top, b.top), left: Math.min(a.left, b.left), bottom: Math.max(a.bottom, b.bottom), right: Math.max(a.right, b.right) };
}

/**
 * Joins areas into blocks to read: two blocks become one only when their bounding box holds at
 * most twice their own cells plus {@link MERGE_SLACK_CELLS} (a title above a table, two tables
 * one row apart, a ragged column), so that no block is mostly empty. Areas far apart (a table at
 * A1 and a stray cell at XFD1048576) stay apart. Sorted by top, then left.
 */
export function dataBlocks(areas: readonly CellBox[], slack = MERGE_SLACK_CELLS): CellBox[] {
  const blocks: { box: CellBox; cells: number }[] = areas.map((box) => ({ box: { ...box }, cells: cellCount(box) }));
  blocks.sort((a, b) => a.box.top - b.box.top || a.box.left - b.box.left);
  // Greedy, in reading order: each block absorbs every later block that keeps it dense, then the
  // next one does the same (quadratic in the areas, which Excel gives as few large rectangles).
  for (let i = 0; i < blocks.length; i++) {
    for (let j = i + 1; j < blocks.length; j++) {
      const a = blocks[i] as { box: CellBox; cells: number };
      const b = blocks[j] as { box: CellBox; cells: number };
      const box = union(a.box, b.box);
      if (cellCount(box) <= 2 * (a.cells + b.cells) + slack) {
        blocks[i] = { box, cells: a.cells + b.cells };
        blocks.splice(j, 1);
        j = i; // the grown block may now absorb blocks it skipped
      }
    }
  }
  return blocks.map((b) => b.box).sort((a, b) => a.top - b.top || a.left - b.left);
}

/**
 * Without ExcelApi 1.9 the data blocks cannot be found: the used range is read from its top-left
 * corner up to {@link FALLBACK_MAX_COLUMNS} columns and {@link FALLBACK_MAX_CELLS} cells, and
 * what lies beyond is returned as `unread` (to be reported, never guessed).
 */
export function capUsedRange(used: CellBox, maxCells = FALLBACK_MAX_CELLS, maxColumns = FALLBACK_MAX_COLUMNS): { read: CellBox; unread: CellBox[] } {
  const columns = Math.min(used.right - used.left + 1, maxColumns);
  const rows = Math.min(used.bottom - used.top + 1, Math.max(1, Math.floor(maxCells / columns)));
  const read = { top: used.top, left: used.left, bottom: used.top + rows - 1, right: used.left + columns - 1 };
  const unread: CellBox[] = [];
  if (read.right < used.right) unread.push({ top: used.top, left: read.right + 1, bottom: used.bottom, right: used.right });
  if (read.bottom < used.bottom) unread.push({ top: read.bottom + 1, left: used.left, bottom: used.bottom, right: read.right });
  return { read, unread };
}
