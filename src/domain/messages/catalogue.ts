/**
 * Balans's one catalogue of words (issue 13): every user-facing sentence of the engine, the
 * adapters (Excel, preview, settings), the ribbon, the CLI's errors and the pane's counted sentences, keyed by a
 * code, Swedish and English side by side. Each part file holds one subject; this file joins them
 * (a code may be in only one part: test/unit/domain/messages/catalogue.test.ts checks it, and
 * test/unit/architecture/messageCatalogue.test.ts fails on a pair written anywhere else).
 *
 *     localise("row.area-missing")                       → { message, messageEn }
 *     coded("status-protected", { … })                   → { code, message, messageEn }
 *     say("sv", "pane.rows-in-sum", { n: 2 })            → "2 rader i summan"
 *
 * A data problem carries only message/messageEn: `Problem.code` marks Balans's notices (what it
 * did instead of writing), whose catalogue codes are their NoticeCode.
 */
import type { Entry, Localised, Phrase } from "./entry";
import { agendaMessages } from "./agendaMessages";
import { amountMessages } from "./amountMessages";
import { cliMessages } from "./cliMessages";
import { commandMessages } from "./commandMessages";
import { errorMessages } from "./errorMessages";
import { moneyMessages } from "./moneyMessages";
import { noticeMessages } from "./noticeMessages";
import { packageMessages } from "./packageMessages";
import { paneMessages } from "./paneMessages";
import { tableMessages } from "./tableMessages";

export const MESSAGE_PARTS = {
  tableMessages,
  noticeMessages,
  moneyMessages,
  agendaMessages,
  errorMessages,
  commandMessages,
  paneMessages,
  cliMessages,
  amountMessages,
  packageMessages,
} satisfies Record<string, Record<string, Entry>>;

export const MESSAGES = {
  ...tableMessages,
  ...noticeMessages,
  ...moneyMessages,
  ...agendaMessages,
  ...errorMessages,
  ...commandMessages,
  ...paneMessages,
  ...cliMessages,
  ...amountMessages,
  ...packageMessages,
};

export type Messages = typeof MESSAGES;
export type MessageCode = keyof Messages;

/** The parameters an entry takes: none for a plain text, else the one object its functions take. */
export type ParamsOf<C extends MessageCode> = Messages[C] extends { sv: (p: infer P) => string } ? [params: P] : [];

function render(phrase: Phrase, params: unknown): string {
  return typeof phrase === "string" ? phrase : (phrase as (p: unknown) => string)(params);
}

/** The message `code` in one language. */
export function say<C extends MessageCode>(lang: "sv" | "en", code: C, ...params: ParamsOf<C>): string {
  const e: Entry = MESSAGES[code];
  return render(lang === "sv" ? e.sv : e.en, params[0]);
}

/** The message `code` in Swedish and English, as problems and errors carry it. */
export function localise<C extends MessageCode>(code: C, ...params: ParamsOf<C>): Localised {
  const e: Entry = MESSAGES[code];
  return { message: render(e.sv, params[0]), messageEn: render(e.en, params[0]) };
}

/** The same with its code: `{ code, message, messageEn }` (for notices and errors that carry one). */
export function coded<C extends MessageCode>(code: C, ...params: ParamsOf<C>): Localised & { code: C } {
  return { code, ...localise(code, ...params) };
}
