/**
 * The budget-tracking sections of the summary sheet (issue 10), as plain cells that
 * planSummary places at a given row:
 * - per year, the tracking columns beside the areas and parties (Utbetalt, Förbrukat, Kvar);
 * - per year, "Insatser per part": each party with its total and its rows (insats, area, amounts,
 *   report-back, a link to the row), like seed 001's "Sammanfattande fördelning per ansvarig
 *   verksamhet" but computed from the distribution rows;
 * - "Över åren": every year side by side (Tilldelat, Fördelat, Differens, Utbetalt, Förbrukat,
 *   Kvar) with a chart across the years; "Per part och år": a table per party and year;
 * - "Medel att hålla koll på": imbalances (with the rows that make up the sum), overspent rows,
 *   report-backs overdue or due soon.
 * Headers never name an amount column the way a distribution or allocation table does (no
 * Summa, Belopp, Tilldelat belopp beside Område and Insats), so an archived copy of the sheet is
 * not read back as data.
 */
import type Decimal from "decimal.js";
import { columnLetter } from "./columnLetter";
import { sortParties } from "./resolveParty";
import { FOLLOW_UP_STYLES } from "./statusLabels";
import { KRONOR_FORMAT, KRONOR_ORE_FORMAT } from "./template";
import type { Analysis, FundRow, MoneyAttentionKind, SummaryCell, SummaryChartPlan, YearSummary } from "./types";
import { countOf } from "./messages";

const HEADER_FILL = "D9E1F2";
const TITLE_FILL = "BDD7EE";
const DIFF_FILL = "FFC7CE";

type Extra = Omit<SummaryCell, "row" | "col" | "value">;

/** Appends cells row by row; `row` is the next free row. */
export class SheetCells {
  row: number;
  constructor(
    readonly cells: SummaryCell[],
    row: number,
  ) {
    this.row = row;
  }
  put(col: number, value: string | number | null, extra: Extra = {}): void {
    this.cells.push({ row: this.row, col, value, ...extra });
  }
  money(col: number, d: Decimal | null | undefined, fmt: string, extra: Extra = {}): void {
    this.cells.push({ row: this.row, col, value: d === null || d === undefined ? null : d.toNumber(), numFmt: fmt, ...extra });
  }
  heading(text: string, width: number): void {
    this.put(1, text, { bold: true, fill: TITLE_FILL });
    for (let c = 2; c <= width; c++) this.put(c, null, { fill: TITLE_FILL });
    this.row++;
  }
  headerRow(titles: string[]): void {
    titles.forEach((t, i) => this.put(i + 1, t, { bold: true, fill: HEADER_FILL }));
    this.row++;
  }
}

/** True when the year's distribution has Utbetalt or Förbrukat. */
export function isTracked(y: YearSummary): boolean {
  return (y.total.paid ?? null) !== null || (y.total.used ?? null) !== null;
}

const USAGE_HEADERS = ["Utbetalt", "Förbrukat", "Kvar"];

/** The tracking headers for the areas (from column 6) or parties (from column 3) table; none when untracked. */
export function usageHeaders(y: YearSummary): string[] {
  return isTracked(y) ? USAGE_HEADERS : [];
}

/** Utbetalt, Förbrukat, Kvar of an area, party or total on the current row, from column `col`. */
export function putUsage(
  w: SheetCells,
  col: number,
  y: YearSummary,
  u: { paid?: Decimal | null; used?: Decimal | null; remaining?: Decimal | null },
  fmt: string,
  extra: Extra = {},
): void {
  if (!isTracked(y)) return;
  w.money(col, u.paid, fmt, extra);
  w.money(col + 1, u.used, fmt, extra);
  const negative = u.remaining !== null && u.remaining !== undefined && u.remaining.isNegative();
  w.money(col + 2, u.remaining, fmt, negative ? { ...extra, fill: DIFF_FILL } : extra);
}

function hasOre(amounts: (Decimal | null | undefined)[]): boolean {
  return amounts.some((d) => d !== null && d !== undefined && !d.isInteger());
}

