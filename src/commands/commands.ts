/**
 * The ribbon's function file (commands.html). Each ExecuteFunction button in manifest.xml is
 * associated here with a handler that runs the Excel adapter's action and ALWAYS calls
 * `event.completed()`. The result is remembered for the task pane, per workbook
 * (commandMessageStore), and shown in a small dialog (message.html) when the host has the
 * dialog API: a success for a few seconds, an error until the user closes it. Office ends a
 * command that has not completed within 5 minutes, so the dialog is closed before that,
 * counted from when the command started (dialogCloseDelay). `event.completed()` waits for the
 * dialog, because the dialog belongs to this page's runtime.
 */
import { runInfogaMall, runKontrollera, runMotesunderlag, runSummering } from "../excel/actions";
import { toOptions, type CommandMessage, type RibbonCommand } from "../app/settings";
import { readSettingsFresh } from "../app/settingsStore";
import type { ActionOutcome, AgendaOutcome } from "../app/port";
import { saveWorkbookCommandMessage } from "./commandMessageStore";
import { describeError, describeSuccess, dialogCloseDelay, dialogUrl, pickLanguage } from "./ribbonMessages";

async function perform(command: RibbonCommand): Promise<ActionOutcome | AgendaOutcome | string> {
  switch (command) {
    case "kontrollera":
      return runKontrollera(toOptions((await readSettingsFresh()).settings));
    case "summering":
      return runSummering(toOptions((await readSettingsFresh()).settings));
    case "motesunderlag":
      // SVOM's next meeting after today (the engine's default forum and date).
      return runMotesunderlag(toOptions((await readSettingsFresh()).settings));
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
 * or after `closeAfterMs` (it is then closed). Never rejects.
 */
function showDialog(message: CommandMessage, closeAfterMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const ui = typeof Office !== "undefined" ? Office.context?.ui : undefined;
    if (!ui || typeof ui.displayDialogAsync !== "function" || closeAfterMs <= 0) {
      resolve();
      return;
    }
    let dialog: Office.Dialog | null = null;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      try {
        dialog?.close();
      } catch {
        // already closed
      }
      resolve();
    };
    // Counted from the call, not from when the host opens the dialog: the limit runs already.
    const timer = setTimeout(finish, closeAfterMs);
    try {
      const url = dialogUrl(window.location.href, message, pickLanguage(displayLanguage()));
      ui.displayDialogAsync(url, { height: 30, width: 35, displayInIframe: true }, (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) {
          console.error("Balans: the message dialog could not be opened", result.error);
          finish();
          return;
        }
        dialog = result.value;
        if (finished) {
          // The time ran out while the host was opening it.
          try {
            dialog.close();
          } catch {
            // already closed
          }
          return;
        }
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, finish);
        dialog.addEventHandler(Office.EventType.DialogEventReceived, finish);
      });
    } catch (e) {
      console.error("Balans: the message dialog could not be opened", e);
      finish();
    }
  });
}

/** Runs one command to the end: the action, the message saved for the pane, the dialog. Never rejects. */
async function run(command: RibbonCommand, startedAtMs: number): Promise<void> {
  let message: CommandMessage;
  try {
    const result = await perform(command);
    message = describeSuccess(command, result, new Date());
  } catch (error) {
    message = describeError(command, error, new Date());
    console.error(`Balans: ${command} failed`, error);
  }
  saveWorkbookCommandMessage(message);
  await showDialog(message, dialogCloseDelay(message.ok, startedAtMs, Date.now()));
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
      run(command, Date.now()).then(complete, complete);
    } catch (e) {
      console.error(`Balans: ${command} could not start`, e);
      complete();
    }
  };
}

const kontrollera = handlerFor("kontrollera");
const summering = handlerFor("summering");
const motesunderlag = handlerFor("motesunderlag");
const infogaMall = handlerFor("infogaMall");
const infogaExempel = handlerFor("infogaExempel");

/** Older hosts without Office.actions look the function up by name on the global object. */
const globals = globalThis as unknown as Record<string, unknown>;
/** Set by the start-up check (src/startup/platformCheck.js): its own handlers answer the buttons then. */
const unsupported = typeof globals.__balansUnsupported === "string";
if (!unsupported) {
  globals.kontrollera = kontrollera;
  globals.summering = summering;
  globals.motesunderlag = motesunderlag;
  globals.infogaMall = infogaMall;
  globals.infogaExempel = infogaExempel;
}

if (unsupported) {
  console.error(`Balans: this engine cannot run Balans (${String(globals.__balansUnsupported)}).`);
} else if (typeof Office === "undefined") {
  console.error("Balans: office.js did not load; the ribbon commands cannot run.");
} else {
  Office.onReady(() => {
    if (!Office.actions || typeof Office.actions.associate !== "function") return; // globals above serve
    // The names must match <FunctionName> in manifest.xml (test/unit/manifest.test.ts checks).
    Office.actions.associate("kontrollera", kontrollera);
    Office.actions.associate("summering", summering);
    Office.actions.associate("motesunderlag", motesunderlag);
    Office.actions.associate("infogaMall", infogaMall);
    Office.actions.associate("infogaExempel", infogaExempel);
  });
}
