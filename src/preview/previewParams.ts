/** What the preview's address sets: `?today=YYYY-MM-DD` and `?lang=sv|en`. */
import { defaultOptions, todayIso } from "../domain";
import type { Options } from "../domain/types";
import { isIsoDate, type Language, pickPreviewLanguage } from "../taskpane/i18n";

export interface PreviewParams {
  language: Language;
  /** The options the pane starts with; `today` from `?today=` when it is a real date. */
  options: Options;
  /** `?today=` as given, when it was set. */
  today: string | null;
  /** True when `?today=` was set but is not a real `YYYY-MM-DD` date (then the real date is used). */
  badToday: boolean;
}

export function previewParams(search: string, navigatorLanguage: string | undefined, now?: Date): PreviewParams {
  const query = new URLSearchParams(search);
  const raw = query.get("today");
  const today = raw === null ? null : raw.trim();
  const valid = today !== null && isIsoDate(today);
  const options = valid ? defaultOptions(today) : defaultOptions(todayIso(now));
  return {
    language: pickPreviewLanguage(search, navigatorLanguage),
    options,
    today,
    badToday: today !== null && !valid,
  };
}

