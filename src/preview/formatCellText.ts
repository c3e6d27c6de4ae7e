/**
 * The text a cell shows in the preview's grid: its value as ExcelJS holds it, formatted with
 * the cell's number format the way Excel would show it (simplified: sections, decimals,
 * grouping, percent, quoted literals, dates as YYYY-MM-DD). Pure; no DOM.
 */
import { excelSerialToIsoDate } from "../domain/isoDate";
import { formatTokens, sectionKind, splitSections } from "../domain/numberFormat";
import type { Language } from "../taskpane/i18n";

export interface CellText {
  text: string;
  /** Numbers (and dates) are right-aligned, as in Excel. */
  numeric: boolean;
}

/** A link inside the workbook, such as the summary sheet's links to rows. */
export interface InternalLink {
  sheet: string;
  row: number;
}

const EMPTY: CellText = { text: "", numeric: false };
const MINUTES_PER_DAY = 1440;

/** The cell's text for the grid. `value` is an ExcelJS cell value (anything a cell may hold). */
export function formatCellText(value: unknown, numFmt: string | undefined, language: Language): CellText {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === "string") return { text: value, numeric: false };
  if (typeof value === "boolean") return { text: booleanText(value, language), numeric: false };
  if (typeof value === "number") return formatNumber(value, numFmt, language);
  if (value instanceof Date) return { text: formatDate(value, numFmt), numeric: true };
  if (typeof value !== "object") return EMPTY;
  const v = value as Record<string, unknown>;
  if (typeof v.error === "string") return { text: v.error, numeric: false };
  if ("formula" in v || "sharedFormula" in v) return formatCellText(v.result, numFmt, language);
  if (Array.isArray(v.richText)) return { text: richText(v.richText), numeric: false };
  if ("hyperlink" in v) {
    const text = v.text;
    if (typeof text === "string") return { text, numeric: false };
    if (text && typeof text === "object" && Array.isArray((text as { richText?: unknown }).richText)) {
      return { text: richText((text as { richText: unknown[] }).richText), numeric: false };
    }
    return formatCellText(text, numFmt, language);
  }
  return EMPTY;
}

/** The row a hyperlink such as `#'Balanslista'!A5` or `Avtal!B3:C4` points to, or null for other links. */
export function internalLinkOf(value: unknown): InternalLink | null {
  if (!value || typeof value !== "object") return null;
  const target = (value as { hyperlink?: unknown }).hyperlink;
  if (typeof target !== "string") return null;
  const m = /^#?(?:'((?:[^']|'')+)'|([^'!#]+))!\$?[A-Za-z]{1,3}\$?(\d+)(?::\S*)?$/.exec(target.trim());
  if (!m || m[3] === undefined) return null;
  // A plain target without "#" is a file name unless it names a sheet (ExcelJS's own form).
  if (!target.trim().startsWith("#") && m[2] === undefined && m[1] === undefined) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? "");
  const row = Number(m[3]);
  return sheet === "" || !Number.isInteger(row) || row < 1 ? null : { sheet, row };
}

function booleanText(value: boolean, language: Language): string {
  if (language === "en") return value ? "TRUE" : "FALSE";
  return value ? "SANT" : "FALSKT";
}

function richText(parts: unknown[]): string {
  return parts
    .map((p) => (p && typeof p === "object" && typeof (p as { text?: unknown }).text === "string" ? (p as { text: string }).text : ""))
    .join("");
}

/** Dates are shown as ISO dates (the project's convention), with the time when the format has one. */
function formatDate(d: Date, numFmt: string | undefined): string {
  if (Number.isNaN(d.getTime())) return "";
  const iso = d.toISOString();
  if (!/^\d{4}-/.test(iso)) return "";
  return hasHours(numFmt ?? "") ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso.slice(0, 10);
}

function hasHours(section: string): boolean {
  return /h/i.test(formatTokens(section));
}

/**
 * A serial number under a date format: the date by the domain's one conversion (serial 60 is
 * 1900-02-28), with `hh:mm` when the format shows hours; the number itself when it is no date.
 */
function dateCellText(value: number, section: string, language: Language): string {
  const date = excelSerialToIsoDate(value);
  if (date === null) return generalNumber(value, language);
  return hasHours(section) ? `${date} ${clockText(value, false, false)}` : date;
}

