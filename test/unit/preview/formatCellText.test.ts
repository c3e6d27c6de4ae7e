import { KRONOR_FORMAT, KRONOR_ORE_FORMAT } from "../../../src/domain/template";
import { formatCellText, internalLinkOf } from "../../../src/preview/formatCellText";

const sv = (value: unknown, numFmt?: string) => formatCellText(value, numFmt, "sv").text;
const en = (value: unknown, numFmt?: string) => formatCellText(value, numFmt, "en").text;
const NB = "\u00a0";

describe("formatCellText", () => {
  it("shows empty cells, text and booleans as Excel does (Swedish SANT/FALSKT)", () => {
    expect(formatCellText(null, undefined, "sv")).toEqual({ text: "", numeric: false });
    expect(formatCellText(undefined, undefined, "sv")).toEqual({ text: "", numeric: false });
    expect(formatCellText("Nära vård", undefined, "sv")).toEqual({ text: "Nära vård", numeric: false });
    expect(sv("=1+1")).toBe("=1+1");
    expect(sv(true)).toBe("SANT");
    expect(sv(false)).toBe("FALSKT");
    expect(en(true)).toBe("TRUE");
  });

  it("formats kronor with the summary sheet's formats: Swedish grouping, minus and zero sections", () => {
    expect(formatCellText(13302905, KRONOR_FORMAT, "sv")).toEqual({ text: `13${NB}302${NB}905 kr`, numeric: true });
    expect(sv(-1500, KRONOR_FORMAT)).toBe(`-1${NB}500 kr`);
    expect(sv(0, KRONOR_FORMAT)).toBe("0 kr");
    expect(sv(757528.5, KRONOR_ORE_FORMAT)).toBe(`757${NB}528,50 kr`);
    expect(sv(757528.5, KRONOR_FORMAT)).toBe(`757${NB}529 kr`);
    expect(en(13302905, KRONOR_FORMAT)).toBe("13,302,905 kr");
  });

  it("formats plain numbers as General, percentages and fixed decimals", () => {
    expect(sv(2024)).toBe("2024");
    expect(sv(0.1 + 0.2)).toBe("0,3");
    expect(sv(-2.5)).toBe("\u22122,5");
    expect(en(-2.5)).toBe("-2.5");
    expect(sv(1234.5, "General")).toBe("1234,5");
    expect(sv(0.256, "0%")).toBe("26%");
    expect(sv(0.256, "0.0%")).toBe("25,6%");
    expect(sv(1234.5, "0.00")).toBe("1234,50");
    expect(sv(1234567, "#,##0")).toBe(`1${NB}234${NB}567`);
    expect(sv(5, '[Red]0;[Blue]-0')).toBe("5");
  });

  it("shows dates as YYYY-MM-DD, from Date values and from serial numbers with a date format", () => {
    expect(formatCellText(new Date(Date.UTC(2024, 10, 15)), "yyyy-mm-dd", "sv")).toEqual({ text: "2024-11-15", numeric: true });
    expect(sv(new Date(Date.UTC(2024, 1, 29, 18, 30)), "yyyy-mm-dd hh:mm")).toBe("2024-02-29 18:30");
    expect(sv(45611, "yyyy-mm-dd")).toBe("2024-11-15");
    expect(sv(45611, "d/m/yyyy")).toBe("2024-11-15");
    expect(sv(new Date(Number.NaN))).toBe("");
  });

  it("reads serials by the domain's rules: serial 60 is 1900-02-28, a time of day and elapsed time are no dates", () => {
    expect(sv(59, "yyyy-mm-dd")).toBe("1900-02-28");
    expect(sv(60, "yyyy-mm-dd")).toBe("1900-02-28");
    expect(sv(61, "yyyy-mm-dd")).toBe("1900-03-01");
    expect(sv(45611.75, "yyyy-mm-dd hh:mm")).toBe("2024-11-15 18:00");
    expect(sv(0.5, "yyyy-mm-dd")).toBe("0,5");
    expect(sv(0.75, "h:mm")).toBe("18:00");
    expect(sv(45611.75, "hh:mm:ss")).toBe("18:00:00");
    expect(sv(1.5, "[h]:mm")).toBe("36:00");
    expect(formatCellText(0.75, "h:mm", "sv").numeric).toBe(true);
  });

  it("shows formula results, rich text, links and error values", () => {
    expect(sv({ formula: "SUM(C2:C3)", result: 30 }, KRONOR_FORMAT)).toBe("30 kr");
    expect(sv({ formula: "A1", result: undefined })).toBe("");
    expect(sv({ sharedFormula: "B2", result: "x" })).toBe("x");
    expect(sv({ richText: [{ text: "Fet" }, { text: " och vanlig" }] })).toBe("Fet och vanlig");
    expect(sv({ text: "Rad 4", hyperlink: "#'Balanslista'!A4" })).toBe("Rad 4");
    expect(sv({ text: { richText: [{ text: "Länk" }] }, hyperlink: "https://example.org" })).toBe("Länk");
    expect(sv({ error: "#N/A" })).toBe("#N/A");
    expect(sv({ formula: "1/0", result: { error: "#DIV/0!" } })).toBe("#DIV/0!");
  });
});

describe("internalLinkOf", () => {
  it("reads the sheet and row of a link inside the workbook", () => {
    expect(internalLinkOf({ text: "Rad 4", hyperlink: "#'Balanslista'!A4" })).toEqual({ sheet: "Balanslista", row: 4 });
    expect(internalLinkOf({ text: "x", hyperlink: "#'Ann''s blad'!$B$12" })).toEqual({ sheet: "Ann's blad", row: 12 });
    expect(internalLinkOf({ text: "x", hyperlink: "#Avtal!A6:C6" })).toEqual({ sheet: "Avtal", row: 6 });
    expect(internalLinkOf({ text: "x", hyperlink: "Avtal!A6" })).toEqual({ sheet: "Avtal", row: 6 });
  });

  it("is null for web links, plain values and nonsense", () => {
    expect(internalLinkOf({ text: "x", hyperlink: "https://www.regionjh.se/samverkan" })).toBeNull();
    expect(internalLinkOf({ text: "x", hyperlink: "#Avtal" })).toBeNull();
    expect(internalLinkOf("#'Avtal'!A6")).toBeNull();
    expect(internalLinkOf(null)).toBeNull();
    expect(internalLinkOf({ text: "x", hyperlink: "#'Avtal'!A0" })).toBeNull();
  });
});
