/**
 * The task pane's counted sentences (its `Strings` take them from here): each chooses singular
 * or plural with {@link pluralForm} and writes the number in the language's format.
 */
import { entry, type Entry } from "./entry";
import { formatCount, pluralForm, type Forms, type Lang } from "./plural";

type Count = { n: number };

/** "1 234 rader": the count in the pane's number format, then the word in its form. */
const counted = (lang: Lang, n: number, forms: Forms) => `${formatCount(lang, n)} ${pluralForm(lang, n, forms)}`;
/** "Nya rader (1 234)": the word in its form, then the count in brackets. */
const headed = (lang: Lang, n: number, forms: Forms) => `${pluralForm(lang, n, forms)} (${formatCount(lang, n)})`;
/** An entry of {@link headed} words: the Swedish forms, then the English. */
const headedCount = (sv: Forms, en: Forms) => entry<Count>((p) => headed("sv", p.n, sv), (p) => headed("en", p.n, en));

export const paneMessages = {
  "pane.check-done": entry<Count>(
    (p) => (p.n === 0 ? "Kontrollen är klar: inga statuskolumner att uppdatera." : `Kontrollen är klar: ${counted("sv", p.n, { one: "statuskolumn uppdaterad", other: "statuskolumner uppdaterade" })}.`),
    (p) => (p.n === 0 ? "Check complete: no status columns to update." : `Check complete: ${counted("en", p.n, { one: "status column", other: "status columns" })} updated.`),
  ),
  "pane.problems-found": entry<Count>(
    (p) => `${counted("sv", p.n, { one: "problem", other: "problem" })} i arbetsboken kan påverka resultatet.`,
    (p) => `${counted("en", p.n, { one: "problem", other: "problems" })} in the workbook may affect the results.`,
  ),
  "pane.change.newly-overdue": headedCount({ one: "Blev försenad", other: "Blev försenade" }, { one: "Became overdue", other: "Became overdue" }),
  "pane.change.expired": headedCount({ one: "Avtal som gick ut", other: "Avtal som gick ut" }, { one: "Agreement expired", other: "Agreements expired" }),
  "pane.change.newly-done": headedCount({ one: "Blev klar", other: "Blev klara" }, { one: "Became done", other: "Became done" }),
  "pane.change.new": headedCount({ one: "Ny rad", other: "Nya rader" }, { one: "New row", other: "New rows" }),
  "pane.change.removed": headedCount({ one: "Borttagen rad", other: "Borttagna rader" }, { one: "Removed row", other: "Removed rows" }),
  "pane.insatser": entry<Count>(
    (p) => counted("sv", p.n, { one: "insats", other: "insatser" }),
    (p) => counted("en", p.n, { one: "intervention", other: "interventions" }),
  ),
  "pane.rows-in-sum": entry<Count>(
    (p) => `${counted("sv", p.n, { one: "rad", other: "rader" })} i summan`,
    (p) => `${counted("en", p.n, { one: "row", other: "rows" })} in the sum`,
  ),
} satisfies Record<string, Entry>;
