/**
 * Issue 12: after Kontrollera the grid cut the status column's labels ("Datum s…"). In Excel a
 * text in the last used column runs on into the empty columns beyond; the grid, which shows no
 * columns beyond, widens its last column to the text instead.
 */
import ExcelJS from "exceljs";
import { buildSheetView, widthToPx } from "../../../src/preview/sheetView";

function sheet(): ExcelJS.Worksheet {
  const ws = new ExcelJS.Workbook().addWorksheet("Balanslista");
  ws.getCell("A1").value = "Vad";
  ws.getCell("B1").value = "Balans status";
  ws.getCell("A2").value = "Uppdrag med ett långt namn som fortsätter";
  ws.getCell("B2").value = "Datum saknas";
  ws.getCell("B2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEDEDED" } };
  ws.getCell("A3").value = "Kort";
  ws.getCell("B3").value = "Försenad";
  return ws;
}

describe("the grid's last column", () => {
  it("is as wide as its longest left-aligned text (13 characters: 13 × 7 + 6 px)", () => {
    const view = buildSheetView(sheet(), { language: "sv" });
    expect(view.columns.map((c) => c.letter)).toEqual(["A", "B"]);
    expect(view.columns[1]!.widthPx).toBe(13 * 7 + 6); // "Balans status" is the longest
    expect(view.columns[1]!.widthPx).toBeGreaterThanOrEqual("Datum saknas".length * 7 + 6);
    // Other columns keep Excel's width.
    expect(view.columns[0]!.widthPx).toBe(widthToPx(8.43));
  });

  it("keeps a width set in the sheet when the text fits, and stops at 400 px", () => {
    const ws = sheet();
    ws.getColumn(2).width = 30;
    expect(buildSheetView(ws, { language: "sv" }).columns[1]!.widthPx).toBe(widthToPx(30));
    ws.getColumn(2).width = undefined as unknown as number;
    ws.getCell("B3").value = "x".repeat(200);
    expect(buildSheetView(ws, { language: "sv" }).columns[1]!.widthPx).toBe(400);
  });

  it("does not widen for numbers or right-aligned text", () => {
    const ws = new ExcelJS.Workbook().addWorksheet("Tal");
    ws.getCell("A1").value = 1234567890123;
    ws.getCell("B1").value = "högerställd text här";
    ws.getCell("B1").alignment = { horizontal: "right" };
    const view = buildSheetView(ws, { language: "sv" });
    expect(view.columns[1]!.widthPx).toBe(widthToPx(8.43));
  });
});
