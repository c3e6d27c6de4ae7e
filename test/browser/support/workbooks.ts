/** Workbooks the browser tests open in the preview, made with ExcelJS as a user's file would be. */
import ExcelJS from "exceljs";
import { FORDELNING_HEADERS } from "../../../src/domain/sampleWorkbook";

export const BAD_AMOUNTS_SHEET = "Fördelning";

/** Worksheet rows with an amount Balans cannot read, and the text in their Summa cell. */
export const BAD_AMOUNT_ROWS: readonly { row: number; text: string }[] = [
  { row: 4, text: "tolv tusen" },
  { row: 5, text: "12,5,0 kr" },
];

/** A distribution table (header row 2) whose rows 4 and 5 have amounts that cannot be read. */
export async function badAmountsWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(BAD_AMOUNTS_SHEET);
  ws.getCell("A1").value = "Fördelning 2024 (med fel)";
  ws.getCell("A1").font = { bold: true };
  ws.addTable({
    name: "Fordelning",
    ref: "A2",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: FORDELNING_HEADERS.map((name) => ({ name, filterButton: true })),
    rows: [
      [2024, "1", "Insats A", "Region Jämtland Härjedalen", 100000],
      [2024, "2", "Insats B", "Östersunds kommun", "tolv tusen"],
      [2024, "3", "Insats C", "Kommunförbundet Jämtland Härjedalen", "12,5,0 kr"],
      [2024, "4", "Insats D", "Region Jämtland Härjedalen", 250000],
    ],
  });
  ws.getColumn(3).width = 20;
  ws.getColumn(4).width = 36;
  ws.getColumn(5).width = 14;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const SPARSE_SHEET = "Balanslista";

/**
 * A balanslista (an Excel table A1:F3: one overdue row, one planned) and one typed value in the
 * sheet's very last cell, XFD1048576 — so that the used range is the whole grid (issue 8).
 */
export async function sparseBalanslistaWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SPARSE_SHEET);
  ws.addTable({
    name: "Balanslista",
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: ["Prioriterat område", "Vad", "Uppdrag/aktivitet", "Ansvarig funktion/operativ gruppering", "Beredande forum", "Uppföljning"].map((name) => ({ name, filterButton: true })),
    rows: [
      ["1. Psykisk hälsa", "Handlingsplan", "Ta fram plan", "Kommunförbundet", "SVOM", "SVOM 3/6 2024 – beslut om remiss"],
      ["2. Barn och unga", "Barnahus", "Utvärdera", "Region JH", "Chefsgruppen", "Klart 31/12 2030"],
    ],
  });
  ws.getCell("XFD1048576").value = "sista cellen";
  return Buffer.from(await wb.xlsx.writeBuffer());
}
