/** The two languages the pane speaks. Swedish is the default. */
export type Language = "sv" | "en";

/**
 * Chooses the pane's language from a BCP 47 tag such as Office's `displayLanguage`.
 * Swedish ("sv", "sv-SE", "sv-FI") → sv; any English tag ("en", "en-US", "en-GB") → en;
 * anything else or nothing → sv (the add-in is written for Swedish public-sector staff).
 */
export function pickLanguage(displayLanguage: string | undefined): Language {
  const primary = (displayLanguage ?? "").trim().toLowerCase().split(/[-_]/)[0];
  return primary === "en" ? "en" : "sv";
}

/**
 * The language of the in-page preview (no Office host): `?lang=en` / `?lang=sv` in the
 * query string wins, else the browser's language.
 */
export function pickPreviewLanguage(search: string, navigatorLanguage: string | undefined): Language {
  const requested = new URLSearchParams(search).get("lang");
  return pickLanguage(requested ?? navigatorLanguage);
}
