/**
 * writeJson (src/cli/writeJson.ts) writes `report --json` in pieces: the bytes must be exactly
 * `JSON.stringify(value, null, 2)` and the end text, for the corpus, the sample and any JSON value.
 */
import fc from "fast-check";
import Decimal from "decimal.js";
import { prepare } from "../../../src/app/prepare";
import { MadeOnWrite, mappedOnWrite, writeJson } from "../../../src/cli/writeJson";
import { defaultOptions } from "../../../src/domain";
import { toReportJson } from "../../../src/domain/reportJson";
import { sampleWorkbook } from "../../../src/domain/sampleWorkbook";
import { templateToWorkbookData } from "../../../src/domain/templateToWorkbookData";
import { CORPUS } from "../../fixtures/corpus";
import { DEFAULT_TODAY } from "../../fixtures/corpus/corpusCase";

function written(value: unknown, end = "\n"): { text: string; chunks: string[] } {
  const chunks: string[] = [];
  writeJson(value, (c) => chunks.push(c), end);
  return { text: chunks.join(""), chunks };
}

const expected = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

describe("writeJson", () => {
  it("writes what JSON.stringify(…, null, 2) writes, with the end text", () => {
    const row = (i: number) => ({ sheet: "Fördelning", row: i, title: `Rad "${i}"\nny rad\t\u2028`, amount: "1.00", paid: null });
    const values: unknown[] = [
      {},
      [],
      "text",
      12.5,
      null,
      true,
      { a: [1, 2, 3], b: { c: [] } },
      // Long arrays are walked, objects that hold them too; the rest is stringified natively.
      { today: "2024-11-15", funds: [{ year: 2024, areas: [], rows: Array.from({ length: 300 }, (_, i) => row(i)) }], problems: [] },
      Array.from({ length: 1000 }, (_, i) => (i % 7 === 0 ? [i, [i]] : row(i))),
      // What JSON.stringify leaves out of objects and writes as null in arrays.
      { skip: undefined, f: () => 1, s: Symbol("x"), keep: 1, list: [undefined, () => 1, Symbol("y"), ...Array(20).fill(0)] },
      // A hole in a long array is null; toJSON is honoured (Decimal, Date).
      Object.assign(Array(40).fill(1), { 3: undefined }),
      { amounts: Array.from({ length: 30 }, (_, i) => new Decimal(i).div(3)), when: new Date(Date.UTC(2024, 10, 15)) },
      // Keys that need escaping, integer-like keys first as JSON.stringify orders them.
      { "b\"k": Array(20).fill("x"), 2: "two", 1: "one", "ä ö": { deep: [Array(18).fill({ x: [] })] } },
    ];
    for (const v of values) expect(written(v).text).toBe(expected(v));
  });

  it("writes in small chunks, never one string of the whole text, also when the long list is deep inside", () => {
    // As report --json of a distribution workbook: the rows are in funds[0].rows, every other list is short.
    const big = { today: "2024-11-15", funds: [{ year: 2024, areas: [], rows: Array.from({ length: 20_000 }, (_, i) => ({ row: i, title: `Insats ${i}` })) }], followUps: [] };
    const { text, chunks } = written(big);
    expect(text).toBe(expected(big));
    expect(chunks.length).toBeGreaterThan(20);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(65_536);
  });

  it("writes an array made on write (MadeOnWrite) as JSON.stringify writes the whole array", () => {
    const item = (i: number): unknown =>
      i % 5 === 0 ? { row: i, list: Array.from({ length: 20 }, (_, k) => k) } : i % 7 === 0 ? undefined : { row: i, title: `Rad "${i}"` };
    for (const length of [0, 1, 2, 31, 32, 33, 64, 65, 100, 1000]) {
      const made = new MadeOnWrite(length, item);
      const whole = Array.from({ length }, (_, i) => item(i));
      for (const [value, plain] of [
        [made, whole],
        [{ a: 1, rows: made, b: [] }, { a: 1, rows: whole, b: [] }],
        [{ funds: [{ year: 2024, rows: made }, { year: 2025, rows: mappedOnWrite([3, 4], item) }] }, { funds: [{ year: 2024, rows: whole }, { year: 2025, rows: [item(3), item(4)] }] }],
        [[[made]], [[whole]]],
      ] as const) {
        expect({ length, text: written(value).text }).toEqual({ length, text: expected(plain) });
        // Declared small, its elements are written natively: the same text.
        const small = { funds: [{ year: 2024, rows: new MadeOnWrite(length, item, true) }, { year: 2025, rows: mappedOnWrite([3, 4], item, true) }] };
        const smallPlain = { funds: [{ year: 2024, rows: whole }, { year: 2025, rows: [item(3), item(4)] }] };
        expect({ length, small: written(small).text }).toEqual({ length, small: expected(smallPlain) });
        // Anything else that serialises it sees the whole array.
        expect(JSON.stringify(value)).toBe(JSON.stringify(plain));
      }
    }
  });

  it("makes the elements of a MadeOnWrite array as they are written, not all before", () => {
    let made = 0;
    const madeWhenWritten: number[] = [];
    const rows = new MadeOnWrite(20_000, (i) => {
      made++;
      return { row: i, title: `Insats ${i}` };
    });
    writeJson({ funds: [{ year: 2024, rows }] }, () => madeWhenWritten.push(made));
    expect(made).toBe(20_000);
    expect(madeWhenWritten.length).toBeGreaterThan(20);
    // The first chunk goes out when a few hundred rows have been made, not 20 000.
    expect(madeWhenWritten[0]).toBeLessThan(1_000);
  });

  it("throws as JSON.stringify does on a value it cannot write", () => {
    const cyclic: Record<string, unknown> = { list: Array(20).fill(0) };
    cyclic.self = cyclic;
    expect(() => written(cyclic)).toThrow(TypeError);
    expect(() => written({ n: 1n })).toThrow(TypeError);
    expect(() => written(undefined)).toThrow(TypeError);
  });

  it("writes any JSON value as JSON.stringify does (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.array(fc.jsonValue({ maxDepth: 2 }), { minLength: 17, maxLength: 300 }), (v, long) => {
        expect(written(v).text).toBe(expected(v));
        const withLong = { v, long, nested: [{ long }] };
        expect(written(withLong).text).toBe(expected(withLong));
      }),
      { numRuns: 200 },
    );
  });

  it("prints report --json of every corpus workbook and of the sample byte for byte as JSON.stringify", () => {
    const cases = [
      ...CORPUS.map((c) => ({ name: c.name, data: c.workbook, today: c.today ?? DEFAULT_TODAY })),
      { name: "sample", data: templateToWorkbookData(sampleWorkbook()), today: "2024-11-15" },
    ];
    expect(cases.length).toBeGreaterThan(25);
    for (const c of cases) {
      const json = toReportJson(prepare(c.data, defaultOptions(c.today), "report", {}, { plan: false }).analysis);
      expect({ name: c.name, text: written(json).text }).toEqual({ name: c.name, text: expected(json) });
    }
  });
});
