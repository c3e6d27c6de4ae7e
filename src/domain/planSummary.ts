import type Decimal from "decimal.js";
import { columnLetter } from "./columnLetter";
import { kronorFormat, planMoneyAttention, planPartyRows, planYearsOverview, putUsage, SheetCells, usageHeaders } from "./planBudgetSummary";
import { SUMMARY_SHEET, SUMMARY_SUBTITLE_START, SUMMARY_TITLE } from "./ownership";
import { planStatusCounts, type StatusCountSource } from "./planLiveStatus";
import { planChangesSection } from "./sinceLastCheck";
import { AGREEMENT_STYLES, FOLLOW_UP_STYLES, type StatusStyle } from "./statusLabels";
import type { Analysis, SummaryCell, SummarySheetPlan, TableRowRef, YearSummary } from "./types";

/** The summary sheet's default name (ownership.ts decides the name it gets in a workbook). */
export const SUMMARY_NAME = SUMMARY_SHEET;
/** Problems listed on the summary sheet at most; the pane lists them all. */
export const MAX_PROBLEM_ROWS = 1000;

const HEADER_FILL = "D9E1F2";
const TITLE_FILL = "BDD7EE";
const DIFF_FILL = "FFC7CE";

/**
 * The summary sheet that Summering writes, as plain cells: per year the areas (Tilldelat,
 * Fördelat, Differens), the parties and totals; overdue and due-soon follow-ups; expired and
 * expiring agreements; problems. Cell text from the workbook is data, never a formula.
 */
