import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { BalansError } from "../../../src/app/port";
import { defaultOptions, SUMMARY_SHEET_NAME } from "../../../src/domain";
import { TEMPLATE_SHEET_NAME } from "../../../src/domain/sampleWorkbook";
import { openPackage } from "../../../src/file/ooxml/openPackage";
import * as patchModule from "../../../src/file/ooxml/patchPackage";
import { saveXlsx } from "../../../src/file/writeTemplate";
import { readXlsx, tableModels } from "../../../src/file/readXlsx";
import { createSamplePort, PreviewPort } from "../../../src/preview/PreviewPort";

const OPTIONS = defaultOptions("2024-11-15");
/** Overdue rows of the sample's balance list on 2024-11-15 (Balanslista SVOM 2024). */
const OVERDUE_ROWS = [4, 9, 11, 13, 16, 17, 18, 22, 29, 30, 31, 32, 38];

function sample(): { port: PreviewPort; changes: () => number } {
  const port = createSamplePort("Exempel");
  let changes = 0;
  port.subscribe(() => {
    changes++;
  });
  return { port, changes: () => changes };
}

/** A cell's value; for a formula (the live status column) its cached result. */
const value = (port: PreviewPort, sheet: string, address: string): unknown => {
  const v = port.workbook.getWorksheet(sheet)?.getCell(address).value;
  return v !== null && typeof v === "object" && "formula" in v ? (v as { result?: unknown }).result : v;
};

