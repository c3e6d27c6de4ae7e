/**
 * The compiled `balans` (bin/balans.mjs → dist-cli/, built by scripts/build-cli.mjs) must do
 * exactly what the sources do: the seed sample (with the golden statuses of seed 004), `apply`,
 * `sample`, `agenda`, the errors and `--help` through the bin process, and every workbook of
 * the bad-input corpus written as an .xlsx file through the compiled runCli — same stdout,
 * stderr and exit code as `runCli` from the sources in this process on the same files.
 * And `--help` must load neither ExcelJS nor decimal.js (issue 15: a bin that starts at once).
 *
 * The build is refreshed first when a source is newer than it (`npm ci` builds it as `prepare`).
 */
import { execFile, spawnSync } from "node:child_process";
import { access, readFile, writeFile } from "node:fs/promises";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { CellValue, WorkbookData } from "../../../src/domain/types";
import { columnLetter } from "../../../src/domain/columnLetter";
import { EXIT_OK, EXIT_USAGE, runCli, USAGE, type CliIo } from "../../../src/cli/runCli";
import { prepare } from "../../../src/app/prepare";
import { defaultOptions } from "../../../src/domain";
import { toReportJson } from "../../../src/domain/reportJson";
import { readXlsxData } from "../../../src/file/readXlsxData";
import { CORPUS } from "../../fixtures/corpus";
import { DEFAULT_TODAY } from "../../fixtures/corpus/corpusCase";

const ROOT = join(__dirname, "..", "..", "..");
const BIN = join(ROOT, "bin", "balans.mjs");
const TODAY = "2024-11-15";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The compiled bin as a process in `cwd`. */
function runBin(cwd: string, args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", timeout: 120_000, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === "number" ? error.code : null;
      done({ code, stdout, stderr });
    });
  });
}

/** `runCli` from the sources in this process, on the real file system, paths relative to `cwd` (as balans.ts binds it). */
async function runSource(cwd: string, args: string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const here = (path: string) => resolve(cwd, path);
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readFile: async (path) => new Uint8Array(await readFile(here(path))),
    writeFile: (path, data) => writeFile(here(path), data),
    exists: async (path) => {
      try {
        await access(here(path));
        return true;
      } catch {
        return false;
      }
    },
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

/** Every part of an .xlsx package as text, without the one that carries the time it was saved. */
async function parts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort()) {
    const file = zip.files[name];
    if (file === undefined || file.dir || name === "docProps/core.xml") continue;
    out[name] = await file.async("string");
  }
  return out;
}

