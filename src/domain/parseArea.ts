import type { CellValue } from "./types";
import { cellText } from "./normaliseText";

export interface AreaRef {
  /** Leading number ("1") when the text starts with one, else the normalised name. */
  key: string;
  /** The name as written (without its number), or null. */
  name: string | null;
}

/** Read an Område cell: "1", "1.", "1. Stärka …", 1, or a name. Null when blank or unreadable. */
export function parseArea(value: CellValue): AreaRef | null {
  if (typeof value === "string") {
    const cached = AREA_CACHE.get(value);
    if (cached !== undefined) return cached;
    const parsed = parseAreaText(value);
    if (AREA_CACHE.size < 5_000) AREA_CACHE.set(value, parsed);
    return parsed;
  }
  if (typeof value === "number") {
    return Number.isInteger(value) && value >= 0 && value < 1000 ? { key: String(value), name: null } : null;
  }
  return null;
}

/** Area texts repeat on every line item: parse each distinct text once. AreaRef is never mutated. */
const AREA_CACHE = new Map<string, AreaRef | null>();

function parseAreaText(value: string): AreaRef | null {
  const text = value.replace(/[\s\u00a0\u202f]+/gu, " ").trim();
  if (text === "") return null;
  const m = /^(\d{1,3})(?:\s*[.):]\s*|\s+|$)(.*)$/u.exec(text);
  if (m && m[1] !== undefined) {
    const rest = (m[2] ?? "").replace(/:$/u, "").trim();
    return { key: String(Number(m[1])), name: rest === "" ? null : rest };
  }
  return { key: areaNameKey(text), name: text.replace(/:$/u, "") };
}

/** Normalised form of an area name, used to match areas written without their number. */
export function areaNameKey(name: string): string {
  return name.replace(/[\s\u00a0\u202f]+/gu, " ").replace(/:$/u, "").trim().toLocaleLowerCase("sv-SE");
}

/** Read an År cell: 2024, "2024", a date (its year). Null when blank or unreadable. */
export function parseYear(value: CellValue): number | null {
  if (typeof value === "number") return Number.isInteger(value) && value >= 1990 && value <= 2099 ? value : null;
  if (typeof value === "string") {
    const m = /^\s*((?:19|20)\d{2})\s*$/u.exec(value);
    return m && m[1] ? Number(m[1]) : null;
  }
  if (value && typeof value === "object" && "date" in value) return Number(value.date.slice(0, 4));
  return null;
}

/** A year in a table or sheet name such as "Fördelning 2024" or "Fordelning2024". */
export function yearFromName(name: string): number | null {
  const m = /(?<!\d)((?:19|20)\d{2})(?!\d)/u.exec(name);
  return m && m[1] ? Number(m[1]) : null;
}

export { cellText };
