/**
 * The problems in the users' tables: how a table was recognised (recogniseTables) and what a row
 * says (analyse/*, fundTracking). Each says what Balans did with the row.
 */
import { entry, sentence, type Entry, type Localised } from "./entry";

export const tableMessages = {
  // ---------- recognising a table ----------
  "table.right-column-taken": entry<{ header: string }>(
    (p) => `Kolumnen till höger om tabellen innehåller data, så Balans kan inte lägga till kolumnen ”${p.header}”. Flytta datat eller lägg till en tom kolumn.`,
    (p) => `The column right of the table holds data, so Balans cannot add the "${p.header}" column. Move that data or leave an empty column.`,
  ),
  "table.column-missing": entry<{ column: string; label: string; kind: string }>(
    (p) => `Kolumnen ”${p.column}” saknas i tabellen (${p.label}).`,
    (p) => `The column "${p.column}" is missing from the table (${p.kind}).`,
  ),
  "table.header-duplicate": entry<{ header: string }>(
    (p) => `Kolumnrubriken ”${p.header}” förekommer flera gånger; den första kolumnen används.`,
    (p) => `The column header "${p.header}" appears more than once; the first column is used.`,
  ),

  // ---------- any row ----------
  "cell.error-value": entry<{ error: string }>(
    (p) => `Cellen innehåller ett felvärde (${p.error}).`,
    (p) => `The cell contains an error value (${p.error}).`,
  ),
  "date.not-exist": entry<{ date: string }>(
    (p) => `Datumet ”${p.date}” finns inte.`,
    (p) => `The date "${p.date}" does not exist.`,
  ),
  "row.year-unreadable": entry<{ value: string }>(
    (p) => `Året ”${p.value}” kan inte läsas; tabellens eller bladets namn används.`,
    (p) => `The year "${p.value}" cannot be read; the table's or sheet's name is used.`,
  ),
  "row.area-missing": {
    sv: "Område saknas eller kan inte läsas: raden räknas inte med.",
    en: "Area is missing or unreadable: the row is left out.",
  },

  // ---------- Parter ----------
  "parties.party-missing": {
    sv: "Part saknas på raden; aliaset används inte.",
    en: "Party is missing on the row; the alias is not used.",
  },

  // ---------- Tilldelning ----------
  "allocation.year-missing": {
    sv: "År saknas: raden räknas inte med.",
    en: "Year is missing: the row is left out.",
  },
  "allocation.amount-unreadable": entry<{ reason: Localised }>(
    (p) => `${sentence(p.reason.message)} Raden räknas inte med.`,
    (p) => `${sentence(p.reason.messageEn)} The row is left out.`,
  ),

  // ---------- Fördelning ----------
  "distribution.subtotal": {
    sv: "Raden ser ut som en summeringsrad (Totalt) och räknas inte med.",
    en: "The row looks like a subtotal (Totalt) and is left out.",
  },
  "distribution.amount-unreadable": entry<{ reason: Localised }>(
    (p) => `${sentence(p.reason.message)} Raden räknas inte med i summorna.`,
    (p) => `${sentence(p.reason.messageEn)} The row is left out of the sums.`,
  ),
  "distribution.year-missing": {
    sv: "År saknas (varken i kolumnen År eller i tabellens/bladets namn): raden räknas inte med.",
    en: "Year is missing (neither in the År column nor in the table's or sheet's name): the row is left out.",
  },
  "distribution.party-unknown": entry<{ party: string }>(
    (p) => `Parten ”${p.party}” är okänd; raden redovisas som en egen part. Lägg till den i tabellen Parter om namnet stämmer.`,
    (p) => `The party "${p.party}" is unknown; the row is shown as a party of its own. Add it to the Parter table if the name is right.`,
  ),
  "distribution.responsible-unknown": entry<{ responsible: string }>(
    (p) => `Ingen känd part i ”${p.responsible}”; raden redovisas som en egen part. Lägg till ett alias i tabellen Parter.`,
    (p) => `No known party in "${p.responsible}"; the row is shown as a party of its own. Add an alias in the Parter table.`,
  ),
  "distribution.responsible-missing": {
    sv: "Ansvarig verksamhet saknas; raden redovisas under (okänd part).",
    en: "Responsible organisation is missing; the row is shown under (unknown party).",
  },
  "tracking.amount-unreadable": entry<{ reason: Localised; column: string }>(
    (p) => `${sentence(p.reason.message)} Värdet i kolumnen ${p.column} räknas inte med.`,
    (p) => `${sentence(p.reason.messageEn)} The value in the ${p.column} column is left out.`,
  ),
  "tracking.due-unreadable": entry<{ value: string }>(
    (p) => `Datumet ”${p.value}” kan inte läsas. Skriv t.ex. 2024-12-31 eller 31 december 2024.`,
    (p) => `The date "${p.value}" cannot be read. Write e.g. 2024-12-31 or 31 december 2024.`,
  ),
  "tracking.done-unreadable": entry<{ value: string }>(
    (p) => `”${p.value}” kan inte läsas som återredovisat. Skriv ett datum, Ja eller Klar (eller Nej).`,
    (p) => `"${p.value}" cannot be read as reported back. Write a date, Ja (yes) or Klar (done) (or Nej).`,
  ),

  // ---------- Balanslista ----------
  "followup.milestone-not-exist": entry<{ date: string }>(
    (p) => `Datumet ”${p.date}” finns inte och räknas inte som en milstolpe.`,
    (p) => `The date "${p.date}" does not exist and is not counted as a milestone.`,
  ),
  "followup.date-unreadable": entry<{ value: string }>(
    (p) => `Datumet ”${p.value}” kan inte läsas.`,
    (p) => `The date "${p.value}" cannot be read.`,
  ),

  // ---------- Avtal ----------
  "agreement.date-not-exist": entry<{ date: string }>(
    (p) => `Datumet ”${p.date}” finns inte och räknas inte med i giltighetstiden.`,
    (p) => `The date "${p.date}" does not exist and is not counted in the period of validity.`,
  ),
  "agreement.validity-unreadable": entry<{ value: string }>(
    (p) => `Giltighetstiden ”${p.value}” kan inte läsas.`,
    (p) => `The period of validity "${p.value}" cannot be read.`,
  ),
} satisfies Record<string, Entry>;
