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
import { balansError } from "../app/port";
import type { Plan } from "../domain/types";
import { checkRecordJobs, nameJobs } from "./recordJobs";
import { syncInBatches, type ApiSupport } from "./run";
import { statusColumnJobs, type StatusColumnContext } from "./statusColumnJobs";
import { agendaJobs, summaryJobs } from "./summarySheetJobs";
import { packJobs, WRITE_BUDGET_BYTES, type WriteJob } from "./writeJobs";

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
    throw balansError("protected", "error.sheet-protected", { sheet: hit });
  }
  if (plan.summary && !plan.summary.existing && facts.structureLocked) {
    throw balansError("protected", "error.structure-locked", { sheet: plan.summary.name });
  }
  const agenda = plan.agendaSheet;
  if (agenda && !agenda.existing && facts.structureLocked) {
    throw balansError("protected", "error.structure-locked", { sheet: agenda.name });
  }
}

export interface ApplyReport {
  /** Write syncs. */
  batches: number;
  /** Largest estimated request of one sync, in bytes. */
  largestEstimatedBytes: number;
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

