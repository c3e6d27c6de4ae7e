/** The year of a money row: its År cell, else the year in the table's or the sheet's name. */
import { localise } from "../messages";
import { cellText, isBlank } from "../normaliseText";
import { parseYear, yearFromName } from "../parseArea";
import { field, header } from "../tableFields";
import type { RecognisedTable, TableRow } from "../types";
import type { TableReporter } from "./report";

/** The row's year, or null when neither the cell nor a name gives one; an unreadable År cell is a problem. */
export function tableYear(t: RecognisedTable, r: TableRow, report: TableReporter): number | null {
  const cell = field(t, r, "year");
  const y = parseYear(cell);
  if (y !== null) return y;
  if (!isBlank(cell)) report(t, r.row, header(t, "year", "År"), localise("row.year-unreadable", { value: cellText(cell) }));
  return yearFromName(t.table) ?? yearFromName(t.sheet);
}
