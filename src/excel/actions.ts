/**
 * The task pane's and the ribbon's actions against the open workbook, each one `Excel.run`:
 * read (sparse, see readWorkbook.ts) → prepare (pure) → check → write.
 *
 *  - Kontrollera: 4 syncs (read 2, the concurrent-edit check 1, write 1); 5 on the documented
 *    read path.
 *  - Summering: 4 syncs (read 2, write 1, then activating a new sheet 1; a sheet Balans already
 *    owns costs the chart check 1 instead, and is activated with the write).
 *  - Mötesunderlag: 4 syncs (read 2, write 1, activating a new sheet 1); 3 for its own sheet again.
 *  - Infoga mall: 3 syncs (names taken, write, activate).
 * The check runs again, with the read, once if a table moved; then Balans refuses and writes
 * nothing. Larger workbooks cost more syncs only where Excel's 5 MB request/response limit demands it.
 */
import { balansError, BalansError, type ActionOutcome, type AgendaOutcome, type Progress, type WorkbookPort } from "../app/port";
import { prepare, type Prepared, type PrepareWhat } from "../app/prepare";
import type { AgendaRequest } from "../domain/agenda/buildAgenda";
import { sampleTemplate } from "../domain/sampleWorkbook";
import type { WorkbookTemplate } from "../domain/template";
import type { Analysis, Options } from "../domain/types";
import { applyPlan, type WorkbookFacts } from "./applyPlan";
import { tableRightOf } from "./statusColumnJobs";
import { withChangeEvents } from "./changeEvents";
import { checkTargets, concurrentEditError, queueEditCheck, type CheckTarget } from "./concurrentEdits";
import { insertTemplate } from "./insertTemplate";
import { readWorkbookWithNotes, type WorkbookRead } from "./readWorkbook";
import { keepCheckable } from "./mergeSafety";
import { resolveEnv, runExcel, type ApiSupport, type ExcelEnv, type RunOptions } from "./run";

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

/** What the writer needs to know of the read. */
function factsOf(read: WorkbookRead): WorkbookFacts {
  return {
    protectedSheets: new Set(read.data.sheets.filter((s) => s.protected === true).map((s) => s.name)),
    structureLocked: read.data.structureLocked === true,
    names: (read.data.names ?? []).filter((n) => n.scope === null).map((n) => n.name),
    tableRight: tableRightOf(read.data.sheets),
    checkRecordPart: read.checkRecordPart,
  };
}

/**
 * Read + the one prepare step (src/app/prepare.ts), inside an existing `Excel.run`. The read's own
 * notes (cells it could not read, merges it could not check) join the analysis's problems, and
 * nothing is planned where a merge could not be ruled out (mergeSafety.ts).
 */
async function readAndPrepare(
  context: Excel.RequestContext,
  options: Options,
  what: PrepareWhat,
  supports: ApiSupport,
  request: AgendaRequest = {},
): Promise<Prepared & { read: WorkbookRead }> {
  const read = await readWorkbookWithNotes(context, { supports });
  const prepared = prepare(read.data, options, what, request);
  const { plan, dropped } = keepCheckable(prepared.plan, read.mergesUnknown);
  const problems = [...prepared.analysis.problems, ...read.notes, ...dropped];
  return { ...prepared, analysis: { ...prepared.analysis, problems }, plan, read };
}

/**
 * Reads and prepares, then checks in one round trip that the tables the plan writes beside have
 * not moved (concurrentEdits.ts), together with what the write needs (the existing summary
 * sheet's charts). If they moved, reads and prepares once more; if they still move, refuses.
 */
async function prepareChecked(
  context: Excel.RequestContext,
  options: Options,
  what: PrepareWhat,
  supports: ApiSupport,
  request: AgendaRequest = {},
): Promise<Prepared & { read: WorkbookRead; charts: { delete: () => void }[] }> {
  let moved: CheckTarget[] = [];
  for (let attempt = 0; attempt < 2; attempt++) {
    const prepared = await readAndPrepare(context, options, what, supports, request);
    const targets = checkTargets(prepared.plan, prepared.analysis, prepared.read.data);
    const check = queueEditCheck(context, targets, prepared.read.data);
    const existing = prepared.plan.summary?.existing;
    const charts = existing ? context.workbook.worksheets.getItem(existing).charts : null;
    charts?.load("items/name");
    if (targets.length === 0 && charts === null) return { ...prepared, charts: [] };
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- at most twice: the check is read again once when a table moved
      await context.sync();
      moved = check();
    } catch (error) {
      if (error instanceof BalansError) throw error;
      moved = targets; // a table was deleted or renamed meanwhile
    }
    if (moved.length === 0) return { ...prepared, charts: charts ? charts.items : [] };
  }
  throw concurrentEditError(moved);
}

/** Reads and analyses the workbook (one sync); writes nothing. */
export async function runAnalyse(options: Options, env?: ActionEnv): Promise<Analysis> {
  const { supports } = resolveEnv(env);
  return runExcel(async (context) => (await readAndPrepare(context, options, "report", supports)).analysis, runOptions(env));
}

/** Kontrollera: flags follow-ups and agreements in the owned status columns. */
export async function runKontrollera(options: Options, onProgress?: Progress, env?: ActionEnv): Promise<ActionOutcome> {
  const { supports } = resolveEnv(env);
  return runExcel(async (context, counter) => {
    onProgress?.(0);
    const { analysis, plan, read } = await prepareChecked(context, options, "kontrollera", supports);
    onProgress?.(0.4);
    await applyPlan(context, plan, { supports, workbook: factsOf(read), onProgress: (done, total) => onProgress?.(0.4 + (0.6 * done) / total) });
    onProgress?.(1);
    return { analysis, statusColumns: plan.statusColumns.length, summarySheet: null, syncs: counter.syncs };
  }, runOptions(env));
}

