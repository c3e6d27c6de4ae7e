/**
 * The user's Balans settings: what they are, how a stored value is checked, and how they
 * become the engine's Options. Pure: no Office here (reading and writing the document's
 * settings is in settingsStore.ts), so the ribbon, the pane and the tests share it.
 */
import { DEFAULT_DUE_SOON_DAYS, DEFAULT_EXPIRING_DAYS, defaultOptions, todayIso } from "../domain";
import { localise } from "../domain/messages";
import { isIsoDate } from "../domain/isoDate";
import type { IsoDate, Options } from "../domain/types";

/** Key under which the settings are kept in the workbook (`Office.context.document.settings`). */
export const SETTINGS_KEY = "balans.settings";

export interface BalansSettings {
  /** The date to use as today, or null for the real date. @default null */
  todayOverride: IsoDate | null;
  /** Follow-ups due within this many days are `due-soon`. @default 30 */
  dueSoonDays: number;
  /** Agreements ending within this many days are `expiring`. @default 90 */
  expiringDays: number;
}

export const DEFAULT_SETTINGS: Readonly<BalansSettings> = Object.freeze({
  todayOverride: null,
  dueSoonDays: DEFAULT_DUE_SOON_DAYS,
  expiringDays: DEFAULT_EXPIRING_DAYS,
});

/** The first date Balans accepts as today: Excel's first date (serial 1 of the 1900 date system). */
export const FIRST_TODAY: IsoDate = "1900-01-01";

/** Largest number of days accepted for `dueSoonDays` and `expiringDays` (ten years). */
export const MAX_DAYS = 3650;

export type SettingsField = keyof BalansSettings;

/** A stored value that was not used; the default was used in its place. */
export interface SettingsProblem {
  field: SettingsField | null;
  /** Swedish message for the user. */
  message: string;
  /** English message. */
  messageEn: string;
}

export interface ParsedSettings {
  settings: BalansSettings;
  problems: SettingsProblem[];
}

/**
 * Whether `value` can be the date used as today: a real date `YYYY-MM-DD` (the domain's
 * {@link isIsoDate}, years 1–9999) that is also a date Excel can hold, from {@link FIRST_TODAY} on.
 * The settings, the pane's date field and the preview's `?today=` all use this one rule, so
 * that a date the pane accepts is never refused when the settings are read back.
 * @example isTodayOverride("1900-01-01") // true
 * @example isTodayOverride("1899-12-31") // false (a real date, but before Excel's first)
 */
export function isTodayOverride(value: unknown): value is IsoDate {
  return isIsoDate(value) && value >= FIRST_TODAY;
}

function isDayCount(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= MAX_DAYS;
}

/** A stored value that is not used: the value as stored, and the default used instead. */
function problem(field: SettingsField, value: unknown): SettingsProblem {
  const shown = JSON.stringify(value) ?? String(value);
  const fallback = JSON.stringify(DEFAULT_SETTINGS[field]);
  const text =
    field === "todayOverride"
      ? localise("settings.today-not-used", { value: shown, first: FIRST_TODAY, fallback })
      : localise("settings.days-not-used", { field, value: shown, max: MAX_DAYS, fallback });
  return { field, ...text };
}

const UNREADABLE = (): SettingsProblem => ({ field: null, ...localise("settings.unreadable") });

/**
 * Checks a stored settings value field by field. Missing fields take their default silently;
 * a field with a wrong value takes its default and is reported. Unknown fields are ignored.
 * Does not mutate its input.
 */
export function parseSettings(raw: unknown): ParsedSettings {
  const settings: BalansSettings = { ...DEFAULT_SETTINGS };
  const problems: SettingsProblem[] = [];
  if (raw === null || raw === undefined) return { settings, problems };
  if (typeof raw !== "object" || Array.isArray(raw)) {
    problems.push(UNREADABLE());
    return { settings, problems };
  }
  const obj = raw as Record<string, unknown>;

  if (obj.todayOverride !== undefined && obj.todayOverride !== null) {
    if (isTodayOverride(obj.todayOverride)) settings.todayOverride = obj.todayOverride;
    else problems.push(problem("todayOverride", obj.todayOverride));
  }
  for (const field of ["dueSoonDays", "expiringDays"] as const) {
    const value = obj[field];
    if (value === undefined) continue;
    if (isDayCount(value)) settings[field] = value;
    else problems.push(problem(field, value));
  }
  return { settings, problems };
}

/** Anything that can hand out stored values by name, such as `Office.context.document.settings`. */
export interface SettingsSource {
  get(name: string): unknown;
}

/**
 * Reads and checks the settings from `source` (in Office: `Office.context.document.settings`).
 * A source that throws counts as holding nothing, reported as a problem.
 */
export function loadSettings(source: SettingsSource | null | undefined): ParsedSettings {
  if (!source) return parseSettings(undefined);
  let raw: unknown;
  try {
    raw = source.get(SETTINGS_KEY);
  } catch {
    return {
      settings: { ...DEFAULT_SETTINGS },
      problems: [UNREADABLE()],
    };
  }
  // Older writers may have stored the object as JSON text.
  if (typeof raw === "string") {
    try {
      raw = JSON.parse(raw) as unknown;
    } catch {
      // Leave it as text: parseSettings reports it.
    }
  }
  return parseSettings(raw);
}

/** The engine's Options for these settings; `now` gives today when no date is set. */
export function toOptions(settings: BalansSettings, now: Date = new Date()): Options {
  const options = defaultOptions(settings.todayOverride ?? todayIso(now));
  return { ...options, dueSoonDays: settings.dueSoonDays, expiringDays: settings.expiringDays };
}

/** The plain object to store: only the known fields, checked first (throws on a wrong value). */
export function toStored(settings: BalansSettings): BalansSettings {
  const { settings: checked, problems } = parseSettings(settings);
  const first = problems[0];
  if (first) throw new RangeError(first.messageEn);
  return checked;
}

// ---------- the last ribbon command's result, for the task pane to show ----------

/** Storage key (browser localStorage, shared by the ribbon's function file and the pane). */
export const COMMAND_MESSAGE_KEY = "balans.lastCommand";

export type RibbonCommand = "kontrollera" | "summering" | "motesunderlag" | "infogaMall" | "infogaExempel";

export interface CommandMessage {
  command: RibbonCommand;
  ok: boolean;
  /** When the command finished, ISO 8601 timestamp. */
  at: string;
  /** Swedish message for the user. */
  message: string;
  /** English message. */
  messageEn: string;
  /** BalansError code, or null. */
  code: string | null;
}

const COMMANDS: readonly RibbonCommand[] = ["kontrollera", "summering", "motesunderlag", "infogaMall", "infogaExempel"];

/** Parses a stored command message; anything malformed gives null. */
export function parseCommandMessage(text: string | null | undefined): CommandMessage | null {
  if (!text) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof raw !== "object" || raw === null) return null;
  const o = raw as Record<string, unknown>;
  if (
    !COMMANDS.includes(o.command as RibbonCommand) ||
    typeof o.ok !== "boolean" ||
    typeof o.at !== "string" ||
    typeof o.message !== "string" ||
    typeof o.messageEn !== "string" ||
    !(o.code === null || typeof o.code === "string")
  ) {
    return null;
  }
  return {
    command: o.command as RibbonCommand,
    ok: o.ok,
    at: o.at,
    message: o.message,
    messageEn: o.messageEn,
    code: o.code,
  };
}
