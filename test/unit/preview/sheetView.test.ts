import ExcelJS from "exceljs";
import { defaultOptions, SUMMARY_SHEET_NAME } from "../../../src/domain";
import { createSamplePort } from "../../../src/preview/PreviewPort";
import { colourOf, fillColour } from "../../../src/preview/cellColours";
import { buildSheetView, type GridCell, MAX_GRID_COLUMNS, MAX_GRID_ROWS, type SheetView, widthToPx } from "../../../src/preview/sheetView";

const cellAt = (view: SheetView, address: string): GridCell | undefined =>
  view.rows.flatMap((r) => r.cells).find((c) => c.address === address);

function numbersSheet(rows: number): ExcelJS.Worksheet {
  const ws = new ExcelJS.Workbook().addWorksheet("Lång");
  for (let r = 1; r <= rows; r++) ws.getCell(r, 1).value = r;
  return ws;
}

describe("buildSheetView", () => {
  it("shows the used range from A1 with column letters, Excel widths and table looks", () => {
    const port = createSamplePort("Exempel");
    const view = buildSheetView(port.workbook.getWorksheet("Balanslista")!, { language: "sv" });
    expect(view.name).toBe("Balanslista");
    expect(view.totalRows).toBe(38);
    expect([view.firstRow, view.lastRow]).toEqual([1, 38]);
    expect(view.columns.map((c) => c.letter)).toEqual(["A", "B", "C", "D", "E", "F", "G", "H"]);
    expect(view.rows.find((r) => r.row === 2)?.cells.map((c) => c.address)).toEqual(["A2", "B2", "C2", "D2", "E2", "F2", "G2", "H2"]);

    // The title runs on into the empty B1, as in Excel.
    expect(cellAt(view, "A1")).toMatchObject({ text: "Balanslista SVOM 2024 (2024-05-20)", colSpan: 2, look: { bold: true, background: null } });
    expect(cellAt(view, "B1")).toBeUndefined();
    // The table's header row and its first (striped) and second data rows.
    expect(cellAt(view, "A2")).toMatchObject({ text: "Prioriterat område", look: { background: "#4472C4", color: "#FFFFFF", bold: true } });
    expect(cellAt(view, "B3")?.look.background).toBe("#D9E1F2");
    expect(cellAt(view, "B4")?.look.background).toBeNull();
  });

  it("shows Balans's status cells with the colours of their conditional formats after Kontrollera, and the dates column beside them", async () => {
    const port = createSamplePort("Exempel");
    await port.kontrollera(defaultOptions("2024-11-15"));
    const view = buildSheetView(port.workbook.getWorksheet("Balanslista")!, { language: "sv" });
    expect(view.columns.map((c) => c.letter).at(-1)).toBe("J");
    expect(cellAt(view, "J2")).toMatchObject({ text: "Balans datum" });
    // The status header belongs to the widened table.
    expect(cellAt(view, "I2")).toMatchObject({ text: "Balans status", look: { background: "#4472C4" } });
    expect(cellAt(view, "I4")).toMatchObject({ text: "Försenad", look: { background: "#FFC7CE", color: "#9C0006" } });
    expect(cellAt(view, "I3")).toMatchObject({ text: "Planerad", look: { background: "#C6EFCE", color: "#006100" } });
  });

  it("shows the summary sheet's kronor right-aligned and its row links as links", async () => {
    const port = createSamplePort("Exempel");
    await port.summering(defaultOptions("2024-11-15"));
    const view = buildSheetView(port.workbook.getWorksheet(SUMMARY_SHEET_NAME)!, { language: "sv" });
    expect(cellAt(view, "D10")).toMatchObject({ text: "13\u00a0302\u00a0905 kr", numeric: true, look: { align: "right" } });
    const links = view.rows.flatMap((r) => r.cells).filter((c) => c.link !== null);
    expect(links.length).toBeGreaterThan(10);
    expect(links[0]).toMatchObject({ text: "Rad 4", link: { sheet: "Balanslista", row: 4 }, look: { underline: true } });
  });

  it("shows at most maxRows rows, and centres on a selected row beyond them", () => {
    const ws = numbersSheet(1200);
    const first = buildSheetView(ws, { language: "sv", maxRows: 500 });
    expect([first.firstRow, first.lastRow, first.totalRows, first.rows.length]).toEqual([1, 500, 1200, 500]);
    const focused = buildSheetView(ws, { language: "sv", maxRows: 500, focusRow: 900 });
    expect([focused.firstRow, focused.lastRow]).toEqual([650, 1149]);
    const nearEnd = buildSheetView(ws, { language: "sv", maxRows: 500, focusRow: 1190 });
    expect([nearEnd.firstRow, nearEnd.lastRow]).toEqual([701, 1200]);
    const early = buildSheetView(ws, { language: "sv", maxRows: 500, focusRow: 20 });
    expect([early.firstRow, early.lastRow]).toEqual([1, 500]);
  });

  it("cuts the columns at MAX_GRID_COLUMNS when one value stands in the last cell (XFD1048576)", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Gles");
    ws.getCell("A1").value = "Prioriterat område";
    ws.getCell("XFD1048576").value = "sista";
    const view = buildSheetView(ws, { language: "sv" });
    expect([view.columns.length, view.totalColumns, view.rows.length, view.totalRows]).toEqual([MAX_GRID_COLUMNS, 16_384, MAX_GRID_ROWS, 1_048_576]);
    expect(view.rows.every((r) => r.cells.length <= MAX_GRID_COLUMNS)).toBe(true);
    expect(cellAt(view, "A1")?.text).toBe("Prioriterat område");
  });

  it("is empty for an empty sheet, and counts a fill without a value as used", () => {
    const wb = new ExcelJS.Workbook();
    expect(buildSheetView(wb.addWorksheet("Tom"), { language: "sv" })).toEqual({
      name: "Tom",
      columns: [],
      rows: [],
      totalRows: 0,
      totalColumns: 0,
      firstRow: 0,
      lastRow: 0,
    });
    const ws = wb.addWorksheet("Färg");
    ws.getCell("C4").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFEB9C" } };
    const view = buildSheetView(ws, { language: "sv" });
    expect([view.totalRows, view.columns.length]).toEqual([4, 3]);
    expect(cellAt(view, "C4")?.look.background).toBe("#FFEB9C");
  });

  it("draws a merged cell once, spanning its rows and columns", () => {
    const ws = new ExcelJS.Workbook().addWorksheet("Sammanslaget");
    ws.mergeCells("A5:C6");
    ws.getCell("A5").value = "Sammanslagen";
    ws.getCell("D6").value = "bredvid";
    const view = buildSheetView(ws, { language: "sv" });
    expect(cellAt(view, "A5")).toMatchObject({ text: "Sammanslagen", colSpan: 3, rowSpan: 2 });
    expect(cellAt(view, "B5")).toBeUndefined();
    expect(cellAt(view, "A6")).toBeUndefined();
    expect(view.rows.find((r) => r.row === 6)?.cells.map((c) => c.address)).toEqual(["D6"]);
  });

  it("does not change the worksheet (no cells created by reading)", () => {
    const ws = new ExcelJS.Workbook().addWorksheet("Glest");
    ws.getCell("B2").value = "x";
    ws.getCell("E9").value = 1;
    buildSheetView(ws, { language: "sv" });
    // The rows and cells ExcelJS holds (reading them like this creates none).
    const cells: string[] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.findRow(r);
      for (let c = 1; c <= (row?.cellCount ?? 0); c++) {
        const cell = row?.findCell(c);
        if (cell !== undefined) cells.push(cell.address);
      }
    }
    expect(cells).toEqual(["B2", "E9"]);
    expect(ws.rowCount).toBe(9);
    expect([ws.findRow(1), ws.findRow(5)]).toEqual([undefined, undefined]);
  });

  it("lets left-aligned text run on into empty cells with the same fill, but not over values, numbers or wrapped text", () => {
    const ws = new ExcelJS.Workbook().addWorksheet("Text");
    ws.getCell("A1").value = "En lång rubrik som behöver tre kolumner";
    ws.getCell("A2").value = "Lång text som stoppas av ett värde";
    ws.getCell("B2").value = "stopp";
    ws.getCell("A3").value = "Lång text som stoppas av en färg";
    ws.getCell("B3").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFEB9C" } };
    ws.getCell("A4").value = 123456789012;
    ws.getCell("A5").value = "Radbruten text som inte flödar";
    ws.getCell("A5").alignment = { wrapText: true };
    ws.getCell("A6").value = "Kort";
    ws.getCell("D6").value = "slut";
    const view = buildSheetView(ws, { language: "sv" });
    expect(view.rows.map((r) => r.cells.map((c) => `${c.address}×${c.colSpan}`).join(" "))).toEqual([
      "A1×4",
      "A2×1 B2×1 C2×1 D2×1",
      "A3×1 B3×1 C3×1 D3×1",
      "A4×1 B4×1 C4×1 D4×1",
      "A5×1 B5×1 C5×1 D5×1",
      "A6×1 B6×1 C6×1 D6×1",
    ]);
  });

  it("uses the column widths, bold, italic, alignment, wrapping and row heights the sheet sets", () => {
    const ws = new ExcelJS.Workbook().addWorksheet("Stil");
    ws.getColumn(1).width = 30;
    ws.getCell("A1").value = "Rubrik";
    ws.getCell("A1").font = { bold: true, italic: true, color: { theme: 4 } };
    ws.getCell("A1").alignment = { horizontal: "center", wrapText: true };
    ws.getRow(1).height = 30;
    ws.getCell("B1").value = 5;
    const view = buildSheetView(ws, { language: "sv" });
    expect(view.columns.map((c) => c.widthPx)).toEqual([widthToPx(30), widthToPx(8.43)]);
    expect(view.rows[0]?.heightPx).toBe(40);
    expect(cellAt(view, "A1")?.look).toMatchObject({ bold: true, italic: true, color: "#4472C4", align: "center", wrap: true });
    expect(cellAt(view, "B1")?.look.align).toBe("right");
  });
});

describe("colours", () => {
  it("reads ARGB, theme colours with tints and a few indexed colours", () => {
    expect(colourOf({ argb: "FFFFC7CE" })).toBe("#FFC7CE");
    expect(colourOf({ theme: 1 } as never)).toBe("#000000");
    expect(colourOf({ theme: 4, tint: 0.7999816888943144 } as never)).toBe("#DAE3F3");
    expect(colourOf({ theme: 4, tint: -0.5 } as never)).toBe("#223962");
    expect(colourOf({ indexed: 9 } as never)).toBe("#FFFFFF");
    expect(colourOf({ indexed: 64 } as never)).toBeNull();
    expect(colourOf(undefined)).toBeNull();
  });

  it("takes a solid fill's foreground colour and ignores 'none' fills", () => {
    expect(fillColour({ type: "pattern", pattern: "solid", fgColor: { argb: "FFC6EFCE" } })).toBe("#C6EFCE");
    expect(fillColour({ type: "pattern", pattern: "none" })).toBeNull();
    expect(fillColour(undefined)).toBeNull();
  });
});
