#!/usr/bin/env node
// Builds the `balans` command line (`npm run build:cli`; `npm install`/`npm ci` run it as
// `prepare`): src/cli/balans.ts and everything it imports, bundled by esbuild into
// dist-cli/ as ES modules with code splitting, so that each command's `await import()` is a
// chunk loaded only when that command runs (`balans --help` loads no ExcelJS, no decimal.js).
// bin/balans.mjs (committed) starts dist-cli/balans.mjs.
//
// dist-cli/ is kept apart from dist/, which webpack (`npm run build`) cleans on every build.
//
// npm links the bins of dependencies into node_modules/.bin but not the project's own (`npx
// --no-install balans` finds it through package.json); this script links
// node_modules/.bin/balans → bin/balans.mjs too, so that the command can be started without npx.
//
//   node scripts/build-cli.mjs             build
//   node scripts/build-cli.mjs --if-stale  build only when a source the last build read is
//                                          newer than it (what `npm run balans` does)
//   node scripts/build-cli.mjs --prepare   as `prepare`: where esbuild is not installed
//                                          (`npm install --omit=dev`) say so and exit 0
// Messages go to stderr: `npm run --silent balans -- report --json` prints only JSON.
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(root, "dist-cli");
const entry = join(outdir, "balans.mjs");
const metaFile = join(outdir, "meta.json");

/** True when the last build is missing or older than one of the files it was built from. */
function isStale() {
  if (!existsSync(entry) || !existsSync(metaFile)) return true;
  let inputs;
  let built;
  try {
    const meta = JSON.parse(readFileSync(metaFile, "utf8"));
    inputs = Object.keys(meta.inputs);
    built = meta.readAt; // when esbuild began to read the sources
  } catch {
    return true;
  }
  if (typeof built !== "number") return true;
  for (const input of [...inputs, "package.json", "scripts/build-cli.mjs"]) {
    const file = join(root, input);
    if (!existsSync(file) || statSync(file).mtimeMs > built) return true;
  }
  return false;
}

async function build() {
  let esbuild;
  try {
    esbuild = await import("esbuild");
  } catch {
    console.error(
      "build-cli: esbuild is missing (a devDependency). Run `npm install` (or `npm ci`) in the checkout, then again.",
    );
    process.exit(process.argv.includes("--prepare") ? 0 : 1);
  }
  const started = performance.now();
  const readAt = Date.now();
  const result = await esbuild.build({
    absWorkingDir: root,
    // runCli.mjs: the same compiled code as a module, for tests that run many files in one process.
    entryPoints: { balans: "src/cli/balans.ts", runCli: "src/cli/runCli.ts" },
    outdir,
    write: false,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    outExtension: { ".js": ".mjs" },
    chunkNames: "chunks/[name]-[hash]",
    minify: true,
    sourcemap: "linked",
    sourcesContent: false, // the maps point at src/ and node_modules/ in this checkout
    legalComments: "linked",
    metafile: true,
    logLevel: "warning",
    // Bundled CommonJS packages (ExcelJS, JSZip, …) call require() for Node's built-ins.
    banner: { js: 'import{createRequire as __balansCreateRequire}from"node:module";const require=__balansCreateRequire(import.meta.url);' },
  });
  // Builds may run side by side (tests, `npm run balans` in two terminals) while a balans runs
  // from the folder: every file is written under a temporary name and renamed into place (chunk
  // names carry a content hash, the entry comes last), and nothing a running balans may still
  // load is deleted — only chunks that no build has written for ten minutes.
  mkdirSync(join(outdir, "chunks"), { recursive: true });
  const put = (file, contents) => {
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, contents);
    renameSync(tmp, file);
  };
  put(join(outdir, "package.json"), '{ "type": "module", "private": true }\n');
  const outputs = [...result.outputFiles].sort((a, b) => Number(a.path === entry) - Number(b.path === entry));
  for (const file of outputs) put(file.path, file.contents);
  put(metaFile, JSON.stringify({ readAt, ...result.metafile }));
  const written = new Set(outputs.map((f) => f.path));
  const tenMinutesAgo = Date.now() - 600_000;
  for (const name of readdirSync(join(outdir, "chunks"))) {
    const file = join(outdir, "chunks", name);
    if (!written.has(file) && statSync(file, { throwIfNoEntry: false })?.mtimeMs < tenMinutesAgo) rmSync(file, { force: true });
  }
  const chunks = outputs.filter((f) => f.path.endsWith(".mjs")).length - 2;
  const ms = Math.round(performance.now() - started);
  console.error(`build-cli: ${relative(root, entry)}, runCli.mjs and ${chunks} chunks in ${ms} ms`);
}

/** node_modules/.bin/balans → ../../bin/balans.mjs, where node_modules exists. */
function linkBin() {
  const binDir = join(root, "node_modules", ".bin");
  const link = join(binDir, "balans");
  const target = join("..", "..", "bin", "balans.mjs");
  if (!existsSync(join(root, "node_modules"))) return;
  try {
    let current = null;
    try {
      current = lstatSync(link).isSymbolicLink() ? readlinkSync(link) : "";
    } catch {
      current = null; // no link yet
    }
    if (current === target) return;
    mkdirSync(binDir, { recursive: true });
    if (current !== null) rmSync(link, { force: true });
    symlinkSync(target, link);
  } catch (e) {
    console.error(`build-cli: could not link node_modules/.bin/balans (${e.message}); use \`npx --no-install balans\`.`);
  }
}

if (!process.argv.includes("--if-stale") || isStale()) await build();
linkBin();
