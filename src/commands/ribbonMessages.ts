/**
 * What the ribbon tells the user after a command: pure functions from an outcome or an error
 * to a bilingual CommandMessage, and the URL of the small message dialog. No Office here.
 */
import type { CommandMessage, RibbonCommand } from "../app/settings";
import type { ActionOutcome, ErrorCode } from "../app/port";

export type Language = "sv" | "en";

/**
 * English for an English display language (`en`, `en-US`, `en-GB`), Swedish for anything else
 * or nothing: the same rule as the task pane (src/taskpane/i18n/pickLanguage.ts).
 */
export function pickLanguage(displayLanguage: string | null | undefined): Language {
  const primary = (displayLanguage ?? "").trim().toLowerCase().split(/[-_]/)[0];
  return primary === "en" ? "en" : "sv";
}

const COMMAND_NAME: Record<RibbonCommand, { sv: string; en: string }> = {
  kontrollera: { sv: "Kontrollera", en: "Check" },
  summering: { sv: "Summering", en: "Summary" },
  infogaMall: { sv: "Infoga mall", en: "Insert template" },
  infogaExempel: { sv: "Infoga mall med exempeldata", en: "Insert template with sample data" },
};

export function commandName(command: RibbonCommand, lang: Language): string {
  return COMMAND_NAME[command][lang];
}

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** The message after a command that worked. `result` is the adapter's outcome, or the new sheet's name. */
export function describeSuccess(command: RibbonCommand, result: ActionOutcome | string, at: Date): CommandMessage {
  const base = { command, ok: true, at: at.toISOString(), code: null };
  if (typeof result === "string") {
    return {
      ...base,
      message: `Mallen är infogad på bladet ”${result}”.`,
      messageEn: `The template was inserted on the sheet "${result}".`,
    };
  }
  if (command === "summering") {
    const sheet = result.summarySheet ?? "Balans summering";
    return { ...base, message: `Bladet ”${sheet}” är uppdaterat.`, messageEn: `The sheet "${sheet}" is up to date.` };
  }
  const followUps = result.analysis?.followUps ?? [];
  const agreements = result.analysis?.agreements ?? [];
  const overdue = followUps.filter((f) => f.status === "overdue").length;
  const dueSoon = followUps.filter((f) => f.status === "due-soon").length;
  const expired = agreements.filter((a) => a.status === "expired").length;
  const expiring = agreements.filter((a) => a.status === "expiring").length;
  return {
    ...base,
    message:
      `Kontrollen är klar: ${count(overdue, "försenad uppföljning", "försenade uppföljningar")}, ${dueSoon} snart; ` +
      `${count(expired, "utgånget avtal", "utgångna avtal")}, ${expiring} löper snart ut.`,
    messageEn:
      `Check done: ${count(overdue, "overdue follow-up", "overdue follow-ups")}, ${dueSoon} due soon; ` +
      `${count(expired, "expired agreement", "expired agreements")}, ${expiring} expiring soon.`,
  };
}

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  messageEn?: unknown;
}

const ERROR_CODES: readonly ErrorCode[] = [
  "cell-edit-mode",
  "payload-too-large",
  "too-many-cells",
  "no-tables",
  "api-not-supported",
  "sheet-not-empty",
  "unknown",
];

/** The message after a command that failed. Never throws, whatever `error` is. */
export function describeError(command: RibbonCommand, error: unknown, at: Date): CommandMessage {
  const base = { command, ok: false, at: at.toISOString() };
  const name = commandName(command, "sv");
  const nameEn = commandName(command, "en");
  const e: ErrorLike = typeof error === "object" && error !== null ? (error as ErrorLike) : {};

  // A BalansError (checked by shape, so that it also works across bundles).
  if (e.name === "BalansError" && typeof e.message === "string" && typeof e.messageEn === "string") {
    const code = ERROR_CODES.includes(e.code as ErrorCode) ? (e.code as string) : "unknown";
    return { ...base, code, message: `${name}: ${e.message}`, messageEn: `${nameEn}: ${e.messageEn}` };
  }
  // Office's own errors (OfficeExtension.Error) that the adapter did not translate.
  if (e.code === "InvalidOperationInCellEditMode") {
    return {
      ...base,
      code: "cell-edit-mode",
      message: `${name}: Excel redigerar en cell. Tryck Enter eller Esc och försök igen.`,
      messageEn: `${nameEn}: Excel is editing a cell. Press Enter or Esc and try again.`,
    };
  }
  const detail = typeof e.message === "string" && e.message ? e.message : typeof error === "string" ? error : String(error);
  return {
    ...base,
    code: "unknown",
    message: `${name} misslyckades: ${detail}`,
    messageEn: `${nameEn} failed: ${detail}`,
  };
}

/** Longest message text put into the dialog's URL (Office limits the URL's length). */
export const MAX_DIALOG_TEXT = 600;

const clip = (text: string): string => (text.length > MAX_DIALOG_TEXT ? `${text.slice(0, MAX_DIALOG_TEXT - 1)}…` : text);

/** URL of the message dialog (message.html beside `pageUrl`) carrying the message in its query. */
export function dialogUrl(pageUrl: string, message: CommandMessage, lang: Language): string {
  const url = new URL("message.html", pageUrl);
  url.search = "";
  url.hash = "";
  url.searchParams.set("sv", clip(message.message));
  url.searchParams.set("en", clip(message.messageEn));
  url.searchParams.set("ok", message.ok ? "1" : "0");
  url.searchParams.set("lang", lang);
  return url.toString();
}

/** What the dialog page shows, read back from its own URL's query. */
export interface DialogContent {
  sv: string;
  en: string;
  ok: boolean;
  lang: Language;
}

export function readDialogQuery(search: string, fallbackLanguage: string | null | undefined): DialogContent {
  const q = new URLSearchParams(search);
  const sv = q.get("sv") ?? "";
  const en = q.get("en") ?? "";
  const lang = q.get("lang");
  return {
    sv: sv || en,
    en: en || sv,
    ok: q.get("ok") === "1",
    lang: lang === "sv" || lang === "en" ? lang : pickLanguage(fallbackLanguage),
  };
}