export function planSummary(analysis: Analysis, live: SummaryLiveInput = {}): SummarySheetPlan {
  const cells: SummaryCell[] = [];
  let row = 1;
  const put = (col: number, value: string | number | null, extra: Omit<SummaryCell, "row" | "col" | "value"> = {}) =>
    cells.push({ row, col, value, ...extra });
  const money = (d: Decimal | null, fmt: string, extra: Omit<SummaryCell, "row" | "col" | "value"> = {}) => ({ value: d === null ? null : d.toNumber(), numFmt: fmt, ...extra });
  const heading = (text: string, width: number) => {
    put(1, text, { bold: true, fill: TITLE_FILL });
    for (let c = 2; c <= width; c++) put(c, null, { fill: TITLE_FILL });
    row++;
  };
  const headerRow = (titles: string[]) => {
    titles.forEach((t, i) => put(i + 1, t, { bold: true, fill: HEADER_FILL }));
    row++;
  };
  const link = (sheet: string, firstColumn: number, r: number) => ({ sheet, address: `${columnLetter(firstColumn)}${r}` });

  put(1, SUMMARY_TITLE, { bold: true });
  row++;
  put(1, `${SUMMARY_SUBTITLE_START} ${analysis.today}. Bladet ägs av Balans och skrivs om vid varje summering.`);
  row += 2;

  // Issue 11: counts per status that follow the day, and what changed since the last check.
  const sections = new SheetCells(cells, row);
  planStatusCounts(sections, live.counts ?? [], analysis.today);
  planChangesSection(sections, analysis);
  row = sections.row;

  let chart: SummarySheetPlan["chart"] = null;
  // Newest year first, as in the pane (the chart shows the newest year's parties).
  for (const y of [...analysis.funds].reverse()) {
    const fmt = fundsFormat(y);
    const usage = usageHeaders(y);
    heading(`Fördelning ${y.year}`, 5 + usage.length);
    headerRow(["Område", "Namn", "Tilldelat", "Fördelat", "Differens", ...usage]);
    for (const a of y.areas) {
      const off = a.difference !== null && !a.difference.isZero();
      put(1, a.area);
      put(2, a.name);
      cells.push({ row, col: 3, ...money(a.allocated, fmt) });
      cells.push({ row, col: 4, ...money(a.distributed, fmt) });
      cells.push({ row, col: 5, ...money(a.difference, fmt, off ? { fill: DIFF_FILL } : {}) });
      putUsage(new SheetCells(cells, row), 6, y, a, fmt);
      row++;
    }
    const totalOff = y.total.difference !== null && !y.total.difference.isZero();
    put(1, "Totalt", { bold: true });
    cells.push({ row, col: 3, ...money(y.total.allocated, fmt, { bold: true }) });
    cells.push({ row, col: 4, ...money(y.total.distributed, fmt, { bold: true }) });
    cells.push({ row, col: 5, ...money(y.total.difference, fmt, totalOff ? { bold: true, fill: DIFF_FILL } : { bold: true }) });
    putUsage(new SheetCells(cells, row), 6, y, y.total, fmt, { bold: true });
    row += 2;

    heading(`Per part ${y.year}`, 2 + usage.length);
    headerRow(["Part", "Fördelat", ...usage]);
    const first = row;
    for (const p of y.parties) {
      put(1, p.party);
      cells.push({ row, col: 2, ...money(p.distributed, fmt) });
      putUsage(new SheetCells(cells, row), 3, y, p, fmt);
      row++;
    }
    if (y.parties.length > 0 && chart === null) {
      chart = { title: `Fördelning per part ${y.year}`, year: y.year, categories: `A${first}:A${row - 1}`, values: `B${first}:B${row - 1}` };
    }
    put(1, "Totalt", { bold: true });
    cells.push({ row, col: 2, ...money(y.total.distributed, fmt, { bold: true }) });
    putUsage(new SheetCells(cells, row), 3, y, y.total, fmt, { bold: true });
    row += 2;
  }

  // Issue 10: every year side by side (with a chart), and per party and year.
  const years = new SheetCells(cells, row);
  const charts = planYearsOverview(years, analysis);
  row = years.row;

  /** Flagged rows: their status, up to three cells of their own (undefined: left empty), the sheet and a link to the row. */
  const flaggedRows = <T extends TableRowRef>(title: string, none: string, headers: string[], items: readonly T[], own: (item: T) => [StatusStyle, ...(string | null | undefined)[]]) => {
    heading(title, 6);
    if (items.length === 0) {
      put(1, none);
      row++;
    } else {
      headerRow(headers);
      for (const item of items) {
        const [style, ...values] = own(item);
        put(1, style.label, { fill: style.fill });
        values.forEach((v, i) => v !== undefined && put(i + 2, v));
        put(5, item.sheet);
        put(6, `Rad ${item.row}`, { link: link(item.sheet, item.firstColumn, item.row) });
        row++;
      }
    }
    row++;
  };
  flaggedRows(
    "Uppföljningar: försenade och snart",
    "Inga försenade uppföljningar och inga inom fönstret.",
    ["Status", "Vad", "Nästa", "Senaste", "Blad", "Rad"],
    [...analysis.followUps.filter((f) => f.status === "overdue"), ...analysis.followUps.filter((f) => f.status === "due-soon")],
    (f) => [FOLLOW_UP_STYLES[f.status], f.title, f.next, f.latest],
  );
  flaggedRows(
    "Avtal: utgångna och snart utgående",
    "Inga utgångna avtal och inga som går ut inom fönstret.",
    ["Status", "Överenskommelse/avtal", "Giltigt t.o.m.", "", "Blad", "Rad"],
    [...analysis.agreements.filter((a) => a.status === "expired"), ...analysis.agreements.filter((a) => a.status === "expiring")],
    (a) => [AGREEMENT_STYLES[a.status], a.title, a.validTo],
  );

  // Issue 10: the money that needs attention, then each party's insatser per year (newest first).
  const budget = new SheetCells(cells, row);
  planMoneyAttention(budget, analysis);
  for (const y of [...analysis.funds].reverse()) planPartyRows(budget, y, fundsFormat(y));
  row = budget.row;

  heading(`Problem (${analysis.problems.length})`, 6);
  if (analysis.problems.length === 0) {
    put(1, "Inga problem hittades.");
    row++;
  } else {
    headerRow(["Blad", "Tabell", "Rad", "Kolumn", "Meddelande", ""]);
    for (const p of analysis.problems.slice(0, MAX_PROBLEM_ROWS)) {
      put(1, p.sheet);
      put(2, p.table);
      put(3, p.row);
      put(4, p.column);
      put(5, p.message);
      row++;
    }
    if (analysis.problems.length > MAX_PROBLEM_ROWS) {
      put(1, `… och ${analysis.problems.length - MAX_PROBLEM_ROWS} problem till (se panelen eller kommandoraden).`);
      row++;
    }
  }

  return { name: SUMMARY_NAME, cells, columnWidths: [24, 60, 16, 16, 16, 16, 28, 16], chart, charts };
}

/** What prepare adds to the summary (issue 11). */
export interface SummaryLiveInput {
  /** The owned status columns after the run: the counts per status become formulas over them. */
  counts?: readonly StatusCountSource[];
}

/** Öre only when an amount of the year has öre (tracking amounts and rows included, issue 10). */
function fundsFormat(y: YearSummary): string {
  return kronorFormat([
    ...y.areas.flatMap((a) => [a.allocated, a.distributed, a.paid, a.used]),
    ...y.parties.map((p) => p.distributed),
    ...(y.rows ?? []).flatMap((r) => [r.amount, r.paid, r.used]),
  ]);
}
