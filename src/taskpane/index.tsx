/**
 * Entry of the task pane page. Shows a spinner at once, then waits for office.js as long as it
 * takes (see boot.ts): inside Excel it mounts the pane on the Excel adapter; where office.js is
 * absent or reports no host (a plain browser) it loads the in-page preview. After
 * OFFICE_SLOW_NOTICE_MS without an answer it says that it is still waiting, and offers the
 * preview as a button (never by itself). On an engine that cannot run Balans, the start-up
 * check (src/startup/platformCheck.js) has already shown its message and nothing starts here.
 */
import { createRoot, type Root } from "react-dom/client";
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  webLightTheme,
} from "@fluentui/react-components";
import { toOptions } from "../app/settings";
import { readSettingsFresh, saveSettings } from "../app/settingsStore";
import { clearWorkbookCommandMessage, readWorkbookCommandMessage } from "../commands/commandMessageStore";
import type { Options } from "../domain/types";
import { createExcelPort } from "../excel/actions";
import { platformUnsupported, routeFor, waitForOffice } from "./boot";
import { inLanguage } from "../domain/messages";
import { App } from "./components/App";
import { type Language, pickLanguage, pickPreviewLanguage, stringsByLanguage } from "./i18n";
import { settingsFromOptions } from "./settingsFromOptions";

/** A ribbon error younger than this is shown when the pane opens. */
const RIBBON_MESSAGE_MAX_AGE_MS = 60 * 60 * 1000;

function findContainer(): HTMLElement {
  const existing = document.getElementById("container");
  if (existing) return existing;
  const div = document.createElement("div");
  div.id = "container";
  document.body.appendChild(div);
  return div;
}

function officeDisplayLanguage(): string | undefined {
  try {
    return Office.context?.displayLanguage ?? undefined;
  } catch {
    return undefined;
  }
}

function renderStarting(root: Root, language: Language, slow = false, onOpenPreview?: () => void): void {
  const strings = stringsByLanguage[language];
  root.render(
    <FluentProvider theme={webLightTheme}>
      <div
        style={{ display: "flex", flexDirection: "column", alignItems: "center", gap: "12px", padding: "48px 12px", textAlign: "center" }}
      >
        <Spinner label={strings.startingUp} labelPosition="below" />
        {slow ? (
          <>
            <p role="status" style={{ margin: 0, maxWidth: "280px" }}>
              {strings.startingSlow}
            </p>
            {onOpenPreview ? (
              <Button appearance="subtle" onClick={onOpenPreview}>
                {strings.openPreviewInstead}
              </Button>
            ) : null}
          </>
        ) : null}
      </div>
    </FluentProvider>,
  );
}

function renderNotExcel(root: Root, language: Language, host: string): void {
  root.render(
    <FluentProvider theme={webLightTheme}>
      <div style={{ padding: "12px" }}>
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{stringsByLanguage[language].notExcel(host)}</MessageBarBody>
        </MessageBar>
      </div>
    </FluentProvider>,
  );
}

function renderStartupFailure(root: Root, language: Language, err: unknown): void {
  const strings = stringsByLanguage[language];
  const detail = err instanceof Error ? err.message : typeof err === "string" ? err : null;
  root.render(
    <FluentProvider theme={webLightTheme}>
      <div style={{ padding: "12px" }}>
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{strings.errorTitle}</MessageBarTitle>
            {strings.genericError}
            {detail ? <div>{strings.technicalDetail(detail)}</div> : null}
          </MessageBarBody>
        </MessageBar>
      </div>
    </FluentProvider>,
  );
}

/** Texts to show once when the pane opens: unusable saved settings, a recent ribbon error. */
function startupNotice(language: Language, settingsProblems: { message: string; messageEn: string }[]): string | null {
  const texts = settingsProblems.map((p) => inLanguage(language, p));
  const ribbon = readWorkbookCommandMessage();
  if (ribbon !== null) {
    const age = Date.now() - Date.parse(ribbon.at);
    if (!ribbon.ok && Number.isFinite(age) && age >= 0 && age < RIBBON_MESSAGE_MAX_AGE_MS) {
      texts.push(inLanguage(language, ribbon));
    }
    clearWorkbookCommandMessage();
  }
  return texts.length > 0 ? texts.join(" ") : null;
}

async function startExcel(root: Root): Promise<void> {
  const language = pickLanguage(officeDisplayLanguage());
  document.documentElement.lang = language;
  try {
    const parsed = await readSettingsFresh();
    const initialOptions = toOptions(parsed.settings);
    const port = createExcelPort();
    const onOptionsChange = (options: Options): Promise<void> => saveSettings(settingsFromOptions(options));
    root.render(
      <App
        port={port}
        language={language}
        initialOptions={initialOptions}
        onOptionsChange={onOptionsChange}
        notice={startupNotice(language, parsed.problems)}
      />,
    );
  } catch (err) {
    renderStartupFailure(root, language, err);
  }
}

async function startPreview(root: Root, container: HTMLElement, language: Language): Promise<void> {
  let mountPreview: (container: HTMLElement) => void;
  try {
    // Loaded only outside Office, so that the pane's own bundle stays small.
    ({ mountPreview } = await import("../preview/mountPreview"));
  } catch (err) {
    renderStartupFailure(root, language, err);
    return;
  }
  root.unmount();
  try {
    mountPreview(container);
  } catch (err) {
    renderStartupFailure(createRoot(container), language, err);
  }
}

async function main(): Promise<void> {
  if (platformUnsupported()) return; // the start-up check's message stays
  const container = findContainer();
  const root = createRoot(container);
  const previewLanguage = pickPreviewLanguage(window.location.search, navigator.language);
  document.documentElement.lang = previewLanguage;
  renderStarting(root, previewLanguage);

  // The user may choose the preview while office.js has not answered; office.js answering
  // later must not start a second pane over it.
  let settled = false;
  const openPreview = (): void => {
    if (settled) return;
    settled = true;
    void startPreview(root, container, previewLanguage);
  };
  const start = await waitForOffice(undefined, () => {
    if (!settled) renderStarting(root, previewLanguage, true, openPreview);
  });
  if (settled) return;
  settled = true;
  switch (routeFor(start)) {
    case "excel":
      await startExcel(root);
      break;
    case "preview":
      await startPreview(root, container, previewLanguage);
      break;
    case "other-host":
      renderNotExcel(root, pickLanguage(officeDisplayLanguage()), start.kind === "host" ? (start.info.host ?? "") : "");
      break;
    case "failed":
      renderStartupFailure(root, pickLanguage(officeDisplayLanguage()), start.kind === "failed" ? start.error : null);
      break;
  }
}

void main();
