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
import type { NamePlan, Plan, Rgb, StatusCell, StatusColumnPlan, SummaryCell, SummarySheetPlan } from "../domain/types";
import { cellAddress, columnLetter, sheetReference, splitSheetReference } from "./address";
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
}

const lower = (s: string) => s.toLocaleLowerCase("sv-SE");

/**
 * The last safety net: the engine never plans a write on a protected sheet or a new sheet in a
 * locked workbook, and this refuses a plan that does (nothing is queued).
 */
export function assertWritable(plan: Plan, facts: WorkbookFacts): void {
  const locked = new Set([...facts.protectedSheets].map(lower));
  const sheets = [...plan.statusColumns.map((p) => p.sheet), ...(plan.summary && plan.summary.existing ? [plan.summary.existing] : [])];
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

/** The jobs that write one status column, in order. */
export function statusColumnJobs(plan: StatusColumnPlan, supports: ApiSupport): WriteJob[] {
  const jobs: WriteJob[] = [];
  const { sheet, table, header, column } = plan;
  const cells = [...plan.cells].sort((a, b) => a.row - b.row);
  const newTableColumn = !plan.exists && table !== "";
  const firstDataRow = plan.headerRow + 1;

  // The data cells as a range: a new table column through its data body range, else by address.
  const body = (context: Excel.RequestContext, first: number, count: number): Excel.Range => {
    if (newTableColumn) {
      const data = context.workbook.worksheets.getItem(sheet).tables.getItem(table).columns.getItem(header).getDataBodyRange();
      return data.getCell(first - firstDataRow, 0).getResizedRange(count - 1, 0);
    }
    return context.workbook.worksheets.getItem(sheet).getRange(columnRunAddress(column, [first, first + count - 1]));
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
    jobs.push({
      bytes: estimate(6, 4, header),
      queue: (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        const cell = ws.getRange(cellAddress(plan.headerRow, column));
        if (looksLikeFormula(header)) cell.numberFormat = [[TEXT_FORMAT]];
        cell.values = [[header]];
        cell.format.font.bold = true;
        ws.getRange(`${columnLetter(column)}:${columnLetter(column)}`).format.columnWidth = charsToPoints(14);
      },
    });
  }

  // 2. Per contiguous segment of rows: reset formats, text format, then the labels in chunks.
  const segments: StatusCell[][] = [];
  for (const cell of cells) {
    const seg = segments[segments.length - 1];
    const prev = seg?.[seg.length - 1];
    if (seg && prev && cell.row === prev.row + 1) seg.push(cell);
    else if (!prev || cell.row !== prev.row) segments.push([cell]);
  }
  for (const seg of segments) {
    const first = (seg[0] as StatusCell).row;
    jobs.push({
      bytes: estimate(10, 3, TEXT_FORMAT),
      queue: (context) => {
        const range = body(context, first, seg.length);
        range.clear("Formats");
        range.numberFormat = [[TEXT_FORMAT]];
      },
    });
    let offset = 0;
    for (const chunk of chunkRows(
      seg.map((c) => [c.label]),
      VALUES_CHUNK_BYTES,
    )) {
      const start = first + offset;
      offset += chunk.length;
      jobs.push({
        bytes: estimate(10, 1, chunk),
        queue: (context) => {
          body(context, start, chunk.length).values = chunk;
        },
      });
    }
  }

  // 3. Fills and font colours: per style, one range (multi-area with ExcelApi 1.9) per
  //    ~2 000 characters of address, never one call per row. Rows without style were reset in 2.
  for (const { fill, font, addresses } of addressesByStyle(plan).values()) {
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
    for (const c of plan.cells) {
      const r = c.row - 1;
      const k = c.col - 1;
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
      jobs.push({
        bytes: estimate(4, 2, [v, f]),
        queue: (context) => {
          const range = sheetOf(context).getRange(address);
          range.numberFormat = f; // before the values: text-formatted cells keep "=…" as text
          range.values = v;
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
          range.format.font.color = "#0563C1";
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
  return jobs;
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

/** All jobs of a plan: status columns, the summary sheet, then the ownership record. */
export function planJobs(plan: Plan, supports: ApiSupport, options: Pick<ApplyOptions, "workbook" | "summaryCharts"> = {}): WriteJob[] {
  const jobs: WriteJob[] = [];
  for (const p of plan.statusColumns) for (const job of statusColumnJobs(p, supports)) jobs.push(job);
  if (plan.summary) for (const job of summaryJobs(plan.summary, supports, options.summaryCharts ? { charts: options.summaryCharts } : {})) jobs.push(job);
  for (const job of nameJobs(plan.names ?? [], plan.removeNames ?? [], options.workbook?.names ?? [])) jobs.push(job);
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

