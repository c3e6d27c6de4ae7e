import { columnLetter } from "./columnLetter";
import { LIVE_DATES_HEADER } from "./liveStatus";
import { localise, type Localised } from "./messages";
import { cellText, isBlank, normaliseHeader } from "./normaliseText";
import { cellKey, isStatusHeader, notice, readOwnership, STATUS_HEADER, STATUS_LABELS } from "./ownership";
import { TABLE_SCHEMAS, type TableSchema } from "./tableSchemas";
import type { CellRange, CellValue, Problem, RecognisedTable, SheetData, TableRow, WorkbookData } from "./types";

/** Header of the status column Balans owns. */
export const OWNED_HEADER = STATUS_HEADER;

interface HeaderMatch {
  schema: TableSchema;
  columns: Record<string, number>;
  duplicates: { header: string; offset: number }[];
  missing: string[];
  score: number;
}

/** One field's aliases, normalised once, with the prefixes a longer header may start with. */
interface NormalisedField {
  key: string;
  aliases: string[];
  /** `alias + " "` and `alias + "("` of every alias. */
  prefixes: string[];
}

/** `h` (a normalised header) is one of the field's aliases, or starts with one followed by a space or "(". */
function fieldMatches(h: string, field: NormalisedField): boolean {
  return field.aliases.includes(h) || field.prefixes.some((p) => h.startsWith(p));
}

/** A schema with its headers normalised once (matchHeaderRow runs for every candidate row). */
interface NormalisedSchema {
  schema: TableSchema;
  rejectIf: string[] | undefined;
  fields: NormalisedField[];
  keyFields: NormalisedField[];
}

const NORMALISED_SCHEMAS: NormalisedSchema[] = TABLE_SCHEMAS.map((schema) => {
  const fields = schema.fields.map((fs) => {
    const aliases = fs.headers.map(normaliseHeader);
    return { key: fs.key, aliases, prefixes: aliases.flatMap((a) => [`${a} `, `${a}(`]) };
  });
  return { schema, rejectIf: schema.rejectIf?.map(normaliseHeader), fields, keyFields: fields.filter((_, i) => schema.fields[i]?.key_ === true) };
});

const OWNED_HEADER_NORMALISED = normaliseHeader(OWNED_HEADER);

