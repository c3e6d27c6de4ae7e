/**
 * The `balans` command line as a testable function: arguments in, exit code out, every effect
 * through {@link CliIo}. `balans.ts` binds it to the process and the file system.
 *
 * Exit codes: 0 the command ran (problems in the workbook are data, not failures); 2 bad
 * arguments, a missing or unreadable file, no table Balans recognises, or an output file that
 * exists without --force; 1 anything unexpected.
 */
import { parseArgs } from "node:util";
import { isIsoDate } from "../domain/isoDate";
import { say } from "../domain/messages/catalogue";
import { countOf } from "../domain/messages/plural";
import type { Analysis, Plan, WorkbookData } from "../domain/types";
import type { PrepareNeeds, Prepared } from "../app/prepare";
import { BalansError } from "../app/port";
import { asWorkbook, noTables, readBytes, refuseOverwrite, refuseSameFile, UsageError, writeOut } from "./fileAccess";
// Startup: only type imports and light modules are static here. The engine (decimal.js), the
// .xlsx readers and writers (ExcelJS, JSZip) are loaded with `await import()` inside the
// command that needs them, so `balans --help` starts at once (issue 15). Add new ones the same way.

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  exists(path: string): Promise<boolean>;
  /**
   * Whether two paths name the same file (same device and inode: a symlink or a hard link to it
   * counts). Absent (e.g. in tests): the paths are compared as written.
   */
  sameFile?(a: string, b: string): Promise<boolean>;
  /**
   * Memory hints from `report` (issue 15: a lower peak), for the bin; absent (e.g. in tests):
   * nothing. `"reading"`: a workbook is about to be read into memory (the bin keeps V8's young
   * generation small from there on). `"settled"`: a phase has just left much garbage, after the
   * file is read and after the analysis (the bin runs a full collection, so that the heap grows
   * from what is live rather than on top of the garbage).
   */
  memoryHint?(hint: "reading" | "settled"): void;
}

export const EXIT_OK = 0;
export const EXIT_UNEXPECTED = 1;
export const EXIT_USAGE = 2;

export const USAGE = `Balans – kontrollerar SVOM:s balanslista, avtal och fördelning av medel i en .xlsx-fil.

Användning:
  balans report FIL.xlsx [--today ÅÅÅÅ-MM-DD] [--json]
  balans apply FIL.xlsx --out UT.xlsx [--today ÅÅÅÅ-MM-DD] [--force]
  balans sample --out FIL.xlsx [--force]
  balans agenda FIL.xlsx [--forum SVOM] [--date ÅÅÅÅ-MM-DD] [--today ÅÅÅÅ-MM-DD] [--json | --md]
  balans --help

Kommandon:
  report   Rapport: fördelning per år, område och part, försenade och snart aktuella
           uppföljningar, utgångna och snart utgående avtal, problem i filen.
  apply    Skriver en kopia av FIL.xlsx med statuskolumnen "Balans status" bredvid
           balanslistan och avtalen och med bladet "Balans summering". FIL.xlsx ändras inte.
  sample   Skriver en exempelarbetsbok med SVOM:s balanslista, avtal och fördelning 2024.
  agenda   Mötesunderlag: vad forumets möte ska besluta om, höra och informeras om (ur
           uppföljningstexterna), vad som blivit försenat sedan förra mötet och vilka avtal
           som går ut före nästa. Utan --date: forumets nästa möte från och med i dag.

Flaggor:
  --today ÅÅÅÅ-MM-DD  Dagen som räknas som i dag (standard: dagens datum).
  --json              Bara JSON på standard ut (belopp som "13302905.00", datum som "2024-11-15").
  --out FIL           Filen som skrivs.
  --force             Skriv över --out-filen om den redan finns.
  --forum NAMN        Forumet vars möte underlaget gäller (standard: SVOM).
  --date ÅÅÅÅ-MM-DD   Mötets datum (ÅÅÅÅ-MM: forumets möte den månaden).
  --md                Markdown att klistra in i kallelsen.
  -h, --help          Visa den här hjälpen.

Slutkod: 0 klart (även när filen har problem), 2 fel i argument eller fil, 1 oväntat fel.
`;

/** A failure the user can fix; its message is shown as is. */
interface Args {
  command: string | undefined;
  files: string[];
  out: string | undefined;
  today: string | undefined;
  json: boolean;
  force: boolean;
  help: boolean;
  forum: string | undefined;
  date: string | undefined;
  md: boolean;
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
        forum: { type: "string" },
        date: { type: "string" },
        md: { type: "boolean" },
      },
    });
  } catch (e) {
    const code = (e as { code?: string }).code;
    const option = /'(-[^' ]+)/.exec((e as Error).message)?.[1] ?? "";
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new UsageError(say("sv", "cli.unknown-option", { option }));
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") throw new UsageError(say("sv", "cli.option-needs-value", { option }));
    throw new UsageError(say("sv", "cli.arguments-unreadable", { detail: (e as Error).message }));
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
    forum: values.forum,
    date: values.date,
    md: values.md === true,
    given,
  };
}

