/**
 * A newcomer's path: `npm start` (scripts/start.mjs, preview mode) prints one
 * http://localhost address, once, when the server answers; the page answers there; and
 * `npm run stop` (scripts/stop.mjs) or Ctrl+C (SIGINT) stop everything it started: no process
 * of it left, nothing listening on the port. Runs the real webpack dev server on a free port
 * (its first build takes some seconds).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import net from "node:net";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..", "..");
const PID_FILE = join(ROOT, "node_modules", ".cache", "balans", "dev-server.json");

jest.setTimeout(5 * 60_000);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.setTimeout(1_000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

interface Started {
  child: ChildProcess;
  output: () => string;
  url: string;
  record: { pid: number; pgid: number | null; childPid: number; ports: number[] };
}

/** Starts `npm start -- --preview --no-https --port N` (as node scripts/start.mjs) and waits for its address line. */
async function start(port: number): Promise<Started> {
  const child = spawn(process.execPath, [join(ROOT, "scripts", "start.mjs"), "--preview", "--no-https", "--port", String(port)], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, CI: "" },
  });
  let out = "";
  child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /http:\/\/localhost:\d+\/\S*/.exec(out);
      if (m) {
        clearInterval(timer);
        resolve(m[0]);
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`npm start ended early (exit ${child.exitCode}):\n${out}`));
      }
    }, 200);
  });
  const record = JSON.parse(readFileSync(PID_FILE, "utf8")) as Started["record"];
  return { child, output: () => out, url, record };
}

/** `npm run stop` (node scripts/stop.mjs), without blocking this process. */
function runStop(): Promise<{ status: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, "scripts", "stop.mjs")], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("close", (status) => resolve({ status, out, err }));
  });
}

async function waitUntil(check: () => Promise<boolean> | boolean, ms: number): Promise<boolean> {
  for (let waited = 0; waited < ms; waited += 200) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return check();
}

describe("npm start and npm run stop", () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    // Whatever a failed test left running.
    for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
    spawnSync(process.execPath, [join(ROOT, "scripts", "stop.mjs")], { cwd: ROOT, stdio: "ignore" });
  });

  it("prints one http address when the page answers there; npm run stop leaves nothing listening", async () => {
    const port = await freePort();
    const started = await start(port);
    children.push(started.child);
    expect(started.url).toBe(`http://localhost:${port}/taskpane.html`);
    expect(started.record.ports).toEqual([port]);

    const res = await fetch(started.url);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('src="platform-check.js"');
    // Once, and no other address (no https, no webpack "Loopback:" lines).
    const addresses = started.output().match(/https?:\/\/(localhost|127\.0\.0\.1|\[::1\])[^\s)]*/g) ?? [];
    expect(addresses.filter((a) => a.startsWith("http://"))).toEqual([started.url]);

    // Asynchronously, so that this process reaps the start script when it ends (as a shell would).
    const stop = await runStop();
    expect(stop).toEqual({ status: 0, err: "", out: expect.stringContaining(`Balans är stoppad; inget lyssnar på ${port}.`) });
    expect(await listening(port)).toBe(false);
    expect(await waitUntil(() => started.child.exitCode !== null || started.child.signalCode !== null, 5_000)).toBe(true);
    expect(alive(started.record.childPid)).toBe(false);
    expect(existsSync(PID_FILE)).toBe(false);
  });

  it("Ctrl+C (SIGINT) stops the server and everything it started", async () => {
    const port = await freePort();
    const started = await start(port);
    children.push(started.child);
    expect(await listening(port)).toBe(true);
    started.child.kill("SIGINT");
    expect(await waitUntil(async () => !(await listening(port)), 10_000)).toBe(true);
    expect(await waitUntil(() => !alive(started.record.childPid), 10_000)).toBe(true);
    expect(await waitUntil(() => started.child.exitCode !== null, 10_000)).toBe(true);
    expect(existsSync(PID_FILE)).toBe(false);
  });

  it("npm run stop says so when nothing runs", async () => {
    const stop = await runStop();
    expect(stop.status).toBe(0);
    expect(stop.out).toContain("Balans körs inte");
  });
});
