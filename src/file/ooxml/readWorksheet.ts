/**
 * One worksheet part, streamed with saxes, into the sparse {@link SheetData} of the contract:
 * memory and time follow the cells that hold a value, never the used range. A row's array
 * starts at the sheet's leftmost column and ends at its own last value; rows without values
 * share one frozen empty array; a gap of more than {@link DENSE_GAP} empty columns inside a row
 * is left as a hole (a missing entry is an empty cell) instead of being filled with nulls.
 *
 * Cell types (ECMA-376 §18.18.11): `s` shared string, `inlineStr` (rich runs joined, phonetic
 * runs left out), `str` formula text, `b` → true/false, `e` → {error}, `d` ISO 8601 → {date},
 * `n` (or none) → number, or {date} when the cell's style shows a date. A formula counts by its
 * cached value `<v>` with the same rules (shared and array formulas alike); without a cached
 * value the cell is empty (null). Cells hidden under a merge (all but its top-left) are empty,
 * as Excel shows them.
 */
import { excelSerialToIsoDate, isIsoDate } from "../../domain/isoDate";
import { localise } from "../../domain/messages";
import type { CellRange, CellValue } from "../../domain/types";
import { decodeOoxmlText, ownString } from "../ooxmlText";
import type { OoxmlPackage } from "./openPackage";
import { packageError, type PackageError } from "./packageError";
import { clearMergedCells, RowCollector } from "./sheetRows";
import { parseXml, prefixedAttribute } from "./xmlStream";

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** Rows without values all share this array (frozen: it must never be written to). */
export const EMPTY_ROW: CellValue[] = Object.freeze([]) as unknown as CellValue[];

export interface WorksheetCells {
  /** Sorted worksheet row numbers that hold at least one value. */
  rowNumbers: number[];
  /** Per row: its values from column `rowFirst[i]` on. */
  rowCells: CellValue[][];
  rowFirst: number[];
  merges: CellRange[];
  protected: boolean;
  /** The r:ids of the sheet's `<tablePart>`s. */
  tableParts: string[];
}

export interface WorksheetContext {
  sharedStrings: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
}

/** "AB12" → column 28 and row 12; row 0 when the reference has no row. Null when not a cell reference. */
export function parseCellRef(ref: string): { col: number; row: number } | null {
  let col = 0;
  let row = 0;
  let i = 0;
  if (ref.charCodeAt(0) === 36) i++; // $
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
    if (col > MAX_COLUMNS) return null;
  }
  if (i < ref.length && ref.charCodeAt(i) === 36) i++;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    row = row * 10 + (c - 48);
    if (row > MAX_ROWS) return null;
  }
  return col === 0 ? null : { col, row };
}

/** The row of the reference last read by {@link refColumn} (0 when it had none). */
let refRow = 0;

/**
 * {@link parseCellRef} without allocating (it runs once per cell): the column of "AB12" (28),
 * leaving its row in {@link refRow}; -1 when not a cell reference.
 */
function refColumn(ref: string): number {
  let col = 0;
  let row = 0;
  let i = 0;
  const n = ref.length;
  if (ref.charCodeAt(0) === 36) i++; // $
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
    if (col > MAX_COLUMNS) return -1;
  }
  if (i < n && ref.charCodeAt(i) === 36) i++;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    row = row * 10 + (c - 48);
    if (row > MAX_ROWS) return -1;
  }
  refRow = row;
  return col === 0 ? -1 : col;
}

