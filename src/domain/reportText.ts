/**
 * The analysis as a readable Swedish text report (`balans report`): per year the areas with
 * allocated, distributed and difference, the parties and the totals; follow-ups that are overdue
 * or due soon; agreements that have expired or expire soon; and every problem with its place.
 * Amounts as `13 302 905 kr` (sv-SE), dates as `2024-11-15`.
 */
import type Decimal from "decimal.js";
import type { Change } from "./checkRecord";
import { formatKronor } from "./formatAmount";
import { countOf } from "./messages";
import { CHANGE_LABELS, CHANGE_ORDER, statusLabel } from "./sinceLastCheck";
import type { Agreement, Analysis, AreaSummary, FollowUp, MoneyAttention, MoneyAttentionKind, Problem, YearSummary } from "./types";

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
  // Budget tracking (issue 10): only for a year whose distribution has Utbetalt / Förbrukat.
  const tracked = (y.total.paid ?? null) !== null || (y.total.used ?? null) !== null;
  const usage = (u: { paid?: Decimal | null; used?: Decimal | null; remaining?: Decimal | null }) => [u.paid ?? null, u.used ?? null, u.remaining ?? null];
  if (tracked) {
    lines.push("", `  ${"Användning".padEnd(NAME_WIDTH)}${["Utbetalt", "Förbrukat", "Kvar"].map((h) => h.padStart(AMOUNT_WIDTH)).join("")}`);
    for (const a of y.areas) lines.push(amountRow(areaLabel(a), usage(a)));
    lines.push(amountRow("Totalt", usage(y.total)));
  }
  if (y.parties.length > 0) {
    const heads = tracked ? ["Fördelat", "Utbetalt", "Förbrukat", "Kvar"] : ["Fördelat"];
    lines.push("", `  ${"Per part".padEnd(NAME_WIDTH)}${heads.map((h) => h.padStart(AMOUNT_WIDTH)).join("")}`);
    for (const p of y.parties) lines.push(amountRow(p.party, tracked ? [p.distributed, ...usage(p)] : [p.distributed]));
  }
  return lines;
}

const MONEY_HEADINGS: [MoneyAttentionKind, string][] = [
  ["imbalance", "Obalans"],
  ["overspent", "Förbrukat mer än fördelat"],
  ["report-overdue", "Återredovisning försenad"],
  ["report-due-soon", "Återredovisning inom kort"],
];

function moneyLine(m: MoneyAttention): string {
  const where = m.sheet === null ? "" : `${place(m.sheet, m.row)}: `;
  return `    ${where}${m.message}`;
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

function changeLine(c: Change): string {
  const from = statusLabel(c.from);
  const to = statusLabel(c.to);
  const move = from !== "" && to !== "" ? ` – ${from} → ${to}` : to !== "" ? ` – ${to}` : "";
  return `    ${place(c.sheet, c.row)}: ${clip(c.title, 80)}${move}`;
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

/** Appends `lines` one by one: `out.push(...lines)` overflows the call stack past about 100 000 lines. */
function append(out: string[], lines: Iterable<string>): void {
  for (const line of lines) out.push(line);
}

/** A heading and one line per item (nothing when there are none), appended to `out`. */
function group<T>(out: string[], heading: string, items: readonly T[], line: (item: T) => string): void {
  if (items.length === 0) return;
  out.push(`  ${heading} (${items.length})`);
  for (const item of items) out.push(line(item));
}

/** The whole report, ending with a newline. */
export function formatReport(analysis: Analysis): string {
  const out: string[] = [`Balans – rapport per ${analysis.today}`, ""];

  if (analysis.funds.length === 0) out.push("Fördelning", "  Ingen fördelning av medel hittades.", "");
  for (const y of analysis.funds) {
    append(out, formatYear(y));
    out.push("");
  }

  // Money that needs attention (issue 10), by kind.
  const money = analysis.attention ?? [];
  out.push(`Medel att hålla koll på (${money.length})`);
  if (money.length === 0) out.push("  Inga obalanser, överskridna insatser eller försenade återredovisningar.");
  for (const [kind, heading] of MONEY_HEADINGS) group(out, heading, money.filter((m) => m.kind === kind), moneyLine);
  out.push("");

  const overdue = analysis.followUps.filter((f) => f.status === "overdue");
  const dueSoon = analysis.followUps.filter((f) => f.status === "due-soon");
  out.push(`Uppföljningar (${analysis.followUps.length} i balanslistan)`);
  if (overdue.length + dueSoon.length === 0) out.push("  Inga försenade eller snart aktuella uppföljningar.");
  group(out, "Försenade", overdue, followUpLine);
  group(out, "Snart aktuella", dueSoon, followUpLine);
  out.push("");

  const expired = analysis.agreements.filter((a) => a.status === "expired");
  const expiring = analysis.agreements.filter((a) => a.status === "expiring");
  out.push(`Avtal (${analysis.agreements.length} i avtalsregistret)`);
  if (expired.length + expiring.length === 0) out.push("  Inga utgångna eller snart utgående avtal.");
  group(out, "Utgångna", expired, agreementLine);
  group(out, "Går ut snart", expiring, agreementLine);
  out.push("");

  // Issue 11: what changed since the previous check, when the workbook holds one.
  const since = analysis.since ?? null;
  if (since !== null) {
    const changes = analysis.changes ?? [];
    out.push(`Sedan förra kontrollen ${since} (${countOf("sv", changes.length, { one: "ändring", other: "ändringar" })})`);
    if (changes.length === 0) out.push("  Inga ändringar.");
    for (const kind of CHANGE_ORDER) group(out, CHANGE_LABELS[kind].heading, changes.filter((c) => c.kind === kind), changeLine);
    out.push("");
  }

  out.push(`Problem (${analysis.problems.length})`);
  if (analysis.problems.length === 0) out.push("  Inga problem hittades.");
  for (const p of analysis.problems) out.push(problemLine(p));

  return `${out.join("\n")}\n`;
}
