/**
 * A small in-memory fake of the parts of the Excel JavaScript API that Balans uses, for tests
 * and the benchmark (no Office needed).
 *
 * It behaves like Office.js where Balans depends on it:
 *  - proxies are queued: nothing runs until `context.sync()`; reading a property that was not
 *    loaded and synced throws `PropertyNotLoaded`; `*OrNullObject` gives null objects on which
 *    further calls are no-ops;
 *  - each sync records the request size (JSON of the queued object paths and actions, shaped like
 *    the Office.js request) and the response size, and fails as Excel on the web does past 5 MB
 *    (`RequestPayloadSizeLimitExceeded` / `ResponsePayloadSizeLimitExceeded`) or past 5 000 000
 *    cells in one read (`RangeExceedsLimit`);
 *  - writing a string that starts with `=`, `+`, `-` or `@` to a cell that is not formatted as
 *    text (`@`) and has no leading apostrophe makes a formula, as Excel does;
 *  - a protected sheet refuses writes and a locked workbook structure refuses adding, deleting and
 *    renaming sheets (`AccessDenied`), as Excel does;
 *  - two modes for what Microsoft does not document or documents loosely:
 *    `nullObjectMethodsThrow` (calling a method on a null object fails the sync, as a host that
 *    refuses it would) and `nullValuesAboveCells` (a range with more cells returns `values` and
 *    `numberFormat` as null instead of failing, as Microsoft's performance page says Excel may).
 * It is not Excel: positions, sizes and behaviour elsewhere are simplified.
 */
import type { ExcelRunner } from "../../src/excel/run";

export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string };
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message };
  }
}

// ---------------------------------------------------------------------------------------------
// Model

export interface FakeHyperlink {
  documentReference?: string;
  address?: string;
  textToDisplay?: string;
}

export interface FakeCell {
  value: string | number | boolean | null;
  /** Set when a write made the cell a formula. */
  formula: string | null;
  numberFormat: string;
  fill: string | null;
  fontColor: string | null;
  bold: boolean;
  underline: boolean;
  hyperlink: FakeHyperlink | null;
  validation: string[] | null;
}

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface FakeTable {
  name: string;
  sheet: FakeSheet;
  headerRow: number;
  left: number;
  columns: string[];
  dataRows: number;
  showHeaders: boolean;
  showTotals: boolean;
}

export interface FakeChart {
  type: string;
  source: string;
  seriesBy: string;
  xValues: string | null;
  seriesName: string | null;
  title: string | null;
  legendVisible: boolean;
  position: string | null;
  /** Series added with `chart.series.add` (ExcelApi 1.7), after the first one (the fields above). */
  moreSeries?: FakeSeries[];
}

/** A chart series added with `ChartSeriesCollection.add` (ExcelApi 1.7). */
export interface FakeSeries {
  name: string | null;
  values: string | null;
  xValues: string | null;
}

/**
 * A conditional format (ExcelApi 1.6) on a sheet: the cells it applies to and, for the `CellValue`
 * type Balans uses, its rule and the fill and font colour it gives.
 */
export interface FakeConditionalFormat {
  boxes: Box[];
  type: string;
  rule: { formula1: string; formula2?: string; operator: string } | null;
  fill: string | null;
  font: string | null;
}

/** A sheet's print setup as `Worksheet.pageLayout` (ExcelApi 1.9) sets it. */
export interface FakePageLayout {
  orientation: string | null;
  paperSize: string | null;
  /** The address given to `setPrintTitleRows`, as given. */
  printTitleRows: string | null;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number } | null;
}

/** A custom XML part of the workbook (ExcelApi 1.5). */
export interface FakeXmlPart {
  id: string;
  xml: string;
}

export type FakeEvent =
  | { kind: "write"; sheet: string; box: Box; what: string }
  | { kind: "clear"; sheet: string; box: Box; applyTo: string }
  | { kind: "add-sheet"; sheet: string }
  | { kind: "delete-sheet"; sheet: string }
  | { kind: "rename-sheet"; sheet: string; from: string }
  | { kind: "add-table"; sheet: string; table: string; box: Box }
  | { kind: "add-column"; sheet: string; table: string; name: string }
  | { kind: "add-chart"; sheet: string; type: string }
  | { kind: "activate"; sheet: string }
  | { kind: "select"; sheet: string; box: Box }
  | { kind: "add-name"; name: string; formula: string; visible: boolean }
  | { kind: "delete-name"; name: string }
  | { kind: "name-visible"; name: string; visible: boolean }
  | { kind: "delete-chart"; sheet: string }
  | { kind: "add-xml-part"; id: string }
  | { kind: "set-xml-part"; id: string }
  | { kind: "page-layout"; sheet: string; what: string };

/** A defined name (workbook-level when `scope` is null, else scoped to that sheet). */
export interface FakeName {
  name: string;
  /** With the leading "=", as Excel gives `NamedItem.formula`. */
  formula: string;
  comment: string;
  visible: boolean;
  scope: string | null;
}

const KEY = 20_000;

/** A cell as Excel gives a blank one: no value, no formula, General format, no fill, font, link or validation. */
export function blankCell(): FakeCell {
  return {
    value: null,
    formula: null,
    numberFormat: "General",
    fill: null,
    fontColor: null,
    bold: false,
    underline: false,
    hyperlink: null,
    validation: null,
  };
}

/** Row and column of a key of `FakeSheet.cells`. */
function cellPosition(key: number): [row: number, column: number] {
  return [Math.floor(key / KEY), key % KEY];
}

/** Names as Excel compares them (sheets, tables, columns, defined names): case-insensitively. */
function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export class FakeSheet {
  readonly cells = new Map<number, FakeCell>();
  readonly columnWidths = new Map<number, number>();
  readonly charts: FakeChart[] = [];
  /** Conditional formats (ExcelApi 1.6), in the order they were added. */
  readonly conditionalFormats: FakeConditionalFormat[] = [];
  /** Print setup (ExcelApi 1.9). */
  readonly pageLayout: FakePageLayout = { orientation: null, paperSize: null, printTitleRows: null, zoom: null };
  /** Merged areas (top-left cell holds the value). */
  readonly merges: Box[] = [];
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  /** Sheet protection: writes fail with AccessDenied. */
  protected = false;
  constructor(public name: string) {}

  get(row: number, column: number): FakeCell | undefined {
    return this.cells.get(row * KEY + column);
  }

  cell(row: number, column: number): FakeCell {
    const key = row * KEY + column;
    let c = this.cells.get(key);
    if (!c) {
      c = blankCell();
      this.cells.set(key, c);
    }
    return c;
  }

  /** The value as the user sees it in the grid (a formula shows as the formula text here). */
  value(row: number, column: number): string | number | boolean | null {
    const c = this.get(row, column);
    return c ? (c.formula ?? c.value) : null;
  }

  /** Bounding box of the cells that hold a value or formula; null when the sheet is empty. */
  usedBox(): Box | null {
    let box: Box | null = null;
    for (const [key, c] of this.cells) {
      if (c.value === null && c.formula === null) continue;
      const [row, column] = cellPosition(key);
      if (!box) box = { top: row, left: column, bottom: row, right: column };
      else {
        box.top = Math.min(box.top, row);
        box.bottom = Math.max(box.bottom, row);
        box.left = Math.min(box.left, column);
        box.right = Math.max(box.right, column);
      }
    }
    return box;
  }

  /** Bounding box of every cell with content or format, and of the merges (`getUsedRange(false)`). */
  formattedBox(): Box | null {
    let box: Box | null = null;
    const add = (b: Box) => {
      box = box === null ? { ...b } : { top: Math.min(box.top, b.top), left: Math.min(box.left, b.left), bottom: Math.max(box.bottom, b.bottom), right: Math.max(box.right, b.right) };
    };
    for (const key of this.cells.keys()) {
      const [row, column] = cellPosition(key);
      add({ top: row, left: column, bottom: row, right: column });
    }
    for (const m of this.merges) add(m);
    return box;
  }

  /**
   * The cells that hold a constant (`"Constants"`) or a formula (`"Formulas"`) inside `within`,
   * as rectangular areas: runs of cells in a row, joined with the same run in the rows below.
   */
  specialAreas(kind: "Constants" | "Formulas", within: Box): Box[] {
    const runsByRow = new Map<number, [number, number][]>();
    const hit = (c: FakeCell) => (kind === "Formulas" ? c.formula !== null : c.formula === null && c.value !== null);
    const positions: [number, number][] = [];
    for (const [key, c] of this.cells) {
      const [row, column] = cellPosition(key);
      if (row < within.top || row > within.bottom || column < within.left || column > within.right || !hit(c)) continue;
      positions.push([row, column]);
    }
    positions.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (const [row, column] of positions) {
      const runs = runsByRow.get(row) ?? [];
      const last = runs[runs.length - 1];
      if (last && last[1] === column - 1) last[1] = column;
      else runs.push([column, column]);
      runsByRow.set(row, runs);
    }
    const open = new Map<string, Box>();
    const out: Box[] = [];
    for (const row of [...runsByRow.keys()].sort((a, b) => a - b)) {
      const next = new Map<string, Box>();
      for (const [left, right] of runsByRow.get(row) ?? []) {
        const key = `${left}:${right}`;
        const prev = open.get(key);
        if (prev && prev.bottom === row - 1) {
          prev.bottom = row;
          next.set(key, prev);
          open.delete(key);
        } else next.set(key, { top: row, bottom: row, left, right });
      }
      for (const b of open.values()) out.push(b);
      open.clear();
      for (const [k, b] of next) open.set(k, b);
    }
    for (const b of open.values()) out.push(b);
    return out.sort((a, b) => a.top - b.top || a.left - b.left);
  }

  /** Writes a block of values directly into the model (test set-up, not an API call). */
  put(top: number, left: number, rows: readonly (readonly unknown[])[], numberFormat?: string): void {
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        const cell = this.cell(top + r, left + c);
        cell.value = v as string | number | boolean;
        if (numberFormat !== undefined) cell.numberFormat = numberFormat;
      }),
    );
  }
}

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  readonly tables: FakeTable[] = [];
  readonly names: FakeName[] = [];
  /** Workbook structure protection: sheets cannot be added, deleted or renamed. */
  structureLocked = false;
  /** The 1904 date system (old Mac workbooks). */
  date1904 = false;
  /** Custom XML parts (ExcelApi 1.5), in the order they were added. */
  readonly customXmlParts: FakeXmlPart[] = [];
  private nextPartId = 1;
  active: string | null = null;
  selection: { sheet: string; box: Box } | null = null;

  addSheet(name: string): FakeSheet {
    if (this.sheet(name)) throw new FakeOfficeError("ItemAlreadyExists", `Sheet ${name} exists`);
    const sheet = new FakeSheet(name);
    this.sheets.push(sheet);
    this.active ??= name;
    return sheet;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => sameName(s.name, name));
  }

  /** Adds a table with its header row at (`top`, `left`) and writes headers and rows (set-up). */
  addTable(sheetName: string, name: string, top: number, left: number, headers: string[], rows: unknown[][]): FakeTable {
    const sheet = this.sheet(sheetName) ?? this.addSheet(sheetName);
    sheet.put(top, left, [headers, ...rows]);
    const table: FakeTable = {
      name,
      sheet,
      headerRow: top,
      left,
      columns: [...headers],
      dataRows: Math.max(1, rows.length),
      showHeaders: true,
      showTotals: false,
    };
    this.tables.push(table);
    return table;
  }

  tablesOn(sheet: FakeSheet): FakeTable[] {
    return this.tables.filter((t) => t.sheet === sheet);
  }

  /** Adds a defined name (set-up); `formula` with or without the leading "=". */
  addName(name: string, formula: string, options: { visible?: boolean; comment?: string; scope?: string | null } = {}): FakeName {
    const entry: FakeName = {
      name,
      formula: formula.startsWith("=") ? formula : `=${formula}`,
      comment: options.comment ?? "",
      visible: options.visible ?? true,
      scope: options.scope ?? null,
    };
    this.names.push(entry);
    return entry;
  }

  /** Adds a custom XML part (set-up, and `CustomXmlPartCollection.add`); returns it. */
  addXmlPart(xml: string): FakeXmlPart {
    const part = { id: `{FAKE-PART-${this.nextPartId++}}`, xml };
    this.customXmlParts.push(part);
    return part;
  }

  /** The conditional formats covering one cell, in the order they were added. */
  conditionalFormatsAt(sheet: string, row: number, column: number): FakeConditionalFormat[] {
    return (this.sheet(sheet)?.conditionalFormats ?? []).filter((f) => f.boxes.some((b) => row >= b.top && row <= b.bottom && column >= b.left && column <= b.right));
  }

  /** The workbook-level name called `name` (case-insensitive, as Excel). */
  name(name: string): FakeName | undefined {
    return this.names.find((n) => n.scope === null && sameName(n.name, name));
  }
}

