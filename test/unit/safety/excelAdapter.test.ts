/**
 * Nothing lost, nothing injected — the Excel adapter. Every corpus case with a recognised table
 * is loaded into the recording fake of the Excel object model (sheets, values, number formats,
 * tables, and a user's formulas, fills and links around them); Kontrollera then Summering run
 * twice through the real actions. Every cell Balans does not own must be as it was, the second
 * run must change nothing, no cell Balans writes may become a formula, and the sync budget holds.
 */
import type { ActionOutcome } from "../../../src/app/port";
import { prepare } from "../../../src/app/prepare";
import { defaultOptions, planSummary, SUMMARY_SHEET_NAME } from "../../../src/domain";
import type { Plan, StatusColumnPlan, SummarySheetPlan } from "../../../src/domain/types";
import { runKontrollera, runSummering, type ActionEnv } from "../../../src/excel/actions";
import { readWorkbook } from "../../../src/excel/readWorkbook";
import { sheetReference } from "../../../src/excel/address";
import { readSession } from "../../../src/excel/readSheets";
import { FakeExcel, blankCell, type FakeCell, type FakeSheet } from "../../support/fakeExcel";
import type { CorpusCase } from "../../fixtures/corpus/corpusCase";
import {
  asExcelHoldsIt,
  CASES_WITH_TABLES,
  cellKey,
  differences,
  excelSerial,
  extrasFor,
  FORMULA_LIKE,
  NOTES_SHEET,
  optionsOf,
  ownedCells as ownedStatusCells,
  stable,
  STATUS_LABELS,
  tableColumnNames,
  unrepresentable,
  type Extra,
} from "./helpers";

/** The cells Balans owns by the plan: the status columns and (issue 11) their dates columns. */
function ownedCells(plan: Plan): Set<string> {
  const owned = ownedStatusCells(plan);
  for (const p of plan.statusColumns) {
    if (!p.dates) continue;
    owned.add(cellKey(p.sheet, p.headerRow, p.dates.column));
    for (const c of p.dates.cells) owned.add(cellKey(p.sheet, c.row, p.dates.column));
  }
  return owned;
}

// ---------------------------------------------------------------------------------------------
// Loading a case into the fake

const html = (rgb: string) => `#${rgb}`;

function putExtra(sheet: FakeSheet, e: Extra): void {
  const cell = sheet.cell(e.row, e.col);
  if (e.value !== undefined) cell.value = e.value;
  if (e.formula !== undefined) cell.formula = `=${e.formula}`;
  if (e.fill !== undefined) cell.fill = html(e.fill);
  if (e.bold === true) cell.bold = true;
  if (e.numFmt !== undefined) cell.numberFormat = e.numFmt;
}

/**
 * The plan with each dates column (issue 11) listed as a column of its own, for the user's extras:
 * they are placed around everything Balans owns (the note right of a new column goes right of the
 * dates column, not into it).
 */
function withDatesColumns(plan: Plan): Plan {
  const dates = plan.statusColumns.flatMap((p) =>
    p.dates ? [{ ...p, column: p.dates.column, exists: p.dates.exists, header: p.dates.header, cells: p.dates.cells.map((d) => ({ row: d.row, label: d.value, fill: null, font: null })), dates: null }] : [],
  );
  return { ...plan, statusColumns: [...plan.statusColumns, ...dates] };
}

/** The case in a fake workbook as Excel holds it, with the user's extras (the same as in the .xlsx test). */
function loadCase(c: CorpusCase, plan: Plan): FakeExcel {
  const excel = new FakeExcel();
  const wb = excel.workbook;
  for (const data of c.workbook.sheets) {
    const sheet = wb.addSheet(data.name);
    data.values.forEach((line, r) =>
      line.forEach((v, k) => {
        if (v === null || v === "") return;
        const cell = sheet.cell(data.top + r, data.left + k);
        if (typeof v !== "object") cell.value = v;
        else if ("error" in v) cell.value = v.error; // Range.values gives error values as their text
        else {
          cell.value = excelSerial(v.date);
          cell.numberFormat = "yyyy-mm-dd";
        }
      }),
    );
    for (const m of data.merges ?? []) sheet.merges.push({ ...m });
    if (data.protected === true) sheet.protected = true;
    if (data.hidden === true) sheet.visibility = "Hidden";
    for (const t of data.tables) {
      wb.tables.push({
        name: t.name,
        sheet,
        headerRow: t.headerRow,
        left: t.firstColumn,
        columns: tableColumnNames(data, t),
        dataRows: t.rowCount,
        showHeaders: true,
        showTotals: false,
      });
    }
  }
  for (const n of c.workbook.names ?? []) wb.addName(n.name, `=${n.refersTo}`, { visible: !n.hidden, scope: n.scope });
  if (c.workbook.structureLocked === true) wb.structureLocked = true;
  if (c.workbook.date1904 === true) wb.date1904 = true;
  const notes = wb.addSheet(NOTES_SHEET);
  for (const e of extrasFor(c, withDatesColumns(plan))) putExtra(wb.sheet(e.sheet) ?? notes, e);
  notes.cell(1, 6).value = "Samverkanssidan";
  notes.cell(1, 6).hyperlink = { address: "https://www.regionjh.se/samverkan" };
  notes.cell(1, 7).validation = ["Ja", "Nej"];
  notes.columnWidths.set(1, 120);
  return excel;
}

