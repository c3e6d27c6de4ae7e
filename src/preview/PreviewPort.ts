/**
 * The preview's workbook adapter: a {@link WorkbookPort} over the bytes of an .xlsx package held
 * in the page. Kontrollera, Summering, Mötesunderlag and Infoga mall plan with the same prepare step as the command line
 * and the Excel adapter, patch the package (src/file/ooxml/patchPackage.ts: every part Balans
 * does not own stays as it was) and load the patched bytes into an ExcelJS model, which only
 * the grid uses for display. "Ladda ner .xlsx" downloads the patched bytes. It follows the Excel
 * adapter's rules (same errors, same names for inserted sheets and tables), and tells
 * subscribers about every change, for React's `useSyncExternalStore`.
 */
import type ExcelJS from "exceljs";
import { balansError, BalansError, type ActionOutcome, type AgendaOutcome, type Progress, type WorkbookPort } from "../app/port";
import { prepare, type PrepareWhat } from "../app/prepare";
import type { AgendaRequest } from "../domain/agenda/buildAgenda";
import { sampleTemplate, sampleWorkbook } from "../domain/sampleWorkbook";
import type { TemplateTable, WorkbookTemplate } from "../domain/template";
import type { Analysis, Options, Plan } from "../domain/types";
import { uniqueSheetName, uniqueTableName } from "../app/workbookGuards";
import { saveXlsx, writeTemplate } from "../file/writeTemplate";
import { openPackage } from "../file/ooxml/openPackage";
import { PackageParts } from "../file/ooxml/packageParts";
import { patchPackage } from "../file/ooxml/patchPackage";
import { tablesInUse } from "../file/ooxml/patchTemplateSheet";
import { readWorkbookData } from "../file/ooxml/readWorkbookData";
import { readXlsx } from "../file/readXlsx";

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
  /**
   * The package the workbook was read from (the opened file's bytes, kept as they are). Absent
   * for a workbook made in the page (the sample): its bytes are written once, when first needed.
   */
  bytes?: Uint8Array;
  /** The name of the file the workbook was opened from (the download is named after it). */
  fileName?: string;
}

export class PreviewPort implements WorkbookPort {
  readonly kind = "preview" as const;
  private view: PreviewView;
  private readonly listeners = new Set<() => void>();
  private readonly template: (withSample: boolean) => WorkbookTemplate;
  private model: ExcelJS.Workbook;
  private bytes: Uint8Array | null;
  /** The opened file's name, or null for a workbook made in the page (the sample). */
  readonly fileName: string | null;

  /**
   * @param workbook the workbook as ExcelJS read it (what the grid shows)
   * @param name what the page calls it, e.g. the file name
   */
  constructor(
    workbook: ExcelJS.Workbook,
    readonly name: string,
    options: PreviewPortOptions = {},
  ) {
    this.model = workbook;
    this.bytes = options.bytes ?? null;
    this.fileName = options.fileName ?? null;
    this.template = options.template ?? sampleTemplate;
    this.view = { version: 0, sheet: workbook.worksheets[0]?.name ?? null, selectedRow: null };
  }

  /** The workbook the grid shows (loaded from the current package after every write). */
  get workbook(): ExcelJS.Workbook {
    return this.model;
  }

  /** The current package: the original bytes with Balans's writes patched in. */
  async packageBytes(): Promise<Uint8Array> {
    if (this.bytes === null) this.bytes = await saveXlsx(this.model);
    return this.bytes;
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
    return (await this.prepare(options, "report")).analysis;
  }

  async kontrollera(options: Options, onProgress?: Progress): Promise<ActionOutcome> {
    onProgress?.(0);
    const { analysis, plan } = await this.prepare(options, "kontrollera");
    await this.apply(plan, {});
    onProgress?.(1);
    return { analysis, statusColumns: plan.statusColumns.length, summarySheet: null, syncs: 0 };
  }

