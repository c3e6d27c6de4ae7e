/**
 * Workbooks written by other programs than ExcelJS (test/fixtures/xlsx/): Balans must read them
 * and patch them without failing.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { prepare } from "../../../src/app/prepare";
import { analyseWorkbook, defaultOptions } from "../../../src/domain";
import { toJsonAmount } from "../../../src/domain/formatAmount";
import { patchPackage } from "../../../src/file/ooxml/patchPackage";
import { readWorkbookData } from "../../../src/file/ooxml/readWorkbookData";
import { saveXlsx, writeTemplate } from "../../../src/file/writeTemplate";
import { readXlsxData } from "../../../src/file/readXlsxData";
import { readXlsx } from "../../../src/file/readXlsx";

const LIBREOFFICE = readFileSync(join(__dirname, "../../fixtures/xlsx/libreoffice-sample.xlsx"));

describe("a workbook saved by LibreOffice Calc", () => {
  it("is read with its tables and gives the seed's 2024 totals", async () => {
    const { data } = await readXlsx(LIBREOFFICE);
    expect(data.sheets.map((s) => s.tables.map((t) => t.name).sort())).toEqual([["Balanslista"], ["Avtal"], ["Fordelning2024", "Tilldelning2024"], ["Parter"]]);
    const analysis = analyseWorkbook(data, defaultOptions("2024-11-15"));
    expect(analysis.problems).toEqual([]);
    expect(toJsonAmount(analysis.funds[0]!.total.distributed)).toBe("13302905.00");
    expect(analysis.followUps.filter((f) => f.status === "overdue")).toHaveLength(13);
  });

  it("is written back with the owned columns in its tables (tables without a style do not break saving)", () => {
    const options = defaultOptions("2024-11-15");
    const { plan } = prepare(readWorkbookData(LIBREOFFICE), options, "apply");
    const once = patchPackage(LIBREOFFICE, plan);
    const again = readWorkbookData(once);
    const balans = again.sheets.find((s) => s.name === "Balanslista")!;
    // The status column and the dates column "Balans datum" joined the table.
    expect(balans.tables[0]).toMatchObject({ name: "Balanslista", columnCount: 10 });
    const second = prepare(again, options, "apply");
    expect(second.analysis.tables.find((t) => t.table === "Balanslista")?.ownedColumn).toBe(8);
    expect(second.plan.statusColumns.map((c) => [c.exists, c.dates?.exists])).toEqual([
      [true, true],
      [true, true],
    ]);
    // A second run writes the same file.
    expect(Buffer.from(patchPackage(once, second.plan)).equals(Buffer.from(once))).toBe(true);
  });
});

describe("the streaming read used by `balans report`", () => {
  it("gives the same data as the full read for the LibreOffice workbook", async () => {
    expect(await readXlsxData(LIBREOFFICE)).toEqual((await readXlsx(LIBREOFFICE)).data);
  });

  it("decodes characters whose bytes fall in two chunks (no-break spaces in 2 000 amounts)", async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => [2024, "1", `Insats ${i}`, "Region JH", `${(i * 7919) % 900 + 100}\u00a0${String(i % 1000).padStart(3, "0")} kr`]);
    const bytes = await saveXlsx(
      writeTemplate({
        sheets: [{ name: "F", tables: [{ name: "F", top: 1, left: 1, title: null, headers: ["År", "Område", "Insats", "Ansvarig verksamhet", "Summa"], rows, validations: [], numberFormats: [], columnWidths: [6, 6, 20, 20, 12] }] }],
      }),
    );
    const streamed = await readXlsxData(bytes);
    expect(streamed).toEqual((await readXlsx(bytes)).data);
    expect(streamed.sheets[0]!.values.every((r, i) => i === 0 || /^\d+\u00a0\d{3} kr$/u.test(String(r[4])))).toBe(true);
  });
});
