/**
 * Limits: what Balans says when a workbook is larger than Excel lets an add-in read or write in
 * one go, and when a file is not a whole .xlsx. Always a BalansError or exit code 2 with a
 * Swedish message that names the sheet or file — never a silent `null`, never a half answer.
 */
import JSZip from "jszip";
import { BalansError } from "../../../src/app/port";
import { EXIT_USAGE, runCli } from "../../../src/cli/runCli";
import { defaultOptions, SUMMARY_SHEET_NAME } from "../../../src/domain";
import { sampleWorkbook } from "../../../src/domain/sampleWorkbook";
import { runKontrollera, runSummering, type ActionEnv } from "../../../src/excel/actions";
import { MAX_CELLS_PER_READ } from "../../../src/excel/readWorkbook";
import { FakeExcel, MAX_COLUMNS, MAX_ROWS, type FakeSheet } from "../../support/fakeExcel";
import { saveXlsx, writeTemplate } from "../../../src/file/writeTemplate";
import { readXlsx } from "../../../src/file/readXlsx";
import { BAL } from "../../fixtures/corpus/corpusCase";
import { memoryIo } from "../cli/memoryIo";
import { stable } from "./helpers";

const options = defaultOptions("2024-11-15");

function envOf(excel: FakeExcel): ActionEnv {
  return { run: excel.run, supports: excel.supports, sleep: () => Promise.resolve() };
}

/** A workbook with a small balanslista (an Excel table) on its first sheet. */
function withBalanslista(): FakeExcel {
  const excel = new FakeExcel();
  excel.workbook.addTable("Balanslista", "Balanslista", 1, 1, BAL, [["Nära vård", "Ta fram rutin", "", "", "", "SVOM 3/6 2024"]]);
  return excel;
}

/** Every cell of a sheet as plain data, to see that nothing changed. */
function cellsOf(sheet: FakeSheet | undefined): string {
  return stable([...(sheet?.cells ?? new Map()).entries()].sort((a, b) => a[0] - b[0]));
}

async function failure(promise: Promise<unknown>): Promise<BalansError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BalansError);
  return error as BalansError;
}

