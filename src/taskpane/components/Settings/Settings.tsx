import * as React from "react";
import { Button, Field, Input, SpinButton, useId } from "@fluentui/react-components";
import { CalendarTodayRegular } from "@fluentui/react-icons";
import type { Options } from "../../../domain/types";
import { type Language, useLanguage, useStrings } from "../../i18n";
import { useSettingsStyles } from "./Settings.styles";
import { DUE_SOON_RANGE, EXPIRING_RANGE, normaliseDateInput, useSettings, type SettingsState, type WindowField } from "./useSettings";

export interface SettingsProps {
  options: Options;
  /** Called with every valid change (never with an invalid date or window). */
  onChange: (options: Options) => void;
}

/** An ISO date in words: "fredag 15 november 2024" in Swedish, "Friday, 15 November 2024" in English. */
export function dateInWords(iso: string, language: Language): string {
  const [y, m, d] = iso.split("-").map(Number);
  const format = new Intl.DateTimeFormat(language === "en" ? "en-GB" : "sv-SE", { dateStyle: "full", timeZone: "UTC" });
  return format.format(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/** The date used as today, the two windows, and how the parties table works. */
export function Settings({ options, onChange }: SettingsProps): React.JSX.Element {
  const styles = useSettingsStyles();
  const strings = useStrings();
  const s = useSettings(options, onChange);
  const headingId = useId("settings");
  const partiesId = useId("parties");
  const dateWordsId = useId("date-words");
  const language = useLanguage();

  return (
    <div className={styles.root}>
      <section className={styles.section} aria-labelledby={headingId}>
        <h2 id={headingId} className={styles.h2}>
          {strings.settingsHeading}
        </h2>

        <div className={styles.dateRow}>
          <Field
            label={strings.todayLabel}
            hint={strings.todayHint}
            {...(s.dateValid ? {} : { validationState: "error" as const, validationMessage: strings.todayInvalid })}
          >
            {/* A text field, not type="date": a native date control shows the browser's or the
                system's order (US order in many an Excel), whatever the pane's language. */}
            <Input
              className={styles.date}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              spellCheck={false}
              maxLength={10}
              placeholder={strings.todayPlaceholder}
              value={s.dateDraft}
              onChange={(_e, data) => s.changeDate(data.value)}
              aria-describedby={s.dateValid ? dateWordsId : undefined}
            />
          </Field>
          {s.dateValid ? (
            <span id={dateWordsId} className={styles.text}>
              {dateInWords(normaliseDateInput(s.dateDraft) ?? s.dateDraft, language)}
            </span>
          ) : null}
          <Button icon={<CalendarTodayRegular />} onClick={s.resetDate}>
            {strings.resetToday}
          </Button>
        </div>

        <DaysField field="dueSoonDays" label={strings.dueSoonLabel} hint={strings.dueSoonHint} range={DUE_SOON_RANGE} value={options.dueSoonDays} settings={s} />
        <DaysField field="expiringDays" label={strings.expiringLabel} hint={strings.expiringHint} range={EXPIRING_RANGE} value={options.expiringDays} settings={s} />
      </section>

      <section className={styles.section} aria-labelledby={partiesId}>
        <h3 id={partiesId} className={styles.h3}>
          {strings.partiesHeading}
        </h3>
        <p className={styles.text}>{strings.partiesText}</p>
        <p className={styles.text}>{strings.partiesAliasText}</p>
      </section>
    </div>
  );
}

interface DaysFieldProps {
  field: WindowField;
  label: string;
  hint: string;
  range: { min: number; max: number };
  value: number;
  settings: SettingsState;
}

/** One of the two windows (days): a spin button, with the text typed kept and explained while it is not a valid number. */
function DaysField({ field, label, hint, range, value, settings }: DaysFieldProps): React.JSX.Element {
  const styles = useSettingsStyles();
  const strings = useStrings();
  const invalid = settings.invalidText[field];
  return (
    <Field
      label={label}
      hint={hint}
      {...(invalid === null ? {} : { validationState: "error" as const, validationMessage: strings.daysInvalid(range.min, range.max) })}
    >
      <SpinButton
        className={styles.spin}
        value={value}
        min={range.min}
        max={range.max}
        {...(invalid === null ? {} : { displayValue: invalid })}
        onChange={(_e, data) => settings.changeWindow(field, data)}
      />
    </Field>
  );
}
