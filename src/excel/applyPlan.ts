/**
 * Writes a `Plan` into the workbook: the owned status columns and the owned summary sheet.
 *
 * Everything is queued as "jobs" whose request size is estimated (JSON of the values plus a
 * conservative allowance per object path and action); jobs are packed in order into batches of
 * at most `WRITE_BUDGET_BYTES`, and each batch costs one `context.sync()`. A plan that fits is
 * one sync; a 100 000-row status column is several, each under Excel on the web's 5 MB limit.
 *
 * Balans writes only: the owned status column (its header cell and data cells), the summary
 * sheet — added under `plan.summary.name`, or, when it is Balans's already (`summary.existing`),
 * rewritten in place (its contents and charts cleared, then written): never deleted and added
 * again, so a locked workbook structure is respected — and its ownership record, hidden
 * workbook-level defined names (`plan.names` replaced, `plan.removeNames` deleted).
 * Nothing is written on a protected sheet: the engine leaves those out, and {@link assertWritable}
 * refuses a plan that does not, before anything is queued.
 */
import { BalansError } from "../app/port";
import type { AgendaSheetPlan, LiveDatesColumnPlan, NamePlan, Plan, Rgb, StatusCell, StatusColumnPlan, SummaryCell, SummarySheetPlan } from "../domain/types";
import { checkRecordXml } from "../domain/checkRecordXml";
import { LINK_COLOUR } from "../domain/linkColour";
import { cellAddress, columnLetter, sheetReference, splitSheetReference } from "./address";
import { isFilledDown } from "./relativeFormula";
import { syncInBatches, type ApiSupport } from "./run";

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

export interface ApplyOptions {
  /** ExcelApi requirement-set check. */
  supports: ApiSupport;
  /** @default WRITE_BUDGET_BYTES */
  budgetBytes?: number;
  /** Called after each write sync. */
  onProgress?: (done: number, total: number) => void;
  /** What the read found, for the last safety net ({@link assertWritable}) and the names to replace. */
  workbook?: WorkbookFacts;
  /** Charts on the existing summary sheet (loaded before the write): deleted before it is rewritten. */
  summaryCharts?: readonly { delete: () => void }[];
  /** Queued with the last write batch (e.g. activating a sheet that already existed). */
  last?: (context: Excel.RequestContext) => void;
}

/** What the read found about the workbook, as the writer needs it. */
export interface WorkbookFacts {
  /** Sheets with protection on. */
  protectedSheets: ReadonlySet<string>;
  structureLocked: boolean;
  /** Workbook-level defined names that exist (any case). */
  names: readonly string[];
  /** Last worksheet column of each Excel table, by `sheet\u0000table` in lower case (see {@link StatusColumnContext}). */
  tableRight?: ReadonlyMap<string, number>;
  /** The id of the custom XML part holding the since-last-check record, or null when the read found none. */
  checkRecordPart?: string | null;
}

const lower = (s: string) => s.toLocaleLowerCase("sv-SE");

/**
 * The last safety net: the engine never plans a write on a protected sheet or a new sheet in a
 * locked workbook, and this refuses a plan that does (nothing is queued).
 */
export function assertWritable(plan: Plan, facts: WorkbookFacts): void {
  const locked = new Set([...facts.protectedSheets].map(lower));
  const sheets = [
    ...plan.statusColumns.map((p) => p.sheet),
    ...(plan.summary && plan.summary.existing ? [plan.summary.existing] : []),
    ...(plan.agendaSheet && plan.agendaSheet.existing ? [plan.agendaSheet.existing] : []),
  ];
  const hit = sheets.find((s) => locked.has(lower(s)));
  if (hit !== undefined) {
    throw new BalansError(
      "protected",
      `Bladet "${hit}" är skyddat: Balans skriver ingenting där. Ta bort bladskyddet (Granska → Ta bort bladskydd) och försök igen.`,
      `The sheet "${hit}" is protected: Balans writes nothing there. Unprotect it (Review → Unprotect Sheet) and try again.`,
    );
  }
  if (plan.summary && !plan.summary.existing && facts.structureLocked) {
    throw new BalansError(
      "protected",
      `Arbetsbokens struktur är låst, så Balans kan inte lägga till bladet "${plan.summary.name}". Lås upp strukturen (Granska → Skydda arbetsbok) och försök igen.`,
      `The workbook's structure is locked, so Balans cannot add the sheet "${plan.summary.name}". Unlock it (Review → Protect Workbook) and try again.`,
    );
  }
  const agenda = plan.agendaSheet;
  if (agenda && !agenda.existing && facts.structureLocked) {
    throw new BalansError(
      "protected",
      `Arbetsbokens struktur är låst, så Balans kan inte lägga till bladet "${agenda.name}". Lås upp strukturen (Granska → Skydda arbetsbok) och försök igen.`,
      `The workbook's structure is locked, so Balans cannot add the sheet "${agenda.name}". Unlock it (Review → Protect Workbook) and try again.`,
    );
  }
}

