#!/usr/bin/env node
// `npm run stop`: stops everything `npm start` started (scripts/start.mjs), on Linux too.
// - Reads the pid file start.mjs wrote; ends the webpack process group (SIGTERM, then SIGKILL
//   after 5 s) and the start script itself; on Windows the process tree (taskkill /T).
// - Where start.mjs sideloaded into Excel (Windows/macOS), also `office-addin-debugging stop`.
// - Then checks that no process listens on the recorded ports any more, and says so.
// Exit code 0 when nothing of Balans runs afterwards (also when nothing ran), 1 otherwise.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { isAlive, portAnswers, readPidFile, removePidFile } from "./devProcesses.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const isWindows = process.platform === "win32";
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function signal(target, sig) {
  try {
    process.kill(target, sig);
    return true;
  } catch {
    return false;
  }
}

/** True while any recorded process (or the process group) still exists. */
function anyAlive(record) {
  return [record.pgid ? -record.pgid : 0, record.childPid, record.pid].some((p) => p && isAlive(p));
}

async function main() {
  const record = readPidFile(root);
  if (record === null) {
    console.log("Balans körs inte (ingen pid-fil). / Balans is not running (no pid file).");
    return 0;
  }

  if (record.mode === "sideload") {
    // Removes the sideloaded add-in and ends the dev server Microsoft's tool started.
    spawnSync(isWindows ? "npx.cmd" : "npx", ["--no-install", "office-addin-debugging", "stop", "manifest.xml"], {
      cwd: root,
      stdio: "inherit",
      shell: isWindows,
    });
  }

  if (isWindows) {
    for (const pid of [record.childPid, record.pid]) {
      if (pid) spawnSync("taskkill", ["/pid", String(pid), "/T", "/F"], { stdio: "ignore" });
    }
  } else {
    // The start script first (it stops its group itself), then the group, in case it cannot.
    signal(record.pid, "SIGTERM");
    if (record.pgid) signal(-record.pgid, "SIGTERM");
    for (let waited = 0; waited < 5_000 && anyAlive(record); waited += 100) await sleep(100);
    if (anyAlive(record)) {
      if (record.pgid) signal(-record.pgid, "SIGKILL");
      signal(record.pid, "SIGKILL");
      for (let waited = 0; waited < 2_000 && anyAlive(record); waited += 100) await sleep(100);
    }
  }

  const stillListening = [];
  for (const port of record.ports) {
    let open = await portAnswers(port);
    for (let waited = 0; open && waited < 3_000; waited += 200) {
      await sleep(200);
      open = await portAnswers(port);
    }
    if (open) stillListening.push(port);
  }
  const alive = anyAlive(record);
  if (!alive) removePidFile(root);

  if (stillListening.length > 0 || alive) {
    console.error(
      `Något svarar fortfarande (portar: ${stillListening.join(", ") || "–"}, processer kvar: ${alive ? "ja" : "nej"}).\n` +
        `Something still answers (ports: ${stillListening.join(", ") || "–"}, processes left: ${alive ? "yes" : "no"}).`,
    );
    return 1;
  }
  console.log(
    `Balans är stoppad; inget lyssnar på ${record.ports.join(", ")}. / Balans is stopped; nothing listens on ${record.ports.join(", ")}.`,
  );
  return 0;
}

process.exitCode = await main();
