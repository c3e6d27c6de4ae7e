#!/usr/bin/env node
// `npm start`.
// - Windows or macOS with Excel installed (and not CI): `office-addin-debugging start manifest.xml`,
//   as Microsoft's template does; it starts the dev server (`npm run dev-server`) and sideloads.
// - Otherwise (Linux, CI, no Excel, or `npm start -- --preview`): starts the webpack dev server
//   itself and prints where to open the pane and how to sideload manifest.xml in Excel on the web.
//   HTTPS with the certificates in ~/.office-addin-dev-certs (made here if possible), else http.
// Extra arguments after `--` are passed to office-addin-debugging (e.g. `npm start -- web`).
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const wantPreview = args.includes("--preview");
const wantHttp = args.includes("--http");
const passThrough = args.filter((a) => a !== "--preview" && a !== "--http");
const port = Number(process.env.npm_package_config_dev_server_port || 3000);
const npx = process.platform === "win32" ? "npx.cmd" : "npx";

function excelInstalled() {
  if (process.platform === "darwin") return existsSync("/Applications/Microsoft Excel.app");
  if (process.platform === "win32") {
    const dirs = [process.env.ProgramFiles, process.env["ProgramFiles(x86)"]].filter(Boolean);
    return dirs.some((d) =>
      ["Office16", "Office15"].some((v) => existsSync(join(d, "Microsoft Office", "root", v, "EXCEL.EXE"))),
    );
  }
  return false;
}

function run(command, commandArgs, options = {}) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: "inherit", shell: process.platform === "win32", ...options });
  const forward = (signal) => () => child.kill(signal);
  process.on("SIGINT", forward("SIGINT"));
  process.on("SIGTERM", forward("SIGTERM"));
  return child;
}

// ---------- no Excel here: the dev server on its own ----------

const certDir = join(homedir(), ".office-addin-dev-certs");
const certFiles = ["localhost.crt", "localhost.key", "ca.crt"].map((f) => join(certDir, f));
const haveCerts = () => certFiles.every((f) => existsSync(f));

/** Tries to make the dev certificates offline; never fails (trusting the CA may well fail). */
function ensureCerts() {
  if (wantHttp || haveCerts()) return;
  console.log("Skapar utvecklingscertifikat … / Creating development certificates …");
  const result = spawnSync(npx, ["--no-install", "office-addin-dev-certs", "install"], {
    cwd: root,
    stdio: ["ignore", "ignore", "ignore"],
    timeout: 60_000,
    shell: process.platform === "win32",
  });
  if (!haveCerts()) {
    console.log(
      `Inga certifikat (${result.error ? result.error.message : `exit ${result.status}`}): servern kör http.\n` +
        "No certificates: the server runs plain http.",
    );
  }
}

function banner(scheme) {
  const url = `${scheme}://localhost:${port}/taskpane.html`;
  const line = "─".repeat(72);
  const lines = [
    line,
    " Balans – utvecklingsserver / development server",
    "",
    ` Förhandsvisning i webbläsaren / Preview in the browser:`,
    `   ${url}`,
    `   ${url}?today=2024-11-15   (fast datum som idag / fixed date as today; &lang=en: English)`,
    "",
    " Sideladda i Excel på webben / Sideload in Excel on the web:",
    "   1. Öppna en arbetsbok i Excel på webben. / Open a workbook in Excel on the web.",
    "   2. Start › Tillägg › Fler tillägg › Mina tillägg › Ladda upp mitt tillägg",
    "      Home › Add-ins › More add-ins › My add-ins › Upload My Add-in",
    `   3. Välj / choose: ${join(root, "manifest.xml")}`,
    "   4. Fliken Balans visas i menyfliksområdet. / The Balans tab appears on the ribbon.",
  ];
  if (scheme === "http") {
    lines.push(
      "",
      " OBS: utan https kan Excel inte ladda tillägget (manifestet pekar på https://localhost:3000).",
      "      Kör `npx office-addin-dev-certs install` där CA:n kan betros, och starta om.",
      " NOTE: without https Excel cannot load the add-in (the manifest points to https://localhost:3000).",
      "      Run `npx office-addin-dev-certs install` where the CA can be trusted, then restart.",
    );
  } else {
    lines.push(
      "",
      " Certifikatet måste vara betrott i webbläsaren (npx office-addin-dev-certs install).",
      " The certificate must be trusted by the browser (npx office-addin-dev-certs install).",
    );
  }
  lines.push("", " Stoppa / Stop: Ctrl+C", line);
  console.log(lines.join("\n"));
}

/** Resolves when the server answers for taskpane.html (the first build is done), or gives up. */
function waitForServer(scheme, child, timeoutMs = 10 * 60_000) {
  const client = scheme === "https" ? https : http;
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve) => {
    const attempt = () => {
      if (child.exitCode !== null || Date.now() > deadline) return resolve(false);
      const req = client.get(
        { host: "127.0.0.1", port, path: "/taskpane.html", rejectUnauthorized: false, timeout: 5_000 },
        (res) => {
          res.resume();
          resolve(true);
        },
      );
      req.on("timeout", () => req.destroy());
      req.on("error", () => setTimeout(attempt, 1_000));
    };
    attempt();
  });
}

async function startPreviewServer() {
  ensureCerts();
  const scheme = !wantHttp && haveCerts() ? "https" : "http";
  // webpack.config.js uses the certificates when they exist, unless BALANS_DEV_HTTP is set.
  const env = scheme === "http" ? { ...process.env, BALANS_DEV_HTTP: "1" } : process.env;
  banner(scheme);
  const child = run(npx, ["webpack", "serve", "--mode", "development"], { env });
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
  if (await waitForServer(scheme, child)) banner(scheme);
}

// ---------- which way ----------

if (!wantPreview && !process.env.CI && (process.platform === "win32" || process.platform === "darwin") && excelInstalled()) {
  // Excel on this machine: the template's way (it runs `npm run dev-server` itself).
  const child = run(npx, ["office-addin-debugging", "start", "manifest.xml", ...passThrough]);
  child.on("exit", (code) => process.exit(code ?? 1));
} else {
  void startPreviewServer();
}
