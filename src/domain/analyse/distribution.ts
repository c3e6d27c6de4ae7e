/** The Fördelning tables: each distributed amount with its year, area, party and tracking columns. */
import { readFundTracking, type RowReporter } from "../fundTracking";
import { localise } from "../messages";
import { parseAmount } from "../parseAmount";
import { parseArea } from "../parseArea";
import { resolveParty, type PartyMatcher } from "../resolveParty";
import type { FundLine } from "../summariseFunds";
import { field, header } from "../tableFields";
import type { RecognisedTable, TableRow } from "../types";
import { text, type TableReporter } from "./report";
import { tableYear } from "./tableYear";

const SUBTOTAL = /^(totalt?|summa|total)\b/iu;
const UNKNOWN_PARTY = "(okänd part)";

/** The row's party: the Part cell, else the one named in Ansvarig verksamhet; unknown names are problems. */
function partyOf(t: RecognisedTable, r: TableRow, responsible: string, matcher: PartyMatcher, report: TableReporter): string {
  const partCell = text(field(t, r, "party"));
  if (partCell !== "") {
    const res = resolveParty(partCell, matcher);
    if (res.kind === "unknown") report(t, r.row, header(t, "party", "Part"), localise("distribution.party-unknown", { party: partCell }));
    return res.party;
  }
  if (responsible !== "") {
    const res = resolveParty(responsible, matcher);
    if (res.kind === "unknown") report(t, r.row, header(t, "responsible", "Ansvarig verksamhet"), localise("distribution.responsible-unknown", { responsible }));
    return res.party;
  }
  report(t, r.row, header(t, "responsible", "Ansvarig verksamhet"), localise("distribution.responsible-missing"));
  return UNKNOWN_PARTY;
}

/**
 * Every readable distribution row, handed to `add` one at a time (the caller tallies them; none
 * needs to be kept: issue 15); a subtotal row, or one without amount, year or area, is a problem
 * and left out.
 */
export function readDistribution(tables: readonly RecognisedTable[], matcher: PartyMatcher, report: TableReporter, add: (line: FundLine) => void): void {
  for (const t of tables.filter((x) => x.kind === "distribution")) {
    const onRow: RowReporter = (row, column, words) => report(t, row, column, words);
    for (const r of t.rows) {
      const responsible = text(field(t, r, "responsible"));
      const areaCell = field(t, r, "area");
      // A "Totalt"/"Summa" row inside the table would count twice.
      if (responsible === "" && SUBTOTAL.test(text(field(t, r, "insats")) || text(areaCell))) {
        report(t, r.row, header(t, "insats", "Insats"), localise("distribution.subtotal"));
        continue;
      }
      const year = tableYear(t, r, report);
      const area = parseArea(areaCell);
      const amount = parseAmount(field(t, r, "amount"));
      if (!amount.ok) { report(t, r.row, header(t, "amount", "Summa"), localise("distribution.amount-unreadable", { reason: amount })); continue; }
      if (year === null) { report(t, r.row, header(t, "year", "År"), localise("distribution.year-missing")); continue; }
      if (!area) { report(t, r.row, header(t, "area", "Område"), localise("row.area-missing")); continue; }
      const party = partyOf(t, r, responsible, matcher, report);
      add({ sheet: t.sheet, table: t.table, row: r.row, areaColumn: header(t, "area", "Område"), year, areaKey: area.key, areaName: area.name, party, amount: amount.value,
        firstColumn: t.firstColumn, title: text(field(t, r, "insats")) || `Rad ${r.row}`, responsible, tracking: readFundTracking(t, r, onRow) });
    }
  }
}
