/**
 * The bad-input corpus (test/fixtures/corpus/): every case is analysed with a fixed today, and
 * the engine must report exactly the expected problems, still process the rest, never throw,
 * never mutate its input, and plan writes only into the column and the sheet Balans owns.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Decimal from "decimal.js";
import { prepare } from "../../../src/app/prepare";
import { defaultOptions, OWNED_COLUMN_HEADER, SUMMARY_SHEET_NAME } from "../../../src/domain";
import { toJsonAmount } from "../../../src/domain/formatAmount";
import { columnLetter } from "../../../src/domain/columnLetter";
import { asDefinedNames, ONCE_NOTICES, type NoticeCode } from "../../../src/domain/ownership";
import { AGREEMENT_STYLES, FOLLOW_UP_STYLES } from "../../../src/domain/statusLabels";
import type { Analysis, CellValue, Plan, Problem, RecognisedTable, SheetData, WorkbookData } from "../../../src/domain/types";
import { CORPUS } from "../../fixtures/corpus";
import { DEFAULT_TODAY, type CorpusCase, type CorpusResult, type ExpectedProblem } from "../../fixtures/corpus/corpusCase";

const CORPUS_DIR = join(__dirname, "../../fixtures/corpus");

/** What `balans apply`, Kontrollera + Summering and the pane see: the one prepare step. */
function run(c: CorpusCase, workbook: WorkbookData = c.workbook): CorpusResult {
  const { analysis, plan, notices } = prepare(workbook, defaultOptions(c.today ?? DEFAULT_TODAY), "report");
  return { workbook, analysis, plan, flags: plan.statusColumns, summary: plan.summary, notices };
}

/** The workbook as a string: every row that holds something (by index), the lengths, tables, merges, names. Cheap for sparse sheets. */
function fingerprint(workbook: WorkbookData): string {
  return JSON.stringify({
    ...workbook,
    sheets: workbook.sheets.map((s) => ({ ...s, rows: s.values.length, values: s.values.flatMap((row, i) => (row.length === 0 ? [] : [[i, row.length, ...row]])) })),
  });
}

const isOnce = (p: Problem) => p.code !== undefined && ONCE_NOTICES.has(p.code as NoticeCode);


function cellAt(sheet: SheetData, row: number, col: number): CellValue | undefined {
  return sheet.values[row - sheet.top]?.[col - sheet.left];
}

function show(p: { sheet: string; table: string; row: number | null; column: string | null; message: string | RegExp }): string {
  return `${p.sheet} | ${p.table} | ${p.row ?? "-"} | ${p.column ?? "-"} | ${String(p.message)}`;
}

function matches(actual: Problem, expected: ExpectedProblem): boolean {
  if (actual.sheet !== expected.sheet || actual.table !== expected.table || actual.row !== expected.row || actual.column !== expected.column) return false;
  return typeof expected.message === "string" ? actual.message.includes(expected.message) : expected.message.test(actual.message);
}

/** Pairs expected and actual problems one to one; what is left over on either side is wrong. */
function compareProblems(actual: Problem[], expected: ExpectedProblem[]): { missing: string[]; unexpected: string[] } {
  const used = new Set<number>();
  const missing: string[] = [];
  for (const e of expected) {
    const i = actual.findIndex((a, k) => !used.has(k) && matches(a, e));
    if (i === -1) missing.push(show(e));
    else used.add(i);
  }
  return { missing, unexpected: actual.filter((_, k) => !used.has(k)).map(show) };
}

const amount = (d: Decimal | null) => (d === null ? null : toJsonAmount(d));

function fundsView(a: Analysis) {
  return a.funds.map((y) => ({
    year: y.year,
    allocated: amount(y.total.allocated),
    distributed: amount(y.total.distributed),
    areas: y.areas.map((x) => [x.area, amount(x.allocated), amount(x.distributed)]),
    parties: y.parties.map((p) => [p.party, amount(p.distributed)]),
  }));
}

