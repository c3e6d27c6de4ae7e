import * as React from "react";
import { useId } from "@fluentui/react-components";
import type { Problem } from "../../../domain/types";
import { useLanguage, useStrings } from "../../i18n";
import { inLanguage } from "../../../domain/messages";
import { LinkedItem } from "./LinkedItem";
import { useOverviewStyles } from "./Overview.styles";

export interface ProblemListProps {
  problems: Problem[];
  onSelectRow: (sheet: string, row: number) => void;
}

/** The problems the engine found; those on a row link to that row. */
export function ProblemList({ problems, onSelectRow }: ProblemListProps): React.JSX.Element {
  const styles = useOverviewStyles();
  const strings = useStrings();
  const headingId = useId("problems");
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.h2}>
        {strings.problemsHeading}
      </h2>
      {problems.length === 0 ? (
        <p className={styles.text}>{strings.noProblems}</p>
      ) : (
        <ul className={styles.list} aria-labelledby={headingId}>
          {problems.map((p, i) => (
            <ProblemItem key={i} problem={p} onSelectRow={onSelectRow} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ProblemItem({ problem, onSelectRow }: { problem: Problem; onSelectRow: (sheet: string, row: number) => void }): React.JSX.Element {
  const strings = useStrings();
  const language = useLanguage();
  return (
    <LinkedItem
      title={inLanguage(language, problem)}
      meta={strings.problemLocation(problem)}
      sheet={problem.sheet}
      row={problem.row}
      onSelectRow={onSelectRow}
    />
  );
}
