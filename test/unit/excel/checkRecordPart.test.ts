/**
 * Issue 11: the since-last-check record in a custom XML part (ExcelApi 1.5), written with
 * Kontrollera's write and read with the read's round trips — no sync of its own.
 */
import { prepare } from "../../../src/app/prepare";
import { defaultOptions } from "../../../src/domain";
import { CHECK_RECORD_NAMESPACE } from "../../../src/domain/checkRecord";
import { checkRecordXml } from "../../../src/domain/checkRecordXml";
import { runInfogaMall, runKontrollera, type ActionEnv } from "../../../src/excel/actions";
import { applyPlan } from "../../../src/excel/applyPlan";
import { readWorkbook, readWorkbookWithNotes } from "../../../src/excel/readWorkbook";
import { readSession } from "../../../src/excel/readSheets";
import { FakeExcel, fakeRootNamespace } from "../../support/fakeExcel";

beforeEach(() => {
  readSession.documentedOnly = false;
});

const envOf = (excel: FakeExcel): ActionEnv => ({ run: excel.run, supports: excel.supports, sleep: () => Promise.resolve() });

async function sample(apiVersion = 99): Promise<FakeExcel> {
  const excel = new FakeExcel();
  excel.apiVersion = apiVersion;
  excel.workbook.addSheet("Blad1");
  await runInfogaMall(true, envOf(excel));
  excel.resetLog();
  return excel;
}

const JSON_TEXT = '{"version":1,"checks":[{"date":"2024-11-15","rows":[{"k":"f|Lista|T|A & B <c>","s":"overdue","r":4,"t":"A & B <c>","sheet":"Lista","table":"T"}]}]}';

describe("the check record's custom XML part", () => {
  it("is added when there is none, and read back as the same JSON (write then read)", async () => {
    const excel = new FakeExcel();
    excel.workbook.addSheet("Blad1");
    await excel.run((context) => applyPlan(context, { statusColumns: [], summary: null, checkRecord: JSON_TEXT }, { supports: excel.supports }));
    expect(excel.workbook.customXmlParts.map((p) => p.xml)).toEqual([checkRecordXml(JSON_TEXT)]);
    expect(fakeRootNamespace(excel.workbook.customXmlParts[0]?.xml ?? "")).toBe(CHECK_RECORD_NAMESPACE);
    const data = await excel.run((context) => readWorkbook(context));
    expect(data.checkRecord).toBe(JSON_TEXT);
  });

  it("has its XML replaced in the part the read found (never a second part)", async () => {
    const excel = new FakeExcel();
    excel.workbook.addSheet("Blad1");
    const other = excel.workbook.addXmlPart('<other xmlns="urn:someone:else">x</other>');
    const mine = excel.workbook.addXmlPart(checkRecordXml('{"version":1,"checks":[]}'));
    const read = await excel.run((context) => readWorkbookWithNotes(context));
    expect(read.checkRecordPart).toBe(mine.id);
    expect(read.data.checkRecord).toBe('{"version":1,"checks":[]}');
    await excel.run((context) =>
      applyPlan(context, { statusColumns: [], summary: null, checkRecord: JSON_TEXT }, { supports: excel.supports, workbook: { protectedSheets: new Set(), structureLocked: false, names: [], checkRecordPart: read.checkRecordPart } }),
    );
    expect(excel.workbook.customXmlParts).toEqual([other, { id: mine.id, xml: checkRecordXml(JSON_TEXT) }]);
  });

  it("is null in the read when the workbook has none, and absent where ExcelApi 1.5 is missing", async () => {
    const excel = new FakeExcel();
    excel.workbook.addSheet("Blad1");
    expect((await excel.run((context) => readWorkbook(context, { supports: excel.supports }))).checkRecord).toBeNull();
    excel.apiVersion = 4;
    excel.workbook.addXmlPart(checkRecordXml(JSON_TEXT));
    expect("checkRecord" in (await excel.run((context) => readWorkbook(context, { supports: excel.supports })))).toBe(false);
  });
});

describe("Kontrollera and the check record", () => {
  it("stores the record in the same 4 syncs, and a second check the same day gives the same part", async () => {
    const excel = await sample();
    const options = defaultOptions("2024-11-15");
    const first = await runKontrollera(options, undefined, envOf(excel));
    expect(first.syncs).toBe(4);
    expect(excel.workbook.customXmlParts).toHaveLength(1);
    const after = excel.workbook.customXmlParts[0]?.xml;
    // What the engine plans to store for the workbook as read before the check.
    const data = await excel.run((context) => readWorkbook(context));
    expect(after).toBe(checkRecordXml(data.checkRecord ?? ""));
    expect(JSON.parse(data.checkRecord ?? "{}")).toMatchObject({ version: 1, checks: [{ date: "2024-11-15" }] });
    excel.resetLog();
    const again = await runKontrollera(options, undefined, envOf(excel));
    expect(again.syncs).toBe(4);
    expect(excel.workbook.customXmlParts.map((p) => p.xml)).toEqual([after]);
    expect(excel.events.filter((e) => e.kind === "add-xml-part")).toEqual([]);
    expect(excel.events.filter((e) => e.kind === "set-xml-part")).toHaveLength(1);
  });

  it("a check a month later compares against the first one: the plan's record keeps both days", async () => {
    const excel = await sample();
    await runKontrollera(defaultOptions("2024-11-15"), undefined, envOf(excel));
    const outcome = await runKontrollera(defaultOptions("2024-12-16"), undefined, envOf(excel));
    expect(outcome.analysis.since).toBe("2024-11-15");
    const data = await excel.run((context) => readWorkbook(context));
    expect((JSON.parse(data.checkRecord ?? "{}") as { checks: { date: string }[] }).checks.map((c) => c.date)).toEqual(["2024-11-15", "2024-12-16"]);
    expect(prepare(data, defaultOptions("2024-12-16"), "report").analysis.since).toBe("2024-11-15");
  });

  it("without ExcelApi 1.5 writes no part and costs the same 4 syncs", async () => {
    const excel = await sample();
    const without15 = (v: string) => v !== "1.5" && excel.supports(v);
    const outcome = await runKontrollera(defaultOptions("2024-11-15"), undefined, { ...envOf(excel), supports: without15 });
    expect(outcome.syncs).toBe(4);
    expect(excel.workbook.customXmlParts).toEqual([]);
  });
});
