/**
 * Reads the workbook into plain `WorkbookData`, sparsely: cost follows the cells that hold data,
 * not the area of the used range.
 *
 * Round trips (see TESTING.md, "What the read costs"):
 *  1. The sheets and where their data lies (`readSheets.ts`): one round trip on the one-batch path,
 *     two on the documented path it falls back to. With it: tables, defined names, the
 *     structure lock and the date system.
 *  2. The blocks that hold data (`dataBlocks.ts`), their values and number formats, packed into
 *     round trips of about `READ_BUDGET_BYTES` (one for an ordinary workbook), together with each
 *     table's range and each sheet's merged areas (ExcelApi 1.13). A block whose `values` come
 *     back null (Microsoft: possible for very large ranges) is read again in halves; a round trip
 *     Excel refuses as too large is sent again in halves.
 * A workbook of a few sheets costs 2 round trips (3 on the documented path); one cell at
 * XFD1048576 beside a table costs the same, with a response of a few kilobytes.
 */
import { balansError, type BalansError } from "../app/port";
import { localise } from "../domain/messages";
import { checkRecordFromXml } from "../domain/checkRecordXml";
import type { Problem, WorkbookData } from "../domain/types";
import { boxAddress, type CellBox } from "./address";
import { areasOf, capUsedRange, cellCount, dataBlocks } from "./dataBlocks";
import { toWorkbookData, type LoadedSheet } from "./loadedData";
import { readSheets, SHEET_CAP, type LoadedTable, type SheetMeta, type WorkbookMeta } from "./readSheets";
import { isPayloadTooLarge, isTooManyCells, officeErrorCode, type ApiSupport } from "./run";

export { SHEET_CAP, type LoadedTable };

/** Excel's limit for one read, on every platform. */
export const MAX_CELLS_PER_READ = 5_000_000;
/** Response budget per read sync; Excel on the web rejects responses over 5 MB. */
export const READ_BUDGET_BYTES = 3_500_000;
/** Assumed response bytes per cell (value + number format, JSON) when sizing reads. */
export const BYTES_PER_CELL_ESTIMATE = 60;

export interface ReadOptions {
  /** ExcelApi requirement-set check. @default every set (tests) */
  supports?: ApiSupport;
  /** @default SHEET_CAP */
  sheetCap?: number;
  /** @default READ_BUDGET_BYTES */
  budgetBytes?: number;
}

/** The read, with what the adapter has to say about it (Swedish and English, as problems). */
export interface WorkbookRead {
  data: WorkbookData;
  /** What could not be read or checked: cells past the read cap, merges that could not be read. */
  notes: Problem[];
  /** Sheets whose merged areas are unknown: no cell there can be proven free of a merge. */
  mergesUnknown: Set<string>;
  /** Round trips of the read, and which enumeration path it took. */
  path: WorkbookMeta["path"];
  /**
   * The custom XML part that holds the since-last-check record (its id, for the write to replace
   * it), or null when there is none or ExcelApi 1.5 is missing.
   */
  checkRecordPart: string | null;
}

// ---------------------------------------------------------------------------------------------
// Excel

/** What to read of one sheet, and what could not be read (reported). */
export function sheetBlocks(meta: SheetMeta): { blocks: CellBox[]; unread: CellBox[] } {
  if (meta.used === null) return { blocks: [], unread: [] };
  if (meta.areas !== null) return { blocks: dataBlocks(meta.areas), unread: [] };
  const { read, unread } = capUsedRange(meta.used);
  return { blocks: [read], unread };
}

interface ReadJob {
  sheet: number;
  box: CellBox;
}

/**
 * The next round trip's jobs: taken in order from `queue` while their estimated response fits
 * `budget`; a job larger than the budget is split by rows first (at least one row). Mutates `queue`.
 */
export function nextReadJobs(queue: ReadJob[], budget: number, bytesPerCell: number): ReadJob[] {
  const batch: ReadJob[] = [];
  let size = 0;
  while (queue.length > 0) {
    const job = queue[0] as ReadJob;
    const columns = job.box.right - job.box.left + 1;
    const rowBytes = columns * bytesPerCell;
    const rows = job.box.bottom - job.box.top + 1;
    const fit = Math.floor((budget - size) / rowBytes);
    if (fit < 1 && batch.length > 0) break;
    const take = Math.min(rows, Math.max(1, fit), Math.max(1, Math.floor(MAX_CELLS_PER_READ / columns)));
    if (take < rows) {
      batch.push({ sheet: job.sheet, box: { ...job.box, bottom: job.box.top + take - 1 } });
      queue[0] = { sheet: job.sheet, box: { ...job.box, top: job.box.top + take } };
      break;
    }
    batch.push(job);
    queue.shift();
    size += take * rowBytes;
  }
  return batch;
}

