/**
 * The one way Balans enters Excel: `Excel.run` with a retry for cell-edit mode, Office errors
 * mapped to `BalansError`, and a count of round trips (`context.sync()` calls).
 */
import { balansError, BalansError } from "../app/port";
import { say } from "../domain/messages";

/** `Excel.run` or a stand-in with the same shape (tests use a fake workbook). */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Whether the host supports an ExcelApi requirement set, e.g. `"1.9"`. */
export type ApiSupport = (version: string) => boolean;

/** What the Excel adapter takes from its surroundings; tests pass a fake. */
export interface ExcelEnv {
  run: ExcelRunner;
  supports: ApiSupport;
  /** @default setTimeout */
  sleep: (ms: number) => Promise<void>;
}

export interface RunOptions {
  env?: Partial<ExcelEnv>;
  /** Attempts after the first when Excel is in cell-edit mode. @default 3 */
  retries?: number;
  /** First back-off in ms, doubled per retry. @default 400 */
  backoffMs?: number;
}

/** Round trips counted by `runExcel`, readable while and after the batch runs. */
export interface SyncCounter {
  readonly syncs: number;
}

export function defaultEnv(): ExcelEnv {
  return {
    run: (batch) => Excel.run(batch),
    supports: (version) =>
      typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", version) === true,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
}

/** Fills what `env` leaves out with the real Office host (looked up only when used). */
export function resolveEnv(env?: Partial<ExcelEnv>): ExcelEnv {
  return { ...defaultEnv(), ...env };
}

/** The Office error code of an error thrown by `context.sync()`, if any. */
export function officeErrorCode(error: unknown): string | null {
  if (typeof error !== "object" || error === null) return null;
  const e = error as { code?: unknown; debugInfo?: { code?: unknown } };
  if (typeof e.code === "string" && e.code !== "") return e.code;
  if (typeof e.debugInfo?.code === "string") return e.debugInfo.code;
  return null;
}

const PAYLOAD_CODES = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"]);

/** True for the errors Excel on the web gives when one request or response passes 5 MB. */
export function isPayloadTooLarge(error: unknown): boolean {
  const code = officeErrorCode(error);
  return code !== null && PAYLOAD_CODES.has(code);
}

/** True when Excel refused to read or write that many cells at once. */
export function isTooManyCells(error: unknown): boolean {
  const code = officeErrorCode(error);
  return code === "RangeExceedsLimit" || code === "OperationCellsExceedLimit";
}

const CELL_EDIT = "InvalidOperationInCellEditMode";

export const CELL_EDIT_MESSAGE = say("sv", "error.cell-edit-mode");
export const CELL_EDIT_MESSAGE_EN = say("en", "error.cell-edit-mode");

/** Turns anything thrown inside `Excel.run` into a `BalansError` the pane can show. */
export function toBalansError(error: unknown): BalansError {
  if (error instanceof BalansError) return error;
  const code = officeErrorCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  switch (code) {
    case CELL_EDIT:
      return balansError("cell-edit-mode", "error.cell-edit-mode");
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return balansError("payload-too-large", "error.payload-too-large");
    case "RangeExceedsLimit":
    case "OperationCellsExceedLimit":
      return balansError("too-many-cells", "error.too-many-cells");
    case "ApiNotFound":
    case "NotImplemented":
    case "UnsupportedFeature":
      return balansError("api-not-supported", "error.api-not-supported");
    case "AccessDenied":
      return balansError("unknown", "error.access-denied");
    case "ActivityLimitReached":
    case "RequestAborted":
      return balansError("unknown", "error.excel-busy");
    default:
      return balansError("unknown", "error.excel-other", { code: code ?? "", detail });
  }
}

/**
 * Runs `fn` inside `Excel.run`. Retries while Excel is in cell-edit mode (as Script Lab's
 * `tryExcelRun` does), then gives up with `BalansError("cell-edit-mode")`; maps every other Office
 * error to a `BalansError`. `counter.syncs` counts the `context.sync()` calls of all attempts.
 */
export async function runExcel<T>(
  fn: (context: Excel.RequestContext, counter: SyncCounter) => Promise<T>,
  options: RunOptions = {},
): Promise<T> {
  const env = resolveEnv(options.env);
  const retries = options.retries ?? 3;
  const backoff = options.backoffMs ?? 400;
  const counter = { syncs: 0 };
  for (let attempt = 0; ; attempt++) {
    try {
      return await env.run((context) => fn(countSyncs(context, counter), counter));
    } catch (error) {
      if (officeErrorCode(error) === CELL_EDIT && attempt < retries) {
        await env.sleep(backoff * 2 ** attempt);
        continue;
      }
      throw toBalansError(error);
    }
  }
}

/** Wraps `context.sync` on this context object so that every round trip is counted. */
function countSyncs(context: Excel.RequestContext, counter: { syncs: number }): Excel.RequestContext {
  const original = context.sync.bind(context);
  const counted = <T>(passThroughValue?: T): Promise<T> => {
    counter.syncs++;
    return original(passThroughValue);
  };
  (context as { sync: typeof counted }).sync = counted;
  return context;
}

/**
 * Sends queued work in several round trips, one per batch, in order: `queue(batch)` adds a batch's
 * operations, then one `context.sync()` sends them. Used only where one request would pass Excel's
 * 5 MB limit; everything that fits goes in a single batch.
 */
export async function syncInBatches<B>(
  context: Excel.RequestContext,
  batches: readonly B[],
  queue: (batch: B, index: number) => void,
  onBatchDone?: (done: number, total: number) => void,
): Promise<void> {
  for (const [index, batch] of batches.entries()) {
    queue(batch, index);
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one round trip per ~4 MB batch is the point: Excel on the web rejects larger requests
    await context.sync();
    onBatchDone?.(index + 1, batches.length);
  }
}
