/**
 * Golden test: the 2024 distribution exactly as written in the seed document (text amounts
 * such as "1 800 000 kr" and "1 073 000") must reproduce the seed's own summary to the krona.
 */
import { analyseWorkbook, defaultOptions } from "../../../src/domain";
import { toJsonAmount } from "../../../src/domain/formatAmount";
import type { WorkbookData } from "../../../src/domain/types";
import { plainSheet, seedAllocations2024, seedDistribution2024, tableSheet } from "./seedFixtures";

function seedWorkbook(): WorkbookData {
  return {
    sheets: [
      tableSheet("Fördelning 2024", "Tilldelning", ["Område", "Tilldelat belopp"], seedAllocations2024()),
      plainSheet("Rader", ["År", "Område", "Insats", "Ansvarig verksamhet", "Summa"], seedDistribution2024().map((r) => ["2024", ...r])),
    ],
  };
}

describe("the seed's 2024 distribution", () => {
  it("reads 14 line items and 4 allocations from the seed text", () => {
    expect(seedDistribution2024()).toHaveLength(14);
    expect(seedAllocations2024().map((a) => a[1])).toEqual(["2 974 230 kr", "6 819 298 kr", "1 000 000 kr", "2 509 377 kr"]);
  });

  const analysis = analyseWorkbook(seedWorkbook(), defaultOptions("2024-11-15"));
  const [y, ...others] = analysis.funds;

  it("has one year, 2024, and no problems", () => {
    expect(others).toEqual([]);
    expect(y?.year).toBe(2024);
    expect(analysis.problems).toEqual([]);
  });

  it("reproduces the seed's summary per party to the krona", () => {
    expect(y?.parties.map((p) => [p.party, toJsonAmount(p.distributed)])).toEqual([
      ["Region Jämtland Härjedalen", "7927377.00"],
      ["Kommunförbundet Jämtland Härjedalen", "3073000.00"],
      ["Gemensam", "757528.00"],
      ["Östersunds kommun", "1545000.00"],
    ]);
  });

  it("has every area equal to its allocation and the total 13 302 905", () => {
    expect(y?.areas.map((a) => [a.area, toJsonAmount(a.allocated!), toJsonAmount(a.distributed), toJsonAmount(a.difference!)])).toEqual([
      ["1", "2974230.00", "2974230.00", "0.00"],
      ["2", "6819298.00", "6819298.00", "0.00"],
      ["3", "1000000.00", "1000000.00", "0.00"],
      ["4", "2509377.00", "2509377.00", "0.00"],
    ]);
    expect(toJsonAmount(y!.total.distributed)).toBe("13302905.00");
    expect(toJsonAmount(y!.total.allocated!)).toBe("13302905.00");
    expect(toJsonAmount(y!.total.difference!)).toBe("0.00");
  });

  it("takes the area names from the allocation table", () => {
    expect(y?.areas[2]?.name).toBe("En systematisk patient-, brukar- och anhörigmedverkan i vården och omsorgen");
  });

  it("shows one krona left undistributed as −1.00", () => {
    const wb = seedWorkbook();
    const rows = wb.sheets[1]!.values;
    rows[1]![4] = "1 799 999 kr"; // first line item of area 1
    const a = analyseWorkbook(wb, defaultOptions("2024-11-15"));
    expect(toJsonAmount(a.funds[0]!.areas[0]!.difference!)).toBe("-1.00");
    expect(toJsonAmount(a.funds[0]!.total.difference!)).toBe("-1.00");
  });
});
