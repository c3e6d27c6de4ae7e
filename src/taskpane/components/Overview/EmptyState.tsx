import * as React from "react";
import { Button, useId } from "@fluentui/react-components";
import { TableAddRegular } from "@fluentui/react-icons";
import { TABLE_SCHEMAS, type TableSchema } from "../../../domain/tableSchemas";
import { useStrings } from "../../i18n";
import { useOverviewStyles } from "./Overview.styles";

export interface EmptyStateProps {
  busy: boolean;
  onInsertTemplate: (withSample: boolean) => void;
}

/** No recognised tables: which headers Balans looks for, and the template to start from. */
export function EmptyState({ busy, onInsertTemplate }: EmptyStateProps): React.JSX.Element {
  const styles = useOverviewStyles();
  const strings = useStrings();
  const headingId = useId("empty");
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.h2}>
        {strings.emptyTitle}
      </h2>
      <p className={styles.text}>{strings.emptyIntro}</p>
      <ul className={styles.headerList}>
        {TABLE_SCHEMAS.map((schema) => (
          <li key={schema.kind}>
            <strong>{strings.tableNames[schema.kind]}:</strong> {requiredHeaders(schema)}
          </li>
        ))}
      </ul>
      <p className={styles.text}>{strings.emptyOutro}</p>
      <div className={styles.buttons}>
        <Button appearance="primary" icon={<TableAddRegular />} disabled={busy} onClick={() => onInsertTemplate(false)}>
          {strings.insertEmpty}
        </Button>
        <Button icon={<TableAddRegular />} disabled={busy} onClick={() => onInsertTemplate(true)}>
          {strings.insertSample}
        </Button>
      </div>
    </section>
  );
}

/** The headers a table must have to be recognised (each field's usual spelling). */
function requiredHeaders(schema: TableSchema): string {
  return schema.fields
    .filter((field) => field.key_)
    .map((field) => field.headers[0] ?? field.key)
    .join(", ");
}
