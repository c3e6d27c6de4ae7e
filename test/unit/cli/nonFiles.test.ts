/**
 * Issue 8/9: `balans report` given something that is not a workbook file — /dev/zero, a folder, a
 * FIFO, a file larger than any package Balans reads — must refuse it at once with exit 2 and a
 * Swedish sentence, not read /dev/zero until memory runs out or wait forever on a FIFO. This runs
 * the real process binding (src/cli/balans.ts, through tsx) as a child process: the check lives
 * there, in front of the file system.
 */
import { execFile, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { MAX_PACKAGE_FILE_BYTES } from "../../../src/file/ooxml/limits";

const ROOT = join(__dirname, "..", "..", "..");
const BINDING = join(ROOT, "src", "cli", "balans.ts");
/** tsx's loader by path: the child runs in a temporary folder, where `--import tsx` would not resolve. */
const TSX = pathToFileURL(require.resolve("tsx", { paths: [ROOT] })).href;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `balans ARGS` from the sources, in `cwd`; killed after 60 s (a hang shows as code null). */
function balans(cwd: string, args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ["--import", TSX, BINDING, ...args],
      { cwd, encoding: "utf8", timeout: 60_000, killSignal: "SIGKILL", maxBuffer: 1 << 20 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : null;
        done({ code, stdout, stderr });
      },
    );
  });
}

const NOT_A_FILE = "det är ingen vanlig fil (utan t.ex. en enhet eller en namngiven pipe). Ange en .xlsx-fil.";

describe("balans refuses what is not a workbook file, before reading it", () => {
  const dir = mkdtempSync(join(tmpdir(), "balans-nonfiles-"));

  it("/dev/zero (a device that never ends)", async () => {
    if (!existsSync("/dev/zero")) return;
    expect(await balans(dir, ["report", "/dev/zero"])).toEqual({ code: 2, stdout: "", stderr: `balans: Kan inte läsa /dev/zero: ${NOT_A_FILE}\n` });
  }, 90_000);

  it("a folder", async () => {
    expect(await balans(dir, ["report", "."])).toEqual({ code: 2, stdout: "", stderr: "balans: Kan inte läsa .: det är en mapp, ingen fil. Ange en .xlsx-fil.\n" });
  }, 90_000);

  it("a FIFO nobody writes to (reading it would wait forever)", async () => {
    const made = spawnSync("mkfifo", [join(dir, "rör.xlsx")]);
    if (made.status !== 0) return; // no mkfifo on this system
    expect(await balans(dir, ["report", "rör.xlsx", "--json"])).toEqual({ code: 2, stdout: "", stderr: `balans: Kan inte läsa rör.xlsx: ${NOT_A_FILE}\n` });
  }, 90_000);

  it("a file larger than any package Balans reads (a sparse file: no disk space used)", async () => {
    const huge = join(dir, "stor.xlsx");
    writeFileSync(huge, "");
    truncateSync(huge, MAX_PACKAGE_FILE_BYTES + 1);
    const run = await balans(dir, ["report", "stor.xlsx"]);
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr: "balans: Kan inte läsa stor.xlsx: filen är 901 MB, större än de 900 MB som Balans läser. Ange en .xlsx-arbetsbok sparad från Excel.\n",
    });
  }, 90_000);
});
