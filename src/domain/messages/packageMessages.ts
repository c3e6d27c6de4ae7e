/**
 * The .xlsx package layer (src/file/ooxml): a file Balans cannot read or patch (a PackageError's
 * message and messageEn), and a plan the package cannot take. Messages never name the file (the
 * caller knows it and says it first); `detail` is technical, in English, and goes only into the
 * English text.
 */
import { entry, type Entry } from "./entry";

function lowerFirst(text: string): string {
  return text.length > 0 ? text[0]!.toLocaleLowerCase("sv-SE") + text.slice(1) : text;
}

export const packageMessages = {
  // ---------- the zip (zipDirectory.ts, inflateEntry.ts, openPackage.ts) ----------
  "package.not-zip": entry<{ detail: string }>(
    () => "Filen är inget zip-paket, som .xlsx-filer är, eller så är den skadad. Spara den som Excel-arbetsbok (.xlsx) i Excel och försök igen.",
    (p) => `Not an .xlsx package: ${p.detail}`,
  ),
  "package.too-large": entry<{ detail: string; partBytes: number; totalBytes: number }>(
    (p) =>
      `Filen är för stor packad upp (${p.detail}); Balans läser högst ${p.partBytes / 1e6} MB per del och ${p.totalBytes / 1e6} MB totalt. Om det är din egen arbetsbok: dela upp den eller ta bort stora bilder och bilagor.`,
    (p) =>
      `The package is too large when inflated (${p.detail}); limits: ${p.partBytes} bytes per part, ${p.totalBytes} bytes in all (zip bomb protection).`,
  ),
  "package.encrypted-or-xls": {
    sv: "Filen är lösenordsskyddad (krypterad) eller i det gamla .xls-formatet. Ta bort lösenordet eller spara den som Excel-arbetsbok (.xlsx) i Excel och försök igen.",
    en: "OLE compound file: an encrypted workbook or a binary .xls, not an .xlsx package.",
  },
  "package.zip-encrypted": entry<{ name: string }>(
    () => "Filen är krypterad med zip-lösenord; Balans kan inte läsa den. Spara en okrypterad kopia i Excel och försök igen.",
    (p) => `Entry ${p.name} is encrypted.`,
  ),
  "package.unsafe-name": entry<{ name: string }>(
    (p) =>
      `Filen innehåller en del med ett otillåtet namn (${JSON.stringify(p.name)}) som pekar utanför paketet; Balans läser den inte. Använd en fil sparad från Excel.`,
    (p) => `Unsafe zip entry name: ${JSON.stringify(p.name)} (absolute, "..", drive letter or backslash).`,
  ),
  "package.duplicate-entry": entry<{ name: string }>(
    (p) => `Filen innehåller delen ${p.name} två gånger, vilket en Excel-fil aldrig gör; Balans läser den inte. Öppna filen i Excel och spara den igen.`,
    (p) => `Duplicate zip entry: ${p.name}`,
  ),
  "package.inflate-damaged": entry<{ part: string; detail: string }>(
    (p) =>
      `Delen ${p.part} i filen är skadad eller går inte att packa upp. Öppna filen i Excel och spara den igen, eller använd en kopia som inte är skadad.`,
    (p) => `Part ${p.part} cannot be inflated: ${p.detail}`,
  ),
  "package.part-missing": entry<{ part: string }>(
    (p) => `Delen ${p.part} saknas i filen. Öppna filen i Excel och spara den igen, eller använd en kopia som inte är skadad.`,
    (p) => `Part ${p.part} is missing from the package.`,
  ),
  /** `target`: where the officeDocument relationship points, or null when there is none. */
  "package.no-workbook": entry<{ target: string | null }>(
    () =>
      "Filen innehåller ingen Excel-arbetsbok (paketet pekar inte ut någon arbetsboksdel; är det t.ex. en .docx?). Välj en .xlsx-fil sparad från Excel.",
    (p) =>
      p.target === null
        ? "No officeDocument relationship in _rels/.rels: not a workbook package."
        : `The officeDocument relationship points at ${p.target}, which is not in the package.`,
  ),

  // ---------- the workbook and its sheets (readWorkbookData.ts, readWorksheet.ts) ----------
  "package.not-a-workbook": entry<{ part: string; root: string | null }>(
    () =>
      "Filen innehåller ingen Excel-arbetsbok (huvuddelen är inte en arbetsbok; är det t.ex. en .docx?). Välj en .xlsx-fil sparad från Excel.",
    (p) => `The officeDocument part ${p.part} is not a workbook (root element ${p.root ?? "none"}).`,
  ),
  /** `part`: the sheet's part, or null when its relationship is missing. */
  "package.sheet-part-missing": entry<{ part: string | null }>(
    (p) => `Bladets del saknas i filen${p.part === null ? "" : ` (${p.part})`}. Öppna filen i Excel och spara den igen.`,
    (p) => `The sheet's part is missing${p.part === null ? " (no relationship)" : ` (${p.part})`}.`,
  ),
  "package.cell-outside-grid": entry<{ part: string; where: string }>(
    (p) => `Delen ${p.part} har en cell utanför Excels rutnät (${p.where}). Öppna filen i Excel och spara den igen.`,
    (p) => `Part ${p.part} has a cell outside Excel's grid (${p.where}).`,
  ),
  /** A package error, now naming the worksheet whose part it is (PackageError.withSheet). */
  "package.in-sheet": entry<{ sheet: string; message: string; messageEn: string }>(
    (p) => `Bladet "${p.sheet}": ${lowerFirst(p.message)}`,
    (p) => `Sheet "${p.sheet}": ${p.messageEn}`,
  ),

  // ---------- XML (xmlStream.ts: the reader; patchXml.ts, sheetStream.ts: the patcher) ----------
  "package.doctype": entry<{ part: string }>(
    (p) =>
      `Delen ${p.part} innehåller en DOCTYPE- eller ENTITY-deklaration, vilket en Excel-fil aldrig har; Balans läser den inte. Öppna filen i Excel och spara den igen.`,
    (p) => `Part ${p.part} declares a DOCTYPE or entities (refused: entity expansion attack).`,
  ),
  "package.bad-xml": entry<{ part: string; detail: string }>(
    (p) =>
      `Delen ${p.part} i filen är inte giltig XML (${p.detail}). Öppna filen i Excel och spara den igen, eller använd en kopia som inte är skadad.`,
    (p) => `Part ${p.part} is not well-formed XML: ${p.detail}`,
  ),
  "package.patch-doctype": entry<{ part: string }>(
    (p) => `Delen ${p.part} innehåller en DOCTYPE-deklaration, som en .xlsx-fil aldrig har. Spara filen på nytt i Excel.`,
    (p) => `The part ${p.part} declares a DOCTYPE, which an .xlsx file never has.`,
  ),
  "package.patch-bad-xml": entry<{ part: string; detail: string }>(
    (p) => `Delen ${p.part} är ingen giltig XML. Öppna filen i Excel och spara den på nytt.`,
    (p) => `The part ${p.part} is not well-formed XML: ${p.detail}`,
  ),
  "package.no-root": { sv: "En del av filen saknar XML-innehåll.", en: "A part has no root element." },

  // ---------- a plan the package cannot take (packageParts.ts, patchOwnedSheets.ts, patchStatusColumns.ts, sheetEdit.ts) ----------
  "package.cell-not-empty": entry<{ ref: string; sheet: string }>(
    (p) => `Cellen ${p.ref} på bladet "${p.sheet}" är inte tom: Balans skriver inte över den. Flytta innehållet och kör igen.`,
    (p) => `The cell ${p.ref} on the sheet "${p.sheet}" is not empty: Balans does not write over it. Move its content and run again.`,
  ),
  "package.sheet-not-in-workbook": entry<{ sheet: string }>(
    (p) => `Bladet "${p.sheet}" finns inte i arbetsboken.`,
    (p) => `The sheet "${p.sheet}" is not in the workbook.`,
  ),
  /** `what`: what Balans writes there, in Swedish (e.g. "sin summering"). */
  "package.sheet-not-ours": entry<{ sheet: string; what: string }>(
    (p) => `Bladet "${p.sheet}" finns redan och Balans har inte skapat det: byt namn på det, så skriver Balans ${p.what}.`,
    (p) => `The sheet "${p.sheet}" exists and was not created by Balans.`,
  ),
  "package.table-no-range": entry<{ table: string }>(
    (p) => `Tabellen "${p.table}" saknar område.`,
    (p) => `The table "${p.table}" has no range.`,
  ),
  "package.column-in-table": entry<{ table: string; sheet: string }>(
    (p) => `Kolumnen hör redan till tabellen "${p.table}" på bladet "${p.sheet}": Balans skriver inte över den.`,
    (p) => `The column already belongs to the table "${p.table}" on the sheet "${p.sheet}".`,
  ),
  "package.table-not-on-sheet": entry<{ table: string; sheet: string }>(
    (p) => `Tabellen "${p.table}" finns inte på bladet "${p.sheet}".`,
    (p) => `The table "${p.table}" is not on the sheet "${p.sheet}".`,
  ),
} satisfies Record<string, Entry>;
