/**
 * The first step of every read: which sheets there are, and per sheet where its data lies — plus
 * the workbook facts the engine needs (defined names, structure lock, 1904 date system).
 *
 * Two paths, the same result:
 *  - **documented** (proven): load `worksheets/items` (name, visibility, protection), sync; then
 *    per sheet, by name, its used range (values only) and the cells holding constants and
 *    formulas, sync. Two round trips. Every call is on an object that exists.
 *  - **one batch** (an optimisation): chain `getFirst()` / `getNextOrNullObject()` `sheetCap`
 *    times and queue the same loads on each proxy, one round trip for up to `sheetCap` sheets.
 *    Past the last sheet the proxies are null objects, and Microsoft documents what their
 *    `isNullObject` says, not what calling methods on them does. So any error on this path
 *    switches to the documented path, and the switch is remembered for the session
 *    ({@link readSession}).
 */
import { CHECK_RECORD_NAMESPACE } from "../domain/checkRecord";
import type { DefinedName } from "../domain/types";
import { areasOf } from "./dataBlocks";
import { parseAddress, type CellBox } from "./address";
import type { ApiSupport } from "./run";

/** Sheets enumerated per round trip on the one-batch path. */
export const SHEET_CAP = 40;

/** One Excel table as loaded (plain data). */
export interface LoadedTable {
  name: string;
  showHeaders: boolean;
  columns: string[];
  /** Data rows, without header and totals. */
  rowCount: number;
  /** Address of the header row, when it was loaded (only needed for ambiguous tables). */
  headerAddress?: string;
}

/** What the first step knows of one sheet. */
export interface SheetMeta {
  name: string;
  hidden: boolean;
  protected: boolean;
  /** Used range (values only), or null for a blank sheet. */
  used: CellBox | null;
  /** The areas holding constants or formulas, or null where ExcelApi 1.9 is missing (unknown). */
  areas: CellBox[] | null;
  /** The areas holding formulas (a subset of `areas`), or null when unknown. */
  formulaAreas: CellBox[] | null;
  tables: LoadedTable[];
  /** Sheet-scoped defined names. */
  names: DefinedName[];
}

export interface WorkbookMeta {
  sheets: SheetMeta[];
  /** Workbook-level defined names. */
  names: DefinedName[];
  structureLocked: boolean;
  date1904: boolean;
  /** The table proxies, by name, for loading their ranges in the next round trip. */
  tableProxies: Map<string, Excel.Table>;
  /**
   * Issue 11: the custom XML parts in the since-last-check record's namespace (ExcelApi 1.5), in
   * the workbook's order (the first one is the record), for loading their XML in the next round
   * trip; null where ExcelApi 1.5 is missing.
   */
  checkParts: Excel.CustomXmlPart[] | null;
  path: "one-batch" | "documented";
}

/** Remembered for the session (the pane's lifetime): once the one-batch path failed, it is not tried again. */
export const readSession = { documentedOnly: false };

export interface SheetsOptions {
  supports: ApiSupport;
  /** @default SHEET_CAP */
  sheetCap?: number;
}

const TABLE_LOAD = "items/name,items/showHeaders,items/worksheet/name,items/columns/items/name,items/rows/count";
const NAME_LOAD = "items/name,items/visible,items/formula";
const NAME_LOAD_OLD = "items/name,items/visible,items/value";

// ---------------------------------------------------------------------------------------------
// Shared pieces

interface WorkbookQueued {
  tables: Excel.TableCollection;
  names: Excel.NamedItemCollection;
  protection: Excel.WorkbookProtection | null;
  date: Excel.FunctionResult<number> | null;
  checkParts: Excel.CustomXmlPartScopedCollection | null;
}

