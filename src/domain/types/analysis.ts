/** What the engine finds: follow-ups, agreements, money per year and area, attention. */
import type Decimal from "decimal.js";
import type { Change } from "../checkRecord";
import type { Problem, RecognisedTable } from "./tables";
import type { IsoDate } from "./workbook";

export type FollowUpStatus = "overdue" | "due-soon" | "planned" | "done" | "no-date";
export type AgreementStatus = "expired" | "expiring" | "valid" | "open-ended" | "unknown";

export interface Milestone {
  date: IsoDate;
  /** The text that was read as this date, e.g. `"3/6 2024"`. */
  source: string;
  /** Index in the input string where `source` starts. */
  index: number;
}

export type Validity =
  | { kind: "ends"; end: IsoDate; start: IsoDate | null }
  | { kind: "open-ended"; start: IsoDate | null }
  | { kind: "auto-renew"; start: IsoDate | null }
  | { kind: "unknown" };

/** Where a row of a table is, and its title: what every row the engine reports on carries. */
export interface TableRowRef {
  sheet: string;
  /** The Excel table's name, or "" for a plain range. */
  table: string;
  /** Worksheet column where the table starts: tells apart plain ranges (table "") on one sheet. */
  firstColumn: number;
  /** Worksheet row as the user sees it. */
  row: number;
  title: string;
}

export interface FollowUp extends TableRowRef {
  area: string | null;
  status: FollowUpStatus;
  next: IsoDate | null;
  latest: IsoDate | null;
  /**
   * Issue 11: the dates that decide the status on any day — the explicit Nästa uppföljning date
   * alone when the row has one, else every milestone of the text (any order). Absent when built
   * outside the engine.
   */
  dates?: IsoDate[];
}

export interface Agreement extends TableRowRef {
  status: AgreementStatus;
  validTo: IsoDate | null;
}

/** What was paid out and used after the decision; each null when the year's distribution has no such column. */
export interface Usage {
  /** Paid out (Utbetalt). */
  paid?: Decimal | null;
  /** Used (Förbrukat). */
  used?: Decimal | null;
  /** distributed − used. */
  remaining?: Decimal | null;
}

export interface AreaSummary extends Usage {
  /** Area key: its leading number ("1") or its normalised name. */
  area: string;
  /** The area's name as written, when known. */
  name: string | null;
  allocated: Decimal | null;
  distributed: Decimal;
  /** distributed − allocated; null when no allocation exists. */
  difference: Decimal | null;
}

export interface PartySummary extends Usage {
  party: string;
  distributed: Decimal;
}

/** One distribution row as counted in the sums, with its usage and report-back (Återredovisning). */
export interface FundRow extends TableRowRef {
  /** The Insats text (or "Rad N" when empty). */
  title: string;
  /** Ansvarig verksamhet as written. */
  responsible: string;
  year: number;
  /** The area key the row is counted under (as in {@link AreaSummary.area}). */
  area: string;
  party: string;
  amount: Decimal;
  /** Utbetalt / Förbrukat as written on the row; null when the cell is empty or there is no such column. */
  paid: Decimal | null;
  used: Decimal | null;
  /** amount − used (an empty Förbrukat cell counts as 0); null when the year has no Förbrukat column. */
  remaining: Decimal | null;
  /** Återredovisas senast: the row's own date, else its area's in the allocation table. */
  reportDue: IsoDate | null;
  /** The date in Återredovisat, when it holds one. */
  reportedOn: IsoDate | null;
  /** Where the report-back stands; null when no report-back is asked (no date, nothing in Återredovisat). */
  reportStatus: FollowUpStatus | null;
}

export interface YearSummary {
  year: number;
  areas: AreaSummary[];
  parties: PartySummary[];
  total: Usage & {
    allocated: Decimal | null;
    distributed: Decimal;
    difference: Decimal | null;
  };
  /** Every distribution row counted in the year's sums, in the order of the workbook. */
  rows?: FundRow[];
}

/** What needs attention in the money (issue 10). */
export type MoneyAttentionKind = "imbalance" | "overspent" | "report-overdue" | "report-due-soon";

export interface MoneyAttention {
  kind: MoneyAttentionKind;
  year: number;
  /** Area key, or null for a whole year (or when it does not apply). */
  area: string | null;
  /** The area's name when known. */
  areaName: string | null;
  party: string | null;
  /** Where it is: the distribution row, or for an imbalance the allocation row (row null when none). */
  sheet: string | null;
  table: string | null;
  firstColumn: number | null;
  row: number | null;
  title: string | null;
  /** imbalance: distributed − allocated; overspent: used − amount; report-back: the row's amount. */
  amount: Decimal | null;
  message: string;
  messageEn: string;
  /** For an imbalance: the distribution rows that make up the sum; otherwise the row itself. */
  rows: FundRow[];
}

export interface Options {
  /** The date used as today. */
  today: IsoDate;
  /** Follow-ups and report-backs (Återredovisas senast) due within this many days are `due-soon`. @default 30 */
  dueSoonDays: number;
  /** Agreements ending within this many days are `expiring`. @default 90 */
  expiringDays: number;
}

export interface Analysis {
  today: IsoDate;
  tables: RecognisedTable[];
  funds: YearSummary[];
  followUps: FollowUp[];
  agreements: Agreement[];
  problems: Problem[];
  /** Money that needs attention: imbalances, overspent rows, report-backs overdue or due soon. */
  attention?: MoneyAttention[];
  /**
   * Issue 11: the date of the check Balans compares against (the newest recorded check from a day
   * before `today`), or null when there is none. Absent when built outside the engine.
   */
  since?: IsoDate | null;
  /** Issue 11: what changed since that check (empty when `since` is null). */
  changes?: Change[];
}