const isStatusTable = (t: RecognisedTable) => t.kind === "balanslista" || t.kind === "agreements";
const plannedColumn = (t: RecognisedTable) => (t.ownedColumn !== null ? t.firstColumn + t.ownedColumn : t.lastColumn + 1);

/** The follow-ups and agreements of each table, in the engine's order (table by table, row by row). */
function labelsByTable(a: Analysis): Map<RecognisedTable, Map<number, string>> {
  const out = new Map<RecognisedTable, Map<number, string>>();
  let f = 0;
  let g = 0;
  for (const t of a.tables) {
    const labels = new Map<number, string>();
    for (const r of t.rows) {
      if (t.kind === "balanslista") {
        const fu = a.followUps[f++];
        if (fu) labels.set(r.row, FOLLOW_UP_STYLES[fu.status].label);
      } else if (t.kind === "agreements") {
        const ag = a.agreements[g++];
        if (ag) labels.set(r.row, AGREEMENT_STYLES[ag.status].label);
      }
    }
    out.set(t, labels);
  }
  return out;
}

/**
 * What the adapters do with the plan: write header and labels (an Excel table grows by one
 * column), the summary sheet (a new one, or the owned one rewritten in place), and the record.
 */
function applyPlan(workbook: WorkbookData, plan: Plan): WorkbookData {
  const flags = plan.statusColumns;
  // Copy on write: the rows of a sparse sheet (a million shared empty rows) are not cloned one by one.
  const wb: WorkbookData = { ...workbook, sheets: workbook.sheets.map((s) => ({ ...s, values: s.values.slice(), tables: s.tables.map((t) => ({ ...t })) })) };
  const put = (sheet: SheetData, row: number, col: number, value: CellValue) => {
    while (sheet.values.length <= row - sheet.top) sheet.values.push([]);
    const line = [...(sheet.values[row - sheet.top] ?? [])];
    while (line.length <= col - sheet.left) line.push(null);
    line[col - sheet.left] = value;
    sheet.values[row - sheet.top] = line;
  };
  for (const p of flags) {
    const sheet = wb.sheets.find((s) => s.name === p.sheet);
    if (!sheet) throw new Error(`no sheet ${p.sheet}`);
    put(sheet, p.headerRow, p.column, p.header);
    for (const c of p.cells) put(sheet, c.row, p.column, c.label);
    const table = sheet.tables.find((t) => p.table !== "" && t.name === p.table);
    if (table && !p.exists && p.column === table.firstColumn + table.columnCount) table.columnCount += 1;
  }
  if (plan.summary) {
    const { name, existing, cells } = plan.summary;
    if (existing == null) expect(wb.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())).toBe(false);
    else expect(wb.sheets.some((s) => s.name === existing)).toBe(true);
    const sheet: SheetData = wb.sheets.find((s) => s.name === existing) ?? { name, top: 1, left: 1, values: [], tables: [] };
    if (existing == null) wb.sheets.push(sheet);
    sheet.values = [];
    sheet.top = 1;
    sheet.left = 1;
    for (const cell of cells) put(sheet, cell.row, cell.col, cell.value);
  }
  const removed = new Set([...(plan.removeNames ?? []), ...(plan.names ?? []).map((n) => n.name)].map((n) => n.toLowerCase()));
  wb.names = [...(wb.names ?? []).filter((n) => !removed.has(n.name.toLowerCase())), ...asDefinedNames(plan.names ?? [])];
  return wb;
}

