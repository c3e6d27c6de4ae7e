import * as React from "react";
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Toolbar,
  ToolbarButton,
  webLightTheme,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, DismissRegular, DocumentTableRegular, FolderOpenRegular } from "@fluentui/react-icons";
import type { ActionOutcome, WorkbookPort } from "../../../app/port";
import { columnLetter } from "../../../domain/columnLetter";
import { planFlags } from "../../../domain";
import type { Options } from "../../../domain/types";
import { App } from "../../../taskpane/components/App";
import { type PreviewParams, SAMPLE_TODAY, type TodaySource } from "../../previewParams";
import type { PreviewPort } from "../../PreviewPort";
import { type PreviewStrings, previewStringsByLanguage } from "../../previewStrings";
import { MAX_GRID_ROWS } from "../../sheetView";
import { type GridReveal, SheetGrid } from "../SheetGrid";
import { usePreviewPageStyles, usePreviewStaticStyles } from "./PreviewPage.styles";
import { type PageMessage, usePreviewWorkbook } from "./usePreviewWorkbook";

export interface PreviewPageProps {
  params: PreviewParams;
  /** The first workbook; the sample built from the seeds when absent. */
  initialPort?: PreviewPort;
  /** @default MAX_GRID_ROWS */
  maxRows?: number;
}

const ACCEPT = ".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * Balans outside Excel: a workbook held in the page, shown as a grid with sheet tabs, beside the
 * same task pane as in Excel (on a {@link PreviewPort} instead of the Excel adapter).
 */
export function PreviewPage({ params, initialPort, maxRows = MAX_GRID_ROWS }: PreviewPageProps): React.JSX.Element {
  usePreviewStaticStyles();
  const styles = usePreviewPageStyles();
  const { language } = params;
  const strings = previewStringsByLanguage[language];
  const workbook = usePreviewWorkbook({ initialPort, sampleName: strings.sampleName });
  const { port, seq } = workbook.current;
  const inputRef = React.useRef<HTMLInputElement | null>(null);

  // The date used as today: `?today=` wins; the sample opens at its own date (SAMPLE_TODAY),
  // any other workbook at the real date; a date chosen in the pane's settings wins over both.
  const [todayChoice, setTodayChoice] = React.useState<TodaySource>(params.todaySource);
  const [chosenToday, setChosenToday] = React.useState<string | null>(null);
  const isSample = port.name === strings.sampleName;
  const today =
    chosenToday ??
    (todayChoice === "query" ? params.options.today : todayChoice === "sample" && isSample ? SAMPLE_TODAY : params.realToday);
  const showsSampleDate = chosenToday === null && todayChoice === "sample" && isSample;
  // The pane starts afresh for each workbook (and after the switch to today), with the
  // thresholds the user last chose.
  const [paneSeq, setPaneSeq] = React.useState(0);
  // The options the user last chose, kept as state (they are read while rendering the next pane).
  const [chosenOptions, setChosenOptions] = React.useState<Options>(params.options);
  const onOptionsChange = React.useCallback(
    (options: Options) => {
      setChosenOptions(options);
      if (options.today !== today) setChosenToday(options.today);
    },
    [today],
  );
  const switchToToday = React.useCallback(() => {
    setTodayChoice("real");
    setChosenToday(null);
    setPaneSeq((n) => n + 1);
  }, []);

  // What the grid scrolls to after the pane wrote something: the status column, the summary sheet.
  const [reveal, setReveal] = React.useState<GridReveal | null>(null);
  const panePort = usePanePort(port, setReveal);
  const busy = workbook.reading !== null || workbook.downloading;

  return (
    <FluentProvider theme={webLightTheme} lang={language} className={styles.page}>
      <div className={styles.workbook}>
        <header className={styles.header}>
          <div className={styles.toolbarRow}>
            <p className={styles.brand}>Balans</p>
            <Toolbar className={styles.toolbar} aria-label={strings.toolbarLabel} size="small">
              <ToolbarButton icon={<FolderOpenRegular />} disabled={busy} onClick={() => inputRef.current?.click()}>
                {strings.open}
              </ToolbarButton>
              <ToolbarButton icon={<DocumentTableRegular />} disabled={busy} onClick={workbook.loadSample}>
                {strings.sample}
              </ToolbarButton>
              <ToolbarButton icon={<ArrowDownloadRegular />} disabled={busy} onClick={() => void workbook.download()}>
                {strings.download}
              </ToolbarButton>
            </Toolbar>
            <input
              ref={inputRef}
              className={styles.hiddenInput}
              type="file"
              accept={ACCEPT}
              tabIndex={-1}
              aria-hidden="true"
              data-testid="open-xlsx"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                // Cleared, so that choosing the same file again reads it again.
                e.currentTarget.value = "";
                if (file) void workbook.openFile(file);
              }}
            />
            {workbook.reading !== null ? (
              <Spinner size="tiny" label={strings.reading(workbook.reading)} />
            ) : (
              <span className={styles.fileName} title={port.name}>
                {strings.workbookLabel(port.name)}
              </span>
            )}
          </div>
          <MessageBar intent="info">
            <MessageBarBody>
              {strings.notice}
              {params.today !== null && !params.badToday ? ` ${strings.noticeToday(params.options.today)}` : null}
            </MessageBarBody>
          </MessageBar>
          {showsSampleDate ? (
            <MessageBar intent="info" layout="multiline" data-testid="sample-date">
              <MessageBarBody>{strings.sampleDate(SAMPLE_TODAY)}</MessageBarBody>
              <MessageBarActions>
                <Button size="small" onClick={switchToToday}>
                  {strings.useToday(params.realToday)}
                </Button>
              </MessageBarActions>
            </MessageBar>
          ) : null}
          {params.badToday ? (
            <MessageBar intent="warning">
              <MessageBarBody>{strings.badToday(params.today ?? "")}</MessageBarBody>
            </MessageBar>
          ) : null}
          <PageMessageBar message={workbook.message} strings={strings} onDismiss={workbook.dismissMessage} />
        </header>
        <section className={styles.gridArea} aria-label={strings.workbookLabel(port.name)}>
          <SheetGrid key={seq} port={port} language={language} strings={strings} maxRows={maxRows} reveal={reveal} />
        </section>
      </div>
      <div className={styles.pane} data-testid="balans-pane">
        <App
          key={`${seq}:${paneSeq}`}
          port={panePort}
          language={language}
          initialOptions={{ ...chosenOptions, today }}
          onOptionsChange={onOptionsChange}
        />
      </div>
    </FluentProvider>
  );
}

