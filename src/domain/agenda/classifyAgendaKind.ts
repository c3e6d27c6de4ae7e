/**
 * What happens at a meeting, from the words of a follow-up text's segment.
 */

/** decision: the meeting decides; report: it hears a report; information: it is informed; other: anything else. */
export type AgendaKind = "decision" | "report" | "information" | "other";

/** Decisions first: the order of an agenda. */
export const AGENDA_KINDS: readonly AgendaKind[] = [
  "decision",
  "report",
  "information",
  "other",
];

const L = String.raw`(?<!\p{L})`;
const R = String.raw`(?!\p{L})`;

/**
 * Tried in this order; the first that matches decides.
 * - decision: any word with "beslut" (beslut, rek-beslut, rekommendationsbeslut, inriktningsbeslut,
 *   beslutsunderlag) or "godkän" (godkänna, godkännande), "fastställa".
 * - report: rapport, återrapport(ering), rapportera, redovisning, återredovisning, redovisa,
 *   uppföljning, uppföljd, följa upp.
 * - information: information, informera, info, presentation, presentera.
 */
const RULES: readonly (readonly [AgendaKind, RegExp])[] = [
  ["decision", new RegExp(String.raw`beslut|godkän|${L}fastställ`, "iu")],
  [
    "report",
    new RegExp(
      String.raw`rapport|${L}(?:åter)?redovis|uppfölj|${L}följ(?:a|er|s)? upp${R}`,
      "iu",
    ),
  ],
  [
    "information",
    new RegExp(
      String.raw`${L}info${R}|${L}informa|${L}informer|${L}presentat|${L}presenter`,
      "iu",
    ),
  ],
];

/**
 * @example classifyAgendaKind("rek-beslut förlängning nuvarande avtal") // "decision"
 * @example classifyAgendaKind("presentation av VB 2023 och information om uppstart") // "information"
 * @example classifyAgendaKind("statistik utveckling utskrivningsklara 2017-2023") // "other"
 */
export function classifyAgendaKind(text: string): AgendaKind {
  for (const [kind, pattern] of RULES) if (pattern.test(text)) return kind;
  return "other";
}
