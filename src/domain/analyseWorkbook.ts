import { agreementStatus } from "./agreementStatus";
import { extractMilestones, findImpossibleDates, scanDates } from "./extractMilestones";
import { isIsoDate } from "./isoDate";
import { followUpStatus } from "./followUpStatus";
import { cellText, isBlank } from "./normaliseText";
import { parseAmount } from "./parseAmount";
import { parseArea, parseYear, yearFromName } from "./parseArea";
import { parseValidity } from "./parseValidity";
import { recogniseTables } from "./recogniseTables";
import { ownedSummarySheet } from "./ownership";
import { createPartyMatcher, resolveParty } from "./resolveParty";
import { summariseFunds, type AllocationLine, type FundLine } from "./summariseFunds";
import { listMoneyAttention } from "./attention";
import { readAllocationDue, readFundTracking, type RowReporter } from "./fundTracking";
import { sinceLastCheck } from "./sinceLastCheck";
import { field, header } from "./tableFields";
import type { Agreement, Analysis, CellValue, FollowUp, IsoDate, Options, Problem, RecognisedTable, TableRow, WorkbookData } from "./types";


function isDateCell(v: CellValue): v is { date: string } {
  return v !== null && typeof v === "object" && "date" in v;
}

function isError(v: CellValue): v is { error: string } {
  return v !== null && typeof v === "object" && "error" in v;
}

/** A message as a full sentence, so that another can follow it. */
function sentence(message: string): string {
  const m = message.trim();
  return /[.!?…]$/u.test(m) ? m : `${m}.`;
}

const SUBTOTAL = /^(totalt?|summa|total)\b/iu;
const NEEDS_NORMALISING = /\s\s|[\t\n\r\u00a0\u202f]|^\s|\s$/u;

function text(v: CellValue): string {
  const t = cellText(v);
  return NEEDS_NORMALISING.test(t) ? t.replace(/[\s\u00a0\u202f]+/gu, " ").trim() : t;
}

