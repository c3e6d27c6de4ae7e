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

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
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
  lines: readonly FundLine[],
  allocations: AllocationLine[],
  problems: Problem[],
  options: Pick<Options, "today" | "dueSoonDays"> | null = null,
): YearSummary[] {
  const tally = fundsTally(allocations, problems, options);
  for (const l of lines) tally.add(l);
  return tally.finish();
}

/** {@link summariseFunds} one line at a time: the lines need not be kept (issue 15: memory follows the rows once). */
export interface FundsTally {
  add(line: FundLine): void;
  /** The summaries; their problems are added to `problems` here, in the order of summariseFunds. */
  finish(): YearSummary[];
}

interface Allocated {
  amount: Decimal;
  name: string | null;
  first: AllocationLine;
  due: IsoDate | null;
}

/** One year's allocations by area key (repeats added up), and its areas by name. */
interface YearAllocations {
  allocated: Map<string, Allocated>;
  byName: Map<string, string>;
  /** Problems of repeated allocations, said when the year is summarised. */
  repeated: Problem[];
}

/** What the lines of one year add up to so far. */
interface YearTally {
  distributed: Map<string, { amount: Decimal; name: string | null; first: FundLine }>;
  parties: Map<string, Decimal>;
  rows: FundRow[];
  hasPaid: boolean;
  hasUsed: boolean;
}

function allocationsOf(year: number, allocs: readonly AllocationLine[]): YearAllocations {
  const allocated = new Map<string, Allocated>();
  const repeated: Problem[] = [];
  for (const a of allocs) {
    const prev = allocated.get(a.areaKey);
    if (prev) {
      prev.due ??= a.reportDue ?? null;
      repeated.push({
        sheet: a.sheet, table: a.table, row: a.row, column: a.areaColumn,
        ...localise("funds.allocation-repeated", { area: a.areaKey, year, firstRow: prev.first.row }),
      });
      prev.amount = prev.amount.plus(a.amount);
    } else allocated.set(a.areaKey, { amount: a.amount, name: a.areaName, first: a, due: a.reportDue ?? null });
  }
  // A distribution area written by name only matches an allocation with the same name.
  const byName = new Map<string, string>();
  for (const [k, v] of allocated) if (v.name) byName.set(areaNameKey(v.name), k);
  return { allocated, byName, repeated };
}

const NO_ALLOCATIONS: YearAllocations = { allocated: new Map(), byName: new Map(), repeated: [] };

/** A tally for {@link summariseFunds}: `add` every distribution line, then `finish`. */
export function fundsTally(
  allocations: readonly AllocationLine[],
  problems: Problem[],
  options: Pick<Options, "today" | "dueSoonDays"> | null = null,
): FundsTally {
  const allocationsByYear = new Map<number, YearAllocations>();
  for (const [year, allocs] of groupBy(allocations, (a) => a.year)) allocationsByYear.set(year, allocationsOf(year, allocs));
  const tallies = new Map<number, YearTally>();

  return {
    add(l) {
      let y = tallies.get(l.year);
      if (y === undefined) {
        y = { distributed: new Map(), parties: new Map(), rows: [], hasPaid: false, hasUsed: false };
        tallies.set(l.year, y);
      }
      const { allocated, byName } = allocationsByYear.get(l.year) ?? NO_ALLOCATIONS;
      const k = allocated.has(l.areaKey) ? l.areaKey : (byName.get(l.areaKey) ?? (l.areaName ? byName.get(areaNameKey(l.areaName)) : undefined) ?? l.areaKey);
      const d = y.distributed.get(k);
      if (d) d.amount = d.amount.plus(l.amount);
      else y.distributed.set(k, { amount: l.amount, name: l.areaName, first: l });
      y.parties.set(l.party, (y.parties.get(l.party) ?? new Decimal(0)).plus(l.amount));
      if (l.tracking?.hasPaid === true) y.hasPaid = true;
      if (l.tracking?.hasUsed === true) y.hasUsed = true;
      y.rows.push(fundRow(l, k, allocated.get(k)?.due ?? null, options));
    },
    finish() {
      const years = [...new Set([...tallies.keys(), ...allocationsByYear.keys()])].sort((a, b) => a - b);
      return years.map((year) => yearSummary(year, allocationsByYear.get(year) ?? NO_ALLOCATIONS, tallies.get(year), problems));
    },
  };
}

/** One year's areas, parties and totals from its allocations and its tally. */
function yearSummary(year: number, yearAllocations: YearAllocations, tally: YearTally | undefined, problems: Problem[]): YearSummary {
  const { allocated, repeated } = yearAllocations;
  for (const p of repeated) problems.push(p);
  const distributed = tally?.distributed ?? new Map<string, { amount: Decimal; name: string | null; first: FundLine }>();
  const parties = tally?.parties ?? new Map<string, Decimal>();
  const rows = tally?.rows ?? [];
  const hasPaid = tally?.hasPaid ?? false;
  const hasUsed = tally?.hasUsed ?? false;
  // Remaining per row is known once the year is known to have a Förbrukat column.
  if (hasUsed) for (const r of rows) r.remaining = r.amount.minus(r.used ?? 0);

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
}

/** One counted line as a row of the drill-down, with its report-back status on `options.today`. */
function fundRow(l: FundLine, area: string, areaDue: IsoDate | null, options: Pick<Options, "today" | "dueSoonDays"> | null): FundRow {
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
    // Set by yearSummary when the year has a Förbrukat column.
    remaining: null,
    reportDue,
    reportedOn: done?.done === true ? done.on : null,
    reportStatus: options === null ? null : reportStatus(reportDue, done, options.today, options.dueSoonDays),
  };
}
