/**
 * parseAmount reads the common forms (`1 800 000 kr`, `757 528,50`, whole numbers) by a shortcut
 * (issue 15). It must give exactly what the full grammar gives: the same verdict, the same value
 * and the same representation (decimal places), for every text — the ones it takes and the ones
 * it leaves to the grammar.
 */
import fc from "fast-check";
import { parseAmount, parseAmountTextForTest, type AmountResult } from "../../../src/domain/parseAmount";

/** A result as plain data: the value with all its digits, or the failure as it is. */
function plain(result: AmountResult): unknown {
  if (!result.ok) return result;
  return { ok: true, value: result.value.toString(), places: result.value.decimalPlaces(), negative: result.value.isNegative() };
}

describe("parseAmount – the shortcut for common amounts reads as the full grammar does", () => {
  it.each([
    ["1 800 000 kr", "1800000"],
    ["1\u00a0800\u00a0000", "1800000"],
    ["1\u202f800\u202f000\u00a0kr", "1800000"],
    ["757 528,50", "757528.5"],
    ["757 528,5 kr", "757528.5"],
    ["1800000kr", "1800000"],
    ["0,05", "0.05"],
    ["0,00", "0"],
    ["007", "7"],
    ["12,34kr", "12.34"],
  ])("%j → %s, as the grammar reads it", (text, expected) => {
    const fast = parseAmount(text);
    expect(fast.ok && fast.value.toString()).toBe(expected);
    expect(plain(fast)).toEqual(plain(parseAmountTextForTest(text)));
  });

  it.each([["1 80 000"], ["1234 567"], ["12,"], ["12,345"], ["1 800 000 KR"], [" 12"], ["12 "], ["12  kr"], ["-12"], ["1.5"], ["12 mkr"]])(
    "%j is left to the grammar and read as it says",
    (text) => {
      expect(plain(parseAmount(text))).toEqual(plain(parseAmountTextForTest(text)));
    },
  );

  it("gives the grammar's verdict on generated texts of digits, spaces, commas, dots and units", () => {
    const piece = fc.constantFrom("0", "1", "5", "9", "12", "345", "800", " ", "\u00a0", "\u202f", ",", ".", "kr", " kr", "-", "\u2212", "mkr", "K");
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), (pieces) => {
        const text = pieces.join("");
        expect(plain(parseAmount(text))).toEqual(plain(parseAmountTextForTest(text)));
      }),
      { numRuns: 20_000, seed: 15 },
    );
  });

  it("reads whole numbers as String(n) would, and -0 as 0", () => {
    for (const n of [0, -0, 1, -1, 2024, 1_800_000, -13_302_905, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER]) {
      const r = parseAmount(n);
      expect(r.ok && r.value.toString()).toBe(String(n === 0 ? 0 : n));
      expect(r.ok && r.value.isNegative()).toBe(n < 0);
    }
    const half = parseAmount(0.125);
    expect(half.ok && half.value.toString()).toBe("0.13");
  });
});
