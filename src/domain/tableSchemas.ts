import type { TableKind } from "./types";

export interface FieldSpec {
  /** Field name used in RecognisedTable.columns. */
  key: string;
  /** Canonical header (as in the seeds) first, then accepted aliases. Matched normalised. */
  headers: string[];
  /** Needed to recognise the table at all. */
  key_: boolean;
  /** Reported as a problem when missing (the table is still used). */
  required: boolean;
}

export interface TableSchema {
  kind: TableKind;
  /** Swedish name used in messages. */
  label: string;
  /** A header row with any of these headers is not this kind (e.g. Balans's own summary). */
  rejectIf?: string[];
  fields: FieldSpec[];
}

const f = (key: string, headers: string[], opts: { key?: boolean; required?: boolean } = {}): FieldSpec => ({
  key,
  headers,
  key_: opts.key ?? false,
  required: opts.required ?? opts.key ?? false,
});

/**
 * The tables Balans recognises by their header row. Headers match case-insensitively with
 * runs of spaces collapsed; a header also matches when it starts with the alias followed by
 * a space or "(" (e.g. "Prioriterat område SVOM (2023-2026)"). Documented in README.md.
 */
export const TABLE_SCHEMAS: TableSchema[] = [
  {
    kind: "balanslista",
    label: "balanslista",
    fields: [
      f("area", ["Prioriterat område", "Prioriterade områden", "Prioriterat omr."], { required: true }),
      f("what", ["Vad"], { key: true }),
      f("activity", ["Uppdrag/aktivitet", "Uppdrag", "Aktivitet"], { required: true }),
      f("responsible", ["Ansvarig funktion/operativ gruppering", "Ansvarig funktion", "Ansvarig"], { required: true }),
      f("forum", ["Beredande forum"], { required: true }),
      f("followUp", ["Uppföljning"], { key: true }),
      f("direction", ["Inriktning"]),
      f("status", ["Status"]),
      f("next", ["Nästa uppföljning", "Nästa avstämning"]),
    ],
  },
  {
    kind: "agreements",
    label: "avtalsregister",
    fields: [
      f("agreement", ["Överenskommelse/avtal", "Överenskommelse", "Avtal", "Överenskommelser/avtal"], { key: true }),
      f("validity", ["Giltighetstid", "Giltighet", "Giltig"], { key: true }),
      f("recommendingForum", ["Rekommendationsbeslutande forum", "Beslutande forum"], { required: true }),
      f("forum", ["Beredande forum"], { required: true }),
      f("notes", ["Noteringar", "Notering", "Kommentar"], { required: true }),
    ],
  },
  {
    kind: "distribution",
    label: "fördelning",
    fields: [
      f("year", ["År"]),
      f("area", ["Område", "Utvecklingsområde"], { key: true }),
      f("insats", ["Insats", "Insatser"], { key: true }),
      f("responsible", ["Ansvarig verksamhet", "Ansvarig"], { required: true }),
      f("amount", ["Summa", "Belopp", "Summa (kr)", "Belopp (kr)"], { key: true }),
      f("party", ["Part", "Huvudman"]),
      // Optional budget tracking (issue 10): what was paid out and used, and the report-back.
      f("paid", ["Utbetalt", "Utbetalt belopp", "Utbetalda medel"]),
      f("used", ["Förbrukat", "Använt", "Utfall", "Nyttjat", "Förbrukade medel"]),
      f("reportDue", ["Återredovisas senast", "Återredovisning senast", "Redovisas senast"]),
      f("reportDone", ["Återredovisat", "Återredovisad", "Redovisat"]),
    ],
  },
  {
    kind: "allocations",
    label: "tilldelning",
    // The summary sheet (and copies of it) has Tilldelat beside Fördelat and Differens.
    rejectIf: ["Fördelat", "Differens"],
    fields: [
      f("year", ["År"]),
      f("area", ["Område", "Utvecklingsområde"], { key: true }),
      f("allocated", ["Tilldelat belopp", "Tilldelat", "Tilldelning"], { key: true }),
      // Applies to the area's distribution rows of that year that have no date of their own.
      f("reportDue", ["Återredovisas senast", "Återredovisning senast", "Redovisas senast"]),
    ],
  },
  {
    kind: "parties",
    label: "parter",
    fields: [f("party", ["Part"], { key: true }), f("alias", ["Alias", "Alias (namn som används)"], { key: true })],
  },
  {
    // The meeting calendar (issue 14): optional; without it the dates in the follow-up texts are the calendar.
    kind: "meetings",
    label: "möten",
    fields: [f("forum", ["Forum", "Mötesforum"], { key: true }), f("date", ["Datum", "Mötesdatum"], { key: true })],
  },
];
