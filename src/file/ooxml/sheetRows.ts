/**
 * A worksheet's values as the reader collects them, row by row (see readWorksheet.ts): each row
 * from its first value on, a gap of more than {@link DENSE_GAP} empty columns left as a hole,
 * rows sorted only when the part wrote them out of order.
 */
import type { CellRange, CellValue } from "../../domain/types";

/** Up to this many empty columns between two values of a row are filled with null. */
export const DENSE_GAP = 1024;

/** Collects a sheet's values row by row; sorts rows only if the part wrote them out of order. */
export class RowCollector {
  private readonly numbers: number[] = [];
  private readonly cells: CellValue[][] = [];
  private readonly first: number[] = [];
  private sorted = true;
  private byNumber: Map<number, number> | null = null;

  add(row: number, col: number, value: CellValue): void {
    let i = this.numbers.length - 1;
    if (i < 0 || this.numbers[i] !== row) {
      if (i >= 0 && this.numbers[i]! > row && this.byNumber === null) {
        // Rows out of order (allowed, written by few programs): index the rows from now on.
        this.sorted = false;
        this.byNumber = new Map(this.numbers.map((n, k) => [n, k]));
      }
      const existing = this.byNumber?.get(row);
      if (existing === undefined) {
        this.push(row, col, value);
        return;
      }
      i = existing;
    }
    const cells = this.cells[i]!;
    const first = this.first[i]!;
    if (col < first) {
      // A cell left of the row's first one (cells out of order): shift the row.
      const shifted: CellValue[] = [value];
      fillGap(shifted, first - col - 1);
      for (let k = 0; k < cells.length; k++) if (k in cells) shifted[first - col + k] = cells[k]!;
      this.cells[i] = shifted;
      this.first[i] = col;
      return;
    }
    const at = col - first;
    if (at > cells.length) fillGap(cells, at - cells.length);
    cells[at] = value;
  }

  /** The row last added, at its exact length: an array grown cell by cell keeps room for 17. */
  trimLast(): void {
    const i = this.cells.length - 1;
    const cells = this.cells[i];
    if (cells !== undefined && cells.length > 1 && cells.length <= DENSE_GAP) this.cells[i] = cells.slice();
  }

  private push(row: number, col: number, value: CellValue): void {
    if (this.numbers.length > 0 && this.numbers[this.numbers.length - 1]! > row) this.sorted = false;
    this.byNumber?.set(row, this.numbers.length);
    this.numbers.push(row);
    this.cells.push([value]);
    this.first.push(col);
  }

  finish(): { rowNumbers: number[]; rowCells: CellValue[][]; rowFirst: number[] } {
    if (this.sorted) return { rowNumbers: this.numbers, rowCells: this.cells, rowFirst: this.first };
    const order = this.numbers.map((_, k) => k).sort((a, b) => this.numbers[a]! - this.numbers[b]!);
    return {
      rowNumbers: order.map((k) => this.numbers[k]!),
      rowCells: order.map((k) => this.cells[k]!),
      rowFirst: order.map((k) => this.first[k]!),
    };
  }
}

/** Append `count` empty cells: nulls for a small gap, a hole for a large one. */
function fillGap(cells: CellValue[], count: number): void {
  if (count <= DENSE_GAP) for (let k = 0; k < count; k++) cells.push(null);
  else cells.length += count;
}

/** Values under a merge other than its top-left cell are not shown by Excel: empty them. */
export function clearMergedCells(cells: { rowNumbers: number[]; rowCells: CellValue[][]; rowFirst: number[] }, merges: CellRange[]): void {
  const { rowNumbers, rowCells, rowFirst } = cells;
  for (const m of merges) {
    if (m.top === m.bottom && m.left === m.right) continue;
    for (let i = lowerBound(rowNumbers, m.top); i < rowNumbers.length && rowNumbers[i]! <= m.bottom; i++) {
      const row = rowCells[i]!;
      const first = rowFirst[i]!;
      const from = Math.max(m.left, first);
      const to = Math.min(m.right, first + row.length - 1);
      for (let c = from; c <= to; c++) {
        if (rowNumbers[i] === m.top && c === m.left) continue;
        if (c - first in row) row[c - first] = null;
      }
    }
  }
}

function lowerBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
