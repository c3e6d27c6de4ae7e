/**
 * What the adapters say: the errors that stop an action (a BalansError's message, by its code in
 * `src/app/port.ts`), the notes of the Excel adapter on what it could not read or write, and the
 * settings that could not be used.
 */
import { entry, type Entry } from "./entry";

/** The table that moved while Balans read it: by name, or by its header row on a plain range. */
interface MovedTable {
  sheet: string;
  /** The table's name, or "" for a range. */
  table: string;
  headerRow: number;
  /** How many more tables moved; 0 when none. */
  more: number;
}

const movedTable = (p: MovedTable | null) =>
  p === null ? "En tabell" : p.table === "" ? `Tabellen med rubrikrad ${p.headerRow} på bladet "${p.sheet}"` : `Tabellen "${p.table}" på bladet "${p.sheet}"`;
const movedTableEn = (p: MovedTable | null) =>
  p === null ? "A table" : p.table === "" ? `The table with its header in row ${p.headerRow} on the sheet "${p.sheet}"` : `The table "${p.table}" on the sheet "${p.sheet}"`;

export const errorMessages = {
  // ---------- errors that stop an action (BalansError) ----------
  "error.no-tables": {
    sv: "Balans hittade ingen balanslista, avtalslista eller fördelningstabell i arbetsboken. Kontrollera rubrikraderna, eller använd Infoga mall.",
    en: "Balans found no balance list, agreements list or distribution table in the workbook. Check the header rows, or use Insert template.",
  },
  "error.cell-not-empty": entry<{ cell: string; sheet: string }>(
    (p) => `Cell ${p.cell} på bladet "${p.sheet}" är inte tom: Balans skriver inte över den. Flytta innehållet och försök igen.`,
    (p) => `Cell ${p.cell} on the sheet "${p.sheet}" is not empty: Balans does not overwrite it. Move the content and try again.`,
  ),
  "error.sheet-hidden": entry<{ sheet: string }>(
    (p) => `Bladet "${p.sheet}" är dolt. Visa det först (högerklicka på en bladflik → Ta fram) och försök igen.`,
    (p) => `The sheet "${p.sheet}" is hidden. Unhide it first (right-click a sheet tab → Unhide) and try again.`,
  ),
  "error.sheet-protected": entry<{ sheet: string }>(
    (p) => `Bladet "${p.sheet}" är skyddat: Balans skriver ingenting där. Ta bort bladskyddet (Granska → Ta bort bladskydd) och försök igen.`,
    (p) => `The sheet "${p.sheet}" is protected: Balans writes nothing there. Unprotect it (Review → Unprotect Sheet) and try again.`,
  ),
  "error.structure-locked": entry<{ sheet: string }>(
    (p) => `Arbetsbokens struktur är låst, så Balans kan inte lägga till bladet "${p.sheet}". Lås upp strukturen (Granska → Skydda arbetsbok) och försök igen.`,
    (p) => `The workbook's structure is locked, so Balans cannot add the sheet "${p.sheet}". Unlock it (Review → Protect Workbook) and try again.`,
  ),
  "error.concurrent-edit": entry<MovedTable | null>(
    (p) =>
      `${movedTable(p)}${p !== null && p.more > 0 ? ` (och ${p.more} till)` : ""} ändrades medan Balans läste den (rader infogades, togs bort eller sorterades). Balans skrev ingenting. Vänta tills ingen annan redigerar tabellen och försök igen.`,
    (p) =>
      `${movedTableEn(p)}${p !== null && p.more > 0 ? ` (and ${p.more} more)` : ""} changed while Balans read it (rows were inserted, deleted or sorted). Balans wrote nothing. Wait until nobody else is editing the table and try again.`,
  ),
  "error.row-too-wide": entry<{ sheet: string; cells: number }>(
    (p) => `Bladet "${p.sheet}" har en rad med ${p.cells.toLocaleString("sv-SE")} celler som Excel inte kan läsa. Ta bort tomma kolumner eller dela upp bladet och försök igen.`,
    (p) => `The sheet "${p.sheet}" has a row of ${p.cells} cells that Excel cannot read. Remove empty columns or split the sheet and try again.`,
  ),

  // ---------- Office's errors, translated (src/excel/run.ts) ----------
  "error.cell-edit-mode": {
    sv: "Excel är i redigeringsläge: avsluta redigeringen av cellen (Enter eller Esc) och försök igen.",
    en: "Excel is in cell-edit mode: finish editing the cell (Enter or Esc) and try again.",
  },
  "error.payload-too-large": {
    sv: "Arbetsboken är för stor för att skickas till Excel i ett svep. Dela upp bladen eller försök i Excel för skrivbordet.",
    en: "The workbook is too large to send to Excel in one request. Split the sheets or try Excel for desktop.",
  },
  "error.too-many-cells": {
    sv: "Ett blad har fler celler än Excel kan läsa på en gång (5 miljoner). Ta bort tomma rader och kolumner och försök igen.",
    en: "A sheet has more cells than Excel can read at once (5 million). Remove empty rows and columns and try again.",
  },
  "error.api-not-supported": {
    sv: "Den här versionen av Excel saknar en funktion som Balans behöver. Uppdatera Office eller använd Excel på webben.",
    en: "This version of Excel lacks a feature Balans needs. Update Office or use Excel on the web.",
  },
  "error.access-denied": {
    sv: "Excel tillät inte ändringen. Bladet eller arbetsboken kan vara skyddad.",
    en: "Excel did not allow the change. The sheet or workbook may be protected.",
  },
  "error.excel-busy": {
    sv: "Excel är upptaget. Vänta en stund och försök igen.",
    en: "Excel is busy. Wait a moment and try again.",
  },
  "error.excel-other": entry<{ code: string; detail: string }>(
    (p) => `Excel svarade med ett fel${p.code ? ` (${p.code})` : ""}: ${p.detail}`,
    (p) => `Excel reported an error${p.code ? ` (${p.code})` : ""}: ${p.detail}`,
  ),

  // ---------- the preview's workbook ----------
  "error.sheet-missing": entry<{ sheet: string }>(
    (p) => `Bladet "${p.sheet}" finns inte i arbetsboken.`,
    (p) => `The sheet "${p.sheet}" is not in the workbook.`,
  ),
  "error.write-failed": entry<{ detail: string }>(
    (p) => `Balans kunde inte skriva i arbetsboken: ${p.detail}`,
    (p) => `Balans could not write to the workbook: ${p.detail}`,
  ),

  // ---------- notes of the Excel adapter (older Excel versions) ----------
  "excel.sheet-too-large": entry<{ sheet: string; cells: string }>(
    (p) => `Bladet "${p.sheet}" är för stort för den här versionen av Excel: cellerna ${p.cells} lästes inte. Ta bort tomma rader och kolumner, eller använd Excel på webben eller Microsoft 365.`,
    (p) => `The sheet "${p.sheet}" is too large for this version of Excel: the cells ${p.cells} were not read. Remove empty rows and columns, or use Excel on the web or Microsoft 365.`,
  ),
  "excel.merges-unreadable": entry<{ sheet: string }>(
    (p) => `Balans kunde inte läsa de sammanfogade cellerna på bladet "${p.sheet}" i den här versionen av Excel, så ingen statuskolumn skrivs där utom i en befintlig Excel-tabell (tabeller kan inte innehålla sammanfogade celler).`,
    (p) => `Balans could not read the merged cells on the sheet "${p.sheet}" in this version of Excel, so no status column is written there except inside an existing Excel table (tables cannot hold merged cells).`,
  ),
  "excel.merges-unchecked": entry<{ sheet: string; headerRow: number }>(
    (p) => `Ingen statuskolumn skrevs bredvid tabellen på rad ${p.headerRow} på bladet "${p.sheet}": Balans kunde inte kontrollera sammanfogade celler där i den här versionen av Excel. Gör om området till en Excel-tabell (Infoga → Tabell), eller använd Excel på webben eller Microsoft 365.`,
    (p) => `No status column was written beside the table in row ${p.headerRow} on the sheet "${p.sheet}": Balans could not check for merged cells there in this version of Excel. Turn the range into an Excel table (Insert → Table), or use Excel on the web or Microsoft 365.`,
  ),

  // ---------- the saved settings ----------
  "settings.unreadable": {
    sv: "De sparade inställningarna kunde inte läsas; standardinställningarna används.",
    en: "The saved settings could not be read; the default settings are used.",
  },
  "settings.today-not-used": entry<{ value: string; first: string; fallback: string }>(
    (p) => `Datum som räknas som i dag: ${p.value} används inte (inte ett datum ÅÅÅÅ-MM-DD från ${p.first}); ${p.fallback} används i stället.`,
    (p) => `Date used as today: ${p.value} is not used (not a date YYYY-MM-DD from ${p.first}); ${p.fallback} is used instead.`,
  ),
  "settings.days-not-used": entry<{ field: "dueSoonDays" | "expiringDays"; value: string; max: number; fallback: string }>(
    (p) =>
      `${p.field === "dueSoonDays" ? "Dagar innan en uppföljning räknas som snart" : "Dagar innan ett avtal räknas som snart utgånget"}: ${p.value} används inte (ett heltal från 0 till ${p.max} krävs); ${p.fallback} används i stället.`,
    (p) =>
      `${p.field === "dueSoonDays" ? "Days before a follow-up counts as due soon" : "Days before an agreement counts as expiring"}: ${p.value} is not used (a whole number from 0 to ${p.max} is needed); ${p.fallback} is used instead.`,
  ),
} satisfies Record<string, Entry>;
