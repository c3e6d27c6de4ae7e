/**
 * Turns anything a port call can reject with into a text for the user: the BalansError's own
 * message in the pane's language, else a generic message plus the technical detail.
 */
import type { BalansError } from "../../../app/port";
import type { Language, Strings } from "../../i18n";

export interface ShownError {
  text: string;
  /** Technical detail for support (the raw error message), or null. */
  detail: string | null;
}

/** True for a BalansError, also one created by another copy of the class (duck-typed). */
export function isBalansError(err: unknown): err is BalansError {
  if (typeof err !== "object" || err === null) return false;
  const e = err as Partial<BalansError>;
  return e.name === "BalansError" && typeof e.message === "string" && typeof e.messageEn === "string";
}

export function describeError(err: unknown, language: Language, strings: Strings, fallback?: string): ShownError {
  if (isBalansError(err)) {
    const text = language === "en" ? err.messageEn : err.message;
    if (text.trim() !== "") return { text, detail: null };
  }
  return { text: fallback ?? strings.genericError, detail: rawDetail(err) };
}

function rawDetail(err: unknown): string | null {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    const parts = [typeof code === "string" && code !== "" ? code : null, err.message || null].filter(Boolean);
    return parts.length > 0 ? parts.join(": ") : null;
  }
  if (typeof err === "string" && err.trim() !== "") return err;
  return null;
}
