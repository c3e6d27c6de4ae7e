/**
 * One measured run in its own process (so that peak memory is its own):
 *   tsx bench/child.ts report FILE   — the CLI's `report --json` on FILE (output discarded)
 *   tsx bench/child.ts bare FILE     — a bare ExcelJS read of FILE
 *   tsx bench/child.ts apply FILE    — the CLI's `apply` on FILE (written to a temporary file)
 *   tsx bench/child.ts bare-rw FILE  — a bare ExcelJS read and write of FILE (to a buffer)
 * Prints {"ms": …, "maxRssMb": …} on stdout.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import ExcelJS from "exceljs";
import { runCli, type CliIo } from "../src/cli/runCli";

async function main(): Promise<void> {
  const [mode, file] = process.argv.slice(2);
  if (!file) throw new Error("usage: child.ts report|bare FILE");
  const t0 = performance.now();
  if (mode === "bare" || mode === "bare-rw") {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
    if (wb.worksheets.length === 0) throw new Error("no sheets");
    if (mode === "bare-rw" && (await wb.xlsx.writeBuffer()).byteLength === 0) throw new Error("nothing written");
  } else if (mode === "apply") {
    const out = join(mkdtempSync(join(tmpdir(), "balans-bench-apply-")), "ut.xlsx");
    const io: CliIo = {
      stdout: () => undefined,
      stderr: () => undefined,
      readFile: (p) => readFile(p),
      writeFile: (p, data) => writeFile(p, data),
      exists: async (p) => existsSync(p),
    };
    const code = await runCli(["apply", file, "--out", out, "--force", "--today", "2024-11-15"], io);
    if (code !== 0 || statSync(out).size === 0) throw new Error(`apply failed: exit ${code}`);
    rmSync(dirname(out), { recursive: true, force: true });
  } else {
    let out = 0;
    const io: CliIo = {
      stdout: (s) => {
        out += s.length;
      },
      stderr: () => undefined,
      readFile: (p) => readFile(p),
      writeFile: async () => undefined,
      exists: async () => false,
    };
    const code = await runCli(["report", file, "--json", "--today", "2024-11-15"], io);
    if (code !== 0 || out === 0) throw new Error(`report failed: exit ${code}`);
  }
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + "\n");
}

main().catch((e: unknown) => {
  process.stderr.write(String(e) + "\n");
  process.exit(1);
});
