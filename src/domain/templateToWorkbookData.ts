import type { WorkbookTemplate } from "./template";
import type { CellValue, SheetData, WorkbookData } from "./types";

/** The values a template would put in a workbook, as the engine reads them (for tests and the preview). */
export function templateToWorkbookData(template: WorkbookTemplate): WorkbookData {
  const sheets: SheetData[] = template.sheets.map((s) => {
    const values: CellValue[][] = [];
    const set = (r: number, c: number, v: CellValue) => {
      while (values.length < r) values.push([]);
      const row = values[r - 1]!;
      while (row.length < c) row.push(null);
      row[c - 1] = v;
    };
    for (const t of s.tables) {
      if (t.title !== null && t.top > 1) set(t.top - 1, t.left, t.title);
      t.headers.forEach((h, i) => set(t.top, t.left + i, h));
      t.rows.forEach((r, ri) => t.headers.forEach((_, ci) => set(t.top + 1 + ri, t.left + ci, r[ci] ?? null)));
    }
    const width = Math.max(0, ...values.map((r) => r.length));
    for (const r of values) while (r.length < width) r.push(null);
    return {
      name: s.name,
      top: 1,
      left: 1,
      values,
      tables: s.tables.map((t) => ({ name: t.name, headerRow: t.top, firstColumn: t.left, rowCount: t.rows.length, columnCount: t.headers.length })),
    };
  });
  return { sheets };
}
