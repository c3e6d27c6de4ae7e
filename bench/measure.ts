/**
 * One program run, timed from outside: wall time (measured here, around the spawn) and peak
 * memory (max RSS) of the process, from `/usr/bin/time -f %M` where it exists, else from the
 * kernel's rusage of the child read by a few lines of Python (`os.wait4`), else none.
 * stdout goes to /dev/null (a report on a million rows is large); stderr is kept for messages.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export interface Measured {
  ms: number;
  /** Peak resident memory in MB; null where it cannot be taken on this machine. */
  maxRssMb: number | null;
  /** Exit code; null when the run was killed (timeout) or could not start. */
  code: number | null;
  timedOut: boolean;
  /** The last lines of stderr, for a message when the run failed. */
  stderr: string;
}

const TIME = "/usr/bin/time";
const WAIT4 =
  "import os,sys\n" +
  "pid=os.fork()\n" +
  "if pid==0:\n" +
  "  fd=os.open(os.devnull,os.O_WRONLY); os.dup2(fd,1); os.execvp(sys.argv[1],sys.argv[1:])\n" +
  "_,status,ru=os.wait4(pid,0)\n" +
  "sys.stderr.write('BALANS_RSS %d\\n' % ru.ru_maxrss)\n" +
  "sys.exit(os.waitstatus_to_exitcode(status) if hasattr(os,'waitstatus_to_exitcode') else status>>8)\n";

let python: string | null | undefined;
function pythonForRusage(): string | null {
  if (python === undefined) {
    python = ["/usr/bin/python3", "python3"].find((p) => spawnSync(p, ["-c", "import os; os.wait4"], { stdio: "ignore" }).status === 0) ?? null;
  }
  return python;
}

/** How peak memory is taken here, for the bench's header. */
export function memoryMethod(): string {
  if (existsSync(TIME)) return `${TIME} -f %M`;
  if (pythonForRusage() !== null) return "rusage via Python os.wait4";
  return "none (neither /usr/bin/time nor Python: no memory figures)";
}

export function measure(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; timeoutMs?: number; cwd?: string } = {}): Measured {
  let argv: string[];
  if (existsSync(TIME)) argv = [TIME, "-f", "BALANS_RSS %M", command, ...args];
  else if (pythonForRusage() !== null) argv = [pythonForRusage() as string, "-c", WAIT4, command, ...args];
  else argv = [command, ...args];
  // GNU timeout stops the whole process group (the measured program, not only /usr/bin/time).
  const timeoutMs = options.timeoutMs ?? 600_000;
  const hasTimeout = existsSync("/usr/bin/timeout");
  if (hasTimeout) argv = ["/usr/bin/timeout", "-k", "5", String(Math.ceil(timeoutMs / 1000)), ...argv];
  const started = process.hrtime.bigint();
  const run = spawnSync(argv[0] as string, argv.slice(1), {
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
    maxBuffer: 64 << 20,
    env: options.env ?? process.env,
    cwd: options.cwd,
    timeout: hasTimeout ? timeoutMs + 15_000 : timeoutMs,
    killSignal: "SIGKILL",
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const stderr = run.stderr ?? "";
  const rss = /BALANS_RSS (\d+)\s*$/u.exec(stderr);
  const timedOut = run.signal !== null || (hasTimeout && (run.status === 124 || run.status === 137));
  const code = run.error !== undefined || timedOut ? null : run.status;
  const text = stderr
    .replace(/BALANS_RSS \d+\s*$/u, "")
    .replace(/Command (exited with non-zero status|terminated by signal) \d+\s*$/u, "")
    .trim();
  return {
    ms,
    maxRssMb: rss?.[1] !== undefined ? Number(rss[1]) / 1024 : null,
    code,
    timedOut,
    stderr: (run.error?.message ?? "") + text.split("\n").slice(-3).join("\n"),
  };
}
