/**
 * The agenda as the JSON that `balans agenda --json` prints. A contract: keys are only added.
 * `overdue` and `agreements` entries have exactly the shapes of `report --json`'s `followUps`
 * and `agreements` (made by the same code, {@link toReportJson}).
 */
import { toJsonAmount } from "../formatAmount";
import {
  toReportJson,
  type AgreementJson,
  type FollowUpJson,
} from "../reportJson";
import type { FollowUpStatus, IsoDate } from "../types";
import type { AgendaKind } from "./classifyAgendaKind";
import type { Agenda } from "./buildAgenda";

export interface AgendaItemJson {
  sheet: string;
  table: string;
  /** Worksheet row. */
  row: number;
  title: string;
  area: string | null;
  kind: AgendaKind;
  text: string;
}

export interface AgendaFundJson {
  sheet: string;
  table: string;
  row: number;
  title: string;
  year: number;
  area: string;
  party: string;
  amount: string;
  reportDue: IsoDate | null;
  reportStatus: FollowUpStatus | null;
}

export interface AgendaJson {
  forum: string;
  /** `YYYY-MM-DD`, or `YYYY-MM` when only the month of the meeting is known. */
  date: string;
  previous: string | null;
  next: string | null;
  items: AgendaItemJson[];
  overdue: FollowUpJson[];
  agreements: AgreementJson[];
  /** Added: the date used as today. */
  today: IsoDate;
  /** Added: where the forum's meeting dates come from, `"table"` (Möten) or `"texts"`. */
  calendar: "table" | "texts";
  /** Added: report-backs of funds due before the following meeting; null when the workbook has no report-back dates. */
  funds: AgendaFundJson[] | null;
  /** Added: problems in the Möten table. */
  problems: {
    sheet: string;
    table: string;
    row: number | null;
    column: string | null;
    message: string;
  }[];
}

export function toAgendaJson(agenda: Agenda): AgendaJson {
  const picked = toReportJson({
    today: agenda.today,
    tables: [],
    funds: [],
    followUps: agenda.overdue,
    agreements: agenda.agreements,
    problems: [],
  });
  return {
    forum: agenda.forum,
    date: agenda.date,
    previous: agenda.previous,
    next: agenda.next,
    items: agenda.items.map((i) => ({
      sheet: i.sheet,
      table: i.table,
      row: i.row,
      title: i.title,
      area: i.area,
      kind: i.kind,
      text: i.text,
    })),
    overdue: picked.followUps,
    agreements: picked.agreements,
    today: agenda.today,
    calendar: agenda.calendar,
    funds:
      agenda.funds === null
        ? null
        : agenda.funds.map((f) => ({
            sheet: f.sheet,
            table: f.table,
            row: f.row,
            title: f.title,
            year: f.year,
            area: f.area,
            party: f.party,
            amount: toJsonAmount(f.amount),
            reportDue: f.reportDue,
            reportStatus: f.reportStatus,
          })),
    problems: agenda.problems.map((p) => ({
      sheet: p.sheet,
      table: p.table,
      row: p.row,
      column: p.column,
      message: p.message,
    })),
  };
}
