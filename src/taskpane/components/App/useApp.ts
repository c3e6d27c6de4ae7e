/**
 * State and effects of the task pane: the analysis, the running action with its progress,
 * the latest result message, the options and the selected tab. Every port call goes
 * through here, and every failure ends in a message (never a silent pane).
 */
import * as React from "react";
import type { WorkbookPort } from "../../../app/port";
import type { Analysis, Options } from "../../../domain/types";
import type { Language, Strings } from "../../i18n";
import { describeError } from "./describeError";

export type TabName = "overview" | "problems" | "settings";
export type ActionKind = "kontrollera" | "summering" | "mall" | "agenda";

export type LoadState = { kind: "loading" } | { kind: "ready"; analysis: Analysis } | { kind: "failed" };

export interface RunningAction {
  action: ActionKind;
  /** 0…1 once the port reports progress; null while indeterminate. */
  progress: number | null;
  /** The progress bar appears only when the action takes longer than PROGRESS_DELAY_MS. */
  showProgress: boolean;
}

export type MessageSource = "analyse" | ActionKind | "select" | "settings";

export interface ResultMessage {
  /** Changes for every message, so that a repeated message is announced again. */
  id: number;
  source: MessageSource;
  intent: "success" | "error" | "warning";
  title: string;
  text: string;
  detail: string | null;
  retry: (() => void) | null;
}

export interface UseAppInput {
  port: WorkbookPort;
  language: Language;
  strings: Strings;
  initialOptions: Options;
  onOptionsChange?: ((options: Options) => void | Promise<void>) | undefined;
}

/** The pane's state as {@link PaneState} holds it, and what the pane can do. */
export interface AppState extends Omit<PaneState, "nextMessageId"> {
  setTab: (tab: TabName) => void;
  reload: () => void;
  kontrollera: () => void;
  summering: () => void;
  infogaMall: (withSample: boolean) => void;
  selectRow: (sheet: string, row: number) => void;
  /** Mötesunderlag (issue 14): writes the meeting's agenda sheet; undefined when the port cannot. */
  motesunderlag: ((forum: string, date: string) => void) | undefined;
  changeOptions: (options: Options) => void;
  dismissMessage: () => void;
}

/** @default 300 ms before a progress bar appears. */
export const PROGRESS_DELAY_MS = 300;
/** Settings changes are re-analysed after this pause, so that holding an arrow key reads once. */
export const REANALYSE_DELAY_MS = 300;
/**
 * Issue 11: edits in the workbook (`WorkbookPort.onChange`) are re-analysed after this quiet
 * period, so that typing reads once, and the overview is current about a second after the last edit.
 */
export const CHANGE_QUIET_MS = 1000;

/** What a retry button may call again (see `latest` in useApp). */
interface Retries {
  analyse: (options: Options) => void;
  kontrollera: () => void;
  summering: () => void;
  infogaMall: (withSample: boolean) => void;
  writeAgenda: (forum: string, date: string) => void;
  selectRow: (sheet: string, row: number) => void;
}

const noop = (): void => undefined;

/** The pane's state, changed only by {@link paneReducer}. */
export interface PaneState {
  options: Options;
  load: LoadState;
  /** An analysis is being read while an older one is shown. */
  refreshing: boolean;
  running: RunningAction | null;
  message: ResultMessage | null;
  tab: TabName;
  /** The id the next message gets. */
  nextMessageId: number;
}

export type PaneEvent =
  | { type: "options"; options: Options }
  | { type: "tab"; tab: TabName }
  | { type: "analyseStarted" }
  | { type: "analyseSucceeded"; analysis: Analysis }
  | { type: "analyseFailed" }
  /** The retry of a failed analysis: its message goes, and a pane that has nothing shows loading. */
  | { type: "analyseRetried" }
  /** An action's outcome replaces whatever analysis was still being read. */
  | { type: "analysisAdopted"; analysis: Analysis }
  | { type: "actionStarted"; action: ActionKind }
  | { type: "progressShown" }
  | { type: "progress"; value: number }
  | { type: "actionEnded" }
  | { type: "message"; message: Omit<ResultMessage, "id"> }
  | { type: "messageDismissed" };

