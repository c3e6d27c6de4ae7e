/**
 * Issue 13: one catalogue of words. Every user-facing Swedish/English pair is written in
 * src/domain/messages/ and nowhere else: a `messageEn: "…"` literal, a `{ sv: "…", en: "…" }`
 * pair or a Swedish text followed by its English one as the next argument anywhere else fails
 * here, with its place.
 */
import { sourceFiles } from "./sourceFiles";

const CATALOGUE = "src/domain/messages/";

/** A string or template literal (no nesting across lines). */
const LIT = String.raw`(["'\x60])((?:(?!\1)[^\\\n]|\\.)*)\1`;
const LETTER = /\p{L}/u;
const ENGLISH = /\b(?:the|is|are|was|were|not|cannot|does|has|and)\b/;

function placesOf(pattern: RegExp, keep: (m: RegExpMatchArray) => boolean): string[] {
  const found: string[] = [];
  for (const file of sourceFiles()) {
    if (file.path.startsWith(CATALOGUE) || !/\.tsx?$/.test(file.path)) continue;
    for (const m of file.text.matchAll(pattern)) {
      if (!keep(m)) continue;
      found.push(`${file.path}:${file.text.slice(0, m.index).split("\n").length}`);
    }
  }
  return found;
}

/** The literal's own text, without the `${…}` it interpolates. */
const ownText = (literal: string) => literal.replace(/\$\{[^}]*\}/g, "");

describe("one catalogue of words (src/domain/messages/)", () => {
  it("writes no `messageEn:` text outside the catalogue", () => {
    expect(placesOf(new RegExp(String.raw`\bmessageEn\s*:\s*${LIT}`, "g"), () => true)).toEqual([]);
  });

  it("writes no { sv: …, en: … } pair of texts outside the catalogue", () => {
    const pair = new RegExp(String.raw`\bsv\s*:\s*${LIT}\s*,\s*en\s*:`, "g");
    expect(placesOf(pair, (m) => LETTER.test(ownText(m[2] ?? "")))).toEqual([]);
  });

  it("passes no Swedish text followed by its English one (a call's next argument) outside the catalogue", () => {
    const pair = new RegExp(String.raw`(["'\x60])((?:(?!\1)[^\\\n]|\\.)*[åäöÅÄÖ](?:(?!\1)[^\\\n]|\\.)*)\1\s*,\s*(["'\x60])((?:(?!\3)[^\\\n]|\\.)*)\3`, "g");
    expect(placesOf(pair, (m) => ENGLISH.test(ownText(m[4] ?? "")))).toEqual([]);
  });

  it("builds no BalansError from texts written in place (balansError takes a catalogue code)", () => {
    expect(placesOf(new RegExp(String.raw`new BalansError\(\s*"[^"]*"\s*,\s*${LIT}`, "g"), () => true)).toEqual([]);
  });

  it("chooses singular or plural in one place (no `n === 1 ? one : many` outside the catalogue)", () => {
    const choice = new RegExp(String.raw`===\s*1\s*\?\s*${LIT}\s*:\s*${LIT}`, "g");
    expect(placesOf(choice, (m) => LETTER.test(ownText(m[2] ?? "")))).toEqual([]);
  });

  it("finds what it looks for (the rules fail on a planted pair)", () => {
    const planted = `const p = { message: "Raden saknas.", messageEn: "The row is missing." };\nthrow new BalansError("unknown", "Fel", "Error");`;
    expect(planted.match(new RegExp(String.raw`\bmessageEn\s*:\s*${LIT}`, "g"))).toHaveLength(1);
    expect(planted.match(new RegExp(String.raw`new BalansError\(\s*"[^"]*"\s*,\s*${LIT}`, "g"))).toHaveLength(1);
  });
});