/** The kronor format for a set of amounts: öre only when one of them has öre. */
export function kronorFormat(amounts: (Decimal | null | undefined)[]): string {
  return hasOre(amounts) ? KRONOR_ORE_FORMAT : KRONOR_FORMAT;
}

/** The report-back as the sheet writes it: "Klar 2025-01-10", "Försenad – senast 2024-12-31", … */
export function reportText(r: FundRow): { text: string; fill: string } | null {
  if (r.reportStatus === null) return null;
  const style = FOLLOW_UP_STYLES[r.reportStatus];
  if (r.reportStatus === "done") return { text: r.reportedOn === null ? style.label : `${style.label} ${r.reportedOn}`, fill: style.fill };
  if (r.reportDue === null) return { text: style.label, fill: style.fill };
  return { text: `${style.label} – senast ${r.reportDue}`, fill: style.fill };
}

const link = (r: { sheet: string; firstColumn: number; row: number }) => ({ sheet: r.sheet, address: `${columnLetter(r.firstColumn)}${r.row}` });

/**
 * "Insatser per part YYYY": per party a bold line with its totals, then its rows. The party line
 * is the sum of the rows under it (exactly the party's total).
 */
export function planPartyRows(w: SheetCells, y: YearSummary, fmt: string): void {
  const rows = y.rows ?? [];
  if (rows.length === 0) return;
  const tracked = isTracked(y);
  const headers = ["Part / område", "Insats", "Fördelat", ...(tracked ? USAGE_HEADERS : []), "Återredovisning", "Rad"];
  const reportCol = tracked ? 7 : 4;
  w.heading(`Insatser per part ${y.year}`, headers.length);
  w.headerRow(headers);
  for (const p of y.parties) {
    const own = rows.filter((r) => r.party === p.party);
    w.put(1, p.party, { bold: true });
    w.put(2, countOf("sv", own.length, { one: "insats", other: "insatser" }), { bold: true });
    w.money(3, p.distributed, fmt, { bold: true });
    putUsage(w, 4, y, p, fmt, { bold: true });
    w.row++;
    for (const r of own) {
      w.put(1, r.area);
      w.put(2, r.title);
      w.money(3, r.amount, fmt);
      if (tracked) {
        w.money(4, r.paid, fmt);
        w.money(5, r.used, fmt, r.used !== null && r.used.greaterThan(r.amount) ? { fill: DIFF_FILL } : {});
        w.money(6, r.remaining, fmt, r.remaining !== null && r.remaining.isNegative() ? { fill: DIFF_FILL } : {});
      }
      const report = reportText(r);
      if (report) w.put(reportCol, report.text, { fill: report.fill });
      w.put(reportCol + 1, `Rad ${r.row}`, { link: link(r) });
      w.row++;
    }
  }
  w.row++;
}

/**
 * "Över åren" (every year side by side, with a chart across the years) and "Per part och år"
 * (distributed, and used where any year has it, per party and year). Nothing without funds.
 */
