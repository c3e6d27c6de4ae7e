/**
 * `npm run bench` — prints, in one run on this machine:
 *  1. engine time (analyse + plans) at 1 000, 10 000 and 100 000 distribution rows (with a
 *     tenth as many balanslista rows and a hundredth as many agreements) and the growth per 10×;
 *  2. the CLI's `report` on a 50 000-row .xlsx against a bare ExcelJS read of the same file
 *     (time and peak memory, each in its own process), as ratios;
 *  3. the Excel adapter's round trips and largest request per command at those sizes (on the
 *     fake Excel that records every request; see test/support/);
 *  4. the task pane's initial JavaScript, gzipped (from dist/, after `npm run build`);
 *  5.–7. the compiled `balans` program (bench/bin.ts): start-up against `node -e 0`, `report
 *     --json` against openpyxl on the 50 000-row file, and issue 8's full sheet;
 *  8. issue 9: `apply` (read, analyse, patch the package, write) on the 50 000-row file against a
 *     bare ExcelJS read-and-write of the same file (time and peak memory, own processes).
 * `npm run bench -- 5 6` runs only the sections named. A section that fails says why; the rest run.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir, cpus, totalmem } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { analyseWorkbook, defaultOptions, planFlags } from "../src/domain";
import type { TemplateTable, WorkbookTemplate } from "../src/domain/template";
import { runKontrollera, runSummering } from "../src/excel/actions";
import { FakeExcel } from "../test/support/fakeExcel";
import { measureApply } from "../test/support/measureApply";
import { saveXlsx, writeTemplate } from "../src/file/writeTemplate";
import { fullSheetSection, peerSection, startupSection } from "./bin";
import { median, timeEngine } from "./engine";
import { agreementRows, balanslistaRows, distributionRows, syntheticWorkbook } from "./synthetic";

const SIZES = [1_000, 10_000, 100_000];
const fmt = (n: number, d = 1) => n.toFixed(d).padStart(9);
const log = (s = "") => process.stdout.write(s + "\n");

function tables(n: number): TemplateTable[] {
  const t = (name: string, left: number, headers: string[], rows: (string | number | null)[][]): TemplateTable => ({
    name, top: 1, left, title: null, headers, rows: rows as (string | number | null)[][], validations: [], numberFormats: [], columnWidths: headers.map(() => 14),
  });
  return [
    t("Fordelning2024", 1, ["År", "Område", "Insats", "Ansvarig verksamhet", "Summa"], distributionRows(n) as (string | number | null)[][]),
    t("Balanslista", 8, ["Prioriterat område", "Vad", "Uppdrag/aktivitet", "Ansvarig funktion/operativ gruppering", "Beredande forum", "Uppföljning"], balanslistaRows(Math.max(1, n / 10)) as (string | number | null)[][]),
    t("Avtal", 17, ["Överenskommelse/avtal", "Giltighetstid", "Rekommendationsbeslutande forum", "Beredande forum", "Noteringar"], agreementRows(Math.max(1, n / 100)) as (string | number | null)[][]),
  ];
}

async function engineSection(): Promise<void> {
  log("1. Motorn (analyseWorkbook + planer), median av 5 körningar");
  log("   fördelningsrader  balanslista  avtal   analys ms   planer ms   tillväxt per 10×");
  let prev: number | null = null;
  for (const n of SIZES) {
    const { analyseMs, planMs } = timeEngine(syntheticWorkbook(n, n / 10, n / 100), 5);
    const total = analyseMs + planMs;
    log(`   ${String(n).padStart(16)}  ${String(n / 10).padStart(11)}  ${String(n / 100).padStart(5)} ${fmt(analyseMs)}   ${fmt(planMs)}   ${prev ? (total / prev).toFixed(1) + "×" : "–"}`);
    prev = total;
  }
  log("   mål (issue 2): 100 000 + 10 000 + 1 000 rader ≤ 250 ms median");
  log();
}

function child(mode: string, file: string): { ms: number; maxRssMb: number } {
  const out = execFileSync(process.execPath, ["--import", "tsx", join(__dirname, "child.ts"), mode, file], { encoding: "utf8", maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split("\n").pop() ?? "{}") as { ms: number; maxRssMb: number };
}

const CLI_ROWS = 50_000;

/** The benchmark's 50 000-row distribution workbook, made once and cached under os.tmpdir(). */
async function cliFile(): Promise<string> {
  const dir = join(tmpdir(), "balans-bench-cache");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `bench-${CLI_ROWS}-v1.xlsx`);
  if (existsSync(file)) return file;
  const template: WorkbookTemplate = { sheets: [{ name: "Data", tables: tables(CLI_ROWS) }] };
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, await saveXlsx(writeTemplate(template)));
  renameSync(tmp, file);
  return file;
}

async function cliSection(): Promise<void> {
  const n = CLI_ROWS;
  const file = await cliFile();
  log(`2. Kommandoraden: report --json mot en ren ExcelJS-läsning av samma fil (${n} fördelningsrader, 5 körningar var i egna processer, växelvis, median)`);
  const bare: { ms: number; maxRssMb: number }[] = [];
  const report: { ms: number; maxRssMb: number }[] = [];
  child("bare", file); // warm the file cache and tsx's compile cache
  child("report", file);
  for (let i = 0; i < 5; i++) {
    bare.push(child("bare", file));
    report.push(child("report", file));
  }
  const bm = median(bare.map((x) => x.ms));
  const rm = median(report.map((x) => x.ms));
  const bmem = median(bare.map((x) => x.maxRssMb));
  const rmem = median(report.map((x) => x.maxRssMb));
  log(`   ren läsning:  ${fmt(bm, 0)} ms  ${fmt(bmem, 0)} MB topp-RSS`);
  log(`   report:       ${fmt(rm, 0)} ms  ${fmt(rmem, 0)} MB topp-RSS`);
  log(`   kvot:         ${(rm / bm).toFixed(2)}× tid   ${(rmem / bmem).toFixed(2)}× minne   (mål ≤ 1,5×)`);
  log();
}

