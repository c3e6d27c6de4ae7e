/**
 * The task pane's and the ribbon's actions against the open workbook, each one `Excel.run`:
 * read (one sync) → engine (pure) → write (one sync when it fits).
 *
 *  - Kontrollera: ≤ 2 syncs (read, write status columns).
 *  - Summering: ≤ 3 syncs (read, write the summary sheet with its chart, activate it).
 *  - Infoga mall: 3 syncs (names taken, write, activate).
 * Larger workbooks cost more syncs only where Excel's 5 MB request/response limit demands it.
 */
import { type ActionOutcome, type Progress, type WorkbookPort } from "../app/port";
import { assertFreeColumns, assertNoNameClash, noTablesError } from "../app/workbookGuards";
import { analyseWorkbook, planFlags, planSummary } from "../domain";
import { sampleTemplate } from "../domain/sampleWorkbook";
import type { WorkbookTemplate } from "../domain/template";
import type { Analysis, Options, WorkbookData } from "../domain/types";
import { applyPlan } from "./applyPlan";
import { insertTemplate } from "./insertTemplate";
import { readWorkbook } from "./readWorkbook";
import { resolveEnv, runExcel, type ExcelEnv, type RunOptions } from "./run";

/** What the actions take from their surroundings; tests pass a fake workbook's `run`. */
export interface ActionEnv extends Partial<ExcelEnv> {
  /** The template for Infoga mall. @default sampleTemplate */
  template?: (withSample: boolean) => WorkbookTemplate;
  /** Cell-edit-mode retries. @default 3 */
  retries?: number;
  /** @default 400 */
  backoffMs?: number;
}

function runOptions(env: ActionEnv | undefined): RunOptions {
  const options: RunOptions = {};
  if (env) options.env = env;
  if (env?.retries !== undefined) options.retries = env.retries;
  if (env?.backoffMs !== undefined) options.backoffMs = env.backoffMs;
  return options;
}

/** Read + analyse, inside an existing `Excel.run`. */
async function readAndAnalyse(context: Excel.RequestContext, options: Options): Promise<{ data: WorkbookData; analysis: Analysis }> {
  const data = await readWorkbook(context);
  return { data, analysis: analyseWorkbook(data, options) };
}

/** Read + analyse for an action that writes: a workbook with no recognised table is refused. */
async function readRecognised(context: Excel.RequestContext, options: Options): Promise<{ data: WorkbookData; analysis: Analysis }> {
  const read = await readAndAnalyse(context, options);
  if (read.analysis.tables.length === 0) throw noTablesError();
  return read;
}

/** Reads and analyses the workbook (one sync); writes nothing. */
export async function runAnalyse(options: Options, env?: ActionEnv): Promise<Analysis> {
  return runExcel(async (context) => (await readAndAnalyse(context, options)).analysis, runOptions(env));
}

/** Kontrollera: flags follow-ups and agreements in the owned status columns. */
export async function runKontrollera(options: Options, onProgress?: Progress, env?: ActionEnv): Promise<ActionOutcome> {
  const { supports } = resolveEnv(env);
  return runExcel(async (context, counter) => {
    onProgress?.(0);
    const { data, analysis } = await readRecognised(context, options);
    onProgress?.(0.4);
    const statusColumns = planFlags(analysis);
    assertFreeColumns(data, statusColumns);
    await applyPlan(context, { statusColumns, summary: null }, { supports, onProgress: (done, total) => onProgress?.(0.4 + (0.6 * done) / total) });
    onProgress?.(1);
    return { analysis, statusColumns: statusColumns.length, summarySheet: null, syncs: counter.syncs };
  }, runOptions(env));
}

/** Summering: creates or refreshes the owned summary sheet (with its chart) and shows it. */
export async function runSummering(options: Options, onProgress?: Progress, env?: ActionEnv): Promise<ActionOutcome> {
  const { supports } = resolveEnv(env);
  return runExcel(async (context, counter) => {
    onProgress?.(0);
    const { data, analysis } = await readRecognised(context, options);
    onProgress?.(0.4);
    const summary = planSummary(analysis);
    assertNoNameClash(data.sheets.map((s) => s.name), summary.name);
    await applyPlan(context, { statusColumns: [], summary }, { supports, onProgress: (done, total) => onProgress?.(0.4 + (0.5 * done) / total) });
    // Excel on the web wants a new sheet synced before it is activated.
    context.workbook.worksheets.getItem(summary.name).activate();
    await context.sync();
    onProgress?.(1);
    return { analysis, statusColumns: 0, summarySheet: summary.name, syncs: counter.syncs };
  }, runOptions(env));
}

/** Infoga mall: inserts the template's tables (empty, or with the sample data) in a new sheet; returns its name. */
export async function runInfogaMall(withSample: boolean, env?: ActionEnv): Promise<string> {
  const { supports } = resolveEnv(env);
  const template = (env?.template ?? sampleTemplate)(withSample);
  return runExcel(async (context) => (await insertTemplate(context, template, { supports })).sheet, runOptions(env));
}

/** Activates `sheet` and selects the used cells of worksheet row `row` (1-based). */
export async function selectRow(sheet: string, row: number, env?: ActionEnv): Promise<void> {
  await runExcel(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    const used = ws.getUsedRangeOrNullObject(true);
    const cells = used.getIntersectionOrNullObject(`${row}:${row}`);
    cells.load("address");
    await context.sync();
    if (cells.isNullObject) ws.getRange(`A${row}`).select();
    else cells.select();
    await context.sync();
  }, runOptions(env));
}

/** The task pane's `WorkbookPort` over the open workbook. */
export function createExcelPort(env?: ActionEnv): WorkbookPort {
  return {
    kind: "excel",
    analyse: (options) => runAnalyse(options, env),
    kontrollera: (options, onProgress) => runKontrollera(options, onProgress, env),
    summering: (options, onProgress) => runSummering(options, onProgress, env),
    infogaMall: (withSample) => runInfogaMall(withSample, env),
    selectRow: (sheet, row) => selectRow(sheet, row, env),
  };
}
