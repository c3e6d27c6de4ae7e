import Decimal from "decimal.js";
import { reportStatus, type FundTracking } from "./fundTracking";
import { areaNameKey } from "./parseArea";
import { localise } from "./messages";
import { sortParties } from "./resolveParty";
import type { AreaSummary, FundRow, IsoDate, Options, Problem, YearSummary } from "./types";

/** What a distribution row and an allocation row both carry: where it is, its year, area and amount. */
export interface AreaAmountLine {
  sheet: string;
  table: string;
  row: number;
  /** The Område header as the user wrote it, for messages. */
  areaColumn: string;
  year: number;
  areaKey: string;
  areaName: string | null;
  amount: Decimal;
}

/** One row of a year's distribution (Fördelning). */
export interface FundLine extends AreaAmountLine {
  party: string;
  /** Where the table starts, the Insats and Ansvarig verksamhet texts (for the rows' drill-down). */
  firstColumn?: number;
  title?: string;
  responsible?: string;
  /** The optional tracking columns (Utbetalt, Förbrukat, Återredovisas senast, Återredovisat). */
  tracking?: FundTracking;
}

/** One row of a year's allocation (Tilldelning). */
export interface AllocationLine extends AreaAmountLine {
  /** Återredovisas senast for the area's distribution rows of the year that have no date of their own. */
  reportDue?: IsoDate | null;
}

/** Sums of the optional columns over some rows; null when the year has no such column. */
interface Usage {
  paid: Decimal | null;
  used: Decimal | null;
}

const ZERO = new Decimal(0);
const addOrNull = (sum: Decimal | null, d: Decimal | null): Decimal | null => (sum === null ? null : d === null ? sum : sum.plus(d));

function usageOf(rows: FundRow[], hasPaid: boolean, hasUsed: boolean): Usage {
  let paid: Decimal | null = hasPaid ? ZERO : null;
  let used: Decimal | null = hasUsed ? ZERO : null;
  for (const r of rows) {
    paid = addOrNull(paid, r.paid);
    used = addOrNull(used, r.used);
  }
  return { paid, used };
}

const withRemaining = (distributed: Decimal, u: Usage) => ({
  paid: u.paid,
  used: u.used,
  remaining: u.used === null ? null : distributed.minus(u.used),
});

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

const isNumberKey = (k: string) => /^\d+$/u.test(k);
const compareAreaKeys = (a: string, b: string) =>
  isNumberKey(a) && isNumberKey(b) ? Number(a) - Number(b) : isNumberKey(a) ? -1 : isNumberKey(b) ? 1 : a.localeCompare(b, "sv-SE");

/**
 * Per year: each area's allocated and distributed sums and their difference
 * (distributed − allocated), the sums per party, and totals. Exact to the öre.
 *
 * With budget tracking (issue 10), also per row, area, party and year: paid, used and remaining
 * (= distributed − used) — null for a year whose distribution has no Utbetalt / Förbrukat column,
 * an empty cell counting as 0 — and each row's report-back status on `options.today` (the row's
 * Återredovisas senast, else its area's in the allocation table).
 */
