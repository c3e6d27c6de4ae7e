/** Synthetic but realistic workbooks for the benchmark: sizes far beyond the seeds. */
import type { CellValue, SheetData, WorkbookData } from "../src/domain/types";

const ORGS = [
  "Ungdomsmottagningen Region Jämtland Härjedalen",
  "Kommunförbundet Jämtland Härjedalen",
  "Folkhälsoenheten, Region Jämtland Härjedalen",
  "Östersunds kommun",
  "Gemensam resurs, medel följer anställning. Kommunförbundet Jämtland Härjedalen Region Jämtland Härjedalen",
  "Krokoms kommun",
];
const FOLLOW = [
  "SVOM 9/6 2023 – rek-beslut förlängning nuvarande avtal SVOM 2023 och 23/2 2024-rapport pågående arbete SVOM 3/6 2024 – beslut om remiss",
  "Fredagsgruppen 21/10 2024 – förslag om fortsatt utveckling Cosmic",
  "Redovisning till Socialstyrelsen mars 2025. SVOM feb 2025 - rapport",
  "Fortlöpande arbete.",
  "Rapport höst 2024, vecka 42 2025",
];
const VALID = ["2021-2023 (förlängd tom 31/12 2024)", "2018 -tills vidare, ska följas upp årligen", "2024", "2013-2015 (förlängs automatiskt på årsbasis)", "Tom 2025-12-31"];

function table(name: string, sheet: string, headers: string[], rows: CellValue[][]): SheetData {
  return { name: sheet, top: 1, left: 1, values: [headers, ...rows], tables: [{ name, headerRow: 1, firstColumn: 1, rowCount: rows.length, columnCount: headers.length }] };
}

export function distributionRows(n: number, textAmounts = true): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let i = 0; i < n; i++) {
    const amount = 1000 + ((i * 7919) % 900000);
    rows.push([2024, String((i % 4) + 1), `Insats nummer ${i}`, ORGS[i % ORGS.length] ?? "", textAmounts && i % 2 === 0 ? `${amount.toLocaleString("sv-SE")} kr` : amount]);
  }
  return rows;
}

export function balanslistaRows(n: number): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let i = 0; i < n; i++) rows.push(["Nära vård", `Uppdrag ${i}`, "Ta fram förslag", "Fredagsgruppen", "SamReKo HSI", FOLLOW[i % FOLLOW.length] ?? ""]);
  return rows;
}

export function agreementRows(n: number): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let i = 0; i < n; i++) rows.push([`Överenskommelse ${i}`, VALID[i % VALID.length] ?? "", "SVOM", "Fredagsgruppen", ""]);
  return rows;
}

/** A workbook with the given numbers of distribution, balanslista and agreement rows. */
export function syntheticWorkbook(distribution: number, balanslista: number, agreements: number): WorkbookData {
  return {
    sheets: [
      table("Tilldelning2024", "Tilldelning", ["År", "Område", "Tilldelat belopp"], [1, 2, 3, 4].map((a) => [2024, String(a), 1_000_000])),
      table("Fordelning2024", "Fördelning 2024", ["År", "Område", "Insats", "Ansvarig verksamhet", "Summa"], distributionRows(distribution)),
      table("Balanslista", "Balanslista", ["Prioriterat område", "Vad", "Uppdrag/aktivitet", "Ansvarig funktion/operativ gruppering", "Beredande forum", "Uppföljning"], balanslistaRows(balanslista)),
      table("Avtal", "Avtal", ["Överenskommelse/avtal", "Giltighetstid", "Rekommendationsbeslutande forum", "Beredande forum", "Noteringar"], agreementRows(agreements)),
    ],
  };
}