// ---------------------------------------------------------------------------------------------
// Addresses (independent of the code under test)

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function colLetters(column: number): string {
  let n = column;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function fakeParse(address: string): { sheet: string | null; box: Box } {
  const bang = address.lastIndexOf("!");
  let sheet: string | null = null;
  let ref = address;
  if (bang >= 0) {
    sheet = address.slice(0, bang);
    if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    ref = address.slice(bang + 1);
  }
  ref = ref.replace(/\$/g, "");
  const parts = ref.split(":");
  const a = parts[0] ?? "";
  const b = parts[1] ?? a;
  const cell = /^([A-Za-z]+)(\d+)$/;
  const col = /^([A-Za-z]+)$/;
  const row = /^(\d+)$/;
  let m1 = cell.exec(a);
  let m2 = cell.exec(b);
  if (m1 && m2) {
    const box = { top: Number(m1[2]), left: colNumber(m1[1] ?? ""), bottom: Number(m2[2]), right: colNumber(m2[1] ?? "") };
    return { sheet, box: normal(box) };
  }
  m1 = col.exec(a);
  m2 = col.exec(b);
  if (m1 && m2) return { sheet, box: normal({ top: 1, bottom: MAX_ROWS, left: colNumber(m1[1] ?? ""), right: colNumber(m2[1] ?? "") }) };
  m1 = row.exec(a);
  m2 = row.exec(b);
  if (m1 && m2) return { sheet, box: normal({ top: Number(m1[1]), bottom: Number(m2[1]), left: 1, right: MAX_COLUMNS }) };
  throw new FakeOfficeError("InvalidArgument", `Bad address ${address}`);
}

function normal(b: Box): Box {
  return { top: Math.min(b.top, b.bottom), bottom: Math.max(b.top, b.bottom), left: Math.min(b.left, b.right), right: Math.max(b.left, b.right) };
}

export function fakeAddress(sheet: string, box: Box): string {
  const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  const a = `${colLetters(box.left)}${box.top}`;
  const b = `${colLetters(box.right)}${box.bottom}`;
  return `${quoted}!${a === b ? a : `${a}:${b}`}`;
}

function cellsIn(box: Box): number {
  return (box.bottom - box.top + 1) * (box.right - box.left + 1);
}

const UTF8 = new TextEncoder();

/**
 * UTF-8 bytes of a request or response, measured by the platform's own encoder: a measuring
 * tool must not share code with what it measures (the adapter's estimate is applyPlan.ts's
 * `utf8Length`), so a mistake there cannot hide here.
 */
function utf8Bytes(s: string): number {
  return UTF8.encode(s).length;
}

// ---------------------------------------------------------------------------------------------
// Request machinery

export interface FakeLimits {
  /** @default 5 MB */
  requestBytes: number;
  /** @default 5 MB */
  responseBytes: number;
  /** @default 5 000 000 */
  cellsPerRead: number;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  actions: number;
  /** Names of the actions in order, e.g. `Range.values`, `TableColumnCollection.add`. */
  names: string[];
  ok: boolean;
}

interface QueuedAction {
  name: string;
  run: () => void;
}

class Batch {
  actions: QueuedAction[] = [];
  bytes = 0;
  counted = new Set<number>();
  commits: (() => void)[] = [];
  responseBytes = 0;
}

function notLoaded(what: string): FakeOfficeError {
  return new FakeOfficeError("PropertyNotLoaded", `The property '${what}' is not available. Load it and call context.sync() first.`);
}

/** The request context handed to the code under test. */
export class FakeContext {
  readonly workbook: WorkbookProxy;
  readonly application: { suspendApiCalculationUntilNextSync: () => void };
  private batch = new Batch();
  private nextId = 1;

  constructor(readonly excel: FakeExcel) {
    const root = new PathNode(this, null, "workbook", [], 4);
    this.workbook = new WorkbookProxy(this, root);
    const app = new PathNode(this, null, "application", [], 4);
    this.application = {
      suspendApiCalculationUntilNextSync: () => this.queue(app, "Application.suspendApiCalculationUntilNextSync", [], () => {}),
    };
  }

  id(): number {
    return this.nextId++;
  }

  /** Queues an action on `node`, counting its request bytes. */
  queue(node: PathNode, name: string, args: unknown[], run: () => void): void {
    this.countPath(node);
    const record = { Id: this.id(), ActionType: 4, Name: name.split(".").pop(), ObjectPathId: node.id, ArgumentInfo: { Arguments: args } };
    this.batch.bytes += utf8Bytes(JSON.stringify(record));
    this.batch.actions.push({ name, run });
  }

  /** Queues a load: `snapshot` runs in order with the actions; `commit` applies it after a good sync. */
  queueLoad(node: PathNode, name: string, select: string, snapshot: () => { data: unknown; commit: () => void }): void {
    this.countPath(node);
    const record = { Id: this.id(), ActionType: 2, Name: "", ObjectPathId: node.id, QueryInfo: { Select: select.split(",") } };
    const batch = this.batch;
    batch.bytes += utf8Bytes(JSON.stringify(record));
    batch.actions.push({
      name: `${name}.load`,
      run: () => {
        const { data, commit } = snapshot();
        batch.responseBytes += utf8Bytes(JSON.stringify(data ?? null));
        batch.commits.push(commit);
      },
    });
  }

  private countPath(node: PathNode | null): void {
    for (let n = node; n && !this.batch.counted.has(n.id); n = n.parent) {
      this.batch.counted.add(n.id);
      this.batch.bytes += n.bytes;
    }
  }

  async sync(): Promise<void> {
    const batch = this.batch;
    this.batch = new Batch();
    await Promise.resolve();
    const record: SyncRecord = {
      requestBytes: batch.bytes,
      responseBytes: 0,
      actions: batch.actions.length,
      names: batch.actions.map((a) => a.name),
      ok: false,
    };
    if (batch.actions.length === 0) return;
    // Someone else edits the workbook while the batch travels (tests of concurrent edits).
    this.excel.beforeSync?.(this.excel.syncs.length);
    this.excel.syncs.push(record);
    if (this.excel.cellEditModeSyncs > 0) {
      this.excel.cellEditModeSyncs--;
      throw new FakeOfficeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.");
    }
    if (batch.bytes > this.excel.limits.requestBytes) {
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
    }
    for (const action of batch.actions) action.run();
    record.responseBytes = batch.responseBytes;
    if (batch.responseBytes > this.excel.limits.responseBytes) {
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
    }
    for (const commit of batch.commits) commit();
    record.ok = true;
  }
}

/** One object path (as in the Office.js request); resolved lazily when actions run. */
class PathNode {
  readonly id: number;
  readonly bytes: number;
  constructor(
    readonly ctx: FakeContext,
    readonly parent: PathNode | null,
    name: string,
    args: unknown[],
    type: number,
  ) {
    this.id = ctx.id();
    const record = { Id: this.id, ObjectPathType: type, Name: name, ParentObjectPathId: parent?.id ?? 0, ArgumentInfo: { Arguments: args } };
    this.bytes = utf8Bytes(JSON.stringify(record)) + (type === 3 ? 60 : 0);
  }
  child(name: string, args: unknown[] = [], method = true): PathNode {
    return new PathNode(this.ctx, this, name, args, method ? 3 : 4);
  }
}

/** A proxy class as a parent makes it (`getItem`, `add`, a method giving a range): the model object comes from `resolver`. */
type ProxyClass<T, P> = new (ctx: FakeContext, node: PathNode, resolver: () => T | null) => P;

abstract class FakeProxy<T> {
  protected loaded: Record<string, unknown> = {};
  protected nullState: boolean | undefined;
  constructor(
    readonly ctx: FakeContext,
    readonly node: PathNode,
  ) {}

  protected get excel(): FakeExcel {
    return this.ctx.excel;
  }

  /** The model object now, null for a null object; may throw ItemNotFound. */
  abstract resolve(): T | null;

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded("isNullObject");
    return this.nullState;
  }

  /** Marks this proxy loaded with `data`: an item of a loaded collection, or a property loaded through its parent. */
  markLoaded(data: Record<string, unknown>): this {
    this.nullState = false;
    Object.assign(this.loaded, data);
    return this;
  }

  protected read<V>(key: string): V {
    if (!(key in this.loaded)) throw notLoaded(key);
    return this.loaded[key] as V;
  }

  /** Queues an action (on this object's path, or on `node` below it) that runs on the resolved object; a no-op on a null object. */
  protected act(name: string, args: unknown[], run: (target: T) => void, node = this.node): void {
    this.ctx.queue(node, name, args, () => {
      const target = this.resolve();
      if (target !== null) run(target);
    });
  }

  protected loadWith(name: string, select: string, snap: (target: T) => Record<string, unknown>): void {
    this.ctx.queueLoad(this.node, name, select, () => {
      const target = this.resolve();
      const data = target === null ? null : snap(target);
      return {
        data,
        commit: () => {
          this.nullState = target === null;
          if (data) Object.assign(this.loaded, data);
        },
      };
    });
  }

  /** This object for a method called on it: null (or, in `nullObjectMethodsThrow` mode, a failure) on a null object. */
  protected target(): T | null {
    const target = this.resolve();
    if (target === null && this.excel.nullObjectMethodsThrow) throw new FakeOfficeError("GeneralException", "A method was called on a null object.");
    return target;
  }

  /**
   * What the method `name(args)` gives: `f` of this object when the actions run, a null object where
   * this is one. `from` finds this object: `target()` unless said.
   */
  protected derive<U, P>(Item: ProxyClass<U, P>, name: string, args: unknown[], f: (target: T) => U | null, from: () => T | null = () => this.target()): P {
    return new Item(this.ctx, this.node.child(name, args), () => {
      const target = from();
      return target === null ? null : f(target);
    });
  }

  /** A collection's `name(args)` (`getItem`, `getFirst`): what `find` finds when the actions run; ItemNotFound (`missing`) when nothing. */
  protected item<U, P>(Item: ProxyClass<U, P>, name: string, args: unknown[], find: () => U | null | undefined, missing: string): P {
    return new Item(this.ctx, this.node.child(name, args), () => {
      const found = find();
      if (!found) throw new FakeOfficeError("ItemNotFound", missing);
      return found;
    });
  }

  /**
   * A collection's `add(args)`: queues `create` and gives the proxy of what it makes; an action on
   * that proxy that runs before the add fails (InvalidOperation, "`what` not added yet").
   */
  protected queueAdd<U, P>(Item: ProxyClass<U, P>, collection: string, args: unknown[], what: string, create: () => U | null): P {
    let bound: U | null = null;
    const proxy = new Item(this.ctx, this.node.child("add", args), () => {
      if (!bound) throw new FakeOfficeError("InvalidOperation", `${what} not added yet`);
      return bound;
    });
    this.ctx.queue(this.node, `${collection}.add`, args, () => {
      bound = create();
    });
    return proxy;
  }
}

