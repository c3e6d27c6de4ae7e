import { cellText, isBlank, normaliseHeader } from "./normaliseText";
import { TABLE_SCHEMAS, type TableSchema } from "./tableSchemas";
import type { CellValue, Problem, RecognisedTable, SheetData, TableRow, WorkbookData } from "./types";

/** Header of the status column Balans owns (kept here to avoid an import cycle with index.ts). */
export const OWNED_HEADER = "Balans status";

interface HeaderMatch {
  schema: TableSchema;
  columns: Record<string, number>;
  duplicates: { header: string; offset: number }[];
  missing: string[];
  score: number;
}

function headerMatches(header: string, alias: string): boolean {
  const h = normaliseHeader(header);
  const a = normaliseHeader(alias);
  return h === a || h.startsWith(a + " ") || h.startsWith(a + "(");
}

/** Which kind of table a header row is, if any. Headers: the texts of the row's cells. */
export function matchHeaderRow(headers: string[]): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  const normalised = headers.map(normaliseHeader);
  for (const schema of TABLE_SCHEMAS) {
    if (schema.rejectIf?.some((h) => normalised.includes(normaliseHeader(h)))) continue;
    const columns: Record<string, number> = {};
    const duplicates: { header: string; offset: number }[] = [];
    headers.forEach((header, offset) => {
      if (header.trim() === "" || normaliseHeader(header) === normaliseHeader(OWNED_HEADER)) return;
      // Exact (normalised) matches win over prefix matches: try exact first across fields.
      const exact = schema.fields.find((fs) => fs.headers.some((a) => normaliseHeader(a) === normaliseHeader(header)));
      const field = exact ?? schema.fields.find((fs) => fs.headers.some((a) => headerMatches(header, a)));
      if (!field) return;
      if (columns[field.key] === undefined) columns[field.key] = offset;
      else duplicates.push({ header, offset });
    });
    const hasKeys = schema.fields.filter((fs) => fs.key_).every((fs) => columns[fs.key] !== undefined);
    if (!hasKeys) continue;
    const missing = schema.fields.filter((fs) => fs.required && columns[fs.key] === undefined).map((fs) => fs.headers[0] ?? fs.key);
    const score = Object.keys(columns).length;
    if (!best || score > best.score) best = { schema, columns, duplicates, missing, score };
  }
  return best;
}

const KEY_HEADER_STARTS = new Set(
  TABLE_SCHEMAS.flatMap((sc) => sc.fields.filter((f) => f.key_).flatMap((f) => f.headers.map((h) => normaliseHeader(h).slice(0, 3)))),
);

/** Cheap pre-check: at least two short text cells that begin like a key header. */
function couldBeHeaderRow(cells: CellValue[]): boolean {
  let hits = 0;
  for (const v of cells) {
    if (typeof v !== "string" || v.length > 80) continue;
    if (KEY_HEADER_STARTS.has(v.trim().slice(0, 3).toLocaleLowerCase("sv-SE")) && ++hits >= 2) return true;
  }
  return false;
}

function headerMatchAt(sheet: SheetData, row: number, start: number, end: number): HeaderMatch | null {
  const headers = sliceRow(sheet, row, start, end);
  return couldBeHeaderRow(headers) ? matchHeaderRow(headers.map(cellText)) : null;
}

function rowIsBlank(cells: CellValue[]): boolean {
  return cells.every((c) => isBlank(c));
}

function cellAt(sheet: SheetData, row: number, col: number): CellValue {
  const r = sheet.values[row - sheet.top];
  if (!r) return null;
  const v = r[col - sheet.left];
  return v === undefined ? null : v;
}

function sliceRow(sheet: SheetData, row: number, firstCol: number, lastCol: number): CellValue[] {
  const r = sheet.values[row - sheet.top] ?? [];
  const out = r.slice(firstCol - sheet.left, lastCol - sheet.left + 1);
  while (out.length < lastCol - firstCol + 1) out.push(null);
  for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = null;
  return out;
}

function sheetRight(sheet: SheetData): number {
  let width = 0;
  for (const r of sheet.values) width = Math.max(width, r.length);
  return sheet.left + width - 1;
}

function problem(sheet: string, table: string, row: number | null, column: string | null, message: string, messageEn: string): Problem {
  return { sheet, table, row, column, message, messageEn };
}