/** Five alternating runs of two child modes on one file (after one warm-up each): medians. */
function pairOfMedians(a: string, b: string, file: string): { a: { ms: number; mb: number }; b: { ms: number; mb: number } } {
  const runs: Record<string, { ms: number; maxRssMb: number }[]> = { [a]: [], [b]: [] };
  child(a, file);
  child(b, file);
  for (let i = 0; i < 5; i++) for (const mode of [a, b]) runs[mode]?.push(child(mode, file));
  const med = (mode: string) => ({ ms: median((runs[mode] ?? []).map((x) => x.ms)), mb: median((runs[mode] ?? []).map((x) => x.maxRssMb)) });
  return { a: med(a), b: med(b) };
}

async function applySection(): Promise<void> {
  const file = await cliFile();
  log(`8. apply mot en ren ExcelJS-läsning och -skrivning av samma fil (${CLI_ROWS} fördelningsrader, 5 körningar var i egna processer, växelvis, median)`);
  const { a: bare, b: apply } = pairOfMedians("bare-rw", "apply", file);
  log(`   ExcelJS läs + skriv: ${fmt(bare.ms, 0)} ms  ${fmt(bare.mb, 0)} MB topp-RSS`);
  log(`   apply:               ${fmt(apply.ms, 0)} ms  ${fmt(apply.mb, 0)} MB topp-RSS`);
  log(`   kvot:                ${(apply.ms / bare.ms).toFixed(2)}× tid   ${(apply.mb / bare.mb).toFixed(2)}× minne   (mål ≤ 1,5×)`);
  log();
}

function fakeWith(n: number): FakeExcel {
  const excel = new FakeExcel();
  for (const t of tables(n)) excel.workbook.addTable("Data", t.name, t.top, t.left, t.headers, t.rows);
  return excel;
}

async function adapterSection(): Promise<void> {
  log("3. Excel-adaptern (på den inspelande fejkversionen av Excel): rundresor och största begäran");
  log("   rader      kommando      syncs (varav avvisade)   största begäran   största godkända svar");
  const options = defaultOptions("2024-11-15");
  for (const n of SIZES) {
    for (const [name, action] of [["Kontrollera", runKontrollera], ["Summering", runSummering]] as const) {
      const excel = fakeWith(n);
      await action(options, undefined, { run: excel.run, supports: excel.supports, sleep: async () => undefined });
      const ok = excel.syncs.filter((x) => x.ok);
      const refused = excel.syncCount - ok.length;
      const response = ok.reduce((m, x) => Math.max(m, x.responseBytes), 0);
      log(`   ${String(n).padStart(7)}    ${name.padEnd(12)} ${String(excel.syncCount).padStart(5)} (${refused})              ${fmt(excel.largestRequestBytes / 1024, 0)} KB      ${fmt(response / 1024, 0)} KB`);
    }
  }
  const big = syntheticWorkbook(0, 100_000, 0);
  const m = await measureApply({ statusColumns: planFlags(analyseWorkbook(big, options)), summary: null });
  log(`   statuskolumn med 100 000 rader: ${m.syncs} skriv-syncs, största begäran ${(m.largestRequestBytes / 1024).toFixed(0)} KB (gräns 5 MB, plan 4 MB)`);
  log();
}

function bundleSection(): void {
  log("4. Aktivitetsfönstrets initiala JavaScript (gzip)");
  const dist = join(__dirname, "..", "dist");
  if (!existsSync(join(dist, "taskpane.html"))) {
    log("   dist/ saknas: kör `npm run build` först.");
    return;
  }
  const html = readFileSync(join(dist, "taskpane.html"), "utf8");
  const scripts = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/gu)].map((m) => m[1] ?? "").filter((s) => !s.startsWith("http"));
  let raw = 0;
  let gz = 0;
  for (const s of scripts) {
    const buf = readFileSync(join(dist, s.replace(/^\.?\//u, "").split("?")[0] ?? ""));
    raw += buf.length;
    gz += gzipSync(buf, { level: 9 }).length;
  }
  log(`   ${scripts.join(", ")}: ${(raw / 1024).toFixed(0)} KB rått, ${(gz / 1024).toFixed(0)} KB gzip (mål < 300 KB)`);
  const lazy = readdirSync(dist).filter((f) => f.endsWith(".js") && !scripts.some((s) => s.endsWith(f)));
  log(`   senare inlästa delar: ${lazy.length} filer`);
}

async function main(): Promise<void> {
  log(`Balans benchmark ${new Date().toISOString().slice(0, 10)} — node ${process.version}, ${cpus().length} kärnor, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`);
  log();
  const sections: [string, () => void | Promise<void>][] = [
    ["1", engineSection],
    ["2", cliSection],
    ["3", adapterSection],
    ["4", bundleSection],
    ["5", startupSection],
    ["6", async () => peerSection(await cliFile(), CLI_ROWS)],
    ["7", fullSheetSection],
    ["8", applySection],
  ];
  const only = process.argv.slice(2).filter((a) => /^\d+$/u.test(a));
  for (const [id, section] of sections) {
    if (only.length > 0 && !only.includes(id)) continue;
    try {
      await section();
    } catch (e) {
      log(`${id}. kunde inte köras: ${e instanceof Error ? e.message : String(e)}`);
      log();
    }
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