/** A proxy whose model object is found by the function its parent gave (most proxies). */
abstract class ResolvedProxy<T> extends FakeProxy<T> {
  constructor(
    ctx: FakeContext,
    node: PathNode,
    private readonly resolver: () => T | null,
  ) {
    super(ctx, node);
  }
  resolve(): T | null {
    return this.resolver();
  }
}

/** A collection whose `items` (of type `I`) come from a load. */
abstract class CollectionProxy<T, I> extends FakeProxy<T> {
  get items(): I[] {
    return this.read("items");
  }

  /**
   * Loads `props` of a collection's `items`: `snap` gives what the response carries for each model
   * object of `scope` and `item` the loaded proxy of it; a null `scope` makes a null collection.
   */
  protected loadItems<U>(
    name: string,
    props: string[],
    scope: () => U[] | null,
    snap: (model: U, props: string[]) => Record<string, unknown>,
    item: (model: U, data: Record<string, unknown>) => I,
  ): void {
    this.ctx.queueLoad(this.node, name, props.join(","), () => {
      const list = scope();
      const data = list === null ? null : list.map((model) => snap(model, props));
      return {
        data,
        commit: () => {
          this.nullState = list === null;
          if (list !== null) this.loaded.items = list.map((model, i) => item(model, data?.[i] ?? {}));
        },
      };
    });
  }
}

/** An item of a loaded collection at `node`: loaded with `data`, and a null object once it has left `list`. */
function loadedItem<U, P extends FakeProxy<U>>(Item: ProxyClass<U, P>, node: PathNode, model: U, list: () => readonly U[], data: Record<string, unknown>): P {
  return new Item(node.ctx, node, () => (list().includes(model) ? model : null)).markLoaded(data);
}

/**
 * Defines `key` on `target` as a property that can only be set (the setter queues an action): reading
 * it fails as a property not loaded does. `plain` as a property of an object literal; else as
 * `Object.defineProperty` leaves it by default (not enumerable, not configurable).
 */
function defineSetOnly(target: object, key: string, set: (value: never) => void, plain = true): void {
  Object.defineProperty(target, key, {
    set,
    get: () => {
      throw notLoaded(key);
    },
    enumerable: plain,
    configurable: plain,
  });
}

/** An object of properties that can only be set (see `defineSetOnly`), with `methods` beside them. */
function setOnly<T extends object, M extends object = object>(setters: { [K in keyof T]: (value: T[K]) => void }, methods?: M): T & M {
  const out = {} as T & M;
  for (const key of Object.keys(setters) as (keyof T & string)[]) defineSetOnly(out, key, setters[key]);
  return Object.assign(out, methods);
}

/**
 * What a load of `props` returns: for each, `fields[prop]()` under the first step of its path
 * (`rows/count` gives `rows`), in order; a property the fake lacks fails as the fake's own limit.
 */
function snapshot(what: string, props: string[], fields: Record<string, () => unknown>, out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const p of props) {
    const field = Object.hasOwn(fields, p) ? fields[p] : undefined;
    if (!field) throw new Error(`fake: ${what}.load(${p}) not supported`);
    out[p.split("/")[0] ?? p] = field();
  }
  return out;
}

function splitSelect(select: string | string[] | undefined): string[] {
  const list = Array.isArray(select) ? select : (select ?? "").split(",");
  return list.map((s) => s.trim()).filter((s) => s !== "");
}

/** A collection's `load` select as the properties of each item (`items/name` → `name`). */
function itemProps(select: string | string[] | undefined): string[] {
  return splitSelect(select).map((p) => p.replace(/^items\//, ""));
}

// ---------------------------------------------------------------------------------------------
// Workbook, worksheets

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  readonly protection: ProtectionProxy;
  readonly functions: { date: (year: number, month: number, day: number) => FunctionResultProxy };
  private readonly ctx: FakeContext;
  private readonly node: PathNode;
  constructor(ctx: FakeContext, node: PathNode) {
    this.ctx = ctx;
    this.node = node;
    this.worksheets = new WorksheetCollectionProxy(ctx, node.child("worksheets", [], false));
    this.tables = new TableCollectionProxy(ctx, node.child("tables", [], false), null);
    this.names = new NamedItemCollectionProxy(ctx, node.child("names", [], false), () => null);
    this.protection = new ProtectionProxy(ctx, node.child("protection", [], false), () => ({ protected: ctx.excel.workbook.structureLocked }));
    const functions = node.child("functions", [], false);
    this.functions = {
      date: (year, month, day) => new FunctionResultProxy(ctx, functions.child("date", [year, month, day]), () => fakeDateSerial(ctx.excel.workbook.date1904, year, month, day)),
    };
  }
  get customXmlParts(): CustomXmlPartCollectionProxy {
    return customXmlPartsOf(this.ctx, this.node);
  }
}

/**
 * `Workbook.customXmlParts` (ExcelApi 1.5; older hosts lack it). Documented behaviour followed:
 * https://learn.microsoft.com/javascript/api/excel/excel.customxmlpartcollection — `add(xml)`,
 * `getByNamespace(uri)` (a scoped collection), `getItem(id)`; and excel.customxmlpart — `id`,
 * `namespaceUri`, `getXml()`, `setXml(xml)`, `delete()`.
 */
function customXmlPartsOf(ctx: FakeContext, node: PathNode): CustomXmlPartCollectionProxy {
  if (ctx.excel.apiVersion < 5) throw new FakeOfficeError("ApiNotFound", "customXmlParts needs ExcelApi 1.5");
  return new CustomXmlPartCollectionProxy(ctx, node.child("customXmlParts", [], false), null);
}

/** The namespace of an XML document's root element (default namespace or the root's prefix). */
export function fakeRootNamespace(xml: string): string | null {
  const root = /<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)(\s[^>]*)?\/?>/u.exec(xml.replace(/<\?[\s\S]*?\?>/gu, "").replace(/<!--[\s\S]*?-->/gu, ""));
  if (!root) return null;
  const name = root[1] ?? "";
  const prefix = name.includes(":") ? name.slice(0, name.indexOf(":")) : null;
  const attrs = root[2] ?? "";
  const m = new RegExp(prefix === null ? `xmlns\\s*=\\s*"([^"]*)"` : `xmlns:${prefix}\\s*=\\s*"([^"]*)"`, "u").exec(attrs);
  return m ? (m[1] ?? null) : null;
}

class CustomXmlPartCollectionProxy extends CollectionProxy<FakeXmlPart[], CustomXmlPartProxy> {
  constructor(
    ctx: FakeContext,
    node: PathNode,
    /** null: every part; else the parts of this namespace (`getByNamespace`). */
    private readonly namespace: string | null,
  ) {
    super(ctx, node);
  }
  resolve(): FakeXmlPart[] {
    const all = this.excel.workbook.customXmlParts;
    return this.namespace === null ? [...all] : all.filter((p) => fakeRootNamespace(p.xml) === this.namespace);
  }
  add(xml: string): CustomXmlPartProxy {
    return this.queueAdd(CustomXmlPartProxy, "CustomXmlPartCollection", [xml], "Part", () => {
      if (this.namespace !== null) throw new Error("fake: add on a scoped collection");
      if (fakeRootNamespace(xml) === null && !/^\s*</u.test(xml)) throw new FakeOfficeError("InvalidArgument", "Not XML");
      const part = this.excel.workbook.addXmlPart(xml);
      this.excel.events.push({ kind: "add-xml-part", id: part.id });
      return part;
    });
  }
  getByNamespace(namespaceUri: string): CustomXmlPartCollectionProxy {
    return new CustomXmlPartCollectionProxy(this.ctx, this.node.child("getByNamespace", [namespaceUri]), namespaceUri);
  }
  getItem(id: string): CustomXmlPartProxy {
    return this.item(CustomXmlPartProxy, "getItem", [id], () => this.resolve().find((p) => p.id === id), `No custom XML part ${id}`);
  }
  getOnlyItemOrNullObject(): CustomXmlPartProxy {
    return new CustomXmlPartProxy(this.ctx, this.node.child("getOnlyItemOrNullObject"), () => {
      const parts = this.resolve();
      return parts.length === 1 ? (parts[0] ?? null) : null;
    });
  }
  load(_select?: string | string[]): this {
    this.loadItems(
      "CustomXmlPartCollection",
      ["items/id", "items/namespaceUri"],
      () => this.resolve(),
      snapshotXmlPart,
      (p, data) => loadedItem(CustomXmlPartProxy, this.node.child("getItem", [p.id]), p, () => this.excel.workbook.customXmlParts, data),
    );
    return this;
  }
}

function snapshotXmlPart(p: FakeXmlPart): Record<string, unknown> {
  return { id: p.id, namespaceUri: fakeRootNamespace(p.xml) };
}

