/**
 * Issue 11 at the plan level: the live status plan (planLiveStatus.ts) through the one prepare
 * step, and "since the last check" through plan → write → read → plan, on WorkbookData.
 */
import { prepare, type PrepareWhat } from "../../../src/app/prepare";
import { defaultOptions } from "../../../src/domain";
import { evaluateLiveStatus, liveStatusFormula } from "../../../src/domain/liveStatus";
import { countFormula, quoteSheet, withLiveNames } from "../../../src/domain/planLiveStatus";
import { toReportJson } from "../../../src/domain/reportJson";
import { formatReport } from "../../../src/domain/reportText";
import type { CellValue, Plan, SheetData, WorkbookData } from "../../../src/domain/types";

const BAL = ["Prioriterat område", "Vad", "Uppdrag/aktivitet", "Ansvarig funktion/operativ gruppering", "Beredande forum", "Uppföljning", "Status", "Nästa uppföljning"];
const AVT = ["Överenskommelse/avtal", "Giltighetstid", "Rekommendationsbeslutande forum", "Beredande forum", "Noteringar"];
const AVTAL_SHEET = "Avtal 'gamla'";

/** A balanslista as an Excel table in A1:H6 (row 5 blank) and an agreements range in A1:E3. */
function workbook(): WorkbookData {
  const balanslista: SheetData = {
    name: "Balanslista",
    top: 1,
    left: 1,
    values: [
      BAL,
      ["Nära vård", "Samverkan", "", "", "", "SVOM 31/12 2024 och SVOM 31/3 2025", "", null],
      ["Nära vård", "Klar rad", "", "", "", "SVOM 3/6 2024", "Klar", null],
      ["Nära vård", "Utan datum", "", "", "", "Löpande", "", null],
      [],
      ["Nära vård", '=HYPERLINK("http://x")', "", "", "", "@SUM(1) SVOM 6/12 2024", "", { date: "2025-01-15" }],
    ],
    tables: [{ name: "Balanslista", headerRow: 1, firstColumn: 1, rowCount: 5, columnCount: 8 }],
  };
  const avtal: SheetData = {
    name: AVTAL_SHEET,
    top: 1,
    left: 1,
    values: [AVT, ["Avtal Barnahus", "2021-2024", "SVOM", "FG", ""], ["Avtal tills vidare", "Tills vidare", "SVOM", "FG", ""]],
    tables: [],
  };
  return { sheets: [balanslista, avtal] };
}

/**
 * A writer and a reader on WorkbookData, as the adapters do them: status cells read back as their
 * cached labels, dates cells as text, the record names and the check record as stored.
 */
