#!/usr/bin/env node
// The `balans` command (package.json "bin"): starts the build in dist-cli/, which
// `npm install`/`npm ci` make through the `prepare` script (scripts/build-cli.mjs).
import { existsSync } from "node:fs";
import module from "node:module";

const entry = new URL("../dist-cli/balans.mjs", import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    "balans: kommandoraden är inte byggd (dist-cli/ saknas). Kör `npm run build:cli` i Balans-mappen.\n" +
      "balans: the command line is not built (dist-cli/ is missing). Run `npm run build:cli` in the Balans folder.\n",
  );
  process.exit(2);
}
// Node 22.1+ caches the compiled code between runs; Node 20 has no such switch.
module.enableCompileCache?.();
await import(entry.href);
