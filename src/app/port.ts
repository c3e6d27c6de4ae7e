/**
 * What the task pane needs from a workbook. The Excel adapter (src/excel/) and the
 * in-page preview workbook (src/preview/) both implement it; the pane imports neither.
 */
import { localise, type MessageCode, type ParamsOf } from "../domain/messages";
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

/** What Mötesunderlag did (issue 14). */
export interface AgendaOutcome {
  /** The analysis the agenda was built from (read in the same batch). */
  analysis: Analysis;
  /** The agenda sheet written. */
  sheet: string;
  /** True when the print setup (A4 landscape, header row repeated, one page wide) was written; false on hosts without ExcelApi 1.9. */
  printSetup: boolean;
  /** Excel round trips the action cost; 0 for the preview. */
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
  /** Mötesunderlag: the forum is unknown, the date unreadable, or the forum has no meeting then. */
  | "no-agenda"
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

/** A BalansError in the catalogue's words: `balansError("no-tables", "error.no-tables")`. */
export function balansError<C extends MessageCode>(code: ErrorCode, message: C, ...params: ParamsOf<C>): BalansError {
  const text = localise(message, ...params);
  return new BalansError(code, text.message, text.messageEn);
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
  /**
   * Issue 14, Mötesunderlag: writes the owned agenda sheet of one meeting (the forum's next meeting
   * by default; `date` as `YYYY-MM-DD` or `YYYY-MM`) and shows it. Absent where the port cannot
   * write it yet (the pane then disables its button and says why).
   */
  motesunderlag?(options: Options, forum?: string, date?: string): Promise<AgendaOutcome>;
  /**
   * Issue 11: calls `listener` when the user changes a sheet that holds a recognised table (as
   * of the port's latest analysis); returns the unsubscribe. Reads and writes nothing itself:
   * the pane decides when to analyse again. Absent where the host cannot tell (the preview, an
   * Excel without ExcelApi 1.7).
   */
  onChange?(listener: () => void): () => void;
}
