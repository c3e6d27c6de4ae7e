/**
 * What needs attention in the money (issue 10), from the fund summaries:
 * - `imbalance`: an area whose distributed sum differs from its allocation (with the rows that
 *   make up the sum); a whole year when its total differs and no area of it explains that (e.g.
 *   money distributed to an area that has no allocation);
 * - `overspent`: a row that used more than it was given (Förbrukat > Summa);
 * - `report-overdue` / `report-due-soon`: a row whose report-back (Återredovisas senast) has
 *   passed, or falls within the due-soon window, without Återredovisat.
 * In that order; years oldest first, rows in the workbook's order.
 */
import type Decimal from "decimal.js";
import { formatKronor } from "./formatAmount";
import type { AreaSummary, FundRow, MoneyAttention, MoneyAttentionKind, YearSummary } from "./types";

/** Where each area's allocation row is (for an imbalance's place). */
export interface AllocationPlace {
  year: number;
  area: string;
  sheet: string;
  table: string;
  firstColumn: number;
  row: number;
}

const kr = (d: Decimal) => formatKronor(d);

function areaLabel(a: AreaSummary): string {
  if (a.name === null || a.name.trim() === "") return a.area;
  return /^\d+$/u.test(a.area) && !a.name.trim().startsWith(a.area) ? `${a.area}. ${a.name.trim()}` : a.name.trim();
}

function imbalanceWords(difference: Decimal): { sv: string; en: string } {
  const abs = kr(difference.abs());
  return difference.isNegative()
    ? { sv: `${abs} är inte fördelat`, en: `${abs} is not distributed` }
    : { sv: `${abs} för mycket är fördelat`, en: `${abs} too much is distributed` };
}

const rowItem = (kind: MoneyAttentionKind, r: FundRow, areaName: string | null, amount: Decimal, message: string, messageEn: string): MoneyAttention => ({
  kind,
  year: r.year,
  area: r.area,
  areaName,
  party: r.party,
  sheet: r.sheet,
  table: r.table,
  firstColumn: r.firstColumn,
  row: r.row,
  title: r.title,
  amount,
  message,
  messageEn,
  rows: [r],
});

/** The money items that need attention, for every year. Does not change its input. */
export function listMoneyAttention(funds: YearSummary[], places: AllocationPlace[] = []): MoneyAttention[] {
  const imbalances: MoneyAttention[] = [];
  const overspent: MoneyAttention[] = [];
  const overdue: MoneyAttention[] = [];
  const dueSoon: MoneyAttention[] = [];
  for (const y of funds) {
    const rows = y.rows ?? [];
    const names = new Map(y.areas.map((a) => [a.area, a.name]));
    const off = y.areas.filter((a) => a.difference !== null && !a.difference.isZero());
    for (const a of off) {
      const difference = a.difference as Decimal;
      const place = places.find((p) => p.year === y.year && p.area === a.area) ?? null;
      const words = imbalanceWords(difference);
      const allocated = a.allocated as Decimal;
      imbalances.push({
        kind: "imbalance",
        year: y.year,
        area: a.area,
        areaName: a.name,
        party: null,
        sheet: place?.sheet ?? null,
        table: place?.table ?? null,
        firstColumn: place?.firstColumn ?? null,
        row: place?.row ?? null,
        title: areaLabel(a),
        amount: difference,
        message: `Område ${a.area} ${y.year}: fördelat ${kr(a.distributed)} men tilldelat ${kr(allocated)} – ${words.sv}.`,
        messageEn: `Area ${a.area} ${y.year}: ${kr(a.distributed)} distributed but ${kr(allocated)} allocated – ${words.en}.`,
        rows: rows.filter((r) => r.area === a.area),
      });
    }
    const t = y.total;
    if (off.length === 0 && t.difference !== null && t.allocated !== null && !t.difference.isZero()) {
      const words = imbalanceWords(t.difference);
      const place = places.find((p) => p.year === y.year) ?? null;
      imbalances.push({
        kind: "imbalance",
        year: y.year,
        area: null,
        areaName: null,
        party: null,
        sheet: place?.sheet ?? null,
        table: place?.table ?? null,
        firstColumn: place?.firstColumn ?? null,
        row: null,
        title: `${y.year}`,
        amount: t.difference,
        message: `${y.year}: fördelat totalt ${kr(t.distributed)} men tilldelat ${kr(t.allocated)} – ${words.sv}.`,
        messageEn: `${y.year}: ${kr(t.distributed)} distributed in all but ${kr(t.allocated)} allocated – ${words.en}.`,
        rows,
      });
    }
    for (const r of rows) {
      const areaName = names.get(r.area) ?? null;
      if (r.used !== null && r.used.greaterThan(r.amount)) {
        const over = r.used.minus(r.amount);
        overspent.push(rowItem("overspent", r, areaName, over,
          `”${r.title}” (${r.party}) har förbrukat ${kr(r.used)} av ${kr(r.amount)} – ${kr(over)} mer än fördelat.`,
          `"${r.title}" (${r.party}) used ${kr(r.used)} of ${kr(r.amount)} – ${kr(over)} more than distributed.`));
      }
      if (r.reportStatus === "overdue" && r.reportDue !== null) {
        overdue.push(rowItem("report-overdue", r, areaName, r.amount,
          `Återredovisningen av ”${r.title}” (${r.party}) skulle ha lämnats senast ${r.reportDue}.`,
          `The report-back on "${r.title}" (${r.party}) was due by ${r.reportDue}.`));
      } else if (r.reportStatus === "due-soon" && r.reportDue !== null) {
        dueSoon.push(rowItem("report-due-soon", r, areaName, r.amount,
          `Återredovisningen av ”${r.title}” (${r.party}) ska lämnas senast ${r.reportDue}.`,
          `The report-back on "${r.title}" (${r.party}) is due by ${r.reportDue}.`));
      }
    }
  }
  return [...imbalances, ...overspent, ...overdue, ...dueSoon];
}

/** How many items of each kind (for badges, the ribbon and the CLI). */
export function countMoneyAttention(items: readonly MoneyAttention[]): Record<MoneyAttentionKind, number> {
  const counts: Record<MoneyAttentionKind, number> = { imbalance: 0, overspent: 0, "report-overdue": 0, "report-due-soon": 0 };
  for (const i of items) counts[i.kind]++;
  return counts;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * One sentence on the money that needs attention, Swedish and English, for the ribbon's message;
 * null when nothing does.
 * @example "Medel: 1 obalans, 1 insats har förbrukat mer än fördelat, 3 försenade återredovisningar, 1 snart."
 */
export function describeMoneyAttention(items: readonly MoneyAttention[]): { sv: string; en: string } | null {
  if (items.length === 0) return null;
  const c = countMoneyAttention(items);
  return {
    sv:
      `Medel: ${plural(c.imbalance, "obalans", "obalanser")}, ` +
      `${plural(c.overspent, "insats har förbrukat", "insatser har förbrukat")} mer än fördelat, ` +
      `${plural(c["report-overdue"], "försenad återredovisning", "försenade återredovisningar")}, ${c["report-due-soon"]} snart.`,
    en:
      `Funds: ${plural(c.imbalance, "imbalance", "imbalances")}, ` +
      `${plural(c.overspent, "row used", "rows used")} more than distributed, ` +
      `${plural(c["report-overdue"], "overdue report-back", "overdue report-backs")}, ${c["report-due-soon"]} due soon.`,
  };
}
