/**
 * One measured run in its own process (so that peak memory is its own):
 *   tsx bench/child.ts report FILE   — the CLI's `report --json` on FILE (output discarded)
 *   tsx bench/child.ts bare FILE     — a bare ExcelJS read of FILE
 * Prints {"ms": …, "maxRssMb": …} on stdout.
 */
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { runCli, type CliIo } from "../src/cli/runCli";

async function main(): Promise<void> {
  const [mode, file] = process.argv.slice(2);
  if (!file) throw new Error("usage: child.ts report|bare FILE");
  const t0 = performance.now();
  if (mode === "bare") {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
    if (wb.worksheets.length === 0) throw new Error("no sheets");
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
