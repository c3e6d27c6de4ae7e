/** Engine timing: median of several runs of analyseWorkbook + plans on synthetic data. */
import { analyseWorkbook, defaultOptions, planApply } from "../src/domain";
import type { WorkbookData } from "../src/domain/types";

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

export function timeEngine(wb: WorkbookData, runs: number): { analyseMs: number; planMs: number } {
  const options = defaultOptions("2024-11-15");
  const a: number[] = [];
  const p: number[] = [];
  analyseWorkbook(wb, options); // warm-up
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const analysis = analyseWorkbook(wb, options);
    const t1 = performance.now();
    planApply(analysis);
    const t2 = performance.now();
    a.push(t1 - t0);
    p.push(t2 - t1);
  }
  return { analyseMs: median(a), planMs: median(p) };
}
