import * as React from "react";
import { Badge, useId } from "@fluentui/react-components";
import type { Agreement, Analysis, FollowUp } from "../../../domain/types";
import { isIsoDate } from "../../../domain/isoDate";
import { daysBetween, formatDate, useStrings } from "../../i18n";
import { LinkedItem } from "./LinkedItem";
import { ListSection } from "./ListSection";
import { MoneyAttentionLists, MoneyCounts } from "../Budget/MoneyAttention";
import { useOverviewStyles } from "./Overview.styles";
import { followUpDate, useAttention } from "./useAttention";

export interface AttentionSectionProps {
  analysis: Analysis;
  onSelectRow: (sheet: string, row: number) => void;
}

/** Counts as badges, then the overdue/due-soon follow-ups and expired/expiring agreements. */
export function AttentionSection({ analysis, onSelectRow }: AttentionSectionProps): React.JSX.Element {
  const styles = useOverviewStyles();
  const strings = useStrings();
  const attention = useAttention(analysis);
  const headingId = useId("attention");
  const money = analysis.attention ?? [];
  const nothing =
    attention.overdue.length + attention.dueSoon.length + attention.expired.length + attention.expiring.length + money.length === 0;
  const dateText = useDateText();
  const today = analysis.today;
  const followUpMeta = (f: FollowUp) => [strings.followUpStatus[f.status], dateText(followUpDate(f), today), f.area].filter(isText).join(" · ");
  const agreementMeta = (a: Agreement) =>
    [strings.agreementStatus[a.status], a.validTo === null ? null : strings.validTo(dateText(a.validTo, today))].filter(isText).join(" · ");

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.h2}>
        {strings.attentionHeading}
      </h2>
      <ul className={styles.counts} aria-label={strings.countsLabel}>
        <CountBadge label={strings.countOverdue} count={attention.overdue.length} color="danger" />
        <CountBadge label={strings.countDueSoon} count={attention.dueSoon.length} color="warning" />
        <CountBadge label={strings.countExpired} count={attention.expired.length} color="danger" />
        <CountBadge label={strings.countExpiring} count={attention.expiring.length} color="warning" />
      </ul>
      {/* Budget tracking (issue 10): the money's own badges, where the workbook has funds. */}
      {analysis.attention !== undefined && analysis.funds.length > 0 ? <MoneyCounts items={money} /> : null}
      {nothing ? <p className={styles.text}>{strings.nothingToFollowUp}</p> : null}
      <MoneyAttentionLists items={money} onSelectRow={onSelectRow} />
      <RowList title={strings.listOverdue} items={attention.overdue} meta={followUpMeta} onSelectRow={onSelectRow} />
      <RowList title={strings.listDueSoon} items={attention.dueSoon} meta={followUpMeta} onSelectRow={onSelectRow} />
      <RowList title={strings.listExpired} items={attention.expired} meta={agreementMeta} onSelectRow={onSelectRow} />
      <RowList title={strings.listExpiring} items={attention.expiring} meta={agreementMeta} onSelectRow={onSelectRow} />
    </section>
  );
}

function CountBadge({ label, count, color }: { label: string; count: number; color: "danger" | "warning" }): React.JSX.Element {
  return (
    <li>
      <Badge appearance={count > 0 ? "filled" : "outline"} color={count > 0 ? color : "informative"} shape="rounded">
        {`${label}: ${count}`}
      </Badge>
    </li>
  );
}

function useDateText(): (date: string | null, today: string) => string {
  const strings = useStrings();
  return (date, today) => {
    if (date === null) return strings.noDate;
    const days = isIsoDate(date) && isIsoDate(today) ? daysBetween(today, date) : null;
    return days === null ? formatDate(date) : `${formatDate(date)} (${strings.relativeDays(days)})`;
  };
}

/** A row of the workbook shown in a list: a follow-up or an agreement. */
interface ListedRow {
  sheet: string;
  table: string;
  firstColumn: number;
  row: number;
  title: string;
}

interface ListProps<T extends ListedRow> {
  title: string;
  items: T[];
  /** The grey line under the title: status, dates. */
  meta: (item: T) => string;
  onSelectRow: (sheet: string, row: number) => void;
}

function RowList<T extends ListedRow>({ title, items, meta, onSelectRow }: ListProps<T>): React.JSX.Element | null {
  if (items.length === 0) return null;
  return (
    <ListSection title={title}>
      {items.map((x) => (
        <LinkedItem key={`${x.sheet}!${x.table}!${x.firstColumn}!${x.row}`} title={x.title} meta={meta(x)} sheet={x.sheet} row={x.row} onSelectRow={onSelectRow} />
      ))}
    </ListSection>
  );
}

function isText(s: string | null): s is string {
  return s !== null && s !== "";
}
