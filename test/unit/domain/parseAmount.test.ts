import type { AmountResult } from "../../../src/domain/parseAmount";
import { parseAmount } from "../../../src/domain/parseAmount";
import type { CellValue } from "../../../src/domain/types";

/** The parsed amount as a fixed two-decimal string, or the failure. */
function read(value: CellValue): string | { empty: boolean; message: string; messageEn: string } {
  const result: AmountResult = parseAmount(value);
  if (result.ok) return result.value.toFixed(2);
  return { empty: result.empty, message: result.message, messageEn: result.messageEn };
}

function failure(value: CellValue): { empty: boolean; message: string; messageEn: string } {
  const result = parseAmount(value);
  if (result.ok) throw new Error(`expected ${JSON.stringify(value)} to be rejected, got ${result.value.toFixed(2)}`);
  return result;
}

describe("parseAmount – the Summa column of the 2024 fund distribution", () => {
  it.each([
    ["1 800 000 kr", "1800000.00"],
    ["1 073 000", "1073000.00"],
    ["101 230", "101230.00"],
    ["2 974 230 kr", "2974230.00"],
    ["757 528 kr", "757528.00"],
    ["6 819 298 kr", "6819298.00"],
    ["1 509 377 kr", "1509377.00"],
    ["13 302 905 kr", "13302905.00"],
  ])("%s → %s", (text, expected) => {
    expect(read(text)).toBe(expected);
  });
});

describe("parseAmount – text", () => {
  it("accepts no-break and narrow no-break spaces between thousands", () => {
    expect(read("1\u00a0800\u00a0000")).toBe("1800000.00");
    expect(read("1\u202f800\u202f000 kr")).toBe("1800000.00");
    expect(read("13\u00a0302\u00a0905\u00a0kr")).toBe("13302905.00");
  });

  it("accepts digits without separators and surrounding spaces", () => {
    expect(read("1800000")).toBe("1800000.00");
    expect(read("  1 800 000 kr  ")).toBe("1800000.00");
    expect(read("1800000kr")).toBe("1800000.00");
    expect(read("0")).toBe("0.00");
  });

  it("reads a decimal comma to the öre", () => {
    expect(read("757 528,50")).toBe("757528.50");
    expect(read("757 528,5 kr")).toBe("757528.50");
    expect(read("0,10")).toBe("0.10");
    expect(read("12,05 kr")).toBe("12.05");
  });

  it("rounds more than two decimals half up to the öre", () => {
    expect(read("0,005")).toBe("0.01");
    expect(read("0,004")).toBe("0.00");
    expect(read("1 000,1250")).toBe("1000.13");
  });

  it("accepts the kronor endings staff write", () => {
    expect(read("500 kr")).toBe("500.00");
    expect(read("500 kr.")).toBe("500.00");
    expect(read("500 KR")).toBe("500.00");
    expect(read("500:-")).toBe("500.00");
    expect(read("500 :-")).toBe("500.00");
    expect(read("500,-")).toBe("500.00");
    expect(read("500 kronor")).toBe("500.00");
    expect(read("500 SEK")).toBe("500.00");
  });

  it("multiplies tkr by 1 000 and mkr/mnkr by 1 000 000", () => {
    expect(read("1 073 tkr")).toBe("1073000.00");
    expect(read("1,5 tkr")).toBe("1500.00");
    expect(read("1,5 mkr")).toBe("1500000.00");
    expect(read("1,5mkr")).toBe("1500000.00");
    expect(read("2 mnkr")).toBe("2000000.00");
    expect(read("11 mnkr")).toBe("11000000.00");
    expect(read("2,48 mkr")).toBe("2480000.00");
    expect(read("1,234567 mkr")).toBe("1234567.00");
    expect(read("1,2345678 mkr")).toBe("1234567.80");
    expect(read("1,500 mkr")).toBe("1500000.00");
    expect(read("0,5 Mkr.")).toBe("500000.00");
  });

  it("reads a leading minus or U+2212 MINUS SIGN", () => {
    expect(read("-2 000 kr")).toBe("-2000.00");
    expect(read("\u22122 000 kr")).toBe("-2000.00");
    expect(read("- 500")).toBe("-500.00");
    expect(read("-1,8 mkr")).toBe("-1800000.00");
    expect(read("\u22120,50")).toBe("-0.50");
  });

  it("reads minus zero as zero", () => {
    const result = parseAmount("-0");
    expect(result.ok && result.value.isNegative()).toBe(false);
    expect(read("\u22120,001")).toBe("0.00");
  });

  it("accepts repeated dots as thousands separators", () => {
    expect(read("1.800.000")).toBe("1800000.00");
    expect(read("1.800.000,50 kr")).toBe("1800000.50");
  });

  it("accepts a single dot followed by one or two digits as a decimal point", () => {
    expect(read("757528.50")).toBe("757528.50");
    expect(read("2.0 mkr")).toBe("2000000.00");
  });

  it("is exact to the öre: 0,10 + 0,20 = 0,30", () => {
    const a = parseAmount("0,10");
    const b = parseAmount("0,20");
    if (!a.ok || !b.ok) throw new Error("expected amounts");
    expect(a.value.plus(b.value).toFixed(2)).toBe("0.30");
    expect(a.value.plus(b.value).equals("0.3")).toBe(true);
  });
});

