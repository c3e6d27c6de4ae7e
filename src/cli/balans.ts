/**
 * `balans` on the command line (`npm run --silent balans -- report FIL.xlsx`): binds
 * {@link runCli} to the process and the file system. Everything else lives in runCli.ts.
 */
import { access, readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
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

void runCli(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
