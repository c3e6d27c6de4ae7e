/**
 * Property tests over whole analyses: for any distribution, the per-party sums and the
 * per-area sums each add up exactly to the total, which is the exact sum of the line items.
 */
import Decimal from "decimal.js";
import fc from "fast-check";
import { analyseWorkbook, defaultOptions } from "../../../src/domain";
import { formatKronor } from "../../../src/domain/formatAmount";
import type { CellValue } from "../../../src/domain/types";
import { tableSheet } from "./seedFixtures";

const ORGS = [
  "Region Jämtland Härjedalen",
  "Folkhälsoenheten, Region JH",
  "Kommunförbundet Jämtland Härjedalen",
  "KFJH",
  "Östersunds kommun",
  "Krokom",
  "Gemensam resurs RJH och KFJH",
  "Okänd förening",
  "",
];

const line = fc.record({
  area: fc.integer({ min: 1, max: 5 }),
  org: fc.constantFrom(...ORGS),
  ore: fc.bigInt({ min: -10_000_000_00n, max: 100_000_000_00n }),
  asText: fc.boolean(),
});

describe("per-party and per-area sums", () => {
  it("always add up to the total, which is the exact sum of the line items", () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 40 }), (lines) => {
        const rows: CellValue[][] = lines.map((l, i) => {
          const amount = new Decimal(l.ore.toString()).dividedBy(100);
          return [2024, String(l.area), `Insats ${i}`, l.org, l.asText ? formatKronor(amount) : amount.toNumber()];
        });
        const wb = { sheets: [tableSheet("F", "Fordelning", ["År", "Område", "Insats", "Ansvarig verksamhet", "Summa"], rows)] };
        const [year] = analyseWorkbook(wb, defaultOptions("2024-06-01")).funds;
        const expected = lines.reduce((s, l) => s.plus(new Decimal(l.ore.toString()).dividedBy(100)), new Decimal(0));
        expect(year).toBeDefined();
        const parties = year!.parties.reduce((s, p) => s.plus(p.distributed), new Decimal(0));
        const areas = year!.areas.reduce((s, a) => s.plus(a.distributed), new Decimal(0));
        expect(year!.total.distributed.toFixed(2)).toBe(expected.toFixed(2));
        expect(parties.toFixed(2)).toBe(expected.toFixed(2));
        expect(areas.toFixed(2)).toBe(expected.toFixed(2));
      }),
      { numRuns: 200 },
    );
  });
});
