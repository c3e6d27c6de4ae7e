import * as React from "react";
import { useId } from "@fluentui/react-components";
import { useOverviewStyles } from "./Overview.styles";

export interface ListSectionProps {
  title: string;
  /** The list's items (`<li>`). */
  children: React.ReactNode;
}

/**
 * A titled list of the overview (follow-ups, agreements, money to watch, changes): a heading and
 * the list it names, so that a screen reader announces the list by its title.
 */
export function ListSection({ title, children }: ListSectionProps): React.JSX.Element {
  const styles = useOverviewStyles();
  const headingId = useId("list");
  return (
    <div className={styles.section}>
      <h3 id={headingId} className={styles.h3}>
        {title}
      </h3>
      <ul className={styles.list} aria-labelledby={headingId}>
        {children}
      </ul>
    </div>
  );
}
