/**
 * Reads every worksheet's used range and its Excel tables into plain `WorkbookData`.
 *
 * Round trips: one `context.sync()` for a workbook whose response fits Excel's limits.
 *  - Sheets are enumerated without a sync by chaining `worksheets.getFirst()` and
 *    `getNextOrNullObject()` up to `SHEET_CAP` proxies; past the last sheet they are null objects.
 *    A workbook with more sheets costs one more sync per `SHEET_CAP` sheets. All tables are loaded
 *    in the same sync from `workbook.tables` (name, worksheet name, column names, row count).
 *  - A table's position cannot be queued before the first sync (its proxy comes from the
 *    collection's items), so each table is found in the loaded values: its header row is the only
 *    place where all its column names stand side by side. Only when that is ambiguous (the same
 *    header row twice on a sheet) does a second sync load `getHeaderRowRange().address`.
 *  - When the response is too large (Excel on the web: 5 MB; every platform: 5 000 000 cells per
 *    read) the read falls back to chunks: one sync for the dimensions, then row chunks packed into
 *    syncs of about `READ_BUDGET_BYTES` each.
 */
import { BalansError } from "../app/port";
import { SUMMARY_SHEET_NAME } from "../domain";
import type { CellValue, IsoDate, SheetData, SheetTable, WorkbookData } from "../domain/types";
import { boxAddress, parseAddress, type CellBox } from "./address";
import { isPayloadTooLarge, isTooManyCells, officeErrorCode } from "./run";

/** Sheets enumerated per round trip. */
export const SHEET_CAP = 40;
/** Excel's limit for one read, on every platform. */
export const MAX_CELLS_PER_READ = 5_000_000;
/** Response budget per chunked-read sync; Excel on the web rejects responses over 5 MB. */
export const READ_BUDGET_BYTES = 3_500_000;
/** Assumed response bytes per cell (value + number format, JSON) when sizing chunks. */
export const BYTES_PER_CELL_ESTIMATE = 60;

/** One Excel table as loaded (plain data). */
export interface LoadedTable {
  name: string;
  showHeaders: boolean;
  columns: string[];
  /** Data rows, without header and totals. */
  rowCount: number;
  /** Address of the header row, when it was loaded (only needed for ambiguous tables). */
  headerAddress?: string;
}

/** One worksheet as loaded (plain data): the used range and its tables. */
export interface LoadedSheet {
  name: string;
  /** Address of the used range (values only), or null for an empty sheet. */
  address: string | null;
  values: unknown[][];
  numberFormat: unknown[][];
  tables: LoadedTable[];
}

export interface ReadOptions {
  /** @default SHEET_CAP */
  sheetCap?: number;
  /** @default READ_BUDGET_BYTES */
  budgetBytes?: number;
}

// ---------------------------------------------------------------------------------------------
// Pure conversion

/** Error values as Excel returns them in `Range.values` (English and the Swedish display names). */
export const EXCEL_ERROR_VALUES: ReadonlySet<string> = new Set([
  "#N/A",
  "#VALUE!",
  "#REF!",
  "#DIV/0!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#BLOCKED!",
  "#GETTING_DATA",
  "#FIELD!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#PYTHON!",
  "#VÄRDE!",
  "#NAMN?",
  "#SAKNAS!",
  "#REFERENS!",
  "#DIVISION/0!",
]);

const DAY_MS = 86_400_000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** 9999-12-31, the last date Excel can show. */
const MAX_SERIAL = 2_958_465;

/**
 * Excel serial date (1900 date system) → `YYYY-MM-DD`; the time of day is dropped.
 * Returns null for serials that are no date: below 1, 60 (Excel's phantom 29 February 1900)
 * and beyond 9999-12-31.
 */
export function excelSerialToIso(serial: number): IsoDate | null {
  if (!Number.isFinite(serial)) return null;
  const days = Math.floor(serial);
  if (days < 1 || days > MAX_SERIAL || days === 60) return null;
  // Excel counts 1900 as a leap year: serials before the phantom day are one day later from the epoch.
  const offset = days < 60 ? days + 1 : days;
  return new Date(EXCEL_EPOCH_MS + offset * DAY_MS).toISOString().slice(0, 10);
}

/**
 * True when an Excel number format shows a date (`yyyy-mm-dd`, `d/m/yyyy`, `mmm yy`,
 * `[$-41D]d mmmm yyyy`, `yyyy-mm-dd hh:mm`). Pure time formats (`h:mm`, `mm:ss`, `[h]:mm`),
 * `General`, text and number formats are not dates.
 */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== "string") return false;
  const firstSection = splitSections(format)[0] ?? "";
  const code = firstSection
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/[_*]./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .trim();
  if (code === "" || /^(general|standard|allmänt|@)$/i.test(code)) return false;
  if (/[dyå]/i.test(code)) return true;
  return /m/i.test(code) && !/[hs]/i.test(code);
}

