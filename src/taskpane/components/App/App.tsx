import * as React from "react";
import {
  AriaLiveAnnouncer,
  Button,
  Field,
  FluentProvider,
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Tab,
  TabList,
  Tooltip,
  useId,
  webLightTheme,
} from "@fluentui/react-components";
import { ArrowClockwiseRegular, DismissRegular } from "@fluentui/react-icons";
import type { WorkbookPort } from "../../../app/port";
import type { Options } from "../../../domain/types";
import { I18nProvider, type Language, useStrings } from "../../i18n";
import { Overview, ProblemList } from "../Overview";
import { Settings } from "../Settings";
import { useAppStyles } from "./App.styles";
import { type AppState, type TabName, useApp } from "./useApp";

export interface AppProps {
  /** The workbook, as Excel or the in-page preview provides it. */
  port: WorkbookPort;
  language: Language;
  initialOptions: Options;
  /** Called with every valid options change; a rejected promise is shown as a warning. */
  onOptionsChange?: (options: Options) => void | Promise<void>;
  /** A note shown above everything, e.g. that this is the preview. */
  notice?: string | null;
}

/** The Balans task pane. Brings its own FluentProvider (web light theme) and live announcer. */
export function App(props: AppProps): React.JSX.Element {
  // No className here: FluentProvider copies it onto the portal node of menus and tooltips.
  return (
    <FluentProvider theme={webLightTheme} lang={props.language === "en" ? "en" : "sv"}>
      <AriaLiveAnnouncer>
        <I18nProvider language={props.language}>
          <AppBody {...props} />
        </I18nProvider>
      </AriaLiveAnnouncer>
    </FluentProvider>
  );
}

function AppBody({ port, language, initialOptions, onOptionsChange, notice }: AppProps): React.JSX.Element {
  const styles = useAppStyles();
  const strings = useStrings();
  const app = useApp({ port, language, strings, initialOptions, onOptionsChange });
  const ids = { overview: useId("tab-overview"), problems: useId("tab-problems"), settings: useId("tab-settings") };
  const panelId = useId("tabpanel");
  const problemCount = app.load.kind === "ready" ? app.load.analysis.problems.length : 0;
  const busy = app.running !== null;

  return (
    <main className={styles.root} aria-busy={app.load.kind === "loading" || busy}>
      <h1 className={styles.title}>{strings.appTitle}</h1>

      <div role="group" aria-label={strings.actionsLabel} className={styles.actions}>
        <Tooltip content={strings.kontrolleraHint} relationship="description">
          <Button appearance="primary" disabled={busy} onClick={app.kontrollera}>
            {strings.kontrollera}
          </Button>
        </Tooltip>
        <Tooltip content={strings.summeringHint} relationship="description">
          <Button disabled={busy} onClick={app.summering}>
            {strings.summering}
          </Button>
        </Tooltip>
        <InsertTemplateMenu disabled={busy} onInsert={app.infogaMall} />
      </div>

      {notice ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{strings.noticeTitle}</MessageBarTitle>
            {notice}
          </MessageBarBody>
        </MessageBar>
      ) : null}

      <ActionProgress running={app.running} />
      <ResultMessageBar app={app} />

      <TabList
        className={styles.tabs}
        aria-label={strings.tabsLabel}
        selectedValue={app.tab}
        onTabSelect={(_e, data) => app.setTab(data.value as TabName)}
        size="small"
      >
        <Tab id={ids.overview} value="overview" aria-controls={panelId}>
          {strings.tabOverview}
        </Tab>
        <Tab id={ids.problems} value="problems" aria-controls={panelId}>
          {strings.tabProblems(problemCount)}
        </Tab>
        <Tab id={ids.settings} value="settings" aria-controls={panelId}>
          {strings.tabSettings}
        </Tab>
      </TabList>

      <div role="tabpanel" id={panelId} aria-labelledby={ids[app.tab]} className={styles.panel}>
        {app.tab === "settings" ? (
          <Settings options={app.options} onChange={app.changeOptions} />
        ) : app.load.kind === "loading" ? (
          <div className={styles.centered}>
            <Spinner label={strings.loading} labelPosition="below" />
          </div>
        ) : app.load.kind === "failed" ? (
          <Button icon={<ArrowClockwiseRegular />} onClick={app.reload} disabled={app.refreshing}>
            {strings.retry}
          </Button>
        ) : (
          <>
            {app.refreshing ? <Spinner className={styles.refreshing} size="tiny" label={strings.refreshing} /> : null}
            {app.tab === "overview" ? (
              <Overview
                analysis={app.load.analysis}
                busy={busy}
                onSelectRow={app.selectRow}
                onOpenAgenda={app.motesunderlag}
                onInsertTemplate={app.infogaMall}
                onShowProblems={() => app.setTab("problems")}
              />
            ) : (
              <ProblemList problems={app.load.analysis.problems} onSelectRow={app.selectRow} />
            )}
          </>
        )}
      </div>
    </main>
  );
}

function InsertTemplateMenu({ disabled, onInsert }: { disabled: boolean; onInsert: (withSample: boolean) => void }): React.JSX.Element {
  const strings = useStrings();
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <MenuButton disabled={disabled}>{strings.infogaMall}</MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItem onClick={() => onInsert(false)}>{strings.mallEmpty}</MenuItem>
          <MenuItem onClick={() => onInsert(true)}>{strings.mallSample}</MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

function ActionProgress({ running }: { running: AppState["running"] }): React.JSX.Element {
  const strings = useStrings();
  // The status region stays in the DOM so that screen readers announce what starts in it.
  const visible = running !== null && running.showProgress;
  return (
    <div role="status">
      {visible ? (
        <Field
          label={strings.running[running.action]}
          validationState="none"
          validationMessage={running.progress === null ? null : strings.progressDone(Math.round(running.progress * 100))}
        >
          <ProgressBar {...(running.progress === null ? {} : { value: running.progress })} />
        </Field>
      ) : null}
    </div>
  );
}

function ResultMessageBar({ app }: { app: AppState }): React.JSX.Element | null {
  const styles = useAppStyles();
  const strings = useStrings();
  const m = app.message;
  if (m === null) return null;
  return (
    <div className={styles.messages}>
      <MessageBar key={m.id} intent={m.intent} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{m.title}</MessageBarTitle>
          {m.text}
          {m.detail ? <span className={styles.detail}>{strings.technicalDetail(m.detail)}</span> : null}
        </MessageBarBody>
        <MessageBarActions
          containerAction={
            <Button appearance="transparent" aria-label={strings.dismiss} icon={<DismissRegular />} onClick={app.dismissMessage} />
          }
        >
          {m.retry ? (
            <Button disabled={app.running !== null} onClick={m.retry}>
              {strings.retry}
            </Button>
          ) : null}
        </MessageBarActions>
      </MessageBar>
    </div>
  );
}
