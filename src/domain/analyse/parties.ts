/** The Parter table: the user's aliases of each party (alias → party). */
import { localise } from "../messages";
import { field, header } from "../tableFields";
import type { RecognisedTable } from "../types";
import { text, type TableReporter } from "./report";

/** Each party as its own alias, then the aliases written beside it; a row without a party is a problem. */
export function readPartyAliases(tables: readonly RecognisedTable[], report: TableReporter): [string, string][] {
  const userAliases: [string, string][] = [];
  for (const t of tables.filter((x) => x.kind === "parties")) {
    for (const r of t.rows) {
      const party = text(field(t, r, "party"));
      const alias = text(field(t, r, "alias"));
      if (party === "") {
        report(t, r.row, header(t, "party", "Part"), localise("parties.party-missing"));
        continue;
      }
      userAliases.push([party, party]);
      if (alias !== "") userAliases.push([alias, party]);
    }
  }
  return userAliases;
}
