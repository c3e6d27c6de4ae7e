/**
 * What an Excel number format shows: a date, a time of day, an elapsed time, a number, text or
 * General. The one place that reads format codes, for the Excel adapter (codes from Office.js),
 * the file reader (codes and built-in ids from the styles part) and the preview's grid.
 *
 * The rule (ECMA-376 Part 1 §18.8.31, and Excel's own reading of `m`):
 * - Only the first section (positive numbers) decides; sections are split at `;` outside quoted
 *   text and escaped characters.
 * - Quoted text, `\x` escapes, `_x` padding, `*x` fills and `[...]` codes (colours, conditions,
 *   locales) are no tokens; `[h]`, `[mm]`, `[s]` (elapsed time) are.
 * - A day (`d`), year (`y`, Swedish `å`) or month shows a **date**, with or without a time.
 *   `m`/`mm` is a minute when it follows an hour or precedes a second (`h:mm`, `mm:ss`), else a
 *   month; `mmm` and longer are always months.
 * - Elapsed time (`[h]:mm`, `[mm]:ss`, `[s]`) is a duration, never a date: a sum of hours.
 * - Hours, minutes and seconds alone (`h:mm`, `mm:ss`, `h:mm AM/PM`) are a **time of day**, not
 *   a date: Balans reads such a cell as the number it holds. (Before issue 13 the file reader
 *   took the built-in time formats 18–21, 45 and 47 for dates while the Excel adapter and the
 *   file reader's own custom codes did not; the adapters now agree.)
 */

export type NumberFormatKind = "general" | "text" | "date" | "time" | "elapsed" | "number";

/** General in English, and as Swedish and German Excel may report it through Office.js. */
const GENERAL = /^(general|standard|allmänt)$/i;

/**
 * Built-in number formats (ECMA-376 Part 1 §18.8.30) that have no format code in the file.
 * Dates: 14–17 (`m/d/yyyy` … `mmm-yy`), 22 (`m/d/yyyy h:mm`) and the East Asian date formats
 * 27–31, 36, 50–54, 57, 58. Times of day: 18–21 (`h:mm AM/PM` … `h:mm:ss`), 45 (`mm:ss`),
 * 47 (`mmss.0`) and the East Asian times 32–35, 55, 56. Elapsed: 46 (`[h]:mm:ss`). Text: 49 (`@`).
 * Every other id below 164 is a number (or General, id 0).
 */
const BUILT_IN_KINDS: ReadonlyMap<number, NumberFormatKind> = new Map<number, NumberFormatKind>([
  [0, "general"],
  ...[14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58].map((id) => [id, "date"] as [number, NumberFormatKind]),
  ...[18, 19, 20, 21, 32, 33, 34, 35, 45, 47, 55, 56].map((id) => [id, "time"] as [number, NumberFormatKind]),
  [46, "elapsed"],
  [49, "text"],
]);

/**
 * The sections of a format code, split at `;` outside quoted text and `\` escapes (each section
 * as written, quotes and escapes kept).
 * @example splitSections('#,##0 "kr";-#,##0 "kr";0') // ['#,##0 "kr"', '-#,##0 "kr"', "0"]
 * @example splitSections('0 "a;b"') // ['0 "a;b"']
 */
export function splitSections(code: string): string[] {
  const sections: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i] as string;
    if (ch === '"') quoted = !quoted;
    if (ch === "\\" && !quoted) {
      current += ch + (code[i + 1] ?? "");
      i++;
      continue;
    }
    if (ch === ";" && !quoted) {
      sections.push(current);
      current = "";
      continue;
    }
    current += ch;
  }
  sections.push(current);
  return sections;
}

/**
 * The tokens of one section, lower case: what is left without quoted text, escapes, `_x`
 * padding, `*x` fills and `[...]` codes; an elapsed-time code becomes its letter in upper case
 * (`[h]` → `H`, `[mm]` → `M`, `[ss]` → `S`), so that it still counts as a time marker.
 * @example formatTokens('[Red]#,##0 "kr"') // "#,##0 "
 * @example formatTokens("[h]:mm") // "H:mm"
 */
export function formatTokens(section: string): string {
  let tokens = "";
  for (let i = 0; i < section.length; i++) {
    const ch = section[i] as string;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      if (end === -1) break;
      i = end;
    } else if (ch === "\\" || ch === "_" || ch === "*") {
      i++;
    } else if (ch === "[") {
      const end = section.indexOf("]", i + 1);
      if (end === -1) break;
      const inner = section.slice(i + 1, end).toLowerCase();
      if (/^(h+|m+|s+)$/.test(inner)) tokens += (inner[0] as string).toUpperCase();
      i = end;
    } else {
      tokens += ch.toLowerCase();
    }
  }
  return tokens;
}

/**
 * What one section shows (see the module's rule). A section is taken as it stands: General and
 * text (`@`) are recognised too.
 * @example sectionKind("yyyy-mm-dd hh:mm") // "date"
 * @example sectionKind("h:mm") // "time"
 * @example sectionKind("[h]:mm") // "elapsed"
 */
export function sectionKind(section: string): NumberFormatKind {
  const trimmed = section.trim();
  if (trimmed === "" || GENERAL.test(trimmed)) return "general";
  const tokens = formatTokens(section).replace(/am\/pm|a\/p/g, "");
  if (/[dyå]/.test(tokens)) return "date";
  const letters = tokens.replace(/[^a-zå]/gi, "");
  let timeOfDay = /[hs]/.test(letters);
  for (const run of letters.matchAll(/m+/g)) {
    if (run[0].length >= 3) return "date";
    const before = letters[run.index - 1]?.toLowerCase();
    const after = letters[run.index + run[0].length]?.toLowerCase();
    if (before !== "h" && after !== "s") return "date";
    timeOfDay = true;
  }
  if (/[HMS]/.test(letters)) return "elapsed";
  if (timeOfDay) return "time";
  if (tokens.includes("@")) return "text";
  return "number";
}

/**
 * What a format code shows: the kind of its first section.
 * @example numberFormatKind('#,##0 "kr";-#,##0 "kr"') // "number"
 */
export function numberFormatKind(code: string): NumberFormatKind {
  return sectionKind(splitSections(code)[0] ?? "");
}

/**
 * True when a number format code shows a date (`yyyy-mm-dd`, `d/m/yyyy`, `mmm yy`,
 * `[$-41D]d mmmm yyyy`, `yyyy-mm-dd hh:mm`). Times of day (`h:mm`, `mm:ss`), elapsed times
 * (`[h]:mm`), General, text and numbers are not; neither is anything but a string.
 * @example isDateFormat("d/m/yyyy") // true
 * @example isDateFormat("[h]:mm") // false
 */
export function isDateFormat(code: unknown): boolean {
  return typeof code === "string" && numberFormatKind(code) === "date";
}

/**
 * What a format shows from its id in a styles part: the custom code when the file has one (ids
 * from 164 on, or a built-in id the file redefines), else the built-in id's kind.
 * @example formatIdKind(14) // "date"
 * @example formatIdKind(164, "[h]:mm") // "elapsed"
 */
export function formatIdKind(id: number, code?: string): NumberFormatKind {
  if (code !== undefined) return numberFormatKind(code);
  return BUILT_IN_KINDS.get(id) ?? (id === 0 ? "general" : "number");
}