describe("parseAmount – numbers", () => {
  it("takes number cells as they are", () => {
    expect(read(1800000)).toBe("1800000.00");
    expect(read(757528.5)).toBe("757528.50");
    expect(read(-2000)).toBe("-2000.00");
    expect(read(0)).toBe("0.00");
  });

  it("uses the shortest decimal text of the number, so 0.1 is 0,10", () => {
    expect(read(0.1)).toBe("0.10");
    expect(read(0.1 + 0.2)).toBe("0.30");
  });

  it("rounds to the öre half away from zero", () => {
    expect(read(1.005)).toBe("1.01");
    expect(read(2.675)).toBe("2.68");
    expect(read(-0.005)).toBe("-0.01");
    expect(read(0.004)).toBe("0.00");
  });

  it("reads minus zero as zero", () => {
    const result = parseAmount(-0);
    expect(result.ok && result.value.isNegative()).toBe(false);
  });

  it("keeps large numbers exact", () => {
    expect(read(1560000000)).toBe("1560000000.00");
    expect(read(1e21)).toBe("1000000000000000000000.00");
  });

  it("rejects NaN and infinities", () => {
    for (const value of [NaN, Infinity, -Infinity]) {
      expect(read(value)).toEqual({
        empty: false,
        message: "Cellen innehåller inget giltigt tal",
        messageEn: "The cell does not contain a valid number",
      });
    }
  });
});

describe("parseAmount – empty cells", () => {
  it.each([[null], [""], ["   "], ["\u00a0"], ["\t\n"]])("%j is empty", (value) => {
    expect(read(value)).toEqual({ empty: true, message: "Belopp saknas", messageEn: "Amount missing" });
  });
});