function halves(job: ReadJob): ReadJob[] {
  const rows = job.box.bottom - job.box.top + 1;
  const half = Math.ceil(rows / 2);
  return [
    { sheet: job.sheet, box: { ...job.box, bottom: job.box.top + half - 1 } },
    { sheet: job.sheet, box: { ...job.box, top: job.box.top + half } },
  ];
}

/** Bytes per cell of what a read returned (values and number formats as JSON), never below 8. */
export function measuredBytesPerCell(values: unknown[][], numberFormat: unknown[][]): number {
  const cells = values.reduce((n, r) => n + r.length, 0);
  if (cells === 0) return BYTES_PER_CELL_ESTIMATE;
  return Math.max(8, (JSON.stringify(values).length + JSON.stringify(numberFormat).length) / cells);
}

function tooManyCells(name: string, cells: number): BalansError {
  return balansError("too-many-cells", "error.row-too-wide", { sheet: name, cells });
}

const ALL_SETS: ApiSupport = () => true;

function rangeText(box: CellBox): string {
  return boxAddress(box);
}

/**
 * Reads the workbook into `WorkbookData` with the adapter's notes: the sheets (one-batch path,
 * falling back to the documented path), then the blocks that hold data (see the file comment).
 */
export async function readWorkbookWithNotes(context: Excel.RequestContext, options: ReadOptions = {}): Promise<WorkbookRead> {
  const supports = options.supports ?? ALL_SETS;
  const budget = options.budgetBytes ?? READ_BUDGET_BYTES;
  const meta = await readSheets(context, { supports, sheetCap: options.sheetCap ?? SHEET_CAP });
  const notes: Problem[] = [];
  const queue: ReadJob[] = [];
  const loaded: LoadedSheet[] = meta.sheets.map((m, i) => {
    const { blocks, unread } = sheetBlocks(m);
    for (const box of blocks) queue.push({ sheet: i, box });
    if (unread.length > 0) {
      const where = unread.map(rangeText).join(", ");
      notes.push({
        sheet: m.name,
        table: "",
        row: null,
        column: null,
        ...localise("excel.sheet-too-large", { sheet: m.name, cells: where }),
      });
    }
    const sheet: LoadedSheet = { name: m.name, blocks: [], tables: m.tables.map((t) => ({ ...t })), hidden: m.hidden, protected: m.protected };
    if (m.formulaAreas !== null) sheet.formulaAreas = m.formulaAreas;
    return sheet;
  });
  const record: { xml: string | null } = { xml: null };
  const mergesUnknown = await readBlocks(context, meta, loaded, queue, supports, budget, record);
  for (const name of mergesUnknown) {
    notes.push({
      sheet: name,
      table: "",
      row: null,
      column: null,
      ...localise("excel.merges-unreadable", { sheet: name }),
    });
  }
  const data = toWorkbookData(loaded, { names: [...meta.names, ...meta.sheets.flatMap((s) => s.names)], structureLocked: meta.structureLocked, date1904: meta.date1904 });
  const part = meta.checkParts?.[0] ?? null;
  if (meta.checkParts !== null) data.checkRecord = record.xml === null ? null : checkRecordFromXml(record.xml);
  return { data, notes, mergesUnknown, path: meta.path, checkRecordPart: part === null ? null : part.id };
}

/** Reads the workbook into `WorkbookData` (see {@link readWorkbookWithNotes}). */
export async function readWorkbook(context: Excel.RequestContext, options: ReadOptions = {}): Promise<WorkbookData> {
  return (await readWorkbookWithNotes(context, options)).data;
}

interface Extras {
  tables: { table: LoadedTable; range: Excel.Range }[];
  merges: { sheet: number; areas: Excel.RangeAreas }[];
}

/**
 * The data blocks, in round trips under `budget`; with the first one, each table's header row
 * address and each sheet's merged areas. Returns the sheets whose merges are unknown.
 */
