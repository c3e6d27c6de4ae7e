/**
 * The ownership record (src/domain/ownership.ts): hidden defined names that point at what
 * Balans created, read back from WorkbookData.names and planned for the next run.
 */
import {
  asDefinedNames,
  decideAgendaSheet,
  decideSummarySheet,
  formatReference,
  isEarlierSummary,
  ownedSummarySheet,
  parseReference,
  planNames,
  readOwnership,
  uniqueSheetName,
} from "../../../src/domain/ownership";
import type { DefinedName, SheetData, WorkbookData } from "../../../src/domain/types";

const sheet = (name: string, values: SheetData["values"] = [], extra: Partial<SheetData> = {}): SheetData => ({ name, top: 1, left: 1, values, tables: [], ...extra });
const name = (n: string, refersTo: string, scope: string | null = null): DefinedName => ({ name: n, refersTo, scope, hidden: true });

describe("parseReference", () => {
  it.each([
    ["'Balans summering'!$A$1", { sheet: "Balans summering", row: 1, column: 1 }],
    ["Balanslista!$G$3", { sheet: "Balanslista", row: 3, column: 7 }],
    ["=Balanslista!G3", { sheet: "Balanslista", row: 3, column: 7 }],
    ["'Kalle''s \"blad\"'!$AA$10", { sheet: "Kalle's \"blad\"", row: 10, column: 27 }],
    ["'Blad 1'!$XFD$1048576", { sheet: "Blad 1", row: 1048576, column: 16384 }],
  ])("reads %s", (text, expected) => {
    expect(parseReference(text)).toEqual(expected);
  });

  it.each(["#REF!", "#REF!$A$1", "'Balanslista'!#REF!", "=#REF!", '"1"', "'Blad'!$A$1:$B$2", "[1]Blad!$A$1", "Blad!$A$0", "Blad!$XFE$1", "'Blad!$A$1", ""])(
    "gives null for %s",
    (text) => {
      expect(parseReference(text)).toBeNull();
    },
  );

  it("formats a reference that reads back as itself, quoting and doubling apostrophes", () => {
    const ref = { sheet: "Kalle's blad", row: 3, column: 7 };
    expect(formatReference(ref)).toBe("'Kalle''s blad'!$G$3");
    expect(parseReference(formatReference(ref))).toEqual(ref);
  });
});

describe("readOwnership", () => {
  const data: WorkbookData = {
    sheets: [sheet("Balanslista"), sheet("Summering SVOM")],
    names: [
      name("_Balans_Version", '"1"'),
      name("_BALANS_SUMMARY", "'Summering SVOM'!$A$1"),
      name("_Balans_Status_1", "balanslista!$G$3"),
      name("_Balans_Status_2", "'Balanslista'!$G$3"),
      name("_Balans_Status_3", "'Balanslista'!#REF!"),
      name("_Balans_Status_4", "'Borttaget blad'!$G$3"),
      name("_Balans_Status_5", "'Balanslista'!$H$1", "Balanslista"),
      name("Belopp", "'Balanslista'!$B$2:$B$3"),
    ],
  };

  it("reads the summary sheet and status header cells, names matched without regard to case, sheets by their current name", () => {
    expect(readOwnership(data)).toEqual({
      summary: { sheet: "Summering SVOM", row: 1, column: 1 },
      statusColumns: [{ sheet: "Balanslista", row: 3, column: 7 }],
      names: ["_Balans_Version", "_BALANS_SUMMARY", "_Balans_Status_1", "_Balans_Status_2", "_Balans_Status_3", "_Balans_Status_4"],
    });
  });

  it("is empty for a workbook without names", () => {
    expect(readOwnership({ sheets: [sheet("Blad1")] })).toEqual({ summary: null, statusColumns: [], names: [] });
  });
});

describe("planNames", () => {
  it("writes the whole record, numbers the status columns in order, removes the names no longer needed", () => {
    const record = readOwnership({
      sheets: [sheet("Balanslista")],
      names: [name("_Balans_Status_1", "#REF!"), name("_Balans_Status_2", "#REF!"), name("_Balans_Status_3", "#REF!"), name("_Balans_Summary", "#REF!$A$1")],
    });
    const planned = planNames(record, {
      summary: null,
      statusColumns: [
        { sheet: "Balanslista", row: 1, column: 7 },
        { sheet: "Avtal", row: 4, column: 6 },
        { sheet: "Balanslista", row: 1, column: 7 },
      ],
    });
    expect(planned.names.map((n) => [n.name, n.refersTo])).toEqual([
      ["_Balans_Version", '"1"'],
      ["_Balans_Status_1", "'Balanslista'!$G$1"],
      ["_Balans_Status_2", "'Avtal'!$F$4"],
    ]);
    expect(planned.removeNames).toEqual(["_Balans_Status_3", "_Balans_Summary"]);
    expect(planned.names.every((n) => n.comment.startsWith("Balans:"))).toBe(true);
  });

  it("plans nothing to remove when run again on its own record", () => {
    const after = { summary: "Balans summering", statusColumns: [{ sheet: "Balanslista", row: 1, column: 7 }] };
    const first = planNames(readOwnership({ sheets: [] }), after);
    const data = { sheets: [sheet("Balanslista"), sheet("Balans summering")], names: asDefinedNames(first.names) };
    expect(planNames(readOwnership(data), after)).toEqual({ names: first.names, removeNames: [] });
  });
});

