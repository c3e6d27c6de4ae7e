import { matchHeaderRow, recogniseSheet, OWNED_HEADER } from "../../../src/domain/recogniseTables";
import type { Problem, SheetData } from "../../../src/domain/types";
import { plainSheet, tableSheet } from "./seedFixtures";

const BALANS = ["Prioriterat område SVOM (2023-2026)", "Vad", "Uppdrag/aktivitet", "Ansvarig funktion/operativ gruppering", "Beredande forum", "Uppföljning"];

describe("matchHeaderRow", () => {
  it("recognises the seed's balanslista header, with the (2023-2026) suffix", () => {
    const m = matchHeaderRow(BALANS);
    expect(m?.schema.kind).toBe("balanslista");
    expect(m?.columns).toEqual({ area: 0, what: 1, activity: 2, responsible: 3, forum: 4, followUp: 5 });
    expect(m?.missing).toEqual([]);
  });

  it("matches case-insensitively, with runs of spaces collapsed, in any order", () => {
    const m = matchHeaderRow(["  UPPFÖLJNING ", "vad", "Beredande   forum", "Extra kolumn"]);
    expect(m?.schema.kind).toBe("balanslista");
    expect(m?.columns).toEqual({ followUp: 0, what: 1, forum: 2 });
    expect(m?.missing).toEqual(["Prioriterat område", "Uppdrag/aktivitet", "Ansvarig funktion/operativ gruppering"]);
  });

  it("tells distribution from allocations", () => {
    expect(matchHeaderRow(["År", "Område", "Insats", "Ansvarig verksamhet", "Summa"])?.schema.kind).toBe("distribution");
    expect(matchHeaderRow(["År", "Område", "Tilldelat belopp"])?.schema.kind).toBe("allocations");
    expect(matchHeaderRow(["Part", "Alias"])?.schema.kind).toBe("parties");
    expect(matchHeaderRow(["Överenskommelse/avtal", "Giltighetstid", "Rekommendationsbeslutande forum", "Beredande forum", "Noteringar"])?.schema.kind).toBe("agreements");
  });

  it("returns null for an unrelated header row", () => {
    expect(matchHeaderRow(["Namn", "Telefon", "E-post"])).toBeNull();
    expect(matchHeaderRow([])).toBeNull();
  });

  it("ignores the owned status column and reports duplicated headers", () => {
    const m = matchHeaderRow(["Vad", "Uppföljning", OWNED_HEADER, "Vad"]);
    expect(m?.columns).toEqual({ what: 0, followUp: 1 });
    expect(m?.duplicates).toEqual([{ header: "Vad", offset: 3 }]);
  });
});

describe("recogniseSheet", () => {
  it("finds a plain range below a title, ending at the first blank row", () => {
    const sheet = plainSheet("Balanslista", BALANS, [["Nära vård", "A", "", "", "", "SVOM 3/6 2024"], ["", "B", "", "", "", ""], [], ["not", "part"]], 3, 2);
    const problems: Problem[] = [];
    const [t, ...rest] = recogniseSheet(sheet, problems);
    expect(rest).toEqual([]);
    expect(t).toMatchObject({ kind: "balanslista", table: "", headerRow: 3, firstColumn: 2, lastColumn: 7, lastRow: 5, isExcelTable: false, ownedColumn: null, blockedOwnedColumn: false });
    expect(t?.rows.map((r) => r.row)).toEqual([4, 5]);
    expect(problems).toEqual([]);
  });

  it("uses Excel tables by their header row and skips blank rows inside them", () => {
    const sheet = tableSheet("Avtal", "Avtal", ["Överenskommelse/avtal", "Giltighetstid", "Rekommendationsbeslutande forum", "Beredande forum", "Noteringar"], [
      ["Avtal Barnahus", "2020-2021", "SVOM", "SamReKo HSI", ""],
      [null, null, null, null, null],
      ["Avtal Mini Maria", "2023", "SVOM", "SamReKo HSI", ""],
    ]);
    const [t] = recogniseSheet(sheet, []);
    expect(t).toMatchObject({ kind: "agreements", table: "Avtal", isExcelTable: true, lastRow: 4 });
    expect(t?.rows.map((r) => r.row)).toEqual([2, 4]);
  });

  it("finds the existing owned column and keeps it out of lastColumn", () => {
    const sheet = tableSheet("B", "Balanslista", [...BALANS, OWNED_HEADER], [["Nära vård", "A", "", "", "", "", "Försenad"]]);
    const [t] = recogniseSheet(sheet, []);
    expect(t?.ownedColumn).toBe(6);
    expect(t?.lastColumn).toBe(6);
  });

  it("reports a table whose right neighbour column holds data, and does not mutate the sheet", () => {
    const sheet: SheetData = plainSheet("B", BALANS, [["Nära vård", "A", "", "", "", "", "anteckning"]]);
    const before = JSON.stringify(sheet);
    const problems: Problem[] = [];
    const [t] = recogniseSheet(sheet, problems);
    expect(t?.blockedOwnedColumn).toBe(true);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ sheet: "B", table: "", row: 1, column: null });
    expect(JSON.stringify(sheet)).toBe(before);
  });

  it("reports missing required columns with sheet, table and header row", () => {
    const problems: Problem[] = [];
    recogniseSheet(tableSheet("F", "Fordelning", ["Område", "Insats", "Summa"], [["1", "X", 5]]), problems);
    expect(problems).toEqual([
      expect.objectContaining({ sheet: "F", table: "Fordelning", row: 1, column: "Ansvarig verksamhet" }),
    ]);
  });
});
