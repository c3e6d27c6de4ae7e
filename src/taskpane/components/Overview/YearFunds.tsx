import * as React from "react";
import {
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  useId,
} from "@fluentui/react-components";
import type Decimal from "decimal.js";
import type { AreaSummary, YearSummary } from "../../../domain/types";
import { formatKronor, type Strings, useStrings } from "../../i18n";
import { RowsDrillDown } from "../Budget/RowsDrillDown";
import { useOverviewStyles } from "./Overview.styles";

export interface YearFundsProps {
  summary: YearSummary;
  /** With it, each area and party opens into its rows, each with "Gå till rad". */
  onSelectRow?: (sheet: string, row: number) => void;
}

/** One year's distribution: totals, the areas table and the sums per party. */
export function YearFunds({ summary, onSelectRow }: YearFundsProps): React.JSX.Element {
  const styles = useOverviewStyles();
  const strings = useStrings();
  const headingId = useId("year");
  const { total } = summary;
  // Budget tracking (issue 10): Förbrukat and Kvar beside a year that has a Förbrukat column.
  const tracked = (total.used ?? null) !== null;
  const usageHeaders = tracked ? [strings.colUsed, strings.colRemaining] : [];
  const usageCells = (u: { used?: Decimal | null; remaining?: Decimal | null }) =>
    tracked
      ? [u.used ?? null, u.remaining ?? null].map((d, i) => (
          <TableCell key={i} className={mergeClasses(styles.cell, styles.num, d !== null && d.isNegative() ? styles.over : undefined)}>
            {d === null ? strings.missing : formatKronor(d)}
          </TableCell>
        ))
      : null;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.h3}>
        {strings.fundsYear(summary.year)}
      </h3>
      <dl className={styles.totals}>
        <dt className={styles.dt}>{strings.totalAllocated}</dt>
        <dd className={styles.dd}>{total.allocated === null ? strings.missing : formatKronor(total.allocated)}</dd>
        <dt className={styles.dt}>{strings.totalDistributed}</dt>
        <dd className={styles.dd}>{formatKronor(total.distributed)}</dd>
        <dt className={styles.dt}>{strings.totalDifference}</dt>
        <dd className={mergeClasses(styles.dd, differenceClass(total.difference, styles))}>
          {describeDifference(total.difference, strings)}
        </dd>
      </dl>

      {summary.areas.length > 0 ? (
        <SumsTable caption={strings.areasCaption(summary.year)} first={strings.colArea} numbers={[strings.colAllocated, strings.colDistributed, strings.colDifference, ...usageHeaders]}>
              {summary.areas.map((a) => (
                <TableRow key={a.area}>
                  <TableCell className={mergeClasses(styles.cell, styles.areaCell)}>
                    {/* Long area names are cut to two lines; the whole name is the tooltip. */}
                    <span className={styles.areaName} title={areaLabel(a)}>
                      {areaLabel(a)}
                    </span>
                  </TableCell>
                  <TableCell className={mergeClasses(styles.cell, styles.num)}>
                    {a.allocated === null ? strings.missing : formatKronor(a.allocated)}
                  </TableCell>
                  <TableCell className={mergeClasses(styles.cell, styles.num)}>{formatKronor(a.distributed)}</TableCell>
                  <TableCell className={mergeClasses(styles.cell, styles.num, differenceClass(a.difference, styles))}>
                    {a.difference === null ? strings.missing : formatKronor(a.difference)}
                  </TableCell>
                  {usageCells(a)}
                </TableRow>
              ))}
        </SumsTable>
      ) : null}

      {summary.parties.length > 0 ? (
        <SumsTable caption={strings.partiesCaption(summary.year)} first={strings.colParty} numbers={[strings.colDistributed, ...usageHeaders]}>
              {summary.parties.map((p) => (
                <TableRow key={p.party}>
                  <TableCell className={mergeClasses(styles.cell, styles.areaCell)}>{p.party}</TableCell>
                  <TableCell className={mergeClasses(styles.cell, styles.num)}>{formatKronor(p.distributed)}</TableCell>
                  {usageCells(p)}
                </TableRow>
              ))}
        </SumsTable>
      ) : null}

      {onSelectRow ? <RowsDrillDown summary={summary} onSelectRow={onSelectRow} /> : null}
    </section>
  );
}

/** A table of sums under its caption: the first column's header, then the amounts' (right-aligned); the rows are the children. */
function SumsTable({ caption, first, numbers, children }: { caption: string; first: string; numbers: string[]; children: React.ReactNode }): React.JSX.Element {
  const styles = useOverviewStyles();
  return (
    <ScrollRegion label={caption}>
      <Table size="extra-small" className={styles.table} aria-label={caption}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.cell}>{first}</TableHeaderCell>
            {numbers.map((h) => (
              <TableHeaderCell key={h} className={styles.cell} button={{ className: styles.numHeader }}>
                {h}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>{children}</TableBody>
      </Table>
    </ScrollRegion>
  );
}

/**
 * Lets a table scroll sideways in a very narrow pane; focusable so that the keyboard can
 * scroll it too.
 */
function ScrollRegion({ label, children }: { label: string; children: React.ReactNode }): React.JSX.Element {
  const styles = useOverviewStyles();
  return (
    <div className={styles.tableScroll} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

/** "1. Name" when the key is the area's number, else its name or key. */
export function areaLabel(a: AreaSummary): string {
  if (a.name === null) return a.area;
  return /^\d+$/.test(a.area) && !a.name.startsWith(a.area) ? `${a.area}. ${a.name}` : a.name;
}

/** distributed − allocated as words: "−1 kr ofördelat", "1 kr för mycket", "0 kr – i balans". */
export function describeDifference(difference: Decimal | null, strings: Strings): string {
  if (difference === null) return strings.missing;
  if (difference.isZero()) return strings.balanced;
  const amount = formatKronor(difference);
  return difference.isNegative() ? strings.unallocated(amount) : strings.overAllocated(amount);
}

function differenceClass(difference: Decimal | null, styles: ReturnType<typeof useOverviewStyles>): string | undefined {
  if (difference === null) return undefined;
  if (difference.isZero()) return styles.ok;
  return difference.isNegative() ? styles.under : styles.over;
}