async function readBlocks(
  context: Excel.RequestContext,
  meta: WorkbookMeta,
  sheets: LoadedSheet[],
  queue: ReadJob[],
  supports: ApiSupport,
  budget: number,
  record: { xml: string | null },
): Promise<Set<string>> {
  const mergesUnknown = new Set<string>();
  let extras: Extras | null = { tables: [], merges: [] };
  let withMerges = supports("1.13");
  if (!withMerges) for (const s of sheets) mergesUnknown.add(s.name);
  let bytesPerCell = BYTES_PER_CELL_ESTIMATE;
  let recordXml: { value: string } | null = null;
  for (;;) {
    const batch = nextReadJobs(queue, budget, bytesPerCell);
    if (batch.length === 0 && extras === null) break;
    // Issue 11: the record's XML travels with the first round trip of this step (no sync of its own).
    if (extras !== null) recordXml = meta.checkParts?.[0]?.getXml() ?? null;
    if (extras !== null) {
      // Queued again on every attempt until one round trip succeeds with them.
      extras.tables = [];
      for (const sheet of sheets) {
        for (const table of sheet.tables) {
          const proxy = meta.tableProxies.get(table.name);
          if (!proxy || !table.showHeaders) continue;
          const range = proxy.getHeaderRowRange();
          range.load("address");
          extras.tables.push({ table, range });
        }
      }
    }
    if (extras !== null && withMerges) {
      extras.merges = sheets.map((s, i) => {
        // The used range with formats: merged cells are formatted, so it holds every merge.
        const areas = context.workbook.worksheets.getItem(s.name).getUsedRange(false).getMergedAreasOrNullObject();
        areas.load("address");
        return { sheet: i, areas };
      });
    }
    const ranges = batch.map((job) => {
      const range = context.workbook.worksheets.getItem((sheets[job.sheet] as LoadedSheet).name).getRange(boxAddress(job.box));
      range.load("values,numberFormat");
      return { job, range };
    });
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per ~3.5 MB of response: Excel on the web rejects larger ones
      await context.sync();
    } catch (error) {
      if (extras !== null && withMerges) {
        // More than 512 merged areas on a sheet makes Excel refuse the merges: read on without
        // them (if the round trip failed for its size, the next one halves it as usual).
        withMerges = false;
        extras.merges = [];
        for (const s of sheets) mergesUnknown.add(s.name);
        queue.unshift(...batch);
        continue;
      }
      const sizeError = isPayloadTooLarge(error) || isTooManyCells(error) || officeErrorCode(error) === "GeneralException";
      const single = batch.length === 1 && (batch[0] as ReadJob).box.top === (batch[0] as ReadJob).box.bottom;
      if (!sizeError || single || batch.length === 0) throw error;
      queue.unshift(...batch.flatMap((job) => (job.box.top === job.box.bottom ? [job] : halves(job))));
      bytesPerCell *= 2;
      continue;
    }
    if (extras !== null) {
      if (recordXml !== null) record.xml = recordXml.value;
      for (const { table, range } of extras.tables) table.headerAddress = range.address;
      for (const { sheet, areas } of extras.merges) (sheets[sheet] as LoadedSheet).merges = areas.isNullObject ? [] : areasOf(areas.address);
      if (!withMerges) for (const s of sheets) s.merges = null;
      extras = null;
    }
    const retry: ReadJob[] = [];
    let values: unknown[][] = [];
    let formats: unknown[][] = [];
    for (const { job, range } of ranges) {
      const v = range.values as unknown[][] | null;
      const f = range.numberFormat as unknown[][] | null;
      if (v === null || f === null) {
        // Microsoft: values may come back null for very large ranges. Read it again in halves.
        if (job.box.top === job.box.bottom) throw tooManyCells((sheets[job.sheet] as LoadedSheet).name, cellCount(job.box));
        retry.push(...halves(job));
        continue;
      }
      (sheets[job.sheet] as LoadedSheet).blocks.push({ top: job.box.top, left: job.box.left, values: v, numberFormat: f });
      values = values.concat(v);
      formats = formats.concat(f);
    }
    queue.unshift(...retry);
    if (values.length > 0) bytesPerCell = measuredBytesPerCell(values, formats) * 1.25;
  }
  return mergesUnknown;
}