/** The value of a string of ASCII digits (at most 9, no sign or space), else -1. */
function digitsValue(text: string): number {
  const n = text.length;
  if (n === 0 || n > 9) return -1;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

/** "A2:C10" (or one cell) → its rectangle; null when out of Excel's grid or not a reference. */
export function parseRangeRef(ref: string): CellRange | null {
  const colon = ref.indexOf(":");
  const a = parseCellRef(colon === -1 ? ref.trim() : ref.slice(0, colon).trim());
  const b = colon === -1 ? a : parseCellRef(ref.slice(colon + 1).trim());
  if (a === null || b === null || a.row === 0 || b.row === 0) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

const isTrue = (v: string | undefined): boolean => v === "1" || v === "true";

/** Read one worksheet part. Throws PackageError (without the sheet's name: the caller adds it). */
export function readWorksheet(pkg: OoxmlPackage, part: string, ctx: WorksheetContext): WorksheetCells {
  const rows = new RowCollector();
  const merges: CellRange[] = [];
  const tableParts: string[] = [];
  let isProtected = false;

  let inSheetData = false;
  let rowNumber = 0;
  let col = 0;
  // The cell being read.
  let inCell = false;
  let type = "n";
  let style = 0;
  let cellRef = "";
  let text = "";
  let hasValue = false;
  let collecting = false;
  let inInline = false;
  let phonetic = 0;

  parseXml(part, pkg.textChunks(part), {
    open(name, a) {
      if (inCell) {
        if (name === "v" && !inInline) {
          collecting = true;
          hasValue = true;
          text = "";
        } else if (name === "is") {
          inInline = true;
          hasValue = true;
          text = "";
        } else if (name === "rPh") phonetic++;
        else if (name === "t" && inInline && phonetic === 0) collecting = true;
        return;
      }
      switch (name) {
        case "c": {
          inCell = true;
          type = a.t ?? "n";
          const s = a.s;
          const digits = s === undefined ? 0 : digitsValue(s);
          style = digits !== -1 ? digits : Number(s);
          hasValue = false;
          text = "";
          const ref = a.r;
          if (ref === undefined) col++;
          else {
            col = refColumn(ref);
            if (col === -1) throw outOfGrid(part, ref);
            if (refRow !== 0) rowNumber = refRow;
          }
          cellRef = ref ?? "";
          break;
        }
        case "row": {
          const r = a.r === undefined ? rowNumber + 1 : Number(a.r);
          if (!Number.isInteger(r) || r < 1 || r > MAX_ROWS) throw outOfGrid(part, `rad ${a.r ?? r}`);
          rowNumber = r;
          col = 0;
          break;
        }
        case "sheetData":
          inSheetData = true;
          break;
        case "mergeCell": {
          const range = a.ref === undefined ? null : parseRangeRef(a.ref);
          if (range !== null) merges.push(range);
          break;
        }
        case "sheetProtection":
          isProtected = isTrue(a.sheet);
          break;
        case "tablePart": {
          const id = prefixedAttribute(a, "id");
          if (id !== undefined) tableParts.push(id);
          break;
        }
      }
    },
    close(name) {
      if (!inCell) {
        if (name === "sheetData") inSheetData = false;
        else if (name === "row") rows.trimLast();
        return;
      }
      switch (name) {
        case "v":
          collecting = false;
          break;
        case "t":
          collecting = false;
          break;
        case "rPh":
          phonetic--;
          break;
        case "is":
          inInline = false;
          break;
        case "c": {
          inCell = false;
          if (!inSheetData || !hasValue) break;
          if (rowNumber === 0) throw outOfGrid(part, cellRef || "?");
          if (col > MAX_COLUMNS) throw outOfGrid(part, cellRef || `kolumn ${col}`);
          const value = cellValue(type, text, style, ctx);
          if (value !== null) rows.add(rowNumber, col, value);
          break;
        }
      }
    },
    text(chunk) {
      if (collecting) text += chunk;
    },
  });
  const cells = rows.finish();
  clearMergedCells(cells, merges);
  return { ...cells, merges, protected: isProtected, tableParts };
}

function cellValue(type: string, text: string, style: number, ctx: WorksheetContext): CellValue {
  // The two common cases first, without trimming or allocating: a shared string's index, a plain number.
  if (type === "s") {
    const index = digitsValue(text);
    if (index !== -1) return ctx.sharedStrings[index] ?? null;
  } else if (type === "n" && ctx.dateStyles[style] !== true) {
    const value = digitsValue(text);
    if (value !== -1) return value;
  }
  switch (type) {
    case "s": {
      const index = Number(text);
      return Number.isInteger(index) && text.trim() !== "" ? (ctx.sharedStrings[index] ?? null) : null;
    }
    case "inlineStr":
    case "str":
      return ownString(decodeOoxmlText(text));
    case "b":
      return text.trim() === "1" || text.trim() === "true";
    case "e":
      return { error: text.trim() };
    case "d": {
      const iso = /^\s*(\d{4}-\d{2}-\d{2})/.exec(text)?.[1];
      return iso !== undefined && isIsoDate(iso) ? { date: iso } : text.trim() === "" ? null : text;
    }
    default: {
      if (text.trim() === "") return null;
      const n = Number(text);
      if (!Number.isFinite(n)) return null;
      if (ctx.dateStyles[style] === true) {
        const iso = excelSerialToIsoDate(n, ctx.date1904);
        if (iso !== null) return { date: iso };
      }
      return n;
    }
  }
}

function outOfGrid(part: string, where: string): PackageError {
  return packageError("damaged", localise("package.cell-outside-grid", { part, where }), part);
}
