/**
 * `balans` on the command line (`npx --no-install balans report FIL.xlsx`; compiled into
 * dist-cli/ by scripts/build-cli.mjs): binds {@link runCli} to the process and the file
 * system. Everything else lives in runCli.ts.
 */
import { writeSync } from "node:fs";
import { access, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { MAX_PACKAGE_FILE_BYTES } from "../file/ooxml/limits";
import { runCli, type CliIo } from "./runCli";

/**
 * `npm run balans` starts in the package folder; paths are meant from where the user typed
 * them, which npm passes as INIT_CWD. Started any other way, the working folder is the one.
 */
const base =
  process.env.npm_lifecycle_event === "balans" && process.env.INIT_CWD ? process.env.INIT_CWD : process.cwd();
const here = (path: string) => resolve(base, path);

const io: CliIo = {
  stdout: (text) => writeStdout(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readInputFile(here(path)),
  writeFile: (path, data) => writeFileAtomic(here(path), data),
  exists: async (path) => {
    try {
      await access(here(path));
      return true;
    } catch {
      return false;
    }
  },
  memoryHint: (hint) => {
    if (hint === "reading") keepYoungGenerationSmall();
    else fullCollection()?.();
  },
  sameFile: async (a, b) => {
    // stat follows symlinks; a hard link has the same inode.
    const [x, y] = await Promise.all([stat(here(a)).catch(() => null), stat(here(b)).catch(() => null)]);
    return x !== null && y !== null && x.dev === y.dev && x.ino === y.ino;
  },
};

/**
 * V8 grows its young generation to 16 MB semi-spaces (48 MB of memory) under the reader's
 * stream of short-lived objects; kept at its first size, `report` on a 50 000-row workbook
 * peaks about 50 MB lower in about the same time (issue 15). `--max-semi-space-size` works only
 * on Node's command line (a shebang with flags breaks `env` on some systems); the growth factor
 * is read each time the space would grow, so setting it before the workbook is read does the
 * same. (V8 raises a factor below 2 to 2 only when it is given at start-up.) The old generation
 * keeps no extra limit: a large workbook still reads.
 */
function keepYoungGenerationSmall(): void {
  setFlagsFromString("--semi-space-growth-factor=1");
}

/** A wait of about a millisecond that uses no CPU (for a full pipe). */
const pause = (() => {
  const cell = new Int32Array(new SharedArrayBuffer(4));
  return () => Atomics.wait(cell, 0, 0, 1);
})();

/**
 * Writes to standard output at once, waiting while a pipe is full: `process.stdout.write` queues
 * in memory what a pipe cannot take yet, and `report --json | jq` then held the whole output, tens
 * of megabytes for a large workbook (issue 15). A reader that has gone (`| head`) ends the program
 * quietly, as before.
 */
function writeStdout(text: string): void {
  let bytes = Buffer.from(text, "utf8");
  while (bytes.length > 0) {
    try {
      bytes = bytes.subarray(writeSync(1, bytes));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") pause();
      else if (code === "EPIPE") process.exit(process.exitCode ?? 0);
      else throw e;
    }
  }
}

let gc: (() => void) | null | undefined;

/**
 * V8's full garbage collection, or null where it cannot be had. Node offers it only with
 * `--expose-gc`, which the bin cannot put on its own command line; set at run time, the flag gives
 * the function to every context made after it.
 */
function fullCollection(): (() => void) | null {
  if (gc === undefined) {
    try {
      setFlagsFromString("--expose-gc");
      const f: unknown = runInNewContext("gc");
      gc = typeof f === "function" ? (f as () => void) : null;
    } catch {
      gc = null;
    }
  }
  return gc;
}

/**
 * Reads the input workbook, refusing first (from `stat`, which never blocks) what is not a regular
 * file — a folder, /dev/zero, a FIFO, a socket — or is larger than any package Balans accepts
 * (issue 8): `readFile` on /dev/zero or a FIFO would grow without end or wait forever. The
 * messages are Swedish (runCli shows them after "Kan inte läsa FIL:").
 */
async function readInputFile(path: string): Promise<Uint8Array> {
  const info = await stat(path);
  if (info.isDirectory()) throw new Error("det är en mapp, ingen fil. Ange en .xlsx-fil");
  if (!info.isFile()) {
    throw Object.assign(new Error("det är ingen vanlig fil (utan t.ex. en enhet eller en namngiven pipe). Ange en .xlsx-fil"), { code: "ENOTREG" });
  }
  if (info.size > MAX_PACKAGE_FILE_BYTES) {
    throw Object.assign(
      new Error(
        `filen är ${Math.ceil(info.size / 1e6)} MB, större än de ${MAX_PACKAGE_FILE_BYTES / 1e6} MB som Balans läser. Ange en .xlsx-arbetsbok sparad från Excel`,
      ),
      { code: "EFBIG" },
    );
  }
  const data = await readFile(path);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * Writes a temporary file in the target's folder and renames it into place, so that a crash or
 * a full disk never leaves half a file under the target's name.
 */
async function writeFileAtomic(target: string, data: Uint8Array): Promise<void> {
  const existing = await stat(target).catch(() => null);
  if (existing?.isDirectory()) throw Object.assign(new Error(`EISDIR: ${target} is a directory`), { code: "EISDIR" });
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(temp, data, { flag: "wx" });
    await rename(temp, target);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
}

// `balans report FIL.xlsx | head`: a reader that stops early is not an error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});

void runCli(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
