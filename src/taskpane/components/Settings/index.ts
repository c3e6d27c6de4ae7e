export { Settings, type SettingsProps } from "./Settings";
export { DUE_SOON_RANGE, EXPIRING_RANGE, parseDays } from "./useSettings";
