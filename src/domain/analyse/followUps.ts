/** The Balanslista tables: each follow-up's milestones, next date and status on `today`. */
import { isDateCell, isErrorCell } from "../cellKinds";
import { extractMilestones, scanDates } from "../extractMilestones";
import { followUpStatus } from "../followUpStatus";
import { isIsoDate } from "../isoDate";
import { localise } from "../messages";
import { cellText, isBlank } from "../normaliseText";
import { field, header } from "../tableFields";
import type { CellValue, FollowUp, IsoDate, Options, RecognisedTable, TableRow } from "../types";
import { text, type TableReporter } from "./report";

/** The dates in the Uppföljning cell (a date cell, or the dates its text names). */
function readMilestones(t: RecognisedTable, r: TableRow, cell: CellValue, report: TableReporter): IsoDate[] {
  const column = header(t, "followUp", "Uppföljning");
  if (isErrorCell(cell)) {
    report(t, r.row, column, localise("cell.error-value", { error: cell.error }));
    return [];
  }
  if (isDateCell(cell)) {
    if (isIsoDate(cell.date)) return [cell.date];
    report(t, r.row, column, localise("date.not-exist", { date: cell.date }));
    return [];
  }
  const scanned = scanDates(cellText(cell));
  for (const bad of scanned.impossible) report(t, r.row, column, localise("followup.milestone-not-exist", { date: bad }));
  return scanned.milestones.map((m) => m.date);
}

/** The date in the Nästa uppföljning cell, or null. */
function readNextDate(t: RecognisedTable, r: TableRow, cell: CellValue, report: TableReporter): IsoDate | null {
  const column = header(t, "next", "Nästa uppföljning");
  if (isDateCell(cell)) {
    if (isIsoDate(cell.date)) return cell.date;
    report(t, r.row, column, localise("date.not-exist", { date: cell.date }));
    return null;
  }
  if (isBlank(cell)) return null;
  const found = isErrorCell(cell) ? [] : extractMilestones(cellText(cell));
  if (found[0]) return found[0].date;
  report(t, r.row, column, localise("followup.date-unreadable", { value: cellText(cell) }));
  return null;
}

/** Every row of every Balanslista, with its status on `options.today`. */
export function readFollowUps(tables: readonly RecognisedTable[], options: Options, report: TableReporter): FollowUp[] {
  const followUps: FollowUp[] = [];
  for (const t of tables.filter((x) => x.kind === "balanslista")) {
    for (const r of t.rows) {
      const statusCell = field(t, r, "status");
      const milestones = readMilestones(t, r, field(t, r, "followUp"), report);
      const nextDate = readNextDate(t, r, field(t, r, "next"), report);
      const st = followUpStatus({ statusText: isBlank(statusCell) ? null : cellText(statusCell), nextDate, milestones }, options.today, options.dueSoonDays);
      const title = text(field(t, r, "what")) || text(field(t, r, "activity")) || `Rad ${r.row}`;
      const area = text(field(t, r, "area"));
      followUps.push({ sheet: t.sheet, table: t.table, firstColumn: t.firstColumn, row: r.row, title, area: area === "" ? null : area, status: st.status, next: st.next, latest: st.latest,
        // Issue 11: the dates that decide the status on any day (the explicit date wins, as in followUpStatus).
        dates: nextDate !== null ? [nextDate] : milestones });
    }
  }
  return followUps;
}
