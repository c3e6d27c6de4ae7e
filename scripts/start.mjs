#!/usr/bin/env node
// `npm start`.
// - Windows or macOS with Excel installed (and not CI): `office-addin-debugging start manifest.xml`,
//   as Microsoft's template does; it starts the dev server (`npm run dev-server`, https on 3000)
//   and sideloads the add-in.
// - Otherwise (Linux, CI, no Excel, or `npm start -- --preview`): the preview for the browser.
//   The webpack dev server speaks plain http on 127.0.0.1 (port 3001, or `--port N`), so that
//   any browser opens it without a certificate. For sideloading into Excel on the web (the
//   manifest points at https://localhost:3000/) a small HTTPS proxy listens on 3000
//   (`--https-port N`) when the development certificates in ~/.office-addin-dev-certs exist
//   (made here if possible); `--no-https` (or `--http`) leaves it out.
//   The address is printed once, when the server answers.
// Everything started here runs in one process group (POSIX) recorded in a pid file;
// Ctrl+C here, or `npm run stop` from another terminal, stops all of it (scripts/stop.mjs).
// Extra arguments after `--` are passed to office-addin-debugging (e.g. `npm start -- web`).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { isAlive, readPidFile, removePidFile, writePidFile } from "./devProcesses.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);

/** The value after `--name`, or `--name=value`; null when absent. */
function option(name) {
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return null;
  const a = args[i];
  return a.includes("=") ? a.slice(a.indexOf("=") + 1) : (args[i + 1] ?? null);
}

function portOption(name, fallback) {
  const raw = option(name);
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    console.error(`${name} ${raw}: ange ett portnummer 1–65535. / give a port number 1–65535.`);
    process.exit(2);
  }
  return n;
}

const VALUED = ["--port", "--https-port"];
const FLAGS = ["--preview", "--http", "--no-https"];
const wantPreview = args.includes("--preview");
const wantHttps = !args.includes("--no-https") && !args.includes("--http");
/** The manifest's port (package.json config.dev_server_port): the HTTPS side. */
const httpsPort = portOption("--https-port", Number(process.env.npm_package_config_dev_server_port || 3000));
const previewPort = portOption("--port", 3001);
const passThrough = args.filter((a, i) => {
  if (FLAGS.includes(a) || VALUED.some((v) => a.startsWith(`${v}=`))) return false;
  if (VALUED.includes(a)) return false;
  if (i > 0 && VALUED.includes(args[i - 1])) return false;
  return true;
});
const isWindows = process.platform === "win32";
const npx = isWindows ? "npx.cmd" : "npx";

function excelInstalled() {
  if (process.platform === "darwin") return existsSync("/Applications/Microsoft Excel.app");
  if (isWindows) {
    const dirs = [process.env.ProgramFiles, process.env["ProgramFiles(x86)"]].filter(Boolean);
    return dirs.some((d) =>
      ["Office16", "Office15"].some((v) => existsSync(join(d, "Microsoft Office", "root", v, "EXCEL.EXE"))),
    );
  }
  return false;
}

/** Refuses to start a second time while a recorded start is still running. */
function refuseIfRunning() {
  const previous = readPidFile(root);
  if (previous === null) return;
  if (isAlive(previous.pid) || (previous.pgid && isAlive(previous.pgid))) {
    console.error(
      `Balans körs redan (process ${previous.pid}). Stoppa den med \`npm run stop\`.\n` +
        `Balans is already running (process ${previous.pid}). Stop it with \`npm run stop\`.`,
    );
    process.exit(1);
  }
  removePidFile(root); // left by a start that was killed
}

/** Resolves true when nothing listens on `port` (127.0.0.1 and ::1). */
function portFree(port) {
  const tryHost = (host) =>
    new Promise((resolve) => {
      const server = net.createServer();
      server.once("error", (e) => resolve(e.code === "EADDRNOTAVAIL" || e.code === "EAFNOSUPPORT"));
      server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
    });
  return tryHost("127.0.0.1").then((v4) => (v4 ? tryHost("::1") : false));
}

// ---------- certificates (for the HTTPS side only) ----------

const certDir = join(homedir(), ".office-addin-dev-certs");
const certFiles = ["localhost.crt", "localhost.key", "ca.crt"].map((f) => join(certDir, f));
const haveCerts = () => certFiles.every((f) => existsSync(f));