// ---------------------------------------------------------------------------------------------
// Looking at the fake

const DEFAULT = stable(blankCell());

/** Every cell with content or format, by sheet and position, and the sheet order. */
function cellsOf(sheet: FakeSheet): [row: number, col: number, cell: FakeCell][] {
  const out: [number, number, FakeCell][] = [];
  for (const [key, cell] of sheet.cells) out.push([Math.floor(key / 20_000), key % 20_000, cell]);
  return out;
}

interface ContentOptions {
  skipSheets?: string[];
  owned?: Plan;
}

/**
 * Everything about the workbook a user could notice: sheets in order, every cell (value,
 * formula, number format, fill, font, link, validation), column widths, charts and tables.
 * With `owned`, the cells, the column widths and the table columns Balans owns are left out.
 */
function content(excel: FakeExcel, opts: ContentOptions = {}): Record<string, string> {
  const out: Record<string, string> = {};
  const skip = new Set(opts.skipSheets ?? []);
  const owned = opts.owned ? ownedCells(opts.owned) : new Set<string>();
  const ownedColumns = new Set((opts.owned?.statusColumns ?? []).flatMap((p) => [p.column, ...(p.dates ? [p.dates.column] : [])].map((column) => `${p.sheet}!${column}`)));
  const wb = excel.workbook;
  out["sheets"] = stable(wb.sheets.map((s) => s.name).filter((n) => !skip.has(n)));
  for (const sheet of wb.sheets) {
    if (skip.has(sheet.name)) continue;
    for (const [row, col, cell] of cellsOf(sheet)) {
      const value = stable(cell);
      if (value === DEFAULT || owned.has(cellKey(sheet.name, row, col))) continue;
      // Conditional formats Balans owns live on its own columns (compared below, per sheet).
      out[`${sheet.name}!${row}:${col}`] = value;
    }
    for (const [col, width] of sheet.columnWidths) {
      if (!ownedColumns.has(`${sheet.name}!${col}`)) out[`${sheet.name}!width:${col}`] = String(width);
    }
    out[`${sheet.name}!charts`] = stable(sheet.charts);
    out[`${sheet.name}!conditionalFormats`] = stable(
      sheet.conditionalFormats.filter((f) => !f.boxes.every((b) => b.left === b.right && ownedColumns.has(`${sheet.name}!${b.left}`))),
    );
    out[`${sheet.name}!pageLayout`] = stable(sheet.pageLayout);
    for (const t of wb.tablesOn(sheet)) {
      const columns = t.columns.map((name, i) => ({ name, column: t.left + i })).filter((x) => !ownedColumns.has(`${sheet.name}!${x.column}`));
      out[`${sheet.name}!table:${t.name}`] = stable({ headerRow: t.headerRow, left: t.left, dataRows: t.dataRows, showHeaders: t.showHeaders, showTotals: t.showTotals, columns });
    }
  }
  return out;
}

