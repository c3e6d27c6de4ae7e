import { pickLanguage, type Language } from "../../domain/language";

/** The two languages the pane speaks, and the one rule that picks one (src/domain/language.ts). */
export { pickLanguage, type Language };

/**
 * The language of the in-page preview (no Office host): `?lang=en` / `?lang=sv` in the
 * query string wins, else the browser's language.
 */
export function pickPreviewLanguage(search: string, navigatorLanguage: string | undefined): Language {
  const requested = new URLSearchParams(search).get("lang");
  return pickLanguage(requested ?? navigatorLanguage);
}
