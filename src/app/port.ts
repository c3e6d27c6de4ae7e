/**
 * What the task pane needs from a workbook. The Excel adapter (src/excel/) and the
 * in-page preview workbook (src/preview/) both implement it; the pane imports neither.
 */
import type { Analysis, Options } from "../domain/types";

export interface ActionOutcome {
  /** The analysis the action was based on (read in the same batch). */
  analysis: Analysis;
  /** How many owned status columns were written (Kontrollera). */
  statusColumns: number;
  /** Name of the summary sheet written (Summering), else null. */
  summarySheet: string | null;
  /** Excel round trips (context.sync calls) the action cost; 0 for the preview. */
  syncs: number;
}

export type ErrorCode =
  | "cell-edit-mode"
  | "payload-too-large"
  | "too-many-cells"
  | "no-tables"
  | "api-not-supported"
  | "sheet-not-empty"
  /** A sheet Balans would write on is protected, or the workbook's structure is locked. */
  | "protected"
  /** The tables moved while Balans read them (rows inserted or sorted): nothing was written. */
  | "concurrent-edit"
  /** Go-to-row on a hidden sheet: Balans does not unhide it on its own. */
  | "sheet-hidden"
  | "unknown";

/** An error the UI can explain to the user; message in Swedish, messageEn in English. */
export class BalansError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly messageEn: string,
  ) {
    super(message);
    this.name = "BalansError";
  }
}

export type Progress = (fraction: number) => void;

export interface WorkbookPort {
  readonly kind: "excel" | "preview";
  /** Read every recognised table (one batch) and analyse it. Writes nothing. */
  analyse(options: Options): Promise<Analysis>;
  /** Flag follow-ups and agreements in place (owned status columns). */
  kontrollera(options: Options, onProgress?: Progress): Promise<ActionOutcome>;
  /** Create or refresh the owned summary sheet. */
  summering(options: Options, onProgress?: Progress): Promise<ActionOutcome>;
  /** Insert the four empty tables (or the sample data) into a new sheet; returns its name. */
  infogaMall(withSample: boolean): Promise<string>;
  /** Select a worksheet row (sheet, 1-based row) so that the user sees it. */
  selectRow(sheet: string, row: number): Promise<void>;
}