/** `hh:mm` (`hh:mm:ss` with `seconds`) of a serial's time; `elapsed` counts whole hours past 24 (`[h]:mm`). */
function clockText(value: number, elapsed: boolean, seconds: boolean): string {
  const totalSeconds = Math.round(Math.abs(value) * MINUTES_PER_DAY * 60);
  const minutesTotal = Math.floor(totalSeconds / 60);
  const hours = elapsed ? Math.floor(minutesTotal / 60) : Math.floor(minutesTotal / 60) % 24;
  const pad = (n: number) => String(n).padStart(2, "0");
  const text = `${elapsed ? String(hours) : pad(hours)}:${pad(minutesTotal % 60)}${seconds ? `:${pad(totalSeconds % 60)}` : ""}`;
  return value < 0 ? `-${text}` : text;
}

function formatNumber(n: number, numFmt: string | undefined, language: Language): CellText {
  if (!Number.isFinite(n)) return EMPTY;
  const fmt = numFmt === undefined || numFmt.trim() === "" || /^general$/i.test(numFmt.trim()) ? null : numFmt;
  if (fmt === null) return { text: generalNumber(n, language), numeric: true };
  if (fmt === "@") return { text: generalNumber(n, language), numeric: false };
  const parts = splitSections(fmt);
  let section = parts[0] ?? "";
  let value = n;
  if (n < 0 && parts.length >= 2) {
    section = parts[1] ?? section;
    value = -n;
  } else if (n === 0 && parts.length >= 3) {
    section = parts[2] ?? section;
  }
  const kind = sectionKind(section);
  if (kind === "date") return { text: dateCellText(value, section, language), numeric: true };
  if (kind === "time" || kind === "elapsed") {
    return { text: clockText(value, kind === "elapsed", /s/i.test(formatTokens(section))), numeric: true };
  }
  return { text: applySection(section, value, language), numeric: true };
}

/** Excel's General format, roughly: up to 10 significant digits, no grouping. */
function generalNumber(n: number, language: Language): string {
  const rounded = Number(n.toPrecision(10));
  const text = Math.abs(rounded) >= 1e11 || (rounded !== 0 && Math.abs(rounded) < 1e-9) ? rounded.toExponential() : String(rounded);
  return language === "sv" ? text.replace(".", ",").replace("-", "\u2212") : text;
}

function applySection(section: string, value: number, language: Language): string {
  const percent = formatTokens(section).includes("%");
  const v = percent ? value * 100 : value;
  // The number part: the first run of 0 # ? , . (and spaces between digits placeholders).
  let out = "";
  let numberDone = false;
  let i = 0;
  while (i < section.length) {
    const ch = section[i] ?? "";
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      out += end === -1 ? section.slice(i + 1) : section.slice(i + 1, end);
      i = end === -1 ? section.length : end + 1;
      continue;
    }
    if (ch === "\\") {
      out += section[i + 1] ?? "";
      i += 2;
      continue;
    }
    if (ch === "[") {
      const end = section.indexOf("]", i);
      i = end === -1 ? section.length : end + 1;
      continue;
    }
    if (ch === "_" || ch === "*") {
      // "_x" leaves room for x, "*x" repeats x: both shown as nothing.
      i += 2;
      continue;
    }
    if (/[0#?]/.test(ch) && !numberDone) {
      let j = i;
      while (j < section.length && /[0#?,.]/.test(section[j] ?? "")) j++;
      out += placeNumber(section.slice(i, j), v, language);
      numberDone = true;
      i = j;
      continue;
    }
    if (/[0#?,.]/.test(ch)) {
      i++;
      continue;
    }
    out += ch;
    i++;
  }
  if (!numberDone) out = placeNumber("0", v, language) + out;
  return out;
}

function placeNumber(pattern: string, value: number, language: Language): string {
  const dot = pattern.indexOf(".");
  const decimals = dot === -1 ? 0 : (pattern.slice(dot + 1).match(/[0#?]/g) ?? []).length;
  const minDecimals = dot === -1 ? 0 : (pattern.slice(dot + 1).match(/0/g) ?? []).length;
  const grouping = /[0#?],[0#?]/.test(dot === -1 ? pattern : pattern.slice(0, dot));
  const locale = language === "sv" ? "sv-SE" : "en-US";
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: minDecimals,
    maximumFractionDigits: decimals,
    useGrouping: grouping,
  }).format(value);
}
