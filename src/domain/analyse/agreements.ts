/** The Avtal tables: each agreement's period of validity and status on `today`. */
import { agreementStatus } from "../agreementStatus";
import { isErrorCell } from "../cellKinds";
import { findImpossibleDates } from "../extractMilestones";
import { localise } from "../messages";
import { cellText, isBlank } from "../normaliseText";
import { parseValidity } from "../parseValidity";
import { field, header } from "../tableFields";
import type { Agreement, Options, RecognisedTable } from "../types";
import { text, type TableReporter } from "./report";

/** Every row of every Avtal table, with its status on `options.today`. */
export function readAgreements(tables: readonly RecognisedTable[], options: Options, report: TableReporter): Agreement[] {
  const agreements: Agreement[] = [];
  for (const t of tables.filter((x) => x.kind === "agreements")) {
    const validityCol = header(t, "validity", "Giltighetstid");
    for (const r of t.rows) {
      const cell = field(t, r, "validity");
      const validity = parseValidity(cell);
      if (typeof cell === "string" && validity.kind !== "unknown") {
        for (const bad of findImpossibleDates(cell)) report(t, r.row, validityCol, localise("agreement.date-not-exist", { date: bad }));
      }
      if (validity.kind === "unknown" && !isBlank(cell)) {
        report(t, r.row, validityCol,
          isErrorCell(cell) ? localise("cell.error-value", { error: cell.error }) : localise("agreement.validity-unreadable", { value: cellText(cell) }));
      }
      const st = agreementStatus(validity, options.today, options.expiringDays);
      const title = text(field(t, r, "agreement")) || `Rad ${r.row}`;
      agreements.push({ sheet: t.sheet, table: t.table, firstColumn: t.firstColumn, row: r.row, title, status: st.status, validTo: st.validTo });
    }
  }
  return agreements;
}
