/**
 * Reads a workbook's tables and computes every summary and status: the tables are recognised,
 * then each kind is read by its own reader in `analyse/` (parties first, as the distribution
 * rows are matched to them), the money summarised, and what changed since the last check found.
 */
import { readAgreements } from "./analyse/agreements";
import { readAllocations } from "./analyse/allocations";
import { readDistribution } from "./analyse/distribution";
import { readFollowUps } from "./analyse/followUps";
import { readPartyAliases } from "./analyse/parties";
import { reportInto } from "./analyse/report";
import { listMoneyAttention } from "./attention";
import { ownedSummarySheet } from "./ownership";
import { recogniseTables } from "./recogniseTables";
import { createPartyMatcher } from "./resolveParty";
import { sinceLastCheck } from "./sinceLastCheck";
import { fundsTally } from "./summariseFunds";
import type { Analysis, Options, Problem, WorkbookData } from "./types";

/** Read a table, compute every summary and status, and collect problems. Never throws on data. */
export function analyseWorkbook(data: WorkbookData, options: Options): Analysis {
  const problems: Problem[] = [];
  // The summary sheet Balans owns (by its record, or adopted) is Balans's output, not data.
  const summary = ownedSummarySheet(data);
  const tables = recogniseTables(summary === null ? data : { ...data, sheets: data.sheets.filter((s) => s.name !== summary.sheet) }, problems);
  const report = reportInto(problems);

  const matcher = createPartyMatcher(readPartyAliases(tables, report));
  const { allocations, places } = readAllocations(tables, report);
  // The distribution rows are tallied as they are read, not kept (issue 15).
  const tally = fundsTally(allocations, problems, options);
  readDistribution(tables, matcher, report, (line) => tally.add(line));
  const funds = tally.finish();
  // Money that needs attention (issue 10): imbalances, overspent rows, report-backs.
  const attention = listMoneyAttention(funds, places);
  const followUps = readFollowUps(tables, options, report);
  const agreements = readAgreements(tables, options, report);

  // Issue 11: what changed since the last recorded check.
  const { since, changes } = sinceLastCheck(data.checkRecord, options.today, followUps, agreements);
  return { today: options.today, tables, funds, followUps, agreements, problems, attention, since, changes };
}
