/**
 * What the browser tests need around them: Debian's Chromium (skip with a reason where it is
 * missing, but fail under CI=true), and a built dist/ (built here when missing or older than
 * the sources, so that the tests never run against a stale pane).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";

export const ROOT = join(__dirname, "..", "..", "..");
export const DIST = join(ROOT, "dist");

/** Debian's Chromium; BALANS_CHROMIUM points elsewhere. */
export const CHROMIUM_PATH = process.env.BALANS_CHROMIUM || "/usr/bin/chromium";

/** Why the browser tests cannot run here, or null when they can. */
export function chromiumMissing(): string | null {
  if (existsSync(CHROMIUM_PATH)) return null;
  return (
    `Chromium is not installed at ${CHROMIUM_PATH}. Install it with \`apt-get install -y chromium\` ` +
    "(or set BALANS_CHROMIUM to a Chromium binary)."
  );
}

/** True under CI=true (or 1): a missing browser is a failure there, not a skip. */
export function isCi(): boolean {
  const ci = (process.env.CI ?? "").toLowerCase();
  return ci !== "" && ci !== "0" && ci !== "false";
}

/** Flags from ../shared/TOOLCHAIN.md; Playwright adds --headless and a fresh temporary profile. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}

/**
 * Written into dist/ after a build made here. webpack does not rewrite an output file whose
 * content did not change, so the newest file in dist/ can be older than a source file that was
 * only touched; the stamp keeps that from starting a build on every run.
 */
const STAMP = ".browser-tests-built";

/** Newest modification time of the files under `paths` (relative to the repository). */
function newestFile(paths: string[]): number {
  let newest = 0;
  const visit = (path: string): void => {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path)) visit(join(path, name));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const p of paths) {
    const path = join(ROOT, p);
    if (existsSync(path)) visit(path);
  }
  return newest;
}

/** Why dist/ must be built, or null when it is up to date. */
export function buildNeeded(): string | null {
  if (!existsSync(join(DIST, "taskpane.html"))) return "dist/taskpane.html is missing";
  const sources = newestFile(["src", "assets", "manifest.xml", "webpack.config.js", "package-lock.json"]);
  if (newestFile(["dist"]) < sources) return "dist/ is older than the sources";
  return null;
}

/**
 * Builds dist/ with `npx webpack --mode production` when it is missing or stale. Set
 * BALANS_BROWSER_BUILD=0 to fail instead of building.
 */
export function ensureBuilt(): void {
  const reason = buildNeeded();
  if (reason === null) return;
  if (process.env.BALANS_BROWSER_BUILD === "0") {
    throw new Error(`${reason}: run \`npm run build\` before the browser tests (BALANS_BROWSER_BUILD=0 forbids building here).`);
  }
  console.log(`Browser tests: ${reason}; building it with \`npx webpack --mode production\` …`);
  const result = spawnSync(process.platform === "win32" ? "npx.cmd" : "npx", ["--no-install", "webpack", "--mode", "production"], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 5 * 60_000,
    shell: process.platform === "win32",
  });
  if (result.status !== 0 || !existsSync(join(DIST, "taskpane.html"))) {
    const output = `${result.stdout ?? ""}\n${result.stderr ?? ""}`.trim().split("\n").slice(-30).join("\n");
    throw new Error(
      `The build for the browser tests failed (${result.error?.message ?? `exit ${result.status}`}). ` +
        `Run \`npm run build\` to see why.\n${output}`,
    );
  }
  writeFileSync(join(DIST, STAMP), `${new Date().toISOString()}\n`);
}
