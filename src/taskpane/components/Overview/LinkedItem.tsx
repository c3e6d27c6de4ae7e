import * as React from "react";
import { useId } from "@fluentui/react-components";
import { GoToRowLink } from "./GoToRowLink";
import { useOverviewStyles } from "./Overview.styles";

export interface LinkedItemProps {
  /** The item's first line (bold). */
  title: string;
  /** The line under it (smaller). */
  meta: string;
  /** The row the item is about; no link when either is null. */
  sheet: string | null;
  row: number | null;
  onSelectRow: (sheet: string, row: number) => void;
  /** More under the link (e.g. the rows that make up a sum). */
  children?: React.ReactNode;
}

/** One item of a list that names a row: its title and line, and "Gå till rad" described by them. */
export function LinkedItem({ title, meta, sheet, row, onSelectRow, children }: LinkedItemProps): React.JSX.Element {
  const styles = useOverviewStyles();
  const descriptionId = useId("item");
  return (
    <li className={styles.item}>
      <span id={descriptionId}>
        <span className={styles.itemTitle}>{title}</span>
        <span className={styles.meta}>{meta}</span>
      </span>
      {sheet !== null && row !== null ? <GoToRowLink sheet={sheet} row={row} onSelectRow={onSelectRow} describedBy={descriptionId} /> : null}
      {children}
    </li>
  );
}
