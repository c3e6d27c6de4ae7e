/**
 * The one .xlsx reader of Balans: `report`, `apply` and the browser preview all analyse what it
 * returns, so they give one verdict. It opens the package ({@link openPackage}), finds every part
 * through relationships, and streams each with saxes into the sparse {@link WorkbookData}:
 * every worksheet in workbook order (hidden ones marked; chart, dialog and macro sheets left
 * out), with merges, protection and tables; the defined names, the structure lock and the date
 * system. Deciding which sheets Balans owns is the domain's business, not the reader's.
 * No `node:` imports: the preview bundles it.
 */
import { localise } from "../../domain/messages";
import type { DefinedName, SheetData, SheetTable, WorkbookData } from "../../domain/types";
import { openPackage, relationshipKind, type OoxmlPackage, type OpenOptions, type Relationship } from "./openPackage";
import { PackageError, packageError } from "./packageError";
import { checkRecordOf } from "./readCheckRecord";
import { readSharedStrings } from "./readSharedStrings";
import { readDateStyles } from "./readStyles";
import { EMPTY_ROW, parseRangeRef, readWorksheet, type WorksheetCells, type WorksheetContext } from "./readWorksheet";
import { parseXml, prefixedAttribute } from "./xmlStream";

export { PackageError, isPackageError } from "./packageError";

export interface WorkbookSheetEntry {
  name: string;
  /** "visible", "hidden" or "veryHidden". */
  state: string;
  /** Relationship kind: "worksheet", "chartsheet", "dialogsheet", "xlMacrosheet", … */
  kind: string;
  /** The sheet's part, or null when its relationship is missing. */
  part: string | null;
}

export interface WorkbookPartInfo {
  part: string;
  sheets: WorkbookSheetEntry[];
  names: DefinedName[];
  structureLocked: boolean;
  date1904: boolean;
  /** The workbook part's relationships. */
  rels: Relationship[];
}

const isTrue = (v: string | undefined): boolean => v === "1" || v === "true";

/** The workbook part: sheets in order, defined names, structure lock, date system. */
export function readWorkbookPart(pkg: OoxmlPackage): WorkbookPartInfo {
  const part = pkg.workbookPart();
  const rels = pkg.rels(part);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: WorkbookSheetEntry[] = [];
  const rawNames: { name: string; localSheetId: number | null; hidden: boolean; text: string }[] = [];
  let structureLocked = false;
  let date1904 = false;
  let name: (typeof rawNames)[number] | null = null;
  let root: string | null = null;
  parseXml(part, pkg.textChunks(part), {
    open(element, a) {
      root ??= element;
      switch (element) {
        case "sheet": {
          const id = prefixedAttribute(a, "id");
          const rel = id === undefined ? undefined : byId.get(id);
          sheets.push({
            name: a.name ?? "",
            state: a.state ?? "visible",
            kind: rel === undefined ? "worksheet" : relationshipKind(rel.type),
            part: rel === undefined || rel.external ? null : rel.target,
          });
          break;
        }
        case "definedName": {
          const local = a.localSheetId === undefined ? null : Number(a.localSheetId);
          name = { name: a.name ?? "", localSheetId: Number.isInteger(local) ? local : null, hidden: isTrue(a.hidden), text: "" };
          break;
        }
        case "workbookProtection":
          structureLocked = isTrue(a.lockStructure);
          break;
        case "workbookPr":
          date1904 = isTrue(a.date1904);
          break;
      }
    },
    close(element) {
      if (element === "definedName" && name !== null) {
        rawNames.push(name);
        name = null;
      }
    },
    text(chunk) {
      if (name !== null) name.text += chunk;
    },
  });
  if (root !== "workbook") {
    throw packageError("no-workbook", localise("package.not-a-workbook", { part, root }), part);
  }
  const names: DefinedName[] = rawNames.map((n) => ({
    name: n.name,
    refersTo: n.text.startsWith("=") ? n.text.slice(1) : n.text,
    scope: n.localSheetId === null ? null : (sheets[n.localSheetId]?.name ?? null),
    hidden: n.hidden,
  }));
  return { part, sheets, names, structureLocked, date1904, rels };
}

/**
 * Read an .xlsx package into {@link WorkbookData}. Throws {@link PackageError} for a file the user
 * must fix. `options` (e.g. a native inflater) apply when `input` is bytes.
 */