export function planYearsOverview(w: SheetCells, analysis: Analysis): SummaryChartPlan[] {
  const funds = analysis.funds;
  if (funds.length === 0) return [];
  const anyUsed = funds.some((y) => (y.total.used ?? null) !== null);
  const fmt = kronorFormat(
    funds.flatMap((y) => [y.total.allocated, y.total.distributed, y.total.paid, y.total.used, ...y.parties.flatMap((p) => [p.distributed, p.used])]),
  );

  w.heading("Över åren", 7);
  w.headerRow(["År", "Tilldelat", "Fördelat", "Differens", "Utbetalt", "Förbrukat", "Kvar"]);
  const first = w.row;
  for (const y of funds) {
    const t = y.total;
    const off = t.difference !== null && !t.difference.isZero();
    w.put(1, String(y.year));
    w.money(2, t.allocated, fmt);
    w.money(3, t.distributed, fmt);
    w.money(4, t.difference, fmt, off ? { fill: DIFF_FILL } : {});
    w.money(5, t.paid, fmt);
    w.money(6, t.used, fmt);
    w.money(7, t.remaining, fmt, t.remaining && t.remaining.isNegative() ? { fill: DIFF_FILL } : {});
    w.row++;
  }
  const last = w.row - 1;
  const range = (col: number) => `${columnLetter(col)}${first}:${columnLetter(col)}${last}`;
  const chart: SummaryChartPlan = {
    title: "Medel över åren",
    kind: "column",
    categories: range(1),
    series: [
      { name: "Tilldelat", values: range(2) },
      { name: "Fördelat", values: range(3) },
      ...(anyUsed ? [{ name: "Förbrukat", values: range(6) }, { name: "Kvar", values: range(7) }] : []),
    ],
    anchor: { row: first - 2, col: 10 },
  };
  w.row++;

  const parties = sortParties([...new Set(funds.flatMap((y) => y.parties.map((p) => p.party)))]);
  const table = (title: string, pick: (y: YearSummary, party: string) => Decimal | null | undefined, total: (y: YearSummary) => Decimal | null | undefined) => {
    w.heading(title, funds.length + 1);
    w.headerRow(["Part", ...funds.map((y) => String(y.year))]);
    for (const party of parties) {
      w.put(1, party);
      funds.forEach((y, i) => w.money(i + 2, pick(y, party), fmt));
      w.row++;
    }
    w.put(1, "Totalt", { bold: true });
    funds.forEach((y, i) => w.money(i + 2, total(y), fmt, { bold: true }));
    w.row += 2;
  };
  const partyOf = (y: YearSummary, party: string) => y.parties.find((p) => p.party === party);
  table("Per part och år – fördelat", (y, party) => partyOf(y, party)?.distributed ?? null, (y) => y.total.distributed);
  if (anyUsed) table("Per part och år – förbrukat", (y, party) => partyOf(y, party)?.used ?? null, (y) => y.total.used);
  return [chart];
}

const KIND_LABELS: Record<MoneyAttentionKind, { label: string; fill: string }> = {
  imbalance: { label: "Obalans", fill: "FFC7CE" },
  overspent: { label: "Förbrukat mer än fördelat", fill: "FFC7CE" },
  "report-overdue": { label: "Återredovisning försenad", fill: "FFC7CE" },
  "report-due-soon": { label: "Återredovisning snart", fill: "FFEB9C" },
};

/** "Medel att hålla koll på (N)": one line per item; an area's imbalance lists the rows of its sum. */
export function planMoneyAttention(w: SheetCells, analysis: Analysis): void {
  const items = analysis.attention ?? [];
  w.heading(`Medel att hålla koll på (${items.length})`, 7);
  if (items.length === 0) {
    w.put(1, "Inga obalanser, överskridna insatser eller försenade återredovisningar.");
    w.row += 2;
    return;
  }
  const fmt = kronorFormat(items.flatMap((i) => [i.amount, ...i.rows.map((r) => r.amount)]));
  w.headerRow(["Vad", "Beskrivning", "Kronor", "År", "Part", "Blad", "Rad"]);
  for (const item of items) {
    const style = KIND_LABELS[item.kind];
    w.put(1, style.label, { fill: style.fill });
    w.put(2, item.message);
    w.money(3, item.amount, fmt);
    w.put(4, String(item.year));
    w.put(5, item.party);
    w.put(6, item.sheet);
    if (item.sheet !== null && item.row !== null && item.firstColumn !== null) {
      w.put(7, `Rad ${item.row}`, { link: { sheet: item.sheet, address: `${columnLetter(item.firstColumn)}${item.row}` } });
    }
    w.row++;
    if (item.kind === "imbalance" && item.area !== null) {
      for (const r of item.rows) {
        w.put(2, `${r.title} (${r.party})`);
        w.money(3, r.amount, fmt);
        w.put(5, r.party);
        w.put(6, r.sheet);
        w.put(7, `Rad ${r.row}`, { link: link(r) });
        w.row++;
      }
    }
  }
  w.row++;
}
