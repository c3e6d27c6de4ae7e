/**
 * The preview's workbook adapter: a {@link WorkbookPort} over an ExcelJS workbook held in the
 * page. It reads and writes with the file adapter (src/file/) and follows the Excel adapter's
 * rules (same errors, same names for inserted sheets and tables), so that the task pane
 * behaves as in Excel. It also holds what the grid shows (sheet, selected row) and tells
 * subscribers about every change, for React's `useSyncExternalStore`.
 */
import type ExcelJS from "exceljs";
import { BalansError, type ActionOutcome, type Progress, type WorkbookPort } from "../app/port";
import { analyseWorkbook, planFlags, planSummary } from "../domain";
import { sampleTemplate, sampleWorkbook } from "../domain/sampleWorkbook";
import type { TemplateTable, WorkbookTemplate } from "../domain/template";
import type { Analysis, Options, Plan, WorkbookData } from "../domain/types";
import { assertFreeColumns, assertNoNameClash, noTablesError, uniqueSheetName, uniqueTableName } from "../app/workbookGuards";
import { applyPlanToWorkbook, writeTemplate } from "../file/applyPlanToWorkbook";
import { tableModels, toWorkbookData } from "../file/readXlsx";

/** What the grid shows. A new object after every change (compare by identity). */
export interface PreviewView {
  /** Increases with every change of the workbook or of what is shown. */
  version: number;
  /** The sheet shown, or null when the workbook has no sheets. */
  sheet: string | null;
  /** The selected worksheet row (1-based) on `sheet`, or null. */
  selectedRow: number | null;
}

export interface PreviewPortOptions {
  /** The template for Infoga mall. @default sampleTemplate */
  template?: (withSample: boolean) => WorkbookTemplate;
}

export class PreviewPort implements WorkbookPort {
  readonly kind = "preview" as const;
  private view: PreviewView;
  private readonly listeners = new Set<() => void>();
  private readonly template: (withSample: boolean) => WorkbookTemplate;

  /**
   * @param workbook the workbook to work on (changed in place)
   * @param name what the page calls it, e.g. the file name
   */
  constructor(
    readonly workbook: ExcelJS.Workbook,
    readonly name: string,
    options: PreviewPortOptions = {},
  ) {
    this.template = options.template ?? sampleTemplate;
    this.view = { version: 0, sheet: workbook.worksheets[0]?.name ?? null, selectedRow: null };
  }

  // ---- the store the grid subscribes to ----

  /** Calls `listener` after every change; returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  readonly getView = (): PreviewView => this.view;

  /** Shows another sheet (the user clicked its tab). */
  showSheet(sheet: string): void {
    if (this.workbook.getWorksheet(sheet)?.name !== sheet) return;
    if (this.view.sheet === sheet && this.view.selectedRow === null) return;
    this.change({ sheet, selectedRow: null });
  }

  private change(patch: Partial<Omit<PreviewView, "version">>): void {
    const sheet = patch.sheet !== undefined ? patch.sheet : this.view.sheet;
    // The shown sheet may have been removed (the summary sheet is written anew).
    const exists = sheet !== null && this.workbook.worksheets.some((ws) => ws.name === sheet);
    this.view = {
      version: this.view.version + 1,
      sheet: exists ? sheet : (this.workbook.worksheets[0]?.name ?? null),
      selectedRow: patch.selectedRow !== undefined ? patch.selectedRow : this.view.selectedRow,
    };
    for (const listener of [...this.listeners]) listener();
  }

  // ---- WorkbookPort ----

  async analyse(options: Options): Promise<Analysis> {
    return this.read(options).analysis;
  }

  async kontrollera(options: Options, onProgress?: Progress): Promise<ActionOutcome> {
    onProgress?.(0);
    const { data, analysis } = this.read(options);
    if (analysis.tables.length === 0) throw noTablesError();
    const statusColumns = planFlags(analysis);
    assertFreeColumns(data, statusColumns);
    this.apply({ statusColumns, summary: null }, {});
    onProgress?.(1);
    return { analysis, statusColumns: statusColumns.length, summarySheet: null, syncs: 0 };
  }

  async summering(options: Options, onProgress?: Progress): Promise<ActionOutcome> {
    onProgress?.(0);
    const { analysis } = this.read(options);
    if (analysis.tables.length === 0) throw noTablesError();
    const summary = planSummary(analysis);
    assertNoNameClash(this.workbook.worksheets.map((ws) => ws.name), summary.name);
    // As in Excel, the summary sheet is shown.
    this.apply({ statusColumns: [], summary }, { sheet: summary.name, selectedRow: null });
    onProgress?.(1);
    return { analysis, statusColumns: 0, summarySheet: summary.name, syncs: 0 };
  }

  async infogaMall(withSample: boolean): Promise<string> {
    const template = this.template(withSample);
    const first = template.sheets[0];
    if (first === undefined) throw new Error("The template has no sheet.");
    const sheetName = uniqueSheetName(first.name, this.workbook.worksheets.map((ws) => ws.name));
    const taken = this.takenTableNames();
    const tables: TemplateTable[] = first.tables.map((t) => {
      const name = uniqueTableName(t.name, taken);
      taken.push(name);
      return { ...t, name };
    });
    // The file adapter writes the template into a workbook of its own; its one sheet is moved here.
    const scratch = writeTemplate({ sheets: [{ name: sheetName, tables }] });
    const source = scratch.worksheets[0];
    if (source === undefined) throw new Error("The template wrote no sheet.");
    const model = source.model;
    const target = this.workbook.addWorksheet(sheetName);
    target.model = { ...model, name: sheetName };
    this.change({ sheet: sheetName, selectedRow: null });
    return sheetName;
  }

  async selectRow(sheet: string, row: number): Promise<void> {
    if (!this.workbook.worksheets.some((ws) => ws.name === sheet)) {
      throw new BalansError(
        "unknown",
        `Bladet "${sheet}" finns inte i arbetsboken.`,
        `The sheet "${sheet}" is not in the workbook.`,
      );
    }
    this.change({ sheet, selectedRow: Number.isInteger(row) && row >= 1 ? row : null });
  }

  // ---- helpers ----

  private read(options: Options): { data: WorkbookData; analysis: Analysis } {
    const data = toWorkbookData(this.workbook);
    return { data, analysis: analyseWorkbook(data, options) };
  }

  /** Writes the plan, then shows `view`; after an error, shows whatever was written before it. */
  private apply(plan: Plan, view: Partial<Omit<PreviewView, "version">>): void {
    try {
      applyPlanToWorkbook(this.workbook, plan);
    } catch (err) {
      this.change({});
      if (err instanceof BalansError) throw err;
      const detail = err instanceof Error ? err.message : String(err);
      throw new BalansError(
        "unknown",
        `Balans kunde inte skriva i arbetsboken: ${detail}`,
        `Balans could not write to the workbook: ${detail}`,
      );
    }
    this.change(view);
  }

  /** Table names and defined names in use (Excel wants them unique together). */
  private takenTableNames(): string[] {
    const names: string[] = [];
    for (const ws of this.workbook.worksheets) for (const t of tableModels(ws)) names.push(t.name);
    const defined = (this.workbook.definedNames as unknown as { model?: { name?: unknown }[] }).model ?? [];
    for (const d of defined) if (typeof d.name === "string") names.push(d.name);
    return names;
  }
}

/** A port over a new copy of the sample workbook built from the seeds. */
export function createSamplePort(name: string, options: PreviewPortOptions = {}): PreviewPort {
  return new PreviewPort(writeTemplate(sampleWorkbook()), name, options);
}
