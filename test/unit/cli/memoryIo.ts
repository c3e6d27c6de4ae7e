import type { CliIo } from "../../../src/cli/runCli";

/** A CliIo over an in-memory file system that records what the command printed. */
export interface MemoryIo extends CliIo {
  files: Map<string, Uint8Array>;
  out: string;
  err: string;
  writes: string[];
}

export function memoryIo(files: Record<string, Uint8Array> = {}): MemoryIo {
  const io: MemoryIo = {
    files: new Map(Object.entries(files)),
    out: "",
    err: "",
    writes: [],
    stdout: (text) => {
      io.out += text;
    },
    stderr: (text) => {
      io.err += text;
    },
    readFile: async (path) => {
      const data = io.files.get(path);
      if (data === undefined) {
        throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: "ENOENT" });
      }
      return data;
    },
    writeFile: async (path, data) => {
      io.files.set(path, data);
      io.writes.push(path);
    },
    exists: async (path) => io.files.has(path),
  };
  return io;
}
