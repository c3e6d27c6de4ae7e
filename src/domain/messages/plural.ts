/**
 * Singular and plural, chosen in one place: the plural category of `Intl.PluralRules` for
 * sv-SE or English ("one" for 1, "other" for 0, 2, 5, …), and the pair of forms to pick from.
 */

/** The two languages Balans speaks: Swedish first, English second. */
export type Lang = "sv" | "en";

/** A word in its singular (`one`) and plural (`other`) form: `{ one: "rad", other: "rader" }`. */
export interface Forms {
  one: string;
  other: string;
}

/** The BCP 47 locale of each language. */
const LOCALES: Record<Lang, { plural: string; number: string }> = { sv: { plural: "sv-SE", number: "sv-SE" }, en: { plural: "en", number: "en-US" } };

// Made on first use, not when the module loads: every command of the command line imports this
// module, and the two ICU objects cost several megabytes that `--help` never needs (issue 15).
const rules: Partial<Record<Lang, Intl.PluralRules>> = {};
const numbers: Partial<Record<Lang, Intl.NumberFormat>> = {};

/** The form of `forms` that goes with the number `n` in `lang`: 1 rad, 0/2 rader. */
export function pluralForm(lang: Lang, n: number, forms: Forms): string {
  const r = (rules[lang] ??= new Intl.PluralRules(LOCALES[lang].plural));
  return r.select(n) === "one" ? forms.one : forms.other;
}

/** `n` and the word in the form that goes with it: `countOf("sv", 2, { one: "rad", other: "rader" })` → "2 rader". */
export function countOf(lang: Lang, n: number, forms: Forms, shown: string = String(n)): string {
  return `${shown} ${pluralForm(lang, n, forms)}`;
}

/** A count as the pane shows it: "1 234" (no-break space) in Swedish, "1,234" in English. */
export function formatCount(lang: Lang, n: number): string {
  return (numbers[lang] ??= new Intl.NumberFormat(LOCALES[lang].number)).format(n);
}