describe("the summary sheet", () => {
  const earlier = sheet("Balans summering", [["Balans – summering"], ["Beräknad för datumet 2024-10-01. Bladet ägs av Balans."]]);

  it("recognises an earlier Balans's summary only by its exact name, title and date line", () => {
    expect(isEarlierSummary(earlier)).toBe(true);
    expect(isEarlierSummary({ ...earlier, name: "balans summering" })).toBe(false);
    expect(isEarlierSummary(sheet("Balans summering", [["Balans – summering"], ["Egna siffror"]]))).toBe(false);
    expect(isEarlierSummary(sheet("Balans summering", [["Balans - summering"], ["Beräknad för datumet 2024-10-01."]]))).toBe(false);
  });

  it("is owned by the record even under another name, else adopted from an earlier Balans, else none", () => {
    expect(ownedSummarySheet({ sheets: [sheet("Min summering")], names: [name("_Balans_Summary", "'Min summering'!$A$1")] })).toEqual({ sheet: "Min summering", adopted: false });
    expect(ownedSummarySheet({ sheets: [earlier] })).toEqual({ sheet: "Balans summering", adopted: true });
    expect(ownedSummarySheet({ sheets: [sheet("Balans summering", [["Mina anteckningar"]])] })).toBeNull();
  });

  it("goes beside a user's sheet of the same name (any case), under the first free name, and says so", () => {
    const d = decideSummarySheet({ sheets: [sheet("BALANS SUMMERING"), sheet("Balans summering (2)")] });
    expect([d.name, d.existing]).toEqual(["Balans summering (3)", null]);
    expect(d.notices.map((n) => [n.code, n.sheet])).toEqual([["user-summary-sheet", "BALANS SUMMERING"]]);
    expect(d.notices[0]?.messageEn).toContain('"Balans summering (3)"');
  });

  it("is rewritten in place when owned, also in a locked structure; not at all when locked and new, or when protected", () => {
    const owned = { sheets: [sheet("Summa")], names: [name("_Balans_Summary", "Summa!$A$1")] };
    expect(decideSummarySheet({ ...owned, structureLocked: true })).toEqual({ name: "Summa", existing: "Summa", notices: [] });
    const locked = decideSummarySheet({ sheets: [sheet("Blad1")], structureLocked: true });
    expect([locked.name, locked.notices.map((n) => n.code)]).toEqual([null, ["summary-structure-locked"]]);
    const prot = decideSummarySheet({ sheets: [sheet("Summa", [], { protected: true })], names: owned.names });
    expect([prot.name, prot.notices.map((n) => n.code)]).toEqual([null, ["summary-protected"]]);
  });

  it("is adopted once, with a notice", () => {
    const d = decideSummarySheet({ sheets: [earlier] });
    expect([d.name, d.existing, d.notices.map((n) => n.code)]).toEqual(["Balans summering", "Balans summering", ["adopted-summary"]]);
  });
});

describe("uniqueSheetName", () => {
  it("keeps to Excel's 31 characters and its forbidden characters", () => {
    expect(uniqueSheetName("Balans summering", [])).toBe("Balans summering");
    expect(uniqueSheetName("a/b:c", [])).toBe("a b c");
    const long = "x".repeat(31);
    expect(uniqueSheetName(long, [long])).toBe(`${"x".repeat(27)} (2)`);
  });
});

describe("agenda sheets in the record (issue 14)", () => {
  const data: WorkbookData = {
    sheets: [sheet("Balanslista"), sheet("Underlag SVOM 2024-12-06"), sheet("Underlag SVOM 2024-06-03")],
    names: [
      name("_Balans_Version", '"1"'),
      name("_Balans_Agenda_1", "'Underlag SVOM 2024-12-06'!$A$1"),
      name("_Balans_Agenda_2", "'Borttaget blad'!$A$1"),
      name("_Balans_Agenda_3", "#REF!"),
    ],
  };

  it("reads the agenda sheets whose names still point at a sheet", () => {
    expect(readOwnership(data).agendaSheets).toEqual([{ sheet: "Underlag SVOM 2024-12-06", row: 1, column: 1 }]);
  });

  it("plans one hidden name per agenda sheet, numbered in order, and drops the ones that no longer hold", () => {
    const planned = planNames(readOwnership(data), { summary: null, statusColumns: [], agendaSheets: ["Underlag SVOM 2024-12-06", "Underlag SVOM 2025-02-14", "underlag svom 2024-12-06"] });
    expect(planned.names.map((n) => [n.name, n.refersTo])).toEqual([
      ["_Balans_Version", '"1"'],
      ["_Balans_Agenda_1", "'Underlag SVOM 2024-12-06'!$A$1"],
      ["_Balans_Agenda_2", "'Underlag SVOM 2025-02-14'!$A$1"],
    ]);
    expect(planned.removeNames).toEqual(["_Balans_Agenda_3"]);
  });

  it("rewrites its own sheet for the same meeting in place; a user's sheet of that name is left alone", () => {
    expect(decideAgendaSheet(data, "underlag svom 2024-12-06")).toEqual({ name: "Underlag SVOM 2024-12-06", existing: "Underlag SVOM 2024-12-06" });
    // "Underlag SVOM 2024-06-03" exists but is not in the record: the user's.
    expect(decideAgendaSheet(data, "Underlag SVOM 2024-06-03")).toEqual({ name: "Underlag SVOM 2024-06-03 (2)", existing: null });
    expect(decideAgendaSheet(data, "Underlag SVOM 2025-02-14")).toEqual({ name: "Underlag SVOM 2025-02-14", existing: null });
  });
});
