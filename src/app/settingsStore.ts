/**
 * Where settings and ribbon messages are kept. The only file in src/app/ that touches Office
 * or browser storage; the checking itself is pure, in settings.ts.
 *
 * - Settings live in the workbook: `Office.context.document.settings`, key "balans.settings",
 *   so that everyone who opens the same workbook gets the same thresholds.
 * - The last ribbon command's result lives in `localStorage` ("balans.lastCommand"): the
 *   ribbon's function file and the task pane are pages of the same origin, and an error
 *   message has no business being saved into the user's workbook.
 */
import {
  COMMAND_MESSAGE_KEY,
  DEFAULT_SETTINGS,
  SETTINGS_KEY,
  loadSettings,
  parseCommandMessage,
  toStored,
  type BalansSettings,
  type CommandMessage,
  type ParsedSettings,
  type SettingsSource,
} from "./settings";

/** The document's settings object, or null outside Office (or before Office is ready). */
function documentSettings(): Office.Settings | null {
  try {
    if (typeof Office === "undefined") return null;
    return Office.context?.document?.settings ?? null;
  } catch {
    return null;
  }
}

/** The settings as this page last saw them (no round trip). Defaults outside Office. */
export function readSettings(): ParsedSettings {
  return loadSettings(documentSettings() as SettingsSource | null);
}

/**
 * Re-reads the settings saved in the document first (another page, such as the task pane,
 * may have saved since this one loaded), then returns them. Never rejects: a failed refresh
 * falls back to the copy in memory.
 */
export async function readSettingsFresh(): Promise<ParsedSettings> {
  const settings = documentSettings();
  if (settings && typeof settings.refreshAsync === "function") {
    await new Promise<void>((resolve) => {
      try {
        settings.refreshAsync(() => resolve());
      } catch {
        resolve();
      }
    });
  }
  return readSettings();
}

/** Checks and saves the settings into the workbook. Rejects when not in Office or saving fails. */
export async function saveSettings(next: BalansSettings): Promise<void> {
  const stored = toStored(next);
  const settings = documentSettings();
  if (!settings) throw new Error("Office document settings are not available");
  settings.set(SETTINGS_KEY, stored);
  await new Promise<void>((resolve, reject) => {
    settings.saveAsync((result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) resolve();
      else reject(new Error(result.error?.message ?? "Saving the settings failed"));
    });
  });
}

/** Saves the default settings (removes the user's own). */
export function resetSettings(): Promise<void> {
  return saveSettings({ ...DEFAULT_SETTINGS });
}

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null; // e.g. storage blocked by the browser's privacy settings
  }
}

/** Remembers the last ribbon command's result for the task pane. Returns false if it could not. */
export function saveCommandMessage(message: CommandMessage): boolean {
  const s = storage();
  if (!s) return false;
  try {
    s.setItem(COMMAND_MESSAGE_KEY, JSON.stringify(message));
    return true;
  } catch {
    return false;
  }
}

/** The last ribbon command's result, or null. */
export function readCommandMessage(): CommandMessage | null {
  const s = storage();
  if (!s) return null;
  try {
    return parseCommandMessage(s.getItem(COMMAND_MESSAGE_KEY));
  } catch {
    return null;
  }
}

/** Forgets the last ribbon command's result (after the pane has shown it). */
export function clearCommandMessage(): void {
  try {
    storage()?.removeItem(COMMAND_MESSAGE_KEY);
  } catch {
    // nothing to do
  }
}
