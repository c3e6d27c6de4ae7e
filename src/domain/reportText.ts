/**
 * The analysis as a readable Swedish text report (`balans report`): per year the areas with
 * allocated, distributed and difference, the parties and the totals; follow-ups that are overdue
 * or due soon; agreements that have expired or expire soon; and every problem with its place.
 * Amounts as `13 302 905 kr` (sv-SE), dates as `2024-11-15`.
 */
import type Decimal from "decimal.js";
import { formatKronor } from "./formatAmount";
import type { Agreement, Analysis, AreaSummary, FollowUp, Problem, YearSummary } from "./types";

/** Longest area or party name in the fund tables; longer names end with "…". */
const NAME_WIDTH = 50;
const AMOUNT_WIDTH = 16;

const kronor = (d: Decimal | null): string => (d === null ? "–" : formatKronor(d));

function clip(text: string, width: number): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length <= width ? oneLine : `${oneLine.slice(0, width - 1).trimEnd()}…`;
}

function amountRow(name: string, amounts: (Decimal | null)[]): string {
  return `  ${clip(name, NAME_WIDTH).padEnd(NAME_WIDTH)}${amounts.map((a) => kronor(a).padStart(AMOUNT_WIDTH)).join("")}`;
}

/** "1. Stärka det gemensamma…" for a numbered area, else its name (or key). */
export function areaLabel(area: AreaSummary): string {
  if (area.name === null || area.name.trim() === "") return area.area;
  if (/^\d+$/.test(area.area) && !area.name.trim().startsWith(area.area)) return `${area.area}. ${area.name.trim()}`;
  return area.name.trim();
}

function formatYear(y: YearSummary): string[] {
  const lines = [`Fördelning ${y.year}`];
  lines.push(
    `  ${"Område".padEnd(NAME_WIDTH)}${["Tilldelat", "Fördelat", "Differens"].map((h) => h.padStart(AMOUNT_WIDTH)).join("")}`,
  );
  for (const a of y.areas) lines.push(amountRow(areaLabel(a), [a.allocated, a.distributed, a.difference]));
  lines.push(amountRow("Totalt", [y.total.allocated, y.total.distributed, y.total.difference]));
  if (y.parties.length > 0) {
    lines.push("", `  ${"Per part".padEnd(NAME_WIDTH)}${"Fördelat".padStart(AMOUNT_WIDTH)}`);
    for (const p of y.parties) lines.push(amountRow(p.party, [p.distributed]));
  }
  return lines;
}

/** "Balanslista, rad 5" — the sheet and the worksheet row the user sees. */
function place(sheet: string, row: number | null): string {
  return row === null ? sheet : `${sheet}, rad ${row}`;
}

function followUpLine(f: FollowUp): string {
  const when =
    f.status === "overdue"
      ? f.latest === null
        ? ""
        : ` – passerat ${f.latest}`
      : f.next === null
        ? ""
        : ` – nästa ${f.next}`;
  return `    ${place(f.sheet, f.row)}: ${clip(f.title, 80)}${when}`;
}

function agreementLine(a: Agreement): string {
  const when =
    a.validTo === null ? "" : a.status === "expired" ? ` – gällde till ${a.validTo}` : ` – gäller till ${a.validTo}`;
  return `    ${place(a.sheet, a.row)}: ${clip(a.title, 80)}${when}`;
}

export function problemLine(p: Problem): string {
  const where = [
    p.sheet,
    p.table === "" ? null : `tabell ${p.table}`,
    p.row === null ? null : `rad ${p.row}`,
    p.column === null ? null : `kolumn ”${p.column}”`,
  ]
    .filter((s): s is string => s !== null && s !== "")
    .join(", ");
  return `  ${where}: ${p.message}`;
}

function group<T>(heading: string, items: T[], line: (item: T) => string): string[] {
  return items.length === 0 ? [] : [`  ${heading} (${items.length})`, ...items.map(line)];
}

/** The whole report, ending with a newline. */
export function formatReport(analysis: Analysis): string {
  const out: string[] = [`Balans – rapport per ${analysis.today}`, ""];

  if (analysis.funds.length === 0) out.push("Fördelning", "  Ingen fördelning av medel hittades.", "");
  for (const y of analysis.funds) out.push(...formatYear(y), "");

  const overdue = analysis.followUps.filter((f) => f.status === "overdue");
  const dueSoon = analysis.followUps.filter((f) => f.status === "due-soon");
  out.push(`Uppföljningar (${analysis.followUps.length} i balanslistan)`);
  if (overdue.length + dueSoon.length === 0) out.push("  Inga försenade eller snart aktuella uppföljningar.");
  out.push(...group("Försenade", overdue, followUpLine), ...group("Snart aktuella", dueSoon, followUpLine), "");

  const expired = analysis.agreements.filter((a) => a.status === "expired");
  const expiring = analysis.agreements.filter((a) => a.status === "expiring");
  out.push(`Avtal (${analysis.agreements.length} i avtalsregistret)`);
  if (expired.length + expiring.length === 0) out.push("  Inga utgångna eller snart utgående avtal.");
  out.push(...group("Utgångna", expired, agreementLine), ...group("Går ut snart", expiring, agreementLine), "");

  out.push(`Problem (${analysis.problems.length})`);
  if (analysis.problems.length === 0) out.push("  Inga problem hittades.");
  out.push(...analysis.problems.map(problemLine));

  return `${out.join("\n")}\n`;
}
