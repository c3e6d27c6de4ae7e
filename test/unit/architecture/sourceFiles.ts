/** The TypeScript sources under src/, read once, for the architecture tests. */
import * as fs from "node:fs";
import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "../../..");

export interface SourceFile {
  /** Path from the repository root, with `/`. */
  path: string;
  text: string;
}

function walk(dir: string, out: string[]): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (/\.(ts|tsx|js|mjs|cjs)$/.test(entry.name)) out.push(full);
  }
  return out;
}

let cached: SourceFile[] | null = null;

export function sourceFiles(): SourceFile[] {
  cached ??= walk(path.join(ROOT, "src"), [])
    .sort()
    .map((full) => ({ path: path.relative(ROOT, full).split(path.sep).join("/"), text: fs.readFileSync(full, "utf8") }));
  return cached;
}

/** Every place in src/ where `pattern` (global) matches: `file:line`. */
export function occurrences(pattern: RegExp): string[] {
  const found: string[] = [];
  for (const file of sourceFiles()) {
    for (const m of file.text.matchAll(pattern)) {
      const line = file.text.slice(0, m.index).split("\n").length;
      found.push(`${file.path}:${line}`);
    }
  }
  return found;
}
