import * as React from "react";
import { mergeClasses, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, useId } from "@fluentui/react-components";
import type Decimal from "decimal.js";
import type { YearSummary } from "../../../domain/types";
import { formatKronor, useStrings } from "../../i18n";
import { useOverviewStyles } from "../Overview/Overview.styles";
import { useBudgetStyles } from "./Budget.styles";

export interface YearsOverviewProps {
  /** Every year of the workbook (any order; shown oldest first, side by side). */
  funds: YearSummary[];
}

const amount = (d: Decimal | null | undefined, missing: string) => (d === null || d === undefined ? missing : formatKronor(d));

/** Every year side by side (allocated, distributed, paid, used, remaining) and a bar chart across the years. */
export function YearsOverview({ funds }: YearsOverviewProps): React.JSX.Element | null {
  const styles = useOverviewStyles();
  const budget = useBudgetStyles();
  const strings = useStrings();
  const headingId = useId("years");
  if (funds.length === 0) return null;
  const years = [...funds].sort((a, b) => a.year - b.year);
  const measures: { label: string; pick: (y: YearSummary) => Decimal | null | undefined }[] = [
    { label: strings.colAllocated, pick: (y) => y.total.allocated },
    { label: strings.colDistributed, pick: (y) => y.total.distributed },
    { label: strings.colPaid, pick: (y) => y.total.paid },
    { label: strings.colUsed, pick: (y) => y.total.used },
    { label: strings.colRemaining, pick: (y) => y.total.remaining },
  ];
  const max = Math.max(1, ...years.map((y) => y.total.distributed.toNumber()), ...years.map((y) => y.total.used?.toNumber() ?? 0));
  const width = (d: Decimal | null | undefined) => `${Math.max(0, Math.round(((d?.toNumber() ?? 0) / max) * 100))}%`;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.h3}>
        {strings.yearsHeading}
      </h3>
      <div className={styles.tableScroll} role="region" aria-label={strings.yearsCaption} tabIndex={0}>
        <Table size="extra-small" className={styles.table} aria-label={strings.yearsCaption}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.cell}>{""}</TableHeaderCell>
              {years.map((y) => (
                <TableHeaderCell key={y.year} className={styles.cell} button={{ className: styles.numHeader }}>
                  {String(y.year)}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {measures.map((m) => (
              <TableRow key={m.label}>
                <TableCell className={styles.cell}>{m.label}</TableCell>
                {years.map((y) => (
                  <TableCell key={y.year} className={mergeClasses(styles.cell, styles.num)}>
                    {amount(m.pick(y), strings.missing)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <figure className={budget.chart} aria-label={strings.chartCaption}>
        <figcaption className={budget.caption}>{strings.chartCaption}</figcaption>
        {years.map((y) => (
          <div key={y.year} className={budget.chartYear}>
            <span>{y.year}</span>
            <span className={budget.bars}>
              <span
                role="img"
                aria-label={strings.chartBar(strings.colDistributed, y.year, formatKronor(y.total.distributed))}
                className={mergeClasses(budget.bar, budget.barDistributed)}
                style={{ width: width(y.total.distributed) }}
              />
              {y.total.used !== null && y.total.used !== undefined ? (
                <span
                  role="img"
                  aria-label={strings.chartBar(strings.colUsed, y.year, formatKronor(y.total.used))}
                  className={mergeClasses(budget.bar, budget.barUsed)}
                  style={{ width: width(y.total.used) }}
                />
              ) : null}
            </span>
          </div>
        ))}
        <div className={budget.legend} aria-hidden="true">
          <span>
            <span className={mergeClasses(budget.swatch, budget.barDistributed)} />
            {strings.colDistributed}
          </span>
          <span>
            <span className={mergeClasses(budget.swatch, budget.barUsed)} />
            {strings.colUsed}
          </span>
        </div>
      </figure>
    </section>
  );
}