/** Write and clear events that touch a cell Balans does not own, outside the summary sheet. */
function writesOutsideOwned(excel: FakeExcel, plan: Plan): string[] {
  const owned = ownedCells(plan);
  const summarySheet = plan.summary?.name ?? null;
  const out: string[] = [];
  for (const e of excel.events) {
    if ((e.kind !== "write" && e.kind !== "clear") || e.sheet === summarySheet) continue;
    for (let r = e.box.top; r <= e.box.bottom; r++) {
      for (let c = e.box.left; c <= e.box.right; c++) {
        if (!owned.has(cellKey(e.sheet, r, c))) out.push(`${e.kind} ${e.sheet}!${r}:${c}`);
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Running Kontrollera and Summering twice

interface Command {
  outcome: ActionOutcome;
  syncs: number;
  outside: string[];
}

interface ExcelRun {
  expected: Plan;
  /** What the engine plans from the Excel read before anything is written (Kontrollera, Summering). */
  readPlan: { kontrollera: Plan; summering: Plan; heldSummering: Plan };
  /** What the second Kontrollera plans for its status columns. */
  secondFlags: StatusColumnPlan[];
  before: Record<string, string>;
  kontrollera: Command[];
  summering: Command[];
  flags: StatusColumnPlan[];
  /** The summary Summering wrote (its cells as the engine plans them from the run's analysis), or null. */
  summary: SummarySheetPlan | null;
  /** The sheet it wrote it on. */
  summarySheet: string;
  /** What the engine plans for Summering on the workbook as Kontrollera left it. */
  plannedSummary: SummarySheetPlan | null;
  afterFirst: { user: Record<string, string>; all: Record<string, string> };
  afterSecond: Record<string, string>;
  excel: FakeExcel;
}

async function runCase(c: CorpusCase): Promise<ExcelRun> {
  readSession.documentedOnly = false;
  const held = asExcelHoldsIt(c);
  // What the one prepare step plans for the case (ownership decisions included).
  const expected = prepare(held.workbook, optionsOf(c), "apply").plan;
  const summarySheet = expected.summary?.name ?? SUMMARY_SHEET_NAME;
  const excel = loadCase(held, expected);
  const env: ActionEnv = { run: excel.run, supports: excel.supports, sleep: () => Promise.resolve() };
  const options = optionsOf(c);
  // The summary sheet Balans writes is compared on its own below (an adopted one is rewritten).
  const before = content(excel, { owned: expected, skipSheets: [summarySheet] });
  readSession.documentedOnly = false;
  const readBefore = await excel.run((context) => readWorkbook(context, { supports: excel.supports }));
  const readPlan = {
    kontrollera: prepare(readBefore, options, "kontrollera").plan,
    summering: prepare(readBefore, options, "summering").plan,
    heldSummering: prepare(held.workbook, options, "summering").plan,
  };
  const kontrollera: Command[] = [];
  const summering: Command[] = [];
  const command = async (list: Command[], action: typeof runKontrollera) => {
    excel.resetLog();
    const outcome = await action(options, undefined, env);
    list.push({ outcome, syncs: excel.syncCount, outside: writesOutsideOwned(excel, expected) });
  };
  await command(kontrollera, runKontrollera);
  // What the engine plans for Summering on the workbook as Kontrollera left it (its record written,
  // an adoption already said).
  readSession.documentedOnly = false;
  const beforeSummering = prepare(await excel.run((context) => readWorkbook(context)), options, "summering").plan.summary;
  await command(summering, runSummering);
  const flags = readPlan.kontrollera.statusColumns;
  // What Summering wrote: the engine's plan for the workbook as Kontrollera left it.
  const summary = expected.summary === null ? null : beforeSummering;
  const owned: Plan = { statusColumns: flags, summary: null };
  const afterFirst = { user: content(excel, { owned, skipSheets: [summarySheet] }), all: content(excel) };
  readSession.documentedOnly = false;
  const secondFlags = prepare(await excel.run((context) => readWorkbook(context, { supports: excel.supports })), options, "kontrollera").plan.statusColumns;
  await command(kontrollera, runKontrollera);
  await command(summering, runSummering);
  return { expected, readPlan, secondFlags, plannedSummary: beforeSummering, before, kontrollera, summering, flags, summary, summarySheet, afterFirst, afterSecond: content(excel), excel };
}

// ---------------------------------------------------------------------------------------------

const RUN = CASES_WITH_TABLES.filter((c) => unrepresentable(c) === null);
/** A date cell with no real day cannot be a date serial in Excel: the case exists only as JSON. */
const SKIPPED = CASES_WITH_TABLES.filter((c) => unrepresentable(c) !== null).map((c) => c.name);


describe("the Excel adapter's corpus", () => {
  it("runs every case with a recognised table except the unrepresentable ones", () => {
    expect(RUN.length + SKIPPED.length).toBe(CASES_WITH_TABLES.length);
    expect(SKIPPED).toEqual(["error.invalid-date-cell"]);
  });
});

describe.each(RUN.map((c) => [c.name, c] as const))("Excel adapter, corpus %s", (_name, c) => {
  let run: ExcelRun;
  beforeAll(async () => {
    run = await runCase(c);
  });

  it("reads the case as the engine sees it: Kontrollera and Summering plan what the engine plans", () => {
    expect(run.flags).toEqual(run.expected.statusColumns);
    expect(run.readPlan.summering.summary?.cells ?? null).toEqual(run.readPlan.heldSummering.summary?.cells ?? null);
    expect(run.readPlan.kontrollera.checkRecord).toBe(run.expected.checkRecord);
  });

  it("leaves every cell, format, link, width, chart and table it does not own as it was", () => {
    // The comparison covers the user's formulas and links (it is not vacuous).
    expect(run.before[`${NOTES_SHEET}!2:1`]).toContain("=SUM(B2:B3)");
    expect(run.before[`${NOTES_SHEET}!1:6`]).toContain("https://www.regionjh.se/samverkan");
    expect(differences(run.before, run.afterFirst.user)).toEqual([]);
    expect(run.kontrollera.map((k) => k.outside)).toEqual([[], []]);
    expect(run.summering.map((s) => s.outside)).toEqual([[], []]);
  });

  it("changes nothing on a second Kontrollera and Summering (all sheets, owned cells included)", () => {
    expect(run.secondFlags).toEqual(run.flags.map((p) => ({ ...p, exists: true, ...(p.dates ? { dates: { ...p.dates, exists: true } } : {}) })));
    expect(differences(run.afterFirst.all, run.afterSecond)).toEqual([]);
  });

  /** Status cells and summary cells: [sheet, row, column, the value the plan writes]. */
  function written(): [FakeSheet, number, number, string | number | null][] {
    const wb = run.excel.workbook;
    const out: [FakeSheet, number, number, string | number | null][] = [];
    for (const p of run.flags) {
      const sheet = wb.sheet(p.sheet) as FakeSheet;
      for (const cell of p.cells) out.push([sheet, cell.row, p.column, cell.label === "" ? null : cell.label]);
    }
    const summary = wb.sheet(run.summarySheet) as FakeSheet;
    for (const x of run.summary?.cells ?? []) out.push([summary, x.row, x.col, x.value === "" ? null : x.value]);
    return out;
  }

  /** The formula the plan writes in a cell (status or summary), by `sheet!row:col`. */
  function plannedFormulas(): Map<string, string> {
    const out = new Map<string, string>();
    for (const p of run.flags) for (const c of p.cells) if (c.formula !== undefined) out.set(`${p.sheet}!${c.row}:${p.column}`, `=${c.formula}`);
    for (const x of run.summary?.cells ?? []) if (x.formula !== undefined) out.set(`${run.summarySheet}!${x.row}:${x.col}`, `=${x.formula}`);
    return out;
  }

  it("writes no formula but Balans's own (General format); text beginning with = + - @ is text-formatted", () => {
    const bad: string[] = [];
    const formulas = plannedFormulas();
    for (const [sheet, row, col] of written()) {
      const cell = sheet.get(row, col);
      const where = `${sheet.name}!${row}:${col}`;
      const own = formulas.get(where);
      if (own !== undefined) {
        if (cell?.formula !== own) bad.push(`${where} holds ${cell?.formula ?? "no formula"}, the plan ${own}`);
        if (cell?.numberFormat === "@") bad.push(`${where} holds its formula in a Text cell`);
        continue;
      }
      if (cell?.formula) bad.push(`${where} holds the formula ${cell.formula}`);
      if (typeof cell?.value === "string" && FORMULA_LIKE.test(cell.value) && cell.numberFormat !== "@") {
        bad.push(`${where} holds ${JSON.stringify(cell.value)} in the format ${cell.numberFormat}`);
      }
    }
    const summary = run.summary === null ? undefined : run.excel.workbook.sheet(run.summarySheet);
    const planned = new Set((run.summary?.cells ?? []).map((x) => `${x.row}:${x.col}`));
    for (const [row, col, cell] of summary ? cellsOf(summary) : []) {
      if (cell.formula && formulas.get(`${run.summarySheet}!${row}:${col}`) !== cell.formula) bad.push(`${run.summarySheet}!${row}:${col} holds the formula ${cell.formula}`);
      if (!planned.has(`${row}:${col}`) && cell.value !== null) bad.push(`${run.summarySheet}!${row}:${col} holds ${JSON.stringify(cell.value)}`);
    }
    for (const p of run.flags) {
      for (const d of p.dates?.cells ?? []) {
        const cell = run.excel.workbook.sheet(p.sheet)?.get(d.row, p.dates?.column ?? 0);
        if (cell?.formula || (d.value !== "" && (cell?.value !== d.value || cell.numberFormat !== "@"))) bad.push(`${p.sheet}!${d.row}: dates cell ${JSON.stringify(cell?.value)} (${cell?.numberFormat}), the plan ${d.value}`);
      }
      for (const cell of p.cells) {
        if (cell.label !== "" && !STATUS_LABELS.has(cell.label)) bad.push(`${p.sheet}!${cell.row}: label ${cell.label}`);
        if (run.excel.workbook.sheet(p.sheet)?.get(cell.row, p.column)?.hyperlink) bad.push(`${p.sheet}!${cell.row}:${p.column} got a link`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("writes exactly the plan's values: text stays text (not a number, as Excel makes of \"1\" in a General cell)", () => {
    const bad: string[] = [];
    const formulas = plannedFormulas();
    for (const [sheet, row, col, expected] of written()) {
      if (formulas.has(`${sheet.name}!${row}:${col}`)) continue; // Excel computes it (checked above)
      const cell = sheet.get(row, col);
      const value = cell?.value ?? null;
      if (value !== expected) bad.push(`${sheet.name}!${row}:${col} holds ${JSON.stringify(value)} (format ${cell?.numberFormat}), the plan ${JSON.stringify(expected)}`);
    }
    expect(bad).toEqual([]);
  });

  it("links only to places inside the workbook, by quoted sheet name", () => {
    if (run.summary === null) return;
    const summary = run.excel.workbook.sheet(run.summarySheet) as FakeSheet;
    const names = c.workbook.sheets.map((s) => s.name);
    const links = cellsOf(summary).filter(([, , cell]) => cell.hyperlink !== null);
    const planned = run.summary.cells.filter((x) => x.link);
    expect(links).toHaveLength(planned.length);
    for (const x of planned) {
      const link = summary.get(x.row, x.col)?.hyperlink;
      expect(names).toContain(x.link?.sheet);
      expect(x.link?.address).toMatch(/^[A-Z]{1,3}[1-9]\d*$/u);
      expect(link).toEqual({ documentReference: sheetReference(x.link?.sheet ?? "", x.link?.address ?? ""), textToDisplay: x.value });
      expect(link?.documentReference).toMatch(/^'(?:[^']|'')+'![A-Z]{1,3}[1-9]\d*$/u);
    }
  });

  // The sparse read is 2 syncs (sheets and where their data lies, then the data blocks with the
  // tables' addresses, so two tables with the same headers cost nothing extra); Kontrollera adds
  // the concurrent-edit check and the write; Summering the write and, for a new sheet, its
  // activation (for its own sheet, the check of the sheet's charts instead).
  it("costs at most 4 syncs for Kontrollera and 4 for Summering, on the first run and the second", () => {
    expect(run.kontrollera.map((k) => k.syncs)).toEqual(run.kontrollera.map((k) => k.outcome.syncs));
    expect(run.summering.map((s) => s.syncs)).toEqual(run.summering.map((s) => s.outcome.syncs));
    const over = [
      ...run.kontrollera.map((k, i) => (k.syncs > 4 ? `Kontrollera, run ${i + 1}: ${k.syncs} syncs (${k.outcome.syncs} counted)` : null)),
      ...run.summering.map((x, i) => (x.syncs > 4 ? `Summering, run ${i + 1}: ${x.syncs} syncs (${x.outcome.syncs} counted)` : null)),
    ].filter((x) => x !== null);
    expect(over).toEqual([]);
  });
});

describe("Excel adapter, the workbook's text on the summary sheet", () => {
  it("keeps a follow-up titled with digits only (\"2025\") as that text, not the number Excel makes of it", async () => {
    const excel = new FakeExcel();
    const headers = ["Prioriterat område", "Vad", "Uppdrag/aktivitet", "Ansvarig funktion/operativ gruppering", "Beredande forum", "Uppföljning"];
    excel.workbook.addTable("Balanslista", "Balanslista", 1, 1, headers, [["Nära vård", "2025", "", "", "", "SVOM 3/6 2024"]]);
    const outcome = await runSummering(defaultOptions("2024-11-15"), undefined, { run: excel.run, supports: excel.supports, sleep: () => Promise.resolve() });
    const title = planSummary(outcome.analysis).cells.find((x) => x.value === "2025");
    expect(title).toBeDefined();
    const cell = excel.workbook.sheet(SUMMARY_SHEET_NAME)?.get(title?.row ?? 0, title?.col ?? 0);
    expect({ value: cell?.value, numberFormat: cell?.numberFormat }).toEqual({ value: "2025", numberFormat: expect.any(String) });
  });
});