describe("the corpus itself", () => {
  const files = readdirSync(join(CORPUS_DIR, "cases")).filter((f) => f.endsWith(".ts")).map((f) => f.replace(/\.ts$/u, "")).sort();

  it("has at least 40 cases, each file listed once under its own name", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(40);
    expect(CORPUS.map((c) => c.name).sort()).toEqual(files);
  });

  it("lists every case in README.md", () => {
    const readme = readFileSync(join(CORPUS_DIR, "README.md"), "utf8");
    expect(files.filter((f) => !readme.includes(`\`${f}\``))).toEqual([]);
  });

  it("names a case error.* exactly when it expects a problem", () => {
    const wrong = CORPUS.filter((c) => c.name.startsWith("error.") !== c.problems.some((p) => p.notice !== true)).map((c) => c.name);
    expect(wrong).toEqual([]);
  });

  it("has at least 25 cases about ownership, merges, protection, cell types and sparse sheets", () => {
    expect(CORPUS.filter((c) => c.name.includes("ownership") || c.name.includes("merge") || c.name.includes("protect") || c.name.includes("locked") ||
      c.name.includes("neighbour") || c.name.includes("adopt") || c.name.includes("cached") || c.name.includes("iso-date") || c.name.includes("sparse")).length).toBeGreaterThanOrEqual(25);
  });
});