/** Workbook-wide loads, queued with the first round trip of either path. */
function queueWorkbook(context: Excel.RequestContext, supports: ApiSupport): WorkbookQueued {
  const wb = context.workbook;
  const tables = wb.tables;
  tables.load(TABLE_LOAD);
  const names = wb.names;
  names.load(supports("1.7") ? NAME_LOAD : NAME_LOAD_OLD);
  const protection = supports("1.7") ? wb.protection : null;
  protection?.load("protected");
  // The date system, from a documented worksheet function (ExcelApi 1.2): DATE(2000;1;1) is 36526
  // in the 1900 system and 35064 in the 1904 system. `Workbook.use1904DateSystem` is preview only.
  const date = supports("1.2") ? wb.functions.date(2000, 1, 1) : null;
  date?.load("value");
  // The since-last-check record's parts (ExcelApi 1.5): the collection now, their XML with the next
  // round trip (documented: load the collection, sync, then use its items).
  const checkParts = supports("1.5") ? wb.customXmlParts.getByNamespace(CHECK_RECORD_NAMESPACE) : null;
  checkParts?.load("items/id");
  return { tables, names, protection, date, checkParts };
}

const DATE_2000_IN_1904 = 35_064;

function definedNames(collection: Excel.NamedItemCollection, scope: string | null): DefinedName[] {
  return collection.items.map((n) => {
    const item = n as Excel.NamedItem & { formula?: string; value?: unknown };
    const raw = typeof item.formula === "string" ? item.formula : String(item.value ?? "");
    return { name: n.name, refersTo: raw.replace(/^=/, ""), scope, hidden: n.visible === false };
  });
}

function tablesBySheet(tables: Excel.TableCollection): { bySheet: Map<string, LoadedTable[]>; proxies: Map<string, Excel.Table> } {
  const bySheet = new Map<string, LoadedTable[]>();
  const proxies = new Map<string, Excel.Table>();
  for (const t of tables.items) {
    const sheet = t.worksheet.name;
    const list = bySheet.get(sheet) ?? [];
    list.push({ name: t.name, showHeaders: t.showHeaders, columns: t.columns.items.map((c) => c.name), rowCount: t.rows.count });
    bySheet.set(sheet, list);
    proxies.set(t.name, t);
  }
  return { bySheet, proxies };
}

interface SheetQueued {
  used: Excel.Range;
  constants: Excel.RangeAreas | null;
  formulas: Excel.RangeAreas | null;
  names: Excel.NamedItemCollection | null;
}

/**
 * Per sheet: the used range (values only; never null, a blank sheet gives A1, as documented),
 * the areas holding constants and formulas (ExcelApi 1.9) and the sheet's names (ExcelApi 1.4).
 */
function queueSheet(sheet: Excel.Worksheet, supports: ApiSupport): SheetQueued {
  const used = sheet.getUsedRange(true);
  used.load("address");
  let constants: Excel.RangeAreas | null = null;
  let formulas: Excel.RangeAreas | null = null;
  if (supports("1.9")) {
    constants = used.getSpecialCellsOrNullObject("Constants");
    constants.load("address");
    formulas = used.getSpecialCellsOrNullObject("Formulas");
    formulas.load("address");
  }
  const names = supports("1.4") ? sheet.names : null;
  names?.load(supports("1.7") ? NAME_LOAD : NAME_LOAD_OLD);
  return { used, constants, formulas, names };
}

function sheetMeta(name: string, visibility: string, isProtected: boolean, q: SheetQueued, tables: LoadedTable[]): SheetMeta {
  let areas: CellBox[] | null = null;
  let formulaAreas: CellBox[] | null = null;
  if (q.constants !== null && q.formulas !== null) {
    formulaAreas = q.formulas.isNullObject ? [] : areasOf(q.formulas.address);
    areas = [...(q.constants.isNullObject ? [] : areasOf(q.constants.address)), ...formulaAreas];
  }
  // A blank sheet's used range is A1: with the areas known, no area means no data.
  const used = areas !== null && areas.length === 0 ? null : parseAddress(q.used.address);
  return {
    name,
    hidden: visibility !== "Visible",
    protected: isProtected,
    used,
    areas,
    formulaAreas,
    tables,
    names: q.names ? definedNames(q.names, name) : [],
  };
}

