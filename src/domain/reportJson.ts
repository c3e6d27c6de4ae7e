/**
 * The analysis as the JSON that `balans report --json` prints. The shape is a contract that
 * users' scripts rely on: keys, their order and their formats do not change.
 * Amounts are decimal strings with two decimals and a dot ("13302905.00"); dates are ISO.
 */
import { toJsonAmount } from "./formatAmount";
import type { AgreementStatus, Analysis, FollowUpStatus, IsoDate } from "./types";

export interface ReportJson {
  today: IsoDate;
  funds: FundYearJson[];
  followUps: FollowUpJson[];
  agreements: AgreementJson[];
  problems: ProblemJson[];
}

export interface FundYearJson {
  year: number;
  areas: {
    area: string;
    name: string | null;
    allocated: string | null;
    distributed: string;
    difference: string | null;
  }[];
  parties: { party: string; distributed: string }[];
  total: { allocated: string | null; distributed: string; difference: string | null };
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

const amountOrNull = (d: Parameters<typeof toJsonAmount>[0] | null): string | null =>
  d === null ? null : toJsonAmount(d);

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
      })),
      parties: y.parties.map((p) => ({ party: p.party, distributed: toJsonAmount(p.distributed) })),
      total: {
        allocated: amountOrNull(y.total.allocated),
        distributed: toJsonAmount(y.total.distributed),
        difference: amountOrNull(y.total.difference),
      },
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
  };
}