describe.each(CORPUS.map((c) => [c.name, c] as const))("corpus %s", (_name, c) => {
  let cached: CorpusResult | null = null;
  const result = (): CorpusResult => (cached ??= run(c));

  it("is analysed and planned without throwing, and without mutating its input", () => {
    const before = fingerprint(c.workbook);
    expect(() => result()).not.toThrow();
    expect(fingerprint(c.workbook)).toBe(before);
  });

  it("reports exactly the expected problems, with sheet, table, row and column", () => {
    const { missing, unexpected } = compareProblems(result().analysis.problems, c.problems);
    expect({ missing, unexpected: c.otherProblemsAllowed ? [] : unexpected }).toEqual({ missing: [], unexpected: [] });
  });

  it("names only real places in its problems", () => {
    const { analysis } = result();
    for (const p of analysis.problems) {
      // A workbook-level notice (a locked structure) names no sheet.
      if (p.sheet === "" && p.code !== undefined && p.row === null) continue;
      const sheet = c.workbook.sheets.find((s) => s.name === p.sheet);
      expect(sheet).toBeDefined();
      expect(p.table === "" || sheet?.tables.some((t) => t.name === p.table)).toBe(true);
      if (p.row !== null) expect(Number.isInteger(p.row) && p.row >= 1).toBe(true);
      expect(p.message.trim()).not.toBe("");
      expect(p.messageEn.trim()).not.toBe("");
    }
  });

  it("processes the rest of the workbook", () => {
    const { analysis, flags } = result();
    if (c.tables) expect(analysis.tables.map((t) => [t.sheet, t.table, t.kind, t.rows.map((r) => r.row)])).toEqual(c.tables);
    if (c.funds) {
      const view = fundsView(analysis);
      expect(view.map((y) => ({ year: y.year, allocated: y.allocated, distributed: y.distributed }))).toEqual(
        c.funds.map((y) => ({ year: y.year, allocated: y.allocated, distributed: y.distributed })),
      );
      c.funds.forEach((y, i) => {
        if (y.areas) expect(view[i]?.areas).toEqual(y.areas);
        if (y.parties) expect(view[i]?.parties).toEqual(y.parties);
      });
    }
    if (c.followUps) expect(analysis.followUps.map((f) => [f.sheet, f.row, f.title, f.status, f.next])).toEqual(c.followUps);
    if (c.agreements) expect(analysis.agreements.map((a) => [a.sheet, a.row, a.title, a.status, a.validTo])).toEqual(c.agreements);
    if (c.statusColumns) expect(flags.map((p) => [p.sheet, p.table, p.column, p.exists])).toEqual(c.statusColumns);
    const { notices, summary, plan } = result();
    expect(notices.map((n) => [n.code, n.sheet, n.table, n.row])).toEqual(c.notices ?? []);
    const expectedSummary = c.summary === undefined ? { name: SUMMARY_SHEET_NAME, existing: null } : c.summary;
    expect(summary === null ? null : { name: summary.name, existing: summary.existing ?? null }).toEqual(expectedSummary);
    // The cases pin the ownership record; the names of issue 11 (windows, dates columns) are pinned in planLiveStatus.test.ts.
    const isLiveName = (name: string) => /^_Balans_(DueSoonDays|ExpiringDays|Dates_\d+)$/u.test(name);
    if (c.names) expect((plan.names ?? []).filter((n) => !isLiveName(n.name)).map((n) => [n.name, n.refersTo])).toEqual(c.names);
    for (const p of plan.statusColumns) {
      if (p.dates) expect((plan.names ?? []).some((n) => /^_Balans_Dates_\d+$/u.test(n.name) && n.refersTo.endsWith(`$${columnLetter(p.dates?.column ?? 0)}$${p.headerRow}`))).toBe(true);
    }
    expect(plan.removeNames ?? []).toEqual(c.removeNames ?? []);
    c.check?.(result());
  });

  it("adds up: areas and parties sum to each year's total, differences are distributed − allocated", () => {
    for (const y of result().analysis.funds) {
      const areas = y.areas.reduce((s, a) => s.plus(a.distributed), new Decimal(0));
      const parties = y.parties.reduce((s, p) => s.plus(p.distributed), new Decimal(0));
      expect(toJsonAmount(areas)).toBe(toJsonAmount(y.total.distributed));
      expect(toJsonAmount(parties)).toBe(toJsonAmount(y.total.distributed));
      for (const a of y.areas) {
        expect(a.difference === null ? null : toJsonAmount(a.difference)).toBe(a.allocated === null ? null : toJsonAmount(a.distributed.minus(a.allocated)));
      }
      const allocated = y.areas.filter((a) => a.allocated !== null);
      if (allocated.length === 0) expect(y.total.allocated).toBeNull();
      else expect(amount(y.total.allocated)).toBe(toJsonAmount(allocated.reduce((s, a) => s.plus(a.allocated ?? 0), new Decimal(0))));
    }
  });

  it("plans status cells only in the owned column, for the rows of the table's body, with each row's own label", () => {
    const { analysis, flags } = result();
    const labels = labelsByTable(analysis);
    const statusTables = analysis.tables.filter((t) => isStatusTable(t) && !t.blockedOwnedColumn);
    expect(flags).toHaveLength(statusTables.length);
    for (const p of flags) {
      const t = statusTables.find((x) => x.sheet === p.sheet && x.table === p.table && x.headerRow === p.headerRow && plannedColumn(x) === p.column);
      expect(t).toBeDefined();
      if (!t) continue;
      const sheet = c.workbook.sheets.find((s) => s.name === p.sheet);
      expect(sheet).toBeDefined();
      if (!sheet) continue;
      expect(p.header).toBe(OWNED_COLUMN_HEADER);
      expect(p.exists).toBe(t.ownedColumn !== null);
      if (t.ownedColumn === null) {
        // A new column right of the table: every cell it writes holds nothing today (not even "" or a space),
        // lies in no merge and belongs to no other table.
        expect(p.column).toBe(t.lastColumn + 1);
        const occupied: [number, CellValue | undefined][] = [];
        for (const r of [p.headerRow, ...p.cells.map((x) => x.row)]) {
          const v = cellAt(sheet, r, p.column);
          if (v !== null && v !== undefined) occupied.push([r, v]);
          if ((sheet.merges ?? []).some((m) => r >= m.top && r <= m.bottom && p.column >= m.left && p.column <= m.right)) occupied.push([r, "merge"]);
        }
        expect(occupied).toEqual([]);
        const others = sheet.tables.filter((x) => x.name !== t.table && p.column >= x.firstColumn && p.column < x.firstColumn + x.columnCount);
        expect(others.filter((x) => x.headerRow <= t.lastRow && x.headerRow + x.rowCount >= t.headerRow)).toEqual([]);
      } else {
        const head = cellAt(sheet, t.headerRow, p.column);
        expect(typeof head === "string" ? head.trim().toLowerCase() : head).toBe(OWNED_COLUMN_HEADER.toLowerCase());
      }
      // Never inside another recognised table's columns.
      for (const o of analysis.tables.filter((x) => x !== t && x.sheet === t.sheet && x.headerRow <= t.lastRow && x.lastRow >= t.headerRow)) {
        expect(p.column >= o.firstColumn && p.column <= o.lastColumn).toBe(false);
      }
      const skipped = new Set(t.statusRowsSkipped ?? []);
      const body = Array.from({ length: t.lastRow - t.headerRow }, (_, i) => t.headerRow + 1 + i).filter((r) => !skipped.has(r));
      expect(p.cells.map((x) => x.row)).toEqual(body);
      const own = labels.get(t) ?? new Map<number, string>();
      expect(p.cells.map((x) => [x.row, x.label])).toEqual(body.map((r) => [r, own.get(r) ?? ""]));
    }
  });

  it("plans a summary sheet of its own, with in-workbook links and one value per cell", () => {
    const { summary, analysis } = result();
    if (summary === null) return;
    // Never a user's sheet: the owned sheet (by the record or adopted), else a name no sheet has.
    const owner = c.workbook.sheets.find((s) => s.name.toLowerCase() === summary.name.toLowerCase());
    expect(owner === undefined ? null : owner.name).toBe(summary.existing ?? null);
    const seen = new Set<string>();
    for (const cell of summary.cells) {
      expect(Number.isInteger(cell.row) && cell.row >= 1 && Number.isInteger(cell.col) && cell.col >= 1).toBe(true);
      const key = `${cell.row}:${cell.col}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
      if (cell.link) {
        expect(c.workbook.sheets.map((s) => s.name)).toContain(cell.link.sheet);
        expect(cell.link.address).toMatch(/^[A-Z]{1,3}[1-9]\d*$/u);
        expect(cell.value).toMatch(/^Rad \d+$/u);
      }
    }
    // Once-only notices (adoptions, a summary beside a user's sheet) are said, not written, so that a second run writes the same sheet.
    const onSheet = analysis.problems.filter((p) => p.code === undefined || !ONCE_NOTICES.has(p.code as NoticeCode));
    const problemsShown = summary.cells.filter((x) => x.col === 5 && onSheet.some((p) => p.message === x.value));
    expect(problemsShown.length).toBe(Math.min(onSheet.length, 1000));
  });

  it("gives the same results and plans on a second run, after the plan and its record are written, and a third run changes nothing", () => {
    const first = result();
    const written = applyPlan(c.workbook, first.plan);
    const again = run(c, written);
    expect(again.flags).toEqual(first.flags.map((p) => ({ ...p, exists: true, ...(p.dates ? { dates: { ...p.dates, exists: true } } : {}) })));
    expect(again.analysis.followUps).toEqual(first.analysis.followUps);
    expect(again.analysis.agreements).toEqual(first.analysis.agreements);
    expect(fundsView(again.analysis)).toEqual(fundsView(first.analysis));
    // Adoptions are said once: the record holds them afterwards.
    expect(again.analysis.problems).toEqual(first.analysis.problems.filter((p) => !isOnce(p)));
    expect(again.plan.names).toEqual(first.plan.names);
    expect(again.plan.removeNames).toEqual([]);
    expect(again.summary?.name ?? null).toBe(first.summary?.name ?? null);
    if (first.summary) expect(again.summary?.existing).toBe(first.summary.name);
    const third = run(c, applyPlan(written, again.plan));
    expect(third.plan).toEqual(again.plan);
    expect(third.analysis.problems).toEqual(again.analysis.problems);
  });
});

describe("corpus messages", () => {
  it("end every sentence before \"Raden räknas inte med\" with a full stop", () => {
    const analysed = (c: CorpusCase): Problem[] => {
      try {
        return run(c).analysis.problems;
      } catch {
        return []; // reported by the case's own "without throwing" test
      }
    };
    const bad = CORPUS.flatMap((c) =>
      analysed(c).filter((p) => /[^.] Raden räknas inte med/u.test(p.message) || /[^.] The row is left out/u.test(p.messageEn)).map((p) => `${c.name}: ${p.message}`),
    );
    expect(bad).toEqual([]);
  });
});
