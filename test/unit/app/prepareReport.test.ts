/**
 * One verdict (issue 8) with a lean report (issue 15): `prepare(…, "report", {}, { plan: false })`
 * plans no cells, formulas or summary sheet, but its analysis — totals, statuses, problems and
 * the notices of every free-column decision — is exactly what apply and the full report give.
 */
import { prepare } from "../../../src/app/prepare";
import { defaultOptions } from "../../../src/domain";
import { sampleWorkbook } from "../../../src/domain/sampleWorkbook";
import { templateToWorkbookData } from "../../../src/domain/templateToWorkbookData";
import type { SheetData, WorkbookData } from "../../../src/domain/types";
import { CORPUS } from "../../fixtures/corpus";
import { DEFAULT_TODAY } from "../../fixtures/corpus/corpusCase";

const BAL = ["Prioriterat område", "Vad", "Uppdrag/aktivitet", "Ansvarig funktion/operativ gruppering", "Beredande forum", "Uppföljning"];
const options = defaultOptions("2024-11-15");

describe("prepare for a report that prints only the analysis", () => {
  it("plans nothing and says the same notices as apply (a dates column that cannot be added, a protected sheet)", () => {
    // The range's dates column (H) holds a note of the user's: the live status is blocked, which is a notice.
    const blocked: SheetData = {
      name: "Balanslista",
      top: 1,
      left: 1,
      values: [BAL, ["Nära vård", "A", "", "", "", "SVOM 6/12 2024", null, "min anteckning"]],
      tables: [{ name: "Balanslista", headerRow: 1, firstColumn: 1, rowCount: 1, columnCount: 6 }],
    };
    const data: WorkbookData = { sheets: [blocked, { ...blocked, name: "Skyddad", protected: true, tables: [{ name: "Skyddad", headerRow: 1, firstColumn: 1, rowCount: 1, columnCount: 6 }] }] };
    const lean = prepare(data, options, "report", {}, { plan: false });
    const apply = prepare(data, options, "apply");
    expect(lean.plan).toEqual({ statusColumns: [], summary: null, names: [], removeNames: [] });
    expect(lean.notices.map((n) => [n.sheet, n.code])).toEqual([
      ["Skyddad", "status-protected"],
      ["Balanslista", "live-dates-blocked"],
    ]);
    expect(lean.notices).toEqual(apply.notices);
    expect(lean.analysis).toEqual(apply.analysis);
  });

  it("gives, for every corpus workbook and the sample, the analysis and notices of the full report and of apply", () => {
    const cases = [
      ...CORPUS.map((c) => ({ name: c.name, data: c.workbook, today: c.today ?? DEFAULT_TODAY })),
      { name: "sample", data: templateToWorkbookData(sampleWorkbook()), today: "2024-11-15" },
    ];
    expect(cases.length).toBeGreaterThan(25);
    let compared = 0;
    for (const c of cases) {
      const o = defaultOptions(c.today);
      const lean = prepare(c.data, o, "report", {}, { plan: false });
      const full = prepare(c.data, o, "report");
      expect({ name: c.name, analysis: lean.analysis, notices: lean.notices }).toEqual({ name: c.name, analysis: full.analysis, notices: full.notices });
      expect(lean.plan.statusColumns).toEqual([]);
      expect(lean.plan.summary).toBeNull();
      if (full.analysis.tables.length === 0) continue; // apply refuses a workbook without tables
      const apply = prepare(c.data, o, "apply");
      expect({ name: c.name, problems: lean.analysis.problems }).toEqual({ name: c.name, problems: apply.analysis.problems });
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
  });
});
