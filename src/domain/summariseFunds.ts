import Decimal from "decimal.js";
import { areaNameKey } from "./parseArea";
import { sortParties } from "./resolveParty";
import type { AreaSummary, Problem, YearSummary } from "./types";

export interface FundLine {
  sheet: string;
  table: string;
  row: number;
  /** The Område header as the user wrote it, for messages. */
  areaColumn: string;
  year: number;
  areaKey: string;
  areaName: string | null;
  party: string;
  amount: Decimal;
}

export interface AllocationLine {
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
 */
export function summariseFunds(lines: FundLine[], allocations: AllocationLine[], problems: Problem[]): YearSummary[] {
  const linesByYear = groupBy(lines, (l) => l.year);
  const allocationsByYear = groupBy(allocations, (a) => a.year);
  const years = [...new Set([...linesByYear.keys(), ...allocationsByYear.keys()])].sort((a, b) => a - b);
  return years.map((year) => {
    const allocs = allocationsByYear.get(year) ?? [];
    const allocated = new Map<string, { amount: Decimal; name: string | null; first: AllocationLine }>();
    for (const a of allocs) {
      const prev = allocated.get(a.areaKey);
      if (prev) {
        problems.push({
          sheet: a.sheet, table: a.table, row: a.row, column: a.areaColumn,
          message: `Område ${a.areaKey} har redan en tilldelning för ${year} (rad ${prev.first.row}); beloppen läggs ihop.`,
          messageEn: `Area ${a.areaKey} already has an allocation for ${year} (row ${prev.first.row}); the amounts are added.`,
        });
        prev.amount = prev.amount.plus(a.amount);
      } else allocated.set(a.areaKey, { amount: a.amount, name: a.areaName, first: a });
    }
    // A distribution area written by name only matches an allocation with the same name.
    const byName = new Map<string, string>();
    for (const [k, v] of allocated) if (v.name) byName.set(areaNameKey(v.name), k);

    const distributed = new Map<string, { amount: Decimal; name: string | null; first: FundLine }>();
    const parties = new Map<string, Decimal>();
    for (const l of linesByYear.get(year) ?? []) {
      const k = allocated.has(l.areaKey) ? l.areaKey : (byName.get(l.areaKey) ?? (l.areaName ? byName.get(areaNameKey(l.areaName)) : undefined) ?? l.areaKey);
      const d = distributed.get(k);
      if (d) d.amount = d.amount.plus(l.amount);
      else distributed.set(k, { amount: l.amount, name: l.areaName, first: l });
      parties.set(l.party, (parties.get(l.party) ?? new Decimal(0)).plus(l.amount));
    }

    const keys = [...new Set([...allocated.keys(), ...distributed.keys()])].sort(compareAreaKeys);
    const areas: AreaSummary[] = keys.map((k) => {
      const a = allocated.get(k);
      const d = distributed.get(k);
      const dist = d?.amount ?? new Decimal(0);
      if (!a && d && allocated.size > 0) {
        problems.push({
          sheet: d.first.sheet, table: d.first.table, row: d.first.row, column: d.first.areaColumn,
          message: `Område ${k} har fördelade medel ${year} men ingen tilldelning.`,
          messageEn: `Area ${k} has distributed funds in ${year} but no allocation.`,
        });
      }
      if (a && !d) {
        problems.push({
          sheet: a.first.sheet, table: a.first.table, row: a.first.row, column: a.first.areaColumn,
          message: `Område ${k} har en tilldelning ${year} men inga fördelade medel.`,
          messageEn: `Area ${k} has an allocation in ${year} but no distributed funds.`,
        });
      }
      return {
        area: k,
        name: a?.name ?? d?.name ?? null,
        allocated: a ? a.amount : null,
        distributed: dist,
        difference: a ? dist.minus(a.amount) : null,
      };
    });
    const totalDistributed = areas.reduce((s, a) => s.plus(a.distributed), new Decimal(0));
    const totalAllocated = allocated.size === 0 ? null : [...allocated.values()].reduce((s, a) => s.plus(a.amount), new Decimal(0));
    return {
      year,
      areas,
      parties: sortParties([...parties.keys()]).map((p) => ({ party: p, distributed: parties.get(p) ?? new Decimal(0) })),
      total: {
        allocated: totalAllocated,
        distributed: totalDistributed,
        difference: totalAllocated ? totalDistributed.minus(totalAllocated) : null,
      },
    };
  });
}
