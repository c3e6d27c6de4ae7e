/**
 * One reading of Excel number formats for the Excel adapter, the file reader and the preview
 * (issue 13). Issue 12: an elapsed-time format such as `[h]:mm` (hours past 24, e.g. a sum of
 * working hours) shows a duration, not a date; its cells are read as numbers.
 */
import {
  formatIdKind,
  formatTokens,
  isDateFormat,
  numberFormatKind,
  sectionKind,
  splitSections,
} from "../../../src/domain/numberFormat";

describe("splitSections", () => {
  it("splits at ; outside quotes and escapes, keeping each section as written", () => {
    expect(splitSections('#,##0 "kr";-#,##0 "kr";0 "kr"')).toEqual(['#,##0 "kr"', '-#,##0 "kr"', '0 "kr"']);
    expect(splitSections('0 "a;b"')).toEqual(['0 "a;b"']);
    expect(splitSections("0\\;0;-0")).toEqual(["0\\;0", "-0"]);
    expect(splitSections("dd.mm.yy;@")).toEqual(["dd.mm.yy", "@"]);
    expect(splitSections("")).toEqual([""]);
  });
});

describe("formatTokens", () => {
  it("drops quoted text, escapes, padding, fills and [codes]; keeps elapsed time as an upper-case letter", () => {
    expect(formatTokens('[Red]#,##0 "kr"')).toBe("#,##0 ");
    expect(formatTokens("[h]:mm")).toBe("H:mm");
    expect(formatTokens("[mm]:ss")).toBe("M:ss");
    expect(formatTokens('_-* #,##0\\ "d"')).toBe("#,##0");
    expect(formatTokens("[$-41D]D MMMM YYYY")).toBe("d mmmm yyyy");
  });
});

describe("isDateFormat", () => {
  it.each(["yyyy-mm-dd", "d/m/yyyy", "mmm yy", "mm", "[$-41D]d mmmm yyyy", "yyyy-mm-dd hh:mm", "dd.mm.yy;@", "ÅÅÅÅ-MM-DD", "[Red]yyyy-mm-dd", "yyyy\\-mm\\-dd"])(
    "%p is a date format",
    (f) => expect(isDateFormat(f)).toBe(true),
  );

  it.each(["[h]:mm", "[H]:MM", "[hh]:mm:ss", "[mm]:ss", "[m]", "[s]", "[ss].00", "[Red][h]:mm"])("%p (elapsed time) is not a date format", (f) =>
    expect(isDateFormat(f)).toBe(false),
  );

  it.each(["h:mm", "hh:mm:ss", "mm:ss", "mmss.0", "h:mm AM/PM", "h:mm:ss a/p"])("%p (a time of day) is not a date format", (f) =>
    expect(isDateFormat(f)).toBe(false),
  );

  it.each(["General", "Standard", "Allmänt", "@", "0", '#,##0 "kr";-#,##0 "kr";0 "kr"', '0 "dagar"', "0.00E+00", "[Red]0", "", null, 5, undefined])(
    "%p is not",
    (f) => expect(isDateFormat(f)).toBe(false),
  );

  it("reads only the first section", () => {
    expect(isDateFormat('0;"yyyy"')).toBe(false);
    expect(isDateFormat("0;yyyy-mm-dd")).toBe(false);
    expect(isDateFormat("yyyy-mm-dd;0")).toBe(true);
  });
});

describe("numberFormatKind and sectionKind", () => {
  it.each([
    ["General", "general"],
    ["", "general"],
    ["@", "text"],
    ["yyyy-mm-dd", "date"],
    ["yyyy-mm-dd hh:mm", "date"],
    ["h:mm", "time"],
    ["mm:ss", "time"],
    ["[h]:mm:ss", "elapsed"],
    ["#,##0.00", "number"],
    ['0 "h"', "number"],
  ] as const)("%p → %p", (code, kind) => expect(numberFormatKind(code)).toBe(kind));

  it("gives the kind of one section as it stands (the preview picks the section for negatives)", () => {
    expect(sectionKind("-yyyy-mm-dd")).toBe("date");
    expect(sectionKind("[Blue]-0")).toBe("number");
  });
});

describe("formatIdKind (styles part: built-in ids without a code, ECMA-376 §18.8.30)", () => {
  it.each([14, 15, 16, 17, 22, 27, 31, 36, 50, 58])("built-in %p is a date", (id) => expect(formatIdKind(id)).toBe("date"));
  it.each([18, 19, 20, 21, 45, 47, 32, 35, 55, 56])("built-in %p is a time of day", (id) => expect(formatIdKind(id)).toBe("time"));
  it("built-in 46 ([h]:mm:ss) is elapsed time, 49 text, 0 General, 3 (#,##0) a number", () => {
    expect(formatIdKind(46)).toBe("elapsed");
    expect(formatIdKind(49)).toBe("text");
    expect(formatIdKind(0)).toBe("general");
    expect(formatIdKind(3)).toBe("number");
    expect(formatIdKind(170)).toBe("number");
  });
  it("reads a custom code by the same rule as Office.js's codes, even when it redefines a built-in id", () => {
    expect(formatIdKind(164, "yyyy\\-mm\\-dd")).toBe("date");
    expect(formatIdKind(165, "[h]:mm")).toBe("elapsed");
    expect(formatIdKind(14, "0.00")).toBe("number");
  });
});
