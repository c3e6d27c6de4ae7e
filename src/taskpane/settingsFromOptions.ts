/**
 * The settings to store for the options the pane chose. The date used as today is stored
 * only when it differs from the real date, so that a workbook does not stay on yesterday.
 */
import type { BalansSettings } from "../app/settings";
import { todayIso } from "../domain";
import type { Options } from "../domain/types";

export function settingsFromOptions(options: Options, now: Date = new Date()): BalansSettings {
  return {
    todayOverride: options.today === todayIso(now) ? null : options.today,
    dueSoonDays: options.dueSoonDays,
    expiringDays: options.expiringDays,
  };
}
