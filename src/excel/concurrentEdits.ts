/**
 * Concurrent edits: rows inserted, deleted or sorted — by the user or a co-author — between the
 * read and the write would shift where the status cells land on a plain range. An Office.js batch
 * cannot branch, so the check runs before the write, in one round trip together with anything
 * else the write needs: for each table that gets a status column, its header row and its row
 * count are read again and compared with what the analysis saw.
 *
 *  - Excel table: the header row's address and the data body's row count.
 *  - Plain range: the header cells (same texts at the same address), the first column of the data
 *    rows (same values: an inserted or sorted row shows there) and the row below the last one
 *    (still empty: the range has not grown).
 *
 * The write itself is table-relative where it can be (`table.columns.getItem(…).getDataBodyRange()`
 * for a status column inside an Excel table), so the window that remains — one round trip — cannot
 * shift a status there.
 */
import { balansError, type BalansError } from "../app/port";
import type { Analysis, CellValue, Plan, RecognisedTable, WorkbookData } from "../domain/types";
import { boxAddress, parseAddress } from "./address";
import { toCellValue } from "./loadedData";

/** One table the write depends on, as the analysis saw it. */
export interface CheckTarget {
  sheet: string;
  /** Excel table name, or "" for a plain range. */
  table: string;
  headerRow: number;
  firstColumn: number;
  lastColumn: number;
  /** Last worksheet row of the data body. */
  lastRow: number;
  /** Data rows of an Excel table as read (null for a plain range). */
  rowCount: number | null;
}

/** The tables whose status columns `plan` writes. */
export function checkTargets(plan: Plan, analysis: Analysis, data: WorkbookData): CheckTarget[] {
  const out: CheckTarget[] = [];
  for (const p of plan.statusColumns) {
    const t: RecognisedTable | undefined = analysis.tables.find((x) => x.sheet === p.sheet && x.table === p.table && x.headerRow === p.headerRow);
    if (!t) continue;
    const read = t.isExcelTable ? data.sheets.find((s) => s.name === t.sheet)?.tables.find((x) => x.name === t.table) : undefined;
    out.push({
      sheet: t.sheet,
      table: t.table,
      headerRow: t.headerRow,
      firstColumn: t.firstColumn,
      lastColumn: t.lastColumn,
      lastRow: t.lastRow,
      rowCount: read ? read.rowCount : null,
    });
  }
  return out;
}

const same = (a: CellValue | undefined, b: CellValue | undefined): boolean => {
  const norm = (v: CellValue | undefined) => (v === undefined || v === "" ? null : v);
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
};


/** The re-reads queued for one target. */
type QueuedCheck =
  | { kind: "table"; target: CheckTarget; header: Excel.Range; body: Excel.Range }
  | { kind: "range"; target: CheckTarget; header: Excel.Range; first: Excel.Range; below: Excel.Range };

/**
 * Queues the re-reads (no sync). After the caller's sync, the returned function gives the targets
 * that moved (empty when none did). If the sync fails (a table was deleted), the caller counts
 * every target as moved.
 */
export function queueEditCheck(context: Excel.RequestContext, targets: readonly CheckTarget[], data: WorkbookData): () => CheckTarget[] {
  const checks: QueuedCheck[] = targets.map((t) => {
    const ws = context.workbook.worksheets.getItem(t.sheet);
    if (t.table !== "") {
      const table = ws.tables.getItem(t.table);
      const header = table.getHeaderRowRange().load("address");
      const body = table.getDataBodyRange().load("rowCount");
      return { kind: "table", target: t, header, body };
    }
    const header = ws.getRange(boxAddress({ top: t.headerRow, left: t.firstColumn, bottom: t.headerRow, right: t.lastColumn })).load("values,numberFormat");
    const first = ws.getRange(boxAddress({ top: t.headerRow + 1, left: t.firstColumn, bottom: t.lastRow + 1, right: t.firstColumn })).load("values,numberFormat");
    const below = ws.getRange(boxAddress({ top: t.lastRow + 1, left: t.firstColumn, bottom: t.lastRow + 1, right: t.lastColumn })).load("values");
    return { kind: "range", target: t, header, first, below };
  });
  return () => checks.filter((c) => !stillInPlace(c, data)).map((c) => c.target);
}

/** After the sync: does the target stand where the analysis saw it? */
function stillInPlace(check: QueuedCheck, data: WorkbookData): boolean {
  const t = check.target;
  if (check.kind === "table") {
    const box = parseAddress(check.header.address);
    return box.top === t.headerRow && box.left === t.firstColumn && (t.rowCount === null || check.body.rowCount === t.rowCount);
  }
  const sheet = data.sheets.find((s) => s.name === t.sheet);
  const at = (row: number, column: number): CellValue | undefined => (sheet ? sheet.values[row - sheet.top]?.[column - sheet.left] : undefined);
  const date1904 = data.date1904 === true;
  const headerValues = check.header.values;
  const headerFormats = check.header.numberFormat;
  const firstValues = check.first.values;
  const firstFormats = check.first.numberFormat;
  const headerOk = (headerValues[0] ?? []).every((v, c) => same(toCellValue(v, headerFormats[0]?.[c], date1904), at(t.headerRow, t.firstColumn + c)));
  const firstOk = firstValues.every((line, r) => same(toCellValue(line[0], firstFormats[r]?.[0], date1904), at(t.headerRow + 1 + r, t.firstColumn)));
  const belowOk = (check.below.values[0] ?? []).every((v) => v === "" || v === null);
  return headerOk && firstOk && belowOk;
}

/** Nothing was written: the tables kept moving while Balans read them twice. */
export function concurrentEditError(moved: readonly CheckTarget[]): BalansError {
  const first = moved[0];
  return balansError("concurrent-edit", "error.concurrent-edit",
    first === undefined ? null : { sheet: first.sheet, table: first.table, headerRow: first.headerRow, more: moved.length - 1 });
}
