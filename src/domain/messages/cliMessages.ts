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
} satisfies Record<string, Entry>;
