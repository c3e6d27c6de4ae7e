import { readFileSync } from "node:fs";
import { join } from "node:path";
import Decimal from "decimal.js";
import {
  AREA_VALUES,
  AVTAL_HEADERS,
  BALANSLISTA_HEADERS,
  FORDELNING_HEADERS,
  sampleTemplate,
  sampleWorkbook,
  STATUS_VALUES,
  TABLE_GAP,
  TEMPLATE_SHEET_NAME,
  TILLDELNING_HEADERS,
} from "../../../src/domain/sampleWorkbook";
import { KRONOR_FORMAT, type TemplateTable, type WorkbookTemplate } from "../../../src/domain/template";

/** The seeds: copies of ../shared/seeds kept in test/fixtures/seeds (see STYLE.md, "Golden files"). */
const SEEDS = join(__dirname, "..", "..", "fixtures", "seeds");
const BALANS_SEED = join(SEEDS, "004_032b4e42c1688560.txt");
const FUNDS_SEED = join(SEEDS, "001_51ecc5e28b538e77.txt");

function table(wb: WorkbookTemplate, name: string): TemplateTable {
  const t = wb.sheets.flatMap((s) => s.tables).find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
}

function column(t: TemplateTable, header: string): (string | number | null)[] {
  const i = t.headers.indexOf(header);
  if (i === -1) throw new Error(`no column ${header}`);
  return t.rows.map((r) => r[i] ?? null);
}

const clean = (s: string) =>
  s
    .replace(/<\/?i>/g, "")
    .replace(/\s+/g, " ")
    .trim();

/** The seed's tab-separated rows with `width` fields, headers and headings left out. */
function seedRows(text: string, width: number, headerFirst: string): string[][] {
  return text
    .split("\n")
    .map((l) => l.split("\t").map(clean))
    .filter((f) => f.length === width && f[0] !== headerFirst && !(f[0] ?? "").startsWith("Inriktning"));
}

describe("sampleWorkbook", () => {
  const wb = sampleWorkbook();
  const bal = table(wb, "Balanslista");
  const avtal = table(wb, "Avtal");
  const till = table(wb, "Tilldelning2024");
  const ford = table(wb, "Fordelning2024");
  const parter = table(wb, "Parter");

  it("has the five sheets with their tables (the earlier years last)", () => {
    expect(wb.sheets.map((s) => [s.name, s.tables.map((t) => t.name)])).toEqual([
      ["Balanslista", ["Balanslista"]],
      ["Avtal", ["Avtal"]],
      ["Fördelning 2024", ["Tilldelning2024", "Fordelning2024"]],
      ["Parter", ["Parter"]],
      ["Fördelning 2022–2023", ["Tilldelning2022_2023", "Fordelning2022_2023"]],
    ]);
    expect(bal.headers).toEqual([...BALANSLISTA_HEADERS]);
    expect(avtal.headers).toEqual([...AVTAL_HEADERS]);
    expect(till.headers).toEqual([...TILLDELNING_HEADERS, "Återredovisas senast"]);
    expect(ford.headers).toEqual([...FORDELNING_HEADERS, "Utbetalt", "Förbrukat", "Återredovisat"]);
    expect(parter.headers).toEqual(["Part", "Alias"]);
  });

  it("gives every row one cell per header and one width per header", () => {
    for (const t of wb.sheets.flatMap((s) => s.tables)) {
      for (const r of t.rows) expect(r).toHaveLength(t.headers.length);
      expect(t.columnWidths).toHaveLength(t.headers.length);
      for (const v of [...t.validations.map((x) => x.header), ...t.numberFormats.map((x) => x.header)]) {
        expect(t.headers).toContain(v);
      }
    }
  });

  it("distributes exactly what each area was allocated, 13 302 905 kr in all", () => {
    const allocated = new Map<string, Decimal>();
    for (const r of till.rows) {
      const area = /^(\d+)\./.exec(String(r[1]))?.[1];
      if (area === undefined || typeof r[2] !== "number") throw new Error(`bad allocation row ${String(r)}`);
      allocated.set(area, new Decimal(r[2]));
    }
    const distributed = new Map<string, Decimal>();
    for (const r of ford.rows) {
      const [, area, , , summa] = r;
      if (typeof area !== "string" || typeof summa !== "number") throw new Error(`bad line ${String(r)}`);
      distributed.set(area, (distributed.get(area) ?? new Decimal(0)).plus(summa));
    }
    expect([...distributed.keys()].sort()).toEqual(["1", "2", "3", "4"]);
    for (const [area, sum] of distributed)
      expect([area, sum.toString()]).toEqual([area, allocated.get(area)?.toString()]);
    const total = [...distributed.values()].reduce((a, b) => a.plus(b), new Decimal(0));
    expect(total.toString()).toBe("13302905");
    expect([...allocated.values()].reduce((a, b) => a.plus(b), new Decimal(0)).toString()).toBe("13302905");
  });

  it("has no total rows and only the year 2024", () => {
    for (const t of [till, ford]) {
      expect(column(t, "År").every((y) => y === 2024)).toBe(true);
      expect(t.rows.flat().some((v) => typeof v === "string" && /^totalt/i.test(v))).toBe(false);
    }
  });

  it("formats amounts in kronor and offers the drop-down lists", () => {
    expect(ford.numberFormats).toEqual([
      { header: "Summa", format: KRONOR_FORMAT },
      { header: "Utbetalt", format: KRONOR_FORMAT },
      { header: "Förbrukat", format: KRONOR_FORMAT },
    ]);
    expect(till.numberFormats).toEqual([{ header: "Tilldelat belopp", format: KRONOR_FORMAT }]);
    expect(bal.validations).toEqual([
      { header: "Prioriterat område", values: [...AREA_VALUES] },
      { header: "Status", values: [...STATUS_VALUES] },
    ]);
  });

  it("leaves Status and Nästa uppföljning empty", () => {
    expect(column(bal, "Status").every((v) => v === null)).toBe(true);
    expect(column(bal, "Nästa uppföljning").every((v) => v === null)).toBe(true);
  });

  it("maps the example aliases to their parties", () => {
    const alias = new Map(parter.rows.map((r) => [r[1], r[0]]));
    expect(alias.get("Region JH")).toBe("Region Jämtland Härjedalen");
    expect(alias.get("RJH")).toBe("Region Jämtland Härjedalen");
    expect(alias.get("Folkhälsoenheten")).toBe("Region Jämtland Härjedalen");
    expect(alias.get("KFJH")).toBe("Kommunförbundet Jämtland Härjedalen");
  });

  it("returns fresh data on each call", () => {
    const a = sampleWorkbook();
    a.sheets[0]?.tables[0]?.rows[0]?.splice(0, 1, "ändrad");
    expect(sampleWorkbook()).toEqual(wb);
  });
});