/** Tries to make the dev certificates offline; never fails (trusting the CA may well fail). */
function ensureCerts() {
  if (haveCerts()) return true;
  console.log("Skapar utvecklingscertifikat … / Creating development certificates …");
  const result = spawnSync(npx, ["--no-install", "office-addin-dev-certs", "install"], {
    cwd: root,
    stdio: ["ignore", "ignore", "ignore"],
    timeout: 60_000,
    shell: isWindows,
  });
  if (!haveCerts()) {
    console.log(
      `Inga certifikat (${result.error ? result.error.message : `exit ${result.status}`}): ingen https-adress för sideladdning.\n` +
        "No certificates: no https address for sideloading.",
    );
    return false;
  }
  return true;
}

// ---------- the preview: webpack dev server (http) and the HTTPS proxy ----------

/** Resolves when the dev server answers for taskpane.html (the first build is done), or false. */
function waitForServer(child, timeoutMs = 10 * 60_000) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve) => {
    const attempt = () => {
      if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) return resolve(false);
      const req = http.get({ host: "127.0.0.1", port: previewPort, path: "/taskpane.html", timeout: 5_000 }, (res) => {
        res.resume();
        if (res.statusCode === 200) resolve(true);
        else setTimeout(attempt, 500);
      });
      req.on("timeout", () => req.destroy());
      req.on("error", () => setTimeout(attempt, 500));
    };
    attempt();
  });
}

/** An HTTPS server on `port` that forwards everything (WebSockets too) to the dev server. */
function startHttpsProxy(port) {
  const options = {
    key: readFileSync(join(certDir, "localhost.key")),
    cert: readFileSync(join(certDir, "localhost.crt")),
    ca: readFileSync(join(certDir, "ca.crt")),
  };
  const server = https.createServer(options, (req, res) => {
    const upstream = http.request(
      { host: "127.0.0.1", port: previewPort, method: req.method, path: req.url, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("Balans: utvecklingsservern svarar inte. / The development server does not answer.");
    });
    req.pipe(upstream);
  });
  server.on("upgrade", (req, socket, head) => {
    const upstream = net.connect(previewPort, "127.0.0.1", () => {
      const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(`${lines.join("\r\n")}\r\n\r\n`);
      if (head.length > 0) upstream.write(head);
      socket.pipe(upstream).pipe(socket);
    });
    upstream.on("error", () => socket.destroy());
    socket.on("error", () => upstream.destroy());
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "localhost", () => resolve(server));
  });
}

function banner(previewUrl, httpsUrl) {
  const line = "─".repeat(72);
  const lines = [
    line,
    " Balans – förhandsvisning / preview",
    "",
    " Öppna i webbläsaren / Open in the browser:",
    "",
    `   ${previewUrl}`,
    "",
    "   Exempelarbetsboken öppnas på sitt eget datum 2024-11-15; ?today=ÅÅÅÅ-MM-DD väljer ett annat,",
    "   ?lang=en ger engelska. / The sample opens at its own date; ?today=YYYY-MM-DD picks another,",
    "   ?lang=en gives English.",
    "",
  ];
  if (httpsUrl !== null) {
    lines.push(
      " Sideladda i Excel på webben / Sideload in Excel on the web (manifest.xml → " + httpsUrl + "):",
      "   Start › Tillägg › Fler tillägg › Mina tillägg › Ladda upp mitt tillägg",
      "   (Home › Add-ins › More add-ins › My add-ins › Upload My Add-in)",
      `   → ${join(root, "manifest.xml")}`,
      "   Utvecklingscertifikatet måste vara betrott (npx office-addin-dev-certs install).",
      "   The development certificate must be trusted (npx office-addin-dev-certs install).",
      "",
    );
  } else {
    lines.push(
      " Ingen https-server: sideladdning i Excel behöver https://localhost:3000 och ett betrott",
      " utvecklingscertifikat. / No https server: sideloading in Excel needs https://localhost:3000",
      " and a trusted development certificate (npx office-addin-dev-certs install).",
      "",
    );
  }
  lines.push(" Stoppa / Stop: Ctrl+C, eller / or: npm run stop", line);
  console.log(lines.join("\n"));
}

