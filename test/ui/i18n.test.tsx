import Decimal from "decimal.js";
import { describeDifference } from "../../src/taskpane/components/Overview";
import { daysBetween, en, formatKronor, pickLanguage, pickPreviewLanguage, sv } from "../../src/taskpane/i18n";

const plain = (s: string): string => s.replace(/\u00a0/g, " ");

describe("pickLanguage", () => {
  it.each([
    ["sv", "sv"],
    ["sv-SE", "sv"],
    ["sv-FI", "sv"],
    ["en", "en"],
    ["en-US", "en"],
    ["en-GB", "en"],
    ["EN-us", "en"],
    ["fi-FI", "sv"],
    ["nb-NO", "sv"],
    ["", "sv"],
    [undefined, "sv"],
  ] as const)("%s → %s", (tag, expected) => {
    expect(pickLanguage(tag)).toBe(expected);
  });

  it("lets ?lang= override the browser's language in the preview", () => {
    expect(pickPreviewLanguage("?lang=en", "sv-SE")).toBe("en");
    expect(pickPreviewLanguage("?lang=sv", "en-US")).toBe("sv");
    expect(pickPreviewLanguage("", "en-US")).toBe("en");
    expect(pickPreviewLanguage("", undefined)).toBe("sv");
  });
});

describe("formatKronor", () => {
  it("formats whole kronor with Swedish grouping", () => {
    expect(plain(formatKronor(new Decimal("13302905")))).toBe("13 302 905 kr");
    expect(plain(formatKronor(new Decimal("0")))).toBe("0 kr");
    expect(plain(formatKronor(new Decimal("-1")))).toBe("−1 kr");
  });

  it("shows öre only when there are öre, rounded half up", () => {
    expect(plain(formatKronor(new Decimal("1234.5")))).toBe("1 234,50 kr");
    expect(plain(formatKronor(new Decimal("0.005")))).toBe("0,01 kr");
  });

  it("rounds to öre before it decides whether to show öre (the domain's rule, one definition)", () => {
    expect(plain(formatKronor(new Decimal("1.001")))).toBe("1 kr");
    expect(plain(formatKronor(new Decimal("-0.001")))).toBe("0 kr");
  });

  it("keeps every digit of an amount beyond a float's precision", () => {
    expect(plain(formatKronor(new Decimal("12345678901234567.15")))).toBe("12 345 678 901 234 567,15 kr");
  });

  it("never breaks between the number and kr", () => {
    expect(formatKronor(new Decimal("757528"))).toBe("757\u00a0528\u00a0kr");
  });
});

describe("dates", () => {
  it("counts whole days across months and leap days", () => {
    expect(daysBetween("2024-11-15", "2024-11-27")).toBe(12);
    expect(daysBetween("2024-11-15", "2024-11-12")).toBe(-3);
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2024-03-30", "2024-10-28")).toBe(212);
    // The domain's rule: a caller checks with isIsoDate first; a date that is none is an error.
    expect(() => daysBetween("2024-11-15", "not a date")).toThrow(RangeError);
  });

  it("words relative days in both languages", () => {
    expect(sv.relativeDays(12)).toBe("om 12 dagar");
    expect(sv.relativeDays(-3)).toBe("för 3 dagar sedan");
    expect(sv.relativeDays(0)).toBe("i dag");
    expect(sv.relativeDays(1)).toBe("i morgon");
    expect(sv.relativeDays(-1)).toBe("i går");
    expect(en.relativeDays(12)).toBe("in 12 days");
    expect(en.relativeDays(-3)).toBe("3 days ago");
  });
});

describe("status labels", () => {
  it("are exactly the agreed words", () => {
    expect(sv.followUpStatus).toEqual({
      overdue: "Försenad",
      "due-soon": "Snart",
      planned: "Planerad",
      done: "Klar",
      "no-date": "Datum saknas",
    });
    expect(sv.agreementStatus).toEqual({
      expired: "Utgånget",
      expiring: "Går ut snart",
      valid: "Gäller",
      "open-ended": "Tills vidare",
      unknown: "Okänd",
    });
    expect(en.followUpStatus).toEqual({
      overdue: "Overdue",
      "due-soon": "Due soon",
      planned: "Planned",
      done: "Done",
      "no-date": "No date",
    });
    expect(en.agreementStatus).toEqual({
      expired: "Expired",
      expiring: "Expiring",
      valid: "Valid",
      "open-ended": "Open-ended",
      unknown: "Unknown",
    });
  });

  it("word the success messages as agreed", () => {
    expect(sv.kontrolleraDone(2)).toBe("Kontrollen är klar: 2 statuskolumner uppdaterade.");
    expect(sv.summeringDone("Balans summering")).toBe("Summeringen är uppdaterad på bladet Balans summering.");
    expect(sv.goToRow(12, "Balanslista")).toBe("Gå till rad 12 på Balanslista");
  });
});

describe("describeDifference", () => {
  it("says which way a difference goes", () => {
    expect(plain(describeDifference(new Decimal(-1), sv))).toBe("−1 kr ofördelat");
    expect(plain(describeDifference(new Decimal(1), sv))).toBe("1 kr för mycket");
    expect(describeDifference(new Decimal(0), sv)).toBe("0 kr – i balans");
    expect(describeDifference(null, sv)).toBe("saknas");
    expect(plain(describeDifference(new Decimal("-2500.5"), en))).toBe("−2 500,50 kr unallocated");
  });
});
