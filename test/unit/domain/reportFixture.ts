import Decimal from "decimal.js";
import type { Analysis } from "../../../src/domain/types";

/** A small analysis with one of each kind of line, for the report tests. */
export function analysis(): Analysis {
  return {
    today: "2024-11-15",
    tables: [],
    funds: [
      {
        year: 2024,
        areas: [
          {
            area: "1",
            name: "Stärka det gemensamma arbetet",
            allocated: new Decimal("2974230"),
            distributed: new Decimal("2974230"),
            difference: new Decimal("0"),
          },
          {
            area: "2",
            name: "En mer sammanhållen vård",
            allocated: new Decimal("6819298"),
            distributed: new Decimal("6819297.995"),
            difference: new Decimal("-0.005"),
          },
          { area: "Övrigt", name: null, allocated: null, distributed: new Decimal("1500.5"), difference: null },
        ],
        parties: [
          { party: "Region Jämtland Härjedalen", distributed: new Decimal("7927377") },
          { party: "Gemensam", distributed: new Decimal("757528") },
        ],
        total: { allocated: new Decimal("9793528"), distributed: new Decimal("9795028.495"), difference: null },
      },
    ],
    followUps: [
      {
        sheet: "Balanslista",
        table: "Balanslista",
        firstColumn: 1,
        row: 4,
        title: "Överenskommelse samverkan Vuxenhabilitering",
        area: "Nära vård",
        status: "overdue",
        next: null,
        latest: "2024-06-03",
      },
      {
        sheet: "Balanslista",
        table: "Balanslista",
        firstColumn: 1,
        row: 6,
        title: "Gemensam plan på primärvårdsnivå",
        area: null,
        status: "due-soon",
        next: "2024-12-06",
        latest: "2024-03-31",
      },
      {
        sheet: "Balanslista",
        table: "Balanslista",
        firstColumn: 1,
        row: 7,
        title: "Personcentrering",
        area: "Nära vård",
        status: "no-date",
        next: null,
        latest: null,
      },
    ],
    agreements: [
      {
        sheet: "Avtal",
        table: "Avtal",
        firstColumn: 1,
        row: 6,
        title: "Handlingsplan psykisk hälsa",
        status: "expired",
        validTo: "2023-12-31",
      },
      {
        sheet: "Avtal",
        table: "Avtal",
        firstColumn: 1,
        row: 9,
        title: "Avtal om samverkan",
        status: "expiring",
        validTo: "2024-12-31",
      },
      { sheet: "Avtal", table: "Avtal", firstColumn: 1, row: 16, title: "Placerade barn", status: "open-ended", validTo: null },
    ],
    problems: [
      {
        sheet: "Fördelning 2024",
        table: "Fordelning2024",
        
        row: 12,
        column: "Summa",
        message: "Beloppet ”ca 5 mkr” kan inte läsas.",
        messageEn: "The amount cannot be read.",
      },
      { sheet: "Blad1", table: "", row: null, column: null, message: "Hela bladet.", messageEn: "Whole sheet." },
    ],
  };
}
