/**
 * Issue 13: each concept has exactly one definition in src/. A second `function isIsoDate`
 * (or any of the others) anywhere in src/ fails here, with the places it was found.
 */
import { occurrences, sourceFiles } from "./sourceFiles";

const line = (place: string): string => place.replace(/:\d+$/, "");

describe("one definition of each concept", () => {
  it.each([
    ["isIsoDate", "src/domain/isoDate.ts"],
    ["daysBetween", "src/domain/isoDate.ts"],
    ["fromExcelSerial", "src/domain/isoDate.ts"],
    ["excelSerialToIsoDate", "src/domain/isoDate.ts"],
    ["formatKronor", "src/domain/formatAmount.ts"],
    ["pickLanguage", "src/domain/language.ts"],
    ["isDateFormat", "src/domain/numberFormat.ts"],
    ["splitSections", "src/domain/numberFormat.ts"],
    ["isDateCell", "src/domain/cellKinds.ts"],
    ["isErrorCell", "src/domain/cellKinds.ts"],
    ["sentence", "src/domain/messages/entry.ts"],
    ["pluralForm", "src/domain/messages/plural.ts"],
    ["countOf", "src/domain/messages/plural.ts"],
    ["fnv1a", "src/domain/fnv1a.ts"],
    ["escapeXmlText", "src/domain/xmlEscape.ts"],
    ["escapeXml", "src/domain/xmlEscape.ts"],
    ["escapeXmlAttribute", "src/domain/xmlEscape.ts"],
  ])("function %s is defined once, in %s", (name, home) => {
    const defs = occurrences(new RegExp(`(?:function\\s+${name}\\b|\\b(?:const|let|var)\\s+${name}\\s*=)`, "g"));
    expect(defs.map(line)).toEqual([home]);
  });

  it.each([
    ["field", "src/domain/tableFields.ts"],
    ["header", "src/domain/tableFields.ts"],
  ])("function %s (a table's cell or header by column key) is defined once, in %s", (name, home) => {
    expect(occurrences(new RegExp(`function\\s+${name}\\s*\\(`, "g")).map(line)).toEqual([home]);
  });

  // The recording fake of Excel (test/support/fakeExcel.ts, outside src/ and so outside these
  // scans) imitates Excel's DATE() on its own: a measuring tool does not share code with what it
  // measures.

  it("converts Excel serials to dates only in src/domain/isoDate.ts (no other serial → date function, no hand-made epoch)", () => {
    expect(occurrences(/function\s+\w*[Ss]erial\w*(?:Iso|Date)\w*\s*\(/g).map(line)).toEqual(["src/domain/isoDate.ts"]);
    expect(occurrences(/Date\.UTC\(\s*1899\s*,\s*11\s*,\s*30\s*\)/g)).toEqual([]);
    expect([...new Set(occurrences(/\b1462\b|\b1_462\b/g).map(line))]).toEqual(["src/domain/isoDate.ts"]);
  });

  it("splits number-format sections once (no other `function sections`)", () => {
    expect(occurrences(/function\s+sections\s*\(/g)).toEqual([]);
  });

  it("names the 30/90-day windows once, in src/domain/defaults.ts", () => {
    expect(occurrences(/(?:dueSoonDays|expiringDays)\s*:\s*\d/g)).toEqual([]);
    expect(occurrences(/DEFAULT_DUE_SOON_DAYS\s*=\s*30\b/g).map(line)).toEqual(["src/domain/defaults.ts"]);
    expect(occurrences(/DEFAULT_EXPIRING_DAYS\s*=\s*90\b/g).map(line)).toEqual(["src/domain/defaults.ts"]);
  });

  it("spells the link colour once, in src/domain/linkColour.ts (the preview's copy of the Office theme palette is data)", () => {
    const literal = occurrences(/["'`#]0563C1/gi).filter((p) => !p.startsWith("src/preview/cellColours.ts:") || !isThemePalette(p));
    expect([...new Set(literal.map(line))]).toEqual(["src/domain/linkColour.ts"]);
  });

  it("counts UTF-8 bytes with one hand-written counter (the recording fake measures with TextEncoder)", () => {
    expect(occurrences(/<\s*0x800\b/g).map(line)).toEqual(["src/excel/writeJobs.ts"]);
  });

  it("escapes XML with one set of entities, in src/domain/xmlEscape.ts", () => {
    expect(occurrences(/["'`]&amp;["'`]/g).map(line)).toEqual(["src/domain/xmlEscape.ts"]);
  });

  it("hashes with FNV-1a once, in src/domain/fnv1a.ts (the check record's titles, the ribbon message's key)", () => {
    expect(occurrences(/0x811c9dc5/gi).map(line)).toEqual(["src/domain/fnv1a.ts"]);
  });

  it("estimates a write job's request bytes once, in src/excel/writeJobs.ts", () => {
    expect(occurrences(/function\s+estimate\s*\(/g).map(line)).toEqual(["src/excel/writeJobs.ts"]);
  });
});

/** The Office theme's twelve colours, one line of data in the preview (dk1 … folHlink). */
function isThemePalette(place: string): boolean {
  const [file, n] = [place.replace(/:\d+$/, ""), Number(place.split(":").pop())];
  const text = sourceFiles().find((f) => f.path === file)?.text.split("\n")[n - 1] ?? "";
  return (text.match(/"[0-9A-F]{6}"/g) ?? []).length >= 12;
}
