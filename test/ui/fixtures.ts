/**
 * Literal analyses for the UI tests, drawn from SVOM's 2024 distribution of the county
 * funds (13 302 905 kr over four areas and four parties) and the Balanslista SVOM 2024.
 */
import Decimal from "decimal.js";
import type { Analysis, RecognisedTable } from "../../src/domain/types";

const d = (n: string): Decimal => new Decimal(n);

function table(kind: RecognisedTable["kind"], sheet: string, name: string): RecognisedTable {
  return {
    kind,
    sheet,
    table: name,
    headerRow: 1,
    firstColumn: 1,
    lastColumn: 3,
    headers: [],
    cellOffset: 0,
    columns: {},
    ownedColumn: null,
    lastRow: 1,
    isExcelTable: true,
    blockedOwnedColumn: false,
    rows: [],
  };
}

export const TODAY = "2024-11-15";

export function analysis2024(): Analysis {
  return {
    today: TODAY,
    tables: [
      table("balanslista", "Balanslista", "Balanslista"),
      table("agreements", "Avtal", "Avtal"),
      table("distribution", "Fördelning", "Fordelning"),
      table("allocations", "Fördelning", "Tilldelning"),
      table("parties", "Parter", "Parter"),
    ],
    funds: [
      {
        year: 2024,
        areas: [
          { area: "1", name: "Barn och unga", allocated: d("2974230"), distributed: d("2974230"), difference: d("0") },
          { area: "2", name: "Samsjuklighet", allocated: d("6819298"), distributed: d("6819298"), difference: d("0") },
          { area: "3", name: "Brukarmedverkan", allocated: d("1000000"), distributed: d("1000000"), difference: d("0") },
          { area: "4", name: "Suicidprevention", allocated: d("2509377"), distributed: d("2509377"), difference: d("0") },
        ],
        parties: [
          { party: "Region Jämtland Härjedalen", distributed: d("7927377") },
          { party: "Kommunförbundet Jämtland Härjedalen", distributed: d("3073000") },
          { party: "Östersunds kommun", distributed: d("1545000") },
          { party: "Gemensam resurs KFJH och RJH", distributed: d("757528") },
        ],
        total: { allocated: d("13302905"), distributed: d("13302905"), difference: d("0") },
      },
    ],
    followUps: [
      {
        sheet: "Balanslista",
        table: "Balanslista",
        firstColumn: 1,
        row: 12,
        title: "Rekommendationsbeslut nytt avtal hjälpmedel",
        area: "Nära vård",
        status: "overdue",
        next: "2024-11-12",
        latest: "2024-11-12",
      },
      {
        sheet: "Balanslista",
        table: "Balanslista",
        firstColumn: 1,
        row: 7,
        title: "Uppföljning av MiniMaria",
        area: "Psykisk hälsa",
        status: "due-soon",
        next: "2024-11-27",
        latest: "2025-03-07",
      },
      {
        sheet: "Balanslista",
        table: "Balanslista",
        firstColumn: 1,
        row: 9,
        title: "Breddinförande av Barnsäkert",
        area: "Psykisk hälsa",
        status: "planned",
        next: "2025-06-01",
        latest: "2025-06-01",
      },
    ],
    agreements: [
      { sheet: "Avtal", table: "Avtal", firstColumn: 1, row: 4, title: "Överenskommelse om samverkan kring barn och unga", status: "expired", validTo: "2024-10-31" },
      { sheet: "Avtal", table: "Avtal", firstColumn: 1, row: 5, title: "Hjälpmedelsavtal", status: "expiring", validTo: "2024-12-31" },
      { sheet: "Avtal", table: "Avtal", firstColumn: 1, row: 6, title: "Ledningssystem för samverkan", status: "open-ended", validTo: null },
    ],
    problems: [
      {
        sheet: "Fördelning",
        table: "Fordelning",
        
        row: 14,
        column: "Summa",
        message: "Summan ”1 073 000 kr?” är inget belopp.",
        messageEn: "The amount “1 073 000 kr?” is not a number.",
      },
      {
        sheet: "Avtal",
        table: "Avtal",
        
        row: null,
        column: "Giltighetstid",
        message: "Kolumnen Giltighetstid saknas.",
        messageEn: "The column Giltighetstid is missing.",
      },
    ],
  };
}

/** A workbook in which Balans recognises nothing. */
export function emptyAnalysis(): Analysis {
  return { today: TODAY, tables: [], funds: [], followUps: [], agreements: [], problems: [] };
}

/** 2024 with one krona left undistributed in area 4. */
export function analysisWithDifference(): Analysis {
  const a = analysis2024();
  const year = a.funds[0]!;
  year.areas[3] = { ...year.areas[3]!, distributed: d("2509376"), difference: d("-1") };
  year.total = { allocated: d("13302905"), distributed: d("13302904"), difference: d("-1") };
  return a;
}
