/** The money (issues 8 and 10): allocations against distributions, and what needs attention. */
import { entry, type Entry } from "./entry";
import { countOf } from "./plural";

/** The counts of the money items that need attention, by kind. */
export interface MoneyCounts {
  imbalance: number;
  overspent: number;
  reportOverdue: number;
  reportDueSoon: number;
}

/** The amounts as already formatted (formatKronor) and the words for the difference. */
interface Imbalance {
  /** The difference, formatted, without its sign. */
  difference: string;
  /** True when less is distributed than allocated. */
  short: boolean;
}

const imbalanceWords = (p: Imbalance) => (p.short ? `${p.difference} är inte fördelat` : `${p.difference} för mycket är fördelat`);
const imbalanceWordsEn = (p: Imbalance) => (p.short ? `${p.difference} is not distributed` : `${p.difference} too much is distributed`);

/** A row of the distribution table, as an attention item names it. */
interface RowNamed {
  title: string;
  party: string;
}

export const moneyMessages = {
  // ---------- summariseFunds ----------
  "funds.allocation-repeated": entry<{ area: string; year: number; firstRow: number }>(
    (p) => `Område ${p.area} har redan en tilldelning för ${p.year} (rad ${p.firstRow}); beloppen läggs ihop.`,
    (p) => `Area ${p.area} already has an allocation for ${p.year} (row ${p.firstRow}); the amounts are added.`,
  ),
  "funds.no-allocation": entry<{ area: string; year: number }>(
    (p) => `Område ${p.area} har fördelade medel ${p.year} men ingen tilldelning.`,
    (p) => `Area ${p.area} has distributed funds in ${p.year} but no allocation.`,
  ),
  "funds.nothing-distributed": entry<{ area: string; year: number }>(
    (p) => `Område ${p.area} har en tilldelning ${p.year} men inga fördelade medel.`,
    (p) => `Area ${p.area} has an allocation in ${p.year} but no distributed funds.`,
  ),

  // ---------- what needs attention ----------
  "attention.area-imbalance": entry<Imbalance & { area: string; year: number; distributed: string; allocated: string }>(
    (p) => `Område ${p.area} ${p.year}: fördelat ${p.distributed} men tilldelat ${p.allocated} – ${imbalanceWords(p)}.`,
    (p) => `Area ${p.area} ${p.year}: ${p.distributed} distributed but ${p.allocated} allocated – ${imbalanceWordsEn(p)}.`,
  ),
  "attention.year-imbalance": entry<Imbalance & { year: number; distributed: string; allocated: string }>(
    (p) => `${p.year}: fördelat totalt ${p.distributed} men tilldelat ${p.allocated} – ${imbalanceWords(p)}.`,
    (p) => `${p.year}: ${p.distributed} distributed in all but ${p.allocated} allocated – ${imbalanceWordsEn(p)}.`,
  ),
  "attention.overspent": entry<RowNamed & { used: string; amount: string; over: string }>(
    (p) => `”${p.title}” (${p.party}) har förbrukat ${p.used} av ${p.amount} – ${p.over} mer än fördelat.`,
    (p) => `"${p.title}" (${p.party}) used ${p.used} of ${p.amount} – ${p.over} more than distributed.`,
  ),
  "attention.report-overdue": entry<RowNamed & { due: string }>(
    (p) => `Återredovisningen av ”${p.title}” (${p.party}) skulle ha lämnats senast ${p.due}.`,
    (p) => `The report-back on "${p.title}" (${p.party}) was due by ${p.due}.`,
  ),
  "attention.report-due-soon": entry<RowNamed & { due: string }>(
    (p) => `Återredovisningen av ”${p.title}” (${p.party}) ska lämnas senast ${p.due}.`,
    (p) => `The report-back on "${p.title}" (${p.party}) is due by ${p.due}.`,
  ),
  /** @example "Medel: 1 obalans, 1 insats har förbrukat mer än fördelat, 3 försenade återredovisningar, 1 snart." */
  "attention.summary": entry<MoneyCounts>(
    (c) =>
      `Medel: ${countOf("sv", c.imbalance, { one: "obalans", other: "obalanser" })}, ` +
      `${countOf("sv", c.overspent, { one: "insats har förbrukat", other: "insatser har förbrukat" })} mer än fördelat, ` +
      `${countOf("sv", c.reportOverdue, { one: "försenad återredovisning", other: "försenade återredovisningar" })}, ${c.reportDueSoon} snart.`,
    (c) =>
      `Funds: ${countOf("en", c.imbalance, { one: "imbalance", other: "imbalances" })}, ` +
      `${countOf("en", c.overspent, { one: "row used", other: "rows used" })} more than distributed, ` +
      `${countOf("en", c.reportOverdue, { one: "overdue report-back", other: "overdue report-backs" })}, ${c.reportDueSoon} due soon.`,
  ),
} satisfies Record<string, Entry>;
