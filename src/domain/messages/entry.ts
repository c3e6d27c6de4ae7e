/** The shape of a catalogue entry: Swedish and English, each a text or a function of typed parameters. */

/** A text, or a function of the entry's parameters that gives it. */
export type Phrase = string | ((params: never) => string);

export interface Entry {
  readonly sv: Phrase;
  readonly en: Phrase;
}

/** A message in both languages, as Balans's problems and errors carry it. */
export interface Localised {
  /** Swedish. */
  message: string;
  /** English. */
  messageEn: string;
}

/** An entry whose Swedish and English take the same parameters `P` (typed once, for both). */
export const entry = <P>(sv: (p: P) => string, en: (p: P) => string): { sv: (p: P) => string; en: (p: P) => string } => ({ sv, en });

/** A message as a full sentence, so that another can follow it. */
export function sentence(message: string): string {
  const m = message.trim();
  return /[.!?…]$/u.test(m) ? m : `${m}.`;
}

/** The text of `text` in `lang`: English when asked for and written, else Swedish. */
export function inLanguage(lang: "sv" | "en", text: Localised): string {
  return lang === "en" && text.messageEn !== "" ? text.messageEn : text.message;
}