describe("sampleWorkbook against the seeds", () => {
  const wb = sampleWorkbook();
  const bal = table(wb, "Balanslista");
  const avtal = table(wb, "Avtal");
  const ford = table(wb, "Fordelning2024");
  const till = table(wb, "Tilldelning2024");
  const balSeed = readFileSync(BALANS_SEED, "utf8");
  const fundsSeed = readFileSync(FUNDS_SEED, "utf8");

  // Rows with a "Vad" are balance-list rows; rows without one continue the row above.
  const balLines = seedRows(balSeed, 6, "Prioriterat område SVOM (2023-2026)");
  const balRows = balLines.filter((f) => f[1] !== "");
  const avtalLines = seedRows(balSeed, 5, "Överenskommelse/avtal");
  const avtalRows = avtalLines.filter((f) => f[0] !== "");

  it("has every balance-list row of the seed, in order, with Vad and Beredande forum as written", () => {
    expect(bal.rows).toHaveLength(balRows.length);
    expect(column(bal, "Vad")).toEqual(balRows.map((f) => f[1]));
    expect(column(bal, "Beredande forum")).toEqual(balRows.map((f) => (f[4] === "" ? null : f[4])));
  });

  it("keeps Prioriterat område blank where the seed has none", () => {
    const blank = balRows.map((f) => f[0] === "");
    expect(column(bal, "Prioriterat område").map((v) => v === null)).toEqual(blank);
    expect(blank.filter(Boolean).length).toBeGreaterThan(0);
  });

  it("merges the rows that the PDF split into the row above", () => {
    let current = -1;
    let merged = 0;
    for (const f of balLines) {
      if (f[1] !== "") {
        current++;
        continue;
      }
      if (f.every((x) => x === "") || f.slice(1).every((x) => x === "")) continue; // blank or a heading ("Övrigt")
      f.forEach((text, i) => {
        if (text !== "") expect(String(bal.rows[current]?.[i])).toContain(text);
      });
      merged++;
    }
    expect(merged).toBe(3);
    const uppf = column(bal, "Uppföljning");
    expect(uppf[column(bal, "Vad").indexOf("Avtal om Samverkan vid utskrivning från slutenvård")]).toMatch(
      /^Avtal giltigt t\.o\.m\. 31\/12 2024\. SVOM 3\/6 2024 – statistik/,
    );
  });

  it("copies the follow-up texts with their milestones", () => {
    balRows.forEach((f, i) => {
      const text = column(bal, "Uppföljning")[i];
      if (f[5] === "") expect(text).toBeNull();
      else expect(String(text).startsWith(f[5] ?? "")).toBe(true);
    });
  });

  it("has every agreement of the seed, in order", () => {
    expect(avtal.rows).toHaveLength(avtalRows.length);
    expect(column(avtal, "Överenskommelse/avtal")).toEqual(avtalRows.map((f) => f[0]));
    expect(column(avtal, "Giltighetstid")).toEqual(avtalRows.map((f) => (f[1] === "" ? null : f[1])));
  });

  it("has every line item of the 2024 distribution with its amount", () => {
    const start = fundsSeed.indexOf("De länsgemensamma medlen fördelas enligt nedan.");
    const end = fundsSeed.indexOf("Sammanfattande fördelning");
    const lines = fundsSeed
      .slice(start, end)
      .split("\n")
      .map((l) => l.split("\t"))
      .filter((f) => f.length === 3 && f[0] !== "" && !f[0]?.startsWith("<i>") && !f[0]?.startsWith("Totalt"));
    expect(ford.rows).toHaveLength(lines.length);
    expect(column(ford, "Summa")).toEqual(lines.map((f) => Number((f[2] ?? "").replace(/[^\d]/g, ""))));
    expect(column(ford, "Insats")).toEqual(lines.map((f) => clean(f[0] ?? "")));
  });

  it("allocates what the state set aside per area", () => {
    const stated = [...fundsSeed.matchAll(/^(\d)\. (.*): ([\d ]+) kr$/gm)].map((m) => [
      `${m[1]}. ${m[2]}`,
      Number((m[3] ?? "").replace(/ /g, "")),
    ]);
    expect(stated).toHaveLength(4);
    expect(till.rows.map((r) => [r[1], r[2]])).toEqual(stated);
    const total = /totalt (\d[\d ]*\d) kr till Jämtlands län/.exec(fundsSeed)?.[1]?.replace(/ /g, "");
    expect(till.rows.reduce((sum, r) => sum.plus(Number(r[2])), new Decimal(0)).toString()).toBe(total);
  });
});