function build(
  sheet: SheetData,
  tableName: string,
  isExcelTable: boolean,
  headerRow: number,
  firstColumn: number,
  lastColumnInclOwned: number,
  lastRow: number,
  match: HeaderMatch,
  problems: Problem[],
): RecognisedTable {
  const headers = sliceRow(sheet, headerRow, firstColumn, lastColumnInclOwned).map(cellText);
  let ownedColumn: number | null = null;
  headers.forEach((h, i) => {
    if (normaliseHeader(h) === normaliseHeader(OWNED_HEADER) && ownedColumn === null) ownedColumn = i;
  });
  // The owned column is normally the last one; "lastColumn" excludes it when it is last.
  const lastColumn = ownedColumn !== null && ownedColumn === headers.length - 1 ? lastColumnInclOwned - 1 : lastColumnInclOwned;
  const rows: TableRow[] = [];
  const cellOffset = firstColumn - sheet.left;
  const width = lastColumnInclOwned - firstColumn + 1;
  for (let r = headerRow + 1; r <= lastRow; r++) {
    const cells = sheet.values[r - sheet.top];
    if (cells === undefined) continue;
    let blank = true;
    for (let i = 0; i < width && blank; i++) if (i !== ownedColumn && !isBlank(cells[cellOffset + i] ?? null)) blank = false;
    if (!blank) rows.push({ row: r, cells });
  }
  let blockedOwnedColumn = false;
  if (ownedColumn === null && (match.schema.kind === "balanslista" || match.schema.kind === "agreements")) {
    const next = lastColumnInclOwned + 1;
    const otherTable = sheet.tables.some(
      (t) => t.name !== tableName && next >= t.firstColumn && next < t.firstColumn + t.columnCount && t.headerRow <= lastRow && t.headerRow + t.rowCount >= headerRow,
    );
    for (let r = headerRow; r <= lastRow && !blockedOwnedColumn; r++) if (!isBlank(cellAt(sheet, r, next))) blockedOwnedColumn = true;
    if (otherTable) blockedOwnedColumn = true;
    if (blockedOwnedColumn) {
      problems.push(
        problem(sheet.name, tableName, headerRow, null,
          `Kolumnen till höger om tabellen innehåller data, så Balans kan inte lägga till kolumnen ”${OWNED_HEADER}”. Flytta datat eller lägg till en tom kolumn.`,
          `The column right of the table holds data, so Balans cannot add the "${OWNED_HEADER}" column. Move that data or leave an empty column.`),
      );
    }
  }
  for (const missing of match.missing) {
    problems.push(
      problem(sheet.name, tableName, headerRow, missing,
        `Kolumnen ”${missing}” saknas i tabellen (${match.schema.label}).`,
        `The column "${missing}" is missing from the table (${match.schema.kind}).`),
    );
  }
  for (const d of match.duplicates) {
    problems.push(
      problem(sheet.name, tableName, headerRow, d.header,
        `Kolumnrubriken ”${d.header}” förekommer flera gånger; den första kolumnen används.`,
        `The column header "${d.header}" appears more than once; the first column is used.`),
    );
  }
  return {
    kind: match.schema.kind,
    sheet: sheet.name,
    table: tableName,
    headerRow,
    firstColumn,
    lastColumn,
    headers,
    cellOffset,
    columns: { ...match.columns },
    ownedColumn,
    lastRow,
    isExcelTable,
    blockedOwnedColumn,
    rows,
  };
}

/**
 * Find the tables Balans knows on one sheet: Excel tables first (by their header row), then
 * plain ranges whose header row matches (a range runs down to the first blank row).
 */
export function recogniseSheet(sheet: SheetData, problems: Problem[]): RecognisedTable[] {
  const found: RecognisedTable[] = [];
  const covered: { top: number; bottom: number; left: number; right: number }[] = [];
  for (const t of sheet.tables) {
    const last = t.firstColumn + t.columnCount - 1;
    const headers = sliceRow(sheet, t.headerRow, t.firstColumn, last).map(cellText);
    covered.push({ top: t.headerRow, bottom: t.headerRow + t.rowCount, left: t.firstColumn, right: last });
    const match = matchHeaderRow(headers);
    if (!match) continue;
    found.push(build(sheet, t.name, true, t.headerRow, t.firstColumn, last, t.headerRow + t.rowCount, match, problems));
  }
  const isCovered = (r: number, c: number) => covered.some((b) => r >= b.top && r <= b.bottom && c >= b.left && c <= b.right);
  const right = sheetRight(sheet);
  const bottom = sheet.top + sheet.values.length - 1;
  // The row being scanned and the tables beside it; the helpers below read them.
  let boxes: typeof covered = [];
  let rowValues: CellValue[] = [];
  const free = (col: number) => col >= sheet.left && col <= right && !boxes.some((b) => col >= b.left && col <= b.right);
  const filled = (col: number) => free(col) && !isBlank(rowValues[col - sheet.left] ?? null);
  for (let r = sheet.top; r <= bottom; r++) {
    // Columns of this row that no table covers (usually none inside a table's rows).
    boxes = covered.filter((b) => r >= b.top && r <= b.bottom);
    rowValues = sheet.values[r - sheet.top] ?? [];
    // Runs of filled header cells outside tables (a table's columns are skipped at once).
    const runs: [number, number][] = [];
    for (let c = sheet.left; c <= right; c++) {
      const box = boxes.find((b) => c >= b.left && c <= b.right);
      if (box) {
        c = box.right;
        continue;
      }
      if (isBlank(rowValues[c - sheet.left] ?? null)) continue;
      const start = c;
      while (filled(c + 1)) c++;
      runs.push([start, c]);
    }
    for (let i = 0; i < runs.length; i++) {
      const [start, runEnd] = runs[i]!;
      let end = runEnd;
      let match = runEnd > start ? headerMatchAt(sheet, r, start, end) : null;
      // One empty header cell inside a header row: try the run with the next one.
      const nextRun = runs[i + 1];
      if (!match && nextRun && nextRun[0] === runEnd + 2 && free(runEnd + 1)) {
        match = headerMatchAt(sheet, r, start, nextRun[1]);
        if (match) {
          end = nextRun[1];
          i++;
        }
      }
      if (!match) continue;
      let last = r;
      while (last + 1 <= bottom && !isCovered(last + 1, start)) {
        const next = sliceRow(sheet, last + 1, start, end);
        if (rowIsBlank(next)) break;
        if (couldBeHeaderRow(next) && matchHeaderRow(next.map(cellText))) break;
        last++;
      }
      found.push(build(sheet, "", false, r, start, end, last, match, problems));
      covered.push({ top: r, bottom: last, left: start, right: end });
      boxes.push({ top: r, bottom: last, left: start, right: end });
    }
  }
  return found;
}

export function recogniseTables(workbook: WorkbookData, problems: Problem[]): RecognisedTable[] {
  return workbook.sheets.flatMap((s) => recogniseSheet(s, problems));
}
