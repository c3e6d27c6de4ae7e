/**
 * Golden inputs read straight from the seed documents (test/fixtures/seeds/, copies of
 * ../shared/seeds/): the 2024 distribution of 001_51ecc5e28b538e77.txt as the users wrote it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { CellValue, SheetData } from "../../../src/domain/types";

export const SEED_DIR = join(__dirname, "../../fixtures/seeds");

export function readSeed(name: string): string {
  return readFileSync(join(SEED_DIR, name), "utf8");
}

/** The line items of the 2024 distribution: [area, Insats, Ansvarig verksamhet, Summa as text]. */
export function seedDistribution2024(): string[][] {
  const text = readSeed("001_51ecc5e28b538e77.txt");
  const start = text.indexOf("De länsgemensamma medlen fördelas enligt nedan.");
  const end = text.indexOf("Sammanfattande fördelning per ansvarig verksamhet");
  const lines = text.slice(start, end).split("\n");
  const rows: string[][] = [];
  let area = "";
  for (const line of lines) {
    const heading = /^(\d)\. /u.exec(line);
    if (heading && !line.includes("\t")) {
      area = heading[1] ?? "";
      continue;
    }
    const cols = line.split("\t");
    if (cols.length !== 3 || cols[0] === "" || cols[0]?.startsWith("<i>") || /^Totalt/u.test(cols[0] ?? "")) continue;
    rows.push([area, cols[0] ?? "", cols[1] ?? "", cols[2] ?? ""]);
  }
  return rows;
}

/** The four areas with their allocated amounts as text: [area heading, amount text]. */
export function seedAllocations2024(): string[][] {
  const text = readSeed("001_51ecc5e28b538e77.txt");
  const start = text.indexOf("2024 avsätter staten totalt");
  const block = text.slice(start, text.indexOf("Rekvirering av medel 1-4", start));
  return block
    .split("\n")
    .map((l) => /^(\d\. .*): ([\d\s\u00a0]+ kr)$/u.exec(l.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[1] ?? "", m[2] ?? ""]);
}

/** One sheet with a plain-range table (header row at `top`). */
export function plainSheet(name: string, headers: string[], rows: CellValue[][], top = 1, left = 1): SheetData {
  const values: CellValue[][] = [];
  for (let r = 1; r < top; r++) values.push([]);
  const pad = (cells: CellValue[]) => [...Array<CellValue>(left - 1).fill(null), ...cells];
  values.push(pad(headers));
  for (const r of rows) values.push(pad(r));
  return { name, top: 1, left: 1, values, tables: [] };
}

/** One sheet with an Excel table at A1. */
export function tableSheet(name: string, tableName: string, headers: string[], rows: CellValue[][]): SheetData {
  return {
    name,
    top: 1,
    left: 1,
    values: [headers, ...rows],
    tables: [{ name: tableName, headerRow: 1, firstColumn: 1, rowCount: rows.length, columnCount: headers.length }],
  };
}
