/**
 * End to end through the real engine: sample → report / apply → report again, in memory and
 * through the real `balans` process. Needs analyseWorkbook, planFlags and planSummary.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { EXIT_OK, EXIT_USAGE, runCli } from "../../../src/cli/runCli";
import { OWNED_COLUMN_HEADER, SUMMARY_SHEET_NAME } from "../../../src/domain";
import type { ReportJson } from "../../../src/domain/reportJson";
import { sampleWorkbook } from "../../../src/domain/sampleWorkbook";
import { saveXlsx } from "../../../src/file/writeTemplate";
import { readXlsx } from "../../../src/file/readXlsx";
import { snapshot } from "../file/xlsxFixtures";
import { memoryIo, type MemoryIo } from "./memoryIo";

const TODAY = "2024-11-15";

async function sampleIo(): Promise<MemoryIo> {
  const io = memoryIo();
  expect(await runCli(["sample", "--out", "exempel.xlsx"], io)).toBe(EXIT_OK);
  return io;
}

async function reportJson(io: MemoryIo, file: string): Promise<ReportJson> {
  io.out = "";
  io.err = "";
  expect(await runCli(["report", file, "--json", "--today", TODAY], io)).toBe(EXIT_OK);
  return JSON.parse(io.out) as ReportJson;
}

describe("balans report on the sample", () => {
  let io: MemoryIo;
  beforeAll(async () => {
    io = await sampleIo();
  });

  it("prints only JSON with --json, amounts as two-decimal strings", async () => {
    const json = await reportJson(io, "exempel.xlsx");
    expect(io.err).toBe("");
    expect(io.out.trim().startsWith("{")).toBe(true);
    expect(io.out.endsWith("}\n")).toBe(true);
    expect(json.today).toBe(TODAY);
    // 2022 and 2023 are the sample's example years (issue 10).
    expect(json.funds.map((f) => f.year)).toEqual([2022, 2023, 2024]);
    const year = json.funds.find((f) => f.year === 2024);
    // The allocations as the sample states them, summed independently of the engine.
    const till = sampleWorkbook()
      .sheets.flatMap((s) => s.tables)
      .find((t) => t.name === "Tilldelning2024");
    const allocated = (till?.rows ?? []).map((r) => `${String(r[2])}.00`);
    expect(year?.areas.map((a) => a.area)).toEqual(["1", "2", "3", "4"]);
    expect(year?.areas.map((a) => a.allocated)).toEqual(allocated);
    expect(year?.areas.map((a) => a.distributed)).toEqual(allocated);
    expect(year?.areas.map((a) => a.difference)).toEqual(["0.00", "0.00", "0.00", "0.00"]);
    // Paid and used: the sample's example figures (every row paid out in full; 12 562 570 kr used).
    expect(year?.total).toEqual({ allocated: "13302905.00", distributed: "13302905.00", difference: "0.00", paid: "13302905.00", used: "12562570.00", remaining: "740335.00" });
    // Seed 001, "Sammanfattande fördelning per ansvarig verksamhet".
    const parties = Object.fromEntries((year?.parties ?? []).map((p) => [p.party, p.distributed]));
    expect(parties["Region Jämtland Härjedalen"]).toBe("7927377.00");
    expect(parties["Kommunförbundet Jämtland Härjedalen"]).toBe("3073000.00");
    expect(parties["Östersunds kommun"]).toBe("1545000.00");
    expect(Object.values(parties).reduce((s, v) => s + Number(v), 0)).toBe(13302905);
  });

  it("lists every balance-list row and agreement with the documented keys", async () => {
    const json = await reportJson(io, "exempel.xlsx");
    const wb = sampleWorkbook();
    const rows = (name: string) => wb.sheets.flatMap((s) => s.tables).find((t) => t.name === name)?.rows.length;
    expect(json.followUps).toHaveLength(rows("Balanslista") ?? -1);
    expect(json.agreements).toHaveLength(rows("Avtal") ?? -1);
    for (const f of json.followUps) {
      expect(Object.keys(f)).toEqual(["sheet", "table", "row", "title", "status", "next", "latest"]);
      expect(["overdue", "due-soon", "planned", "done", "no-date"]).toContain(f.status);
    }
    for (const a of json.agreements) {
      expect(Object.keys(a)).toEqual(["sheet", "table", "row", "title", "status", "validTo"]);
    }
    const barnahus = json.agreements.find((a) => a.title === "Avtal Barnahus");
    expect(barnahus).toMatchObject({ sheet: "Avtal", table: "Avtal", status: "expired" });
    expect(json.problems).toEqual([]);
  });

  it("prints a Swedish text report with sv-SE amounts", async () => {
    io.out = "";
    expect(await runCli(["report", "exempel.xlsx", "--today", TODAY], io)).toBe(EXIT_OK);
    expect(io.out).toContain("Fördelning 2024");
    expect(io.out).toMatch(/Totalt\s+13\u00a0302\u00a0905\u00a0kr\s+13\u00a0302\u00a0905\u00a0kr\s+0\u00a0kr/);
    expect(io.out).toMatch(/Avtal, rad \d+: Avtal Barnahus – gällde till 2021-12-31/);
  });

  it("exits 2 when no table is recognised", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Blad1").getCell("A1").value = "Hej";
    const empty = memoryIo({ "tom.xlsx": await saveXlsx(wb) });
    expect(await runCli(["report", "tom.xlsx", "--json"], empty)).toBe(EXIT_USAGE);
    expect(empty.out).toBe("");
    expect(empty.err).toMatch(/hittade ingen tabell som den känner igen i tom\.xlsx/);
  });
});

describe("balans apply on the sample", () => {
  let io: MemoryIo;
  beforeAll(async () => {
    io = await sampleIo();
    expect(await runCli(["apply", "exempel.xlsx", "--out", "ut.xlsx", "--today", TODAY], io)).toBe(EXIT_OK);
  });

  it("says what it wrote", () => {
    expect(io.out).toContain("Skrev ut.xlsx:");
    expect(io.out).toContain(`kolumnen "${OWNED_COLUMN_HEADER}" tillagd i tabellen Balanslista på bladet Balanslista`);
    expect(io.out).toContain(`bladet "${SUMMARY_SHEET_NAME}"`);
  });

  it("adds the status column to the tables and the summary sheet, and leaves the input as it was", async () => {
    const out = io.files.get("ut.xlsx");
    if (!out) throw new Error("nothing written");
    const { data, workbook } = await readXlsx(out);
    const bal = data.sheets.find((s) => s.name === "Balanslista");
    // The status column and (issue 11) the dates column its formulas read, both in the table.
    expect(bal?.tables[0]?.columnCount).toBe(10);
    expect(bal?.values[1]?.[8]).toBe(OWNED_COLUMN_HEADER);
    expect(bal?.values[1]?.[9]).toBe("Balans datum");
    expect(workbook.worksheets.map((w) => w.name).at(-1)).toBe(SUMMARY_SHEET_NAME);
    const input = await readXlsx(io.files.get("exempel.xlsx") as Uint8Array);
    expect(input.data.sheets.find((s) => s.name === "Balanslista")?.tables[0]?.columnCount).toBe(8);
  });

  it("reports the same after apply (the status column and the summary are Balans's own)", async () => {
    expect(await reportJson(io, "ut.xlsx")).toEqual(await reportJson(io, "exempel.xlsx"));
  });

  it("gives the same workbook when applied again to its own output", async () => {
    expect(await runCli(["apply", "ut.xlsx", "--out", "ut2.xlsx", "--today", TODAY], io)).toBe(EXIT_OK);
    expect(io.out).toContain(`kolumnen "${OWNED_COLUMN_HEADER}" uppdaterad i tabellen Balanslista`);
    const once = (await readXlsx(io.files.get("ut.xlsx") as Uint8Array)).workbook;
    const twice = (await readXlsx(io.files.get("ut2.xlsx") as Uint8Array)).workbook;
    expect(snapshot(twice)).toEqual(snapshot(once));
  });
});

describe("the balans process", () => {
  const dir = mkdtempSync(join(tmpdir(), "balans-cli-"));
  const tsx = join(__dirname, "..", "..", "..", "node_modules", ".bin", "tsx");
  const entry = join(__dirname, "..", "..", "..", "src", "cli", "balans.ts");
  const run = (...args: string[]) => spawnSync(tsx, [entry, ...args], { cwd: dir, encoding: "utf8", timeout: 60_000 });

  it("writes the sample, reports JSON only on stdout, and exits 0", () => {
    const sample = run("sample", "--out", "exempel.xlsx");
    expect(sample.status).toBe(EXIT_OK);
    const report = run("report", "exempel.xlsx", "--json", "--today", TODAY);
    expect(report.status).toBe(EXIT_OK);
    expect(report.stderr).toBe("");
    const json = JSON.parse(report.stdout) as ReportJson;
    expect(json.funds.find((f) => f.year === 2024)?.total.distributed).toBe("13302905.00");
  }, 60_000);

  it("exits 2 with a Swedish message for a missing file and an existing output", () => {
    const missing = run("report", "saknas.xlsx");
    expect(missing.status).toBe(EXIT_USAGE);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toBe("balans: Kan inte läsa saknas.xlsx: filen finns inte.\n");
    writeFileSync(join(dir, "finns.xlsx"), "x");
    const refused = run("sample", "--out", "finns.xlsx");
    expect(refused.status).toBe(EXIT_USAGE);
    expect(readFileSync(join(dir, "finns.xlsx"), "utf8")).toBe("x");
  }, 60_000);
});