export function paneReducer(state: PaneState, event: PaneEvent): PaneState {
  switch (event.type) {
    case "options":
      return { ...state, options: event.options };
    case "tab":
      return { ...state, tab: event.tab };
    case "analyseStarted":
      return { ...state, refreshing: true };
    case "analyseSucceeded":
      return {
        ...state,
        load: { kind: "ready", analysis: event.analysis },
        refreshing: false,
        message: state.message !== null && state.message.source === "analyse" ? null : state.message,
      };
    case "analyseFailed":
      return { ...state, load: state.load.kind === "ready" ? state.load : { kind: "failed" }, refreshing: false };
    case "analyseRetried":
      return { ...state, message: null, load: state.load.kind === "failed" ? { kind: "loading" } : state.load };
    case "analysisAdopted":
      return { ...state, load: { kind: "ready", analysis: event.analysis }, refreshing: false };
    case "actionStarted":
      return { ...state, message: null, running: { action: event.action, progress: null, showProgress: false } };
    case "progressShown":
      return state.running === null ? state : { ...state, running: { ...state.running, showProgress: true } };
    case "progress":
      return state.running === null ? state : { ...state, running: { ...state.running, progress: event.value } };
    case "actionEnded":
      return { ...state, running: null };
    case "message":
      return { ...state, message: { ...event.message, id: state.nextMessageId }, nextMessageId: state.nextMessageId + 1 };
    case "messageDismissed":
      return { ...state, message: null };
  }
}

/** What a finished action reports: the analysis it brings (none: read a new one) and its success text. */
interface ActionDone {
  analysis: Analysis | null;
  text: string;
}

