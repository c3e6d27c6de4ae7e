/**
 * Every text the task pane shows, in Swedish (default) and English.
 * Parameterised texts are functions so that plural forms and word order stay correct.
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

const svNumber = new Intl.NumberFormat("sv-SE");

export const sv: Strings = {
  appTitle: "Balans",
  loading: "Läser arbetsboken…",
  refreshing: "Uppdaterar…",
  startingUp: "Startar Balans…",
  startingSlow: "Väntar fortfarande på Excel. Första gången kan det ta en stund över en långsam förbindelse.",
  openPreviewInstead: "Inte i Excel? Öppna förhandsvisningen",
  notExcel: (host) => `Balans är ett tillägg för Excel och fungerar inte i ${host}.`,

  actionsLabel: "Åtgärder",
  kontrollera: "Kontrollera",
  kontrolleraHint: "Markerar försenade uppföljningar och avtal som går ut i en statuskolumn.",
  summering: "Summering",
  summeringHint: "Skapar eller uppdaterar bladet med summeringen av fördelningen.",
  infogaMall: "Infoga mall",
  mallEmpty: "Tom mall",
  mallSample: "Mall med exempeldata",
  running: { kontrollera: "Kontrollerar…", summering: "Summerar…", mall: "Infogar mall…", agenda: "Skriver mötesunderlag…" },
  progressDone: (percent) => `${percent} % klart`,

  kontrolleraDone: (n) =>
    n === 0
      ? "Kontrollen är klar: inga statuskolumner att uppdatera."
      : `Kontrollen är klar: ${svNumber.format(n)} ${n === 1 ? "statuskolumn uppdaterad" : "statuskolumner uppdaterade"}.`,
  summeringDone: (sheet) =>
    sheet === null ? "Summeringen är klar." : `Summeringen är uppdaterad på bladet ${sheet}.`,
  mallDone: (sheet) => `Mallen är infogad på bladet ${sheet}.`,
  agendaDone: (sheet, printSetup) =>
    printSetup
      ? `Mötesunderlaget finns på bladet ${sheet}, klart att skriva ut (A4 liggande).`
      : `Mötesunderlaget finns på bladet ${sheet}. Den här versionen av Excel kan inte ställa in utskriften: välj A4 liggande och Anpassa till en sida bred själv.`,
  successTitle: "Klart",
  errorTitle: "Det gick inte",
  noticeTitle: "Observera",
  genericError:
    "Balans kunde inte slutföra åtgärden. Försök igen. Om felet kvarstår: spara arbetsboken, stäng och öppna tillägget igen.",
  technicalDetail: (detail) => `Teknisk information: ${detail}`,
  retry: "Försök igen",
  dismiss: "Stäng meddelandet",
  saveSettingsFailed: "Inställningarna kunde inte sparas. De gäller tills du stänger tillägget.",
  selectRowFailed: "Raden kunde inte markeras i arbetsboken.",

  tabsLabel: "Vyer",
  tabOverview: "Översikt",
  tabProblems: (n) => `Problem (${svNumber.format(n)})`,
  tabSettings: "Inställningar",

  followUpStatus: {
    overdue: "Försenad",
    "due-soon": "Snart",
    planned: "Planerad",
    done: "Klar",
    "no-date": "Datum saknas",
  },
  agreementStatus: {
    expired: "Utgånget",
    expiring: "Går ut snart",
    valid: "Gäller",
    "open-ended": "Tills vidare",
    unknown: "Okänd",
  },

  attentionHeading: "Att hålla koll på",
  countsLabel: "Antal att hålla koll på",
  countOverdue: "Försenade",
  countDueSoon: "Snart",
  countExpired: "Utgångna",
  countExpiring: "Går ut snart",
  listOverdue: "Försenade uppföljningar",
  listDueSoon: "Uppföljningar inom kort",
  listExpired: "Utgångna avtal",
  listExpiring: "Avtal som går ut snart",
  nothingToFollowUp: "Inget är försenat eller går ut snart.",
  goToRow: (row, sheet) => `Gå till rad ${row} på ${sheet}`,
  noDate: "inget datum",
  relativeDays: (d) => {
    if (d === 0) return "i dag";
    if (d === 1) return "i morgon";
    if (d === -1) return "i går";
    return d > 0 ? `om ${svNumber.format(d)} dagar` : `för ${svNumber.format(-d)} dagar sedan`;
  },
  validTo: (date) => `gäller t.o.m. ${date}`,
  problemsFound: (n) =>
    n === 1 ? "1 problem i arbetsboken kan påverka resultatet." : `${svNumber.format(n)} problem i arbetsboken kan påverka resultatet.`,
  showProblems: "Visa problemen",

  changesHeading: (date) => `Sedan förra kontrollen (${date})`,
  noChanges: (date) => `Inget har ändrats sedan kontrollen ${date}.`,
  changeKinds: {
    "newly-overdue": (n) => `${n === 1 ? "Blev försenad" : "Blev försenade"} (${svNumber.format(n)})`,
    expired: (n) => `Avtal som gick ut (${svNumber.format(n)})`,
    "newly-done": (n) => `${n === 1 ? "Blev klar" : "Blev klara"} (${svNumber.format(n)})`,
    new: (n) => `${n === 1 ? "Ny rad" : "Nya rader"} (${svNumber.format(n)})`,
    removed: (n) => `${n === 1 ? "Borttagen rad" : "Borttagna rader"} (${svNumber.format(n)})`,
  },
  statusChange: (from, to) => (from !== null && to !== null ? `${from} → ${to}` : to !== null ? `Ny: ${to}` : `Var: ${from ?? ""}`),

  nextMeetingHeading: "Nästa möte",
  nextMeetingOf: (forum, date) => `${forum} ${date}`,
  noNextMeeting: (forum) => `${forum} har inget kommande möte i uppföljningstexterna eller i tabellen Möten.`,
  agendaKinds: {
    decision: (n) => `${n} beslut`,
    report: (n) => `${n} ${n === 1 ? "rapport" : "rapporter"}`,
    information: (n) => `${n} ${n === 1 ? "informationspunkt" : "informationspunkter"}`,
    other: (n) => `${n} ${n === 1 ? "övrig punkt" : "övriga punkter"}`,
  },
  agendaButton: "Mötesunderlag",
  agendaButtonLater: "Bladet med mötesunderlaget kan ännu inte skrivas härifrån; kör balans agenda på kommandoraden.",

  fundsHeading: "Fördelning av medel",
  fundsYear: (y) => `Fördelning ${y}`,
  totalAllocated: "Tilldelat",
  totalDistributed: "Fördelat",
  totalDifference: "Differens",
  balanced: "0 kr – i balans",
  unallocated: (amount) => `${amount} ofördelat`,
  overAllocated: (amount) => `${amount} för mycket`,
  missing: "saknas",
  areasCaption: (y) => `Områden ${y}`,
  colArea: "Område",
  colAllocated: "Tilldelat",
  colDistributed: "Fördelat",
  colDifference: "Differens",
  partiesCaption: (y) => `Fördelat per part ${y}`,
  colParty: "Part",
  noFunds: "Ingen fördelning av medel hittades i arbetsboken.",

  yearsHeading: "Över åren",
  yearsCaption: "Medel per år",
  colPaid: "Utbetalt",
  colUsed: "Förbrukat",
  colRemaining: "Kvar",
  chartCaption: "Fördelat och förbrukat per år",
  chartBar: (label, year, amount) => `${label} ${year}: ${amount}`,
  drillAreas: (y) => `Insatser per område ${y}`,
  drillParties: (y) => `Insatser per part ${y}`,
  insatser: (n) => (n === 1 ? "1 insats" : `${svNumber.format(n)} insatser`),
  rowAmount: (amount) => `Fördelat ${amount}`,
  rowUsed: (amount) => `förbrukat ${amount}`,
  reportStatus: {
    overdue: "Återredovisning försenad",
    "due-soon": "Återredovisning snart",
    planned: "Återredovisning planerad",
    done: "Återredovisad",
    "no-date": "Återredovisning utan datum",
  },
  reportDue: (date) => `senast ${date}`,
  moneyCountsLabel: "Medel att hålla koll på",
  countImbalance: "Obalans",
  countOverspent: "Överskridet",
  countReportOverdue: "Återredovisning försenad",
  countReportDueSoon: "Återredovisning snart",
  listImbalance: "Medel i obalans",
  listOverspent: "Förbrukat mer än fördelat",
  listReportOverdue: "Försenade återredovisningar",
  listReportDueSoon: "Återredovisningar inom kort",
  rowsInSum: (n) => (n === 1 ? "1 rad i summan" : `${svNumber.format(n)} rader i summan`),

  emptyTitle: "Inga tabeller hittades",
  emptyIntro:
    "Balans känner igen en tabell på dess rubrikrad. Rubrikraden behöver minst de här kolumnrubrikerna; ordningen spelar ingen roll och fler kolumner får finnas.",
  tableNames: {
    balanslista: "Balanslista",
    agreements: "Avtal",
    distribution: "Fördelning",
    allocations: "Tilldelning",
    parties: "Parter",
    meetings: "Möten",
  },
  emptyOutro: "Du kan också infoga en mall med tabellerna, tom eller med exempeldata, på ett nytt blad.",
  insertEmpty: "Infoga tom mall",
  insertSample: "Infoga mall med exempeldata",

  problemsHeading: "Problem i arbetsboken",
  noProblems: "Inga problem hittades.",
  problemLocation: ({ sheet, table, row, column }) =>
    [
      `Blad ${sheet}`,
      table ? `tabell ${table}` : null,
      row !== null ? `rad ${row}` : null,
      column ? `kolumn ${column}` : null,
    ]
      .filter((part): part is string => part !== null)
      .join(", "),

  settingsHeading: "Inställningar",
  todayLabel: "Datum som räknas som i dag",
  todayHint: "Ändra för att se hur läget ser ut ett annat datum, t.ex. inför ett möte.",
  todayInvalid: "Ange ett giltigt datum, till exempel 2024-11-15.",
  todayPlaceholder: "ÅÅÅÅ-MM-DD",
  resetToday: "Återställ till dagens datum",
  dueSoonLabel: "Snart: dagar före uppföljning",
  dueSoonHint: "En uppföljning räknas som Snart när dess datum infaller inom så här många dagar.",
  expiringLabel: "Går ut snart: dagar före avtalets slut",
  expiringHint: "Ett avtal räknas som Går ut snart när det upphör inom så här många dagar.",
  daysInvalid: (min, max) => `Ange ett helt antal dagar från ${min} till ${max}.`,
  partiesHeading: "Parter och alias",
  partiesText:
    "Tabellen med kolumnerna Part och Alias talar om vilka namn i fördelningen som avser samma part, till exempel att ”RJH” och ”Region JH” betyder Region Jämtland Härjedalen.",
  partiesAliasText:
    "Hamnar en summa på fel part? Lägg till en rad med partens namn under Part och det andra namnet under Alias, och kör Summering igen.",
};

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

  kontrolleraDone: (n) =>
    n === 0
      ? "Check complete: no status columns to update."
      : `Check complete: ${enNumber.format(n)} ${n === 1 ? "status column" : "status columns"} updated.`,
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
  problemsFound: (n) =>
    n === 1 ? "1 problem in the workbook may affect the results." : `${enNumber.format(n)} problems in the workbook may affect the results.`,
  showProblems: "Show the problems",

  changesHeading: (date) => `Since the last check (${date})`,
  noChanges: (date) => `Nothing has changed since the check on ${date}.`,
  changeKinds: {
    "newly-overdue": (n) => `Became overdue (${enNumber.format(n)})`,
    expired: (n) => `${n === 1 ? "Agreement expired" : "Agreements expired"} (${enNumber.format(n)})`,
    "newly-done": (n) => `Became done (${enNumber.format(n)})`,
    new: (n) => `${n === 1 ? "New row" : "New rows"} (${enNumber.format(n)})`,
    removed: (n) => `${n === 1 ? "Removed row" : "Removed rows"} (${enNumber.format(n)})`,
  },
  statusChange: (from, to) => (from !== null && to !== null ? `${from} → ${to}` : to !== null ? `New: ${to}` : `Was: ${from ?? ""}`),

  nextMeetingHeading: "Next meeting",
  nextMeetingOf: (forum, date) => `${forum} ${date}`,
  noNextMeeting: (forum) => `${forum} has no upcoming meeting in the follow-up texts or in the Möten table.`,
  agendaKinds: {
    decision: (n) => `${n} ${n === 1 ? "decision" : "decisions"}`,
    report: (n) => `${n} ${n === 1 ? "report" : "reports"}`,
    information: (n) => `${n} ${n === 1 ? "item of information" : "items of information"}`,
    other: (n) => `${n} ${n === 1 ? "other item" : "other items"}`,
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
  insatser: (n) => (n === 1 ? "1 intervention" : `${enNumber.format(n)} interventions`),
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
  rowsInSum: (n) => (n === 1 ? "1 row in the sum" : `${enNumber.format(n)} rows in the sum`),

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

export const stringsByLanguage: Record<"sv" | "en", Strings> = { sv, en };
