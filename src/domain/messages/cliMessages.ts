/**
 * The command line's errors (exit code 2): bad arguments, files it cannot read or write. The CLI
 * prints the Swedish; the English stands beside it as everywhere in the catalogue.
 */
import { entry, type Entry } from "./entry";

export const cliMessages = {
  "cli.unknown-option": entry<{ option: string }>(
    (p) => `Okänd flagga ${p.option}.`,
    (p) => `Unknown option ${p.option}.`,
  ),
  "cli.option-needs-value": entry<{ option: string }>(
    (p) => `Flaggan ${p.option} behöver ett värde.`,
    (p) => `The option ${p.option} needs a value.`,
  ),
  "cli.arguments-unreadable": entry<{ detail: string }>(
    (p) => `Argumenten kan inte läsas: ${p.detail}`,
    (p) => `The arguments cannot be read: ${p.detail}`,
  ),
  "cli.option-not-for-command": entry<{ option: string; command: string }>(
    (p) => `Flaggan --${p.option} hör inte till kommandot ${p.command}.`,
    (p) => `The option --${p.option} does not belong to the command ${p.command}.`,
  ),
  "cli.file-missing": entry<{ command: string }>(
    (p) => `Ange vilken .xlsx-fil kommandot ${p.command} ska läsa.`,
    (p) => `Give the .xlsx file the command ${p.command} is to read.`,
  ),
  "cli.too-many-files": entry<{ command: string; count: number }>(
    (p) => `Kommandot ${p.command} läser en fil, men fick ${p.count}.`,
    (p) => `The command ${p.command} reads one file, but got ${p.count}.`,
  ),
  "cli.today-not-a-date": entry<{ value: string }>(
    (p) => `--today ${p.value} är inget datum: skriv det som ÅÅÅÅ-MM-DD, t.ex. 2024-11-15.`,
    (p) => `--today ${p.value} is not a date: write it as YYYY-MM-DD, e.g. 2024-11-15.`,
  ),
  "cli.out-missing": entry<{ command: string }>(
    (p) => `Ange filen som kommandot ${p.command} ska skriva med --out FIL.xlsx.`,
    (p) => `Give the file the command ${p.command} is to write with --out FILE.xlsx.`,
  ),
  "cli.out-exists": entry<{ out: string }>(
    (p) => `Filen ${p.out} finns redan. Ange --force för att skriva över den.`,
    (p) => `The file ${p.out} already exists. Give --force to overwrite it.`,
  ),
  "cli.out-is-input": entry<{ out: string; file: string }>(
    (p) => `--out ${p.out} är samma fil som ${p.file}. Balans ändrar aldrig originalet: ange en annan fil med --out.`,
    (p) => `--out ${p.out} is the same file as ${p.file}. Balans never changes the original: give another file with --out.`,
  ),
  "cli.sample-reads-no-file": {
    sv: "Kommandot sample läser ingen fil; ange filen att skriva med --out.",
    en: "The command sample reads no file; give the file to write with --out.",
  },
  "cli.unknown-command": entry<{ command: string }>(
    (p) => `Okänt kommando "${p.command}". Kommandon: report, apply, sample, agenda (se balans --help).`,
    (p) => `Unknown command "${p.command}". Commands: report, apply, sample, agenda (see balans --help).`,
  ),
  "cli.agenda-one-format": {
    sv: "Ange antingen --json eller --md, inte båda.",
    en: "Give either --json or --md, not both.",
  },
  // Files the command line cannot read or write (src/cli/fileAccess.ts).
  "cli.read-failed": entry<{ file: string; reason: string }>(
    (p) => `Kan inte läsa ${p.file}: ${p.reason}.`,
    (p) => `Cannot read ${p.file}: ${p.reason}.`,
  ),
  "cli.not-a-workbook": entry<{ file: string; reason: string }>(
    (p) => `${p.file} kan inte läsas som en .xlsx-arbetsbok: ${p.reason}`,
    (p) => `${p.file} cannot be read as an .xlsx workbook: ${p.reason}`,
  ),
  "cli.reason.missing": { sv: "filen finns inte", en: "the file does not exist" },
  "cli.reason.folder": { sv: "det är en mapp", en: "it is a folder" },
  "cli.reason.permission": { sv: "behörighet saknas", en: "permission denied" },
  "cli.reason.not-zip": { sv: "filen är inget zip-paket, som .xlsx-filer är", en: "the file is not a zip package, as .xlsx files are" },
  "cli.no-tables": entry<{ file: string }>(
    (p) =>
      `Balans hittade ingen tabell som den känner igen i ${p.file}. Tabellerna känns igen på rubrikraden, ` +
      `t.ex. "Vad" och "Uppföljning" (balanslista), "Överenskommelse/avtal" och "Giltighetstid" (avtal), ` +
      `"Område", "Insats" och "Summa" (fördelning). Kör "balans sample --out exempel.xlsx" för ett exempel.`,
    (p) =>
      `Balans found no table it recognises in ${p.file}. Tables are recognised by their header row, ` +
      `e.g. "Vad" and "Uppföljning" (balanslista), "Överenskommelse/avtal" and "Giltighetstid" (agreements), ` +
      `"Område", "Insats" and "Summa" (distribution). Run "balans sample --out exempel.xlsx" for an example.`,
  ),
  "cli.write-failed": entry<{ out: string; reason: string; detail: string }>(
    (p) => `Kan inte skriva ${p.out}: ${p.reason}. Ingen fil skrevs.\n(${p.detail})`,
    (p) => `Cannot write ${p.out}: ${p.reason}. No file was written.\n(${p.detail})`,
  ),
  "cli.write.no-folder": {
    sv: "mappen finns inte. Skapa mappen först eller ange en annan plats med --out",
    en: "the folder does not exist. Create it first or give another place with --out",
  },
  "cli.write.permission": {
    sv: "behörighet saknas. Välj en mapp där du får skriva, med --out",
    en: "permission denied. Choose a folder you may write to, with --out",
  },
  "cli.write.read-only": {
    sv: "platsen går bara att läsa. Välj en mapp där du får skriva, med --out",
    en: "the place is read-only. Choose a folder you may write to, with --out",
  },
  "cli.write.is-folder": entry<{ folder: string }>(
    (p) => `det är en mapp. Ange en fil, t.ex. --out ${p.folder}/resultat.xlsx`,
    (p) => `it is a folder. Give a file, e.g. --out ${p.folder}/resultat.xlsx`,
  ),
  "cli.write.disk-full": {
    sv: "disken är full. Frigör utrymme eller skriv till en annan disk med --out",
    en: "the disk is full. Free some space or write to another disk with --out",
  },
  "cli.write.quota": {
    sv: "diskkvoten är slut. Frigör utrymme eller skriv till en annan disk med --out",
    en: "the disk quota is used up. Free some space or write to another disk with --out",
  },
} satisfies Record<string, Entry>;
