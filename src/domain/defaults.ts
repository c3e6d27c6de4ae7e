/**
 * The engine's default windows, named once: the engine's `defaultOptions`, the settings' defaults
 * and the pane's Settings all take them from here.
 */

/** Follow-ups due within this many days of today are `due-soon`. */
export const DEFAULT_DUE_SOON_DAYS = 30;

/** Agreements that end within this many days of today are `expiring`. */
export const DEFAULT_EXPIRING_DAYS = 90;
