/**
 * What the ribbon tells the user after a command: pure functions from an outcome or an error
 * to a bilingual CommandMessage, and the URL of the small message dialog. No Office here.
 */
import type { CommandMessage, RibbonCommand } from "../app/settings";
import type { ActionOutcome, AgendaOutcome, ErrorCode } from "../app/port";
import { describeMoneyAttention } from "../domain/attention";
import { pickLanguage, type Language } from "../domain/language";
import { localise, say } from "../domain/messages";
import { SUMMARY_SHEET } from "../domain/ownership";

/** The ribbon speaks the pane's language, chosen by the one rule in src/domain/language.ts. */
export { pickLanguage, type Language };

export function commandName(command: RibbonCommand, lang: Language): string {
  return say(lang, "command.name", { command });
}

const NO_TAIL = { sv: "", en: "" };

/** The message after a command that worked. `result` is the adapter's outcome, or the new sheet's name. */
export function describeSuccess(command: RibbonCommand, result: ActionOutcome | AgendaOutcome | string, at: Date): CommandMessage {
  const base = { command, ok: true, at: at.toISOString(), code: null };
  if (typeof result !== "string" && "sheet" in result) {
    return { ...base, ...localise("ribbon.agenda-written", { sheet: result.sheet, printSetup: result.printSetup }) };
  }
  if (typeof result === "string") return { ...base, ...localise("ribbon.template-inserted", { sheet: result }) };
  // The money that needs attention (issue 10), as one more sentence when there is any.
  const money = describeMoneyAttention(result.analysis?.attention ?? []);
  const moneyTail = money === null ? NO_TAIL : { sv: ` ${money.sv}`, en: ` ${money.en}` };
  if (command === "summering") {
    return { ...base, ...localise("ribbon.summary-written", { sheet: result.summarySheet ?? SUMMARY_SHEET, money: moneyTail }) };
  }
  const followUps = result.analysis?.followUps ?? [];
  const agreements = result.analysis?.agreements ?? [];
  return {
    ...base,
    ...localise("ribbon.check-done", {
      columns: result.statusColumns,
      overdue: followUps.filter((f) => f.status === "overdue").length,
      dueSoon: followUps.filter((f) => f.status === "due-soon").length,
      expired: agreements.filter((a) => a.status === "expired").length,
      expiring: agreements.filter((a) => a.status === "expiring").length,
      since: describeChanges(result.analysis),
      money: moneyTail,
    }),
  };
}

/** Issue 11: what changed since the previous check, as one more sentence ("" on the first check). */
export function describeChanges(analysis: ActionOutcome["analysis"] | undefined): { sv: string; en: string } {
  const since = analysis?.since ?? null;
  if (since === null) return { ...NO_TAIL };
  const changes = analysis?.changes ?? [];
  const n = (kind: string) => changes.filter((c) => c.kind === kind).length;
  const text =
    changes.length === 0
      ? localise("ribbon.nothing-changed", { since })
      : localise("ribbon.changes", { since, newlyOverdue: n("newly-overdue"), newlyDone: n("newly-done"), added: n("new"), removed: n("removed"), expired: n("expired") });
  return { sv: text.message, en: text.messageEn };
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
  const e: ErrorLike = typeof error === "object" && error !== null ? (error as ErrorLike) : {};

  // A BalansError (checked by shape, so that it also works across bundles).
  if (e.name === "BalansError" && typeof e.message === "string" && typeof e.messageEn === "string") {
    const code = ERROR_CODES.includes(e.code as ErrorCode) ? (e.code as string) : "unknown";
    return { ...base, code, ...localise("ribbon.error", { command, error: { message: e.message, messageEn: e.messageEn } }) };
  }
  // Office's own errors (OfficeExtension.Error) that the adapter did not translate.
  if (e.code === "InvalidOperationInCellEditMode") {
    return {
      ...base,
      code: "cell-edit-mode",
      ...localise("ribbon.error", { command, error: localise("error.cell-edit-mode") }),
    };
  }
  const detail = typeof e.message === "string" && e.message ? e.message : typeof error === "string" ? error : String(error);
  return {
    ...base,
    code: "unknown",
    ...localise("ribbon.failed", { command, detail }),
  };
}

/** Office ends an ExecuteFunction command that has not called `event.completed()` within 5 minutes. */
export const COMMAND_LIMIT_MS = 5 * 60 * 1000;
/** The dialog is closed this long before the command's limit, whatever happens. */
export const COMMAND_MARGIN_MS = 30 * 1000;
/** A success closes by itself after this long (the user may close it before). @default 8000 */
export const SUCCESS_DIALOG_MS = 8 * 1000;
/** Shorter than this before the limit, no dialog is opened at all (the pane still gets the message). */
export const MIN_DIALOG_MS = 3 * 1000;

/**
 * How long the message dialog may stay open, measured from `nowMs`, for a command that started
 * at `startedAtMs`: a success at most SUCCESS_DIALOG_MS, an error until the user closes it; both
 * end COMMAND_MARGIN_MS before the command's 5-minute limit. 0: open no dialog.
 */
export function dialogCloseDelay(ok: boolean, startedAtMs: number, nowMs: number): number {
  const left = startedAtMs + COMMAND_LIMIT_MS - COMMAND_MARGIN_MS - nowMs;
  if (!Number.isFinite(left) || left < MIN_DIALOG_MS) return 0;
  return ok ? Math.min(SUCCESS_DIALOG_MS, left) : left;
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
