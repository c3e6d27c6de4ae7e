/**
 * The one prepare step: analyse, decide what Balans may write (by its ownership record), guard,
 * plan. `balans report` and `balans apply`, the Excel adapter (task pane and ribbon) and the
 * preview all call it, so they give the same totals, problems and decisions for a workbook.
 *
 * What Balans does instead of writing — adopted an earlier Balans's sheet or column, wrote its
 * summary beside a user's sheet, skipped a row in a merge, left a protected sheet alone — are
 * notices: Problems with a `code`, appended to `analysis.problems` before the summary sheet is
 * planned, so the summary sheet lists them too. Plain TypeScript: no Office, no files.
 */
import { analyseWorkbook } from "../domain/analyseWorkbook";
import { buildAgenda, type AgendaRequest } from "../domain/agenda/buildAgenda";
import { planAgendaSheet } from "../domain/agenda/planAgendaSheet";
import { decideAgendaSheet, decideSummarySheet, ONCE_NOTICES, ownedSummarySheet, planNames, readOwnership, type CellRef, type NoticeCode, type OwnershipRecord } from "../domain/ownership";
import { planFlags } from "../domain/planFlags";
import { planLiveStatus, withLiveNames } from "../domain/planLiveStatus";
import { recordAfterCheck } from "../domain/sinceLastCheck";
import { planSummary } from "../domain/planSummary";
import type { AgendaSheetPlan, Analysis, Options, Plan, Problem, StatusColumnPlan, SummarySheetPlan, WorkbookData } from "../domain/types";
import { BalansError } from "./port";
import { assertFreeColumns, noTablesError } from "./workbookGuards";

/**
 * What the caller is about to do: `report` writes nothing (the plan is what `apply` would
 * write), `kontrollera` writes the status columns, `summering` the summary sheet, `apply` both.
 */
export type PrepareWhat = "report" | "kontrollera" | "summering" | "apply" | "agenda";

export interface Prepared {
  /** The analysis, its problems including the notices. */
  analysis: Analysis;
  /** What to write for `what` (with the ownership record in `names`/`removeNames`). */
  plan: Plan;
  /** The notices among `analysis.problems` (what Balans did instead), in the same order. */
  notices: Problem[];
}

/** What the caller needs besides the analysis. */
export interface PrepareNeeds {
  /**
   * `false` with `report`: only the analysis and its notices are wanted (`balans report`). They
   * are the same as for every other `what` (the same problems and free-column decisions), but
   * the summary sheet, the status cells and their formulas are not planned, and `plan` is empty.
   */
  plan?: boolean;
}

const isStatusKind = (kind: string) => kind === "balanslista" || kind === "agreements";

/**
 * Analyse `data` and plan `what`.
 *
 * @throws {import("./port").BalansError} `no-tables` when a writing action finds no table Balans recognises (a
 * `report` returns the empty analysis instead; its caller decides); `sheet-not-empty` if a
 * planned status cell is not free (the safety net; never happens unless the engine has a bug).
 */
