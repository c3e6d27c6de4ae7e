/**
 * A pane that follows edits (issue 11): `Worksheet.onChanged` (ExcelApi 1.7) on every sheet that
 * holds a recognised table, registered in one batch (one round trip) and registered again only
 * when that set of sheets changes. A change calls the port's listeners; the pane debounces and
 * analyses again (one read per update). Nothing here reads or writes cells.
 *
 * Handlers are removed as Microsoft documents it: with the request context that added them
 * (`Excel.run(result.context, …)`).
 */
import type { WorkbookPort } from "../app/port";
import type { Analysis } from "../domain/types";
import { resolveEnv, type ApiSupport, type ExcelRunner } from "./run";

/** `Excel.run(context, batch)`: a batch on the context that added the handlers. */
export type ContextRunner = <T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ChangeEventsEnv {
  run: ExcelRunner;
  supports: ApiSupport;
  /** @default `Excel.run(context, batch)` */
  runWith: ContextRunner;
  /** Where a failed registration is told (the pane then keeps its manual refresh). @default console.warn */
  warn: (message: string, error: unknown) => void;
}

/** The requirement set of `Worksheet.onChanged`. */
export const CHANGE_EVENTS_API = "1.7";

interface Removable {
  context: Excel.RequestContext;
  remove: () => void;
}

/** The sheets whose edits matter: every sheet holding a recognised table, in workbook order, once. */
export function watchedSheets(analysis: Analysis): string[] {
  return [...new Set(analysis.tables.map((t) => t.sheet))];
}

/** Keeps one registration of `onChanged` handlers for a set of sheets. */
export class ChangeWatcher {
  private sheets: string[] = [];
  private handlers: Removable[] = [];
  /** Registrations and removals run one after the other. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly notify: (sheet: string) => void,
    private readonly env: ChangeEventsEnv,
  ) {}

  /** Watches exactly `sheets` (nothing when it is the set already watched). */
  watch(sheets: readonly string[]): Promise<void> {
    return this.enqueue(async () => {
      if (sameSet(sheets, this.sheets) && (this.handlers.length > 0 || sheets.length === 0)) return;
      await this.removeAll();
      if (sheets.length === 0) return;
      const wanted = [...sheets];
      this.handlers = await this.env.run(async (context) => {
        const added = wanted.map((name) =>
          context.workbook.worksheets.getItem(name).onChanged.add(async (args) => {
            // Balans's own writes (hosts with ExcelApi 1.14 say so) are followed by the action's own analysis.
            if ((args as { triggerSource?: string }).triggerSource === "ThisLocalAddin") return;
            this.notify(name);
          }),
        );
        await context.sync();
        return added as unknown as Removable[];
      });
      this.sheets = wanted;
    });
  }

  /** Stops watching. */
  stop(): Promise<void> {
    return this.enqueue(() => this.removeAll());
  }

  private async removeAll(): Promise<void> {
    const handlers = this.handlers;
    this.handlers = [];
    this.sheets = [];
    const first = handlers[0];
    if (first === undefined) return;
    await this.env.runWith(first.context, async (context) => {
      for (const h of handlers) h.remove();
      await context.sync();
    });
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    const next = this.queue.then(step).catch((error: unknown) => {
      // Following edits is a convenience: without it the pane is still refreshed by hand.
      this.env.warn("Balans: kunde inte följa ändringar i arbetsboken (could not follow changes in the workbook).", error);
    });
    this.queue = next;
    return next;
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/**
 * The port with `onChange`: every analysis it hands out (analyse, Kontrollera, Summering) tells
 * which sheets to watch; handlers are registered while at least one listener is subscribed.
 * Hosts without ExcelApi 1.7 get the port unchanged.
 */
export function withChangeEvents(port: WorkbookPort, env?: Partial<ChangeEventsEnv>): WorkbookPort {
  const base = resolveEnv(env);
  if (!base.supports(CHANGE_EVENTS_API)) return port;
  const full: ChangeEventsEnv = {
    run: base.run,
    supports: base.supports,
    runWith: env?.runWith ?? ((context, batch) => Excel.run(context, batch)),
    warn: env?.warn ?? ((message, error) => console.warn(message, error)),
  };
  const listeners = new Set<() => void>();
  const watcher = new ChangeWatcher(() => {
    for (const listener of [...listeners]) listener();
  }, full);
  let sheets: string[] = [];
  const seen = (analysis: Analysis): void => {
    sheets = watchedSheets(analysis);
    if (listeners.size > 0) void watcher.watch(sheets);
  };
  return {
    ...port,
    analyse: async (options) => {
      const analysis = await port.analyse(options);
      seen(analysis);
      return analysis;
    },
    kontrollera: async (options, onProgress) => {
      const outcome = await port.kontrollera(options, onProgress);
      seen(outcome.analysis);
      return outcome;
    },
    summering: async (options, onProgress) => {
      const outcome = await port.summering(options, onProgress);
      seen(outcome.analysis);
      return outcome;
    },
    onChange(listener) {
      listeners.add(listener);
      if (listeners.size === 1 && sheets.length > 0) void watcher.watch(sheets);
      return () => {
        if (!listeners.delete(listener)) return;
        if (listeners.size === 0) void watcher.stop();
      };
    },
  };
}
