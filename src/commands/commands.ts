/**
 * The ribbon's function file (commands.html). Each ExecuteFunction button in manifest.xml is
 * associated here with a handler that runs the Excel adapter's action and ALWAYS calls
 * `event.completed()`. An error is never silent: it is remembered for the task pane
 * (settingsStore.saveCommandMessage) and shown in a small dialog (message.html) when the host
 * has the dialog API; `event.completed()` then waits until that dialog is closed, because the
 * dialog belongs to this page's runtime.
 */
import { runInfogaMall, runKontrollera, runSummering } from "../excel/actions";
import { toOptions, type CommandMessage, type RibbonCommand } from "../app/settings";
import { readSettingsFresh, saveCommandMessage } from "../app/settingsStore";
import type { ActionOutcome } from "../app/port";
import { describeError, describeSuccess, dialogUrl, pickLanguage } from "./ribbonMessages";

/** The dialog is closed by itself after this long, so that the command does not hang. */
const DIALOG_TIMEOUT_MS = 4 * 60 * 1000;

async function perform(command: RibbonCommand): Promise<ActionOutcome | string> {
  switch (command) {
    case "kontrollera":
      return runKontrollera(toOptions((await readSettingsFresh()).settings));
    case "summering":
      return runSummering(toOptions((await readSettingsFresh()).settings));
    case "infogaMall":
      return runInfogaMall(false);
    case "infogaExempel":
      return runInfogaMall(true);
  }
}

function displayLanguage(): string | null {
  try {
    return Office.context?.displayLanguage ?? null;
  } catch {
    return null;
  }
}

/**
 * Shows `message` in a dialog and resolves when the user closes it, when it cannot be opened,
 * or after DIALOG_TIMEOUT_MS. Never rejects.
 */
function showDialog(message: CommandMessage): Promise<void> {
  return new Promise<void>((resolve) => {
    const ui = typeof Office !== "undefined" ? Office.context?.ui : undefined;
    if (!ui || typeof ui.displayDialogAsync !== "function") {
      resolve();
      return;
    }
    let dialog: Office.Dialog | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      if (timer !== undefined) clearTimeout(timer);
      try {
        dialog?.close();
      } catch {
        // already closed
      }
      resolve();
    };
    try {
      const url = dialogUrl(window.location.href, message, pickLanguage(displayLanguage()));
      ui.displayDialogAsync(url, { height: 30, width: 35, displayInIframe: true }, (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) {
          console.error("Balans: the message dialog could not be opened", result.error);
          finish();
          return;
        }
        dialog = result.value;
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, finish);
        dialog.addEventHandler(Office.EventType.DialogEventReceived, finish);
        timer = setTimeout(finish, DIALOG_TIMEOUT_MS);
      });
    } catch (e) {
      console.error("Balans: the message dialog could not be opened", e);
      finish();
    }
  });
}

/** Runs one command to the end. Never rejects. */
async function run(command: RibbonCommand): Promise<void> {
  try {
    const result = await perform(command);
    saveCommandMessage(describeSuccess(command, result, new Date()));
  } catch (error) {
    const message = describeError(command, error, new Date());
    console.error(`Balans: ${command} failed`, error);
    saveCommandMessage(message);
    await showDialog(message);
  }
}

/** The handler Office calls for `command`; `event.completed()` is called exactly once, whatever happens. */
function handlerFor(command: RibbonCommand): (event: Office.AddinCommands.Event) => void {
  return (event) => {
    let completed = false;
    const complete = () => {
      if (completed) return;
      completed = true;
      try {
        event.completed();
      } catch (e) {
        console.error("Balans: event.completed() failed", e);
      }
    };
    try {
      run(command).then(complete, complete);
    } catch (e) {
      console.error(`Balans: ${command} could not start`, e);
      complete();
    }
  };
}

const kontrollera = handlerFor("kontrollera");
const summering = handlerFor("summering");
const infogaMall = handlerFor("infogaMall");
const infogaExempel = handlerFor("infogaExempel");

/** Older hosts without Office.actions look the function up by name on the global object. */
const globals = globalThis as unknown as Record<string, unknown>;
globals.kontrollera = kontrollera;
globals.summering = summering;
globals.infogaMall = infogaMall;
globals.infogaExempel = infogaExempel;

if (typeof Office === "undefined") {
  console.error("Balans: office.js did not load; the ribbon commands cannot run.");
} else {
  Office.onReady(() => {
    if (!Office.actions || typeof Office.actions.associate !== "function") return; // globals above serve
    // The names must match <FunctionName> in manifest.xml (test/unit/manifest.test.ts checks).
    Office.actions.associate("kontrollera", kontrollera);
    Office.actions.associate("summering", summering);
    Office.actions.associate("infogaMall", infogaMall);
    Office.actions.associate("infogaExempel", infogaExempel);
  });
}
