/** What the preview's address sets: `?today=YYYY-MM-DD` and `?lang=sv|en`. */
import { defaultOptions, todayIso } from "../domain";
import type { Options } from "../domain/types";
import { isTodayOverride } from "../app/settings";
import { type Language, pickPreviewLanguage } from "../taskpane/i18n";

/**
 * The sample workbook's own date: its follow-ups and agreements were written for the meetings
 * of autumn 2024, so it is shown as it looked then (at today's date every 2024 milestone would
 * be overdue "1 158 days ago").
 */
export const SAMPLE_TODAY = "2024-11-15";

/** Where the date used as today comes from. */
export type TodaySource =
  /** `?today=` in the address (it wins). */
  | "query"
  /** The sample's own date, SAMPLE_TODAY (the default for the sample workbook). */
  | "sample"
  /** The real date (a bad `?today=`, or after the user switched to today). */
  | "real";

export interface PreviewParams {
  language: Language;
  /** The options the pane starts with: `today` from `?today=`, else the sample's own date, else the real date. */
  options: Options;
  /** `?today=` as given, when it was set. */
  today: string | null;
  /** True when `?today=` was set but is not a real `YYYY-MM-DD` date (then the real date is used). */
  badToday: boolean;
  todaySource: TodaySource;
  /** The real date today, `YYYY-MM-DD` (for the switch to today). */
  realToday: string;
}

export function previewParams(search: string, navigatorLanguage: string | undefined, now?: Date): PreviewParams {
  const query = new URLSearchParams(search);
  const raw = query.get("today");
  const today = raw === null ? null : raw.trim();
  const valid = today !== null && isTodayOverride(today);
  const realToday = todayIso(now);
  const todaySource: TodaySource = valid ? "query" : today !== null ? "real" : "sample";
  const options = defaultOptions(valid ? today : todaySource === "sample" ? SAMPLE_TODAY : realToday);
  return {
    language: pickPreviewLanguage(search, navigatorLanguage),
    options,
    today,
    badToday: today !== null && !valid,
    todaySource,
    realToday,
  };
}