export function useApp({ port, language, strings, initialOptions, onOptionsChange }: UseAppInput): AppState {
  const [state, dispatch] = React.useReducer(paneReducer, initialOptions, (options): PaneState => ({
    options,
    load: { kind: "loading" },
    refreshing: false,
    running: null,
    message: null,
    tab: "overview",
    nextMessageId: 1,
  }));

  const optionsRef = React.useRef(initialOptions);
  const analyseSeq = React.useRef(0);
  const busy = React.useRef(false);
  const mounted = React.useRef(true);
  const reanalyseTimer = React.useRef<ReturnType<typeof setTimeout> | null>(null);
  const onOptionsChangeRef = React.useRef(onOptionsChange);
  React.useEffect(() => {
    onOptionsChangeRef.current = onOptionsChange;
  });
  /** The latest callbacks, for the retry buttons (a callback cannot name itself while it is declared). */
  const latest = React.useRef<Retries>({ analyse: noop, kontrollera: noop, summering: noop, infogaMall: noop, writeAgenda: noop, selectRow: noop });

  const show = React.useCallback((message: Omit<ResultMessage, "id">) => {
    if (mounted.current) dispatch({ type: "message", message });
  }, []);

  const showError = React.useCallback(
    (source: MessageSource, err: unknown, retry: (() => void) | null, fallback?: string) => {
      const { text, detail } = describeError(err, language, strings, fallback);
      show({ source, intent: "error", title: strings.errorTitle, text, detail, retry });
    },
    [language, strings, show],
  );

  const analyse = React.useCallback(
    async (opts: Options): Promise<void> => {
      analyseSeq.current += 1;
      const mine = analyseSeq.current;
      dispatch({ type: "analyseStarted" });
      try {
        const analysis = await port.analyse(opts);
        if (!mounted.current || mine !== analyseSeq.current) return;
        dispatch({ type: "analyseSucceeded", analysis });
      } catch (err) {
        if (!mounted.current || mine !== analyseSeq.current) return;
        dispatch({ type: "analyseFailed" });
        showError("analyse", err, () => {
          dispatch({ type: "analyseRetried" });
          latest.current.analyse(optionsRef.current);
        });
      }
    },
    [port, showError],
  );

  React.useEffect(() => {
    mounted.current = true;
    void analyse(optionsRef.current);
    return () => {
      mounted.current = false;
      if (reanalyseTimer.current !== null) clearTimeout(reanalyseTimer.current);
    };
  }, [analyse]);

  // Issue 11: follow edits. One analysis per quiet period; never while an action runs (its outcome
  // brings its own analysis), then once after it. Nothing is written.
  React.useEffect(() => {
    if (port.onChange === undefined) return undefined;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const schedule = (): void => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        if (!mounted.current) return;
        if (busy.current) schedule();
        else void analyse(optionsRef.current);
      }, CHANGE_QUIET_MS);
    };
    const unsubscribe = port.onChange(schedule);
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [port, analyse]);

  /**
   * Runs one writing action (the pane shows one at a time): progress after PROGRESS_DELAY_MS, then
   * its outcome's analysis adopted (or a new one read) and its success message, or its error with a
   * retry. `call` resolving to undefined ends the action without a message.
   */
  const runAction = React.useCallback(
    (action: ActionKind, call: (onProgress: (fraction: number) => void) => Promise<ActionDone | undefined>, retry: () => void): void => {
      if (busy.current) return;
      busy.current = true;
      dispatch({ type: "actionStarted", action });
      const timer = setTimeout(() => {
        if (mounted.current) dispatch({ type: "progressShown" });
      }, PROGRESS_DELAY_MS);
      const onProgress = (fraction: number): void => {
        if (!mounted.current || !Number.isFinite(fraction)) return;
        dispatch({ type: "progress", value: Math.min(1, Math.max(0, fraction)) });
      };
      void (async () => {
        try {
          const done = await call(onProgress);
          if (done === undefined) return;
          if (done.analysis !== null) {
            analyseSeq.current += 1;
            if (mounted.current) dispatch({ type: "analysisAdopted", analysis: done.analysis });
          }
          show({ source: action, intent: "success", title: strings.successTitle, text: done.text, detail: null, retry: null });
          if (done.analysis === null) void analyse(optionsRef.current);
        } catch (err) {
          showError(action, err, retry);
        } finally {
          clearTimeout(timer);
          busy.current = false;
          if (mounted.current) dispatch({ type: "actionEnded" });
        }
      })();
    },
    [analyse, show, showError, strings],
  );

  /** Kontrollera and Summering: the port's action with the current options, then its sentence. */
  const runCheckOrSummary = React.useCallback(
    (action: "kontrollera" | "summering"): void => {
      runAction(
        action,
        async (onProgress) => {
          const outcome = await port[action](optionsRef.current, onProgress);
          const text = action === "kontrollera" ? strings.kontrolleraDone(outcome.statusColumns) : strings.summeringDone(outcome.summarySheet);
          return { analysis: outcome.analysis, text };
        },
        () => latest.current[action](),
      );
    },
    [runAction, port, strings],
  );
  const kontrollera = React.useCallback(() => runCheckOrSummary("kontrollera"), [runCheckOrSummary]);
  const summering = React.useCallback(() => runCheckOrSummary("summering"), [runCheckOrSummary]);

  const infogaMall = React.useCallback(
    (withSample: boolean): void => {
      runAction(
        "mall",
        async () => ({ analysis: null, text: strings.mallDone(await port.infogaMall(withSample)) }),
        () => latest.current.infogaMall(withSample),
      );
    },
    [runAction, port, strings],
  );

  const writeAgenda = React.useCallback(
    (forum: string, date: string): void => {
      runAction(
        "agenda",
        async () => {
          const outcome = await port.motesunderlag?.(optionsRef.current, forum, date);
          return outcome === undefined ? undefined : { analysis: outcome.analysis, text: strings.agendaDone(outcome.sheet, outcome.printSetup) };
        },
        () => latest.current.writeAgenda(forum, date),
      );
    },
    [runAction, port, strings],
  );
  const motesunderlag = port.motesunderlag === undefined ? undefined : writeAgenda;

  const selectRow = React.useCallback(
    (sheet: string, row: number): void => {
      void (async () => {
        try {
          await port.selectRow(sheet, row);
        } catch (err) {
          showError("select", err, () => latest.current.selectRow(sheet, row), strings.selectRowFailed);
        }
      })();
    },
    [port, showError, strings],
  );

  const changeOptions = React.useCallback(
    (next: Options): void => {
      optionsRef.current = next;
      dispatch({ type: "options", options: next });
      try {
        const saved = onOptionsChangeRef.current?.(next);
        if (saved instanceof Promise) {
          saved.catch((err: unknown) => showError("settings", err, null, strings.saveSettingsFailed));
        }
      } catch (err) {
        showError("settings", err, null, strings.saveSettingsFailed);
      }
      if (reanalyseTimer.current !== null) clearTimeout(reanalyseTimer.current);
      reanalyseTimer.current = setTimeout(() => {
        reanalyseTimer.current = null;
        void analyse(optionsRef.current);
      }, REANALYSE_DELAY_MS);
    },
    [analyse, showError, strings],
  );

  const reload = React.useCallback((): void => {
    dispatch({ type: "messageDismissed" });
    void analyse(optionsRef.current);
  }, [analyse]);

  const dismissMessage = React.useCallback(() => dispatch({ type: "messageDismissed" }), []);
  const setTab = React.useCallback((tab: TabName) => dispatch({ type: "tab", tab }), []);

  React.useEffect(() => {
    latest.current = { analyse: (o) => void analyse(o), kontrollera, summering, infogaMall, writeAgenda, selectRow };
  });

  return {
    options: state.options,
    load: state.load,
    refreshing: state.refreshing,
    running: state.running,
    message: state.message,
    tab: state.tab,
    setTab,
    reload,
    kontrollera,
    summering,
    infogaMall,
    selectRow,
    motesunderlag,
    changeOptions,
    dismissMessage,
  };
}
