import * as React from "react";
import { Link } from "@fluentui/react-components";
import { useStrings } from "../../i18n";
import { useOverviewStyles } from "./Overview.styles";

export interface GoToRowLinkProps {
  sheet: string;
  row: number;
  onSelectRow: (sheet: string, row: number) => void;
  /** Id of the text that describes the item (read after the link's name). */
  describedBy?: string;
}

/** "Gå till rad 12 på Balanslista": selects that row in the workbook. */
export function GoToRowLink({ sheet, row, onSelectRow, describedBy }: GoToRowLinkProps): React.JSX.Element {
  const strings = useStrings();
  const styles = useOverviewStyles();
  return (
    <Link
      as="button"
      className={styles.link}
      aria-describedby={describedBy}
      onClick={() => onSelectRow(sheet, row)}
    >
      {strings.goToRow(row, sheet)}
    </Link>
  );
}