function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i] as string;
    if (ch === '"') quoted = !quoted;
    if (ch === "\\" && !quoted) {
      current += ch + (format[i + 1] ?? "");
      i++;
      continue;
    }
    if (ch === ";" && !quoted) {
      sections.push(current);
      current = "";
      continue;
    }
    current += ch;
  }
  sections.push(current);
  return sections;
}

/** One loaded cell → the engine's `CellValue`. */
export function toCellValue(value: unknown, format: unknown): CellValue {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "string") return EXCEL_ERROR_VALUES.has(value) ? { error: value } : value;
  if (typeof value === "number") {
    if (isDateFormat(format)) {
      const date = excelSerialToIso(value);
      if (date !== null) return { date };
    }
    return value;
  }
  if (typeof value === "boolean") return value;
  return String(value);
}

/**
 * Finds a table on its sheet: from its loaded header address, else from the one place in the
 * used range where all its column names stand side by side. Null when headers are hidden, the
 * header row is not in the values, or it appears more than once.
 */
export function locateTable(sheet: LoadedSheet, table: LoadedTable): SheetTable | null {
  if (!table.showHeaders || table.columns.length === 0) return null;
  const columnCount = table.columns.length;
  if (table.headerAddress !== undefined) {
    const box = parseAddress(table.headerAddress);
    return { name: table.name, headerRow: box.top, firstColumn: box.left, rowCount: table.rowCount, columnCount };
  }
  if (sheet.address === null) return null;
  const used = parseAddress(sheet.address);
  const matches: { row: number; column: number }[] = [];
  const names = table.columns;
  const first = names[0] as string;
  sheet.values.forEach((row, r) => {
    for (let c = 0; c + columnCount <= row.length; c++) {
      if (asHeader(row[c]) !== first) continue;
      let all = true;
      for (let k = 1; k < columnCount && all; k++) all = asHeader(row[c + k]) === names[k];
      if (all) matches.push({ row: used.top + r, column: used.left + c });
    }
  });
  const only = matches.length === 1 ? matches[0] : undefined;
  if (!only) return null;
  return { name: table.name, headerRow: only.row, firstColumn: only.column, rowCount: table.rowCount, columnCount };
}

function asHeader(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return String(value);
}

/** Loaded sheets → `WorkbookData`. The Balans summary sheet is left out; tables not located are left out. */
export function toWorkbookData(sheets: readonly LoadedSheet[]): WorkbookData {
  return {
    sheets: sheets.filter((s) => s.name !== SUMMARY_SHEET_NAME).map(toSheetData),
  };
}

function toSheetData(sheet: LoadedSheet): SheetData {
  const box = sheet.address === null ? null : parseAddress(sheet.address);
  const values = sheet.values.map((row, r) => row.map((v, c) => toCellValue(v, sheet.numberFormat[r]?.[c])));
  const tables: SheetTable[] = [];
  for (const t of sheet.tables) {
    const located = locateTable(sheet, t);
    if (located) tables.push(located);
  }
  return { name: sheet.name, top: box?.top ?? 1, left: box?.left ?? 1, values: box ? values : [], tables };
}

// ---------------------------------------------------------------------------------------------
// Excel

/** Loaded once per read from `workbook.tables` (not per sheet, so no table collection of a null sheet). */
const TABLE_LOAD = "items/name,items/showHeaders,items/worksheet/name,items/columns/items/name,items/rows/count";

interface SheetProxies {
  sheet: Excel.Worksheet;
  used: Excel.Range;
}

interface Page {
  proxies: SheetProxies[];
  /** The sheet after the last one queued; a null object when the workbook has no more. */
  next: Excel.Worksheet;
}

/** Queues the loads for up to `cap` sheets starting at `first`; no sync. */
function queuePage(first: Excel.Worksheet, cap: number, usedProps: string): Page {
  const proxies: SheetProxies[] = [];
  let sheet = first;
  for (let i = 0; i < cap; i++) {
    sheet.load("name");
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load(usedProps);
    proxies.push({ sheet, used });
    sheet = sheet.getNextOrNullObject();
  }
  sheet.load("name");
  return { proxies, next: sheet };
}

interface SheetRead {
  name: string;
  used: Excel.Range | null;
  tables: LoadedTable[];
}