const ALLOWED: Record<string, string[]> = {
  report: ["today", "json", "help"],
  apply: ["out", "today", "force", "help"],
  sample: ["out", "force", "help"],
  agenda: ["forum", "date", "today", "json", "md", "help"],
};

function checkOptions(args: Args, command: string): void {
  const allowed = ALLOWED[command] ?? [];
  const wrong = args.given.find((name) => !allowed.includes(name));
  if (wrong !== undefined) throw new UsageError(say("sv", "cli.option-not-for-command", { option: wrong, command }));
}

function oneFile(args: Args, command: string): string {
  if (args.files.length === 0) throw new UsageError(say("sv", "cli.file-missing", { command }));
  if (args.files.length > 1) throw new UsageError(say("sv", "cli.too-many-files", { command, count: args.files.length }));
  return args.files[0] as string;
}

async function todayOf(args: Args): Promise<string> {
  if (args.today === undefined) return (await import("../domain")).todayIso();
  if (!isIsoDate(args.today)) {
    throw new UsageError(say("sv", "cli.today-not-a-date", { value: args.today }));
  }
  return args.today;
}

function outOf(args: Args, command: string): string {
  if (args.out === undefined || args.out === "") {
    throw new UsageError(say("sv", "cli.out-missing", { command }));
  }
  return args.out;
}

/** The one prepare step (src/app/prepare.ts), as the pane and the ribbon call it; no table is exit 2. */
async function analyse(data: WorkbookData, file: string, today: string, what: "report" | "apply", needs: PrepareNeeds = {}): Promise<Prepared> {
  const { defaultOptions } = await import("../domain");
  const { prepare } = await import("../app/prepare");
  let prepared: Prepared;
  try {
    prepared = prepare(data, defaultOptions(today), what, {}, needs);
  } catch (e) {
    if (e instanceof BalansError && e.code === "no-tables") throw noTables(file);
    throw e;
  }
  if (prepared.analysis.tables.length === 0) throw noTables(file);
  return prepared;
}

async function report(args: Args, io: CliIo): Promise<number> {
  checkOptions(args, "report");
  const file = oneFile(args, "report");
  const today = await todayOf(args);
  // Only the values are needed: the sheets are streamed, no workbook model is built.
  // The package is handed to the reader, not kept: its bytes go once the sheets are read (issue 15).
  io.memoryHint?.("reading");
  const input: { bytes: Uint8Array | null } = { bytes: await readBytes(io, file) };
  // The same reader as everywhere, with Node's zlib instead of fflate (issue 15: several times faster).
  const [{ readWorkbookData }, { nativeInflateRaw }] = await Promise.all([
    import("../file/ooxml/readWorkbookData"),
    import("./nativeInflate"),
  ]);
  // The workbook and then the analysis are let go (set to null) as soon as what comes next no longer needs them.
  let data: WorkbookData | null = await asWorkbook<WorkbookData>(
    file,
    Promise.resolve().then(() => {
      const bytes = input.bytes as Uint8Array;
      input.bytes = null;
      return readWorkbookData(bytes, { inflateRaw: nativeInflateRaw });
    }),
  );
  io.memoryHint?.("settled");
  // Only what is printed is prepared: the same analysis and notices as apply, no plan of cells.
  let analysis: Analysis | null = (await analyse(data, file, today, "report", { plan: false })).analysis;
  data = null;
  io.memoryHint?.("settled");
  if (args.json) {
    const [{ fundRowJson, toReportJson }, { mappedOnWrite, writeJson }] = await Promise.all([import("../domain/reportJson"), import("./writeJson")]);
    // The distribution rows, the bulk of a large report, are made as they are written (issue 15).
    const funds = analysis.funds;
    const json = toReportJson({ ...analysis, funds: funds.map((y) => ({ ...y, rows: [] })) });
    analysis = null;
    const value = { ...json, funds: json.funds.map((y, i) => ({ ...y, rows: mappedOnWrite(funds[i]?.rows ?? [], fundRowJson, true) })) };
    // Written in pieces: the same bytes as JSON.stringify(…, null, 2) and a newline, without one huge string.
    writeJson(value, (chunk) => io.stdout(chunk), "\n");
  } else {
    const { formatReport } = await import("../domain/reportText");
    io.stdout(formatReport(analysis));
  }
  return EXIT_OK;
}