describe("PreviewPort over the sample workbook", () => {
  it("is a preview port that shows the first sheet and has nothing selected", () => {
    const { port } = sample();
    expect(port.kind).toBe("preview");
    expect(port.name).toBe("Exempel");
    expect(port.getView()).toEqual({ version: 0, sheet: "Balanslista", selectedRow: null });
  });

  it("analyse reads the workbook without changing it: 13 302 905 kr over four parties, no problems", async () => {
    const { port, changes } = sample();
    const analysis = await port.analyse(OPTIONS);
    expect(analysis.today).toBe("2024-11-15");
    expect(analysis.problems).toEqual([]);
    // 2022 and 2023 are the sample's example years (issue 10).
    expect(analysis.funds.map((y) => [y.year, y.total.distributed.toString()])).toEqual([[2022, "11000000"], [2023, "12200000"], [2024, "13302905"]]);
    expect(analysis.funds[2]?.parties.map((p) => p.party)).toEqual([
      "Region Jämtland Härjedalen",
      "Kommunförbundet Jämtland Härjedalen",
      "Gemensam",
      "Östersunds kommun",
    ]);
    expect(changes()).toBe(0);
    expect(port.workbook.worksheets.map((ws) => ws.name)).toEqual(["Balanslista", "Avtal", "Fördelning 2024", "Parter", "Fördelning 2022–2023"]);
  });

  it("kontrollera writes the two status columns with labels and fills, and tells the grid once", async () => {
    const { port, changes } = sample();
    const progress: number[] = [];
    const outcome = await port.kontrollera(OPTIONS, (f) => progress.push(f));
    expect(outcome.statusColumns).toBe(2);
    expect(outcome.summarySheet).toBeNull();
    expect(outcome.syncs).toBe(0);
    expect(outcome.analysis.today).toBe("2024-11-15");
    expect(progress).toEqual([0, 1]);
    expect(changes()).toBe(1);
    expect(port.getView()).toEqual({ version: 1, sheet: "Balanslista", selectedRow: null });

    expect(value(port, "Balanslista", "I2")).toBe("Balans status");
    const labels = new Map<number, unknown>();
    for (let r = 3; r <= 38; r++) labels.set(r, value(port, "Balanslista", `I${r}`));
    expect([...labels].filter(([, v]) => v === "Försenad").map(([r]) => r)).toEqual(OVERDUE_ROWS);
    expect(labels.get(3)).toBe("Planerad");
    expect(labels.get(6)).toBe("Snart");
    // The live status cell is a formula with its cached label; its colours follow the plan
    // (conditional formats of the live-status column, not a fixed fill).
    // The formula cell has the General format (a formula in a Text cell would stay text).
    const i4 = port.workbook.getWorksheet("Balanslista")?.getCell("I4");
    expect(i4?.numFmt).toBeUndefined();
    expect(i4?.formula).toMatch(/^IF\(J4="",""/u);
    expect(value(port, "Balanslista", "J2")).toBe("Balans datum");
    expect(value(port, "Avtal", "F2")).toBe("Balans status");
    // Kontrollera writes no summary sheet.
    expect(port.workbook.getWorksheet(SUMMARY_SHEET_NAME)).toBeUndefined();
  });

  it("kontrollera twice refreshes the same columns (no second status column)", async () => {
    const { port } = sample();
    await port.kontrollera(OPTIONS);
    const later = await port.kontrollera(defaultOptions("2023-01-01"));
    expect(later.statusColumns).toBe(2);
    expect(value(port, "Balanslista", "I2")).toBe("Balans status");
    expect(value(port, "Balanslista", "J2")).toBe("Balans datum");
    expect(value(port, "Balanslista", "K2")).toBeNull();
    expect(value(port, "Balanslista", "I4")).not.toBe("Försenad");
  });

  it("motesunderlag writes the agenda sheet print-ready, shows it, and rewrites it in place the next time", async () => {
    const { port, changes } = sample();
    const outcome = await port.motesunderlag(OPTIONS);
    // On 2024-11-15 SVOM's next meeting is 2024-12-06 (issue 14).
    expect(outcome.sheet).toBe("Underlag SVOM 2024-12-06");
    expect(outcome.printSetup).toBe(true);
    expect(outcome.syncs).toBe(0);
    expect(changes()).toBe(1);
    expect(port.getView().sheet).toBe("Underlag SVOM 2024-12-06");
    const sheets = port.workbook.worksheets.map((ws) => ws.name);
    expect(sheets[sheets.length - 1]).toBe("Underlag SVOM 2024-12-06");
    const zip = openPackage(await port.packageBytes());
    const workbookXml = zip.text(zip.workbookPart());
    expect(workbookXml).toContain(`localSheetId="${sheets.length - 1}">'Underlag SVOM 2024-12-06'!$4:$4</definedName>`);
    await port.motesunderlag(OPTIONS);
    expect(port.workbook.worksheets.map((ws) => ws.name)).toEqual(sheets);
  });

  it("summering writes the summary sheet, shows it, and leaves the balance list alone", async () => {
    const { port, changes } = sample();
    const outcome = await port.summering(OPTIONS);
    expect(outcome.summarySheet).toBe(SUMMARY_SHEET_NAME);
    expect(outcome.statusColumns).toBe(0);
    expect(changes()).toBe(1);
    expect(port.getView()).toEqual({ version: 1, sheet: SUMMARY_SHEET_NAME, selectedRow: null });
    expect(value(port, SUMMARY_SHEET_NAME, "A10")).toBe("Totalt");
    expect(value(port, SUMMARY_SHEET_NAME, "D10")).toBe(13302905);
    expect(value(port, "Balanslista", "I2")).toBeNull();

    // Again: the sheet is replaced, not duplicated.
    await port.summering(OPTIONS);
    expect(port.workbook.worksheets.filter((ws) => ws.name === SUMMARY_SHEET_NAME)).toHaveLength(1);
  });

  it("infogaMall inserts a new sheet with uniquely named tables, the way the Excel adapter names them", async () => {
    const { port } = sample();
    expect(await port.infogaMall(true)).toBe(TEMPLATE_SHEET_NAME);
    expect(port.getView().sheet).toBe(TEMPLATE_SHEET_NAME);
    expect(await port.infogaMall(false)).toBe(`${TEMPLATE_SHEET_NAME} (2)`);

    const names = port.workbook.worksheets.flatMap((ws) => tableModels(ws).map((t) => t.name.toLowerCase()));
    expect(new Set(names).size).toBe(names.length);
    const inserted = tableModels(port.workbook.getWorksheet(TEMPLATE_SHEET_NAME)!).map((t) => t.name);
    expect(inserted).toContain("Balanslista_2");

    // It survives a save and a read, and the engine finds the inserted tables.
    const back = await readXlsx(await saveXlsx(port.workbook));
    const analysis = await new PreviewPort(back.workbook, "igen").analyse(OPTIONS);
    const onTemplate = analysis.tables.filter((t) => t.sheet === TEMPLATE_SHEET_NAME).map((t) => t.kind);
    expect(onTemplate).toEqual(expect.arrayContaining(["balanslista", "agreements", "allocations", "distribution", "parties"]));
  });

  it("infogaMall on an opened Excel file patches its package: every part of the file stays byte for byte but the workbook, its rels, content types and styles", async () => {
    const bytes = new Uint8Array(readFileSync(join(__dirname, "../../fixtures/excel-files/StructuredRefs.xlsx")));
    const { workbook } = await readXlsx(bytes);
    const port = new PreviewPort(workbook, "StructuredRefs.xlsx", { bytes, fileName: "StructuredRefs.xlsx" });
    const patch = jest.spyOn(patchModule, "patchPackage");
    expect(await port.infogaMall(false)).toBe(TEMPLATE_SHEET_NAME);
    expect(patch).toHaveBeenCalledTimes(1);
    patch.mockRestore();
    const before = openPackage(bytes);
    const after = openPackage(await port.packageBytes());
    const edited = new Set(["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"]);
    const changed = before.entries
      .filter((e) => !e.name.endsWith("/") && !edited.has(e.name))
      .filter((e) => !after.has(e.name) || !Buffer.from(after.bytes(e.name)).equals(Buffer.from(before.bytes(e.name))))
      .map((e) => e.name);
    expect(changed).toEqual([]);
    expect(tableModels(port.workbook.getWorksheet(TEMPLATE_SHEET_NAME)!).map((t) => t.name)).toContain("Balanslista");
  });

  it("infogaMall on a workbook whose structure is locked adds nothing and says why", async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(__dirname, "../../fixtures/excel-files/StructuredRefs.xlsx")));
    const xml = (await zip.file("xl/workbook.xml")!.async("string")).replace(/(<sheets[\s>])/u, '<workbookProtection lockStructure="1"/>$1');
    zip.file("xl/workbook.xml", xml);
    const bytes = await zip.generateAsync({ type: "uint8array" });
    const { workbook } = await readXlsx(bytes);
    const port = new PreviewPort(workbook, "låst.xlsx", { bytes, fileName: "låst.xlsx" });
    await expect(port.infogaMall(false)).rejects.toMatchObject({ name: "BalansError", code: "protected", message: expect.stringContaining("struktur är låst") });
    expect(await port.packageBytes()).toBe(bytes);
    expect(port.workbook.worksheets.map((ws) => ws.name)).not.toContain(TEMPLATE_SHEET_NAME);
  });

  it("selectRow shows the sheet and selects the row; an unknown sheet is a BalansError", async () => {
    const { port, changes } = sample();
    await port.selectRow("Avtal", 12);
    expect(port.getView()).toEqual({ version: 1, sheet: "Avtal", selectedRow: 12 });
    expect(changes()).toBe(1);
    await expect(port.selectRow("Finns inte", 3)).rejects.toBeInstanceOf(BalansError);
    expect(port.getView().sheet).toBe("Avtal");
  });

  it("showSheet changes the sheet and clears the selection; unknown sheets are ignored", async () => {
    const { port, changes } = sample();
    await port.selectRow("Avtal", 12);
    port.showSheet("Parter");
    expect(port.getView()).toEqual({ version: 2, sheet: "Parter", selectedRow: null });
    port.showSheet("Parter");
    port.showSheet("Finns inte");
    expect(changes()).toBe(2);
  });

  it("stops telling a listener after it unsubscribes", async () => {
    const port = createSamplePort("Exempel");
    const listener = jest.fn();
    const unsubscribe = port.subscribe(listener);
    await port.kontrollera(OPTIONS);
    unsubscribe();
    await port.summering(OPTIONS);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe("PreviewPort errors, as the Excel adapter reports them", () => {
  it("kontrollera and summering on a workbook without tables: no-tables", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Blad1").getCell("A1").value = "Hej";
    const port = new PreviewPort(wb, "tom.xlsx");
    await expect(port.kontrollera(OPTIONS)).rejects.toMatchObject({ name: "BalansError", code: "no-tables" });
    await expect(port.summering(OPTIONS)).rejects.toMatchObject({ name: "BalansError", code: "no-tables" });
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(["Blad1"]);
  });

  it("summering beside a user's sheet named like the summary sheet writes its summary under a free name and leaves that sheet alone", async () => {
    const { port } = sample();
    port.workbook.addWorksheet("BALANS SUMMERING").getCell("A1").value = "mitt eget";
    const outcome = await port.summering(OPTIONS);
    expect(outcome.summarySheet).not.toBeNull();
    expect(outcome.summarySheet?.toLocaleLowerCase("sv-SE")).not.toBe("balans summering");
    expect(value(port, "BALANS SUMMERING", "A1")).toBe("mitt eget");
    expect(value(port, outcome.summarySheet ?? "", "A1")).toBe("Balans – summering");
  });

  it("a failure while writing becomes a BalansError with the detail, and the grid is told to show what was written", async () => {
    const { port, changes } = sample();
    const spy = jest.spyOn(patchModule, "patchPackage").mockImplementation(() => {
      throw new Error("disken är full");
    });
    try {
      const error = await port.kontrollera(OPTIONS).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(BalansError);
      expect((error as BalansError).code).toBe("unknown");
      expect((error as BalansError).message).toBe("Balans kunde inte skriva i arbetsboken: disken är full");
      expect((error as BalansError).messageEn).toBe("Balans could not write to the workbook: disken är full");
      expect(changes()).toBe(1);
    } finally {
      spy.mockRestore();
    }
  });
});
