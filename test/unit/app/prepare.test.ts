/**
 * The one prepare step (src/app/prepare.ts): analyse, decide by the ownership record, guard,
 * plan — the same verdict for report, apply, Kontrollera and Summering.
 */
import { BalansError } from "../../../src/app/port";
import { prepare } from "../../../src/app/prepare";
import { defaultOptions } from "../../../src/domain";
import type { SheetData, WorkbookData } from "../../../src/domain/types";

const BAL = ["Prioriterat område", "Vad", "Uppdrag/aktivitet", "Ansvarig funktion/operativ gruppering", "Beredande forum", "Uppföljning"];
const options = defaultOptions("2024-11-15");

function balanslista(extra: Partial<SheetData> = {}): SheetData {
  return {
    name: "Balanslista",
    top: 1,
    left: 1,
    values: [BAL, ["Nära vård", "A", "", "", "", "SVOM 6/12 2024"], ["Nära vård", "B", "", "", "", "SVOM 3/6 2024"]],
    tables: [{ name: "Balanslista", headerRow: 1, firstColumn: 1, rowCount: 2, columnCount: 6 }],
    ...extra,
  };
}

const userSummary: SheetData = { name: "Balans summering", top: 1, left: 1, values: [["Mina anteckningar"]], tables: [] };

describe("prepare", () => {
  it("plans both writes for apply (and report), with the record", () => {
    const { plan, notices } = prepare({ sheets: [balanslista()] }, options, "apply");
    expect(plan.statusColumns.map((p) => [p.sheet, p.column, p.exists, p.cells.map((c) => c.label)])).toEqual([["Balanslista", 7, false, ["Snart", "Försenad"]]]);
    expect([plan.summary?.name, plan.summary?.existing]).toEqual(["Balans summering", null]);
    expect(plan.names?.map((n) => [n.name, n.refersTo])).toEqual([
      ["_Balans_Version", '"1"'],
      ["_Balans_Summary", "'Balans summering'!$A$1"],
      ["_Balans_Status_1", "'Balanslista'!$G$1"],
      // Issue 11 (planLiveStatus.ts): the windows of the status formulas and the dates column.
      ["_Balans_DueSoonDays", "30"],
      ["_Balans_ExpiringDays", "90"],
      ["_Balans_Dates_1", "'Balanslista'!$H$1"],
    ]);
    expect(plan.removeNames).toEqual([]);
    expect(notices).toEqual([]);
    expect(prepare({ sheets: [balanslista()] }, options, "report").plan).toEqual(plan);
  });

  it("plans only the status columns for Kontrollera, and records no summary it has not written", () => {
    const { plan } = prepare({ sheets: [balanslista()] }, options, "kontrollera");
    expect(plan.statusColumns).toHaveLength(1);
    expect(plan.summary).toBeNull();
    expect(plan.names?.map((n) => n.name)).toEqual(["_Balans_Version", "_Balans_Status_1", "_Balans_DueSoonDays", "_Balans_ExpiringDays", "_Balans_Dates_1"]);
  });

  it("plans only the summary for Summering, and keeps the record of a status column it owns", () => {
    const owned = balanslista({ values: [[...BAL, "Balans status"], ["Nära vård", "A", "", "", "", "SVOM 6/12 2024", "Planerad"]], tables: [] });
    const data: WorkbookData = { sheets: [owned], names: [{ name: "_Balans_Status_1", refersTo: "'Balanslista'!$G$1", scope: null, hidden: true }] };
    const { plan } = prepare(data, options, "summering");
    expect(plan.statusColumns).toEqual([]);
    expect(plan.summary?.name).toBe("Balans summering");
    expect(plan.names?.map((n) => [n.name, n.refersTo])).toEqual([
      ["_Balans_Version", '"1"'],
      ["_Balans_Summary", "'Balans summering'!$A$1"],
      ["_Balans_Status_1", "'Balanslista'!$G$1"],
    ]);
  });

  it("appends the notices to the problems; a once-only notice is said but kept off the summary sheet, so a second run writes the same sheet", () => {
    const { analysis, plan, notices } = prepare({ sheets: [balanslista(), userSummary] }, options, "apply");
    expect(notices.map((n) => n.code)).toEqual(["user-summary-sheet"]);
    expect(analysis.problems.at(-1)).toBe(notices[0]);
    expect(plan.summary?.name).toBe("Balans summering (2)");
    expect(plan.summary?.cells.some((c) => c.value === notices[0]?.message)).toBe(false);
    expect(plan.summary?.cells.some((c) => c.value === "Problem (1)")).toBe(false);
  });

  it("gives the same problems whatever it is asked to do", () => {
    const data: WorkbookData = { sheets: [balanslista({ protected: true }), userSummary], structureLocked: true };
    const problems = (["report", "kontrollera", "summering", "apply"] as const).map((what) => prepare(data, options, what).analysis.problems);
    expect(problems.map((p) => p.map((x) => x.code))).toEqual(Array(4).fill(["status-protected", "summary-structure-locked"]));
    expect(prepare(data, options, "apply").plan).toMatchObject({ statusColumns: [], summary: null });
  });

  it("refuses a writing action on a workbook with no table it knows, with a BalansError; a report gives the empty analysis", () => {
    const data: WorkbookData = { sheets: [{ name: "Blad1", top: 1, left: 1, values: [["Telefonlista"]], tables: [] }] };
    for (const what of ["kontrollera", "summering", "apply"] as const) {
      expect(() => prepare(data, options, what)).toThrow(BalansError);
      try {
        prepare(data, options, what);
      } catch (e) {
        expect((e as BalansError).code).toBe("no-tables");
        expect((e as BalansError).message).toContain("Balans hittade ingen balanslista");
      }
    }
    expect(prepare(data, options, "report").analysis.tables).toEqual([]);
  });

  it("does not change its input", () => {
    const data: WorkbookData = { sheets: [balanslista(), userSummary], names: [] };
    const before = structuredClone(data);
    prepare(data, options, "apply");
    expect(data).toEqual(before);
  });
});
