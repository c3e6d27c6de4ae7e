/**
 * "Since the last check" for one analysis (issue 11): the record the workbook holds, compared
 * with the rows as they stand on `today`. The record's rules (same-day checks replace each other
 * and compare against the one before) are in checkRecord.ts; this only puts them together for the
 * analysis and for Kontrollera's plan.
 */
import { diffChecks, parseCheckRecord, previousCheck, recordCheck, serialiseCheckRecord, snapshot, type Change, type ChangeKind } from "./checkRecord";
import { columnLetter } from "./columnLetter";
import type { SheetCells } from "./planBudgetSummary";
import { AGREEMENT_STYLES, FOLLOW_UP_STYLES } from "./statusLabels";
import type { Agreement, AgreementStatus, Analysis, FollowUp, FollowUpStatus, IsoDate } from "./types";

/**
 * How each kind of change is named: `label` for one row (the summary sheet's rows), `heading` for
 * a group of them (the text report, as its "Försenade (3)"). The pane has its own in strings.ts.
 */
export const CHANGE_LABELS: Record<ChangeKind, { label: string; labelEn: string; heading: string }> = {
  "newly-overdue": { label: "Blev försenad", labelEn: "Became overdue", heading: "Blev försenade" },
  "newly-done": { label: "Blev klar", labelEn: "Became done", heading: "Blev klara" },
  expired: { label: "Avtalet gick ut", labelEn: "Agreement expired", heading: "Avtal som gick ut" },
  new: { label: "Ny rad", labelEn: "New row", heading: "Nya rader" },
  removed: { label: "Borttagen rad", labelEn: "Removed row", heading: "Borttagna rader" },
};

/** The order changes are listed in: what needs action first. */
export const CHANGE_ORDER: readonly ChangeKind[] = ["newly-overdue", "expired", "newly-done", "new", "removed"];

const STATUS_STYLES: Record<string, { label: string }> = { ...FOLLOW_UP_STYLES, ...AGREEMENT_STYLES };

/** Balans's Swedish label of a status ("Försenad", "Utgånget"), or "" for null. */
export function statusLabel(status: FollowUpStatus | AgreementStatus | null): string {
  return status === null ? "" : (STATUS_STYLES[status]?.label ?? status);
}

/** The changes sorted by {@link CHANGE_ORDER}, in the order of the workbook within a kind. */
export function sortChanges(changes: readonly Change[]): Change[] {
  return CHANGE_ORDER.flatMap((kind) => changes.filter((c) => c.kind === kind));
}

export interface SinceLastCheck {
  /** The date of the check compared against, or null when there is none. */
  since: IsoDate | null;
  /** What changed since then (empty without a previous check). */
  changes: Change[];
}

/** Compares the rows on `today` with the stored record (`recordText`: its JSON, or null/absent). */
export function sinceLastCheck(
  recordText: string | null | undefined,
  today: IsoDate,
  followUps: readonly FollowUp[],
  agreements: readonly Agreement[],
): SinceLastCheck {
  const previous = previousCheck(parseCheckRecord(recordText), today);
  // Without an earlier check there is nothing to compare (and no snapshot to take).
  if (previous === null) return { since: null, changes: [] };
  return { since: previous.date, changes: diffChecks(previous, snapshot(today, followUps, agreements)) };
}

/** The record's JSON after a check on `today`: what Kontrollera stores in the workbook. */
export function recordAfterCheck(
  recordText: string | null | undefined,
  today: IsoDate,
  followUps: readonly FollowUp[],
  agreements: readonly Agreement[],
): string {
  return serialiseCheckRecord(recordCheck(parseCheckRecord(recordText), snapshot(today, followUps, agreements)));
}

/** Title of the summary's since-last-check section. */
export const CHANGES_HEADING = "Sedan förra kontrollen";

/**
 * The summary sheet's section "Sedan förra kontrollen (2024-11-15)": one row per change (kind,
 * title, from → to, sheet, a link to the row), from `w.row` (advanced past it). Nothing when the
 * workbook holds no earlier check.
 */
export function planChangesSection(w: SheetCells, analysis: Analysis): void {
  const since = analysis.since ?? null;
  if (since === null) return;
  const changes = sortChanges(analysis.changes ?? []);
  w.heading(`${CHANGES_HEADING} (${since})`, 6);
  if (changes.length === 0) {
    w.put(1, `Inga ändringar sedan kontrollen ${since}.`);
    w.row++;
  } else {
    w.headerRow(["Ändring", "Vad", "Förut", "Nu", "Blad", "Rad"]);
    const firstColumn = new Map<string, number>();
    for (const t of analysis.tables) firstColumn.set(`${t.sheet}\u0000${t.table}`, t.firstColumn);
    for (const c of changes) {
      w.put(1, CHANGE_LABELS[c.kind].label);
      w.put(2, c.title);
      w.put(3, statusLabel(c.from));
      w.put(4, statusLabel(c.to));
      w.put(5, c.sheet);
      const column = firstColumn.get(`${c.sheet}\u0000${c.table}`);
      // A removed row has no row to go to.
      if (c.kind !== "removed" && column !== undefined) w.put(6, `Rad ${c.row}`, { link: { sheet: c.sheet, address: `${columnLetter(column)}${c.row}` } });
      else w.put(6, `Rad ${c.row}`);
      w.row++;
    }
  }
  w.row++;
}
