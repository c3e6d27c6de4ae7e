/**
 * The jobs that write Balans's status columns (and, issue 11, their dates columns and
 * conditional formats): only the owned column's header and data cells.
 */
import type { LiveDatesColumnPlan, StatusCell, StatusColumnPlan } from "../domain/types";
import { cellAddress, columnLetter } from "./address";
import { isFilledDown } from "./relativeFormula";
import type { ApiSupport } from "./run";
import { areaJobs, charsToPoints, chunkRows, columnRunAddress, estimate, PATHS, PATHS_PER_RULE, GENERAL_FORMAT, htmlColour, jsonBytes, looksLikeFormula, rowRuns, TEXT_FORMAT, VALUES_CHUNK_BYTES, type WriteJob } from "./writeJobs";

const lower = (s: string) => s.toLocaleLowerCase("sv-SE");

/** Widths, in characters, of the status column and of its dates column (issue 11). */
const STATUS_COLUMN_CHARS = 14;
const DATES_COLUMN_CHARS = 24;

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

export const tableKey = (sheet: string, table: string) => `${lower(sheet)}\u0000${lower(table)}`;

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
    ws.getRange(`${columnLetter(target)}:${columnLetter(target)}`).format.columnWidth = charsToPoints(STATUS_COLUMN_CHARS);
  };

  // 1. The column itself: added once to the Excel table, or a header cell beside a plain range.
  if (newTableColumn) {
    jobs.push({
      bytes: estimate(PATHS.rangeFormat, 2, header),
      queue: (context) => {
        const columns = context.workbook.worksheets.getItem(sheet).tables.getItem(table).columns;
        columns.add(null as unknown as number, undefined, header);
        context.workbook.worksheets.getItem(sheet).getRange(`${columnLetter(column)}:${columnLetter(column)}`).format.columnWidth = charsToPoints(STATUS_COLUMN_CHARS);
      },
    });
  } else if (!plan.exists) {
    jobs.push({ bytes: estimate(PATHS.rangeFormat, 4, header), queue: headerCell(column, header) });
  }
  // 1b. The dates column right of it (issue 11): a table column of its own, or a header cell.
  if (dates !== null && !dates.exists) {
    if (newDatesTableColumn) {
      jobs.push({
        bytes: estimate(PATHS.rangeFormat, 2, dates.header),
        queue: (context) => {
          const columns = context.workbook.worksheets.getItem(sheet).tables.getItem(table).columns;
          // The proxy Excel returns, not getItem(header): a user's column of the same name elsewhere
          // in the table would be found by name instead.
          datesTableColumn = columns.add(null as unknown as number, undefined, dates.header);
          context.workbook.worksheets.getItem(sheet).getRange(`${columnLetter(dates.column)}:${columnLetter(dates.column)}`).format.columnWidth = charsToPoints(DATES_COLUMN_CHARS);
        },
      });
    } else {
      jobs.push({ bytes: estimate(PATHS.rangeFormat, 4, dates.header), queue: headerCell(dates.column, dates.header) });
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
      bytes: estimate(PATHS.columnBody, 3 + (supports("1.6") ? 1 : 0), numberFormat),
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
        bytes: estimate(PATHS.columnBody + 2, 2, top),
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
        bytes: estimate(PATHS.columnBody, 1, grid),
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
        bytes: estimate(PATHS.columnBody, 2, TEXT_FORMAT),
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
        jobs.push({ bytes: estimate(PATHS.columnBody, 1, chunk), queue: (context) => (datesBody(context, start, chunk.length).values = chunk) });
      }
    }
    // 3. One conditional format per label on the segment: cell value equals the label → its fill
    //    and font colour (ExcelApi 1.6), so that the colour follows the label Excel computes.
    if (withRules) {
      jobs.push({
        bytes: estimate(PATHS.columnBody + PATHS_PER_RULE * rules.length, 4 * rules.length, rules),
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

/** Build the `tableRight` map of {@link WorkbookFacts} from the tables a read found. */
export function tableRightOf(sheets: readonly { name: string; tables: readonly { name: string; firstColumn: number; columnCount: number }[] }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of sheets) for (const t of s.tables) out.set(tableKey(s.name, t.name), t.firstColumn + t.columnCount - 1);
  return out;
}
