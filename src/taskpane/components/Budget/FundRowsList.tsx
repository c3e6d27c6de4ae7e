import * as React from "react";
import { useId } from "@fluentui/react-components";
import type { FundRow } from "../../../domain/types";
import { formatKronor, useStrings, type Strings } from "../../i18n";
import { GoToRowLink } from "../Overview/GoToRowLink";
import { useOverviewStyles } from "../Overview/Overview.styles";

export interface FundRowsListProps {
  rows: FundRow[];
  /** Label of the list (e.g. the area or party it belongs to). */
  label: string;
  onSelectRow: (sheet: string, row: number) => void;
}

/** The report-back as words: "Återredovisad 2025-01-10", "Återredovisning försenad · senast 2024-12-31". */
export function reportWords(r: FundRow, strings: Strings): string | null {
  if (r.reportStatus === null) return null;
  const label = strings.reportStatus[r.reportStatus];
  if (r.reportStatus === "done") return r.reportedOn === null ? label : `${label} ${r.reportedOn}`;
  return r.reportDue === null ? label : `${label} · ${strings.reportDue(r.reportDue)}`;
}

/** Distribution rows: insats, responsible organisation, amount, used, report-back, and "Gå till rad". */
export function FundRowsList({ rows, label, onSelectRow }: FundRowsListProps): React.JSX.Element {
  const styles = useOverviewStyles();
  return (
    <ul className={styles.list} aria-label={label}>
      {rows.map((r) => (
        <FundRowItem key={`${r.sheet}!${r.table}!${r.firstColumn}!${r.row}`} row={r} onSelectRow={onSelectRow} />
      ))}
    </ul>
  );
}

function FundRowItem({ row, onSelectRow }: { row: FundRow; onSelectRow: (sheet: string, row: number) => void }): React.JSX.Element {
  const styles = useOverviewStyles();
  const strings = useStrings();
  const descriptionId = useId("fundrow");
  const money = [strings.rowAmount(formatKronor(row.amount)), row.used === null ? null : strings.rowUsed(formatKronor(row.used))]
    .filter((s): s is string => s !== null)
    .join(", ");
  const report = reportWords(row, strings);
  const overspent = row.used !== null && row.used.greaterThan(row.amount);
  return (
    <li className={styles.item}>
      <span id={descriptionId}>
        <span className={styles.itemTitle}>{row.title}</span>
        {row.responsible !== "" ? <span className={styles.meta}>{row.responsible}</span> : null}
        <span className={overspent ? styles.over : styles.meta}>{money}</span>
        {report !== null ? <span className={styles.meta}>{report}</span> : null}
      </span>
      <GoToRowLink sheet={row.sheet} row={row.row} onSelectRow={onSelectRow} describedBy={descriptionId} />
    </li>
  );
}
