/**
 * Balans's notices: what it did instead of writing (a protected sheet, a user's own column, merged
 * cells, a locked structure, an adopted sheet). Their codes are the `code` of the Problem
 * (`NoticeCode` in ownership.ts, `live-dates-blocked`), so a notice's code is its catalogue key.
 */
import { entry, type Entry } from "./entry";

/** "the table T" or "the range at row R": where a status column goes. */
export interface TablePlace {
  /** The table's name, or "" for a range that is no Excel table. */
  table: string;
  headerRow: number;
}

const tableWords = (p: TablePlace) => (p.table === "" ? `området på rad ${p.headerRow}` : `tabellen ${p.table}`);
const tableWordsEn = (p: TablePlace) => (p.table === "" ? `the range at row ${p.headerRow}` : `the table ${p.table}`);

export const noticeMessages = {
  // ---------- the status column beside a table ----------
  "adopted-status-column": entry<{ header: string; letter: string }>(
    (p) => `Kolumnen ”${p.header}” (kolumn ${p.letter}) skrevs av en tidigare version av Balans; Balans tar hand om den nu och skriver om den vid varje kontroll.`,
    (p) => `The column "${p.header}" (column ${p.letter}) was written by an earlier version of Balans; Balans now owns it and rewrites it on every check.`,
  ),
  "status-protected": entry<TablePlace & { sheet: string }>(
    (p) => `Bladet ”${p.sheet}” är skyddat, så Balans skriver ingen statuskolumn vid ${tableWords(p)}. Ta bort bladskyddet (Granska → Ta bort bladskydd) och kör Kontrollera igen.`,
    (p) => `The sheet "${p.sheet}" is protected, so Balans writes no status column beside ${tableWordsEn(p)}. Unprotect the sheet (Review → Unprotect Sheet) and run Check again.`,
  ),
  "user-status-column": entry<TablePlace & { sheet: string; header: string; letter: string }>(
    (p) => `Kolumnen ”${p.header}” (kolumn ${p.letter}) på bladet ”${p.sheet}” är din egen, inte Balans: Balans skriver inte i den, och ${tableWords(p)} får ingen statuskolumn. Byt namn på kolumnen eller flytta den, så lägger Balans till sin egen.`,
    (p) => `The column "${p.header}" (column ${p.letter}) on the sheet "${p.sheet}" is your own, not Balans's: Balans does not write in it, and ${tableWordsEn(p)} gets no status column. Rename or move the column and Balans adds its own.`,
  ),
  "status-merge-table": entry<TablePlace & { letter: string; at: string }>(
    (p) => `Kolumn ${p.letter} vid ${tableWords(p)} korsar sammanslagna celler (${p.at}), så Balans skriver ingen statuskolumn där. Dela upp sammanslagningen eller lämna en tom kolumn till höger om tabellen.`,
    (p) => `Column ${p.letter} beside ${tableWordsEn(p)} crosses merged cells (${p.at}), so Balans writes no status column there. Unmerge them or leave an empty column right of the table.`,
  ),
  "status-merge-row": entry<{ letter: string; row: number; at: string }>(
    (p) => `Cellen ${p.letter}${p.row} ligger i sammanslagna celler (${p.at}) som Balans inte skapade, så raden får ingen status. Dela upp sammanslagningen om raden ska markeras.`,
    (p) => `The cell ${p.letter}${p.row} lies in merged cells (${p.at}) that Balans did not create, so the row gets no status. Unmerge them if the row should be flagged.`,
  ),
  "live-dates-blocked": entry<TablePlace & { letter: string; header: string }>(
    (p) =>
      `Kolumn ${p.letter} till höger om statuskolumnen vid ${tableWords(p)} är inte tom, så Balans kan inte lägga till kolumnen ”${p.header}”. ` +
      `Statusen gäller därför bara för dagen för kontrollen och följer inte kalendern. Töm eller flytta kolumn ${p.letter} och kör Kontrollera igen.`,
    (p) =>
      `Column ${p.letter} right of the status column beside ${tableWordsEn(p)} is not empty, so Balans cannot add the column "${p.header}". ` +
      `The status therefore holds for the day of the check only and does not follow the calendar. Empty or move column ${p.letter} and run Check again.`,
  ),

  // ---------- the summary sheet ----------
  "adopted-summary": entry<{ sheet: string }>(
    (p) => `Bladet ”${p.sheet}” skrevs av en tidigare version av Balans; Balans tar hand om det nu och skriver om det vid varje summering.`,
    (p) => `The sheet "${p.sheet}" was written by an earlier version of Balans; Balans now owns it and rewrites it on every summary.`,
  ),
  "summary-protected": entry<{ sheet: string }>(
    (p) => `Summeringsbladet ”${p.sheet}” är skyddat, så Balans skriver inte om det. Ta bort skyddet (Granska → Ta bort bladskydd) och kör Summering igen.`,
    (p) => `The summary sheet "${p.sheet}" is protected, so Balans does not rewrite it. Unprotect it (Review → Unprotect Sheet) and run Summary again.`,
  ),
  "summary-structure-locked": entry<{ sheet: string }>(
    (p) => `Arbetsbokens struktur är låst, så Balans kan inte lägga till bladet ”${p.sheet}”. Lås upp strukturen (Granska → Skydda arbetsbok) och kör Summering igen.`,
    (p) => `The workbook's structure is locked, so Balans cannot add the sheet "${p.sheet}". Unlock the structure (Review → Protect Workbook) and run Summary again.`,
  ),
  "user-summary-sheet": entry<{ sheet: string; ours: string; wanted: string }>(
    (p) => `Bladet ”${p.sheet}” är ditt eget och lämnas orört; Balans skriver sin summering på bladet ”${p.ours}”. Byt namn på ditt blad om du vill att summeringen ska heta ”${p.wanted}”.`,
    (p) => `The sheet "${p.sheet}" is your own and is left as it is; Balans writes its summary on the sheet "${p.ours}". Rename your sheet if you want the summary to be called "${p.wanted}".`,
  ),
} satisfies Record<string, Entry>;