async function startPreview() {
  refuseIfRunning();
  for (const port of wantHttps ? [previewPort, httpsPort] : [previewPort]) {
    if (!(await portFree(port))) {
      console.error(
        `Port ${port} används redan. Stoppa det som kör där (\`npm run stop\`) eller välj en annan med --port.\n` +
          `Port ${port} is in use. Stop what runs there (\`npm run stop\`) or choose another with --port.`,
      );
      process.exit(1);
    }
  }
  const https_ = wantHttps && ensureCerts();

  console.log("Bygger Balans … (första gången tar det en stund) / Building Balans … (the first time takes a while)");
  // webpack directly (not through npx), in a process group of its own that stop.mjs can end whole.
  const webpackCli = join(root, "node_modules", "webpack-cli", "bin", "cli.js");
  const child = spawn(
    process.execPath,
    [webpackCli, "serve", "--mode", "development", "--port", String(previewPort), "--host", "127.0.0.1"],
    {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      detached: !isWindows,
      // webpack.config.js serves http when BALANS_DEV_HTTP is set.
      env: { ...process.env, BALANS_DEV_HTTP: "1" },
    },
  );
  writePidFile(root, { pid: process.pid, pgid: isWindows ? null : child.pid, childPid: child.pid, ports: https_ ? [previewPort, httpsPort] : [previewPort], mode: "preview" });

  // webpack's own output: errors and warnings pass through; its progress and address lines do
  // not (they would print a second, different address before the server answers).
  const relay = (stream, out) => {
    let buffer = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk) => {
      buffer += chunk;
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const l of lines) if (/\b(ERROR|WARNING|Error:)\b/.test(l) || /compiled with/.test(l)) out.write(`${l}\n`);
    });
  };
  relay(child.stdout, process.stdout);
  relay(child.stderr, process.stderr);

  let proxy = null;
  let stopping = false;
  const stop = (code) => {
    if (stopping) return;
    stopping = true;
    proxy?.close();
    proxy?.closeAllConnections?.();
    try {
      if (isWindows) spawnSync("taskkill", ["/pid", String(child.pid), "/T", "/F"], { stdio: "ignore" });
      else process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
    const hardStop = setTimeout(() => {
      try {
        if (!isWindows) process.kill(-child.pid, "SIGKILL");
      } catch {
        // gone
      }
    }, 5_000);
    hardStop.unref();
    const finish = () => {
      removePidFile(root, process.pid);
      process.exit(code);
    };
    if (child.exitCode !== null || child.signalCode !== null) finish();
    else child.once("exit", finish);
  };
  process.on("SIGINT", () => stop(0));
  process.on("SIGTERM", () => stop(0));
  process.on("SIGHUP", () => stop(0));
  child.on("exit", (code, signal) => {
    if (stopping) return;
    console.error(`webpack avslutades (${signal ?? `exit ${code}`}). / webpack ended (${signal ?? `exit ${code}`}).`);
    stop(code ?? 1);
  });

  if (!(await waitForServer(child))) {
    if (!stopping) {
      console.error("Servern svarade inte. / The server did not answer.");
      stop(1);
    }
    return;
  }
  let httpsUrl = null;
  if (https_) {
    try {
      proxy = await startHttpsProxy(httpsPort);
      httpsUrl = `https://localhost:${httpsPort}/`;
    } catch (e) {
      console.error(`Https-servern kunde inte starta / The https server could not start: ${e.message}`);
    }
  }
  banner(`http://localhost:${previewPort}/taskpane.html`, httpsUrl);
}

// ---------- which way ----------

if (!wantPreview && !process.env.CI && (isWindows || process.platform === "darwin") && excelInstalled()) {
  // Excel on this machine: the template's way (it runs `npm run dev-server` itself).
  refuseIfRunning();
  const child = spawn(npx, ["office-addin-debugging", "start", "manifest.xml", ...passThrough], {
    cwd: root,
    stdio: "inherit",
    shell: isWindows,
    detached: !isWindows,
  });
  writePidFile(root, { pid: process.pid, pgid: isWindows ? null : child.pid, childPid: child.pid, ports: [httpsPort], mode: "sideload" });
  const forward = () => {
    try {
      if (isWindows) spawnSync("taskkill", ["/pid", String(child.pid), "/T", "/F"], { stdio: "ignore" });
      else process.kill(-child.pid, "SIGTERM");
    } catch {
      // gone
    }
  };
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  child.on("exit", (code) => {
    removePidFile(root, process.pid);
    process.exit(code ?? 1);
  });
} else {
  void startPreview();
}
