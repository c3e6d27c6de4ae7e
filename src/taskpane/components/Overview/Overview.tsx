import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, useId } from "@fluentui/react-components";
import type { Analysis } from "../../../domain/types";
import { useStrings } from "../../i18n";
import { NextMeeting } from "../Agenda";
import { Changes } from "../Changes";
import { AttentionSection } from "./AttentionSection";
import { EmptyState } from "./EmptyState";
import { useOverviewStyles } from "./Overview.styles";
import { YearFunds } from "./YearFunds";
import { YearsOverview } from "../Budget/YearsOverview";

export interface OverviewProps {
  analysis: Analysis;
  /** An action is running: the template buttons are disabled. */
  busy: boolean;
  onSelectRow: (sheet: string, row: number) => void;
  onInsertTemplate: (withSample: boolean) => void;
  onShowProblems: () => void;
  /** Mötesunderlag (issue 14): writes the agenda sheet; absent where the workbook cannot. */
  onOpenAgenda?: ((forum: string, date: string) => void) | undefined;
}

/** The summary of one analysis: what needs attention, then the distribution per year. */
export function Overview({ analysis, busy, onSelectRow, onInsertTemplate, onShowProblems, onOpenAgenda }: OverviewProps): React.JSX.Element {
  const styles = useOverviewStyles();
  const strings = useStrings();
  const fundsHeadingId = useId("funds");

  if (analysis.tables.length === 0) {
    return <EmptyState busy={busy} onInsertTemplate={onInsertTemplate} />;
  }

  const years = [...analysis.funds].sort((a, b) => b.year - a.year);
  const problems = analysis.problems.length;

  return (
    <div className={styles.root}>
      {problems > 0 ? (
        <MessageBar intent="warning" layout="multiline" politeness="polite">
          <MessageBarBody>{strings.problemsFound(problems)}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={onShowProblems}>
              {strings.showProblems}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}

      <section className={styles.section} aria-labelledby={fundsHeadingId}>
        <h2 id={fundsHeadingId} className={styles.h2}>
          {strings.fundsHeading}
        </h2>
        {years.length === 0 ? <p className={styles.text}>{strings.noFunds}</p> : null}
        <YearsOverview funds={analysis.funds} />
        {years.map((y) => (
          <YearFunds key={y.year} summary={y} onSelectRow={onSelectRow} />
        ))}
      </section>

      <AttentionSection analysis={analysis} onSelectRow={onSelectRow} />

      <Changes analysis={analysis} onSelectRow={onSelectRow} />

      <NextMeeting analysis={analysis} busy={busy} {...(onOpenAgenda ? { onOpenAgenda } : {})} />
    </div>
  );
}
