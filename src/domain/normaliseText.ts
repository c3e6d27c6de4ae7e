/** Lower-case, trim, collapse runs of white space (incl. no-break spaces), drop a trailing colon. */
export function normaliseHeader(text: string): string {
  return text
    .replace(/[\s\u00a0\u202f]+/gu, " ")
    .trim()
    .replace(/\s*:$/u, "")
    .replace(/\s*\/\s*/gu, "/")
    // The same as toLocaleLowerCase("sv-SE") (only az, el, lt and tr lower-case differently), but
    // without a locale lookup per call: this runs for every cell of every candidate header row.
    .toLowerCase();
}

/** A cell's text for display and matching: strings as they are, numbers as digits, others empty. */
export function cellText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "boolean") return value ? "SANT" : "FALSKT";
  if (value && typeof value === "object") {
    if ("date" in value && typeof value.date === "string") return value.date;
    if ("error" in value && typeof value.error === "string") return value.error;
  }
  return "";
}

/** True for null, "" and white space only. */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** Escape a literal for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
}