/** What `apply` wrote, in a few Swedish lines. */
export function describeApply(out: string, analysis: Analysis, plan: Plan): string {
  const lines = [`Skrev ${out}:`];
  for (const c of plan.statusColumns) {
    const flagged = c.cells.filter((cell) => cell.label !== "").length;
    const where = c.table === "" ? `området på bladet ${c.sheet}` : `tabellen ${c.table} på bladet ${c.sheet}`;
    lines.push(
      `  - kolumnen "${c.header}" ${c.exists ? "uppdaterad" : "tillagd"} i ${where} (${countOf("sv", flagged, { one: "rad markerad", other: "rader markerade" })})`,
    );
  }
  if (plan.statusColumns.length === 0)
    lines.push("  - ingen statuskolumn (ingen balanslista eller avtalstabell att markera)");
  if (plan.summary !== null) lines.push(`  - bladet "${plan.summary.name}"${plan.summary.existing ? " (uppdaterat)" : ""}`);
  else lines.push("  - inget summeringsblad (se nedan)");
  // What Balans did instead of writing (the notices are among the problems, too).
  for (const n of analysis.problems) if (n.code !== undefined) lines.push(`  - obs: ${n.message}`);
  const count = (n: number, one: string, other: string) => countOf("sv", n, { one, other });
  const f = analysis.followUps;
  const a = analysis.agreements;
  lines.push(
    // Each count with its own noun, in the singular or plural: "1 försenad uppföljning och 2 uppföljningar som snart är aktuella".
    `Per ${analysis.today}: ${count(f.filter((x) => x.status === "overdue").length, "försenad uppföljning", "försenade uppföljningar")} och ` +
      `${count(f.filter((x) => x.status === "due-soon").length, "uppföljning som snart är aktuell", "uppföljningar som snart är aktuella")}, ` +
      `${count(a.filter((x) => x.status === "expired").length, "utgånget avtal", "utgångna avtal")} och ` +
      `${count(a.filter((x) => x.status === "expiring").length, "avtal som snart går ut", "avtal som snart går ut")}, ` +
      `${count(analysis.problems.length, "problem", "problem")}.`,
  );
  return `${lines.join("\n")}\n`;
}

async function apply(args: Args, io: CliIo): Promise<number> {
  checkOptions(args, "apply");
  const file = oneFile(args, "apply");
  const out = outOf(args, "apply");
  const today = await todayOf(args);
  await refuseSameFile(io, file, out);
  await refuseOverwrite(io, out, args.force);
  // The package is read sparsely and patched: every part Balans does not own is copied as it was
  // (src/file/ooxml/patchPackage.ts); nothing is lost, so there is nothing to warn about.
  const bytes = await readBytes(io, file);
  const [{ readWorkbookData }, { nativeInflateRaw: inflateRaw }, { nativeDeflater: deflater }] = await Promise.all([
    import("../file/ooxml/readWorkbookData"),
    import("./nativeInflate"),
    import("./nativeDeflate"),
  ]);
  const data = await asWorkbook(file, Promise.resolve().then(() => readWorkbookData(bytes, { inflateRaw })));
  const { analysis, plan } = await analyse(data, file, today, "apply");
  const { patchPackage } = await import("../file/ooxml/patchPackage");
  const written = await asWorkbook(file, Promise.resolve().then(() => patchPackage(bytes, plan, { inflateRaw, deflater })));
  await writeOut(io, out, written);
  io.stdout(describeApply(out, analysis, plan));
  return EXIT_OK;
}

async function sample(args: Args, io: CliIo): Promise<number> {
  checkOptions(args, "sample");
  if (args.files.length > 0) throw new UsageError(say("sv", "cli.sample-reads-no-file"));
  const out = outOf(args, "sample");
  await refuseOverwrite(io, out, args.force);
  const { sampleWorkbook } = await import("../domain/sampleWorkbook");
  const { saveXlsx, writeTemplate } = await import("../file/writeTemplate");
  const template = sampleWorkbook();
  await writeOut(io, out, await saveXlsx(writeTemplate(template)));
  io.stdout(`Skrev exempelarbetsboken ${out} (blad: ${template.sheets.map((s) => s.name).join(", ")}).\n`);
  return EXIT_OK;
}

/** `agenda`: the meeting's agenda (the logic is in agenda.ts). */
async function agenda(args: Args, io: CliIo): Promise<number> {
  checkOptions(args, "agenda");
  const file = oneFile(args, "agenda");
  const today = await todayOf(args);
  const bytes = await readBytes(io, file);
  const { readXlsxData } = await import("../file/readXlsxData");
  const { analysis } = await analyse(await asWorkbook(file, readXlsxData(bytes)), file, today, "report");
  const { renderAgenda } = await import("./agenda");
  const out = renderAgenda(analysis, { forum: args.forum, date: args.date, json: args.json, md: args.md });
  if (!out.ok) throw new UsageError(out.message);
  io.stdout(out.text);
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
      case "agenda":
        return await agenda(args, io);
      case undefined:
        io.stderr(`Ange ett kommando.\n\n${USAGE}`);
        return EXIT_USAGE;
      default:
        throw new UsageError(say("sv", "cli.unknown-command", { command: args.command }));
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof BalansError) {
      io.stderr(`balans: ${e.message}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`balans: oväntat fel: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_UNEXPECTED;
  }
}