describe("sampleTemplate", () => {
  it.each([false, true])("puts the four tables side by side on one sheet (with sample: %s)", (withSample) => {
    const t = sampleTemplate(withSample);
    expect(t.sheets.map((s) => s.name)).toEqual([TEMPLATE_SHEET_NAME]);
    const tables = t.sheets[0]?.tables ?? [];
    expect(tables.map((x) => x.name)).toEqual(["Balanslista", "Avtal", "Tilldelning", "Fordelning", "Parter"]);
    const ownsColumn = new Set(["Balanslista", "Avtal"]);
    for (let i = 1; i < tables.length; i++) {
      const prev = tables[i - 1] as TemplateTable;
      const cur = tables[i] as TemplateTable;
      expect(cur.top).toBe(prev.top);
      const freeColumns = cur.left - (prev.left + prev.headers.length) - (ownsColumn.has(prev.name) ? 1 : 0);
      expect(freeColumns).toBeGreaterThanOrEqual(TABLE_GAP);
      expect(TABLE_GAP).toBeGreaterThanOrEqual(2);
    }
  });

  it("is empty except for the header and one empty row", () => {
    for (const t of sampleTemplate(false).sheets[0]?.tables ?? []) {
      expect(t.rows).toEqual([t.headers.map(() => null)]);
    }
  });

  it("holds the sample data when asked", () => {
    // The earlier example years are only in the sample workbook (the template has one year's tables).
    const sample = sampleWorkbook().sheets.filter((s) => s.name !== "Fördelning 2022–2023").flatMap((s) => s.tables);
    const filled = sampleTemplate(true).sheets[0]?.tables ?? [];
    expect(filled.map((t) => t.rows)).toEqual(sample.map((t) => t.rows));
    expect(filled.map((t) => t.headers)).toEqual(sample.map((t) => t.headers));
  });

});

describe("sampleWorkbook: budget tracking (issue 10)", () => {
  const wb = sampleWorkbook();
  const till = table(wb, "Tilldelning2024");
  const ford = table(wb, "Fordelning2024");

  it("asks every 2024 recipient to report back by 31 December 2024, as seed 001 says", () => {
    const seed = readFileSync(FUNDS_SEED, "utf8");
    expect(seed).toContain("ska senast 31 december 2024 till Folkhälsoenheten inkomma med en beskrivning gällande användning och förbrukning");
    expect(column(till, "Återredovisas senast")).toEqual(["31 december 2024", "31 december 2024", "31 december 2024", "31 december 2024"]);
  });

  it("marks the tracking figures and the earlier years as examples", () => {
    expect(ford.title).toMatch(/Utbetalt, Förbrukat och Återredovisat är exempel/u);
    for (const t of wb.sheets.find((s) => s.name === "Fördelning 2022–2023")?.tables ?? []) expect(t.title).toMatch(/^Exempel: .*påhittade siffror/u);
  });

  it("gives the earlier example years distributions equal to their allocations", () => {
    const till2 = table(wb, "Tilldelning2022_2023");
    const ford2 = table(wb, "Fordelning2022_2023");
    const sum = (rows: (string | number | null)[][], year: number, col: number) =>
      rows.filter((r) => r[0] === year).reduce((s, r) => s.plus(Number(r[col])), new Decimal(0)).toString();
    expect([sum(till2.rows, 2022, 2), sum(ford2.rows, 2022, 4)]).toEqual(["11000000", "11000000"]);
    expect([sum(till2.rows, 2023, 2), sum(ford2.rows, 2023, 4)]).toEqual(["12200000", "12200000"]);
  });
});
