import { analyseWorkbook, defaultOptions } from "../../../../src/domain";
import { buildAgenda } from "../../../../src/domain/agenda/buildAgenda";
import {
  agendaSheetName,
  planAgendaSheet,
} from "../../../../src/domain/agenda/planAgendaSheet";
import { sampleWorkbook } from "../../../../src/domain/sampleWorkbook";
import { templateToWorkbookData } from "../../../../src/domain/templateToWorkbookData";

const analysis = analyseWorkbook(
  templateToWorkbookData(sampleWorkbook()),
  defaultOptions("2024-11-15"),
);
const result = buildAgenda(analysis, {});
if (!result.ok) throw new Error(result.message);
const plan = planAgendaSheet(result.agenda);
const at = (row: number, col: number) =>
  plan.cells.find((c) => c.row === row && c.col === col);

describe("agendaSheetName", () => {
  it("names the sheet for the forum and the date", () => {
    expect(agendaSheetName("SVOM", "2024-12-06")).toBe(
      "Underlag SVOM 2024-12-06",
    );
    expect(agendaSheetName("SVOM", "2025-02")).toBe("Underlag SVOM 2025-02");
  });
  it("shortens a long forum name to Excel's 31 characters and drops forbidden characters", () => {
    const name = agendaSheetName(
      "Beredningsgruppen för hjälpmedel",
      "2024-12-06",
    );
    expect(name).toBe("Underlag Berednings… 2024-12-06");
    expect(name.length).toBe(31);
    expect(agendaSheetName("FG/SamReKo: [HSI]", "2024-12-06")).toBe(
      "Underlag FG-SamReKo… 2024-12-06",
    );
  });
});

describe("planAgendaSheet", () => {
  it("is print-ready: A4 landscape, header row repeated, one page wide", () => {
    expect(plan.name).toBe("Underlag SVOM 2024-12-06");
    expect(plan.print).toEqual({
      orientation: "landscape",
      paperSize: "A4",
      repeatRow: 4,
      fitToPagesWide: 1,
    });
    expect([1, 2, 3, 4, 5].map((c) => at(4, c)?.value)).toEqual([
      "Prioriterat område",
      "Typ",
      "Ärende",
      "Vad händer",
      "Rad i arbetsboken",
    ]);
  });

  it("writes each item with a link to its row", () => {
    expect(at(1, 1)?.value).toBe("Mötesunderlag SVOM 2024-12-06");
    expect([1, 2, 3, 4].map((c) => at(5, c)?.value)).toEqual([
      "Nära vård",
      "Rapporter och uppföljning",
      "Gemensam plan på primärvårdsnivå – sammanfattning med politiskt prioriterade områden",
      "uppföljning gemensam plan",
    ]);
    expect(at(5, 5)).toEqual({
      row: 5,
      col: 5,
      value: "Balanslista rad 6",
      link: { sheet: "Balanslista", address: "A6" },
    });
  });

  it("lists the overdue rows and the expiring agreements, each linked", () => {
    // The sample's fund report-backs are example figures of another feature: counted, not listed.
    const funds = result.ok ? (result.agenda.funds ?? []) : [];
    const links = plan.cells.filter((c) => c.link).map((c) => String(c.value));
    expect(links.filter((l) => l.startsWith("Fördelning")).length).toBe(
      funds.length,
    );
    expect(links.filter((l) => !l.startsWith("Fördelning"))).toEqual([
      "Balanslista rad 6",
      "Balanslista rad 29",
      "Balanslista rad 30",
      "Balanslista rad 31",
      "Avtal rad 4",
      "Avtal rad 5",
      "Avtal rad 8",
      "Avtal rad 9",
      "Avtal rad 14",
      "Avtal rad 25",
      "Avtal rad 28",
    ]);
  });

  it("is the same plan twice (idempotent) and holds one value per cell", () => {
    const again = buildAgenda(analysis, {});
    expect(again.ok && planAgendaSheet(again.agenda)).toEqual(plan);
    const keys = plan.cells.map((c) => `${c.row}:${c.col}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
