/**
 * Which cell styles (`s` indexes into `cellXfs`) show a number as a date, read from the styles
 * part with saxes. Only dates matter to Balans: a number with a date format is a {@link CellDate}.
 */
import type { OoxmlPackage } from "./openPackage";
import { parseXml } from "./xmlStream";

/**
 * Built-in number formats (ECMA-376 §18.8.30) read as dates: 14–22 (dates, and times of day,
 * whose serial still carries a day when one was typed), 45 and 47 (mm:ss, mmss.0), and the East
 * Asian date formats 27–36 and 50–58 (they have no format code in the file). 46 (`[h]:mm:ss`) is
 * an elapsed time, never a date. A time of day alone (serial below 1) stays a number.
 */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/**
 * True when a custom number format code shows a date: it has a day, month or year token (d, m,
 * y) outside quoted text, `[...]` sections (colours, conditions, locales, elapsed times),
 * escaped characters and fill/padding characters. An `m` next to an hour or a second is a
 * minute, not a month (`h:mm`, `mm:ss`, `[h]:mm`). Only the first section (positive numbers)
 * counts.
 * @example isDateFormatCode("yyyy-mm-dd") // true
 * @example isDateFormatCode("[h]:mm") // false
 * @example isDateFormatCode('# ##0 "kr"') // false
 */
export function isDateFormatCode(code: string): boolean {
  // One pass that drops what is not a token and stops at the first section separator.
  let tokens = "";
  for (let i = 0; i < code.length; i++) {
    const ch = code[i]!;
    if (ch === ";") break;
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      if (end === -1) break;
      i = end;
    } else if (ch === "\\" || ch === "_" || ch === "*") {
      i++;
    } else if (ch === "[") {
      const end = code.indexOf("]", i + 1);
      if (end === -1) break;
      // Elapsed hours/minutes/seconds count as a time marker for the m rule.
      const inner = code.slice(i + 1, end).toLowerCase();
      if (/^(h+|m+|s+)$/.test(inner)) tokens += inner[0] === "m" ? "h" : inner[0];
      i = end;
    } else {
      tokens += ch.toLowerCase();
    }
  }
  tokens = tokens.replace(/am\/pm|a\/p/g, "");
  if (/[dy]/.test(tokens)) return true;
  const letters = tokens.replace(/[^a-z]/g, "");
  for (const run of letters.matchAll(/m+/g)) {
    if (run[0].length >= 3) return true;
    const before = letters[run.index - 1];
    const after = letters[run.index + run[0].length];
    if (before !== "h" && after !== "s") return true;
  }
  return false;
}

/** `dateStyles[s]` is true when cell style `s` shows a date. */
export function readDateStyles(pkg: OoxmlPackage, part: string | null): boolean[] {
  if (part === null || !pkg.has(part)) return [];
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  parseXml(part, pkg.textChunks(part), {
    open(name, a) {
      if (name === "numFmt" && a.numFmtId !== undefined) custom.set(Number(a.numFmtId), a.formatCode ?? "");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) xfFormats.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  return xfFormats.map((id) => {
    const code = custom.get(id);
    return code !== undefined ? isDateFormatCode(code) : BUILT_IN_DATE_FORMATS.has(id);
  });
}
