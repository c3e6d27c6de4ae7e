/**
 * The `balans` program as users start it (issue 15), each run its own process measured from
 * outside (bench/measure.ts):
 *  5. start-up: `node_modules/.bin/balans --help` against `node -e 0`;
 *  6. `report --json` on the 50 000-row file against openpyxl's read-only iteration of the same
 *     file (every row of every sheet, values only) — Debian's python3-openpyxl, installed with
 *     apt-get when missing and possible, else skipped with a note;
 *  7. issue 8's scale case: a full sheet, 1 048 575 balanslista rows under the header —
 *     `report`, `report --json` and `apply`, once each, each stopped after 5 minutes
 *     (BALANS_BENCH_TIMEOUT_S) with the time it had taken.
 * A figure that cannot be taken is printed with the reason; the bench goes on.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { median } from "./engine";
import { FULL_SHEET_ROWS, fullSheetFile } from "./fullSheet";
import { measure, memoryMethod, type Measured } from "./measure";

const ROOT = join(__dirname, "..");
const BIN = join(ROOT, "node_modules", ".bin", "balans");
const RUNS = 5;
const log = (s = "") => process.stdout.write(s + "\n");
const ms = (x: number) => `${x.toFixed(0).padStart(6)} ms`;
const mb = (x: number | null) => (x === null ? "     – MB" : `${x.toFixed(0).padStart(6)} MB`);

/** Medians of `RUNS` runs (after one warm-up), or the first failure. */
function medians(runs: Measured[]): { ms: number; mb: number | null } {
  const rss = runs.map((r) => r.maxRssMb).filter((x): x is number => x !== null);
  return { ms: median(runs.map((r) => r.ms)), mb: rss.length === runs.length ? median(rss) : null };
}

function failure(r: Measured): string | null {
  if (r.timedOut) return "avbröts efter tidsgränsen";
  if (r.code !== 0) return `slutkod ${r.code ?? "–"}: ${r.stderr.trim() || "(inget meddelande)"}`;
  return null;
}

/** Runs a and b alternately (one warm-up each, then RUNS each); null and a note when one fails. */
function sideBySide(a: () => Measured, b: () => Measured): { a: Measured[]; b: Measured[] } | string {
  const runsA: Measured[] = [];
  const runsB: Measured[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const x = a();
    const y = b();
    const bad = failure(x) ?? failure(y);
    if (bad !== null) return bad;
    if (i > 0) {
      runsA.push(x);
      runsB.push(y);
    }
  }
  return { a: runsA, b: runsB };
}

function binOrNote(): string | null {
  if (existsSync(BIN)) return null;
  return "node_modules/.bin/balans saknas: kör `npm run build:cli` (npm install/npm ci gör det som prepare).";
}

export function startupSection(): void {
  log(`5. Start: node_modules/.bin/balans --help mot node -e 0 (${RUNS} körningar var, växelvis, median; minne: ${memoryMethod()})`);
  const note = binOrNote();
  if (note !== null) {
    log(`   ${note}`);
    log();
    return;
  }
  const runs = sideBySide(
    () => measure(process.execPath, ["-e", "0"]),
    () => measure(BIN, ["--help"]),
  );
  if (typeof runs === "string") {
    log(`   kunde inte mätas: ${runs}`);
    log();
    return;
  }
  const node = medians(runs.a);
  const help = medians(runs.b);
  log(`   node -e 0:            ${ms(node.ms)}  ${mb(node.mb)} topp-RSS`);
  log(`   balans --help:        ${ms(help.ms)}  ${mb(help.mb)} topp-RSS`);
  log(`   skillnad:             ${ms(help.ms - node.ms)}   (mål ≤ +150 ms)   kvot ${(help.ms / node.ms).toFixed(2)}×`);
  log();
}

/** A Python 3 that imports openpyxl: Debian's, the one on PATH, or Debian's after apt-get. */
function pythonWithOpenpyxl(): { python: string; version: string } | string {
  const probe = (p: string) => spawnSync(p, ["-c", "import openpyxl,sys; print(openpyxl.__version__, sys.version.split()[0])"], { encoding: "utf8" });
  const tryAll = () => {
    for (const p of ["/usr/bin/python3", "python3"]) {
      const r = probe(p);
      if (r.status === 0) return { python: p, version: r.stdout.trim() };
    }
    return null;
  };
  const found = tryAll();
  if (found !== null) return found;
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (!existsSync("/usr/bin/apt-get")) return "openpyxl saknas och apt-get finns inte här (jämförelsen hoppas över).";
  if (!root) return "openpyxl saknas; installera den med `sudo apt-get install -y python3-openpyxl` (jämförelsen hoppas över).";
  log("   openpyxl saknas: apt-get install -y python3-openpyxl …");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  let apt = spawnSync("apt-get", ["install", "-y", "-qq", "python3-openpyxl"], { encoding: "utf8", env, timeout: 600_000 });
  if (apt.status !== 0) {
    spawnSync("apt-get", ["update", "-qq"], { encoding: "utf8", env, timeout: 600_000 });
    apt = spawnSync("apt-get", ["install", "-y", "-qq", "python3-openpyxl"], { encoding: "utf8", env, timeout: 600_000 });
  }
  return tryAll() ?? `apt-get install python3-openpyxl misslyckades (${(apt.stderr ?? "").trim().split("\n").pop() ?? ""}); jämförelsen hoppas över.`;
}

