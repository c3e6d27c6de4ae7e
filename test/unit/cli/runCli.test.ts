import { EXIT_OK, EXIT_USAGE, runCli, USAGE } from "../../../src/cli/runCli";
import { readXlsx } from "../../../src/file/readXlsx";
import { memoryIo } from "./memoryIo";

const NOT_XLSX = new TextEncoder().encode("Vad;Uppföljning\nNågot;3/6 2024\n");

describe("runCli arguments", () => {
  it("prints the help on stdout with --help and -h", async () => {
    for (const argv of [["--help"], ["-h"], ["report", "--help"]]) {
      const io = memoryIo();
      expect(await runCli(argv, io)).toBe(EXIT_OK);
      expect(io.out).toBe(USAGE);
      expect(io.err).toBe("");
    }
    expect(USAGE).toContain("balans report FIL.xlsx [--today ÅÅÅÅ-MM-DD] [--json]");
  });

  it("asks for a command when there is none", async () => {
    const io = memoryIo();
    expect(await runCli([], io)).toBe(EXIT_USAGE);
    expect(io.err).toMatch(/^Ange ett kommando\./);
    expect(io.out).toBe("");
  });

  it.each([
    [["rapport", "a.xlsx"], /Okänt kommando "rapport"/],
    [["report", "a.xlsx", "--bogus"], /Okänd flagga --bogus/],
    [["report", "a.xlsx", "--today"], /Flaggan --today behöver ett värde/],
    [["report"], /Ange vilken \.xlsx-fil kommandot report ska läsa/],
    [["report", "a.xlsx", "b.xlsx"], /läser en fil, men fick 2/],
    [["report", "a.xlsx", "--out", "b.xlsx"], /Flaggan --out hör inte till kommandot report/],
    [["apply", "a.xlsx", "--json", "--out", "b.xlsx"], /Flaggan --json hör inte till kommandot apply/],
    [["apply", "a.xlsx"], /Ange filen som kommandot apply ska skriva med --out/],
    [["sample"], /Ange filen som kommandot sample ska skriva med --out/],
    [["sample", "x.xlsx", "--out", "y.xlsx"], /sample läser ingen fil/],
  ])("rejects %j with exit 2 and a Swedish message", async (argv, message) => {
    const io = memoryIo({ "a.xlsx": NOT_XLSX });
    expect(await runCli(argv, io)).toBe(EXIT_USAGE);
    expect(io.err).toMatch(message);
    expect(io.err.startsWith("balans: ")).toBe(true);
    expect(io.out).toBe("");
    expect(io.writes).toEqual([]);
  });

  it.each(["2024-02-30", "15/11 2024", "2024-1-5", "i dag"])("rejects --today %s", async (today) => {
    const io = memoryIo();
    expect(await runCli(["report", "a.xlsx", "--today", today], io)).toBe(EXIT_USAGE);
    expect(io.err).toContain(`--today ${today} är inget datum`);
  });
});

describe("runCli files", () => {
  it("says when the file does not exist", async () => {
    const io = memoryIo();
    expect(await runCli(["report", "saknas.xlsx", "--today", "2024-11-15"], io)).toBe(EXIT_USAGE);
    expect(io.err).toBe("balans: Kan inte läsa saknas.xlsx: filen finns inte.\n");
    expect(io.out).toBe("");
  });

  it("says when the file is not an .xlsx workbook", async () => {
    const io = memoryIo({ "lista.csv": NOT_XLSX });
    expect(await runCli(["report", "lista.csv"], io)).toBe(EXIT_USAGE);
    expect(io.err).toMatch(/lista\.csv kan inte läsas som en \.xlsx-arbetsbok: filen är inget zip-paket/);
  });

  it("writes the sample workbook and will not overwrite it without --force", async () => {
    const io = memoryIo();
    expect(await runCli(["sample", "--out", "exempel.xlsx"], io)).toBe(EXIT_OK);
    expect(io.out).toContain("Skrev exempelarbetsboken exempel.xlsx");
    const first = io.files.get("exempel.xlsx");
    if (!first) throw new Error("nothing written");
    const { data } = await readXlsx(first);
    expect(data.sheets.map((s) => s.name)).toEqual(["Balanslista", "Avtal", "Fördelning 2024", "Parter", "Fördelning 2022–2023"]);

    const again = memoryIo({ "exempel.xlsx": NOT_XLSX });
    expect(await runCli(["sample", "--out", "exempel.xlsx"], again)).toBe(EXIT_USAGE);
    expect(again.err).toBe("balans: Filen exempel.xlsx finns redan. Ange --force för att skriva över den.\n");
    expect(again.files.get("exempel.xlsx")).toBe(NOT_XLSX);

    expect(await runCli(["sample", "--out", "exempel.xlsx", "--force"], again)).toBe(EXIT_OK);
    expect(again.files.get("exempel.xlsx")).not.toBe(NOT_XLSX);
  });

  it("refuses to overwrite the output of apply before it reads anything", async () => {
    const io = memoryIo({ "ut.xlsx": NOT_XLSX });
    expect(await runCli(["apply", "saknas.xlsx", "--out", "ut.xlsx"], io)).toBe(EXIT_USAGE);
    expect(io.err).toContain("Filen ut.xlsx finns redan. Ange --force");
    expect(io.writes).toEqual([]);
  });
});