function collectPage(page: Page, tablesBySheet: Map<string, LoadedTable[]>): SheetRead[] {
  const out: SheetRead[] = [];
  for (const { sheet, used } of page.proxies) {
    if (sheet.isNullObject) break;
    out.push({ name: sheet.name, used: used.isNullObject ? null : used, tables: tablesBySheet.get(sheet.name) ?? [] });
  }
  return out;
}

function groupTables(tables: Excel.TableCollection): Map<string, LoadedTable[]> {
  const bySheet = new Map<string, LoadedTable[]>();
  for (const t of tables.items) {
    const sheet = t.worksheet.name;
    const list = bySheet.get(sheet) ?? [];
    list.push({ name: t.name, showHeaders: t.showHeaders, columns: t.columns.items.map((c) => c.name), rowCount: t.rows.count });
    bySheet.set(sheet, list);
  }
  return bySheet;
}

/** Loads every sheet page by page (one sync per `cap` sheets); the tables come with the first page. */
async function readPages(context: Excel.RequestContext, cap: number, usedProps: string): Promise<SheetRead[]> {
  const tables = context.workbook.tables;
  tables.load(TABLE_LOAD);
  const pages: Page[] = [];
  let first = context.workbook.worksheets.getFirst();
  for (;;) {
    const page = queuePage(first, cap, usedProps);
    pages.push(page);
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per SHEET_CAP sheets: sheets cannot be enumerated without a round trip
    await context.sync();
    if (page.next.isNullObject) break;
    first = context.workbook.worksheets.getItem(page.next.name);
  }
  const bySheet = groupTables(tables);
  return pages.flatMap((page) => collectPage(page, bySheet));
}

/**
 * Reads the workbook into `WorkbookData`: one sync when it fits (see the file comment),
 * a chunked read when Excel says the response is too large.
 */
export async function readWorkbook(context: Excel.RequestContext, options: ReadOptions = {}): Promise<WorkbookData> {
  const cap = Math.max(1, options.sheetCap ?? SHEET_CAP);
  let sheets: LoadedSheet[];
  try {
    const reads = await readPages(context, cap, "address,values,numberFormat");
    sheets = reads.map((s) => ({
      name: s.name,
      address: s.used ? s.used.address : null,
      values: s.used ? s.used.values : [],
      numberFormat: s.used ? s.used.numberFormat : [],
      tables: s.tables,
    }));
  } catch (error) {
    // Which code a too-large read gives differs by platform (web: payload codes; desktop may say
    // RangeExceedsLimit or only GeneralException). Reading again in chunks is harmless: it only reads.
    if (!isPayloadTooLarge(error) && !isTooManyCells(error) && officeErrorCode(error) !== "GeneralException") throw error;
    sheets = await readInChunks(context, cap, options.budgetBytes ?? READ_BUDGET_BYTES);
  }
  await locateAmbiguousTables(context, sheets);
  return toWorkbookData(sheets);
}

/** Second sync, only for tables whose header row could not be found in the values. */
async function locateAmbiguousTables(context: Excel.RequestContext, sheets: LoadedSheet[]): Promise<void> {
  const pending: { table: LoadedTable; range: Excel.Range }[] = [];
  for (const sheet of sheets) {
    if (sheet.name === SUMMARY_SHEET_NAME) continue;
    for (const table of sheet.tables) {
      if (!table.showHeaders || locateTable(sheet, table) !== null) continue;
      const range = context.workbook.worksheets.getItem(sheet.name).tables.getItem(table.name).getHeaderRowRange();
      range.load("address");
      pending.push({ table, range });
    }
  }
  if (pending.length === 0) return;
  await context.sync();
  for (const { table, range } of pending) table.headerAddress = range.address;
}

interface ChunkJob {
  sheet: number;
  /** Offset of the first row in the used range, and row count. */
  offset: number;
  rows: number;
  bytes: number;
}

/**
 * The next batch of a chunked read: row chunks taken in order from `cursor` (rows already read
 * per sheet), as many as fit in `budget` at `bytesPerCell`. Advances `cursor`. Empty when done.
 */
export function nextReadBatch(
  sheets: readonly { rows: number; columns: number }[],
  cursor: number[],
  budget: number,
  bytesPerCell: number,
): ChunkJob[] {
  const batch: ChunkJob[] = [];
  let size = 0;
  for (let sheet = 0; sheet < sheets.length; sheet++) {
    const s = sheets[sheet] as { rows: number; columns: number };
    const done = cursor[sheet] ?? 0;
    if (s.columns === 0 || done >= s.rows) continue;
    const rowBytes = s.columns * bytesPerCell;
    const fit = Math.floor((budget - size) / rowBytes);
    if (fit < 1 && batch.length > 0) break;
    const rows = Math.min(Math.max(1, fit), s.rows - done);
    batch.push({ sheet, offset: done, rows, bytes: rows * rowBytes });
    size += rows * rowBytes;
    cursor[sheet] = done + rows;
    if (done + rows < s.rows) break; // the budget is used up
  }
  return batch;
}

