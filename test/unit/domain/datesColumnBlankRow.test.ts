/**
 * A row whose user cells were cleared is blank, even though Balans's own columns beside it
 * (status and dates, issue 11) still hold what the last run wrote.
 */
import { analyseWorkbook, defaultOptions } from "../../../src/domain";
import type { WorkbookData } from "../../../src/domain/types";

const HEAD = ["Prioriterat område", "Vad", "Uppdrag/aktivitet", "Ansvarig funktion/operativ gruppering", "Beredande forum", "Uppföljning", "Balans status", "Balans datum"];

function workbook(): WorkbookData {
  return {
    sheets: [
      {
        name: "Balanslista",
        top: 1,
        left: 1,
        values: [
          HEAD,
          ["1", "Barnahus", "Uppstart", "Region", "SVOM", "SVOM 6/12 2024 – beslut", "Planerad", "2024-12-06"],
          [null, null, null, null, null, null, "Datum saknas", "Datum saknas"],
          ["2", "Ungdomsmottagning", "Rapport", "Region", "SVOM", "Klar", "Datum saknas", "Datum saknas"],
        ],
        tables: [],
      },
    ],
    names: [{ name: "_Balans_Status_1", refersTo: "Balanslista!$G$1", scope: null, hidden: true }],
  };
}

it("leaves out a row whose only cells are Balans's status and dates", () => {
  const analysis = analyseWorkbook(workbook(), defaultOptions("2024-11-15"));
  expect(analysis.followUps.map((f) => [f.row, f.title])).toEqual([
    [2, "Barnahus"],
    [4, "Ungdomsmottagning"],
  ]);
});