/** Summering: creates or refreshes the owned summary sheet (with its chart) and shows it. */
export async function runSummering(options: Options, onProgress?: Progress, env?: ActionEnv): Promise<ActionOutcome> {
  const { supports } = resolveEnv(env);
  return runExcel(async (context, counter) => {
    onProgress?.(0);
    const { analysis, plan, read, charts } = await prepareChecked(context, options, "summering", supports);
    onProgress?.(0.4);
    const { summary } = plan;
    const inPlace = summary?.existing ? summary.existing : null;
    await applyPlan(context, plan, {
      supports,
      workbook: factsOf(read),
      summaryCharts: charts,
      // A sheet that already exists is activated with the write.
      ...(inPlace !== null ? { last: (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem(inPlace).activate() } : {}),
      onProgress: (done, total) => onProgress?.(0.4 + (0.5 * done) / total),
    });
    // No summary this run (locked structure, protected sheet): the notices among the problems say why.
    if (summary !== null && inPlace === null) {
      // Excel on the web wants a new sheet synced before it is activated.
      context.workbook.worksheets.getItem(summary.name).activate();
      await context.sync();
    }
    onProgress?.(1);
    return { analysis, statusColumns: 0, summarySheet: summary?.name ?? null, syncs: counter.syncs };
  }, runOptions(env));
}

/**
 * Mötesunderlag (issue 14): writes the owned agenda sheet of one meeting and shows it — a new sheet
 * "Underlag SVOM 2024-12-06", or the one Balans wrote for that meeting before, rewritten in place.
 * Print setup (A4 landscape, header row repeated, one page wide) needs ExcelApi 1.9; older hosts
 * get the sheet without it (`printSetup` false). 4 syncs (read 2, write 1, activating a new sheet
 * 1); 3 when the sheet is rewritten in place (activated with the write).
 */
export async function runMotesunderlag(options: Options, forum?: string, date?: string, env?: ActionEnv): Promise<AgendaOutcome> {
  const { supports } = resolveEnv(env);
  const request: AgendaRequest = {};
  if (forum !== undefined) request.forum = forum;
  if (date !== undefined) request.date = date;
  return runExcel(async (context, counter) => {
    const { analysis, plan, read } = await prepareChecked(context, options, "agenda", supports, request);
    const agenda = plan.agendaSheet;
    if (agenda === undefined) throw new Error("prepare planned no agenda sheet");
    const inPlace = agenda.existing ?? null;
    await applyPlan(context, plan, {
      supports,
      workbook: factsOf(read),
      ...(inPlace !== null ? { last: (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem(inPlace).activate() } : {}),
    });
    if (inPlace === null) {
      // Excel on the web wants a new sheet synced before it is activated.
      context.workbook.worksheets.getItem(agenda.name).activate();
      await context.sync();
    }
    return { analysis, sheet: inPlace ?? agenda.name, printSetup: supports("1.9"), syncs: counter.syncs };
  }, runOptions(env));
}

/** Infoga mall: inserts the template's tables (empty, or with the sample data) in a new sheet; returns its name. */
export async function runInfogaMall(withSample: boolean, env?: ActionEnv): Promise<string> {
  const { supports } = resolveEnv(env);
  const template = (env?.template ?? sampleTemplate)(withSample);
  return runExcel(async (context) => (await insertTemplate(context, template, { supports })).sheet, runOptions(env));
}

/** Go-to-row on a hidden sheet: Balans does not unhide a sheet on its own; it says so. */
export function hiddenSheetError(sheet: string): BalansError {
  return balansError("sheet-hidden", "error.sheet-hidden", { sheet });
}

/**
 * Activates `sheet` and selects the used cells of worksheet row `row` (1-based). A hidden sheet is
 * not unhidden: the user is told how to show it (2 syncs either way).
 */
export async function selectRow(sheet: string, row: number, env?: ActionEnv): Promise<void> {
  await runExcel(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.load("visibility");
    // getUsedRange is never null (a blank sheet gives A1): no call on a null object.
    const used = ws.getUsedRange(true);
    const cells = used.getIntersectionOrNullObject(`${row}:${row}`);
    cells.load("address");
    await context.sync();
    if (ws.visibility !== "Visible") throw hiddenSheetError(sheet);
    ws.activate();
    if (cells.isNullObject) ws.getRange(`A${row}`).select();
    else cells.select();
    await context.sync();
  }, runOptions(env));
}

/** The task pane's `WorkbookPort` over the open workbook (following edits where the host can: changeEvents.ts). */
export function createExcelPort(env?: ActionEnv): WorkbookPort {
  return withChangeEvents({
    kind: "excel",
    analyse: (options) => runAnalyse(options, env),
    kontrollera: (options, onProgress) => runKontrollera(options, onProgress, env),
    summering: (options, onProgress) => runSummering(options, onProgress, env),
    infogaMall: (withSample) => runInfogaMall(withSample, env),
    selectRow: (sheet, row) => selectRow(sheet, row, env),
    motesunderlag: (options, forum, date) => runMotesunderlag(options, forum, date, env),
  }, env);
}