/** Read a table, compute every summary and status, and collect problems. Never throws on data. */
export function analyseWorkbook(data: WorkbookData, options: Options): Analysis {
  const problems: Problem[] = [];
  // The summary sheet Balans owns (by its record, or adopted) is Balans's output, not data.
  const summary = ownedSummarySheet(data);
  const tables = recogniseTables(summary === null ? data : { ...data, sheets: data.sheets.filter((s) => s.name !== summary.sheet) }, problems);
  const report = (t: RecognisedTable, row: number | null, column: string | null, message: string, messageEn: string) =>
    problems.push({ sheet: t.sheet, table: t.table, row, column, message, messageEn });

  // Parties table: user aliases.
  const userAliases: [string, string][] = [];
  for (const t of tables.filter((x) => x.kind === "parties")) {
    for (const r of t.rows) {
      const party = text(field(t, r, "party"));
      const alias = text(field(t, r, "alias"));
      if (party === "") {
        report(t, r.row, header(t, "party", "Part"), "Part saknas på raden; aliaset används inte.", "Party is missing on the row; the alias is not used.");
        continue;
      }
      userAliases.push([party, party]);
      if (alias !== "") userAliases.push([alias, party]);
    }
  }
  const matcher = createPartyMatcher(userAliases);

  const tableYear = (t: RecognisedTable, r: TableRow): number | null => {
    const cell = field(t, r, "year");
    const y = parseYear(cell);
    if (y !== null) return y;
    if (!isBlank(cell)) {
      report(t, r.row, header(t, "year", "År"), `Året ”${cellText(cell)}” kan inte läsas; tabellens eller bladets namn används.`,
        `The year "${cellText(cell)}" cannot be read; the table's or sheet's name is used.`);
    }
    return yearFromName(t.table) ?? yearFromName(t.sheet);
  };

  const allocations: AllocationLine[] = [];
  const allocationPlaces: { year: number; area: string; sheet: string; table: string; firstColumn: number; row: number }[] = [];
  const onRow = (t: RecognisedTable): RowReporter => (row, column, message, messageEn) => report(t, row, column, message, messageEn);
  for (const t of tables.filter((x) => x.kind === "allocations")) {
    for (const r of t.rows) {
      const year = tableYear(t, r);
      const area = parseArea(field(t, r, "area"));
      const amountCell = field(t, r, "allocated");
      const amount = parseAmount(amountCell);
      const areaCol = header(t, "area", "Område");
      const amountCol = header(t, "allocated", "Tilldelat belopp");
      if (year === null) { report(t, r.row, header(t, "year", "År"), "År saknas: raden räknas inte med.", "Year is missing: the row is left out."); continue; }
      if (!area) { report(t, r.row, areaCol, "Område saknas eller kan inte läsas: raden räknas inte med.", "Area is missing or unreadable: the row is left out."); continue; }
      if (!amount.ok) { report(t, r.row, amountCol, `${sentence(amount.message)} Raden räknas inte med.`, `${sentence(amount.messageEn)} The row is left out.`); continue; }
      allocations.push({ sheet: t.sheet, table: t.table, row: r.row, areaColumn: areaCol, year, areaKey: area.key, areaName: area.name, amount: amount.value, reportDue: readAllocationDue(t, r, onRow(t)) });
      allocationPlaces.push({ year, area: area.key, sheet: t.sheet, table: t.table, firstColumn: t.firstColumn, row: r.row });
    }
  }

  const lines: FundLine[] = [];
  for (const t of tables.filter((x) => x.kind === "distribution")) {
    for (const r of t.rows) {
      const responsible = text(field(t, r, "responsible"));
      const areaCell = field(t, r, "area");
      const amountCol = header(t, "amount", "Summa");
      // A "Totalt"/"Summa" row inside the table would count twice.
      if (responsible === "" && SUBTOTAL.test(text(field(t, r, "insats")) || text(areaCell))) {
        report(t, r.row, header(t, "insats", "Insats"), "Raden ser ut som en summeringsrad (Totalt) och räknas inte med.",
          "The row looks like a subtotal (Totalt) and is left out.");
        continue;
      }
      const year = tableYear(t, r);
      const area = parseArea(areaCell);
      const amount = parseAmount(field(t, r, "amount"));
      if (!amount.ok) { report(t, r.row, amountCol, `${sentence(amount.message)} Raden räknas inte med i summorna.`, `${sentence(amount.messageEn)} The row is left out of the sums.`); continue; }
      if (year === null) { report(t, r.row, header(t, "year", "År"), "År saknas (varken i kolumnen År eller i tabellens/bladets namn): raden räknas inte med.", "Year is missing (neither in the År column nor in the table's or sheet's name): the row is left out."); continue; }
      if (!area) { report(t, r.row, header(t, "area", "Område"), "Område saknas eller kan inte läsas: raden räknas inte med.", "Area is missing or unreadable: the row is left out."); continue; }
      let party: string;
      const partCell = text(field(t, r, "party"));
      if (partCell !== "") {
        const res = resolveParty(partCell, matcher);
        party = res.party;
        if (res.kind === "unknown") {
          report(t, r.row, header(t, "party", "Part"),
            `Parten ”${partCell}” är okänd; raden redovisas som en egen part. Lägg till den i tabellen Parter om namnet stämmer.`,
            `The party "${partCell}" is unknown; the row is shown as a party of its own. Add it to the Parter table if the name is right.`);
        }
      } else if (responsible !== "") {
        const res = resolveParty(responsible, matcher);
        party = res.party;
        if (res.kind === "unknown") {
          report(t, r.row, header(t, "responsible", "Ansvarig verksamhet"),
            `Ingen känd part i ”${responsible}”; raden redovisas som en egen part. Lägg till ett alias i tabellen Parter.`,
            `No known party in "${responsible}"; the row is shown as a party of its own. Add an alias in the Parter table.`);
        }
      } else {
        party = "(okänd part)";
        report(t, r.row, header(t, "responsible", "Ansvarig verksamhet"), "Ansvarig verksamhet saknas; raden redovisas under (okänd part).",
          "Responsible organisation is missing; the row is shown under (unknown party).");
      }
      lines.push({ sheet: t.sheet, table: t.table, row: r.row, areaColumn: header(t, "area", "Område"), year, areaKey: area.key, areaName: area.name, party, amount: amount.value,
        firstColumn: t.firstColumn, title: text(field(t, r, "insats")) || `Rad ${r.row}`, responsible, tracking: readFundTracking(t, r, onRow(t)) });
    }
  }
  const funds = summariseFunds(lines, allocations, problems, options);
  // Money that needs attention (issue 10): imbalances, overspent rows, report-backs.
  const attention = listMoneyAttention(funds, allocationPlaces);

  const followUps: FollowUp[] = [];
  for (const t of tables.filter((x) => x.kind === "balanslista")) {
    for (const r of t.rows) {
      const followCell = field(t, r, "followUp");
      const nextCell = field(t, r, "next");
      const statusCell = field(t, r, "status");
      const followCol = header(t, "followUp", "Uppföljning");
      const nextCol = header(t, "next", "Nästa uppföljning");
      let milestones: IsoDate[] = [];
      if (isError(followCell)) {
        report(t, r.row, followCol, `Cellen innehåller ett felvärde (${followCell.error}).`, `The cell contains an error value (${followCell.error}).`);
      } else if (isDateCell(followCell)) {
        if (isIsoDate(followCell.date)) milestones = [followCell.date];
        else report(t, r.row, followCol, `Datumet ”${followCell.date}” finns inte.`, `The date "${followCell.date}" does not exist.`);
      } else {
        const scanned = scanDates(cellText(followCell));
        milestones = scanned.milestones.map((m) => m.date);
        for (const bad of scanned.impossible) {
          report(t, r.row, followCol, `Datumet ”${bad}” finns inte och räknas inte som en milstolpe.`, `The date "${bad}" does not exist and is not counted as a milestone.`);
        }
      }
      let nextDate: IsoDate | null = null;
      if (isDateCell(nextCell)) {
        if (isIsoDate(nextCell.date)) nextDate = nextCell.date;
        else report(t, r.row, nextCol, `Datumet ”${nextCell.date}” finns inte.`, `The date "${nextCell.date}" does not exist.`);
      } else if (!isBlank(nextCell)) {
        const found = isError(nextCell) ? [] : extractMilestones(cellText(nextCell));
        if (found[0]) nextDate = found[0].date;
        else report(t, r.row, nextCol, `Datumet ”${cellText(nextCell)}” kan inte läsas.`, `The date "${cellText(nextCell)}" cannot be read.`);
      }
      const st = followUpStatus({ statusText: isBlank(statusCell) ? null : cellText(statusCell), nextDate, milestones }, options.today, options.dueSoonDays);
      const title = text(field(t, r, "what")) || text(field(t, r, "activity")) || `Rad ${r.row}`;
      const area = text(field(t, r, "area"));
      followUps.push({ sheet: t.sheet, table: t.table, firstColumn: t.firstColumn, row: r.row, title, area: area === "" ? null : area, status: st.status, next: st.next, latest: st.latest,
        // Issue 11: the dates that decide the status on any day (the explicit date wins, as in followUpStatus).
        dates: nextDate !== null ? [nextDate] : milestones });
    }
  }

  const agreements: Agreement[] = [];
  for (const t of tables.filter((x) => x.kind === "agreements")) {
    for (const r of t.rows) {
      const cell = field(t, r, "validity");
      const validity = parseValidity(cell);
      const validityCol = header(t, "validity", "Giltighetstid");
      if (typeof cell === "string" && validity.kind !== "unknown") {
        for (const bad of findImpossibleDates(cell)) {
          report(t, r.row, validityCol, `Datumet ”${bad}” finns inte och räknas inte med i giltighetstiden.`, `The date "${bad}" does not exist and is not counted in the period of validity.`);
        }
      }
      if (validity.kind === "unknown" && !isBlank(cell)) {
        report(t, r.row, header(t, "validity", "Giltighetstid"),
          isError(cell) ? `Cellen innehåller ett felvärde (${cell.error}).` : `Giltighetstiden ”${cellText(cell)}” kan inte läsas.`,
          isError(cell) ? `The cell contains an error value (${cell.error}).` : `The period of validity "${cellText(cell)}" cannot be read.`);
      }
      const st = agreementStatus(validity, options.today, options.expiringDays);
      const title = text(field(t, r, "agreement")) || `Rad ${r.row}`;
      agreements.push({ sheet: t.sheet, table: t.table, firstColumn: t.firstColumn, row: r.row, title, status: st.status, validTo: st.validTo });
    }
  }

  // Issue 11: what changed since the last recorded check.
  const { since, changes } = sinceLastCheck(data.checkRecord, options.today, followUps, agreements);
  return { today: options.today, tables, funds, followUps, agreements, problems, attention, since, changes };
}