class CustomXmlPartProxy extends ResolvedProxy<FakeXmlPart> {
  load(_select?: string | string[]): this {
    this.loadWith("CustomXmlPart", "id,namespaceUri", snapshotXmlPart);
    return this;
  }
  get id(): string {
    return this.read("id");
  }
  get namespaceUri(): string {
    return this.read("namespaceUri");
  }
  /** A ClientResult: `value` after the sync. */
  getXml(): { value: string } {
    const result: { loaded: boolean; xml: string } = { loaded: false, xml: "" };
    this.ctx.queueLoad(this.node, "CustomXmlPart.getXml", "value", () => {
      const part = this.resolve();
      if (part === null) throw new FakeOfficeError("InvalidOperation", "getXml on a null object");
      const xml = part.xml;
      return { data: xml, commit: () => Object.assign(result, { loaded: true, xml }) };
    });
    return {
      get value(): string {
        if (!result.loaded) throw notLoaded("value");
        return result.xml;
      },
    };
  }
  setXml(xml: string): void {
    this.act("CustomXmlPart.setXml", [xml], (p) => {
      p.xml = xml;
      this.excel.events.push({ kind: "set-xml-part", id: p.id });
    });
  }
  delete(): void {
    this.act("CustomXmlPart.delete", [], (p) => {
      const list = this.excel.workbook.customXmlParts;
      list.splice(list.indexOf(p), 1);
    });
  }
}

/** `DATE(year, month, day)` as Excel computes it in the 1900 or the 1904 date system. */
export function fakeDateSerial(date1904: boolean, year: number, month: number, day: number): number {
  const days = Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
  if (date1904) return days - 1462;
  return days < 61 ? days - 1 : days;
}

/** The result of a worksheet function (`workbook.functions`), as `FunctionResult`. */
class FunctionResultProxy extends ResolvedProxy<number> {
  load(_select?: string | string[]): this {
    this.loadWith("FunctionResult", "value,error", (value) => ({ value, error: null }));
    return this;
  }
  get value(): number {
    return this.read("value");
  }
}

/** `Workbook.protection` / `Worksheet.protection`: only `protected` is read. */
class ProtectionProxy extends ResolvedProxy<{ protected: boolean }> {
  load(_select?: string | string[]): this {
    this.loadWith("Protection", "protected", (p) => ({ protected: p.protected }));
    return this;
  }
  get protected(): boolean {
    return this.read("protected");
  }
}

/** The workbook's names (`scopeSheet` returns null) or one sheet's (`worksheet.names`). */
class NamedItemCollectionProxy extends CollectionProxy<FakeName[], NamedItemProxy> {
  constructor(
    ctx: FakeContext,
    node: PathNode,
    private readonly scopeSheet: () => FakeSheet | null,
    private readonly sheetScoped = false,
  ) {
    super(ctx, node);
  }
  private scope(): string | null | undefined {
    if (!this.sheetScoped) return null;
    return this.scopeSheet()?.name;
  }
  resolve(): FakeName[] {
    const scope = this.scope();
    if (scope === undefined) return []; // the names of a null sheet (a null object)
    return this.excel.workbook.names.filter((n) => (scope === null ? n.scope === null : n.scope !== null && sameName(n.scope, scope)));
  }
  load(select?: string | string[]): this {
    this.loadItems(
      "NamedItemCollection",
      itemProps(select),
      () => this.resolve(),
      snapshotName,
      (n, data) => loadedItem(NamedItemProxy, this.node.child("getItem", [n.name]), n, () => this.excel.workbook.names, data),
    );
    return this;
  }
  private find(name: string): FakeName | undefined {
    return this.resolve().find((n) => sameName(n.name, name));
  }
  getItem(name: string): NamedItemProxy {
    return this.item(NamedItemProxy, "getItem", [name], () => this.find(name), `No name ${name}`);
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(this.ctx, this.node.child("getItemOrNullObject", [name]), () => this.find(name) ?? null);
  }
  add(name: string, reference: string, comment?: string): NamedItemProxy {
    return this.queueAdd(NamedItemProxy, "NamedItemCollection", [name, reference, comment ?? ""], "Name", () => {
      const scope = this.scope();
      if (scope === undefined) throw new FakeOfficeError("ItemNotFound", "No sheet");
      if (typeof reference !== "string") throw new Error("fake: NamedItemCollection.add takes a formula string");
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name)) throw new FakeOfficeError("InvalidArgument", `Bad name ${name}`);
      if (this.find(name)) throw new FakeOfficeError("ItemAlreadyExists", `Name ${name} exists`);
      const formula = reference.startsWith("=") ? reference : `=${reference}`;
      const added: FakeName = { name, formula, comment: comment ?? "", visible: true, scope };
      this.excel.workbook.names.push(added);
      this.excel.events.push({ kind: "add-name", name, formula, visible: true });
      return added;
    });
  }
}

function snapshotName(n: FakeName, props: string[]): Record<string, unknown> {
  const type = () => {
    const isString = /^="/.test(n.formula);
    const isRange = /!/.test(n.formula) && !n.formula.includes("#REF!");
    return n.formula.includes("#REF!") ? "Error" : isRange ? "Range" : isString ? "String" : "Double";
  };
  return snapshot(
    "NamedItem",
    props,
    {
      name: () => n.name,
      formula: () => n.formula,
      visible: () => n.visible,
      comment: () => n.comment,
      type,
      value: () => n.formula.slice(1),
      scope: () => (n.scope === null ? "Workbook" : "Worksheet"),
    },
    { name: n.name },
  );
}

class NamedItemProxy extends ResolvedProxy<FakeName> {
  get name(): string {
    return this.read("name");
  }
  get formula(): string {
    return this.read("formula");
  }
  get type(): string {
    return this.read("type");
  }
  get comment(): string {
    return this.read("comment");
  }
  get value(): unknown {
    return this.read("value");
  }
  get visible(): boolean {
    return this.read("visible");
  }
  set visible(value: boolean) {
    this.act("NamedItem.visible", [value], (n) => {
      n.visible = value;
      this.excel.events.push({ kind: "name-visible", name: n.name, visible: value });
    });
  }
  delete(): void {
    this.ctx.queue(this.node, "NamedItem.delete", [], () => {
      const n = this.resolve();
      if (n === null) throw new FakeOfficeError("ItemNotFound", "No such name");
      const list = this.excel.workbook.names;
      list.splice(list.indexOf(n), 1);
      this.excel.events.push({ kind: "delete-name", name: n.name });
    });
  }
}

function assertStructureOpen(excel: FakeExcel): void {
  if (excel.workbook.structureLocked) throw new FakeOfficeError("AccessDenied", "The workbook's structure is protected.");
}

/** Excel refuses writes on a protected sheet. */
export function assertWritable(sheet: FakeSheet): void {
  if (sheet.protected) throw new FakeOfficeError("AccessDenied", `The sheet ${sheet.name} is protected.`);
}

function snapshotSheet(wb: FakeWorkbook, sheet: FakeSheet, props: string[]): Record<string, unknown> {
  return snapshot("Worksheet", props, {
    name: () => sheet.name,
    position: () => wb.sheets.indexOf(sheet),
    visibility: () => sheet.visibility,
    "protection/protected": () => ({ protected: sheet.protected }),
  });
}

class WorksheetCollectionProxy extends CollectionProxy<FakeWorkbook, { name: string; visibility: string; protection: { protected: boolean } }> {
  resolve(): FakeWorkbook {
    return this.excel.workbook;
  }
  getFirst(): WorksheetProxy {
    return this.item(WorksheetProxy, "getFirst", [], () => this.excel.workbook.sheets[0], "No sheets");
  }
  getItem(name: string): WorksheetProxy {
    return this.item(WorksheetProxy, "getItem", [name], () => this.excel.workbook.sheet(name), `No sheet ${name}`);
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, this.node.child("getItemOrNullObject", [name]), () => this.excel.workbook.sheet(name) ?? null);
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, this.node.child("getActiveWorksheet"), () => this.excel.workbook.sheet(this.excel.workbook.active ?? "") ?? null);
  }
  add(name?: string): WorksheetProxy {
    return this.queueAdd(WorksheetProxy, "WorksheetCollection", [name ?? null], "Sheet", () => {
      assertStructureOpen(this.excel);
      const wb = this.excel.workbook;
      let n = wb.sheets.length + 1;
      while (wb.sheet(`Sheet${n}`)) n++;
      const sheet = wb.addSheet(name ?? `Sheet${n}`);
      this.excel.events.push({ kind: "add-sheet", sheet: sheet.name });
      return sheet;
    });
  }
  load(select?: string | string[]): this {
    const props = itemProps(select ?? "items/name");
    this.loadWith("WorksheetCollection", props.join(","), (wb) => ({ items: wb.sheets.map((s) => snapshotSheet(wb, s, props)) }));
    return this;
  }
}

class WorksheetProxy extends ResolvedProxy<FakeSheet> {
  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.act("Worksheet.name", [value], (sheet) => {
      const other = this.excel.workbook.sheet(value);
      if (other && other !== sheet) throw new FakeOfficeError("ItemAlreadyExists", `Sheet ${value} exists`);
      if (sheet.name !== value) assertStructureOpen(this.excel);
      const from = sheet.name;
      sheet.name = value;
      this.excel.events.push({ kind: "rename-sheet", sheet: value, from });
    });
  }
  get visibility(): string {
    return this.read("visibility");
  }
  load(select?: string | string[]): this {
    const props = splitSelect(select);
    this.loadWith("Worksheet", props.join(","), (sheet) => snapshotSheet(this.excel.workbook, sheet, props));
    return this;
  }
  getNextOrNullObject(): WorksheetProxy {
    return this.derive(WorksheetProxy, "getNextOrNullObject", [], (sheet) => {
      const list = this.excel.workbook.sheets;
      return list[list.indexOf(sheet) + 1] ?? null;
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return this.derive(RangeProxy, "getUsedRangeOrNullObject", [valuesOnly ?? false], (sheet) => {
      const box = valuesOnly === true ? sheet.usedBox() : sheet.formattedBox();
      return box ? { sheet, box } : null;
    });
  }
  /** Never null: a blank sheet gives A1, as Excel documents. */
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return this.derive(RangeProxy, "getUsedRange", [valuesOnly ?? false], (sheet) => {
      const box = (valuesOnly === true ? sheet.usedBox() : sheet.formattedBox()) ?? { top: 1, left: 1, bottom: 1, right: 1 };
      return { sheet, box };
    });
  }
  getRange(address?: string): RangeProxy {
    return this.derive(RangeProxy, "getRange", [address ?? null], (sheet) => {
      const box = address ? fakeParse(address).box : { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLUMNS };
      return { sheet, box };
    });
  }
  getRanges(address: string): RangeAreasProxy {
    return this.derive(RangeAreasProxy, "getRanges", [address], (sheet) => {
      if (address.length > 8192) throw new FakeOfficeError("InvalidArgument", "Address too long");
      return { sheet, boxes: address.split(",").map((a) => fakeParse(a.trim()).box) };
    });
  }
  get tables(): TableCollectionProxy {
    return new TableCollectionProxy(this.ctx, this.node.child("tables", [], false), () => this.target());
  }
  get charts(): ChartCollectionProxy {
    return new ChartCollectionProxy(this.ctx, this.node.child("charts", [], false), () => this.target());
  }
  get names(): NamedItemCollectionProxy {
    return new NamedItemCollectionProxy(this.ctx, this.node.child("names", [], false), () => this.target(), true);
  }
  /** ExcelApi 1.9: https://learn.microsoft.com/javascript/api/excel/excel.pagelayout */
  get pageLayout(): PageLayoutProxy {
    if (this.excel.apiVersion < 9) throw new FakeOfficeError("ApiNotFound", "pageLayout needs ExcelApi 1.9");
    return new PageLayoutProxy(this.ctx, this.node.child("pageLayout", [], false), () => this.target());
  }
  get protection(): ProtectionProxy {
    const proxy = new ProtectionProxy(this.ctx, this.node.child("protection", [], false), () => {
      const sheet = this.target();
      return sheet ? { protected: sheet.protected } : null;
    });
    // Loaded through the sheet (`load("protection/protected")`), as Office.js fills navigation properties.
    const loaded = this.loaded.protection as { protected: boolean } | undefined;
    if (loaded) proxy.markLoaded({ protected: loaded.protected });
    return proxy;
  }
  activate(): void {
    this.act("Worksheet.activate", [], (sheet) => {
      if (sheet.visibility !== "Visible") throw new FakeOfficeError("InvalidOperation", `The sheet ${sheet.name} is hidden.`);
      this.excel.workbook.active = sheet.name;
      this.excel.events.push({ kind: "activate", sheet: sheet.name });
    });
  }
  delete(): void {
    this.act("Worksheet.delete", [], (sheet) => {
      assertStructureOpen(this.excel);
      const wb = this.excel.workbook;
      if (wb.sheets.length === 1) throw new FakeOfficeError("InvalidOperation", "Cannot delete the only sheet");
      wb.sheets.splice(wb.sheets.indexOf(sheet), 1);
      for (let i = wb.tables.length - 1; i >= 0; i--) if (wb.tables[i]?.sheet === sheet) wb.tables.splice(i, 1);
      if (wb.active === sheet.name) wb.active = wb.sheets[0]?.name ?? null;
      this.excel.events.push({ kind: "delete-sheet", sheet: sheet.name });
    });
  }
  /**
   * `Worksheet.onChanged` (ExcelApi 1.7; issue 11): `add(handler)` registers at the next sync and
   * returns a result whose `remove()` unregisters at the next sync of its context.
   * `FakeExcel.fireChanged(sheet, address)` raises the event.
   */
  get onChanged(): { add: (handler: FakeChangedHandler) => { context: Excel.RequestContext; remove: () => void } } {
    return {
      add: (handler) => {
        this.act("Worksheet.onChanged.add", [], (sheet) => this.excel.changeHandlers.push({ sheet: sheet.name, handler }));
        return {
          context: this.ctx as unknown as Excel.RequestContext,
          remove: () =>
            this.ctx.queue(this.node, "Worksheet.onChanged.remove", [], () => {
              const i = this.excel.changeHandlers.findIndex((h) => h.handler === handler);
              if (i >= 0) this.excel.changeHandlers.splice(i, 1);
            }),
        };
      },
    };
  }
}