/** Build the `tableRight` map of {@link WorkbookFacts} from the tables a read found. */
export function tableRightOf(sheets: readonly { name: string; tables: readonly { name: string; firstColumn: number; columnCount: number }[] }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of sheets) for (const t of s.tables) out.set(tableKey(s.name, t.name), t.firstColumn + t.columnCount - 1);
  return out;
}

export interface ApplyReport {
  /** Write syncs. */
  batches: number;
  /** Largest estimated request of one sync, in bytes. */
  largestEstimatedBytes: number;
}

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

function estimate(paths: number, actions: number, payload: unknown = null): number {
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
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
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
  let size = 2;
  for (const row of rows) {
    const b = rowBytes(row) + 1;
    if (current.length > 0 && size + b > maxBytes) {
      chunks.push(current);
      current = [];
      size = 2;
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
function areaJobs(
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
      bytes: estimate(6, actions, [list, payload]),
      queue: (context) => apply(context.workbook.worksheets.getItem(sheet).getRanges(list)),
    }));
  }
  return addresses.map((address) => ({
    bytes: estimate(6, actions, [address, payload]),
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

function columnRunAddress(column: number, [first, last]: [number, number]): string {
  const letters = columnLetter(column);
  return first === last ? `${letters}${first}` : `${letters}${first}:${letters}${last}`;
}

// ---------------------------------------------------------------------------------------------
// Status columns

/** Rows of the plan grouped by their style (fill and font colour), as column addresses per style. */
function addressesByStyle(plan: StatusColumnPlan): Map<string, { fill: string | null; font: string | null; addresses: string[] }> {
  const rowsByStyle = new Map<string, { fill: string | null; font: string | null; rows: number[] }>();
  for (const cell of plan.cells) {
    if (cell.label === "") continue;
    const fill = htmlColour(cell.fill);
    const font = htmlColour(cell.font);
    if (fill === null && font === null) continue;
    const key = `${fill}|${font}`;
    const entry = rowsByStyle.get(key) ?? { fill, font, rows: [] };
    entry.rows.push(cell.row);
    rowsByStyle.set(key, entry);
  }
  const out = new Map<string, { fill: string | null; font: string | null; addresses: string[] }>();
  for (const [key, { fill, font, rows }] of rowsByStyle) {
    out.set(key, { fill, font, addresses: rowRuns(rows).map((run) => columnRunAddress(plan.column, run)) });
  }
  return out;
}

/** What the status-column writer needs to know of the read (absent: a plain plan, as in unit tests). */
export interface StatusColumnContext {
  /**
   * Last worksheet column of each Excel table as read, by `sheet\u0000table` (lower case). An
   * existing status column at or left of it is a column of the table; absent: assumed to be one.
   */
  tableRight?: ReadonlyMap<string, number>;
}

const tableKey = (sheet: string, table: string) => `${lower(sheet)}\u0000${lower(table)}`;

/** The fixed fill of each label, from the plan's rules (hosts without conditional formats, ExcelApi < 1.6). */
function fillsFromRules(plan: StatusColumnPlan): StatusColumnPlan {
  const byLabel = new Map((plan.conditionalFormats ?? []).map((r) => [r.label, r]));
  return { ...plan, cells: plan.cells.map((c) => (c.fill === null && c.font === null && byLabel.has(c.label) ? { ...c, fill: byLabel.get(c.label)?.fill ?? null, font: byLabel.get(c.label)?.font ?? null } : c)) };
}

/** The `formulas` entry of one status cell: its formula, or its label (in a text-formatted cell). */
const formulaEntry = (c: StatusCell): string => (c.formula !== undefined ? `=${c.formula}` : c.label);

/** The jobs that write one status column (and, issue 11, its dates column and rules), in order. */
export function statusColumnJobs(plan: StatusColumnPlan, supports: ApiSupport, context: StatusColumnContext = {}): WriteJob[] {
  const jobs: WriteJob[] = [];
  const { sheet, table, header, column } = plan;
  const cells = [...plan.cells].sort((a, b) => a.row - b.row);
  const newTableColumn = !plan.exists && table !== "";
  const firstDataRow = plan.headerRow + 1;
  const dates = plan.dates ?? null;
  const rules = plan.conditionalFormats ?? [];
  const withRules = rules.length > 0 && supports("1.6");
  // Inside an Excel table the dates column is a table column too (added right after the status
  // column): when the status column is new, or is already one of the table's columns.
  const right = table === "" ? undefined : context.tableRight?.get(tableKey(sheet, table));
  const statusInTable = table !== "" && (!plan.exists || right === undefined || column <= right);
  const newDatesTableColumn = dates !== null && !dates.exists && statusInTable;
  /** The dates column as `TableColumnCollection.add` returned it (set by the first job, used by later ones). */
  let datesTableColumn: Excel.TableColumn | null = null;

  // The data cells as a range: a new table column through its data body range, else by address.
  const body = (context: Excel.RequestContext, first: number, count: number): Excel.Range => {
    if (newTableColumn) {
      const data = context.workbook.worksheets.getItem(sheet).tables.getItem(table).columns.getItem(header).getDataBodyRange();
      return data.getCell(first - firstDataRow, 0).getResizedRange(count - 1, 0);
    }
    return context.workbook.worksheets.getItem(sheet).getRange(columnRunAddress(column, [first, first + count - 1]));
  };
  const datesBody = (context: Excel.RequestContext, first: number, count: number): Excel.Range => {
    if (newDatesTableColumn && datesTableColumn !== null) {
      return datesTableColumn.getDataBodyRange().getCell(first - firstDataRow, 0).getResizedRange(count - 1, 0);
    }
    return context.workbook.worksheets.getItem(sheet).getRange(columnRunAddress((dates as LiveDatesColumnPlan).column, [first, first + count - 1]));
  };
  const headerCell = (target: number, text: string) => (context: Excel.RequestContext) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    const cell = ws.getRange(cellAddress(plan.headerRow, target));
    if (looksLikeFormula(text)) cell.numberFormat = [[TEXT_FORMAT]];
    cell.values = [[text]];
    cell.format.font.bold = true;
    ws.getRange(`${columnLetter(target)}:${columnLetter(target)}`).format.columnWidth = charsToPoints(14);
  };

  // 1. The column itself: added once to the Excel table, or a header cell beside a plain range.
  if (newTableColumn) {
    jobs.push({
      bytes: estimate(6, 2, header),
      queue: (context) => {
        const columns = context.workbook.worksheets.getItem(sheet).tables.getItem(table).columns;
        columns.add(null as unknown as number, undefined, header);
        context.workbook.worksheets.getItem(sheet).getRange(`${columnLetter(column)}:${columnLetter(column)}`).format.columnWidth = charsToPoints(14);
      },
    });
  } else if (!plan.exists) {
    jobs.push({ bytes: estimate(6, 4, header), queue: headerCell(column, header) });
  }
  // 1b. The dates column right of it (issue 11): a table column of its own, or a header cell.
  if (dates !== null && !dates.exists) {
    if (newDatesTableColumn) {
      jobs.push({
        bytes: estimate(6, 2, dates.header),
        queue: (context) => {
          const columns = context.workbook.worksheets.getItem(sheet).tables.getItem(table).columns;
          // The proxy Excel returns, not getItem(header): a user's column of the same name elsewhere
          // in the table would be found by name instead.
          datesTableColumn = columns.add(null as unknown as number, undefined, dates.header);
          context.workbook.worksheets.getItem(sheet).getRange(`${columnLetter(dates.column)}:${columnLetter(dates.column)}`).format.columnWidth = charsToPoints(24);
        },
      });
    } else {
      jobs.push({ bytes: estimate(6, 4, dates.header), queue: headerCell(dates.column, dates.header) });
    }
  }

  // 2. Per contiguous segment of rows: reset formats (and Balans's own conditional formats), the
  //    number formats (General under a formula: a formula in a Text cell stays text), then the
  //    labels or formulas in chunks; the dates column's cells likewise, as text.
  const datesByRow = new Map((dates?.cells ?? []).map((c) => [c.row, c.value]));
  const segments: StatusCell[][] = [];
  for (const cell of cells) {
    const seg = segments[segments.length - 1];
    const prev = seg?.[seg.length - 1];
    if (seg && prev && cell.row === prev.row + 1) seg.push(cell);
    else if (!prev || cell.row !== prev.row) segments.push([cell]);
  }
  for (const seg of segments) {
    const first = (seg[0] as StatusCell).row;
    const formats = seg.map((c) => [c.formula !== undefined ? GENERAL_FORMAT : TEXT_FORMAT]);
    const uniform = formats.every((f) => f[0] === formats[0]?.[0]);
    const numberFormat = uniform ? [[(formats[0] as string[])[0] as string]] : formats;
    jobs.push({
      bytes: estimate(10, 3 + (supports("1.6") ? 1 : 0), numberFormat),
      queue: (context) => {
        const range = body(context, first, seg.length);
        range.clear("Formats");
        // Balans's earlier rules on its own column are replaced, never stacked.
        if (supports("1.6")) range.conditionalFormats.clearAll();
        range.numberFormat = numberFormat;
      },
    });
    let offset = 0;
    if (seg.length > 1 && supports("1.9") && isFilledDown(seg)) {
      // One formula filled down (ExcelApi 1.9): the same cells as one formula per row, at the
      // request size of one cell — Kontrollera keeps its syncs however long the column.
      const top = [[formulaEntry(seg[0] as StatusCell)]];
      jobs.push({
        bytes: estimate(12, 2, top),
        queue: (context) => {
          const range = body(context, first, seg.length);
          const cell = range.getCell(0, 0);
          cell.formulas = top;
          cell.autoFill(range, "FillCopy" as Excel.AutoFillType);
        },
      });
      offset = seg.length;
    }
    for (const chunk of offset === seg.length ? [] : chunkRows(seg, VALUES_CHUNK_BYTES, (c) => jsonBytes(formulaEntry(c)))) {
      const start = first + offset;
      offset += chunk.length;
      const live = chunk.some((c) => c.formula !== undefined);
      const grid = chunk.map((c) => [live ? formulaEntry(c) : c.label]);
      jobs.push({
        bytes: estimate(10, 1, grid),
        queue: (context) => {
          const range = body(context, start, chunk.length);
          // Invariant-language formulas (never formulasLocal): the same in Swedish and English Excel.
          if (live) range.formulas = grid;
          else range.values = grid;
        },
      });
    }
    if (dates !== null) {
      jobs.push({
        bytes: estimate(10, 2, TEXT_FORMAT),
        queue: (context) => {
          const range = datesBody(context, first, seg.length);
          range.clear("Formats");
          range.numberFormat = [[TEXT_FORMAT]];
        },
      });
      let done = 0;
      for (const chunk of chunkRows(
        seg.map((c) => [datesByRow.get(c.row) ?? ""]),
        VALUES_CHUNK_BYTES,
      )) {
        const start = first + done;
        done += chunk.length;
        jobs.push({ bytes: estimate(10, 1, chunk), queue: (context) => (datesBody(context, start, chunk.length).values = chunk) });
      }
    }
    // 3. One conditional format per label on the segment: cell value equals the label → its fill
    //    and font colour (ExcelApi 1.6), so that the colour follows the label Excel computes.
    if (withRules) {
      jobs.push({
        bytes: estimate(10 + 4 * rules.length, 4 * rules.length, rules),
        queue: (context) => {
          const range = body(context, first, seg.length);
          for (const rule of rules) {
            const format = range.conditionalFormats.add("CellValue" as Excel.ConditionalFormatType);
            const fill = htmlColour(rule.fill);
            const font = htmlColour(rule.font);
            if (fill) format.cellValue.format.fill.color = fill;
            if (font) format.cellValue.format.font.color = font;
            format.cellValue.rule = { formula1: `="${rule.label.replace(/"/g, '""')}"`, operator: "EqualTo" };
          }
        },
      });
    }
  }

  // 4. Fixed fills and font colours (no rules, or a host without conditional formats: the rules'
  //    colours as fixed fills): per style, one range (multi-area with ExcelApi 1.9) per ~2 000
  //    characters of address, never one call per row. Rows without style were reset in 2.
  const fixed = withRules ? null : rules.length > 0 ? fillsFromRules(plan) : plan;
  for (const { fill, font, addresses } of fixed === null ? [] : addressesByStyle(fixed).values()) {
    const actions = (fill ? 1 : 0) + (font ? 1 : 0);
    const apply = (r: { format: Excel.RangeFormat }) => {
      if (fill) r.format.fill.color = fill;
      if (font) r.format.font.color = font;
    };
    for (const job of areaJobs(sheet, addresses, supports, actions, apply, [fill, font])) jobs.push(job);
  }
  return jobs;
}

// ---------------------------------------------------------------------------------------------
// Summary sheet

/** Horizontal runs of cells in one row that share a key, as A1 addresses per key. */
function horizontalRuns(cells: readonly SummaryCell[], keyOf: (c: SummaryCell) => string | null): Map<string, string[]> {
  const byRow = new Map<number, SummaryCell[]>();
  for (const c of cells) {
    const list = byRow.get(c.row) ?? [];
    list.push(c);
    byRow.set(c.row, list);
  }
  const out = new Map<string, string[]>();
  for (const [row, list] of [...byRow].sort((a, b) => a[0] - b[0])) {
    list.sort((a, b) => a.col - b.col);
    let start: SummaryCell | null = null;
    let prev: SummaryCell | null = null;
    const flush = () => {
      if (!start || !prev) return;
      const key = keyOf(start);
      if (key === null) return;
      const address = start.col === prev.col ? cellAddress(row, start.col) : `${cellAddress(row, start.col)}:${cellAddress(row, prev.col)}`;
      const list = out.get(key) ?? [];
      list.push(address);
      out.set(key, list);
    };
    for (const c of list) {
      if (start && prev && c.col === prev.col + 1 && keyOf(c) === keyOf(start)) {
        prev = c;
        continue;
      }
      flush();
      start = c;
      prev = c;
    }
    flush();
  }
  return out;
}

/** The jobs that replace the summary sheet, in order. */
export function summaryJobs(plan: SummarySheetPlan, supports: ApiSupport, options: { charts?: readonly { delete: () => void }[] } = {}): WriteJob[] {
  const jobs: WriteJob[] = [];
  const name = plan.existing ?? plan.name;
  const sheetOf = (context: Excel.RequestContext) => context.workbook.worksheets.getItem(name);

  // 1. A new sheet, or the owned sheet rewritten in place: its cells (values, formats, links)
  //    cleared and its charts deleted. Never deleted and added again (a locked structure forbids
  //    that, and the sheet keeps its place and its tab colour).
  if (plan.existing) {
    const charts = options.charts ?? [];
    jobs.push({
      bytes: estimate(4 + charts.length, 1 + charts.length, name),
      queue: (context) => {
        for (const chart of charts) chart.delete();
        sheetOf(context).getUsedRange(false).clear("All");
      },
    });
  } else {
    jobs.push({
      bytes: estimate(2, 1, name),
      queue: (context) => {
        context.workbook.worksheets.add(name);
      },
    });
  }

  // 2. Values and number formats as one 2-D block (split by rows only when it is large).
  const rows = plan.cells.reduce((m, c) => Math.max(m, c.row), 0);
  const cols = plan.cells.reduce((m, c) => Math.max(m, c.col), 0);
  if (rows > 0 && cols > 0) {
    const values: (string | number)[][] = Array.from({ length: rows }, () => Array<string | number>(cols).fill(""));
    const formats: string[][] = Array.from({ length: rows }, () => Array<string>(cols).fill("General"));
    const formulaRows = new Set<number>();
    for (const c of plan.cells) {
      const r = c.row - 1;
      const k = c.col - 1;
      if (c.formula !== undefined) {
        // Issue 11: Balans's own formula (COUNTIF over its status columns), invariant language;
        // Excel computes the value. General (or the cell's number format), never Text.
        (values[r] as (string | number)[])[k] = `=${c.formula}`;
        (formats[r] as string[])[k] = c.numFmt ?? GENERAL_FORMAT;
        formulaRows.add(r);
        continue;
      }
      (values[r] as (string | number)[])[k] = c.value ?? "";
      // Every text is written as text: Excel must not read "1", "2025", "3/6" or "SANT" as a number, date or formula.
      (formats[r] as string[])[k] = typeof c.value === "string" ? TEXT_FORMAT : (c.numFmt ?? "General");
    }
    const indexed = values.map((row, i) => ({ row, formats: formats[i] as string[], index: i }));
    for (const chunk of chunkRows(indexed, VALUES_CHUNK_BYTES, (x) => jsonBytes(x.row) + jsonBytes(x.formats))) {
      const top = (chunk[0] as (typeof indexed)[number]).index + 1;
      const address = `A${top}:${cellAddress(top + chunk.length - 1, cols)}`;
      const v = chunk.map((x) => x.row);
      const f = chunk.map((x) => x.formats);
      // With a formula in the block, `formulas` writes it (and the other cells as values: text
      // stays text in its Text-formatted cell); otherwise `values`.
      const withFormulas = chunk.some((x) => formulaRows.has(x.index));
      jobs.push({
        bytes: estimate(4, 2, [v, f]),
        queue: (context) => {
          const range = sheetOf(context).getRange(address);
          range.numberFormat = f; // before the values: text-formatted cells keep "=…" as text
          if (withFormulas) range.formulas = v;
          else range.values = v;
        },
      });
    }
  }

  // 3. Bold and fills per horizontal run.
  const bold = horizontalRuns(plan.cells, (c) => (c.bold === true ? "bold" : null)).get("bold") ?? [];
  for (const job of areaJobs(name, bold, supports, 1, (r) => (r.format.font.bold = true), true)) jobs.push(job);
  for (const [colour, addresses] of horizontalRuns(plan.cells, (c) => htmlColour(c.fill))) {
    for (const job of areaJobs(name, addresses, supports, 1, (r) => (r.format.fill.color = colour), colour)) jobs.push(job);
  }

  // 4. Links to rows on other sheets (ExcelApi 1.7): never a HYPERLINK formula built from cell text.
  if (supports("1.7")) {
    for (const c of plan.cells) {
      if (!c.link) continue;
      const address = cellAddress(c.row, c.col);
      const link: Excel.RangeHyperlink = { documentReference: sheetReference(c.link.sheet, c.link.address) };
      if (typeof c.value === "string" && !looksLikeFormula(c.value)) link.textToDisplay = c.value;
      jobs.push({
        bytes: estimate(4, 3, [address, link]),
        queue: (context) => {
          const range = sheetOf(context).getRange(address);
          range.hyperlink = link;
          range.format.font.color = `#${LINK_COLOUR}`;
          range.format.font.underline = "Single";
        },
      });
    }
  }

  // 5. Column widths.
  plan.columnWidths.forEach((width, i) => {
    const letters = columnLetter(i + 1);
    jobs.push({
      bytes: estimate(4, 1, width),
      queue: (context) => {
        sheetOf(context).getRange(`${letters}:${letters}`).format.columnWidth = charsToPoints(width);
      },
    });
  });

  // 6. A native clustered-bar chart of the plan's ranges (setXAxisValues needs ExcelApi 1.7).
  const chart = plan.chart;
  if (chart && supports("1.7")) {
    const values = splitSheetReference(chart.values);
    const categories = splitSheetReference(chart.categories);
    const anchor = cellAddress(2, cols + 2);
    const corner = cellAddress(22, cols + 9);
    jobs.push({
      bytes: estimate(10, 6, chart),
      queue: (context) => {
        const ws = sheetOf(context);
        const source = context.workbook.worksheets.getItem(values.sheet ?? name).getRange(values.address);
        const added = ws.charts.add("BarClustered", source, "Columns");
        added.title.text = chart.title;
        added.legend.visible = false;
        const series = added.series.getItemAt(0);
        series.name = String(chart.year);
        series.setXAxisValues(context.workbook.worksheets.getItem(categories.sheet ?? name).getRange(categories.address));
        added.setPosition(anchor, corner);
      },
    });
  }

  // 7. Issue 10: more charts, each a native clustered-column chart over ranges of this sheet, its
  //    series named (series.add / setValues / setXAxisValues need ExcelApi 1.7).
  for (const more of supports("1.7") ? (plan.charts ?? []) : []) {
    const [firstSeries, ...rest] = more.series;
    if (firstSeries === undefined) continue;
    const anchor = cellAddress(more.anchor.row, more.anchor.col);
    const corner = cellAddress(more.anchor.row + CHART_ROWS - 1, more.anchor.col + CHART_COLUMNS - 1);
    jobs.push({
      bytes: estimate(10 + 4 * more.series.length, 6 + 3 * more.series.length, more),
      queue: (context) => {
        const ws = sheetOf(context);
        const categories = ws.getRange(more.categories);
        const added = ws.charts.add("ColumnClustered" as Excel.ChartType, ws.getRange(firstSeries.values), "Columns" as Excel.ChartSeriesBy);
        added.title.text = more.title;
        const s0 = added.series.getItemAt(0);
        s0.name = firstSeries.name;
        s0.setXAxisValues(categories);
        for (const series of rest) {
          const s = added.series.add(series.name);
          s.setValues(ws.getRange(series.values));
          s.setXAxisValues(categories);
        }
        added.setPosition(anchor, corner);
      },
    });
  }
  return jobs;
}

/** Size of each chart of `SummarySheetPlan.charts`, in cells from its anchor. */
export const CHART_ROWS = 16;
export const CHART_COLUMNS = 8;

// ---------------------------------------------------------------------------------------------
// The agenda sheet (issue 14)

/**
 * The jobs that write the agenda sheet: as the summary sheet (text as text, links, widths; an owned
 * sheet rewritten in place), then its print setup where ExcelApi 1.9 has `Worksheet.pageLayout`:
 * A4 landscape, the header row repeated on every page, one page wide. Older hosts get the sheet
 * without print setup (the caller says so).
 */
export function agendaJobs(plan: AgendaSheetPlan, supports: ApiSupport): WriteJob[] {
  const sheetPlan: SummarySheetPlan = { name: plan.name, existing: plan.existing ?? null, cells: plan.cells, columnWidths: plan.columnWidths, chart: null };
  const jobs = summaryJobs(sheetPlan, supports);
  if (supports("1.9")) {
    const name = plan.existing ?? plan.name;
    const titleRows = `$${plan.print.repeatRow}:$${plan.print.repeatRow}`;
    jobs.push({
      bytes: estimate(4, 4, [titleRows, plan.print]),
      queue: (context) => {
        const layout = context.workbook.worksheets.getItem(name).pageLayout;
        layout.orientation = (plan.print.orientation === "landscape" ? "Landscape" : "Portrait") as Excel.PageOrientation;
        layout.paperSize = plan.print.paperSize as Excel.PaperType;
        layout.setPrintTitleRows(titleRows);
        // One page wide, as many tall as needed (0: no limit, as Excel's "Automatic").
        layout.zoom = { horizontalFitToPages: plan.print.fitToPagesWide, verticalFitToPages: 0 };
      },
    });
  }
  return jobs;
}

// ---------------------------------------------------------------------------------------------
// The since-last-check record (issue 11)

/**
 * The record's custom XML part (ExcelApi 1.5): its XML replaced in the part the read found
 * (`partId`), or a new part added. Nothing without ExcelApi 1.5.
 */
export function checkRecordJobs(json: string, partId: string | null, supports: ApiSupport): WriteJob[] {
  if (!supports("1.5")) return [];
  const xml = checkRecordXml(json);
  return [
    {
      bytes: estimate(3, 1, xml),
      queue: (context) => {
        const parts = context.workbook.customXmlParts;
        if (partId !== null) parts.getItem(partId).setXml(xml);
        else parts.add(xml);
      },
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Applying

// ---------------------------------------------------------------------------------------------
// The ownership record

/**
 * The record's names, after everything they point at exists: a name Balans had is deleted and
 * added again in the same batch (its reference and comment replaced), every added name is made
 * hidden, and `removeNames` that exist are deleted. `existing`: the workbook-level names the read
 * found (a name is only deleted when it is known to exist: no call on a null object).
 */
export function nameJobs(names: readonly NamePlan[], removeNames: readonly string[], existing: readonly string[]): WriteJob[] {
  const have = new Set(existing.map((n) => n.toLowerCase()));
  const jobs: WriteJob[] = [];
  for (const n of removeNames) {
    if (!have.has(n.toLowerCase())) continue;
    jobs.push({ bytes: estimate(3, 1, n), queue: (context) => context.workbook.names.getItem(n).delete() });
  }
  for (const n of names) {
    const replace = have.has(n.name.toLowerCase());
    jobs.push({
      bytes: estimate(4, replace ? 3 : 2, [n.name, n.refersTo, n.comment]),
      queue: (context) => {
        const collection = context.workbook.names;
        if (replace) collection.getItem(n.name).delete();
        const added = collection.add(n.name, `=${n.refersTo}`, n.comment);
        added.visible = false;
      },
    });
  }
  return jobs;
}

/**
 * All jobs of a plan: status columns, the summary sheet, the agenda sheet, the ownership record,
 * then the since-last-check record.
 */
export function planJobs(plan: Plan, supports: ApiSupport, options: Pick<ApplyOptions, "workbook" | "summaryCharts"> = {}): WriteJob[] {
  const jobs: WriteJob[] = [];
  const context: StatusColumnContext = options.workbook?.tableRight ? { tableRight: options.workbook.tableRight } : {};
  for (const p of plan.statusColumns) for (const job of statusColumnJobs(p, supports, context)) jobs.push(job);
  if (plan.summary) for (const job of summaryJobs(plan.summary, supports, options.summaryCharts ? { charts: options.summaryCharts } : {})) jobs.push(job);
  if (plan.agendaSheet) for (const job of agendaJobs(plan.agendaSheet, supports)) jobs.push(job);
  for (const job of nameJobs(plan.names ?? [], plan.removeNames ?? [], options.workbook?.names ?? [])) jobs.push(job);
  if (typeof plan.checkRecord === "string") for (const job of checkRecordJobs(plan.checkRecord, options.workbook?.checkRecordPart ?? null, supports)) jobs.push(job);
  return jobs;
}

/**
 * Applies the plan: one sync when everything fits in `budgetBytes`, else one sync per batch.
 * Each batch suspends recalculation until its sync (ExcelApi 1.6).
 */
export async function applyPlan(context: Excel.RequestContext, plan: Plan, options: ApplyOptions): Promise<ApplyReport> {
  if (options.workbook) assertWritable(plan, options.workbook);
  const batches = packJobs(planJobs(plan, options.supports, options), options.budgetBytes ?? WRITE_BUDGET_BYTES);
  const suspend = options.supports("1.6");
  await syncInBatches(
    context,
    batches,
    (batch, index) => {
      if (suspend) context.application.suspendApiCalculationUntilNextSync();
      for (const job of batch) job.queue(context);
      if (index === batches.length - 1) options.last?.(context);
    },
    options.onProgress,
  );
  return {
    batches: batches.length,
    largestEstimatedBytes: batches.reduce((m, b) => Math.max(m, b.reduce((s, j) => s + j.bytes, 0)), 0),
  };
}