/** Which kind of table a header row is, if any. Headers: the texts of the row's cells. */
export function matchHeaderRow(headers: string[]): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  const normalised = headers.map(normaliseHeader);
  for (const { schema, rejectIf, fields, keyFields } of NORMALISED_SCHEMAS) {
    // A key field can only get a column if some header matches it: without one, this is not the
    // schema (the cheap test that lets a data row through quickly; the result is the same).
    if (!keyFields.every((f) => normalised.some((h) => fieldMatches(h, f)))) continue;
    if (rejectIf?.some((h) => normalised.includes(h))) continue;
    const columns: Record<string, number> = {};
    const duplicates: { header: string; offset: number }[] = [];
    headers.forEach((header, offset) => {
      const h = normalised[offset] as string;
      if (header.trim() === "" || h === OWNED_HEADER_NORMALISED) return;
      // Exact (normalised) matches win over prefix matches: try exact first across fields.
      const exact = fields.find((fs) => fs.aliases.includes(h));
      const field = exact ?? fields.find((fs) => fs.prefixes.some((p) => h.startsWith(p)));
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
    // toLowerCase: for sv-SE the same mapping as toLocaleLowerCase("sv-SE") (only az, el, lt and tr
    // differ), without the locale lookup that made this the costliest line on a full sheet.
    if (KEY_HEADER_STARTS.has(v.trim().slice(0, 3).toLowerCase()) && ++hits >= 2) return true;
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

function problem(sheet: string, table: string, row: number | null, column: string | null, text: Localised): Problem {
  return { sheet, table, row, column, message: text.message, messageEn: text.messageEn };
}

/** The merges of `sheet` that cover column `column` between rows `top` and `bottom`, by row. */
function mergesByRow(sheet: SheetData, column: number, top: number, bottom: number): Map<number, CellRange> {
  const out = new Map<number, CellRange>();
  for (const m of sheet.merges ?? []) {
    if (column < m.left || column > m.right || m.bottom < top || m.top > bottom) continue;
    for (let r = Math.max(top, m.top); r <= Math.min(bottom, m.bottom); r++) if (!out.has(r)) out.set(r, m);
  }
  return out;
}

const rangeAddress = (m: CellRange) => `${columnLetter(m.left)}${m.top}:${columnLetter(m.right)}${m.bottom}`;

/** True when every cell of the column (rows below the header) is empty or one of Balans's labels. */
function holdsOnlyLabels(sheet: SheetData, column: number, headerRow: number, lastRow: number): boolean {
  for (let r = headerRow + 1; r <= lastRow; r++) {
    const v = cellAt(sheet, r, column);
    if (v !== null && v !== "" && !(typeof v === "string" && STATUS_LABELS.has(v))) return false;
  }
  return true;
}

/** The status column's place for one table: owned (by the record or adopted), or the user's column in the way. */
function findStatusColumn(
  sheet: SheetData,
  headerRow: number,
  firstColumn: number,
  lastColumnInclOwned: number,
  lastRow: number,
  owned: ReadonlySet<string>,
): { ownedColumn: number | null; adopted: boolean; userColumn: number | null } {
  const width = lastColumnInclOwned - firstColumn + 1;
  let userColumn: number | null = null;
  // The table's own columns, and the one right of it (a status column written outside an Excel table).
  for (let i = 0; i <= width; i++) {
    const column = firstColumn + i;
    if (!isStatusHeader(cellAt(sheet, headerRow, column))) continue;
    if (owned.has(cellKey({ sheet: sheet.name, row: headerRow, column }))) return { ownedColumn: i, adopted: false, userColumn: null };
    if (i < width) userColumn ??= i;
  }
  // No record: a column in an earlier Balans's exact layout (last column, Balans's labels only) is adopted.
  for (const i of [width - 1, width]) {
    const column = firstColumn + i;
    if (!isStatusHeader(cellAt(sheet, headerRow, column)) || !holdsOnlyLabels(sheet, column, headerRow, lastRow)) continue;
    if (i === width && userColumn !== null) continue;
    const others = [...Array(width).keys()].filter((k) => k !== i && isStatusHeader(cellAt(sheet, headerRow, firstColumn + k)));
    if (others.length > 0) continue;
    return { ownedColumn: i, adopted: true, userColumn: null };
  }
  return { ownedColumn: null, adopted: false, userColumn };
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
  owned: ReadonlySet<string>,
): RecognisedTable {
  const headers = sliceRow(sheet, headerRow, firstColumn, lastColumnInclOwned).map(cellText);
  const statusKind = match.schema.kind === "balanslista" || match.schema.kind === "agreements";
  const found = statusKind
    ? findStatusColumn(sheet, headerRow, firstColumn, lastColumnInclOwned, lastRow, owned)
    : { ownedColumn: null, adopted: false, userColumn: null };
  const ownedColumn = found.ownedColumn;
  // The owned column is normally the last one; "lastColumn" excludes it when it is last.
  const lastColumn = ownedColumn !== null && ownedColumn === headers.length - 1 ? lastColumnInclOwned - 1 : lastColumnInclOwned;
  // Balans's dates column (issue 11) right of its status column does not make a row non-blank.
  const datesColumn =
    ownedColumn !== null && normaliseHeader(headers[ownedColumn + 1] ?? "") === normaliseHeader(LIVE_DATES_HEADER) ? ownedColumn + 1 : null;
  const rows: TableRow[] = [];
  const cellOffset = firstColumn - sheet.left;
  const width = lastColumnInclOwned - firstColumn + 1;
  for (let r = headerRow + 1; r <= lastRow; r++) {
    const cells = sheet.values[r - sheet.top];
    if (cells === undefined) continue;
    let blank = true;
    for (let i = 0; i < width && blank; i++) if (i !== ownedColumn && i !== datesColumn && !isBlank(cells[cellOffset + i] ?? null)) blank = false;
    if (!blank) rows.push({ row: r, cells });
  }
  let blockedOwnedColumn = false;
  const statusRowsSkipped: number[] = [];
  const place = { table: tableName, headerRow };
  if (statusKind) {
    const column = ownedColumn !== null ? firstColumn + ownedColumn : lastColumnInclOwned + 1;
    const letter = columnLetter(column);
    if (found.adopted) {
      problems.push(notice("adopted-status-column", sheet.name, tableName, headerRow, null, { header: OWNED_HEADER, letter }));
    }
    const merges = mergesByRow(sheet, column, headerRow, lastRow);
    if (sheet.protected === true) {
      blockedOwnedColumn = true;
      problems.push(notice("status-protected", sheet.name, tableName, headerRow, null, { ...place, sheet: sheet.name }));
    } else if (found.userColumn !== null) {
      blockedOwnedColumn = true;
      const userLetter = columnLetter(firstColumn + found.userColumn);
      const userHeader = headers[found.userColumn] ?? OWNED_HEADER;
      problems.push(notice("user-status-column", sheet.name, tableName, headerRow, userHeader, { ...place, sheet: sheet.name, header: userHeader, letter: userLetter }));
    } else {
      let taken = false;
      if (ownedColumn === null) {
        const otherTable = sheet.tables.some(
          (t) => t.name !== tableName && column >= t.firstColumn && column < t.firstColumn + t.columnCount && t.headerRow <= lastRow && t.headerRow + t.rowCount >= headerRow,
        );
        // Free means holding nothing: not "", not a space, not a formula whose value is "".
        for (let r = headerRow; r <= lastRow && !taken; r++) if (cellAt(sheet, r, column) !== null) taken = true;
        taken ||= otherTable;
        if (taken) {
          blockedOwnedColumn = true;
          problems.push(
            problem(sheet.name, tableName, headerRow, null, localise("table.right-column-taken", { header: OWNED_HEADER })),
          );
        }
      }
      const headerMerge = merges.get(headerRow);
      const firstMerge = merges.values().next();
      if (!taken && (headerMerge !== undefined || (isExcelTable && ownedColumn === null && !firstMerge.done))) {
        blockedOwnedColumn = true;
        const m = headerMerge ?? (firstMerge.done ? undefined : firstMerge.value);
        const at = m === undefined ? letter : rangeAddress(m);
        problems.push(notice("status-merge-table", sheet.name, tableName, headerRow, null, { ...place, letter, at }));
      } else if (!taken) {
        for (const [r, m] of [...merges].sort((a, b) => a[0] - b[0])) {
          statusRowsSkipped.push(r);
          problems.push(notice("status-merge-row", sheet.name, tableName, r, null, { letter, row: r, at: rangeAddress(m) }));
        }
      }
    }
  }
  for (const missing of match.missing) {
    problems.push(
      problem(sheet.name, tableName, headerRow, missing, localise("table.column-missing", { column: missing, label: match.schema.label, kind: match.schema.kind })),
    );
  }
  for (const d of match.duplicates) {
    problems.push(
      problem(sheet.name, tableName, headerRow, d.header, localise("table.header-duplicate", { header: d.header })),
    );
  }
  const table: RecognisedTable = {
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
  if (statusRowsSkipped.length > 0) table.statusRowsSkipped = statusRowsSkipped;
  return table;
}

/**
 * Find the tables Balans knows on one sheet: Excel tables first (by their header row), then
 * plain ranges whose header row matches (a range runs down to the first blank row).
 */
export function recogniseSheet(sheet: SheetData, problems: Problem[], owned: ReadonlySet<string> = new Set()): RecognisedTable[] {
  const found: RecognisedTable[] = [];
  const covered: { top: number; bottom: number; left: number; right: number }[] = [];
  for (const t of sheet.tables) {
    const last = t.firstColumn + t.columnCount - 1;
    const headers = sliceRow(sheet, t.headerRow, t.firstColumn, last).map(cellText);
    covered.push({ top: t.headerRow, bottom: t.headerRow + t.rowCount, left: t.firstColumn, right: last });
    const match = matchHeaderRow(headers);
    if (!match) continue;
    found.push(build(sheet, t.name, true, t.headerRow, t.firstColumn, last, t.headerRow + t.rowCount, match, problems, owned));
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
    // Cost follows the cells that hold data: an empty row (of a sparse sheet) is skipped at once.
    if (rowValues.length === 0) continue;
    const rowRight = Math.min(right, sheet.left + rowValues.length - 1);
    // Runs of filled header cells outside tables (a table's columns are skipped at once).
    const runs: [number, number][] = [];
    for (let c = sheet.left; c <= rowRight; c++) {
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
      found.push(build(sheet, "", false, r, start, end, last, match, problems, owned));
      covered.push({ top: r, bottom: last, left: start, right: end });
      boxes.push({ top: r, bottom: last, left: start, right: end });
    }
  }
  return found;
}

/**
 * The tables of every sheet. A status column is Balans's only when the ownership record (see
 * ownership.ts) points at its header cell, or when it is adopted from an earlier Balans.
 */
export function recogniseTables(workbook: WorkbookData, problems: Problem[]): RecognisedTable[] {
  const owned = new Set(readOwnership(workbook).statusColumns.map(cellKey));
  return workbook.sheets.flatMap((s) => recogniseSheet(s, problems, owned));
}
