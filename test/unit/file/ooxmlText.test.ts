/**
 * The text helpers of the reader (src/file/ooxmlText.ts): `_xHHHH_` escapes, and ownString, which
 * copies a text cut from a part's XML so that the 64 KB piece it came from can go (issue 15).
 */
import fc from "fast-check";
import { decodeOoxmlText, ownString } from "../../../src/file/ooxmlText";

describe("ownString", () => {
  it("gives back the same text, whatever it holds", () => {
    const piece = `<si><t>Insats nummer 1505 – Östersund 😀 \ud800 "citat" \\ ${"x".repeat(40)}</t></si>`;
    for (let start = 0; start < piece.length; start += 3) {
      for (const end of [start + 1, start + 12, start + 13, start + 14, start + 30, piece.length]) {
        const cut = piece.slice(start, end);
        expect(ownString(cut)).toBe(cut);
      }
    }
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 80 }), (s) => ownString(s) === s));
  });
});

describe("decodeOoxmlText", () => {
  it("decodes _xHHHH_ escapes and leaves other text alone", () => {
    expect(decodeOoxmlText("Rad_x000D_\nny")).toBe("Rad\r\nny");
    expect(decodeOoxmlText("_x0041__x0042_")).toBe("AB");
    expect(decodeOoxmlText("_x00G1_ och _x12_")).toBe("_x00G1_ och _x12_");
  });
});
