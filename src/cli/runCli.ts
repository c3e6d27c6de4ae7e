/**
 * The `balans` command line as a testable function: arguments in, exit code out, every effect
 * through {@link CliIo}. `balans.ts` binds it to the process and the file system.
 *
 * Exit codes: 0 the command ran (problems in the workbook are data, not failures); 2 bad
 * arguments, a missing or unreadable file, no table Balans recognises, or an output file that
 * exists without --force; 1 anything unexpected.
 */
import { parseArgs } from "node:util";
import { analyseWorkbook, defaultOptions, planApply, todayIso } from "../domain";
import { isIsoDate } from "../domain/isoDate";
import { toReportJson } from "../domain/reportJson";
import { formatReport } from "../domain/reportText";
import { sampleWorkbook } from "../domain/sampleWorkbook";
import type { Analysis, Plan, WorkbookData } from "../domain/types";
import { applyPlanToWorkbook, saveXlsx, writeTemplate } from "../file/applyPlanToWorkbook";
import { readXlsx, type ReadXlsxResult } from "../file/readXlsx";
import { readXlsxData } from "../file/readXlsxData";

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  exists(path: string): Promise<boolean>;
}

export const EXIT_OK = 0;
export const EXIT_UNEXPECTED = 1;
export const EXIT_USAGE = 2;

export const USAGE = `Balans – kontrollerar SVOM:s balanslista, avtal och fördelning av medel i en .xlsx-fil.

Användning:
  balans report FIL.xlsx [--today ÅÅÅÅ-MM-DD] [--json]
  balans apply FIL.xlsx --out UT.xlsx [--today ÅÅÅÅ-MM-DD] [--force]
  balans sample --out FIL.xlsx [--force]
  balans --help

Kommandon:
  report   Rapport: fördelning per år, område och part, försenade och snart aktuella
           uppföljningar, utgångna och snart utgående avtal, problem i filen.
  apply    Skriver en kopia av FIL.xlsx med statuskolumnen "Balans status" bredvid
           balanslistan och avtalen och med bladet "Balans summering". FIL.xlsx ändras inte.
  sample   Skriver en exempelarbetsbok med SVOM:s balanslista, avtal och fördelning 2024.

Flaggor:
  --today ÅÅÅÅ-MM-DD  Dagen som räknas som i dag (standard: dagens datum).
  --json              Bara JSON på standard ut (belopp som "13302905.00", datum som "2024-11-15").
  --out FIL           Filen som skrivs.
  --force             Skriv över --out-filen om den redan finns.
  -h, --help          Visa den här hjälpen.

Slutkod: 0 klart (även när filen har problem), 2 fel i argument eller fil, 1 oväntat fel.
`;

/** A failure the user can fix; its message is shown as is. */
class UsageError extends Error {}

interface Args {
  command: string | undefined;
  files: string[];
  out: string | undefined;
  today: string | undefined;
  json: boolean;
  force: boolean;
  help: boolean;
  given: string[];
}

function parse(argv: string[]): Args {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      tokens: true,
      options: {
        out: { type: "string" },
        today: { type: "string" },
        json: { type: "boolean" },
        force: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    const code = (e as { code?: string }).code;
    const option = /'(-[^' ]+)/.exec((e as Error).message)?.[1] ?? "";
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new UsageError(`Okänd flagga ${option}.`);
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") throw new UsageError(`Flaggan ${option} behöver ett värde.`);
    throw new UsageError(`Argumenten kan inte läsas: ${(e as Error).message}`);
  }
  const { values, positionals, tokens } = parsed;
  const given = tokens.filter((t) => t.kind === "option").map((t) => t.name);
  return {
    command: positionals[0],
    files: positionals.slice(1),
    out: values.out,
    today: values.today,
    json: values.json === true,
    force: values.force === true,
    help: values.help === true,
    given,
  };
}

const ALLOWED: Record<string, string[]> = {
  report: ["today", "json", "help"],
  apply: ["out", "today", "force", "help"],
  sample: ["out", "force", "help"],
};

function checkOptions(args: Args, command: string): void {
  const allowed = ALLOWED[command] ?? [];
  const wrong = args.given.find((name) => !allowed.includes(name));
  if (wrong !== undefined) throw new UsageError(`Flaggan --${wrong} hör inte till kommandot ${command}.`);
}

function oneFile(args: Args, command: string): string {
  if (args.files.length === 0) throw new UsageError(`Ange vilken .xlsx-fil kommandot ${command} ska läsa.`);
  if (args.files.length > 1) throw new UsageError(`Kommandot ${command} läser en fil, men fick ${args.files.length}.`);
  return args.files[0] as string;
}

function todayOf(args: Args): string {
  if (args.today === undefined) return todayIso();
  if (!isIsoDate(args.today)) {
    throw new UsageError(`--today ${args.today} är inget datum: skriv det som ÅÅÅÅ-MM-DD, t.ex. 2024-11-15.`);
  }
  return args.today;
}

function outOf(args: Args, command: string): string {
  if (args.out === undefined || args.out === "") {
    throw new UsageError(`Ange filen som kommandot ${command} ska skriva med --out FIL.xlsx.`);
  }
  return args.out;
}

async function refuseOverwrite(io: CliIo, out: string, force: boolean): Promise<void> {
  if (!force && (await io.exists(out))) {
    throw new UsageError(`Filen ${out} finns redan. Ange --force för att skriva över den.`);
  }
}

function reasonOf(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === "ENOENT") return "filen finns inte";
  if (code === "EISDIR") return "det är en mapp";
  if (code === "EACCES" || code === "EPERM") return "behörighet saknas";
  const message = e instanceof Error ? e.message : String(e);
  if (/central directory|zip file|end of data/i.test(message)) return "filen är inget zip-paket, som .xlsx-filer är";
  return message;
}

