/**
 * Where the ribbon leaves the last command's result for the task pane: `localStorage` (the
 * function file and the pane are pages of the same origin), under a key per workbook, so that
 * a message about one workbook is never shown in the pane of another. The workbook is known by
 * `Office.context.document.url`; a new workbook that was never saved has no URL and shares
 * the plain key "balans.lastCommand" with other unsaved workbooks.
 */
import { COMMAND_MESSAGE_KEY, parseCommandMessage, type CommandMessage } from "../app/settings";
import { fnv1a } from "../domain/fnv1a";

/** Longest URL part of a key (a key stays short; two URLs this long that differ only at the end are rare). */
const MAX_URL_IN_KEY = 500;

/** The storage key for the workbook at `documentUrl` (null or "" for an unsaved workbook). */
export function commandMessageKey(documentUrl: string | null | undefined): string {
  const url = (documentUrl ?? "").trim();
  if (url === "") return COMMAND_MESSAGE_KEY;
  return `${COMMAND_MESSAGE_KEY}:${url.length > MAX_URL_IN_KEY ? `${url.slice(0, MAX_URL_IN_KEY)}#${hash(url)}` : url}`;
}

/** A short, stable hash of a text. */
const hash = fnv1a;

/** The open workbook's URL as Office gives it, or null outside Office or when it has none. */
export function currentDocumentUrl(): string | null {
  try {
    if (typeof Office === "undefined") return null;
    const url = Office.context?.document?.url;
    return typeof url === "string" && url.trim() !== "" ? url : null;
  } catch {
    return null;
  }
}

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null; // e.g. storage blocked by the browser's privacy settings
  }
}

/** Remembers the last ribbon command's result for this workbook. Returns false if it could not. */
export function saveWorkbookCommandMessage(message: CommandMessage, documentUrl: string | null = currentDocumentUrl()): boolean {
  const s = storage();
  if (!s) return false;
  try {
    s.setItem(commandMessageKey(documentUrl), JSON.stringify(message));
    return true;
  } catch {
    return false;
  }
}

/** The last ribbon command's result for this workbook, or null. */
export function readWorkbookCommandMessage(documentUrl: string | null = currentDocumentUrl()): CommandMessage | null {
  const s = storage();
  if (!s) return null;
  try {
    return parseCommandMessage(s.getItem(commandMessageKey(documentUrl)));
  } catch {
    return null;
  }
}

/** Forgets the last ribbon command's result for this workbook (after the pane has shown it). */
export function clearWorkbookCommandMessage(documentUrl: string | null = currentDocumentUrl()): void {
  try {
    storage()?.removeItem(commandMessageKey(documentUrl));
  } catch {
    // nothing to do
  }
}