describe("parseAmount – rejected values", () => {
  it("rejects an approximate amount", () => {
    expect(read("ca 2 mkr?")).toEqual({
      empty: false,
      message: "”ca 2 mkr?” är ett ungefärligt eller osäkert belopp. Skriv ett exakt belopp, t.ex. 2 000 000 kr.",
      messageEn: '"ca 2 mkr?" is an approximate or uncertain amount. Write an exact amount, e.g. 2 000 000 kr.',
    });
    expect(failure("ca 2,48mkr").message).toContain("ungefärligt");
    expect(failure("1 000 000?").message).toContain("ungefärligt");
    expect(failure("~500 kr").message).toContain("ungefärligt");
  });

  it("rejects an Excel error value", () => {
    expect(read({ error: "#N/A" })).toEqual({
      empty: false,
      message: "Cellen innehåller ett felvärde (#N/A).",
      messageEn: "The cell contains an error value (#N/A).",
    });
    expect(failure({ error: "#VÄRDE!" }).message).toBe("Cellen innehåller ett felvärde (#VÄRDE!).");
  });

  it("rejects a date cell", () => {
    expect(read({ date: "2024-02-23" })).toEqual({
      empty: false,
      message: "Ett datum står i beloppskolumnen",
      messageEn: "A date is in the amount column",
    });
  });

  it("rejects a date written as text", () => {
    expect(failure("2024-02-23").message).toBe("Ett datum står i beloppskolumnen");
    expect(failure("23/2 2024").message).toBe("Ett datum står i beloppskolumnen");
  });

  it("rejects booleans", () => {
    for (const value of [true, false]) {
      expect(read(value)).toEqual({
        empty: false,
        message: "Cellen innehåller ett sanningsvärde (SANT/FALSKT), inte ett belopp",
        messageEn: "The cell contains a logical value (TRUE/FALSE), not an amount",
      });
    }
  });

  it("rejects commas as thousands separators", () => {
    expect(read("12,345,678")).toEqual({
      empty: false,
      message:
        "”12,345,678” går inte att tolka entydigt: i svenska belopp är komma decimaltecken och mellanslag skiljer tusental. Skriv t.ex. 1 800 000 kr eller 757 528,50 kr.",
      messageEn:
        '"12,345,678" is ambiguous: Swedish amounts use a decimal comma and spaces between thousands. Write e.g. 1 800 000 kr or 757 528,50 kr.',
    });
    expect(failure("1,800,000.50").message).toContain("entydigt");
    expect(failure("1,800.50").message).toContain("entydigt");
  });

  it("rejects one separator followed by three digits, which could be thousands or decimals", () => {
    expect(failure("1,500").message).toContain("entydigt");
    expect(failure("1.500").message).toContain("entydigt");
    expect(failure("1.500 mkr").message).toContain("entydigt");
  });

  it("rejects two numbers in one cell", () => {
    expect(read("440 000 (5 kommuner)")).toEqual({
      empty: false,
      message: "”440 000 (5 kommuner)” innehåller flera tal. Skriv ett belopp per cell, t.ex. 1 800 000 kr.",
      messageEn: '"440 000 (5 kommuner)" contains more than one number. Write one amount per cell, e.g. 1 800 000 kr.',
    });
    expect(failure("1 000 kr + 2 000 kr").message).toContain("flera tal");
    expect(failure("100 000/200 000").message).toContain("flera tal");
  });

  it("rejects digit groups that are not groups of three", () => {
    expect(read("100 20")).toEqual({
      empty: false,
      message:
        "”100 20” har siffergrupper som inte går att tolka: tusental skrivs i grupper om tre (1 800 000), och en cell får bara innehålla ett tal.",
      messageEn:
        '"100 20" has digit groups that cannot be read: thousands are written in groups of three (1 800 000), and a cell may hold only one number.',
    });
    expect(failure("1 80 000").message).toContain("siffergrupper");
  });

  it("rejects text without an amount", () => {
    expect(read("kr")).toEqual({
      empty: false,
      message: "”kr” kan inte läsas som ett belopp. Skriv t.ex. 1 800 000 kr.",
      messageEn: '"kr" cannot be read as an amount. Write e.g. 1 800 000 kr.',
    });
    expect(failure("-").message).toBe("”-” kan inte läsas som ett belopp. Skriv t.ex. 1 800 000 kr.");
    expect(failure("Medel följer anställning").empty).toBe(false);
    expect(failure("20%").empty).toBe(false);
    expect(failure("500-").empty).toBe(false);
    expect(failure("kr 500").empty).toBe(false);
    expect(failure("--500").empty).toBe(false);
    expect(failure(",50").empty).toBe(false);
  });

  it("shortens long text in the message", () => {
    const text = `${"a".repeat(60)} 5`;
    expect(failure(text).message).toBe(`”${"a".repeat(40)}…” kan inte läsas som ett belopp. Skriv t.ex. 1 800 000 kr.`);
  });

  it("never throws on long or odd input", () => {
    expect(failure("1 ".repeat(10000)).empty).toBe(false);
    expect(failure("9".repeat(300)).empty).toBe(false);
    expect(failure("\u0000\ud800").empty).toBe(false);
  });
});

describe("parseAmount – purity", () => {
  it("does not mutate its input", () => {
    const error = Object.freeze({ error: "#N/A" });
    const date = Object.freeze({ date: "2024-02-23" });
    parseAmount(error);
    parseAmount(date);
    expect(error).toEqual({ error: "#N/A" });
    expect(date).toEqual({ date: "2024-02-23" });
  });
});