async function readBytes(io: CliIo, file: string): Promise<Uint8Array> {
  try {
    return await io.readFile(file);
  } catch (e) {
    throw new UsageError(`Kan inte läsa ${file}: ${reasonOf(e)}.`);
  }
}

async function asWorkbook<T>(file: string, read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (e) {
    throw new UsageError(`${file} kan inte läsas som en .xlsx-arbetsbok: ${reasonOf(e)}.`);
  }
}

/** The whole workbook, to write back (apply). */
async function readWorkbook(io: CliIo, file: string): Promise<ReadXlsxResult> {
  const bytes = await readBytes(io, file);
  return asWorkbook(file, readXlsx(bytes));
}

function analyse(data: WorkbookData, file: string, today: string): Analysis {
  const analysis = analyseWorkbook(data, defaultOptions(today));
  if (analysis.tables.length === 0) {
    throw new UsageError(
      `Balans hittade ingen tabell som den känner igen i ${file}. Tabellerna känns igen på rubrikraden, ` +
        `t.ex. "Vad" och "Uppföljning" (balanslista), "Överenskommelse/avtal" och "Giltighetstid" (avtal), ` +
        `"Område", "Insats" och "Summa" (fördelning). Kör "balans sample --out exempel.xlsx" för ett exempel.`,
    );
  }
  return analysis;
}

async function report(args: Args, io: CliIo): Promise<number> {
  checkOptions(args, "report");
  const file = oneFile(args, "report");
  const today = todayOf(args);
  // Only the values are needed: the sheets are streamed, no workbook model is built.
  const bytes = await readBytes(io, file);
  const data = await asWorkbook(file, readXlsxData(bytes));
  const analysis = analyse(data, file, today);
  io.stdout(args.json ? `${JSON.stringify(toReportJson(analysis), null, 2)}\n` : formatReport(analysis));
  return EXIT_OK;
}

/** What `apply` wrote, in a few Swedish lines. */
export function describeApply(out: string, analysis: Analysis, plan: Plan): string {
  const lines = [`Skrev ${out}:`];
  for (const c of plan.statusColumns) {
    const flagged = c.cells.filter((cell) => cell.label !== "").length;
    const where = c.table === "" ? `området på bladet ${c.sheet}` : `tabellen ${c.table} på bladet ${c.sheet}`;
    lines.push(
      `  - kolumnen "${c.header}" ${c.exists ? "uppdaterad" : "tillagd"} i ${where} (${flagged} rader markerade)`,
    );
  }
  if (plan.statusColumns.length === 0)
    lines.push("  - ingen statuskolumn (ingen balanslista eller avtalstabell att markera)");
  if (plan.summary !== null) lines.push(`  - bladet "${plan.summary.name}"`);
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const f = analysis.followUps;
  const a = analysis.agreements;
  lines.push(
    `Per ${analysis.today}: ${count(f.filter((x) => x.status === "overdue").length, "försenad", "försenade")} och ` +
      `${count(f.filter((x) => x.status === "due-soon").length, "snart aktuell", "snart aktuella")} uppföljningar, ` +
      `${count(a.filter((x) => x.status === "expired").length, "utgånget", "utgångna")} och ` +
      `${count(a.filter((x) => x.status === "expiring").length, "snart utgående", "snart utgående")} avtal, ` +
      `${count(analysis.problems.length, "problem", "problem")}.`,
  );
  return `${lines.join("\n")}\n`;
}

async function apply(args: Args, io: CliIo): Promise<number> {
  checkOptions(args, "apply");
  const file = oneFile(args, "apply");
  const out = outOf(args, "apply");
  const today = todayOf(args);
  await refuseOverwrite(io, out, args.force);
  const read = await readWorkbook(io, file);
  const analysis = analyse(read.data, file, today);
  const plan = planApply(analysis);
  applyPlanToWorkbook(read.workbook, plan);
  await io.writeFile(out, await saveXlsx(read.workbook));
  if (read.unsupported.length > 0) {
    io.stderr(`Obs: ${file} innehåller ${read.unsupported.join(", ")}, som inte följer med till ${out}.\n`);
  }
  io.stdout(describeApply(out, analysis, plan));
  return EXIT_OK;
}

async function sample(args: Args, io: CliIo): Promise<number> {
  checkOptions(args, "sample");
  if (args.files.length > 0) throw new UsageError(`Kommandot sample läser ingen fil; ange filen att skriva med --out.`);
  const out = outOf(args, "sample");
  await refuseOverwrite(io, out, args.force);
  const template = sampleWorkbook();
  await io.writeFile(out, await saveXlsx(writeTemplate(template)));
  io.stdout(`Skrev exempelarbetsboken ${out} (blad: ${template.sheets.map((s) => s.name).join(", ")}).\n`);
  return EXIT_OK;
}

/** Run `balans` with the arguments after the program name; resolves to the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const args = parse(argv);
    if (args.help) {
      io.stdout(USAGE);
      return EXIT_OK;
    }
    switch (args.command) {
      case "report":
        return await report(args, io);
      case "apply":
        return await apply(args, io);
      case "sample":
        return await sample(args, io);
      case undefined:
        io.stderr(`Ange ett kommando.\n\n${USAGE}`);
        return EXIT_USAGE;
      default:
        throw new UsageError(`Okänt kommando "${args.command}". Kommandon: report, apply, sample (se balans --help).`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`balans: ${e.message}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`balans: oväntat fel: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_UNEXPECTED;
  }
}
