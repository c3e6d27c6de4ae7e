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
import { localise, type Localised } from "./messages";
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

/** The difference as the imbalance messages take it. */
const imbalance = (difference: Decimal) => ({ difference: kr(difference.abs()), short: difference.isNegative() });

const rowItem = (kind: MoneyAttentionKind, r: FundRow, areaName: string | null, amount: Decimal, text: Localised): MoneyAttention => ({
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
  message: text.message,
  messageEn: text.messageEn,
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
        ...localise("attention.area-imbalance", { ...imbalance(difference), area: a.area, year: y.year, distributed: kr(a.distributed), allocated: kr(allocated) }),
        rows: rows.filter((r) => r.area === a.area),
      });
    }
    const t = y.total;
    if (off.length === 0 && t.difference !== null && t.allocated !== null && !t.difference.isZero()) {
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
        ...localise("attention.year-imbalance", { ...imbalance(t.difference), year: y.year, distributed: kr(t.distributed), allocated: kr(t.allocated) }),
        rows,
      });
    }
    for (const r of rows) {
      const areaName = names.get(r.area) ?? null;
      if (r.used !== null && r.used.greaterThan(r.amount)) {
        const over = r.used.minus(r.amount);
        overspent.push(rowItem("overspent", r, areaName, over,
          localise("attention.overspent", { title: r.title, party: r.party, used: kr(r.used), amount: kr(r.amount), over: kr(over) })));
      }
      if (r.reportStatus === "overdue" && r.reportDue !== null) {
        overdue.push(rowItem("report-overdue", r, areaName, r.amount, localise("attention.report-overdue", { title: r.title, party: r.party, due: r.reportDue })));
      } else if (r.reportStatus === "due-soon" && r.reportDue !== null) {
        dueSoon.push(rowItem("report-due-soon", r, areaName, r.amount, localise("attention.report-due-soon", { title: r.title, party: r.party, due: r.reportDue })));
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


/**
 * One sentence on the money that needs attention, Swedish and English, for the ribbon's message;
 * null when nothing does.
 * @example "Medel: 1 obalans, 1 insats har förbrukat mer än fördelat, 3 försenade återredovisningar, 1 snart."
 */
export function describeMoneyAttention(items: readonly MoneyAttention[]): { sv: string; en: string } | null {
  if (items.length === 0) return null;
  const c = countMoneyAttention(items);
  const { message, messageEn } = localise("attention.summary", { imbalance: c.imbalance, overspent: c.overspent, reportOverdue: c["report-overdue"], reportDueSoon: c["report-due-soon"] });
  return { sv: message, en: messageEn };
}
