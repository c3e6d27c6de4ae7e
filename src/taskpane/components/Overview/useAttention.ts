import * as React from "react";
import type { Agreement, Analysis, FollowUp } from "../../../domain/types";

export interface Attention {
  overdue: FollowUp[];
  dueSoon: FollowUp[];
  expired: Agreement[];
  expiring: Agreement[];
}

/** The date a follow-up is shown with: its next milestone, else its latest. */
export function followUpDate(f: FollowUp): string | null {
  return f.next ?? f.latest;
}

const byDate =
  <T,>(date: (x: T) => string | null) =>
  (a: T, b: T): number =>
    (date(a) ?? "9999-99-99").localeCompare(date(b) ?? "9999-99-99");

/** What needs attention, earliest date first. Does not mutate the analysis. */
export function selectAttention(analysis: Analysis): Attention {
  const sortFollowUps = byDate(followUpDate);
  const sortAgreements = byDate((a: Agreement) => a.validTo);
  return {
    overdue: analysis.followUps.filter((f) => f.status === "overdue").sort(sortFollowUps),
    dueSoon: analysis.followUps.filter((f) => f.status === "due-soon").sort(sortFollowUps),
    expired: analysis.agreements.filter((a) => a.status === "expired").sort(sortAgreements),
    expiring: analysis.agreements.filter((a) => a.status === "expiring").sort(sortAgreements),
  };
}

export function useAttention(analysis: Analysis): Attention {
  return React.useMemo(() => selectAttention(analysis), [analysis]);
}
