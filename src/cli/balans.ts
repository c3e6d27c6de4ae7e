/**
 * `balans` on the command line (`npx --no-install balans report FIL.xlsx`; compiled into
 * dist-cli/ by scripts/build-cli.mjs): binds {@link runCli} to the process and the file
 * system. Everything else lives in runCli.ts.
 */
import { access, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
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
  stdout: (text) => process.stdout.write(text),
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
  sameFile: async (a, b) => {
    // stat follows symlinks; a hard link has the same inode.
    const [x, y] = await Promise.all([stat(here(a)).catch(() => null), stat(here(b)).catch(() => null)]);
    return x !== null && y !== null && x.dev === y.dev && x.ino === y.ino;
  },
};

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
