/**
 * Golden test: the balanslista and the register of agreements of seed 004 (Balanslista SVOM
 * 2024), as the sample workbook carries them, at today = 2024-11-15. The expected statuses and
 * dates in test/fixtures/golden/ were reviewed row by row against the seed's Uppföljning and
 * Giltighetstid texts (e.g. row 3: next "31/12 2024", latest "11/10 2024"; "2013-2015
 * (förlängs automatiskt på årsbasis)" valid without end; "2024-" open-ended).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyseWorkbook, defaultOptions } from "../../../src/domain";
import { sampleWorkbook } from "../../../src/domain/sampleWorkbook";
import { templateToWorkbookData } from "../../../src/domain/templateToWorkbookData";

/** The golden file: one record per row, named as in `report --json`. */
interface Golden {
  today: string;
  followUps: { row: number; title: string; status: string; next: string | null; latest: string | null }[];
  agreements: { row: number; title: string; status: string; validTo: string | null }[];
}

const golden = JSON.parse(readFileSync(join(__dirname, "../../fixtures/golden/seed-004-2024-11-15.json"), "utf8")) as Golden;
const analysis = analyseWorkbook(templateToWorkbookData(sampleWorkbook()), defaultOptions(golden.today));

describe("seed 004 at 2024-11-15", () => {
  it("gives every balanslista row its status, next and latest milestone", () => {
    expect(analysis.followUps.map(({ row, title, status, next, latest }) => ({ row, title, status, next, latest }))).toEqual(golden.followUps);
  });

  it("gives every agreement its status and end date", () => {
    expect(analysis.agreements.map(({ row, title, status, validTo }) => ({ row, title, status, validTo }))).toEqual(golden.agreements);
  });

  it("counts what the report and the pane show", () => {
    const count = (xs: { status: string }[], s: string) => xs.filter((x) => x.status === s).length;
    expect([count(analysis.followUps, "overdue"), count(analysis.followUps, "due-soon")]).toEqual([13, 1]);
    expect([count(analysis.agreements, "expired"), count(analysis.agreements, "expiring")]).toEqual([3, 7]);
    expect(analysis.problems).toEqual([]);
  });
});
