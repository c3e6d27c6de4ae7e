/** The catalogue of words (src/domain/messages/): every code in both languages, plurals chosen once. */
import { coded, countOf, inLanguage, localise, MESSAGES, pluralForm, say } from "../../../../src/domain/messages";
import { MESSAGE_PARTS } from "../../../../src/domain/messages/catalogue";
import type { Entry } from "../../../../src/domain/messages/entry";

const NB = "\u00a0";

describe("the catalogue", () => {
  it("holds each code in one part only (a part's code never overrides another's)", () => {
    const codes = Object.values(MESSAGE_PARTS).flatMap((part) => Object.keys(part));
    expect(codes.length).toBe(new Set(codes).size);
    expect(Object.keys(MESSAGES).sort()).toEqual([...codes].sort());
  });

  it.each(Object.entries(MESSAGES) as [string, Entry][])("%s has a Swedish and an English text of the same kind", (_code, entry) => {
    expect(typeof entry.sv === "string" || typeof entry.sv === "function").toBe(true);
    expect(typeof entry.en).toBe(typeof entry.sv);
    if (typeof entry.sv === "string" && typeof entry.en === "string") {
      expect(entry.sv.trim()).not.toBe("");
      expect(entry.en.trim()).not.toBe("");
      expect(entry.sv).not.toBe(entry.en);
    }
  });

  it("gives a problem's texts, and with its code for notices", () => {
    expect(localise("row.area-missing")).toEqual({
      message: "Område saknas eller kan inte läsas: raden räknas inte med.",
      messageEn: "Area is missing or unreadable: the row is left out.",
    });
    expect(coded("summary-protected", { sheet: "Balans summering" })).toEqual({
      code: "summary-protected",
      message: "Summeringsbladet ”Balans summering” är skyddat, så Balans skriver inte om det. Ta bort skyddet (Granska → Ta bort bladskydd) och kör Summering igen.",
      messageEn: "The summary sheet \"Balans summering\" is protected, so Balans does not rewrite it. Unprotect it (Review → Unprotect Sheet) and run Summary again.",
    });
    expect(say("en", "date.not-exist", { date: "2025-02-30" })).toBe('The date "2025-02-30" does not exist.');
  });

  it("picks a problem's text in the pane's language, Swedish when no English is written", () => {
    const text = { message: "Raden saknas.", messageEn: "The row is missing." };
    expect(inLanguage("sv", text)).toBe("Raden saknas.");
    expect(inLanguage("en", text)).toBe("The row is missing.");
    expect(inLanguage("en", { message: "Raden saknas.", messageEn: "" })).toBe("Raden saknas.");
  });

  it("joins a reason from another message as a sentence", () => {
    const reason = { message: "Belopp saknas", messageEn: "Amount missing" };
    expect(localise("distribution.amount-unreadable", { reason })).toEqual({
      message: "Belopp saknas. Raden räknas inte med i summorna.",
      messageEn: "Amount missing. The row is left out of the sums.",
    });
  });

  it("says a table by name, and a range by its header row", () => {
    expect(say("sv", "status-merge-table", { table: "", headerRow: 4, letter: "F", at: "F4:G4" })).toContain("vid området på rad 4 korsar");
    expect(say("en", "status-merge-table", { table: "Avtal", headerRow: 4, letter: "F", at: "F4:G4" })).toContain("beside the table Avtal crosses");
  });
});

describe("singular and plural", () => {
  it.each([
    [0, "0 rader"],
    [1, "1 rad"],
    [2, "2 rader"],
    [21, "21 rader"],
  ])("Swedish: %i → %s", (n, expected) => {
    expect(countOf("sv", n, { one: "rad", other: "rader" })).toBe(expected);
  });

  it.each([
    [0, "0 rows"],
    [1, "1 row"],
    [2, "2 rows"],
  ])("English: %i → %s", (n, expected) => {
    expect(countOf("en", n, { one: "row", other: "rows" })).toBe(expected);
  });

  it("takes the form the language's plural rules give, not a test of n === 1 alone", () => {
    expect(pluralForm("sv", 1, { one: "avtal", other: "avtal" })).toBe("avtal");
    expect(pluralForm("sv", 1.5, { one: "rad", other: "rader" })).toBe("rader");
  });

  it("writes the pane's counts in the language's number format", () => {
    expect(say("sv", "pane.rows-in-sum", { n: 1 })).toBe("1 rad i summan");
    expect(say("sv", "pane.rows-in-sum", { n: 1234 })).toBe(`1${NB}234 rader i summan`);
    expect(say("en", "pane.rows-in-sum", { n: 1234 })).toBe("1,234 rows in the sum");
    expect(say("sv", "pane.check-done", { n: 0 })).toBe("Kontrollen är klar: inga statuskolumner att uppdatera.");
    expect(say("sv", "pane.check-done", { n: 1 })).toBe("Kontrollen är klar: 1 statuskolumn uppdaterad.");
    expect(say("sv", "pane.check-done", { n: 2 })).toBe("Kontrollen är klar: 2 statuskolumner uppdaterade.");
    expect(say("en", "pane.check-done", { n: 1 })).toBe("Check complete: 1 status column updated.");
    expect(say("sv", "pane.problems-found", { n: 1 })).toBe("1 problem i arbetsboken kan påverka resultatet.");
    expect(say("en", "pane.problems-found", { n: 2 })).toBe("2 problems in the workbook may affect the results.");
    expect(say("sv", "pane.change.new", { n: 1 })).toBe("Ny rad (1)");
    expect(say("sv", "pane.change.new", { n: 0 })).toBe("Nya rader (0)");
    expect(say("en", "pane.change.expired", { n: 1 })).toBe("Agreement expired (1)");
  });

  it("counts the money that needs attention in singular and plural", () => {
    expect(say("sv", "attention.summary", { imbalance: 1, overspent: 2, reportOverdue: 0, reportDueSoon: 1 })).toBe(
      "Medel: 1 obalans, 2 insatser har förbrukat mer än fördelat, 0 försenade återredovisningar, 1 snart.",
    );
    expect(say("en", "attention.summary", { imbalance: 2, overspent: 1, reportOverdue: 1, reportDueSoon: 0 })).toBe(
      "Funds: 2 imbalances, 1 row used more than distributed, 1 overdue report-back, 0 due soon.",
    );
  });
});
