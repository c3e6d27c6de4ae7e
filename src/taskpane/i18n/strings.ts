/**
 * Every text the task pane shows, in Swedish (default, `stringsSv.ts`) and English
 * (`stringsEn.ts`). Parameterised texts are functions so that word order stays correct; the
 * counted sentences (singular or plural) come from the catalogue in src/domain/messages/.
 */
import type { ChangeKind } from "../../domain/checkRecord";
import type { AgreementStatus, FollowUpStatus, TableKind } from "../../domain/types";

export interface Strings {
  appTitle: string;
  loading: string;
  refreshing: string;
  startingUp: string;
  /** Shown under the spinner when office.js has not answered after a while (waiting goes on). */
  startingSlow: string;
  /** A button under startingSlow, for a page that is not in Office at all. */
  openPreviewInstead: string;
  /** The page runs in an Office application other than Excel. */
  notExcel: (host: string) => string;

  actionsLabel: string;
  kontrollera: string;
  kontrolleraHint: string;
  summering: string;
  summeringHint: string;
  infogaMall: string;
  mallEmpty: string;
  mallSample: string;
  running: { kontrollera: string; summering: string; mall: string; agenda: string };
  progressDone: (percent: number) => string;

  kontrolleraDone: (statusColumns: number) => string;
  summeringDone: (sheet: string | null) => string;
  mallDone: (sheet: string) => string;
  /** Mötesunderlag written (issue 14); `printSetup` false on hosts without page layout (ExcelApi 1.9). */
  agendaDone: (sheet: string, printSetup: boolean) => string;
  successTitle: string;
  errorTitle: string;
  noticeTitle: string;
  genericError: string;
  technicalDetail: (detail: string) => string;
  retry: string;
  dismiss: string;
  saveSettingsFailed: string;
  selectRowFailed: string;

  tabsLabel: string;
  tabOverview: string;
  tabProblems: (count: number) => string;
  tabSettings: string;

  followUpStatus: Record<FollowUpStatus, string>;
  agreementStatus: Record<AgreementStatus, string>;

  // Overview
  attentionHeading: string;
  countsLabel: string;
  countOverdue: string;
  countDueSoon: string;
  countExpired: string;
  countExpiring: string;
  listOverdue: string;
  listDueSoon: string;
  listExpired: string;
  listExpiring: string;
  nothingToFollowUp: string;
  goToRow: (row: number, sheet: string) => string;
  noDate: string;
  relativeDays: (days: number) => string;
  validTo: (date: string) => string;
  problemsFound: (count: number) => string;
  showProblems: string;

  /** The card "Sedan förra kontrollen" (issue 11). */
  changesHeading: (date: string) => string;
  noChanges: (date: string) => string;
  changeKinds: Record<ChangeKind, (n: number) => string>;
  /** "Planerad → Försenad", "Ny: Planerad", "Var: Försenad". */
  statusChange: (from: string | null, to: string | null) => string;

  /** The card "Nästa möte" (issue 14). */
  nextMeetingHeading: string;
  nextMeetingOf: (forum: string, date: string) => string;
  noNextMeeting: (forum: string) => string;
  agendaKinds: { decision: (n: number) => string; report: (n: number) => string; information: (n: number) => string; other: (n: number) => string };
  agendaButton: string;
  agendaButtonLater: string;

  fundsHeading: string;
  fundsYear: (year: number) => string;
  totalAllocated: string;
  totalDistributed: string;
  totalDifference: string;
  balanced: string;
  unallocated: (amount: string) => string;
  overAllocated: (amount: string) => string;
  missing: string;
  areasCaption: (year: number) => string;
  colArea: string;
  colAllocated: string;
  colDistributed: string;
  colDifference: string;
  partiesCaption: (year: number) => string;
  colParty: string;
  noFunds: string;

  // Budget tracking (issue 10)
  yearsHeading: string;
  yearsCaption: string;
  colPaid: string;
  colUsed: string;
  colRemaining: string;
  chartCaption: string;
  chartBar: (label: string, year: number, amount: string) => string;
  drillAreas: (year: number) => string;
  drillParties: (year: number) => string;
  insatser: (count: number) => string;
  rowAmount: (amount: string) => string;
  rowUsed: (amount: string) => string;
  reportStatus: Record<FollowUpStatus, string>;
  reportDue: (date: string) => string;
  moneyCountsLabel: string;
  countImbalance: string;
  countOverspent: string;
  countReportOverdue: string;
  countReportDueSoon: string;
  listImbalance: string;
  listOverspent: string;
  listReportOverdue: string;
  listReportDueSoon: string;
  rowsInSum: (count: number) => string;

  emptyTitle: string;
  emptyIntro: string;
  /** Names of the tables Balans recognises (their headers are listed from the engine's schemas). */
  tableNames: Record<TableKind, string>;
  emptyOutro: string;
  insertEmpty: string;
  insertSample: string;

  problemsHeading: string;
  noProblems: string;
  problemLocation: (p: { sheet: string; table: string; row: number | null; column: string | null }) => string;

  // Settings
  settingsHeading: string;
  todayLabel: string;
  todayHint: string;
  todayInvalid: string;
  /** Placeholder of the date field: the order the date is written in (ISO, Sweden's own). */
  todayPlaceholder: string;
  resetToday: string;
  dueSoonLabel: string;
  dueSoonHint: string;
  expiringLabel: string;
  expiringHint: string;
  daysInvalid: (min: number, max: number) => string;
  partiesHeading: string;
  partiesText: string;
  partiesAliasText: string;
}

import { sv } from "./stringsSv";
import { en } from "./stringsEn";

export { sv, en };

export const stringsByLanguage: Record<"sv" | "en", Strings> = { sv, en };
