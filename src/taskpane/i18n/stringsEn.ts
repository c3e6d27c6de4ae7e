/** The task pane's texts in English; the counted sentences come from the catalogue. */
import { countOf, say } from "../../domain/messages";
import type { Strings } from "./strings";

const enNumber = new Intl.NumberFormat("en-US");

export const en: Strings = {
  appTitle: "Balans",
  loading: "Reading the workbook…",
  refreshing: "Updating…",
  startingUp: "Starting Balans…",
  startingSlow: "Still waiting for Excel. The first start can take a while over a slow connection.",
  openPreviewInstead: "Not in Excel? Open the preview",
  notExcel: (host) => `Balans is an add-in for Excel and does not work in ${host}.`,

  actionsLabel: "Actions",
  kontrollera: "Check",
  kontrolleraHint: "Flags overdue follow-ups and expiring agreements in a status column.",
  summering: "Summary",
  summeringHint: "Creates or refreshes the sheet with the summary of the distribution.",
  infogaMall: "Insert template",
  mallEmpty: "Empty template",
  mallSample: "Template with sample data",
  running: { kontrollera: "Checking…", summering: "Summarising…", mall: "Inserting template…", agenda: "Writing the meeting agenda…" },
  progressDone: (percent) => `${percent}% done`,

  kontrolleraDone: (n) => say("en", "pane.check-done", { n }),
  summeringDone: (sheet) => (sheet === null ? "The summary is done." : `The summary is updated on the sheet ${sheet}.`),
  mallDone: (sheet) => `The template was inserted on the sheet ${sheet}.`,
  agendaDone: (sheet, printSetup) =>
    printSetup
      ? `The meeting agenda is on the sheet ${sheet}, ready to print (A4 landscape).`
      : `The meeting agenda is on the sheet ${sheet}. This version of Excel cannot set up printing: choose A4 landscape and Fit to one page wide yourself.`,
  successTitle: "Done",
  errorTitle: "That did not work",
  noticeTitle: "Note",
  genericError:
    "Balans could not finish the action. Please try again. If it keeps failing: save the workbook, then close and reopen the add-in.",
  technicalDetail: (detail) => `Technical details: ${detail}`,
  retry: "Try again",
  dismiss: "Dismiss message",
  saveSettingsFailed: "The settings could not be saved. They apply until you close the add-in.",
  selectRowFailed: "The row could not be selected in the workbook.",

  tabsLabel: "Views",
  tabOverview: "Overview",
  tabProblems: (n) => `Problems (${enNumber.format(n)})`,
  tabSettings: "Settings",

  followUpStatus: {
    overdue: "Overdue",
    "due-soon": "Due soon",
    planned: "Planned",
    done: "Done",
    "no-date": "No date",
  },
  agreementStatus: {
    expired: "Expired",
    expiring: "Expiring",
    valid: "Valid",
    "open-ended": "Open-ended",
    unknown: "Unknown",
  },

  attentionHeading: "Needs attention",
  countsLabel: "Counts needing attention",
  countOverdue: "Overdue",
  countDueSoon: "Due soon",
  countExpired: "Expired",
  countExpiring: "Expiring",
  listOverdue: "Overdue follow-ups",
  listDueSoon: "Follow-ups due soon",
  listExpired: "Expired agreements",
  listExpiring: "Agreements expiring soon",
  nothingToFollowUp: "Nothing is overdue or expiring soon.",
  goToRow: (row, sheet) => `Go to row ${row} on ${sheet}`,
  noDate: "no date",
  relativeDays: (d) => {
    if (d === 0) return "today";
    if (d === 1) return "tomorrow";
    if (d === -1) return "yesterday";
    return d > 0 ? `in ${enNumber.format(d)} days` : `${enNumber.format(-d)} days ago`;
  },
  validTo: (date) => `valid until ${date}`,
  problemsFound: (n) => say("en", "pane.problems-found", { n }),
  showProblems: "Show the problems",

  changesHeading: (date) => `Since the last check (${date})`,
  noChanges: (date) => `Nothing has changed since the check on ${date}.`,
  changeKinds: {
    "newly-overdue": (n) => say("en", "pane.change.newly-overdue", { n }),
    expired: (n) => say("en", "pane.change.expired", { n }),
    "newly-done": (n) => say("en", "pane.change.newly-done", { n }),
    new: (n) => say("en", "pane.change.new", { n }),
    removed: (n) => say("en", "pane.change.removed", { n }),
  },
  statusChange: (from, to) => (from !== null && to !== null ? `${from} → ${to}` : to !== null ? `New: ${to}` : `Was: ${from ?? ""}`),

  nextMeetingHeading: "Next meeting",
  nextMeetingOf: (forum, date) => `${forum} ${date}`,
  noNextMeeting: (forum) => `${forum} has no upcoming meeting in the follow-up texts or in the Möten table.`,
  agendaKinds: {
    decision: (n) => countOf("en", n, { one: "decision", other: "decisions" }),
    report: (n) => countOf("en", n, { one: "report", other: "reports" }),
    information: (n) => countOf("en", n, { one: "item of information", other: "items of information" }),
    other: (n) => countOf("en", n, { one: "other item", other: "other items" }),
  },
  agendaButton: "Meeting agenda",
  agendaButtonLater: "The agenda sheet cannot be written from here yet; run balans agenda on the command line.",

  fundsHeading: "Distribution of funds",
  fundsYear: (y) => `Distribution ${y}`,
  totalAllocated: "Allocated",
  totalDistributed: "Distributed",
  totalDifference: "Difference",
  balanced: "0 kr – balanced",
  unallocated: (amount) => `${amount} unallocated`,
  overAllocated: (amount) => `${amount} too much`,
  missing: "missing",
  areasCaption: (y) => `Areas ${y}`,
  colArea: "Area",
  colAllocated: "Allocated",
  colDistributed: "Distributed",
  colDifference: "Difference",
  partiesCaption: (y) => `Distributed per party ${y}`,
  colParty: "Party",
  noFunds: "No distribution of funds was found in the workbook.",

  yearsHeading: "Over the years",
  yearsCaption: "Funds per year",
  colPaid: "Paid out",
  colUsed: "Used",
  colRemaining: "Remaining",
  chartCaption: "Distributed and used per year",
  chartBar: (label, year, amount) => `${label} ${year}: ${amount}`,
  drillAreas: (y) => `Interventions per area ${y}`,
  drillParties: (y) => `Interventions per party ${y}`,
  insatser: (n) => say("en", "pane.insatser", { n }),
  rowAmount: (amount) => `Distributed ${amount}`,
  rowUsed: (amount) => `used ${amount}`,
  reportStatus: {
    overdue: "Report-back overdue",
    "due-soon": "Report-back due soon",
    planned: "Report-back planned",
    done: "Reported back",
    "no-date": "Report-back without a date",
  },
  reportDue: (date) => `due ${date}`,
  moneyCountsLabel: "Funds needing attention",
  countImbalance: "Imbalance",
  countOverspent: "Overspent",
  countReportOverdue: "Report-back overdue",
  countReportDueSoon: "Report-back due soon",
  listImbalance: "Funds out of balance",
  listOverspent: "Used more than distributed",
  listReportOverdue: "Overdue report-backs",
  listReportDueSoon: "Report-backs due soon",
  rowsInSum: (n) => say("en", "pane.rows-in-sum", { n }),

  emptyTitle: "No tables found",
  emptyIntro:
    "Balans recognises a table by its header row. The header row needs at least these column headers (in Swedish); their order does not matter and other columns may be present.",
  tableNames: {
    balanslista: "Balance list",
    agreements: "Agreements",
    distribution: "Distribution",
    allocations: "Allocations",
    parties: "Parties",
    meetings: "Meetings",
  },
  emptyOutro: "You can also insert a template with the tables, empty or with sample data, on a new sheet.",
  insertEmpty: "Insert empty template",
  insertSample: "Insert template with sample data",

  problemsHeading: "Problems in the workbook",
  noProblems: "No problems found.",
  problemLocation: ({ sheet, table, row, column }) =>
    [
      `Sheet ${sheet}`,
      table ? `table ${table}` : null,
      row !== null ? `row ${row}` : null,
      column ? `column ${column}` : null,
    ]
      .filter((part): part is string => part !== null)
      .join(", "),

  settingsHeading: "Settings",
  todayLabel: "Date used as today",
  todayHint: "Change it to see the situation on another date, e.g. before a meeting.",
  todayInvalid: "Enter a valid date, for example 2024-11-15.",
  todayPlaceholder: "YYYY-MM-DD",
  resetToday: "Reset to today's date",
  dueSoonLabel: "Due soon: days before a follow-up",
  dueSoonHint: "A follow-up is Due soon when its date falls within this many days.",
  expiringLabel: "Expiring: days before an agreement ends",
  expiringHint: "An agreement is Expiring when it ends within this many days.",
  daysInvalid: (min, max) => `Enter a whole number of days from ${min} to ${max}.`,
  partiesHeading: "Parties and aliases",
  partiesText:
    "The table with the columns Part (party) and Alias tells Balans which names in the distribution mean the same party, for example that “RJH” and “Region JH” mean Region Jämtland Härjedalen.",
  partiesAliasText:
    "Does an amount end up on the wrong party? Add a row with the party's name under Part and the other name under Alias, then run Summary again.",
};
