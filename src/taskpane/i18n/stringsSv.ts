/** The task pane's texts in Swedish (the default); the counted sentences come from the catalogue. */
import { countOf, say } from "../../domain/messages";
import type { Strings } from "./strings";

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

  kontrolleraDone: (n) => say("sv", "pane.check-done", { n }),
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
  problemsFound: (n) => say("sv", "pane.problems-found", { n }),
  showProblems: "Visa problemen",

  changesHeading: (date) => `Sedan förra kontrollen (${date})`,
  noChanges: (date) => `Inget har ändrats sedan kontrollen ${date}.`,
  changeKinds: {
    "newly-overdue": (n) => say("sv", "pane.change.newly-overdue", { n }),
    expired: (n) => say("sv", "pane.change.expired", { n }),
    "newly-done": (n) => say("sv", "pane.change.newly-done", { n }),
    new: (n) => say("sv", "pane.change.new", { n }),
    removed: (n) => say("sv", "pane.change.removed", { n }),
  },
  statusChange: (from, to) => (from !== null && to !== null ? `${from} → ${to}` : to !== null ? `Ny: ${to}` : `Var: ${from ?? ""}`),

  nextMeetingHeading: "Nästa möte",
  nextMeetingOf: (forum, date) => `${forum} ${date}`,
  noNextMeeting: (forum) => `${forum} har inget kommande möte i uppföljningstexterna eller i tabellen Möten.`,
  agendaKinds: {
    decision: (n) => `${n} beslut`,
    report: (n) => countOf("sv", n, { one: "rapport", other: "rapporter" }),
    information: (n) => countOf("sv", n, { one: "informationspunkt", other: "informationspunkter" }),
    other: (n) => countOf("sv", n, { one: "övrig punkt", other: "övriga punkter" }),
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
  insatser: (n) => say("sv", "pane.insatser", { n }),
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
  rowsInSum: (n) => say("sv", "pane.rows-in-sum", { n }),

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
