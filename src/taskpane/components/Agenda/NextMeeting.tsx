import * as React from "react";
import { Button, Text, useId } from "@fluentui/react-components";
import { CalendarLtrRegular } from "@fluentui/react-icons";
import { buildAgenda } from "../../../domain/agenda/buildAgenda";
import { AGENDA_KINDS } from "../../../domain/agenda/classifyAgendaKind";
import { meetingDateLabel } from "../../../domain/agenda/formatAgenda";
import type { Analysis } from "../../../domain/types";
import { useStrings } from "../../i18n";
import { useNextMeetingStyles } from "./NextMeeting.styles";

export interface NextMeetingProps {
  analysis: Analysis;
  /** @default "SVOM" */
  forum?: string;
  /** Writes the agenda sheet; without it (the port cannot yet) the button is disabled and says why. */
  onOpenAgenda?: (forum: string, date: string) => void;
  busy?: boolean;
}

/** The card "Nästa möte": the forum's next meeting, what comes up there per kind, and the Mötesunderlag button. */
export function NextMeeting({
  analysis,
  forum = "SVOM",
  onOpenAgenda,
  busy = false,
}: NextMeetingProps): React.JSX.Element | null {
  const strings = useStrings();
  const styles = useNextMeetingStyles();
  const headingId = useId("next-meeting");
  const result = React.useMemo(
    () => buildAgenda(analysis, { forum }),
    [analysis, forum],
  );
  if (!analysis.tables.some((t) => t.kind === "balanslista")) return null;

  return (
    <section aria-labelledby={headingId} className={styles.card}>
      <h2 id={headingId} className={styles.heading}>
        <CalendarLtrRegular aria-hidden className={styles.icon} />
        {strings.nextMeetingHeading}
      </h2>
      {result.ok ? (
        <>
          <Text weight="semibold">
            {strings.nextMeetingOf(
              result.agenda.forum,
              meetingDateLabel(result.agenda.date),
            )}
          </Text>
          <ul className={styles.counts} aria-label={strings.nextMeetingHeading}>
            {AGENDA_KINDS.map((kind) => {
              const n = result.agenda.items.filter(
                (i) => i.kind === kind,
              ).length;
              return n === 0 ? null : (
                <li key={kind}>{strings.agendaKinds[kind](n)}</li>
              );
            })}
          </ul>
          <div>
            <Button
              appearance="primary"
              disabled={busy || onOpenAgenda === undefined}
              title={
                onOpenAgenda === undefined
                  ? strings.agendaButtonLater
                  : undefined
              }
              onClick={() =>
                onOpenAgenda?.(result.agenda.forum, result.agenda.date)
              }
            >
              {strings.agendaButton}
            </Button>
          </div>
        </>
      ) : (
        <Text>{strings.noNextMeeting(forum)}</Text>
      )}
    </section>
  );
}
