/**
 * `balans agenda` end to end over the sample workbook (seed 004's balanslista), written by
 * `balans sample` and read back as an .xlsx file.
 */
import { EXIT_OK, EXIT_USAGE, runCli, USAGE } from "../../../src/cli/runCli";
import { memoryIo, type MemoryIo } from "./memoryIo";

let sampleBytes: Uint8Array;

beforeAll(async () => {
  const io = memoryIo();
  expect(await runCli(["sample", "--out", "exempel.xlsx"], io)).toBe(EXIT_OK);
  sampleBytes = io.files.get("exempel.xlsx") as Uint8Array;
});

async function run(argv: string[]): Promise<{ code: number; io: MemoryIo }> {
  const io = memoryIo({ "exempel.xlsx": sampleBytes });
  const code = await runCli(argv, io);
  return { code, io };
}

describe("balans agenda", () => {
  it("is in the help", () => {
    expect(USAGE).toContain(
      "balans agenda FIL.xlsx [--forum SVOM] [--date ÅÅÅÅ-MM-DD] [--today ÅÅÅÅ-MM-DD] [--json | --md]",
    );
  });

  it("prints SVOM's next meeting as Swedish text", async () => {
    const { code, io } = await run([
      "agenda",
      "exempel.xlsx",
      "--today",
      "2024-11-15",
    ]);
    expect([code, io.err]).toEqual([EXIT_OK, ""]);
    expect(io.out.split("\n").slice(0, 7)).toEqual([
      "Mötesunderlag SVOM 2024-12-06",
      "Förra mötet 2024-10-11 · nästa möte februari 2025 · mötesdatum ur uppföljningstexterna · per 2024-11-15",
      "",
      "Ärenden (1 ärende)",
      "  Nära vård",
      "    Rapporter och uppföljning",
      "      - Gemensam plan på primärvårdsnivå – sammanfattning med politiskt prioriterade områden: uppföljning gemensam plan (Balanslista, rad 6)",
    ]);
  });

  it("prints only JSON with --json, with the contract's keys", async () => {
    const { code, io } = await run([
      "agenda",
      "exempel.xlsx",
      "--today",
      "2024-11-15",
      "--forum",
      "SVOM",
      "--date",
      "2024-10-11",
      "--json",
    ]);
    expect(code).toBe(EXIT_OK);
    const json = JSON.parse(io.out) as Record<string, unknown> & {
      items: { row: number; kind: string }[];
    };
    expect([json.forum, json.date, json.previous, json.next]).toEqual([
      "SVOM",
      "2024-10-11",
      "2024-06-03",
      "2024-12-06",
    ]);
    expect(json.items.map((i) => [i.row, i.kind])).toEqual([
      [3, "decision"],
      [5, "decision"],
      [20, "decision"],
      [21, "decision"],
      [29, "report"],
      [30, "report"],
      [31, "report"],
    ]);
    expect(Object.keys(json.items[0] ?? {})).toEqual([
      "sheet",
      "table",
      "row",
      "title",
      "area",
      "kind",
      "text",
    ]);
    expect(Array.isArray(json.overdue) && Array.isArray(json.agreements)).toBe(
      true,
    );
  });

  it("prints Markdown with --md", async () => {
    const { code, io } = await run([
      "agenda",
      "exempel.xlsx",
      "--today",
      "2024-11-15",
      "--forum",
      "Fredagsgruppen",
      "--date",
      "2024-04-22",
      "--md",
    ]);
    expect(code).toBe(EXIT_OK);
    expect(io.out).toContain("## Mötesunderlag Fredagsgruppen 2024-04-22\n");
    expect(io.out).toContain(
      "- **Samverkan primärvård/ specialistvård t.ex. frågor om Storsjögläntan och MINT**: uppföljning statistik *(Balanslista, rad 11)*",
    );
  });

  it.each([
    [
      ["agenda", "exempel.xlsx", "--forum", "Styrelsen"],
      /Forumet ”Styrelsen” är okänt/,
    ],
    [["agenda", "exempel.xlsx", "--date", "6/12"], /”6\/12” är inget datum/],
    [
      ["agenda", "exempel.xlsx", "--json", "--md"],
      /antingen --json eller --md/,
    ],
    [
      ["agenda", "exempel.xlsx", "--today", "2025-06-01"],
      /SVOM har inget möte i dag eller senare/,
    ],
    [
      ["agenda", "exempel.xlsx", "--out", "x.xlsx"],
      /Flaggan --out hör inte till kommandot agenda/,
    ],
    [
      ["report", "exempel.xlsx", "--md"],
      /Flaggan --md hör inte till kommandot report/,
    ],
    [["agenda"], /Ange vilken \.xlsx-fil kommandot agenda ska läsa/],
  ])("rejects %j with exit 2 and a Swedish message", async (argv, message) => {
    const { code, io } = await run(argv);
    expect(code).toBe(EXIT_USAGE);
    expect(io.err).toMatch(message);
    expect(io.out).toBe("");
  });
});
