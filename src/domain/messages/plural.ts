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

const RULES: Record<Lang, Intl.PluralRules> = {
  sv: new Intl.PluralRules("sv-SE"),
  en: new Intl.PluralRules("en"),
};

/** The form of `forms` that goes with the number `n` in `lang`: 1 rad, 0/2 rader. */
export function pluralForm(lang: Lang, n: number, forms: Forms): string {
  return RULES[lang].select(n) === "one" ? forms.one : forms.other;
}

/** `n` and the word in the form that goes with it: `countOf("sv", 2, { one: "rad", other: "rader" })` → "2 rader". */
export function countOf(lang: Lang, n: number, forms: Forms, shown: string = String(n)): string {
  return `${shown} ${pluralForm(lang, n, forms)}`;
}

const NUMBERS: Record<Lang, Intl.NumberFormat> = {
  sv: new Intl.NumberFormat("sv-SE"),
  en: new Intl.NumberFormat("en-US"),
};

/** A count as the pane shows it: "1 234" (no-break space) in Swedish, "1,234" in English. */
export function formatCount(lang: Lang, n: number): string {
  return NUMBERS[lang].format(n);
}
