import * as React from "react";
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, useId } from "@fluentui/react-components";
import type { FundRow, YearSummary } from "../../../domain/types";
import { formatKronor, useStrings } from "../../i18n";
import { areaLabel } from "../../../domain/reportText";
import { useOverviewStyles } from "../Overview/Overview.styles";
import { useBudgetStyles } from "./Budget.styles";
import { FundRowsList } from "./FundRowsList";

export interface RowsDrillDownProps {
  summary: YearSummary;
  onSelectRow: (sheet: string, row: number) => void;
}

interface Group {
  key: string;
  name: string;
  total: string;
  rows: FundRow[];
}

/** A year's areas and parties, each opening into the rows that make up its sum. */
export function RowsDrillDown({ summary, onSelectRow }: RowsDrillDownProps): React.JSX.Element | null {
  const strings = useStrings();
  const rows = summary.rows ?? [];
  if (rows.length === 0) return null;
  const areas: Group[] = summary.areas
    .map((a) => ({ key: a.area, name: areaLabel(a), total: formatKronor(a.distributed), rows: rows.filter((r) => r.area === a.area) }))
    .filter((g) => g.rows.length > 0);
  const parties: Group[] = summary.parties.map((p) => ({
    key: p.party,
    name: p.party,
    total: formatKronor(p.distributed),
    rows: rows.filter((r) => r.party === p.party),
  }));
  return (
    <>
      <GroupList heading={strings.drillAreas(summary.year)} groups={areas} onSelectRow={onSelectRow} />
      <GroupList heading={strings.drillParties(summary.year)} groups={parties} onSelectRow={onSelectRow} />
    </>
  );
}

function GroupList({ heading, groups, onSelectRow }: { heading: string; groups: Group[]; onSelectRow: (sheet: string, row: number) => void }): React.JSX.Element {
  const styles = useOverviewStyles();
  const budget = useBudgetStyles();
  const strings = useStrings();
  const headingId = useId("drill");
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h4 id={headingId} className={styles.h3}>
        {heading}
      </h4>
      <Accordion multiple collapsible>
        {groups.map((g) => (
          <AccordionItem key={g.key} value={g.key}>
            <AccordionHeader size="small" className={budget.header}>
              <span className={budget.headerText}>
                <span>{g.name}</span>
                <span className={styles.meta}>{`${g.total} · ${strings.insatser(g.rows.length)}`}</span>
              </span>
            </AccordionHeader>
            <AccordionPanel className={budget.panel}>
              <FundRowsList rows={g.rows} label={g.name} onSelectRow={onSelectRow} />
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </section>
  );
}
