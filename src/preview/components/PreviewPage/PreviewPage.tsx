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
import type { Options } from "../../../domain/types";
import { App } from "../../../taskpane/components/App";
import type { PreviewParams } from "../../previewParams";
import type { PreviewPort } from "../../PreviewPort";
import { type PreviewStrings, previewStringsByLanguage } from "../../previewStrings";
import { MAX_GRID_ROWS } from "../../sheetView";
import { SheetGrid } from "../SheetGrid";
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
  // The pane starts afresh for each workbook, with the options the user last chose.
  const optionsRef = React.useRef<Options>(params.options);
  const onOptionsChange = React.useCallback((options: Options) => {
    optionsRef.current = options;
  }, []);
  const busy = workbook.reading !== null || workbook.downloading;

  return (
    <FluentProvider theme={webLightTheme} lang={language} className={styles.page}>
      <div className={styles.workbook}>
        <header className={styles.header}>
          <div className={styles.toolbarRow}>
            <p className={styles.brand}>Balans</p>
            <Toolbar aria-label={strings.toolbarLabel} size="small">
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
          {params.badToday ? (
            <MessageBar intent="warning">
              <MessageBarBody>{strings.badToday(params.today ?? "")}</MessageBarBody>
            </MessageBar>
          ) : null}
          <PageMessageBar message={workbook.message} strings={strings} onDismiss={workbook.dismissMessage} />
        </header>
        <section className={styles.gridArea} aria-label={strings.workbookLabel(port.name)}>
          <SheetGrid key={seq} port={port} language={language} strings={strings} maxRows={maxRows} />
        </section>
      </div>
      <div className={styles.pane} data-testid="balans-pane">
        <App key={seq} port={port} language={language} initialOptions={optionsRef.current} onOptionsChange={onOptionsChange} />
      </div>
    </FluentProvider>
  );
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