export function readWorkbookData(input: Uint8Array | OoxmlPackage, options: OpenOptions = {}): WorkbookData {
  const pkg = input instanceof Uint8Array ? openPackage(input, options) : input;
  const workbook = readWorkbookPart(pkg);
  const relOf = (kind: string): string | null => workbook.rels.find((r) => !r.external && relationshipKind(r.type) === kind)?.target ?? null;
  const ctx: WorksheetContext = {
    sharedStrings: readSharedStrings(pkg, relOf("sharedStrings")),
    dateStyles: readDateStyles(pkg, relOf("styles")),
    date1904: workbook.date1904,
  };
  const sheets: SheetData[] = [];
  for (const sheet of workbook.sheets) {
    if (sheet.kind !== "worksheet") continue;
    try {
      if (sheet.part === null || !pkg.has(sheet.part)) {
        throw packageError("damaged", localise("package.sheet-part-missing", { part: sheet.part }), sheet.part);
      }
      const cells = readWorksheet(pkg, sheet.part, ctx);
      const tables = readTables(pkg, sheet.part, cells.tableParts);
      sheets.push(toSheetData(sheet, cells, tables));
    } catch (e) {
      throw e instanceof PackageError ? e.withSheet(sheet.name) : e;
    }
  }
  return { sheets, names: workbook.names, structureLocked: workbook.structureLocked, date1904: workbook.date1904, ...checkRecordOf(pkg, workbook.rels) };
}

interface TablePart {
  table: SheetTable;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The sheet's tables (with a header row: a table without one cannot be recognised by its headers). */
function readTables(pkg: OoxmlPackage, sheetPart: string, ids: string[]): TablePart[] {
  if (ids.length === 0) return [];
  const rels = new Map(pkg.rels(sheetPart).map((r) => [r.id, r]));
  const tables: TablePart[] = [];
  for (const id of ids) {
    const rel = rels.get(id);
    if (rel === undefined || rel.external || relationshipKind(rel.type) !== "table" || !pkg.has(rel.target)) continue;
    let attributes: Record<string, string> | null = null;
    parseXml(rel.target, pkg.textChunks(rel.target), {
      open(name, a) {
        if (attributes === null && name === "table") attributes = a;
      },
    });
    const a = attributes as Record<string, string> | null;
    if (a === null || a.ref === undefined) continue;
    const range = parseRangeRef(a.ref);
    const headerRows = a.headerRowCount === undefined ? 1 : Number(a.headerRowCount);
    const totalsRows = a.totalsRowCount === undefined ? 0 : Number(a.totalsRowCount) || 0;
    if (range === null || headerRows === 0) continue;
    tables.push({
      ...range,
      table: {
        // The name users see and formulas use (what Office.js calls Table.name).
        name: a.displayName ?? a.name ?? "",
        headerRow: range.top,
        firstColumn: range.left,
        rowCount: Math.max(0, range.bottom - range.top - totalsRows),
        columnCount: range.right - range.left + 1,
      },
    });
  }
  return tables;
}

/** The sparse SheetData: rows from the first to the last that holds a value or a table. */
function toSheetData(sheet: WorkbookSheetEntry, cells: WorksheetCells, tables: TablePart[]): SheetData {
  const { rowNumbers, rowCells, rowFirst } = cells;
  let top = Infinity;
  let bottom = -Infinity;
  let left = Infinity;
  for (let i = 0; i < rowNumbers.length; i++) {
    const r = rowNumbers[i]!;
    if (r < top) top = r;
    if (r > bottom) bottom = r;
    if (rowFirst[i]! < left) left = rowFirst[i]!;
  }
  for (const t of tables) {
    if (t.top < top) top = t.top;
    if (t.bottom > bottom) bottom = t.bottom;
    if (t.left < left) left = t.left;
  }
  const base = {
    name: sheet.name,
    tables: tables.map((t) => t.table),
    merges: cells.merges,
    protected: cells.protected,
    hidden: sheet.state === "hidden" || sheet.state === "veryHidden",
  };
  if (top === Infinity) return { ...base, top: 1, left: 1, values: [] };
  const values = new Array<(typeof rowCells)[number]>(bottom - top + 1).fill(EMPTY_ROW);
  for (let i = 0; i < rowNumbers.length; i++) {
    const row = rowCells[i]!;
    const shift = rowFirst[i]! - left;
    values[rowNumbers[i]! - top] = shift === 0 ? row : shiftRight(row, shift);
  }
  return { ...base, top, left, values };
}

/** The row with `shift` empty cells in front (a hole for a wide gap, as in the worksheet reader). */
function shiftRight(row: (string | number | boolean | null | object)[], shift: number): SheetData["values"][number] {
  const out: SheetData["values"][number] = [];
  if (shift <= 1024) for (let k = 0; k < shift; k++) out.push(null);
  else out.length = shift;
  for (let k = 0; k < row.length; k++) if (k in row) out[shift + k] = row[k] as SheetData["values"][number][number];
  return out;
}

/** The async form the callers used with the old readers. */
export async function readWorkbookDataAsync(data: Uint8Array | ArrayBuffer): Promise<WorkbookData> {
  return readWorkbookData(data instanceof Uint8Array ? data : new Uint8Array(data));
}
