/**
 * The jobs that write Balans's own sheets: the summary sheet (issue 10: with its charts) and the
 * agenda sheet (issue 14). An owned sheet is rewritten in place, never deleted and added again.
 */
import type { AgendaSheetPlan, SummaryCell, SummarySheetPlan } from "../domain/types";
import { LINK_COLOUR } from "../domain/linkColour";
import { cellAddress, columnLetter, sheetReference, splitSheetReference } from "./address";
import type { ApiSupport } from "./run";
import { areaJobs, charsToPoints, chunkRows, estimate, PATHS, PATHS_PER_SERIES, GENERAL_FORMAT, htmlColour, jsonBytes, looksLikeFormula, TEXT_FORMAT, VALUES_CHUNK_BYTES, type WriteJob } from "./writeJobs";

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
      bytes: estimate(PATHS.sheetRange + charts.length, 1 + charts.length, name),
      queue: (context) => {
        for (const chart of charts) chart.delete();
        sheetOf(context).getUsedRange(false).clear("All");
      },
    });
  } else {
    jobs.push({
      bytes: estimate(PATHS.worksheets, 1, name),
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
        bytes: estimate(PATHS.sheetRange, 2, [v, f]),
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
        bytes: estimate(PATHS.sheetRange, 3, [address, link]),
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
      bytes: estimate(PATHS.sheetRange, 1, width),
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
    const left = cols + 1 + CHART_GAP_COLUMNS;
    const anchor = cellAddress(FIRST_CHART_TOP_ROW, left);
    const corner = cellAddress(FIRST_CHART_BOTTOM_ROW, left + CHART_COLUMNS - 1);
    jobs.push({
      bytes: estimate(PATHS.chart, 6, chart),
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
      bytes: estimate(PATHS.chart + PATHS_PER_SERIES * more.series.length, 6 + 3 * more.series.length, more),
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
/** The plan's first chart (`SummarySheetPlan.chart`): rows 2–22, one empty column right of the cells. */
const FIRST_CHART_TOP_ROW = 2;
const FIRST_CHART_BOTTOM_ROW = 22;
const CHART_GAP_COLUMNS = 1;

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
      bytes: estimate(PATHS.sheetRange, 4, [titleRows, plan.print]),
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

