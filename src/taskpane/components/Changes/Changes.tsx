import * as React from "react";
import { useId } from "@fluentui/react-components";
import { CHANGE_ORDER } from "../../../domain/sinceLastCheck";
import type { Change } from "../../../domain/checkRecord";
import type { AgreementStatus, Analysis, FollowUpStatus } from "../../../domain/types";
import { formatDate, useStrings, type Strings } from "../../i18n";
import { GoToRowLink } from "../Overview/GoToRowLink";
import { ListSection } from "../Overview/ListSection";
import { useOverviewStyles } from "../Overview/Overview.styles";

export interface ChangesProps {
  analysis: Analysis;
  onSelectRow: (sheet: string, row: number) => void;
}

/** A status as the pane names it (the two status sets share no value). */
function statusText(strings: Strings, status: FollowUpStatus | AgreementStatus | null): string | null {
  if (status === null) return null;
  return status in strings.followUpStatus ? strings.followUpStatus[status as FollowUpStatus] : strings.agreementStatus[status as AgreementStatus];
}

/**
 * "Sedan förra kontrollen" (issue 11): what changed since the check Kontrollera recorded before
 * today — newly overdue, expired agreements, newly done, new and removed rows. Nothing before the
 * first check.
 */
export function Changes({ analysis, onSelectRow }: ChangesProps): React.JSX.Element | null {
  const styles = useOverviewStyles();
  const strings = useStrings();
  const headingId = useId("changes");
  const since = analysis.since ?? null;
  if (since === null) return null;
  const changes = analysis.changes ?? [];
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.h2}>
        {strings.changesHeading(formatDate(since))}
      </h2>
      {changes.length === 0 ? <p className={styles.text}>{strings.noChanges(formatDate(since))}</p> : null}
      {CHANGE_ORDER.map((kind) => {
        const items = changes.filter((c) => c.kind === kind);
        return items.length === 0 ? null : <ChangeGroup key={kind} title={strings.changeKinds[kind](items.length)} items={items} onSelectRow={onSelectRow} />;
      })}
    </section>
  );
}

function ChangeGroup({ title, items, onSelectRow }: { title: string; items: Change[]; onSelectRow: (sheet: string, row: number) => void }): React.JSX.Element {
  const strings = useStrings();
  return (
    <ListSection title={title}>
      {items.map((c) => (
        <ChangeItem key={`${c.kind}!${c.sheet}!${c.table}!${c.row}!${c.title}`} change={c} meta={strings.statusChange(statusText(strings, c.from), statusText(strings, c.to))} onSelectRow={onSelectRow} />
      ))}
    </ListSection>
  );
}

function ChangeItem({ change, meta, onSelectRow }: { change: Change; meta: string; onSelectRow: (sheet: string, row: number) => void }): React.JSX.Element {
  const styles = useOverviewStyles();
  const descriptionId = useId("change");
  return (
    <li className={styles.item}>
      <span id={descriptionId}>
        <span className={styles.itemTitle}>{change.title}</span>
        <span className={styles.meta}>{meta}</span>
      </span>
      {/* A removed row is no longer there to go to. */}
      {change.kind === "removed" ? null : <GoToRowLink sheet={change.sheet} row={change.row} onSelectRow={onSelectRow} describedBy={descriptionId} />}
    </li>
  );
}