function applyToData(data: WorkbookData, plan: Plan): WorkbookData {
  const out: WorkbookData = structuredClone(data);
  const set = (sheetName: string, row: number, col: number, value: CellValue) => {
    const sheet = out.sheets.find((s) => s.name === sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    while (sheet.values.length < row - sheet.top + 1) sheet.values.push([]);
    const cells = sheet.values[row - sheet.top] as CellValue[];
    while (cells.length < col - sheet.left) cells.push(null);
    cells[col - sheet.left] = value;
  };
  for (const p of plan.statusColumns) {
    const sheet = out.sheets.find((s) => s.name === p.sheet);
    const table = sheet?.tables.find((t) => t.name === p.table);
    set(p.sheet, p.headerRow, p.column, p.header);
    // A formula's cached "" reads as "", a written "" as an empty cell.
    for (const c of p.cells) set(p.sheet, c.row, p.column, c.formula !== undefined ? c.label : c.label === "" ? null : c.label);
    if (table && !p.exists) table.columnCount += 1;
    if (p.dates) {
      set(p.sheet, p.headerRow, p.dates.column, p.dates.header);
      for (const c of p.dates.cells) set(p.sheet, c.row, p.dates.column, c.value === "" ? null : c.value);
      if (table && !p.dates.exists) table.columnCount += 1;
    }
  }
  const removed = new Set((plan.removeNames ?? []).map((n) => n.toLowerCase()));
  const written = new Set((plan.names ?? []).map((n) => n.name.toLowerCase()));
  out.names = [
    ...(out.names ?? []).filter((n) => !removed.has(n.name.toLowerCase()) && !written.has(n.name.toLowerCase())),
    ...(plan.names ?? []).map((n) => ({ name: n.name, refersTo: n.refersTo, scope: null, hidden: true })),
  ];
  if (plan.checkRecord !== undefined && plan.checkRecord !== null) out.checkRecord = plan.checkRecord;
  if (plan.summary) {
    const values: CellValue[][] = [];
    for (const c of plan.summary.cells) {
      while (values.length < c.row) values.push([]);
      const cells = values[c.row - 1] as CellValue[];
      while (cells.length < c.col - 1) cells.push(null);
      cells[c.col - 1] = c.value;
    }
    out.sheets = [...out.sheets.filter((s) => s.name !== plan.summary?.name), { name: plan.summary.name, top: 1, left: 1, values, tables: [] }];
  }
  return out;
}

const run = (data: WorkbookData, today: string, what: PrepareWhat = "apply") => prepare(data, defaultOptions(today), what);

describe("the live status plan", () => {
  const { plan, notices } = run(workbook(), "2024-11-15");
  const bal = plan.statusColumns.find((p) => p.sheet === "Balanslista");
  const avt = plan.statusColumns.find((p) => p.sheet === AVTAL_SHEET);

  it("puts one formula per row, relative to the same row's dates cell, with the day's label cached and no fixed fill", () => {
    expect(notices).toEqual([]);
    expect([bal?.column, bal?.dates?.column, bal?.dates?.header, bal?.dates?.exists]).toEqual([9, 10, "Balans datum", false]);
    expect(bal?.cells).toEqual([
      { row: 2, label: "Planerad", fill: null, font: null, formula: liveStatusFormula("J2", "follow-up") },
      { row: 3, label: "Klar", fill: null, font: null, formula: liveStatusFormula("J3", "follow-up") },
      { row: 4, label: "Datum saknas", fill: null, font: null, formula: liveStatusFormula("J4", "follow-up") },
      { row: 5, label: "", fill: null, font: null, formula: liveStatusFormula("J5", "follow-up") },
      { row: 6, label: "Planerad", fill: null, font: null, formula: liveStatusFormula("J6", "follow-up") },
    ]);
    expect(avt?.cells.map((c) => [c.row, c.label, c.formula])).toEqual([
      [2, "Går ut snart", liveStatusFormula("G2", "agreement")],
      [3, "Tills vidare", liveStatusFormula("G3", "agreement")],
    ]);
  });

  it("writes each row's deciding dates, newest first (the explicit Nästa uppföljning alone), or its fixed label", () => {
    expect(bal?.dates?.cells).toEqual([
      { row: 2, value: "2025-03-31; 2024-12-31" },
      { row: 3, value: "Klar" },
      { row: 4, value: "Datum saknas" },
      { row: 5, value: "" },
      { row: 6, value: "2025-01-15" },
    ]);
    expect(avt?.dates).toEqual({ column: 7, exists: false, header: "Balans datum", cells: [{ row: 2, value: "2024-12-31" }, { row: 3, value: "Tills vidare" }] });
  });

  it("follows the calendar: on 2025-03-01 the cells compute what the engine says that day", () => {
    const later = run(workbook(), "2025-03-01");
    for (const [now, then] of [
      [bal, later.plan.statusColumns.find((p) => p.sheet === "Balanslista")],
      [avt, later.plan.statusColumns.find((p) => p.sheet === AVTAL_SHEET)],
    ] as const) {
      const kind = now === bal ? "follow-up" : "agreement";
      const computed = (now?.dates?.cells ?? []).map((c) => evaluateLiveStatus(c.value, kind, "2025-03-01", kind === "follow-up" ? 30 : 90));
      expect(computed).toEqual(then?.cells.map((c) => c.label));
    }
    // Planned for 2024-12-31 and 2025-03-31: due soon on 2025-03-01, not overdue; the explicit date has passed.
    expect(later.plan.statusColumns.find((p) => p.sheet === "Balanslista")?.cells.map((c) => c.label)).toEqual(["Snart", "Klar", "Datum saknas", "", "Försenad"]);
  });

  it("never lets user text into a formula", () => {
    for (const p of plan.statusColumns) {
      for (const c of p.cells) {
        expect(c.formula).toBe(liveStatusFormula(`${p === bal ? "J" : "G"}${c.row}`, p === bal ? "follow-up" : "agreement"));
        expect(c.formula).not.toMatch(/HYPERLINK|SUM\(|http/);
      }
    }
    for (const c of plan.summary?.cells ?? []) if (c.formula !== undefined) expect(c.formula).toMatch(/^COUNTIF\('(?:[^']|'')+'!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+,"[^"]+"\)(?:\+COUNTIF\(.*\))*$/u);
  });

  it("colours by conditional formats, one rule per label", () => {
    expect(bal?.conditionalFormats).toEqual([
      { label: "Försenad", fill: "FFC7CE", font: "9C0006" },
      { label: "Snart", fill: "FFEB9C", font: "9C5700" },
      { label: "Planerad", fill: "C6EFCE", font: "006100" },
      { label: "Klar", fill: "DDEBF7", font: "1F4E78" },
      { label: "Datum saknas", fill: "EDEDED", font: "595959" },
    ]);
    expect(avt?.conditionalFormats?.map((r) => r.label)).toEqual(["Utgånget", "Går ut snart", "Gäller", "Tills vidare", "Okänd"]);
  });

  it("stores the windows and the dates columns beside B1's record", () => {
    expect(plan.names?.map((n) => [n.name, n.refersTo])).toEqual([
      ["_Balans_Version", '"1"'],
      ["_Balans_Summary", "'Balans summering'!$A$1"],
      ["_Balans_Status_1", "'Balanslista'!$I$1"],
      ["_Balans_Status_2", "'Avtal ''gamla'''!$F$1"],
      ["_Balans_DueSoonDays", "30"],
      ["_Balans_ExpiringDays", "90"],
      ["_Balans_Dates_1", "'Balanslista'!$J$1"],
      ["_Balans_Dates_2", "'Avtal ''gamla'''!$G$1"],
    ]);
    const custom = prepare(workbook(), { today: "2024-11-15", dueSoonDays: 14, expiringDays: 60 }, "kontrollera");
    expect(custom.plan.names?.filter((n) => n.name.endsWith("Days")).map((n) => n.refersTo)).toEqual(["14", "60"]);
  });

  it("keeps the status fixed, and says why, when the column right of it is not free", () => {
    const data = workbook();
    const avtal = data.sheets[1] as SheetData;
    // The user's note in G3, right of where the status column F goes.
    avtal.values[2] = ["Avtal tills vidare", "Tills vidare", "SVOM", "FG", "", null, "egen anteckning"];
    const { plan: p, notices: n } = run(data, "2024-11-15", "kontrollera");
    const fixed = p.statusColumns.find((x) => x.sheet === AVTAL_SHEET);
    expect(fixed?.dates ?? null).toBeNull();
    expect(fixed?.conditionalFormats).toBeUndefined();
    expect(fixed?.cells).toEqual([
      { row: 2, label: "Går ut snart", fill: "FFEB9C", font: "9C5700" },
      { row: 3, label: "Tills vidare", fill: "DDEBF7", font: "1F4E78" },
    ]);
    expect(n.map((x) => [x.code, x.sheet, x.row])).toEqual([["live-dates-blocked", AVTAL_SHEET, 1]]);
    expect(n[0]?.message).toContain("Kolumn G till höger om statuskolumnen vid området på rad 1 är inte tom");
    expect(p.names?.map((x) => x.name)).toEqual(["_Balans_Version", "_Balans_Status_1", "_Balans_Status_2", "_Balans_DueSoonDays", "_Balans_ExpiringDays", "_Balans_Dates_1"]);
  });

  it("keeps B1's names and the live ones apart", () => {
    const base = { names: [{ name: "_Balans_Version", refersTo: '"1"', comment: "" }], removeNames: ["_Balans_Dates_3", "_balans_duesoondays"] };
    const live = [{ name: "_Balans_DueSoonDays", refersTo: "30", comment: "" }];
    expect(withLiveNames(base, live)).toEqual({ names: [...base.names, ...live], removeNames: ["_Balans_Dates_3"] });
  });
});

describe("the summary sheet's counts", () => {
  it("quotes sheet names, doubling a quote, and adds the columns of a kind", () => {
    expect(quoteSheet("Avtal 'gamla'")).toBe("'Avtal ''gamla'''");
    const sources = [
      { kind: "follow-up" as const, sheet: "Balanslista", column: 7, top: 4, bottom: 40, values: [] },
      { kind: "follow-up" as const, sheet: "Blad 2", column: 28, top: 3, bottom: 3, values: [] },
    ];
    expect(countFormula(sources, "Försenad")).toBe(`COUNTIF('Balanslista'!$G$4:$G$40,"Försenad")+COUNTIF('Blad 2'!$AB$3:$AB$3,"Försenad")`);
  });

  it("are formulas over the owned status columns with the day's count cached, and say that they follow the day", () => {
    const { plan } = run(workbook(), "2024-11-15");
    const cells = plan.summary?.cells ?? [];
    const counted = cells.filter((c) => c.formula !== undefined).map((c) => [cells.find((x) => x.row === c.row && x.col === 1)?.value, c.value, c.formula]);
    expect(counted).toEqual([
      ["Försenad", 0, `COUNTIF('Balanslista'!$I$2:$I$6,"Försenad")`],
      ["Snart", 0, `COUNTIF('Balanslista'!$I$2:$I$6,"Snart")`],
      ["Planerad", 2, `COUNTIF('Balanslista'!$I$2:$I$6,"Planerad")`],
      ["Klar", 1, `COUNTIF('Balanslista'!$I$2:$I$6,"Klar")`],
      ["Datum saknas", 1, `COUNTIF('Balanslista'!$I$2:$I$6,"Datum saknas")`],
      ["Utgånget", 0, `COUNTIF('Avtal ''gamla'''!$F$2:$F$3,"Utgånget")`],
      ["Går ut snart", 1, `COUNTIF('Avtal ''gamla'''!$F$2:$F$3,"Går ut snart")`],
      ["Gäller", 0, `COUNTIF('Avtal ''gamla'''!$F$2:$F$3,"Gäller")`],
      ["Tills vidare", 1, `COUNTIF('Avtal ''gamla'''!$F$2:$F$3,"Tills vidare")`],
      ["Okänd", 0, `COUNTIF('Avtal ''gamla'''!$F$2:$F$3,"Okänd")`],
    ]);
    expect(cells.find((c) => c.row === 2 && c.col === 1)?.value).toBe("Beräknad för datumet 2024-11-15. Bladet ägs av Balans och skrivs om vid varje summering.");
    expect(cells.some((c) => typeof c.value === "string" && c.value.startsWith("Antalen räknas om av Excel varje dag"))).toBe(true);
  });

  it("has no counts when no status column exists after the run (Summering before any Kontrollera)", () => {
    const { plan } = run(workbook(), "2024-11-15", "summering");
    expect(plan.summary?.cells.some((c) => c.formula !== undefined)).toBe(false);
    expect(plan.names?.map((n) => n.name)).toEqual(["_Balans_Version", "_Balans_Summary"]);
  });
});

describe("plan → write → read → plan", () => {
  it("gives the same plan, names and record when run twice on one day", () => {
    const first = run(workbook(), "2024-11-15");
    const written = applyToData(workbook(), first.plan);
    const second = run(written, "2024-11-15");
    expect(second.notices).toEqual([]);
    expect(second.plan.statusColumns.map((p) => ({ ...p, exists: false, dates: p.dates ? { ...p.dates, exists: false } : p.dates }))).toEqual(first.plan.statusColumns);
    expect(second.plan.statusColumns.every((p) => p.exists && p.dates?.exists === true)).toBe(true);
    expect(second.plan.names).toEqual(first.plan.names);
    expect(second.plan.removeNames).toEqual([]);
    expect(second.plan.checkRecord).toBe(first.plan.checkRecord);
    expect(second.plan.summary?.cells).toEqual(first.plan.summary?.cells);
    // And once more: a fixed point.
    const third = run(applyToData(written, second.plan), "2024-11-15");
    expect(third.plan).toEqual(second.plan);
  });

  it("a check a month later lists what became overdue, in the analysis, report --json, the text report and the summary; twice that day is the same", () => {
    const november = applyToData(workbook(), run(workbook(), "2024-11-15").plan);
    // A month later the user has removed no row; the explicit date 2025-01-15 and the agreement's end have passed by February.
    const feb = run(november, "2025-02-01");
    expect(feb.analysis.since).toBe("2024-11-15");
    expect(feb.analysis.changes).toEqual([
      { kind: "newly-overdue", sheet: "Balanslista", table: "Balanslista", row: 6, title: '=HYPERLINK("http://x")', from: "planned", to: "overdue" },
      { kind: "expired", sheet: AVTAL_SHEET, table: "", row: 2, title: "Avtal Barnahus", from: "expiring", to: "expired" },
    ]);
    const json = toReportJson(feb.analysis);
    expect(json.since).toBe("2024-11-15");
    expect(json.changes.map((c) => Object.keys(c))).toEqual([
      ["kind", "sheet", "table", "row", "title", "from", "to"],
      ["kind", "sheet", "table", "row", "title", "from", "to"],
    ]);
    expect(formatReport(feb.analysis)).toContain(
      [
        "Sedan förra kontrollen 2024-11-15 (2 ändringar)",
        "  Blev försenade (1)",
        '    Balanslista, rad 6: =HYPERLINK("http://x") – Planerad → Försenad',
        "  Avtal som gick ut (1)",
        "    Avtal 'gamla', rad 2: Avtal Barnahus – Går ut snart → Utgånget",
      ].join("\n"),
    );
    const cells = feb.plan.summary?.cells ?? [];
    const heading = cells.find((c) => c.value === "Sedan förra kontrollen (2024-11-15)");
    expect(heading).toBeDefined();
    const rows = [heading!.row + 2, heading!.row + 3].map((r) => cells.filter((c) => c.row === r).map((c) => c.value));
    expect(rows).toEqual([
      ["Blev försenad", '=HYPERLINK("http://x")', "Planerad", "Försenad", "Balanslista", "Rad 6"],
      ["Avtalet gick ut", "Avtal Barnahus", "Går ut snart", "Utgånget", AVTAL_SHEET, "Rad 2"],
    ]);
    expect(cells.find((c) => c.value === "Rad 6")?.link).toEqual({ sheet: "Balanslista", address: "A6" });

    const febWritten = applyToData(november, feb.plan);
    const again = run(febWritten, "2025-02-01");
    expect(again.analysis.since).toBe("2024-11-15");
    expect(again.analysis.changes).toEqual(feb.analysis.changes);
    expect(again.plan.checkRecord).toBe(feb.plan.checkRecord);
    expect(again.plan.summary?.cells).toEqual(feb.plan.summary?.cells);
    expect(JSON.parse(again.plan.checkRecord ?? "{}").checks.map((c: { date: string }) => c.date)).toEqual(["2024-11-15", "2025-02-01"]);
  });

  it("a first check has no previous one: since is null, nothing changed, and the record holds that day", () => {
    const { analysis, plan } = run(workbook(), "2024-11-15", "kontrollera");
    expect([analysis.since, analysis.changes]).toEqual([null, []]);
    expect(toReportJson(analysis).since).toBeNull();
    expect(formatReport(analysis)).not.toContain("Sedan förra kontrollen");
    expect(JSON.parse(plan.checkRecord ?? "{}").checks.map((c: { date: string; rows: unknown[] }) => [c.date, c.rows.length])).toEqual([["2024-11-15", 6]]);
    expect(run(workbook(), "2024-11-15", "summering").plan.checkRecord).toBeUndefined();
  });
});