/**
 * The port the pane works on: the preview's own, and after Kontrollera or Summering the grid is
 * told where the result is (PreviewPort itself only shows the summary sheet, as Excel does).
 */
function usePanePort(port: PreviewPort, setReveal: (reveal: GridReveal) => void): WorkbookPort {
  const nonce = React.useRef(0);
  return React.useMemo<WorkbookPort>(() => {
    const after = (outcome: ActionOutcome): ActionOutcome => {
      const target = revealFor(outcome, port.getView().sheet);
      if (target !== null) {
        if (target.sheet !== port.getView().sheet) port.showSheet(target.sheet);
        nonce.current += 1;
        setReveal({ ...target, nonce: nonce.current });
      }
      return outcome;
    };
    return {
      kind: port.kind,
      analyse: (options) => port.analyse(options),
      kontrollera: (options, onProgress) => port.kontrollera(options, onProgress).then(after),
      summering: (options, onProgress) => port.summering(options, onProgress).then(after),
      // Mötesunderlag: the grid shows the agenda sheet from its first cell.
      motesunderlag: (options, forum, date) =>
        port.motesunderlag(options, forum, date).then((outcome) => {
          if (outcome.sheet !== port.getView().sheet) port.showSheet(outcome.sheet);
          nonce.current += 1;
          setReveal({ sheet: outcome.sheet, address: "A1", nonce: nonce.current });
          return outcome;
        }),
      infogaMall: (withSample) => port.infogaMall(withSample),
      selectRow: (sheet, row) => port.selectRow(sheet, row),
    };
  }, [port, setReveal]);
}

/**
 * Where the grid should show an action's result: the summary sheet's first cell; or the header
 * of the status column Kontrollera wrote, on the sheet shown when there is one there, else on
 * the first sheet with one.
 */
export function revealFor(outcome: ActionOutcome, shownSheet: string | null): Omit<GridReveal, "nonce"> | null {
  if (outcome.summarySheet !== null) return { sheet: outcome.summarySheet, address: "A1" };
  const columns = planFlags(outcome.analysis);
  const column = columns.find((c) => c.sheet === shownSheet) ?? columns[0];
  if (column === undefined) return null;
  return { sheet: column.sheet, address: `${columnLetter(column.column)}${column.headerRow}` };
}

function PageMessageBar({
  message,
  strings,
  onDismiss,
}: {
  message: PageMessage | null;
  strings: PreviewStrings;
  onDismiss: () => void;
}): React.JSX.Element | null {
  const styles = usePreviewPageStyles();
  if (message === null) return null;
  let intent: "error" | "warning";
  let title: string;
  let text: string;
  let detail: string | null = null;
  switch (message.kind) {
    case "open-failed":
      intent = "error";
      title = strings.openFailedTitle;
      text = message.notXlsx ? strings.notXlsx(message.file) : strings.openFailed(message.file);
      detail = message.detail;
      break;
    case "unsupported":
      intent = "warning";
      title = strings.unsupportedTitle;
      text = strings.unsupported(message.parts);
      break;
    case "download-failed":
      intent = "error";
      title = strings.downloadFailedTitle;
      text = strings.downloadFailed;
      detail = message.detail;
      break;
  }
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {text}
        {detail !== null ? <span className={styles.detail}>{strings.technicalDetail(detail)}</span> : null}
      </MessageBarBody>
      <MessageBarActions
        containerAction={<Button appearance="transparent" aria-label={strings.dismiss} icon={<DismissRegular />} onClick={onDismiss} />}
      />
    </MessageBar>
  );
}
