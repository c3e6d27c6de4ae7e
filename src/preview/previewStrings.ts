/** Texts of the preview page around the task pane (the pane has its own, in src/taskpane/i18n). */
import type { Language } from "../taskpane/i18n";

export interface PreviewStrings {
  pageTitle: string;
  notice: string;
  noticeToday: (today: string) => string;
  badToday: (value: string) => string;
  /** The banner over the sample at its own date. */
  sampleDate: (date: string) => string;
  /** The banner's button: use the real date today. */
  useToday: (date: string) => string;
  toolbarLabel: string;
  open: string;
  sample: string;
  download: string;
  sampleName: string;
  workbookLabel: (name: string) => string;
  sheetTabsLabel: string;
  sheetRegionLabel: (sheet: string) => string;
  rowHeader: string;
  emptySheet: string;
  noSheets: string;
  rowsShown: (shown: number, total: number, first: number, last: number) => string;
  /** The grid cuts wide sheets: the last column shown and the last one used (letters). */
  columnsShown: (lastShown: string, lastUsed: string) => string;
  reading: (file: string) => string;
  openFailedTitle: string;
  openFailed: (file: string) => string;
  notXlsx: (file: string) => string;
  unsupportedTitle: string;
  unsupported: (parts: string[]) => string;
  downloadFailedTitle: string;
  downloadFailed: string;
  technicalDetail: (detail: string) => string;
  dismiss: string;
  paneLabel: string;
}

const sv: PreviewStrings = {
  pageTitle: "Balans – förhandsvisning",
  notice: "Förhandsvisning utanför Excel — ändringarna görs i en kopia i webbläsaren.",
  noticeToday: (today) => `Dagens datum är satt till ${today}.`,
  badToday: (value) => `?today=${value} är inget datum på formen ÅÅÅÅ-MM-DD; dagens riktiga datum används.`,
  sampleDate: (date) =>
    `Exempelarbetsboken visas per sitt eget datum, ${date}: så såg läget ut när dokumenten skrevs.`,
  useToday: (date) => `Använd dagens datum (${date})`,
  toolbarLabel: "Arbetsbok",
  open: "Öppna .xlsx…",
  sample: "Exempelarbetsbok",
  download: "Ladda ner .xlsx",
  sampleName: "Exempelarbetsbok (från SVOM:s dokument)",
  workbookLabel: (name) => `Arbetsbok: ${name}`,
  sheetTabsLabel: "Blad",
  sheetRegionLabel: (sheet) => `Bladet ${sheet}`,
  rowHeader: "Rad",
  emptySheet: "Bladet är tomt.",
  noSheets: "Arbetsboken har inga blad.",
  rowsShown: (shown, total, first, last) => `Visar ${shown} av ${total} rader (rad ${first}–${last}).`,
  columnsShown: (lastShown, lastUsed) => `Visar kolumnerna A–${lastShown} av A–${lastUsed}.`,
  reading: (file) => `Läser ${file} …`,
  openFailedTitle: "Filen kunde inte öppnas",
  openFailed: (file) => `${file} kunde inte läsas som en Excel-arbetsbok (.xlsx). Arbetsboken som visas är oförändrad.`,
  notXlsx: (file) => `${file} är ingen .xlsx-fil. Spara den som Excel-arbetsbok (.xlsx) och försök igen.`,
  unsupportedTitle: "Delar som inte följer med",
  unsupported: (parts) =>
    `Arbetsboken innehåller ${parts.join(", ")}. Förhandsvisningen visar dem inte, och de följer inte med när du laddar ner arbetsboken.`,
  downloadFailedTitle: "Nedladdningen misslyckades",
  downloadFailed: "Arbetsboken kunde inte sparas som .xlsx.",
  technicalDetail: (detail) => `Teknisk information: ${detail}`,
  dismiss: "Stäng",
  paneLabel: "Balans aktivitetsfönster",
};

const en: PreviewStrings = {
  pageTitle: "Balans – preview",
  notice: "Preview outside Excel — changes are made to a copy in the browser.",
  noticeToday: (today) => `Today's date is set to ${today}.`,
  badToday: (value) => `?today=${value} is not a date written YYYY-MM-DD; the real date today is used.`,
  sampleDate: (date) => `The sample workbook is shown at its own date, ${date}: as things stood when the documents were written.`,
  useToday: (date) => `Use today's date (${date})`,
  toolbarLabel: "Workbook",
  open: "Open .xlsx…",
  sample: "Sample workbook",
  download: "Download .xlsx",
  sampleName: "Sample workbook (from SVOM's documents)",
  workbookLabel: (name) => `Workbook: ${name}`,
  sheetTabsLabel: "Sheets",
  sheetRegionLabel: (sheet) => `Sheet ${sheet}`,
  rowHeader: "Row",
  emptySheet: "The sheet is empty.",
  noSheets: "The workbook has no sheets.",
  rowsShown: (shown, total, first, last) => `Showing ${shown} of ${total} rows (rows ${first}–${last}).`,
  columnsShown: (lastShown, lastUsed) => `Showing columns A–${lastShown} of A–${lastUsed}.`,
  reading: (file) => `Reading ${file} …`,
  openFailedTitle: "The file could not be opened",
  openFailed: (file) => `${file} could not be read as an Excel workbook (.xlsx). The workbook shown is unchanged.`,
  notXlsx: (file) => `${file} is not an .xlsx file. Save it as an Excel workbook (.xlsx) and try again.`,
  unsupportedTitle: "Parts that are not kept",
  unsupported: (parts) =>
    `The workbook contains ${parts.join(", ")} (Swedish names). The preview does not show them, and they are not kept when you download the workbook.`,
  downloadFailedTitle: "The download failed",
  downloadFailed: "The workbook could not be saved as .xlsx.",
  technicalDetail: (detail) => `Technical detail: ${detail}`,
  dismiss: "Dismiss",
  paneLabel: "Balans task pane",
};

export const previewStringsByLanguage: Record<Language, PreviewStrings> = { sv, en };