/** Bytes per cell of what a read returned (values and number formats as JSON), never below 8. */
export function measuredBytesPerCell(values: unknown[][], numberFormat: unknown[][]): number {
  const cells = values.reduce((n, r) => n + r.length, 0);
  if (cells === 0) return BYTES_PER_CELL_ESTIMATE;
  return Math.max(8, (JSON.stringify(values).length + JSON.stringify(numberFormat).length) / cells);
}

function tooManyCells(name: string, cells: number): BalansError {
  const n = cells.toLocaleString("sv-SE");
  return new BalansError(
    "too-many-cells",
    `Bladet "${name}" har ${n} använda celler, fler än Excel kan läsa (5 000 000). Ta bort tomma rader och kolumner eller dela upp bladet och försök igen.`,
    `The sheet "${name}" has ${cells} used cells, more than Excel can read (5,000,000). Remove empty rows and columns or split the sheet and try again.`,
  );
}

/** The fallback read: one sync for the dimensions, then row chunks under the budget per sync. */
async function readInChunks(context: Excel.RequestContext, cap: number, budget: number): Promise<LoadedSheet[]> {
  const reads = await readPages(context, cap, "address,rowCount,columnCount");
  const dims = reads.map((s) => {
    const box: CellBox | null = s.used ? parseAddress(s.used.address) : null;
    const skip = s.name === SUMMARY_SHEET_NAME;
    const rows = box && !skip ? box.bottom - box.top + 1 : 0;
    const columns = box && !skip ? box.right - box.left + 1 : 0;
    return { name: s.name, box, rows, columns, tables: s.tables };
  });
  for (const d of dims) {
    if (d.rows * d.columns > MAX_CELLS_PER_READ) throw tooManyCells(d.name, d.rows * d.columns);
  }
  const sheets: LoadedSheet[] = dims.map((d) => ({
    name: d.name,
    address: d.box && d.rows > 0 ? boxAddress(d.box) : null,
    values: [],
    numberFormat: [],
    tables: d.tables,
  }));
  const chunks = new Map<string, { values: unknown[][]; numberFormat: unknown[][] }>();
  // Start from a cautious size per cell, then learn it from each response (with a margin), so
  // that each sync carries close to the budget; a refused batch is retried at half the size.
  let bytesPerCell = BYTES_PER_CELL_ESTIMATE;
  const cursor = dims.map(() => 0);
  for (;;) {
    const batch = nextReadBatch(dims, cursor, budget, bytesPerCell);
    if (batch.length === 0) break;
    const ranges = batch.map((job) => {
      const d = dims[job.sheet] as (typeof dims)[number];
      const box = d.box as CellBox;
      const address = boxAddress({ top: box.top + job.offset, bottom: box.top + job.offset + job.rows - 1, left: box.left, right: box.right });
      const range = context.workbook.worksheets.getItem(d.name).getRange(address);
      range.load("values,numberFormat");
      return { job, range };
    });
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- chunked read: each sync must stay under Excel's 5 MB response limit
      await context.sync();
    } catch (error) {
      const single = batch.length === 1 && (batch[0]?.rows ?? 0) < 2;
      if (!(isPayloadTooLarge(error) || isTooManyCells(error)) || single) throw error;
      for (const job of batch) cursor[job.sheet] = Math.min(cursor[job.sheet] ?? 0, job.offset);
      bytesPerCell *= 2;
      continue;
    }
    let values: unknown[][] = [];
    let formats: unknown[][] = [];
    for (const { job, range } of ranges) {
      chunks.set(`${job.sheet}:${job.offset}`, { values: range.values, numberFormat: range.numberFormat });
      values = values.concat(range.values);
      formats = formats.concat(range.numberFormat);
    }
    bytesPerCell = measuredBytesPerCell(values, formats) * 1.25;
  }
  // Reassemble each sheet in row order.
  const keys = [...chunks.keys()].sort((a, b) => {
    const [sa, oa] = a.split(":").map(Number) as [number, number];
    const [sb, ob] = b.split(":").map(Number) as [number, number];
    return sa - sb || oa - ob;
  });
  for (const key of keys) {
    const [s] = key.split(":").map(Number) as [number];
    const chunk = chunks.get(key) as { values: unknown[][]; numberFormat: unknown[][] };
    const sheet = sheets[s] as LoadedSheet;
    for (const row of chunk.values) sheet.values.push(row);
    for (const row of chunk.numberFormat) sheet.numberFormat.push(row);
  }
  return sheets;
}
