/**
 * The analysis as the JSON that `balans report --json` prints. The shape is a contract that
 * users' scripts rely on: keys, their order and their formats do not change.
 * Amounts are decimal strings with two decimals and a dot ("13302905.00"); dates are ISO.
 */
import type { Change } from "./checkRecord";
import { toJsonAmount } from "./formatAmount";
import type { AgreementStatus, Analysis, FollowUpStatus, FundRow, IsoDate, MoneyAttentionKind } from "./types";

export interface ReportJson {
  today: IsoDate;
  funds: FundYearJson[];
  followUps: FollowUpJson[];
  agreements: AgreementJson[];
  problems: ProblemJson[];
  /** Money that needs attention (issue 10). */
  attention: AttentionJson[];
  /** Issue 11: what changed since the previous check (empty without one). */
  changes: ChangeJson[];
  /** Issue 11: the date of the previous check (the newest one recorded before `today`), or null. */
  since: IsoDate | null;
}

/** One change since the previous check (the engine's {@link Change} is already plain JSON): `from` null for a new row, `to` null for a removed one. */
export type ChangeJson = Change;

/** paid, used, remaining: decimal strings, null when the year has no Utbetalt / Förbrukat column. */
export interface UsageJson {
  paid: string | null;
  used: string | null;
  remaining: string | null;
}

/** One distribution row counted in the year's sums. */
export interface FundRowJson {
  sheet: string;
  table: string;
  row: number;
  title: string;
  area: string;
  party: string;
  amount: string;
  paid: string | null;
  used: string | null;
  remaining: string | null;
  reportDue: IsoDate | null;
  /** A follow-up status; null when no report-back is asked of the row. */
  reportStatus: FollowUpStatus | null;
}

export interface AttentionJson {
  kind: MoneyAttentionKind;
  year: number;
  area: string | null;
  party: string | null;
  sheet: string | null;
  table: string | null;
  row: number | null;
  title: string | null;
  amount: string | null;
  message: string;
}

export interface FundYearJson {
  year: number;
  areas: ({
    area: string;
    name: string | null;
    allocated: string | null;
    distributed: string;
    difference: string | null;
  } & UsageJson)[];
  parties: ({ party: string; distributed: string } & UsageJson)[];
  total: { allocated: string | null; distributed: string; difference: string | null } & UsageJson;
  rows: FundRowJson[];
}

export interface FollowUpJson {
  sheet: string;
  table: string;
  row: number;
  title: string;
  status: FollowUpStatus;
  next: IsoDate | null;
  latest: IsoDate | null;
}

export interface AgreementJson {
  sheet: string;
  table: string;
  row: number;
  title: string;
  status: AgreementStatus;
  validTo: IsoDate | null;
}

export interface ProblemJson {
  sheet: string;
  table: string;
  row: number | null;
  column: string | null;
  message: string;
}

const amountOrNull = (d: Parameters<typeof toJsonAmount>[0] | null | undefined): string | null =>
  d === null || d === undefined ? null : toJsonAmount(d);

type Usage = { paid?: Parameters<typeof toJsonAmount>[0] | null; used?: Parameters<typeof toJsonAmount>[0] | null; remaining?: Parameters<typeof toJsonAmount>[0] | null };
const usage = (u: Usage): UsageJson => ({ paid: amountOrNull(u.paid), used: amountOrNull(u.used), remaining: amountOrNull(u.remaining) });

/** One distribution row as `report --json` prints it. */
export const fundRowJson = (r: FundRow): FundRowJson => ({
  sheet: r.sheet,
  table: r.table,
  row: r.row,
  title: r.title,
  area: r.area,
  party: r.party,
  amount: toJsonAmount(r.amount),
  paid: amountOrNull(r.paid),
  used: amountOrNull(r.used),
  remaining: amountOrNull(r.remaining),
  reportDue: r.reportDue,
  reportStatus: r.reportStatus,
});

/** Every follow-up and agreement with its status (scripts filter), every problem, every year. */
export function toReportJson(analysis: Analysis): ReportJson {
  return {
    today: analysis.today,
    funds: analysis.funds.map((y) => ({
      year: y.year,
      areas: y.areas.map((a) => ({
        area: a.area,
        name: a.name,
        allocated: amountOrNull(a.allocated),
        distributed: toJsonAmount(a.distributed),
        difference: amountOrNull(a.difference),
        ...usage(a),
      })),
      parties: y.parties.map((p) => ({ party: p.party, distributed: toJsonAmount(p.distributed), ...usage(p) })),
      total: {
        allocated: amountOrNull(y.total.allocated),
        distributed: toJsonAmount(y.total.distributed),
        difference: amountOrNull(y.total.difference),
        ...usage(y.total),
      },
      rows: (y.rows ?? []).map(fundRowJson),
    })),
    followUps: analysis.followUps.map((f) => ({
      sheet: f.sheet,
      table: f.table,
      row: f.row,
      title: f.title,
      status: f.status,
      next: f.next,
      latest: f.latest,
    })),
    agreements: analysis.agreements.map((a) => ({
      sheet: a.sheet,
      table: a.table,
      row: a.row,
      title: a.title,
      status: a.status,
      validTo: a.validTo,
    })),
    problems: analysis.problems.map((p) => ({
      sheet: p.sheet,
      table: p.table,
      row: p.row,
      column: p.column,
      message: p.message,
    })),
    attention: (analysis.attention ?? []).map((a) => ({
      kind: a.kind,
      year: a.year,
      area: a.area,
      party: a.party,
      sheet: a.sheet,
      table: a.table,
      row: a.row,
      title: a.title,
      amount: amountOrNull(a.amount),
      message: a.message,
    })),
    changes: (analysis.changes ?? []).map((c) => ({
      kind: c.kind,
      sheet: c.sheet,
      table: c.table,
      row: c.row,
      title: c.title,
      from: c.from,
      to: c.to,
    })),
    since: analysis.since ?? null,
  };
}
