import * as React from "react";
import { Badge } from "@fluentui/react-components";
import type { MoneyAttention, MoneyAttentionKind } from "../../../domain/types";
import { useLanguage, useStrings, type Strings } from "../../i18n";
import { inLanguage } from "../../../domain/messages";
import { LinkedItem } from "../Overview/LinkedItem";
import { ListSection } from "../Overview/ListSection";
import { useOverviewStyles } from "../Overview/Overview.styles";
import { FundRowsList } from "./FundRowsList";

const KINDS: { kind: MoneyAttentionKind; count: (s: Strings) => string; list: (s: Strings) => string; color: "danger" | "warning" }[] = [
  { kind: "imbalance", count: (s) => s.countImbalance, list: (s) => s.listImbalance, color: "danger" },
  { kind: "overspent", count: (s) => s.countOverspent, list: (s) => s.listOverspent, color: "danger" },
  { kind: "report-overdue", count: (s) => s.countReportOverdue, list: (s) => s.listReportOverdue, color: "danger" },
  { kind: "report-due-soon", count: (s) => s.countReportDueSoon, list: (s) => s.listReportDueSoon, color: "warning" },
];

/** The money badges: imbalances, overspent rows, report-backs overdue and due soon. */
export function MoneyCounts({ items }: { items: MoneyAttention[] }): React.JSX.Element {
  const styles = useOverviewStyles();
  const strings = useStrings();
  return (
    <ul className={styles.counts} aria-label={strings.moneyCountsLabel}>
      {KINDS.map((k) => {
        const n = items.filter((i) => i.kind === k.kind).length;
        return (
          <li key={k.kind}>
            <Badge appearance={n > 0 ? "filled" : "outline"} color={n > 0 ? k.color : "informative"} shape="rounded">
              {`${k.count(strings)}: ${n}`}
            </Badge>
          </li>
        );
      })}
    </ul>
  );
}

/** One list per kind; an imbalance shows the rows that make up the area's sum. */
export function MoneyAttentionLists({ items, onSelectRow }: { items: MoneyAttention[]; onSelectRow: (sheet: string, row: number) => void }): React.JSX.Element {
  const strings = useStrings();
  return (
    <>
      {KINDS.map((k) => (
        <KindList key={k.kind} title={k.list(strings)} items={items.filter((i) => i.kind === k.kind)} onSelectRow={onSelectRow} />
      ))}
    </>
  );
}

function KindList({ title, items, onSelectRow }: { title: string; items: MoneyAttention[]; onSelectRow: (sheet: string, row: number) => void }): React.JSX.Element | null {
  if (items.length === 0) return null;
  return (
    <ListSection title={title}>
      {items.map((item, i) => (
        <MoneyItem key={`${item.kind}!${item.year}!${item.area ?? ""}!${item.sheet ?? ""}!${item.row ?? i}`} item={item} onSelectRow={onSelectRow} />
      ))}
    </ListSection>
  );
}

function MoneyItem({ item, onSelectRow }: { item: MoneyAttention; onSelectRow: (sheet: string, row: number) => void }): React.JSX.Element {
  const styles = useOverviewStyles();
  const strings = useStrings();
  const language = useLanguage();
  const showRows = item.kind === "imbalance" && item.rows.length > 0;
  return (
    <LinkedItem title={item.title ?? String(item.year)} meta={inLanguage(language, item)} sheet={item.sheet} row={item.row} onSelectRow={onSelectRow}>
      {showRows ? (
        <>
          <span className={styles.meta}>{strings.rowsInSum(item.rows.length)}</span>
          <FundRowsList rows={item.rows} label={strings.rowsInSum(item.rows.length)} onSelectRow={onSelectRow} />
        </>
      ) : null}
    </LinkedItem>
  );
}
