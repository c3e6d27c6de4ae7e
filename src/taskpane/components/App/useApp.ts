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

export interface AppState {
  options: Options;
  load: LoadState;
  /** An analysis is being read while an older one is shown. */
  refreshing: boolean;
  running: RunningAction | null;
  message: ResultMessage | null;
  tab: TabName;
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

export function useApp({ port, language, strings, initialOptions, onOptionsChange }: UseAppInput): AppState {
  const [options, setOptions] = React.useState<Options>(initialOptions);
  const [load, setLoad] = React.useState<LoadState>({ kind: "loading" });
  const [refreshing, setRefreshing] = React.useState(false);
  const [running, setRunning] = React.useState<RunningAction | null>(null);
  const [message, setMessage] = React.useState<ResultMessage | null>(null);
  const [tab, setTab] = React.useState<TabName>("overview");

  const optionsRef = React.useRef(options);
  const analyseSeq = React.useRef(0);
  const messageSeq = React.useRef(0);
  const busy = React.useRef(false);
  const mounted = React.useRef(true);
  const reanalyseTimer = React.useRef<ReturnType<typeof setTimeout> | null>(null);
  const onOptionsChangeRef = React.useRef(onOptionsChange);
  React.useEffect(() => {
    onOptionsChangeRef.current = onOptionsChange;
  });
  /** The latest callbacks, for the retry buttons (a callback cannot name itself while it is declared). */
  const latest = React.useRef<Retries>({ analyse: noop, kontrollera: noop, summering: noop, infogaMall: noop, writeAgenda: noop, selectRow: noop });

  const show = React.useCallback(
    (m: Omit<ResultMessage, "id">) => {
      if (!mounted.current) return;
      messageSeq.current += 1;
      setMessage({ ...m, id: messageSeq.current });
    },
    [],
  );

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
      setRefreshing(true);
      try {
        const analysis = await port.analyse(opts);
        if (!mounted.current || mine !== analyseSeq.current) return;
        setLoad({ kind: "ready", analysis });
        setMessage((m) => (m !== null && m.source === "analyse" ? null : m));
      } catch (err) {
        if (!mounted.current || mine !== analyseSeq.current) return;
        setLoad((prev) => (prev.kind === "ready" ? prev : { kind: "failed" }));
        showError("analyse", err, () => {
          setMessage(null);
          setLoad((prev) => (prev.kind === "failed" ? { kind: "loading" } : prev));
          latest.current.analyse(optionsRef.current);
        });
      } finally {
        if (mounted.current && mine === analyseSeq.current) setRefreshing(false);
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

  /** Runs one writing action; the pane shows one action at a time. */
  const run = React.useCallback(
    async (action: ActionKind, work: (onProgress: (fraction: number) => void) => Promise<void>): Promise<void> => {
      if (busy.current) return;
      busy.current = true;
      setMessage(null);
      setRunning({ action, progress: null, showProgress: false });
      const timer = setTimeout(() => {
        if (mounted.current) setRunning((r) => (r === null ? r : { ...r, showProgress: true }));
      }, PROGRESS_DELAY_MS);
      const onProgress = (fraction: number): void => {
        if (!mounted.current || !Number.isFinite(fraction)) return;
        const value = Math.min(1, Math.max(0, fraction));
        setRunning((r) => (r === null ? r : { ...r, progress: value }));
      };
      try {
        await work(onProgress);
      } finally {
        clearTimeout(timer);
        busy.current = false;
        if (mounted.current) setRunning(null);
      }
    },
    [],
  );

  /** An action's outcome replaces whatever analysis was still being read. */
  const adoptAnalysis = React.useCallback((analysis: Analysis) => {
    analyseSeq.current += 1;
    if (!mounted.current) return;
    setRefreshing(false);
    setLoad({ kind: "ready", analysis });
  }, []);

  const kontrollera = React.useCallback((): void => {
    void run("kontrollera", async (onProgress) => {
      try {
        const outcome = await port.kontrollera(optionsRef.current, onProgress);
        adoptAnalysis(outcome.analysis);
        show({
          source: "kontrollera",
          intent: "success",
          title: strings.successTitle,
          text: strings.kontrolleraDone(outcome.statusColumns),
          detail: null,
          retry: null,
        });
      } catch (err) {
        showError("kontrollera", err, () => latest.current.kontrollera());
      }
    });
  }, [run, port, adoptAnalysis, show, showError, strings]);

  const summering = React.useCallback((): void => {
    void run("summering", async (onProgress) => {
      try {
        const outcome = await port.summering(optionsRef.current, onProgress);
        adoptAnalysis(outcome.analysis);
        show({
          source: "summering",
          intent: "success",
          title: strings.successTitle,
          text: strings.summeringDone(outcome.summarySheet),
          detail: null,
          retry: null,
        });
      } catch (err) {
        showError("summering", err, () => latest.current.summering());
      }
    });
  }, [run, port, adoptAnalysis, show, showError, strings]);

  const infogaMall = React.useCallback(
    (withSample: boolean): void => {
      void run("mall", async () => {
        let sheet: string;
        try {
          sheet = await port.infogaMall(withSample);
        } catch (err) {
          showError("mall", err, () => latest.current.infogaMall(withSample));
          return;
        }
        show({ source: "mall", intent: "success", title: strings.successTitle, text: strings.mallDone(sheet), detail: null, retry: null });
        void analyse(optionsRef.current);
      });
    },
    [run, port, analyse, show, showError, strings],
  );

  const writeAgenda = React.useCallback(
    (forum: string, date: string): void => {
      void run("agenda", async () => {
        try {
          const outcome = await port.motesunderlag?.(optionsRef.current, forum, date);
          if (outcome === undefined) return;
          adoptAnalysis(outcome.analysis);
          show({ source: "agenda", intent: "success", title: strings.successTitle, text: strings.agendaDone(outcome.sheet, outcome.printSetup), detail: null, retry: null });
        } catch (err) {
          showError("agenda", err, () => latest.current.writeAgenda(forum, date));
        }
      });
    },
    [run, port, adoptAnalysis, show, showError, strings],
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
      setOptions(next);
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
    setMessage(null);
    void analyse(optionsRef.current);
  }, [analyse]);

  const dismissMessage = React.useCallback(() => setMessage(null), []);

  React.useEffect(() => {
    latest.current = { analyse: (o) => void analyse(o), kontrollera, summering, infogaMall, writeAgenda, selectRow };
  });

  return {
    options,
    load,
    refreshing,
    running,
    message,
    tab,
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