describe("a sheet beyond Excel's 5 000 000-cell read limit", () => {
  const NAME = `Kalle's "stora" blad 🚀`;

  /** One cell in A1 and one far away: the used range is rows × columns, however empty. */
  function oversized(rows: number, columns: number): FakeExcel {
    const excel = withBalanslista();
    const big = excel.workbook.addSheet(NAME);
    big.put(1, 1, [["Rubrik"]]);
    big.put(rows, columns, [["sista cellen"]]);
    return excel;
  }

  // Issue 8: cost follows the data, not the used range. A used range past Excel's 5 000 000-cell
  // read limit is no longer refused: only the blocks that hold data are read (getSpecialCells).
  it.each([
    ["6 columns × 1 000 000 rows", 1_000_000, 6],
    ["a stray value in the sheet's last cell (XFD1048576)", MAX_ROWS, MAX_COLUMNS],
  ])("reads a sheet whose used range passes the limit by its data blocks, for Kontrollera and Summering: %s", async (_what, rows, columns) => {
    expect(rows * columns).toBeGreaterThan(MAX_CELLS_PER_READ);
    for (const action of [runKontrollera, runSummering]) {
      const excel = oversized(rows, columns);
      const big = cellsOf(excel.workbook.sheet(NAME));
      const outcome = await action(options, undefined, envOf(excel));
      expect(outcome.analysis.tables.length).toBe(1);
      expect(excel.syncs.reduce((n, x) => n + x.responseBytes, 0)).toBeLessThan(1_000_000);
      expect(cellsOf(excel.workbook.sheet(NAME))).toBe(big);
    }
  });

  it("does not count Balans's own summary sheet, which it never reads", async () => {
    const excel = withBalanslista();
    const old = excel.workbook.addSheet(SUMMARY_SHEET_NAME);
    old.put(1, 1, [["gammal summering"]]);
    old.put(MAX_ROWS, 26, [["långt ner"]]);
    const outcome = await runKontrollera(options, undefined, envOf(excel));
    expect(outcome.statusColumns).toBe(1);
    // The live status (issue 11): a formula over the dates column, which holds the milestone read.
    expect(String(excel.workbook.sheet("Balanslista")?.value(2, 7))).toMatch(/^=IF\(H2="","",/u);
    expect(excel.workbook.sheet("Balanslista")?.value(2, 8)).toBe("2024-06-03");
  });
});

describe("a write whose one indivisible request passes Excel's 5 MB request limit", () => {
  /**
   * Excel cells hold at most 32 767 characters, so no real summary row needs more than about
   * 1.2 MB; a 6 000 000-character title (which the fake accepts) makes the one job that writes
   * its row larger than any request Excel on the web accepts. Reading is allowed to pass (as on
   * a desktop host); only the write request is limited.
   */
  function withHugeTitle(): FakeExcel {
    const excel = new FakeExcel();
    excel.workbook.addTable("Balanslista", "Balanslista", 1, 1, BAL, [["Nära vård", "x".repeat(6_000_000), "", "", "", "SVOM 3/6 2024"]]);
    excel.workbook.addSheet("Anteckningar").put(1, 1, [["rör ej"], [42]]);
    excel.limits.responseBytes = 64 * 1024 * 1024;
    return excel;
  }

  it("gives payload-too-large with a Swedish message, not a silent failure, and keeps the user's cells", async () => {
    const excel = withHugeTitle();
    const before = ["Balanslista", "Anteckningar"].map((s) => cellsOf(excel.workbook.sheet(s)));
    const error = await failure(runSummering(options, undefined, envOf(excel)));
    expect(error.code).toBe("payload-too-large");
    expect(error.message).toMatch(/^Arbetsboken är för stor för att skickas till Excel i ett svep\./u);
    expect(excel.syncs.filter((s) => !s.ok).map((s) => s.requestBytes > 5 * 1024 * 1024)).toEqual([true]);
    expect(["Balanslista", "Anteckningar"].map((s) => cellsOf(excel.workbook.sheet(s)))).toEqual(before);
  });

  it("still flags the rows with Kontrollera, whose requests stay small", async () => {
    const excel = withHugeTitle();
    const outcome = await runKontrollera(options, undefined, envOf(excel));
    // read 2, concurrent-edit check 1, write 1
    expect(outcome.syncs).toBeLessThanOrEqual(4);
    // The live status (issue 11): a formula over the dates column, which holds the milestone read.
    expect(String(excel.workbook.sheet("Balanslista")?.value(2, 7))).toMatch(/^=IF\(H2="","",/u);
    expect(excel.workbook.sheet("Balanslista")?.value(2, 8)).toBe("2024-06-03");
    expect(excel.largestRequestBytes).toBeLessThan(64 * 1024);
  });
});

describe("the command line on a file that is not a whole .xlsx", () => {
  let good: Uint8Array;
  beforeAll(async () => {
    good = await saveXlsx(writeTemplate(sampleWorkbook()));
  });

  async function broken(): Promise<Record<string, Uint8Array>> {
    const cutPart = await JSZip.loadAsync(good);
    const sheet = Object.keys(cutPart.files).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/u.test(n)) as string;
    const xml = (await cutPart.file(sheet)?.async("string")) ?? "";
    cutPart.file(sheet, xml.slice(0, Math.floor(xml.length / 2)));
    return {
      "tom.xlsx": new Uint8Array(0),
      "halv.xlsx": good.slice(0, Math.floor(good.length / 2)),
      "utan slut.xlsx": good.slice(0, good.length - 10),
      "trasigt blad.xlsx": await cutPart.generateAsync({ type: "uint8array" }),
    };
  }

  it.each(["tom.xlsx", "halv.xlsx", "utan slut.xlsx", "trasigt blad.xlsx"])(
    "exits 2 for %s with a Swedish message naming the file, for report and apply, and writes nothing",
    async (name) => {
      const files = await broken();
      for (const argv of [["report", name, "--today", "2024-11-15"], ["apply", name, "--out", "ut.xlsx", "--today", "2024-11-15"]]) {
        const io = memoryIo(files);
        expect(await runCli(argv, io)).toBe(EXIT_USAGE);
        // A Swedish sentence that says what to do; an English technical detail may follow in brackets.
        expect(io.err).toMatch(new RegExp(`^balans: ${name.replace(/\./gu, "\\.")} kan inte läsas som en \\.xlsx-arbetsbok: .+\\.\\n(\\(.+\\)\\n)?$`, "u"));
        expect(io.out).toBe("");
        expect(io.writes).toEqual([]);
      }
    },
  );

  it("says an empty or cut-off file is no zip package, as .xlsx files are", async () => {
    const files = await broken();
    for (const name of ["tom.xlsx", "halv.xlsx", "utan slut.xlsx"]) {
      const io = memoryIo(files);
      await runCli(["report", name], io);
      expect(io.err).toMatch(new RegExp(`^balans: ${name} kan inte läsas som en \\.xlsx-arbetsbok: filen är inget zip-paket, som \\.xlsx-filer är, eller så är den skadad\\. Spara den som Excel-arbetsbok \\(\\.xlsx\\) i Excel och försök igen\\.\\n`, "u"));
    }
  });

  it("rejects in readXlsx, too, so that the preview can say the same", async () => {
    const files = await broken();
    for (const bytes of Object.values(files)) await expect(readXlsx(bytes)).rejects.toThrow();
  });

  it("says a zip package without a workbook in it (a renamed .docx, say) is no .xlsx workbook", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`);
    zip.file("word/document.xml", "<w:document/>");
    const docx = await zip.generateAsync({ type: "uint8array" });
    await expect(readXlsx(docx)).rejects.toThrow();
    const io = memoryIo({ "brev.xlsx": docx });
    expect(await runCli(["report", "brev.xlsx"], io)).toBe(EXIT_USAGE);
    expect(io.err).toMatch(/^balans: brev\.xlsx kan inte läsas som en \.xlsx-arbetsbok: /u);
  });
});
