/**
 * The two languages Balans speaks, and how one is chosen from a language tag. One rule for the
 * task pane, the preview and the ribbon's messages.
 */

/** Swedish (the default) or English. */
export type Language = "sv" | "en";

/**
 * The language for a BCP 47 tag such as Office's `displayLanguage`: any English tag ("en",
 * "en-US", "en-GB", "EN_gb") → en; Swedish ("sv", "sv-SE", "sv-FI"), anything else or nothing →
 * sv (Balans is written for Swedish public-sector staff).
 * @example pickLanguage("en-GB") // "en"
 * @example pickLanguage("fi-FI") // "sv"
 */
export function pickLanguage(tag: string | null | undefined): Language {
  const primary = (tag ?? "").trim().toLowerCase().split(/[-_]/)[0];
  return primary === "en" ? "en" : "sv";
}