export function prepare(data: WorkbookData, options: Options, what: PrepareWhat, agendaRequest: AgendaRequest = {}, needs: PrepareNeeds = {}): Prepared {
  const noticesOnly = what === "report" && needs.plan === false;
  const record = readOwnership(data);
  const analysis = analyseWorkbook(data, options);
  if (what !== "report" && analysis.tables.length === 0) throw noTablesError();

  const decision = decideSummarySheet(data, record);
  for (const n of decision.notices) analysis.problems.push(n);

  // Issue 14: `agenda` writes the meeting's agenda sheet only (Mötesunderlag).
  const writesStatus = what !== "summering" && what !== "agenda";
  const writesSummary = what !== "kontrollera" && what !== "agenda";

  const statusColumns = planFlags(analysis);
  assertFreeColumns(data, statusColumns);
  // Issue 11: statuses that follow the calendar (planLiveStatus.ts); its notices join the others.
  const live = planLiveStatus({ data, analysis, options, statusColumns, writesStatus, isFree: (p) => isFreeColumn(data, p), noticesOnly });
  for (const n of live.notices) analysis.problems.push(n);
  const notices = analysis.problems.filter((p) => p.code !== undefined);
  // `report` that prints only the analysis: every notice is known now; nothing is written.
  if (noticesOnly) return { analysis, plan: { statusColumns: [], summary: null, names: [], removeNames: [] }, notices };

  const summary: SummarySheetPlan | null =
    decision.name === null
      ? null
      : // Once-only notices (an adoption, a summary written beside a user's sheet) are said to the user
        // but kept off the sheet, so that a second run writes the same sheet (idempotence).
        { ...planSummary({ ...analysis, problems: analysis.problems.filter((p) => !isOnceNotice(p)) }, { counts: live.counts }), name: decision.name, existing: decision.existing };

  // The record after this run: what Balans owns already (kept even when not written this run)
  // and what this run creates.
  const owned: CellRef[] = [];
  for (const t of analysis.tables) {
    if (!isStatusKind(t.kind)) continue;
    if (t.ownedColumn !== null) {
      owned.push({ sheet: t.sheet, row: t.headerRow, column: t.firstColumn + t.ownedColumn });
    } else if (writesStatus) {
      const created = statusColumns.find((p) => !p.exists && p.sheet === t.sheet && p.headerRow === t.headerRow && p.column === t.lastColumn + 1);
      if (created) owned.push({ sheet: created.sheet, row: created.headerRow, column: created.column });
    }
  }
  const ownedSummary = ownedSummarySheet(data, record);
  const summarySheet = ownedSummary?.sheet ?? (writesSummary && summary !== null ? summary.name : null);
  // Issue 14: the agenda sheets Balans owns stay in the record; `agenda` adds (or rewrites) one.
  const agendaSheets = (record.agendaSheets ?? []).map((r) => r.sheet);
  const agendaSheet = what === "agenda" ? planAgenda(data, analysis, agendaRequest, record) : undefined;
  if (agendaSheet !== undefined && !agendaSheet.existing) agendaSheets.push(agendaSheet.name);
  const { names, removeNames } = withLiveNames(planNames(record, { summary: summarySheet, statusColumns: owned, agendaSheets }), live.names);

  const plan: Plan = {
    statusColumns: writesStatus ? live.statusColumns : [],
    summary: writesSummary ? summary : null,
    names,
    removeNames,
  };
  if (agendaSheet !== undefined) plan.agendaSheet = agendaSheet;
  // Issue 11: Kontrollera stores the since-last-check record (a same-day check replaces its own).
  if (writesStatus) plan.checkRecord = recordAfterCheck(data.checkRecord, options.today, analysis.followUps, analysis.agreements);
  return { analysis, plan, notices };
}

/**
 * Issue 14: the agenda sheet of one meeting (buildAgenda, planAgendaSheet), written in place when
 * Balans owns a sheet of its name. A forum or date the calendar does not know is a BalansError
 * `no-agenda` with buildAgenda's message.
 */
function planAgenda(data: WorkbookData, analysis: Analysis, request: AgendaRequest, record: OwnershipRecord): AgendaSheetPlan {
  const result = buildAgenda(analysis, request);
  if (!result.ok) throw new BalansError("no-agenda", result.message, result.messageEn); // buildAgenda's words, from the catalogue
  const sheet = planAgendaSheet(result.agenda);
  const where = decideAgendaSheet(data, sheet.name, record);
  return { ...sheet, name: where.name, existing: where.existing };
}

const isOnceNotice = (p: Problem) => p.code !== undefined && ONCE_NOTICES.has(p.code as NoticeCode);

/** B1's guard (assertFreeColumns) as a predicate, for the dates column of issue 11. */
function isFreeColumn(data: WorkbookData, plan: StatusColumnPlan): boolean {
  try {
    assertFreeColumns(data, [plan]);
    return true;
  } catch (error) {
    if (error instanceof BalansError && error.code === "sheet-not-empty") return false;
    throw error;
  }
}
