/**
 * The settings form's state: what the user typed that is not (yet) valid, and the validated
 * options handed on. Only valid options ever leave this hook.
 */
import * as React from "react";
import { isTodayOverride, MAX_DAYS } from "../../../app/settings";
import { todayIso } from "../../../domain";
import type { Options } from "../../../domain/types";

/** Allowed range of the due-soon window, in days (as the settings store accepts). */
export const DUE_SOON_RANGE = { min: 0, max: MAX_DAYS } as const;
/** Allowed range of the expiring window, in days (as the settings store accepts). */
export const EXPIRING_RANGE = { min: 0, max: MAX_DAYS } as const;

export type WindowField = "dueSoonDays" | "expiringDays";

export interface SpinChange {
  value?: number | null | undefined;
  displayValue?: string | undefined;
}

export interface SettingsState {
  dateDraft: string;
  dateValid: boolean;
  /** Text the user typed that is not a valid number of days, per field. */
  invalidText: Record<WindowField, string | null>;
  changeDate: (value: string) => void;
  resetDate: () => void;
  changeWindow: (field: WindowField, data: SpinChange) => void;
}

/** Parses what a SpinButton reports: a stepped number, or the text typed into it. */
export function parseDays(data: SpinChange, range: { min: number; max: number }): number | null {
  let n: number;
  if (typeof data.value === "number") {
    n = data.value;
  } else {
    const text = (data.displayValue ?? "").trim();
    if (!/^\d+$/.test(text)) return null;
    n = Number(text);
  }
  return Number.isInteger(n) && n >= range.min && n <= range.max ? n : null;
}

/**
 * The ISO date in what the user typed, in Swedish order: `2025-03-07`, also `2025-3-7` and
 * `20250307`; null when it is no real date or lies before 1900-01-01 (the settings' rule,
 * isTodayOverride, so that what the field accepts is never refused when the settings are read).
 */
export function normaliseDateInput(text: string): string | null {
  const t = text.trim();
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
  return isTodayOverride(iso) ? iso : null;
}

export function useSettings(options: Options, onChange: (options: Options) => void): SettingsState {
  const [dateDraft, setDateDraft] = React.useState(options.today);
  const [invalidText, setInvalidText] = React.useState<Record<WindowField, string | null>>({
    dueSoonDays: null,
    expiringDays: null,
  });

  // Follow a date that changes from outside (adjusting state while rendering, as React advises).
  const [shownToday, setShownToday] = React.useState(options.today);
  if (shownToday !== options.today) {
    setShownToday(options.today);
    setDateDraft(options.today);
  }

  const changeDate = (value: string): void => {
    setDateDraft(value);
    const iso = normaliseDateInput(value);
    if (iso !== null && iso !== options.today) onChange({ ...options, today: iso });
  };

  const resetDate = (): void => {
    const today = todayIso();
    setDateDraft(today);
    if (today !== options.today) onChange({ ...options, today });
  };

  const changeWindow = (field: WindowField, data: SpinChange): void => {
    const range = field === "dueSoonDays" ? DUE_SOON_RANGE : EXPIRING_RANGE;
    const days = parseDays(data, range);
    if (days === null) {
      const typed = data.displayValue ?? (data.value === null || data.value === undefined ? "" : String(data.value));
      setInvalidText((t) => ({ ...t, [field]: typed }));
      return;
    }
    setInvalidText((t) => ({ ...t, [field]: null }));
    if (days !== options[field]) onChange({ ...options, [field]: days });
  };

  const dateValid = normaliseDateInput(dateDraft) !== null;
  return { dateDraft, dateValid, invalidText, changeDate, resetDate, changeWindow };
}
