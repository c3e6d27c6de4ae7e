/**
 * Workbooks written by other programs than ExcelJS (test/fixtures/xlsx/): Balans must read them
 * and write them back without failing.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyseWorkbook, defaultOptions, planApply } from "../../../src/domain";
import { toJsonAmount } from "../../../src/domain/formatAmount";
import { applyPlanToWorkbook, saveXlsx } from "../../../src/file/applyPlanToWorkbook";
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

  it("is written back with the owned column in its tables (tables without a style do not break saving)", async () => {
    const read = await readXlsx(LIBREOFFICE);
    const plan = planApply(analyseWorkbook(read.data, defaultOptions("2024-11-15")));
    applyPlanToWorkbook(read.workbook, plan);
    const again = await readXlsx(await saveXlsx(read.workbook));
    const balans = again.data.sheets.find((s) => s.name === "Balanslista")!;
    expect(balans.tables[0]).toMatchObject({ name: "Balanslista", columnCount: 9 });
    const second = analyseWorkbook(again.data, defaultOptions("2024-11-15"));
    expect(second.tables.find((t) => t.table === "Balanslista")?.ownedColumn).toBe(8);
    expect(planApply(second).statusColumns.map((c) => c.exists)).toEqual([true, true]);
  });
});