/** A corpus workbook (plain data) as an .xlsx file: values, dates, errors, Excel tables, merges, hidden sheets. */
async function xlsxOf(data: WorkbookData): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of data.sheets) {
    const ws = wb.addWorksheet(sheet.name, sheet.hidden === true ? { state: "hidden" } : {});
    const at = (row: number, col: number): CellValue => sheet.values[row - sheet.top]?.[col - sheet.left] ?? null;
    const cellValue = (v: CellValue): ExcelJS.CellValue => {
      if (v === null || typeof v !== "object") return v;
      if ("error" in v) return { error: v.error } as ExcelJS.CellErrorValue;
      return new Date(`${v.date}T00:00:00Z`);
    };
    sheet.values.forEach((line, r) =>
      line.forEach((v, c) => {
        if (v === null) return;
        const cell = ws.getCell(sheet.top + r, sheet.left + c);
        cell.value = cellValue(v);
        if (typeof v === "object" && "date" in v) cell.numFmt = "yyyy-mm-dd";
      }),
    );
    for (const t of sheet.tables) {
      // ExcelJS needs a name for every column: an empty header becomes "Kolumn1", as Excel names it.
      const columns = Array.from({ length: t.columnCount }, (_, c) => ({ name: String(at(t.headerRow, t.firstColumn + c) ?? "") || `Kolumn${c + 1}` }));
      const rows = Array.from({ length: Math.max(1, t.rowCount) }, (_, r) =>
        Array.from({ length: t.columnCount }, (_, c) => cellValue(at(t.headerRow + 1 + r, t.firstColumn + c))),
      );
      ws.addTable({ name: t.name, ref: `${columnLetter(t.firstColumn)}${t.headerRow}`, headerRow: true, columns, rows });
    }
    for (const m of sheet.merges ?? []) ws.mergeCells(m.top, m.left, m.bottom, m.right);
    if (sheet.protected === true) await ws.protect("", {});
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

beforeAll(() => {
  const build = spawnSync(process.execPath, [join(ROOT, "scripts", "build-cli.mjs"), "--if-stale"], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
  if (build.status !== 0 || !existsSync(join(ROOT, "dist-cli", "balans.mjs"))) {
    throw new Error(
      `The compiled balans could not be built (node scripts/build-cli.mjs exited ${build.status}): ${build.stderr}${build.error?.message ?? ""}\n` +
        "Run `npm run build:cli` (npm ci runs it as `prepare`).",
    );
  }
}, 120_000);

describe("the compiled balans starts at once", () => {
  it("prints the help, and its entry loads neither ExcelJS, JSZip nor decimal.js", async () => {
    const dir = mkdtempSync(join(tmpdir(), "balans-bin-"));
    expect(await runBin(dir, ["--help"])).toEqual({ code: EXIT_OK, stdout: USAGE, stderr: "" });
    // What `--help` loads is the entry and its static imports (esbuild's metafile records both).
    const meta = JSON.parse(readFileSync(join(ROOT, "dist-cli", "meta.json"), "utf8")) as {
      outputs: Record<string, { imports: { path: string; kind: string; external?: boolean }[]; inputs: Record<string, unknown> }>;
    };
    const loaded = new Set<string>();
    const visit = (output: string) => {
      if (loaded.has(output)) return;
      loaded.add(output);
      for (const i of meta.outputs[output]?.imports ?? []) if (i.kind === "import-statement" && i.external !== true) visit(i.path);
    };
    visit("dist-cli/balans.mjs");
    const inputs = [...loaded].flatMap((o) => Object.keys(meta.outputs[o]?.inputs ?? {}));
    expect(inputs).toContain("src/cli/runCli.ts");
    expect(inputs.filter((i) => /node_modules\/(exceljs|jszip|decimal\.js|saxes|fflate|@xmldom)\//.test(i))).toEqual([]);
    expect(inputs.filter((i) => /^src\/(domain\/(analyseWorkbook|parseAmount)|file\/(readXlsx|writeTemplate))/.test(i))).toEqual([]);
    // …and lazy chunks exist for what the commands load.
    const lazy = Object.values(meta.outputs).flatMap((o) => Object.keys(o.inputs));
    expect(lazy.some((i) => i.includes("node_modules/decimal.js/"))).toBe(true);
  }, 60_000);

  it("in the sources too: runCli --help loads neither ExcelJS nor decimal.js", async () => {
    const loaded: string[] = [];
    await jest.isolateModulesAsync(async () => {
      jest.doMock("exceljs", () => {
        loaded.push("exceljs");
        return {};
      });
      jest.doMock("decimal.js", () => {
        loaded.push("decimal.js");
        return {};
      });
      const cli = (await import("../../../src/cli/runCli")) as typeof import("../../../src/cli/runCli");
      let out = "";
      const io: CliIo = { stdout: (t) => void (out += t), stderr: () => undefined, readFile: async () => new Uint8Array(), writeFile: async () => undefined, exists: async () => false };
      expect(await cli.runCli(["--help"], io)).toBe(EXIT_OK);
      expect(out).toBe(cli.USAGE);
    });
    jest.dontMock("exceljs");
    jest.dontMock("decimal.js");
    expect(loaded).toEqual([]);
  });
});

describe("the compiled balans on the seed sample", () => {
  const dir = mkdtempSync(join(tmpdir(), "balans-bin-"));

  beforeAll(async () => {
    const made = await runBin(dir, ["sample", "--out", "exempel.xlsx"]);
    expect(made.code).toBe(EXIT_OK);
    expect(await runSource(dir, ["sample", "--out", "kalla.xlsx"])).toEqual({ code: EXIT_OK, stdout: made.stdout.replace("exempel.xlsx", "kalla.xlsx"), stderr: "" });
  }, 60_000);

  it("writes the same sample workbook as the sources", async () => {
    expect(await parts(readFileSync(join(dir, "exempel.xlsx")))).toEqual(await parts(readFileSync(join(dir, "kalla.xlsx"))));
  });

  it.each([
    ["report --json", ["report", "exempel.xlsx", "--json", "--today", TODAY]],
    ["report", ["report", "exempel.xlsx", "--today", TODAY]],
    ["agenda --json", ["agenda", "exempel.xlsx", "--json", "--today", TODAY]],
    ["agenda --md", ["agenda", "exempel.xlsx", "--md", "--today", TODAY]],
    ["a missing file", ["report", "saknas.xlsx", "--json"]],
    ["an unknown flag", ["report", "exempel.xlsx", "--djup"]],
    ["an existing --out", ["sample", "--out", "exempel.xlsx"]],
    ["no command", []],
  ])("%s: same stdout, stderr and exit code as the sources", async (_name, args) => {
    const bin = await runBin(dir, args);
    expect(bin).toEqual(await runSource(dir, args));
    if (args.includes("--json") && bin.code === EXIT_OK) expect(bin.stderr).toBe("");
  }, 60_000);

  it("gives seed 004's golden statuses through the bin", async () => {
    const golden = JSON.parse(readFileSync(join(ROOT, "test", "fixtures", "golden", "seed-004-2024-11-15.json"), "utf8")) as {
      followUps: { title: string; status: string; next: string | null; latest: string | null }[];
      agreements: { title: string; status: string; validTo: string | null }[];
    };
    const run = await runBin(dir, ["report", "exempel.xlsx", "--json", "--today", TODAY]);
    const json = JSON.parse(run.stdout) as {
      followUps: { row: number; title: string; status: string; next: string | null; latest: string | null }[];
      agreements: { row: number; title: string; status: string; validTo: string | null }[];
      funds: { year: number; total: { distributed: string } }[];
    };
    // The sample's golden rows are worksheet rows of the template (header on row 2 or 3 of each sheet).
    expect(json.followUps.map((f) => [f.title, f.status, f.next, f.latest])).toEqual(golden.followUps.map((g) => [g.title, g.status, g.next, g.latest]));
    expect(json.agreements.map((a) => [a.title, a.status, a.validTo])).toEqual(golden.agreements.map((g) => [g.title, g.status, g.validTo]));
    expect(json.funds.find((y) => y.year === 2024)?.total.distributed).toBe("13302905.00");
  }, 60_000);

  it("apply writes the same workbook and says the same as the sources", async () => {
    const bin = await runBin(dir, ["apply", "exempel.xlsx", "--out", "ut-bin.xlsx", "--today", TODAY]);
    const source = await runSource(dir, ["apply", "exempel.xlsx", "--out", "ut-kalla.xlsx", "--today", TODAY]);
    expect(bin).toEqual({ ...source, stdout: source.stdout.replace("ut-kalla.xlsx", "ut-bin.xlsx"), stderr: source.stderr.replace("ut-kalla.xlsx", "ut-bin.xlsx") });
    expect(bin.code).toBe(EXIT_OK);
    expect(await parts(readFileSync(join(dir, "ut-bin.xlsx")))).toEqual(await parts(readFileSync(join(dir, "ut-kalla.xlsx"))));
  }, 60_000);
});

/**
 * The compiled runCli (dist-cli/runCli.mjs, the same chunks as the bin) on every file in one
 * Node process: one process per file would cost a start-up each, and the process itself
 * (arguments, exit code, paths) is what the seed-sample tests above check.
 */
const COMPILED_RUNS = `
import { access, readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
const { runCli } = await import(process.argv[1]);
const results = [];
for (const args of JSON.parse(process.argv[2])) {
  let stdout = "";
  let stderr = "";
  const here = (p) => resolve(process.cwd(), p);
  const io = {
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
    readFile: async (p) => new Uint8Array(await readFile(here(p))),
    writeFile: (p, d) => writeFile(here(p), d),
    exists: async (p) => { try { await access(here(p)); return true; } catch { return false; } },
  };
  const code = await runCli(args, io);
  results.push({ code, stdout, stderr });
}
process.stdout.write(JSON.stringify(results));
`;

describe("the compiled balans on the bad-input corpus", () => {
  const dir = mkdtempSync(join(tmpdir(), "balans-bin-corpus-"));
  const results = new Map<string, { bin: Run; source: Run }>();

  beforeAll(async () => {
    for (const c of CORPUS) await writeFile(join(dir, `${c.name}.xlsx`), await xlsxOf(c.workbook));
    const argsOf = (c: (typeof CORPUS)[number]) => ["report", `${c.name}.xlsx`, "--json", "--today", c.today ?? DEFAULT_TODAY];
    const compiled = spawnSync(
      process.execPath,
      ["--input-type=module", "-e", COMPILED_RUNS, join(ROOT, "dist-cli", "runCli.mjs"), JSON.stringify(CORPUS.map(argsOf))],
      { cwd: dir, encoding: "utf8", timeout: 300_000, maxBuffer: 256 << 20 },
    );
    if (compiled.status !== 0) throw new Error(`dist-cli/runCli.mjs failed (exit ${compiled.status}): ${compiled.stderr}`);
    const runs = JSON.parse(compiled.stdout) as Run[];
    for (const [i, c] of CORPUS.entries()) {
      results.set(c.name, { bin: runs[i] as Run, source: await runSource(dir, argsOf(c)) });
    }
  }, 300_000);

  it("has a result for every case", () => {
    expect(CORPUS.length).toBeGreaterThan(40);
    expect([...results.keys()].sort()).toEqual(CORPUS.map((c) => c.name).sort());
  });

  it.each(CORPUS.map((c) => [c.name]))("%s: report --json is the same compiled", (name) => {
    const r = results.get(name);
    expect(r?.bin).toEqual(r?.source);
    expect([EXIT_OK, EXIT_USAGE]).toContain(r?.bin.code);
  });

  it("prints JSON.stringify(toReportJson(…), null, 2) for every case with tables (the rows are made as they are written)", async () => {
    let compared = 0;
    for (const c of CORPUS) {
      const source = results.get(c.name)?.source;
      if (source?.code !== EXIT_OK) continue; // no table: exit 2, compared with the bin above
      const data = await readXlsxData(await readFile(join(dir, `${c.name}.xlsx`)));
      const analysis = prepare(data, defaultOptions(c.today ?? DEFAULT_TODAY), "report", {}, { plan: false }).analysis;
      expect({ name: c.name, stdout: source.stdout }).toEqual({ name: c.name, stdout: `${JSON.stringify(toReportJson(analysis), null, 2)}\n` });
      compared++;
    }
    expect(compared).toBeGreaterThan(30);
  }, 120_000);

  it("and through the bin process, for a few cases", async () => {
    for (const c of CORPUS.filter((x) => ["empty-workbook", "mkr-tkr", "error.merged-cells"].includes(x.name))) {
      const args = ["report", `${c.name}.xlsx`, "--json", "--today", c.today ?? DEFAULT_TODAY];
      expect(await runBin(dir, args)).toEqual(results.get(c.name)?.source);
    }
  }, 120_000);
});
