/**
 * The write jobs every writer of the Excel adapter is built from, and their request sizes.
 *
 * A job is one piece of queued work with its estimated request size (JSON of the values plus a
 * conservative allowance per object path and action); jobs are packed in order into batches of
 * at most `WRITE_BUDGET_BYTES`, and each batch costs one `context.sync()`.
 */
import type { Rgb } from "../domain/types";
import { columnLetter } from "./address";
import type { ApiSupport } from "./run";

/**
 * Estimated request bytes per sync. Excel on the web refuses requests over 5 MB; 2 MB leaves room
 * for estimation error, keeps each round trip short and lets progress move on large writes, while
 * an ordinary workbook (a few thousand rows) still fits in one sync.
 */
export const WRITE_BUDGET_BYTES = 2_000_000;
/** Largest values array in one job, so that jobs pack well into batches. */
export const VALUES_CHUNK_BYTES = 1_000_000;
/** Longest multi-area address passed to `getRanges` (Excel fails somewhere past 8 000 characters). */
export const AREAS_ADDRESS_CHARS = 2_000;
/** Allowances per object path and per action in the Office.js request JSON (generous on purpose). */
const PATH_BYTES = 200;
const ACTION_BYTES = 150;

/**
 * Object paths a job adds to the request (each costs `PATH_BYTES`): the depth, from the workbook,
 * of the deepest proxy it reaches.
 */
export const PATHS = {
  /** workbook → worksheets (adding a sheet). */
  worksheets: 2,
  /** workbook → names / customXmlParts → getItem. */
  workbookItem: 3,
  /** workbook → worksheets → getItem → getRange: a range of a sheet by address. */
  sheetRange: 4,
  /** workbook → names → getItem / add → the added name (its `visible`). */
  name: 4,
  /** … → getRange(s) → format → fill / font, or … → tables → getItem → columns. */
  rangeFormat: 6,
  /** … → tables → getItem → columns → getItem → getDataBodyRange → getCell → getResizedRange. */
  columnBody: 10,
  /** A chart: … → charts → add → title / series → getItemAt, and its source ranges. */
  chart: 10,
} as const;
/** More paths per conditional format (conditionalFormats → add → cellValue → format). */
export const PATHS_PER_RULE = 4;
/** More paths per chart series (series → add → its values and categories ranges). */
export const PATHS_PER_SERIES = 4;

/** JSON of an array of rows: `[` and `]`, and one comma per row after the first (counted per row). */
const JSON_BRACKETS_BYTES = 2;
const JSON_COMMA_BYTES = 1;

/** Calibri 11 (Excel's default font): pixels per character of width and the cell's padding. */
const PIXELS_PER_CHAR = 7;
const PADDING_PIXELS = 5;
/** Points per pixel at 96 dpi. */
const POINTS_PER_PIXEL = 0.75;

/** One piece of queued work and its estimated request size. */
export interface WriteJob {
  bytes: number;
  queue: (context: Excel.RequestContext) => void;
}

// ---------------------------------------------------------------------------------------------
// Sizes, text, colours

/** UTF-8 length of a string. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Bytes of `value` as JSON (UTF-8). */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? "null");
}

/** Estimated request bytes of a job: `paths` object paths, `actions` actions and `payload` as JSON. */
export function estimate(paths: number, actions: number, payload: unknown = null): number {
  return paths * PATH_BYTES + actions * ACTION_BYTES + jsonBytes(payload);
}

/** True for text Excel would read as a formula when written to `Range.values`. */
export function looksLikeFormula(value: unknown): value is string {
  return typeof value === "string" && /^[=+\-@]/.test(value);
}

/** Excel's number format for text: a cell with it shows what was written, never a formula. */
export const TEXT_FORMAT = "@";
/** The General number format: a formula written into it is a formula (in a Text cell it stays text). */
export const GENERAL_FORMAT = "General";

/** `"FFC7CE"` → `"#FFC7CE"`; null for anything that is not 6 hex digits. */
export function htmlColour(rgb: Rgb | null | undefined): string | null {
  return typeof rgb === "string" && /^[0-9A-Fa-f]{6}$/.test(rgb) ? `#${rgb.toUpperCase()}` : null;
}

/** Column width in characters (as in the plan) → points for `format.columnWidth` (Calibri 11). */
export function charsToPoints(chars: number): number {
  return Math.round((chars * PIXELS_PER_CHAR + PADDING_PIXELS) * POINTS_PER_PIXEL * 100) / 100;
}

// ---------------------------------------------------------------------------------------------
// Packing

/** Packs jobs in order into batches whose estimated size stays within `budget`. */
export function packJobs(jobs: readonly WriteJob[], budget: number): WriteJob[][] {
  const batches: WriteJob[][] = [];
  let current: WriteJob[] = [];
  let size = 0;
  for (const job of jobs) {
    if (current.length > 0 && size + job.bytes > budget) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(job);
    size += job.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Splits rows into consecutive chunks of at most `maxBytes` of JSON each (at least one row each). */
export function chunkRows<T>(rows: readonly T[], maxBytes: number, rowBytes: (row: T) => number = jsonBytes): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let size = JSON_BRACKETS_BYTES;
  for (const row of rows) {
    const b = rowBytes(row) + JSON_COMMA_BYTES;
    if (current.length > 0 && size + b > maxBytes) {
      chunks.push(current);
      current = [];
      size = JSON_BRACKETS_BYTES;
    }
    current.push(row);
    size += b;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** Groups addresses into comma-joined lists of at most `maxChars` characters (one `getRanges` each). */
export function joinAddresses(addresses: readonly string[], maxChars = AREAS_ADDRESS_CHARS): string[] {
  const out: string[] = [];
  let current = "";
  for (const a of addresses) {
    if (current !== "" && current.length + 1 + a.length > maxChars) {
      out.push(current);
      current = "";
    }
    current = current === "" ? a : `${current},${a}`;
  }
  if (current !== "") out.push(current);
  return out;
}

/**
 * Jobs that apply one formatting step to many cells: with ExcelApi 1.9 the addresses go in
 * multi-area `getRanges` calls (one call per ~2 000 characters of address), otherwise one
 * `getRange` per address.
 */
export function areaJobs(
  sheet: string,
  addresses: readonly string[],
  supports: ApiSupport,
  actions: number,
  apply: (target: { format: Excel.RangeFormat }) => void,
  payload: unknown,
): WriteJob[] {
  if (addresses.length === 0) return [];
  if (supports("1.9")) {
    return joinAddresses(addresses).map((list) => ({
      bytes: estimate(PATHS.rangeFormat, actions, [list, payload]),
      queue: (context) => apply(context.workbook.worksheets.getItem(sheet).getRanges(list)),
    }));
  }
  return addresses.map((address) => ({
    bytes: estimate(PATHS.rangeFormat, actions, [address, payload]),
    queue: (context) => apply(context.workbook.worksheets.getItem(sheet).getRange(address)),
  }));
}

/** Contiguous runs of rows (sorted) as `[first, last]` pairs. */
export function rowRuns(rows: readonly number[]): [number, number][] {
  const sorted = [...rows].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && r === last[1] + 1) last[1] = r;
    else if (!last || r > last[1]) runs.push([r, r]);
  }
  return runs;
}

/** `H2:H9` for column 8, rows 2–9 (`H2` for one row). */
export function columnRunAddress(column: number, [first, last]: [number, number]): string {
  const letters = columnLetter(column);
  return first === last ? `${letters}${first}` : `${letters}${first}:${letters}${last}`;
}