/** A handler of the fake's `Worksheet.onChanged` (issue 11). */
export type FakeChangedHandler = (args: { address: string; worksheetId: string; changeType: string; source: string; type: string }) => Promise<unknown>;

/**
 * `Worksheet.pageLayout` (ExcelApi 1.9): `orientation` ("Landscape"/"Portrait"), `paperSize`
 * (Excel.PaperType, e.g. "A4"), `zoom` (PageLayoutZoomOptions: horizontalFitToPages,
 * verticalFitToPages, scale) and `setPrintTitleRows(range or address)`. Refused on a protected sheet.
 */
class PageLayoutProxy extends ResolvedProxy<FakeSheet> {
  private setting(what: string, value: unknown, apply: (layout: FakePageLayout) => void): void {
    this.act(`PageLayout.${what}`, [value], (sheet) => {
      assertWritable(sheet);
      apply(sheet.pageLayout);
      this.excel.events.push({ kind: "page-layout", sheet: sheet.name, what });
    });
  }
  set orientation(v: string) {
    this.setting("orientation", v, (l) => (l.orientation = v));
  }
  get orientation(): string {
    return this.read("orientation");
  }
  set paperSize(v: string) {
    this.setting("paperSize", v, (l) => (l.paperSize = v));
  }
  get paperSize(): string {
    return this.read("paperSize");
  }
  set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.setting("zoom", v, (l) => (l.zoom = { ...v }));
  }
  get zoom(): { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number } {
    return this.read("zoom");
  }
  setPrintTitleRows(rows: string): void {
    if (typeof rows !== "string") throw new Error("fake: setPrintTitleRows takes an address");
    this.setting("setPrintTitleRows", rows, (l) => {
      fakeParse(rows);
      l.printTitleRows = rows;
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Ranges

interface Area {
  sheet: FakeSheet;
  box: Box;
}

function writeValue(cell: FakeCell, v: unknown): void {
  if (v === null || v === undefined) return;
  if (typeof v === "string") {
    cell.formula = null;
    if (v === "") {
      cell.value = null;
      return;
    }
    if (cell.numberFormat === "@") {
      cell.value = v;
      return;
    }
    if (v.startsWith("'")) {
      cell.value = v.slice(1);
      return;
    }
    if (/^[=+\-@]/.test(v) && v.length > 1) {
      if (/^[+-]\d+(\.\d+)?$/.test(v)) cell.value = Number(v);
      else {
        cell.formula = v.startsWith("=") ? v : `=${v}`;
        cell.value = "#NAME?";
      }
      return;
    }
    cell.value = /^\d+(\.\d+)?$/.test(v) ? Number(v) : v;
    return;
  }
  cell.formula = null;
  cell.value = v as number | boolean;
}

class FormatProxy {
  readonly fill: { color: string; clear: () => void };
  readonly font: { color: string; bold: boolean; underline: string };
  constructor(owner: RangeLike, node: PathNode) {
    const fillNode = node.child("fill", [], false);
    const fontNode = node.child("font", [], false);
    const ctx = node.ctx;
    /** Queues `name(v)` on `at`, which sets every cell of the range (a "write" event of `what`). */
    const each = (at: PathNode, name: string, v: unknown, what: string, apply: (c: FakeCell) => void) => ctx.queue(at, name, [v], () => owner.eachCell(what, apply));
    this.fill = setOnly<{ color: string }, { clear: () => void }>(
      { color: (v) => each(fillNode, "RangeFill.color", v, "fill", (c) => (c.fill = v)) },
      { clear: () => ctx.queue(fillNode, "RangeFill.clear", [], () => owner.eachCell("fill", (c) => (c.fill = null))) },
    );
    this.font = setOnly<{ color: string; bold: boolean; underline: string }>({
      color: (v) => each(fontNode, "RangeFont.color", v, "font", (c) => (c.fontColor = v)),
      bold: (v) => each(fontNode, "RangeFont.bold", v, "font", (c) => (c.bold = v)),
      underline: (v) => each(fontNode, "RangeFont.underline", v, "font", (c) => (c.underline = v !== "None")),
    });
    defineSetOnly(
      this,
      "columnWidth",
      (v: number) =>
        ctx.queue(node, "RangeFormat.columnWidth", [v], () => {
          for (const a of owner.areas()) {
            assertWritable(a.sheet);
            for (let c = a.box.left; c <= a.box.right; c++) a.sheet.columnWidths.set(c, v);
          }
        }),
      false,
    );
  }
}

interface RangeLike {
  areas(): Area[];
  eachCell(what: string, apply: (c: FakeCell, row: number, column: number) => void): void;
}

class RangeAreasProxy extends ResolvedProxy<{ sheet: FakeSheet; boxes: Box[] }> implements RangeLike {
  readonly format: FormatProxy;
  constructor(ctx: FakeContext, node: PathNode, resolver: () => { sheet: FakeSheet; boxes: Box[] } | null) {
    super(ctx, node, resolver);
    this.format = new FormatProxy(this, node.child("format", [], false));
  }
  areas(): Area[] {
    const r = this.resolve();
    return r ? r.boxes.map((box) => ({ sheet: r.sheet, box })) : [];
  }
  eachCell(what: string, apply: (c: FakeCell, row: number, column: number) => void): void {
    for (const a of this.areas()) forEachCell(this.excel, a, what, apply);
  }
  load(select?: string | string[]): this {
    const props = splitSelect(select);
    this.loadWith("RangeAreas", props.join(","), (r) =>
      snapshot("RangeAreas", props, {
        address: () => r.boxes.map((b) => fakeAddress(r.sheet.name, b)).join(","),
        areaCount: () => r.boxes.length,
        cellCount: () => r.boxes.reduce((n, b) => n + cellsIn(b), 0),
      }),
    );
    return this;
  }
  get address(): string {
    return this.read("address");
  }
  get areaCount(): number {
    return this.read("areaCount");
  }
  get cellCount(): number {
    return this.read("cellCount");
  }
}

/** The fake's record of a write to `a` (`FakeExcel.events`). */
function logWrite(excel: FakeExcel, a: Area, what: string): void {
  excel.events.push({ kind: "write", sheet: a.sheet.name, box: a.box, what });
}

function forEachCell(excel: FakeExcel, a: Area, what: string, apply: (c: FakeCell, row: number, column: number) => void): void {
  assertWritable(a.sheet);
  logWrite(excel, a, what);
  const rows = Math.min(a.box.bottom, MAX_ROWS);
  for (let r = a.box.top; r <= rows; r++) for (let c = a.box.left; c <= a.box.right; c++) apply(a.sheet.cell(r, c), r, c);
}

class RangeProxy extends ResolvedProxy<Area> implements RangeLike {
  readonly format: FormatProxy;
  readonly dataValidation: { rule: unknown; clear: () => void };
  constructor(ctx: FakeContext, node: PathNode, resolver: () => Area | null) {
    super(ctx, node, resolver);
    this.format = new FormatProxy(this, node.child("format", [], false));
    const dvNode = node.child("dataValidation", [], false);
    this.dataValidation = setOnly<{ rule: unknown }, { clear: () => void }>(
      {
        rule: (rule) =>
          ctx.queue(dvNode, "DataValidation.rule", [rule], () => {
            const list = (rule as { list?: { source?: string } }).list;
            if (!list || typeof list.source !== "string") throw new FakeOfficeError("InvalidArgument", "fake: only list rules");
            const values = list.source.split(",");
            this.eachCell("validation", (c) => (c.validation = values));
          }),
      },
      { clear: () => ctx.queue(dvNode, "DataValidation.clear", [], () => this.eachCell("validation", (c) => (c.validation = null))) },
    );
  }
  areas(): Area[] {
    const a = this.resolve();
    return a ? [a] : [];
  }
  eachCell(what: string, apply: (c: FakeCell, row: number, column: number) => void): void {
    for (const a of this.areas()) forEachCell(this.excel, a, what, apply);
  }

  /** ExcelApi 1.9: the cells holding constants or formulas, as areas; a null object when there are none. */
  getSpecialCellsOrNullObject(cellType: string, _valueType?: string): RangeAreasProxy {
    if (this.excel.apiVersion < 9) throw new FakeOfficeError("ApiNotFound", "getSpecialCellsOrNullObject needs ExcelApi 1.9");
    return this.derive(RangeAreasProxy, "getSpecialCellsOrNullObject", [cellType], (a) => {
      if (cellType !== "Constants" && cellType !== "Formulas") throw new Error(`fake: getSpecialCells(${cellType}) not supported`);
      const boxes = a.sheet.specialAreas(cellType, a.box);
      return boxes.length > 0 ? { sheet: a.sheet, boxes } : null;
    });
  }
  /** ExcelApi 1.13: merged areas whose top-left cell is in this range; fails past 512 of them, as Excel documents. */
  getMergedAreasOrNullObject(): RangeAreasProxy {
    if (this.excel.apiVersion < 13) throw new FakeOfficeError("ApiNotFound", "getMergedAreasOrNullObject needs ExcelApi 1.13");
    return this.derive(RangeAreasProxy, "getMergedAreasOrNullObject", [], (a) => {
      const inside = a.sheet.merges.filter((m) => m.top >= a.box.top && m.top <= a.box.bottom && m.left >= a.box.left && m.left <= a.box.right);
      if (inside.length > 512) throw new FakeOfficeError("GeneralException", "More than 512 merged areas.");
      return inside.length > 0 ? { sheet: a.sheet, boxes: inside } : null;
    });
  }
  getCell(row: number, column: number): RangeProxy {
    return this.derive(RangeProxy, "getCell", [row, column], (a) => {
      const r = a.box.top + row;
      const c = a.box.left + column;
      return { sheet: a.sheet, box: { top: r, bottom: r, left: c, right: c } };
    });
  }
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this.derive(RangeProxy, "getResizedRange", [deltaRows, deltaColumns], (a) => {
      const box = { ...a.box, bottom: a.box.bottom + deltaRows, right: a.box.right + deltaColumns };
      if (box.bottom < box.top || box.right < box.left) throw new FakeOfficeError("InvalidArgument", "Resize below one cell");
      return { sheet: a.sheet, box };
    });
  }
  getIntersectionOrNullObject(other: RangeProxy | string): RangeProxy {
    return this.derive(RangeProxy, "getIntersectionOrNullObject", [typeof other === "string" ? other : "range"], (a) => {
      const b = typeof other === "string" ? { sheet: a.sheet, box: fakeParse(other).box } : other.resolve();
      if (!b || b.sheet !== a.sheet) return null;
      const box = { top: Math.max(a.box.top, b.box.top), left: Math.max(a.box.left, b.box.left), bottom: Math.min(a.box.bottom, b.box.bottom), right: Math.min(a.box.right, b.box.right) };
      return box.top <= box.bottom && box.left <= box.right ? { sheet: a.sheet, box } : null;
    });
  }

  set values(values: unknown[][]) {
    this.act("Range.values", [values], (a) => {
      assertWritable(a.sheet);
      checkShape(a.box, values, false);
      logWrite(this.excel, a, "values");
      values.forEach((row, r) => row.forEach((v, c) => writeValue(a.sheet.cell(a.box.top + r, a.box.left + c), v)));
    });
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  /**
   * `Range.formulas`, invariant (en-US) language: a string starting with "=" makes a formula unless
   * the cell is formatted as text (`@`), where Excel keeps it as text; anything else is written as
   * `values` would write it. The cached value is what `FakeExcel.calculate` gives (null without it).
   */
  set formulas(formulas: unknown[][]) {
    this.act("Range.formulas", [formulas], (a) => {
      assertWritable(a.sheet);
      checkShape(a.box, formulas, false);
      logWrite(this.excel, a, "formulas");
      formulas.forEach((line, r) =>
        line.forEach((f, c) => {
          const row = a.box.top + r;
          const column = a.box.left + c;
          const cell = a.sheet.cell(row, column);
          if (typeof f === "string" && f.startsWith("=") && f.length > 1 && cell.numberFormat !== "@") {
            cell.formula = f;
            cell.value = this.excel.calculate ? this.excel.calculate(f.slice(1), { sheet: a.sheet, row, column }) : null;
          } else writeValue(cell, f);
        }),
      );
    });
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  /**
   * ExcelApi 1.9, https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-autofill-member(1):
   * fills `destination` (which extends this range down) from this range. `FillCopy` and
   * `FillDefault` copy the source cells in turn — a formula with its relative row references moved,
   * as Excel's fill handle does — with their number format, fill and font.
   */
  autoFill(destination: RangeProxy | string, autoFillType?: string): void {
    this.act("Range.autoFill", [typeof destination === "string" ? destination : "range", autoFillType ?? "FillDefault"], (a) => {
      if (this.excel.apiVersion < 9) throw new FakeOfficeError("ApiNotFound", "autoFill needs ExcelApi 1.9");
      if (autoFillType !== undefined && autoFillType !== "FillCopy" && autoFillType !== "FillDefault") throw new Error(`fake: autoFill ${autoFillType} not supported`);
      const d = typeof destination === "string" ? { sheet: a.sheet, box: fakeParse(destination).box } : destination.resolve();
      if (!d || d.sheet !== a.sheet || d.box.left !== a.box.left || d.box.right !== a.box.right || d.box.top !== a.box.top || d.box.bottom < a.box.bottom) {
        throw new FakeOfficeError("InvalidArgument", "The destination must extend the source down.");
      }
      assertWritable(a.sheet);
      logWrite(this.excel, d, "autoFill");
      const height = a.box.bottom - a.box.top + 1;
      for (let row = a.box.bottom + 1; row <= d.box.bottom; row++) {
        const from = a.box.top + ((row - a.box.top) % height);
        for (let column = a.box.left; column <= a.box.right; column++) {
          const source = a.sheet.get(from, column);
          const cell = a.sheet.cell(row, column);
          cell.numberFormat = source?.numberFormat ?? "General";
          cell.fill = source?.fill ?? null;
          cell.fontColor = source?.fontColor ?? null;
          cell.bold = source?.bold ?? false;
          if (source?.formula) {
            cell.formula = `=${fakeShiftRows(source.formula.slice(1), row - from)}`;
            cell.value = this.excel.calculate ? this.excel.calculate(cell.formula.slice(1), { sheet: a.sheet, row, column }) : null;
          } else {
            cell.formula = null;
            cell.value = source?.value ?? null;
          }
        }
      }
    });
  }
  /** ExcelApi 1.6: https://learn.microsoft.com/javascript/api/excel/excel.conditionalformatcollection */
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    if (this.excel.apiVersion < 6) throw new FakeOfficeError("ApiNotFound", "conditionalFormats needs ExcelApi 1.6");
    return new ConditionalFormatCollectionProxy(this.ctx, this.node.child("conditionalFormats", [], false), () => this.resolve());
  }
  set numberFormat(formats: unknown[][]) {
    this.act("Range.numberFormat", [formats], (a) => {
      assertWritable(a.sheet);
      const broadcast = checkShape(a.box, formats, true);
      logWrite(this.excel, a, "numberFormat");
      for (let r = a.box.top; r <= a.box.bottom; r++)
        for (let c = a.box.left; c <= a.box.right; c++) {
          const f = broadcast ? formats[0]?.[0] : formats[r - a.box.top]?.[c - a.box.left];
          if (f !== null && f !== undefined) a.sheet.cell(r, c).numberFormat = String(f);
        }
    });
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  set hyperlink(link: FakeHyperlink) {
    this.act("Range.hyperlink", [link], (a) =>
      forEachCell(this.excel, a, "hyperlink", (c) => {
        c.hyperlink = { ...link };
        if (link.textToDisplay !== undefined) {
          c.value = link.textToDisplay;
          c.formula = null;
        }
      }),
    );
  }
  get hyperlink(): FakeHyperlink {
    return this.read("hyperlink");
  }
  get address(): string {
    return this.read("address");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get cellCount(): number {
    return this.read("cellCount");
  }
  clear(applyTo?: string): void {
    this.act("Range.clear", [applyTo ?? "All"], (a) => {
      const mode = applyTo ?? "All";
      assertWritable(a.sheet);
      this.excel.events.push({ kind: "clear", sheet: a.sheet.name, box: a.box, applyTo: mode });
      for (let r = a.box.top; r <= Math.min(a.box.bottom, MAX_ROWS); r++)
        for (let c = a.box.left; c <= a.box.right; c++) {
          const cell = a.sheet.get(r, c);
          if (!cell) continue;
          if (mode === "All" || mode === "Contents") {
            cell.value = null;
            cell.formula = null;
          }
          if (mode === "All" || mode === "Formats") {
            cell.numberFormat = "General";
            cell.fill = null;
            cell.fontColor = null;
            cell.bold = false;
            cell.underline = false;
          }
          if (mode === "All" || mode === "Hyperlinks") cell.hyperlink = null;
        }
    });
  }
  select(): void {
    this.act("Range.select", [], (a) => {
      this.excel.workbook.selection = { sheet: a.sheet.name, box: a.box };
      this.excel.events.push({ kind: "select", sheet: a.sheet.name, box: a.box });
    });
  }
  load(select?: string | string[]): this {
    const props = splitSelect(select);
    this.loadWith("Range", props.join(","), (a) => {
      /** A grid of what each cell gives (null above `nullValuesAboveCells`; too many cells fail). */
      const grid = (cellValue: (cell: FakeCell | undefined) => unknown) => () => {
        const nullAbove = this.excel.nullValuesAboveCells;
        if (nullAbove !== null && cellsIn(a.box) > nullAbove) return null;
        if (cellsIn(a.box) > this.excel.limits.cellsPerRead) throw new FakeOfficeError("RangeExceedsLimit", "Too many cells");
        const rows: unknown[][] = [];
        for (let r = a.box.top; r <= a.box.bottom; r++) {
          const row: unknown[] = [];
          for (let c = a.box.left; c <= a.box.right; c++) row.push(cellValue(a.sheet.get(r, c)));
          rows.push(row);
        }
        return rows;
      };
      return snapshot("Range", props, {
        address: () => fakeAddress(a.sheet.name, a.box),
        rowCount: () => a.box.bottom - a.box.top + 1,
        columnCount: () => a.box.right - a.box.left + 1,
        cellCount: () => cellsIn(a.box),
        values: grid((cell) => cell?.value ?? ""),
        numberFormat: grid((cell) => cell?.numberFormat ?? "General"),
        formulas: grid((cell) => cell?.formula ?? cell?.value ?? ""),
      });
    });
    return this;
  }
}

/** A formula's relative row references moved by `delta` rows (text in double quotes left alone). */
export function fakeShiftRows(formula: string, delta: number): string {
  return formula
    .split('"')
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/(?<![A-Za-z0-9_.$\\])(\$?[A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_.(])/g, (_m, col: string, abs: string, row: string) => `${col}${abs}${abs === "$" ? row : Number(row) + delta}`),
    )
    .join('"');
}

/** `box` minus `cut`: up to four boxes. */
export function subtractBox(box: Box, cut: Box): Box[] {
  if (cut.bottom < box.top || cut.top > box.bottom || cut.right < box.left || cut.left > box.right) return [box];
  const out: Box[] = [];
  if (cut.top > box.top) out.push({ ...box, bottom: cut.top - 1 });
  if (cut.bottom < box.bottom) out.push({ ...box, top: cut.bottom + 1 });
  const top = Math.max(box.top, cut.top);
  const bottom = Math.min(box.bottom, cut.bottom);
  if (cut.left > box.left) out.push({ top, bottom, left: box.left, right: cut.left - 1 });
  if (cut.right < box.right) out.push({ top, bottom, left: cut.right + 1, right: box.right });
  return out;
}

/**
 * A range's conditional formats (ExcelApi 1.6), as documented: `add(type)` adds one to the range
 * and returns it; `clearAll()` "clears all conditional formats active on the current specified
 * range" (a format that also covers other cells keeps those); `getCount()`. `Range.clear` does not
 * touch them in this fake (Balans clears them explicitly).
 */
class ConditionalFormatCollectionProxy extends ResolvedProxy<Area> {
  add(type: string): ConditionalFormatProxy {
    return this.queueAdd(ConditionalFormatProxy, "ConditionalFormatCollection", [type], "Conditional format", () => {
      const a = this.resolve();
      if (a === null) return null; // a no-op on a null range, as `act`
      assertWritable(a.sheet);
      if (type !== "CellValue") throw new Error(`fake: conditional format type ${type} not supported`);
      const added: FakeConditionalFormat = { boxes: [{ ...a.box }], type, rule: null, fill: null, font: null };
      a.sheet.conditionalFormats.push(added);
      logWrite(this.excel, a, "conditionalFormat");
      return added;
    });
  }
  clearAll(): void {
    this.act("ConditionalFormatCollection.clearAll", [], (a) => {
      assertWritable(a.sheet);
      this.excel.events.push({ kind: "clear", sheet: a.sheet.name, box: a.box, applyTo: "ConditionalFormats" });
      const list = a.sheet.conditionalFormats;
      for (let i = list.length - 1; i >= 0; i--) {
        const f = list[i] as FakeConditionalFormat;
        f.boxes = f.boxes.flatMap((b) => subtractBox(b, a.box));
        if (f.boxes.length === 0) list.splice(i, 1);
      }
    });
  }
}

type FakeRule = NonNullable<FakeConditionalFormat["rule"]>;

class ConditionalFormatProxy extends ResolvedProxy<FakeConditionalFormat> {
  readonly cellValue: { format: { fill: { color: string }; font: { color: string } }; rule: FakeRule };
  constructor(ctx: FakeContext, node: PathNode, resolver: () => FakeConditionalFormat | null) {
    super(ctx, node, resolver);
    const cv = node.child("cellValue", [], false);
    const format = cv.child("format", [], false);
    const fillNode = format.child("fill", [], false);
    const fontNode = format.child("font", [], false);
    this.cellValue = setOnly<{ rule: FakeRule }, { format: { fill: { color: string }; font: { color: string } } }>(
      { rule: (v) => this.act("CellValueConditionalFormat.rule", [v], (f) => (f.rule = { ...v }), cv) },
      {
        format: {
          fill: setOnly<{ color: string }>({ color: (v) => this.act("ConditionalRangeFill.color", [v], (f) => (f.fill = v), fillNode) }),
          font: setOnly<{ color: string }>({ color: (v) => this.act("ConditionalRangeFont.color", [v], (f) => (f.font = v), fontNode) }),
        },
      },
    );
  }
}

function checkShape(box: Box, grid: unknown[][], allowBroadcast: boolean): boolean {
  const rows = box.bottom - box.top + 1;
  const cols = box.right - box.left + 1;
  if (allowBroadcast && grid.length === 1 && grid[0]?.length === 1) return true;
  if (grid.length !== rows || grid.some((r) => r.length !== cols)) {
    throw new FakeOfficeError("InvalidArgument", `Array of ${grid.length}x${grid[0]?.length ?? 0} does not fit range of ${rows}x${cols}`);
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Tables

/** A sheet's tables, or with `sheetResolver` null the workbook's (`workbook.tables`). */
class TableCollectionProxy extends CollectionProxy<FakeSheet, TableProxy> {
  constructor(
    ctx: FakeContext,
    node: PathNode,
    private readonly sheetResolver: (() => FakeSheet | null) | null,
  ) {
    super(ctx, node);
  }
  resolve(): FakeSheet | null {
    if (!this.sheetResolver) throw new Error("fake: workbook.tables supports load() and items only");
    return this.sheetResolver();
  }
  private inScope(): FakeTable[] | null {
    if (!this.sheetResolver) return this.excel.workbook.tables;
    const sheet = this.sheetResolver();
    return sheet ? this.excel.workbook.tablesOn(sheet) : null;
  }
  getItem(name: string): TableProxy {
    return this.item(
      TableProxy,
      "getItem",
      [name],
      () => {
        const sheet = this.resolve();
        return sheet ? this.excel.workbook.tablesOn(sheet).find((x) => sameName(x.name, name)) : undefined;
      },
      `No table ${name}`,
    );
  }
  add(address: string, hasHeaders: boolean): TableProxy {
    return this.queueAdd(TableProxy, "TableCollection", [address, hasHeaders], "Table", () => {
      const sheet = this.resolve();
      if (!sheet) throw new FakeOfficeError("ItemNotFound", "No sheet");
      assertWritable(sheet);
      const box = fakeParse(address).box;
      const wb = this.excel.workbook;
      for (const t of wb.tablesOn(sheet)) {
        const tb = tableBox(t);
        if (!(tb.bottom < box.top || tb.top > box.bottom || tb.right < box.left || tb.left > box.right)) {
          throw new FakeOfficeError("InvalidOperation", "Tables overlap");
        }
      }
      const columns: string[] = [];
      for (let c = box.left; c <= box.right; c++) {
        const v = hasHeaders ? sheet.value(box.top, c) : null;
        columns.push(v === null || v === "" ? `Column${c - box.left + 1}` : String(v));
      }
      let n = wb.tables.length + 1;
      while (wb.tables.some((t) => t.name === `Table${n}`)) n++;
      const headerRow = hasHeaders ? box.top : box.top - 1;
      const added: FakeTable = { name: `Table${n}`, sheet, headerRow, left: box.left, columns, dataRows: Math.max(1, box.bottom - headerRow), showHeaders: true, showTotals: false };
      wb.tables.push(added);
      this.excel.events.push({ kind: "add-table", sheet: sheet.name, table: added.name, box });
      return added;
    });
  }
  load(select?: string | string[]): this {
    this.loadItems(
      "TableCollection",
      itemProps(select),
      () => this.inScope(),
      snapshotTable,
      (t, data) => TableProxy.loaded(this.ctx, this.node, t, data),
    );
    return this;
  }
}

function snapshotTable(t: FakeTable, props: string[]): Record<string, unknown> {
  return snapshot(
    "Table",
    props,
    {
      name: () => t.name,
      showHeaders: () => t.showHeaders,
      showTotals: () => t.showTotals,
      "columns/items/name": () => t.columns.map((name) => ({ name })),
      "rows/count": () => ({ count: t.dataRows }),
      "worksheet/name": () => ({ name: t.sheet.name }),
    },
    { name: t.name },
  );
}

function tableBox(t: FakeTable): Box {
  return { top: t.headerRow, left: t.left, bottom: t.headerRow + t.dataRows + (t.showTotals ? 1 : 0), right: t.left + t.columns.length - 1 };
}

class TableProxy extends ResolvedProxy<FakeTable> {
  readonly columns: TableColumnCollectionProxy;
  private loadedColumns: { name: string }[] | undefined;
  private loadedRows: { count: number } | undefined;
  constructor(ctx: FakeContext, node: PathNode, resolver: () => FakeTable | null) {
    super(ctx, node, resolver);
    this.columns = new TableColumnCollectionProxy(
      ctx,
      node.child("columns", [], false),
      () => this.resolve(),
      () => this.loadedColumns,
    );
  }
  /** A table proxy that arrives loaded in a collection's items. */
  static loaded(ctx: FakeContext, parent: PathNode, table: FakeTable, data: Record<string, unknown>): TableProxy {
    const { columns, rows, ...rest } = data;
    const p = new TableProxy(ctx, parent.child("getItem", [data.name]), () => table).markLoaded(rest);
    p.loadedColumns = columns as { name: string }[] | undefined;
    p.loadedRows = rows as { count: number } | undefined;
    return p;
  }
  /** Only `worksheet/name` can be loaded through a table in this fake. */
  get worksheet(): { name: string } {
    const ws = this.loaded.worksheet as { name: string } | undefined;
    return {
      get name(): string {
        if (!ws) throw notLoaded("name");
        return ws.name;
      },
    };
  }
  get rows(): { count: number } {
    const rows = this.loadedRows;
    return {
      get count(): number {
        if (!rows) throw notLoaded("count");
        return rows.count;
      },
    };
  }
  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.act("Table.name", [value], (t) => {
      if (this.excel.workbook.tables.some((x) => x !== t && sameName(x.name, value))) {
        throw new FakeOfficeError("InvalidArgument", `Table name ${value} taken`);
      }
      t.name = value;
    });
  }
  get showHeaders(): boolean {
    return this.read("showHeaders");
  }
  get showTotals(): boolean {
    return this.read("showTotals");
  }
  /** A range of this table (a null object on a null table, with no `nullObjectMethodsThrow` check). */
  private range(name: string, f: (t: FakeTable) => Box): RangeProxy {
    return this.derive(
      RangeProxy,
      name,
      [],
      (t) => ({ sheet: t.sheet, box: f(t) }),
      () => this.resolve(),
    );
  }
  getDataBodyRange(): RangeProxy {
    return this.range("getDataBodyRange", (t) => ({ top: t.headerRow + 1, bottom: t.headerRow + t.dataRows, left: t.left, right: t.left + t.columns.length - 1 }));
  }
  getHeaderRowRange(): RangeProxy {
    return this.range("getHeaderRowRange", (t) => ({ top: t.headerRow, bottom: t.headerRow, left: t.left, right: t.left + t.columns.length - 1 }));
  }
  getRange(): RangeProxy {
    return this.range("getRange", tableBox);
  }
}

class TableColumnCollectionProxy extends ResolvedProxy<FakeTable> {
  constructor(
    ctx: FakeContext,
    node: PathNode,
    resolver: () => FakeTable | null,
    private readonly loadedItems: () => { name: string }[] | undefined,
  ) {
    super(ctx, node, resolver);
  }
  get items(): { name: string }[] {
    const items = this.loadedItems();
    if (!items) throw notLoaded("items");
    return items;
  }
  getItem(name: string): TableColumnProxy {
    return new TableColumnProxy(this.ctx, this.node.child("getItem", [name]), () => {
      const t = this.resolve();
      if (!t) return null;
      const index = t.columns.findIndex((c) => sameName(c, name));
      if (index < 0) throw new FakeOfficeError("ItemNotFound", `No column ${name}`);
      return { table: t, index };
    });
  }
  add(index?: number | null, values?: unknown, name?: string): TableColumnProxy {
    let bound: { table: FakeTable; index: number } | null = null;
    const proxy = new TableColumnProxy(this.ctx, this.node.child("add", [index ?? null, values ?? null, name ?? null]), () => bound);
    this.ctx.queue(this.node, "TableColumnCollection.add", [index ?? null, values ?? null, name ?? null], () => {
      const t = this.resolve();
      if (!t) return;
      assertWritable(t.sheet);
      if (index !== undefined && index !== null && index !== -1 && index !== t.columns.length) {
        throw new Error("fake: TableColumnCollection.add only appends");
      }
      if (values !== undefined && values !== null) throw new Error("fake: TableColumnCollection.add without values only");
      const column = t.left + t.columns.length;
      let header = name ?? `Column${t.columns.length + 1}`;
      while (t.columns.some((c) => sameName(c, header))) header += "2";
      t.columns.push(header);
      const cell = t.sheet.cell(t.headerRow, column);
      cell.value = header;
      cell.formula = null;
      for (let r = t.headerRow + 1; r <= t.headerRow + t.dataRows; r++) {
        const c = t.sheet.get(r, column);
        if (c) {
          c.value = null;
          c.formula = null;
        }
      }
      bound = { table: t, index: t.columns.length - 1 };
      this.excel.events.push({ kind: "add-column", sheet: t.sheet.name, table: t.name, name: header });
      logWrite(this.excel, { sheet: t.sheet, box: { top: t.headerRow, bottom: t.headerRow, left: column, right: column } }, "header");
    });
    return proxy;
  }
}

class TableColumnProxy extends ResolvedProxy<{ table: FakeTable; index: number }> {
  getDataBodyRange(): RangeProxy {
    return this.derive(
      RangeProxy,
      "getDataBodyRange",
      [],
      (c) => {
        const column = c.table.left + c.index;
        return { sheet: c.table.sheet, box: { top: c.table.headerRow + 1, bottom: c.table.headerRow + c.table.dataRows, left: column, right: column } };
      },
      () => this.resolve(),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Charts

class ChartCollectionProxy extends ResolvedProxy<FakeSheet> {
  add(type: string, source: RangeProxy, seriesBy?: string): ChartProxy {
    let bound: FakeChart | null = null;
    const node = this.node.child("add", [type, "range", seriesBy ?? "Auto"]);
    this.ctx.queue(this.node, "ChartCollection.add", [type, seriesBy ?? "Auto"], () => {
      const sheet = this.resolve();
      const a = source.resolve();
      if (!sheet || !a) throw new FakeOfficeError("InvalidArgument", "No chart source");
      assertWritable(sheet);
      bound = { type, source: fakeAddress(a.sheet.name, a.box), seriesBy: seriesBy ?? "Auto", xValues: null, seriesName: null, title: null, legendVisible: true, position: null };
      sheet.charts.push(bound);
      this.excel.events.push({ kind: "add-chart", sheet: sheet.name, type });
    });
    return new ChartProxy(this.ctx, node, () => bound);
  }
  load(_select?: string | string[]): this {
    this.ctx.queueLoad(this.node, "ChartCollection", "items/name", () => {
      const sheet = this.resolve();
      const charts = sheet ? [...sheet.charts] : [];
      const data = charts.map((c, i) => ({ name: c.title ?? `Chart ${i + 1}` }));
      return {
        data,
        commit: () => {
          this.nullState = sheet === null;
          this.loaded.items = charts.map((c, i) => loadedItem(ChartProxy, this.node.child("getItemAt", [i]), c, () => sheet?.charts ?? [], { name: data[i]?.name ?? "" }));
        },
      };
    });
    return this;
  }
  get items(): ChartProxy[] {
    return this.read("items");
  }
}

class ChartProxy extends ResolvedProxy<FakeChart> {
  readonly title: { text: string };
  readonly legend: { visible: boolean };
  readonly series: { getItemAt: (index: number) => SeriesProxy; add: (name?: string) => SeriesProxy };
  constructor(ctx: FakeContext, node: PathNode, resolver: () => FakeChart | null) {
    super(ctx, node, resolver);
    const titleNode = node.child("title", [], false);
    const legendNode = node.child("legend", [], false);
    const seriesNode = node.child("series", [], false);
    this.title = setOnly<{ text: string }>({ text: (v) => this.act("ChartTitle.text", [v], (c) => (c.title = v), titleNode) });
    this.legend = setOnly<{ visible: boolean }>({ visible: (v) => this.act("ChartLegend.visible", [v], (c) => (c.legendVisible = v), legendNode) });
    this.series = {
      getItemAt: (index: number) => new SeriesProxy(ctx, seriesNode.child("getItemAt", [index]), () => this.resolve(), index),
      add: (name?: string) => {
        let index = -1;
        ctx.queue(seriesNode, "ChartSeriesCollection.add", [name ?? null], () => {
          if (ctx.excel.apiVersion < 7) throw new FakeOfficeError("ApiNotFound", "ChartSeriesCollection.add needs ExcelApi 1.7");
          const c = this.resolve();
          if (!c) throw new FakeOfficeError("ItemNotFound", "No chart");
          c.moreSeries ??= [];
          c.moreSeries.push({ name: name ?? null, values: null, xValues: null });
          index = c.moreSeries.length;
        });
        return new SeriesProxy(
          ctx,
          seriesNode.child("add", [name ?? null]),
          () => this.resolve(),
          () => index,
        );
      },
    };
  }
  get name(): string {
    return this.read("name");
  }
  delete(): void {
    this.ctx.queue(this.node, "Chart.delete", [], () => {
      const c = this.resolve();
      if (!c) throw new FakeOfficeError("ItemNotFound", "No chart");
      for (const sheet of this.excel.workbook.sheets) {
        const i = sheet.charts.indexOf(c);
        if (i < 0) continue;
        assertWritable(sheet);
        sheet.charts.splice(i, 1);
        this.excel.events.push({ kind: "delete-chart", sheet: sheet.name });
      }
    });
  }
  setPosition(start: string, end?: string): void {
    this.act("Chart.setPosition", [start, end ?? null], (c) => (c.position = end ? `${start}:${end}` : start));
  }
}

/**
 * One series of a chart: index 0 is the series the chart was made with (the FakeChart's own
 * fields), later ones were added with `series.add` (ExcelApi 1.7, `moreSeries`).
 */
class SeriesProxy extends ResolvedProxy<FakeChart> {
  constructor(
    ctx: FakeContext,
    node: PathNode,
    resolver: () => FakeChart | null,
    private readonly index: number | (() => number),
  ) {
    super(ctx, node, resolver);
  }
  private added(c: FakeChart): FakeSeries | null {
    const i = typeof this.index === "number" ? this.index : this.index();
    if (i === 0) return null;
    const s = c.moreSeries?.[i - 1];
    if (!s) throw new FakeOfficeError("ItemNotFound", `No series ${i}`);
    return s;
  }
  /**
   * Queues `ChartSeries.what`, which sets `key` of this series to `value(chart)`: on the first series
   * (the chart's own fields) the chart's `firstKey`.
   */
  private setField(what: string, args: unknown[], key: keyof FakeSeries, firstKey: "seriesName" | "xValues" | "source", value: (c: FakeChart) => string): void {
    this.act(`ChartSeries.${what}`, args, (c) => {
      const v = value(c);
      const s = this.added(c);
      if (s) s[key] = v;
      else c[firstKey] = v;
    });
  }
  /** The address of `range` when the actions run. */
  private static addressOf(range: RangeProxy): string {
    const a = range.resolve();
    if (!a) throw new FakeOfficeError("InvalidArgument", "No range");
    return fakeAddress(a.sheet.name, a.box);
  }
  set name(v: string) {
    this.setField("name", [v], "name", "seriesName", () => v);
  }
  get name(): string {
    return this.read("name");
  }
  setXAxisValues(range: RangeProxy): void {
    this.setField("setXAxisValues", ["range"], "xValues", "xValues", () => SeriesProxy.addressOf(range));
  }
  /** ExcelApi 1.7. For the first series it replaces the chart's source values. */
  setValues(range: RangeProxy): void {
    this.setField("setValues", ["range"], "values", "source", () => SeriesProxy.addressOf(range));
  }
}

// ---------------------------------------------------------------------------------------------
// Entry point

export class FakeExcel {
  readonly workbook = new FakeWorkbook();
  readonly syncs: SyncRecord[] = [];
  readonly events: FakeEvent[] = [];
  limits: FakeLimits = { requestBytes: 5 * 1024 * 1024, responseBytes: 5 * 1024 * 1024, cellsPerRead: 5_000_000 };
  /** The next this-many syncs fail with InvalidOperationInCellEditMode. */
  cellEditModeSyncs = 0;
  /** Requirement sets reported as supported by `supports`. @default every ExcelApi set */
  apiVersion = 99;
  /** Calling a method on a null object fails the sync (a host that refuses what Microsoft does not document). */
  nullObjectMethodsThrow = false;
  /** Ranges with more cells than this return `values`/`numberFormat` as null (null: never). */
  nullValuesAboveCells: number | null = null;
  /**
   * Computes the cached value of a formula written with `Range.formulas` (its text without "=",
   * and where it is). Null: the fake does not calculate, and the cell's value is null.
   */
  calculate: ((formula: string, at: { sheet: FakeSheet; row: number; column: number }) => string | number | boolean | null) | null = null;
  /** Called before each round trip runs, with the number of round trips before it (a co-author's edits). */
  beforeSync: ((syncsBefore: number) => void) | null = null;
  /** Registered `Worksheet.onChanged` handlers, by sheet name (issue 11). */
  readonly changeHandlers: { sheet: string; handler: FakeChangedHandler }[] = [];

  /** Raises `Worksheet.onChanged` on `sheet` as Excel does after a user's edit (issue 11). */
  async fireChanged(sheet: string, address: string): Promise<void> {
    for (const h of this.changeHandlers.filter((x) => x.sheet === sheet)) {
      await h.handler({ address, worksheetId: sheet, changeType: "RangeEdited", source: "Local", type: "WorksheetChanged" });
    }
  }

  /** A new request context (as `Excel.run` would give), typed as the real one for the code under test. */
  context(): Excel.RequestContext {
    return new FakeContext(this) as unknown as Excel.RequestContext;
  }

  /** `Excel.run` over this fake. */
  readonly run: ExcelRunner = async (batch) => {
    const context = this.context();
    const result = await batch(context);
    await context.sync();
    return result;
  };

  readonly supports = (version: string): boolean => Number(version.split(".")[1] ?? 0) <= this.apiVersion;

  /** Successful and failed round trips so far. */
  get syncCount(): number {
    return this.syncs.length;
  }

  get largestRequestBytes(): number {
    return this.syncs.reduce((m, s) => Math.max(m, s.requestBytes), 0);
  }

  get largestResponseBytes(): number {
    return this.syncs.reduce((m, s) => Math.max(m, s.responseBytes), 0);
  }

  /** Forgets the recorded syncs and events (keeps the workbook). */
  resetLog(): void {
    this.syncs.length = 0;
    this.events.length = 0;
  }
}