function finish(q: WorkbookQueued, sheets: SheetMeta[], proxies: Map<string, Excel.Table>, path: WorkbookMeta["path"]): WorkbookMeta {
  return {
    sheets,
    names: definedNames(q.names, null),
    structureLocked: q.protection?.protected === true,
    date1904: q.date !== null && q.date.value === DATE_2000_IN_1904,
    tableProxies: proxies,
    checkParts: q.checkParts === null ? null : [...q.checkParts.items],
    path,
  };
}

// ---------------------------------------------------------------------------------------------
// The documented path

/** Two round trips: the sheets' names, then per sheet its ranges. */
export async function readSheetsDocumented(context: Excel.RequestContext, options: SheetsOptions): Promise<WorkbookMeta> {
  const q = queueWorkbook(context, options.supports);
  const worksheets = context.workbook.worksheets;
  worksheets.load(options.supports("1.2") ? "items/name,items/visibility,items/protection/protected" : "items/name,items/visibility");
  await context.sync();
  const list = worksheets.items.map((ws) => ({ name: ws.name, visibility: ws.visibility as string, protected: (ws as { protection?: { protected?: boolean } }).protection?.protected === true }));
  const queued = list.map((s) => queueSheet(worksheets.getItem(s.name), options.supports));
  await context.sync();
  const { bySheet, proxies } = tablesBySheet(q.tables);
  const sheets = list.map((s, i) => sheetMeta(s.name, s.visibility, s.protected, queued[i] as SheetQueued, bySheet.get(s.name) ?? []));
  return finish(q, sheets, proxies, "documented");
}

// ---------------------------------------------------------------------------------------------
// The one-batch path

interface Page {
  sheets: { proxy: Excel.Worksheet; queued: SheetQueued }[];
  next: Excel.Worksheet;
}

function queuePage(first: Excel.Worksheet, cap: number, supports: ApiSupport): Page {
  const sheets: Page["sheets"] = [];
  let sheet = first;
  for (let i = 0; i < cap; i++) {
    sheet.load(supports("1.2") ? "name,visibility,protection/protected" : "name,visibility");
    sheets.push({ proxy: sheet, queued: queueSheet(sheet, supports) });
    sheet = sheet.getNextOrNullObject();
  }
  sheet.load("name");
  return { sheets, next: sheet };
}

/** One round trip per `sheetCap` sheets; relies on calling methods on null objects (see the file comment). */
export async function readSheetsOneBatch(context: Excel.RequestContext, options: SheetsOptions): Promise<WorkbookMeta> {
  const cap = Math.max(1, options.sheetCap ?? SHEET_CAP);
  const q = queueWorkbook(context, options.supports);
  const pages: Page[] = [];
  let first = context.workbook.worksheets.getFirst();
  for (;;) {
    const page = queuePage(first, cap, options.supports);
    pages.push(page);
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per SHEET_CAP sheets: sheets cannot be enumerated without a round trip
    await context.sync();
    if (page.next.isNullObject) break;
    first = context.workbook.worksheets.getItem(page.next.name);
  }
  const { bySheet, proxies } = tablesBySheet(q.tables);
  const sheets: SheetMeta[] = [];
  for (const page of pages) {
    for (const { proxy, queued } of page.sheets) {
      if (proxy.isNullObject) break;
      const isProtected = (proxy as { protection?: { protected?: boolean } }).protection?.protected === true;
      sheets.push(sheetMeta(proxy.name, proxy.visibility, isProtected, queued, bySheet.get(proxy.name) ?? []));
    }
  }
  return finish(q, sheets, proxies, "one-batch");
}

/**
 * The first step: the one-batch path unless it failed before in this session; on any error it
 * falls back to the documented path (and remembers that).
 */
export async function readSheets(context: Excel.RequestContext, options: SheetsOptions): Promise<WorkbookMeta> {
  if (!readSession.documentedOnly) {
    try {
      return await readSheetsOneBatch(context, options);
    } catch {
      readSession.documentedOnly = true;
    }
  }
  return readSheetsDocumented(context, options);
}
