/**
 * Issue 13: layer boundaries that cannot be walked around.
 * - src/domain imports nothing outside src/domain but decimal.js and date-fns;
 * - src/taskpane never imports src/file;
 * - only src/excel uses Excel.run;
 * - nothing in src/ imports test/ or bench/ (the recording fake lives in test/support).
 * Checked twice: on the real tree by resolving every import path here (independently of ESLint),
 * and by running the project's ESLint configuration on small sources that try to walk around
 * the rules (deep `../`, detours, type imports, `require`, aliases of `Excel`).
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { ROOT, sourceFiles } from "./sourceFiles";

/** Every module specifier a source names: import/export … from, import(), require(), import x = require(). */
function specifiers(text: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[^'";]*?\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const p of patterns) for (const m of text.matchAll(p)) found.push(m[1] as string);
  return found;
}

const resolvesTo = (file: string, spec: string): string =>
  path.relative(ROOT, path.resolve(ROOT, path.dirname(file), spec)).split(path.sep).join("/");

const packageOf = (spec: string): string => {
  const parts = spec.replace(/^node:/, "").split("/");
  return spec.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] as string);
};

describe("the tree as it is", () => {
  it("src/domain imports only src/domain, decimal.js and date-fns", () => {
    const breaches: string[] = [];
    for (const f of sourceFiles().filter((s) => s.path.startsWith("src/domain/"))) {
      for (const spec of specifiers(f.text)) {
        if (spec.startsWith(".")) {
          const target = resolvesTo(f.path, spec);
          if (!target.startsWith("src/domain/") && target !== "src/domain") breaches.push(`${f.path}: ${spec} → ${target}`);
        } else if (!["decimal.js", "date-fns"].includes(packageOf(spec))) {
          breaches.push(`${f.path}: ${spec}`);
        }
      }
    }
    expect(breaches).toEqual([]);
  });

  it("src/taskpane never imports src/file", () => {
    const breaches = sourceFiles()
      .filter((s) => s.path.startsWith("src/taskpane/"))
      .flatMap((f) => specifiers(f.text).filter((spec) => spec.startsWith(".") && resolvesTo(f.path, spec).startsWith("src/file")).map((spec) => `${f.path}: ${spec}`));
    expect(breaches).toEqual([]);
  });

  it("src never imports test/ or bench/", () => {
    const breaches = sourceFiles().flatMap((f) =>
      specifiers(f.text)
        .filter((spec) => spec.startsWith(".") && /^(?:test|bench)(?:\/|$)/.test(resolvesTo(f.path, spec)))
        .map((spec) => `${f.path}: ${spec}`),
    );
    expect(breaches).toEqual([]);
  });

  it("only src/excel says Excel.run", () => {
    const places = sourceFiles()
      .filter((s) => !s.path.startsWith("src/excel/") && /\bExcel\s*(?:\.\s*run\b|\[)/.test(s.text.replace(/\/\/.*|\/\*[\s\S]*?\*\//g, "")))
      .map((s) => s.path);
    expect(places).toEqual([]);
  });
});

interface LintCase {
  file: string;
  code: string;
}

/** The rule ids ESLint reports for each case, with the project's own eslint.config.mjs. */
function lint(cases: LintCase[]): string[][] {
  const script = `
    const { ESLint } = require("eslint");
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const cases = JSON.parse(require("fs").readFileSync(0, "utf8"));
      const out = [];
      for (const c of cases) {
        const [r] = await eslint.lintText(c.code, { filePath: c.file });
        out.push(r.messages.map((m) => m.ruleId).filter((id) => id === "balans/import-boundaries" || id === "no-restricted-syntax"));
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((e) => { console.error(e); process.exit(1); });`;
  const out = execFileSync(process.execPath, ["-e", script], { cwd: ROOT, input: JSON.stringify(cases), encoding: "utf8" });
  return JSON.parse(out) as string[][];
}

describe("the lint rules cannot be walked around", () => {
  const B = "balans/import-boundaries";
  const S = "no-restricted-syntax";
  const cases: Array<[string, LintCase, string[]]> = [
    ["domain: a sibling module", { file: "src/domain/x.ts", code: 'import { a } from "./isoDate";\nexport const b = a;\n' }, []],
    ["domain: up and back into domain", { file: "src/domain/agenda/x.ts", code: 'import { a } from "../../domain/isoDate";\nexport const b = a;\n' }, []],
    ["domain: decimal.js and date-fns/addDays", { file: "src/domain/x.ts", code: 'import D from "decimal.js";\nimport { addDays } from "date-fns/addDays";\nexport const b = [D, addDays];\n' }, []],
    ["domain: one level up", { file: "src/domain/x.ts", code: 'import { a } from "../app/port";\nexport const b = a;\n' }, [B]],
    ["domain: two levels up from a subfolder", { file: "src/domain/agenda/x.ts", code: 'import { a } from "../../excel/run";\nexport const b = a;\n' }, [B]],
    ["domain: a detour through domain", { file: "src/domain/agenda/x.ts", code: 'import { a } from "../../domain/../file/readXlsx";\nexport const b = a;\n' }, [B]],
    ["domain: a type-only import", { file: "src/domain/x.ts", code: 'import type { WorkbookPort } from "../app/port";\nexport type P = WorkbookPort;\n' }, [B]],
    ["domain: a re-export", { file: "src/domain/x.ts", code: 'export { runCli } from "../cli/runCli";\n' }, [B]],
    ["domain: react", { file: "src/domain/x.ts", code: 'import * as React from "react";\nexport const b = React;\n' }, [B]],
    ["domain: node:fs", { file: "src/domain/x.ts", code: 'import * as fs from "node:fs";\nexport const b = fs;\n' }, [B]],
    ["domain: a dynamic import", { file: "src/domain/x.ts", code: 'export const b = () => import("../excel/run");\n' }, [B]],
    ["taskpane: src/file", { file: "src/taskpane/components/x.ts", code: 'import { a } from "../../file/readXlsx";\nexport const b = a;\n' }, [B]],
    ["taskpane: src/file by a detour", { file: "src/taskpane/x.ts", code: 'import { a } from "../taskpane/../file/ooxml/openPackage";\nexport const b = a;\n' }, [B]],
    ["excel: the recording fake in test/support", { file: "src/excel/x.ts", code: 'import { FakeExcel } from "../../test/support/fakeExcel";\nexport const b = FakeExcel;\n' }, [B]],
    ["app: a bench helper by a detour", { file: "src/app/x.ts", code: 'import { a } from "../app/../../bench/bench";\nexport const b = a;\n' }, [B]],
    ["excel: Excel.run is the adapter's", { file: "src/excel/x.ts", code: "export const r = () => Excel.run(async () => undefined);\n" }, []],
    ["app: Excel.run", { file: "src/app/x.ts", code: "export const r = () => Excel.run(async () => undefined);\n" }, [S]],
    ['taskpane: Excel["run"]', { file: "src/taskpane/x.ts", code: 'export const r = Excel["run"];\n' }, [S]],
    ["commands: an alias of Excel", { file: "src/commands/x.ts", code: "const X = Excel;\nexport const r = X.run;\n" }, [S]],
    ["commands: destructuring Excel", { file: "src/commands/x.ts", code: "const { run } = Excel;\nexport const r = run;\n" }, [S]],
    ["preview: globalThis.Excel", { file: "src/preview/x.ts", code: "export const r = globalThis.Excel.run;\n" }, [S]],
    ['preview: window["Excel"]', { file: "src/preview/x.ts", code: 'export const r = window["Excel"];\n' }, [S]],
    ["taskpane: Excel as an argument", { file: "src/taskpane/x.ts", code: "export const r = (f: (e: unknown) => void) => f(Excel);\n" }, [S]],
    ["taskpane: an Excel type is fine", { file: "src/taskpane/x.ts", code: "export type R = Excel.Range | null;\n" }, []],
  ];

  it("reports exactly the breaches", () => {
    const got = lint(cases.map(([, c]) => c));
    expect(cases.map(([name], i) => [name, got[i]])).toEqual(cases.map(([name, , want]) => [name, want]));
  }, 120_000); // one ESLint process for every case: a few seconds, more on a busy machine
});
