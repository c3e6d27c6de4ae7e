// The pid file that `npm start` (scripts/start.mjs) writes and `npm run stop` (scripts/stop.mjs)
// reads: which processes and ports one start owns. Kept under node_modules/.cache, which git
// ignores and every checkout has.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { join } from "node:path";

export function pidFilePath(root) {
  return join(root, "node_modules", ".cache", "balans", "dev-server.json");
}

/**
 * @param {string} root
 * @param {{ pid: number, pgid: number | null, childPid: number, ports: number[], mode: "preview" | "sideload" }} record
 */
export function writePidFile(root, record) {
  const file = pidFilePath(root);
  mkdirSync(join(file, ".."), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ ...record, startedAt: new Date().toISOString() }, null, 2)}\n`);
}

/** The recorded start, or null when there is none (or the file is unreadable). */
export function readPidFile(root) {
  try {
    const record = JSON.parse(readFileSync(pidFilePath(root), "utf8"));
    if (typeof record?.pid !== "number" || !Array.isArray(record.ports)) return null;
    return record;
  } catch {
    return null;
  }
}

/** Removes the pid file; with `ownerPid`, only when that process wrote it. */
export function removePidFile(root, ownerPid) {
  if (ownerPid !== undefined) {
    const record = readPidFile(root);
    if (record !== null && record.pid !== ownerPid) return;
  }
  rmSync(pidFilePath(root), { force: true });
}

/**
 * True when a process (or, for a negative number, a process group) with this id exists and
 * has not ended: a zombie (ended, not yet reaped by its parent) counts as ended (Linux).
 */
export function isAlive(pid) {
  if (typeof pid !== "number" || pid === 0) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    if (e.code !== "EPERM") return false;
  }
  if (pid > 0) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // "pid (name) S …": the state follows the last ")".
      if (stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) === "Z") return false;
    } catch {
      // no /proc (macOS) or the process just ended
    }
  }
  return true;
}

/** True when something accepts connections on `port` at 127.0.0.1 or ::1. */
export function portAnswers(port) {
  const probe = (host) =>
    new Promise((resolve) => {
      const socket = net.connect({ port, host });
      const done = (v) => {
        socket.destroy();
        resolve(v);
      };
      socket.setTimeout(1_000, () => done(false));
      socket.once("connect", () => done(true));
      socket.once("error", () => done(false));
    });
  return Promise.all([probe("127.0.0.1"), probe("::1")]).then(([a, b]) => a || b);
}