export function summariseFunds(
  lines: FundLine[],
  allocations: AllocationLine[],
  problems: Problem[],
  options: Pick<Options, "today" | "dueSoonDays"> | null = null,
): YearSummary[] {
  const linesByYear = groupBy(lines, (l) => l.year);
  const allocationsByYear = groupBy(allocations, (a) => a.year);
  const years = [...new Set([...linesByYear.keys(), ...allocationsByYear.keys()])].sort((a, b) => a - b);
  return years.map((year) => {
    const allocs = allocationsByYear.get(year) ?? [];
    const allocated = new Map<string, { amount: Decimal; name: string | null; first: AllocationLine; due: IsoDate | null }>();
    for (const a of allocs) {
      const prev = allocated.get(a.areaKey);
      if (prev) {
        prev.due ??= a.reportDue ?? null;
        problems.push({
          sheet: a.sheet, table: a.table, row: a.row, column: a.areaColumn,
          ...localise("funds.allocation-repeated", { area: a.areaKey, year, firstRow: prev.first.row }),
        });
        prev.amount = prev.amount.plus(a.amount);
      } else allocated.set(a.areaKey, { amount: a.amount, name: a.areaName, first: a, due: a.reportDue ?? null });
    }
    // A distribution area written by name only matches an allocation with the same name.
    const byName = new Map<string, string>();
    for (const [k, v] of allocated) if (v.name) byName.set(areaNameKey(v.name), k);

    const distributed = new Map<string, { amount: Decimal; name: string | null; first: FundLine }>();
    const parties = new Map<string, Decimal>();
    const yearLines = linesByYear.get(year) ?? [];
    const hasPaid = yearLines.some((l) => l.tracking?.hasPaid === true);
    const hasUsed = yearLines.some((l) => l.tracking?.hasUsed === true);
    const rows: FundRow[] = [];
    for (const l of yearLines) {
      const k = allocated.has(l.areaKey) ? l.areaKey : (byName.get(l.areaKey) ?? (l.areaName ? byName.get(areaNameKey(l.areaName)) : undefined) ?? l.areaKey);
      const d = distributed.get(k);
      if (d) d.amount = d.amount.plus(l.amount);
      else distributed.set(k, { amount: l.amount, name: l.areaName, first: l });
      parties.set(l.party, (parties.get(l.party) ?? new Decimal(0)).plus(l.amount));
      rows.push(fundRow(l, k, hasUsed, allocated.get(k)?.due ?? null, options));
    }

    const keys = [...new Set([...allocated.keys(), ...distributed.keys()])].sort(compareAreaKeys);
    const areas: AreaSummary[] = keys.map((k) => {
      const a = allocated.get(k);
      const d = distributed.get(k);
      const dist = d?.amount ?? new Decimal(0);
      if (!a && d && allocated.size > 0) {
        problems.push({
          sheet: d.first.sheet, table: d.first.table, row: d.first.row, column: d.first.areaColumn,
          ...localise("funds.no-allocation", { area: k, year }),
        });
      }
      if (a && !d) {
        problems.push({
          sheet: a.first.sheet, table: a.first.table, row: a.first.row, column: a.first.areaColumn,
          ...localise("funds.nothing-distributed", { area: k, year }),
        });
      }
      return {
        area: k,
        name: a?.name ?? d?.name ?? null,
        allocated: a ? a.amount : null,
        distributed: dist,
        difference: a ? dist.minus(a.amount) : null,
        ...withRemaining(dist, usageOf(rows.filter((r) => r.area === k), hasPaid, hasUsed)),
      };
    });
    const totalDistributed = areas.reduce((s, a) => s.plus(a.distributed), new Decimal(0));
    const totalAllocated = allocated.size === 0 ? null : [...allocated.values()].reduce((s, a) => s.plus(a.amount), new Decimal(0));
    return {
      year,
      areas,
      parties: sortParties([...parties.keys()]).map((p) => {
        const distributedToParty = parties.get(p) ?? new Decimal(0);
        return {
          party: p,
          distributed: distributedToParty,
          ...withRemaining(distributedToParty, usageOf(rows.filter((r) => r.party === p), hasPaid, hasUsed)),
        };
      }),
      total: {
        allocated: totalAllocated,
        distributed: totalDistributed,
        difference: totalAllocated ? totalDistributed.minus(totalAllocated) : null,
        ...withRemaining(totalDistributed, usageOf(rows, hasPaid, hasUsed)),
      },
      rows,
    };
  });
}

/** One counted line as a row of the drill-down, with its report-back status on `options.today`. */
function fundRow(l: FundLine, area: string, yearHasUsed: boolean, areaDue: IsoDate | null, options: Pick<Options, "today" | "dueSoonDays"> | null): FundRow {
  const t = l.tracking;
  const used = t?.used ?? null;
  const reportDue = t?.reportDue ?? areaDue;
  const done = t?.reportDone ?? null;
  return {
    sheet: l.sheet,
    table: l.table,
    firstColumn: l.firstColumn ?? 1,
    row: l.row,
    title: l.title ?? `Rad ${l.row}`,
    responsible: l.responsible ?? "",
    year: l.year,
    area,
    party: l.party,
    amount: l.amount,
    paid: t?.paid ?? null,
    used,
    remaining: yearHasUsed ? l.amount.minus(used ?? 0) : null,
    reportDue,
    reportedOn: done?.done === true ? done.on : null,
    reportStatus: options === null ? null : reportStatus(reportDue, done, options.today, options.dueSoonDays),
  };
}