/** openpyxl in read-only mode, every row of every sheet (values only): what a Python user would write. */
const OPENPYXL = [
  "import sys",
  "from openpyxl import load_workbook",
  "wb = load_workbook(sys.argv[1], read_only=True)",
  "n = 0",
  "for ws in wb.worksheets:",
  "    for row in ws.iter_rows(values_only=True):",
  "        n += 1",
  "wb.close()",
  "assert n > 0",
].join("\n");

export function peerSection(file: string, rows: number): void {
  log(`6. report --json genom node_modules/.bin/balans mot openpyxl (read_only, varje rad i varje blad) på samma fil (${rows} fördelningsrader; ${RUNS} körningar var, växelvis, median)`);
  const note = binOrNote();
  if (note !== null) {
    log(`   ${note}`);
    log();
    return;
  }
  const py = pythonWithOpenpyxl();
  const report = () => measure(BIN, ["report", file, "--json", "--today", "2024-11-15"]);
  if (typeof py === "string") {
    log(`   ${py}`);
    const alone = [report(), report(), report()];
    const bad = alone.map(failure).find((x) => x !== null);
    if (bad !== undefined && bad !== null) log(`   report: ${bad}`);
    else log(`   report --json ensam: ${ms(medians(alone).ms)}  ${mb(medians(alone).mb)} topp-RSS (median av 3)`);
    log();
    return;
  }
  const runs = sideBySide(() => measure(py.python, ["-c", OPENPYXL, file]), report);
  if (typeof runs === "string") {
    log(`   kunde inte mätas: ${runs}`);
    log();
    return;
  }
  const peer = medians(runs.a);
  const ours = medians(runs.b);
  log(`   openpyxl ${py.version.padEnd(14)} ${ms(peer.ms)}  ${mb(peer.mb)} topp-RSS   (${py.python})`);
  log(`   balans report --json:  ${ms(ours.ms)}  ${mb(ours.mb)} topp-RSS`);
  const memRatio = peer.mb !== null && ours.mb !== null ? `${(ours.mb / peer.mb).toFixed(2)}× minne (mål ≤ 2×)` : "minne: –";
  log(`   kvot:                  ${(ours.ms / peer.ms).toFixed(2)}× tid (mål ≤ 0,8×)   ${memRatio}`);
  log();
}

export async function fullSheetSection(): Promise<void> {
  const rows = FULL_SHEET_ROWS.toLocaleString("sv-SE");
  const limitS = Number(process.env.BALANS_BENCH_TIMEOUT_S ?? "300") || 300;
  log(`7. Fullt blad (issue 8): ${rows} balanslisterader under rubriken, en körning per kommando genom node_modules/.bin/balans (högst ${limitS} s var — BALANS_BENCH_TIMEOUT_S —, heap högst 8 GB)`);
  const note = binOrNote();
  if (note !== null) {
    log(`   ${note}`);
    log();
    return;
  }
  const started = performance.now();
  let file: string;
  try {
    const made = await fullSheetFile();
    file = made.path;
    log(`   fil: ${file}${made.made ? ` (skapad nu på ${((performance.now() - started) / 1000).toFixed(0)} s)` : " (från cachen)"}`);
  } catch (e) {
    log(`   filen kunde inte skapas: ${e instanceof Error ? e.message : String(e)}`);
    log();
    return;
  }
  const out = mkdtempSync(join(tmpdir(), "balans-bench-full-"));
  const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --max-old-space-size=8192`.trim() };
  const cases: [string, string[]][] = [
    ["report", ["report", file, "--today", "2024-11-15"]],
    ["report --json", ["report", file, "--json", "--today", "2024-11-15"]],
    ["apply", ["apply", file, "--out", join(out, "ut.xlsx"), "--force", "--today", "2024-11-15"]],
  ];
  for (const [name, args] of cases) {
    const r = measure(BIN, args, { env, timeoutMs: limitS * 1000 });
    const bad = failure(r);
    log(`   ${name.padEnd(14)} ${ms(r.ms)}  ${mb(r.maxRssMb)} topp-RSS${bad === null ? "" : `   MISSLYCKADES: ${bad.replace(/\s+/gu, " ").slice(0, 300)}`}`);
  }
  rmSync(out, { recursive: true, force: true });
  log();
}
