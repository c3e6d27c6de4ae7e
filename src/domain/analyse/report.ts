/** How the readers of each table kind say a problem on a row, and the cell text they compare. */
import type { Localised } from "../messages";
import { cellText } from "../normaliseText";
import type { CellValue, Problem, RecognisedTable } from "../types";

/** Says a problem at a row and column of a recognised table. */
export type TableReporter = (t: RecognisedTable, row: number | null, column: string | null, text: Localised) => void;

/** A reporter that adds to `problems`. */
export function reportInto(problems: Problem[]): TableReporter {
  return (t, row, column, text) => problems.push({ sheet: t.sheet, table: t.table, row, column, message: text.message, messageEn: text.messageEn });
}

const NEEDS_NORMALISING = /\s\s|[\t\n\r\u00a0\u202f]|^\s|\s$/u;

/** A cell's text on one line: runs of white space (also no-break spaces) as one space, trimmed. */
export function text(v: CellValue): string {
  const t = cellText(v);
  return NEEDS_NORMALISING.test(t) ? t.replace(/[\s\u00a0\u202f]+/gu, " ").trim() : t;
}