  async summering(options: Options, onProgress?: Progress): Promise<ActionOutcome> {
    onProgress?.(0);
    const { analysis, plan } = await this.prepare(options, "summering");
    const name = plan.summary?.name ?? null;
    // As in Excel, the summary sheet is shown.
    await this.apply(plan, name === null ? {} : { sheet: name, selectedRow: null });
    onProgress?.(1);
    return { analysis, statusColumns: 0, summarySheet: name, syncs: 0 };
  }

  /**
   * Mötesunderlag (issue 14): the owned agenda sheet of one meeting, patched into the package as
   * the file adapter writes it (print setup included), then shown.
   */
  async motesunderlag(options: Options, forum?: string, date?: string): Promise<AgendaOutcome> {
    const request: AgendaRequest = {};
    if (forum !== undefined) request.forum = forum;
    if (date !== undefined) request.date = date;
    const { analysis, plan } = await this.prepare(options, "agenda", request);
    const agenda = plan.agendaSheet;
    if (agenda === undefined) throw new Error("The agenda plan has no sheet.");
    const sheet = agenda.existing ?? agenda.name;
    await this.apply(plan, { sheet, selectedRow: null });
    return { analysis, sheet, printSetup: true, syncs: 0 };
  }

  async infogaMall(withSample: boolean): Promise<string> {
    const template = this.template(withSample);
    const first = template.sheets[0];
    if (first === undefined) throw new Error("The template has no sheet.");
    // Sheet, table and defined names in use, from the package itself (Excel wants table and defined names unique together).
    const bytes = await this.packageBytes();
    const parts = new PackageParts(openPackage(bytes), {});
    const sheetName = uniqueSheetName(first.name, parts.sheets().map((s) => s.name));
    const taken = [...tablesInUse(parts).names];
    const tables: TemplateTable[] = first.tables.map((t) => {
      const name = uniqueTableName(t.name, taken);
      taken.push(name);
      return { ...t, name };
    });
    // As in Excel: no new sheet in a workbook whose structure is locked.
    if (readWorkbookData(bytes).structureLocked) throw balansError("protected", "error.structure-locked", { sheet: sheetName });
    // Patched into the package as a new sheet with its table parts: nothing else of the workbook changes.
    await this.apply({ statusColumns: [], summary: null, names: [], removeNames: [], templateSheet: { name: sheetName, tables } }, { sheet: sheetName, selectedRow: null });
    return sheetName;
  }

  async selectRow(sheet: string, row: number): Promise<void> {
    if (!this.workbook.worksheets.some((ws) => ws.name === sheet)) {
      throw balansError("unknown", "error.sheet-missing", { sheet });
    }
    this.change({ sheet, selectedRow: Number.isInteger(row) && row >= 1 ? row : null });
  }

  // ---- helpers ----

  private async prepare(options: Options, what: PrepareWhat, request: AgendaRequest = {}): Promise<{ analysis: Analysis; plan: Plan }> {
    const data = readWorkbookData(await this.packageBytes());
    return prepare(data, options, what, request);
  }

  /** Patches the plan into the package, reloads what the grid shows, then shows `view`. */
  private async apply(plan: Plan, view: Partial<Omit<PreviewView, "version">>): Promise<void> {
    try {
      const bytes = patchPackage(await this.packageBytes(), plan);
      const { workbook } = await readXlsx(bytes);
      this.bytes = bytes;
      this.model = workbook;
    } catch (err) {
      this.change({});
      if (err instanceof BalansError) throw err;
      const detail = err instanceof Error ? err.message : String(err);
      throw balansError("unknown", "error.write-failed", { detail });
    }
    this.change(view);
  }
}

/** A port over a new copy of the sample workbook built from the seeds. */
export function createSamplePort(name: string, options: PreviewPortOptions = {}): PreviewPort {
  return new PreviewPort(writeTemplate(sampleWorkbook()), name, options);
}
