/**
 * Entry of the task pane page. Shows a spinner at once, then waits for office.js at most
 * OFFICE_READY_TIMEOUT_MS: inside Excel it mounts the pane on the Excel adapter; anywhere
 * else (a plain browser, office.js blocked or slow) it loads the in-page preview.
 */
import { createRoot, type Root } from "react-dom/client";
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  webLightTheme,
} from "@fluentui/react-components";
import { toOptions } from "../app/settings";
import { clearCommandMessage, readCommandMessage, readSettingsFresh, saveSettings } from "../app/settingsStore";
import type { Options } from "../domain/types";
import { createExcelPort } from "../excel/actions";
import { isExcelHost, waitForOffice } from "./boot";
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

function renderStarting(root: Root, language: Language): void {
  root.render(
    <FluentProvider theme={webLightTheme}>
      <div style={{ display: "flex", justifyContent: "center", padding: "48px 0" }}>
        <Spinner label={stringsByLanguage[language].startingUp} labelPosition="below" />
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
  const texts = settingsProblems.map((p) => (language === "en" ? p.messageEn : p.message));
  const ribbon = readCommandMessage();
  if (ribbon !== null) {
    const age = Date.now() - Date.parse(ribbon.at);
    if (!ribbon.ok && Number.isFinite(age) && age >= 0 && age < RIBBON_MESSAGE_MAX_AGE_MS) {
      texts.push(language === "en" ? ribbon.messageEn : ribbon.message);
    }
    clearCommandMessage();
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
  const container = findContainer();
  const root = createRoot(container);
  const previewLanguage = pickPreviewLanguage(window.location.search, navigator.language);
  document.documentElement.lang = previewLanguage;
  renderStarting(root, previewLanguage);

  const info = await waitForOffice();
  if (isExcelHost(info)) await startExcel(root);
  else await startPreview(root, container, previewLanguage);
}

void main();
