/**
 * Applies a {@link Plan} to an .xlsx package without re-creating it: the parts Balans must change
 * are parsed (DOM), edited and serialised; every other part is copied as stored, byte for byte,
 * in the same order (see writePackage.ts). Memory follows the touched parts: an untouched part
 * is never inflated.
 *
 * Touched, and only where the plan says so:
 * - a sheet that gets a status column (its cells, `<dimension>`, a width for a new column), its
 *   dates column "Balans datum" and the conditional formats of the status column (issue 11), and
 *   the table part whose table the columns join;
 * - `styles.xml` (Balans's fonts, fills, number formats, cell formats and differential formats are
 *   appended or reused, never changed or moved);
 * - the workbook part (`<definedName>`s of the ownership record and the agenda sheet's print
 *   titles; a new owned sheet's `<sheet>`), its rels and `[Content_Types].xml` when a part is added
 *   or removed;
 * - the summary sheet and the agenda sheet, parts Balans writes whole (the summary with its
 *   drawing and chart parts);
 * - the custom XML part holding the since-last-check record (issue 11), found again by its
 *   namespace and replaced in place;
 * - Infoga mall's new sheet and its table parts (added; the user's from then on).
 *
 * The calculation chain (`calcChain.xml`) lists the cells that hold formulas. Balans writes
 * formulas (the live status cells, the summary's counts) where a cell was empty or Balans's own,
 * and a cell missing from the chain is simply added by Excel, so the chain normally stays valid
 * and is copied untouched. Only when a write takes away a formula that was there (a status cell
 * that held one and now holds a label, or an owned sheet rewritten without a formula it had) is
 * the chain dropped — its part, its relationship and its content type — and Excel rebuilds it on
 * the next calculation; a stale chain that names a cell without a formula is what Excel "repairs".
 *
 * Balans's earlier conditional-formatting rules on a status column are found by what they test
 * (cell value equals one of Balans's labels) inside a `<conditionalFormatting>` that covers only
 * that column below its header, and replaced where they were — not by their `dxfId`, which Excel
 * renumbers when it saves.
 *
 * This file holds the order of the steps; each step is a module:
 * - packageParts.ts: the part bookkeeping (parsed, changed, whole, streamed, added and removed
 *   parts; content-type overrides; the workbook's sheets; the style book) and the writing;
 * - patchStatusColumns.ts: the status and dates columns, and the tables they join;
 * - patchOwnedSheets.ts: the summary sheet (drawing, charts) and the agenda sheet;
 * - patchNames.ts: the defined names (the ownership record, print titles);
 * - patchCheckRecord.ts: the since-last-check record's custom XML part;
 * - patchTemplateSheet.ts: Infoga mall's new sheet with its table parts (the preview).
 */
import type { Plan, StatusColumnPlan } from "../../domain/types";
import { openPackage, type InflateRaw } from "./openPackage";
import { PackageParts } from "./packageParts";
import { storeCheckRecord } from "./patchCheckRecord";
import { patchNames } from "./patchNames";
import { writeAgenda, writeSummary } from "./patchOwnedSheets";
import { patchStatusColumns, type SheetPatching } from "./patchStatusColumns";
import { addTemplateSheet } from "./patchTemplateSheet";
import { REL_CALC_CHAIN, relationshipsOf, removeRelationships } from "./patchXml";
import type { Deflater } from "./writePackage";

export { CHECK_RECORD_ITEM_ID } from "./patchCheckRecord";
export { DATES_COLUMN_WIDTH, type SheetPatching } from "./patchStatusColumns";

export interface PatchOptions {
  sheets?: SheetPatching;
  /** The inflater for the parts Balans reads (default: fflate; the command line gives Node's zlib). */
  inflateRaw?: InflateRaw;
  /** The compressor for the parts Balans writes (default: fflate; the command line gives Node's zlib). */
  deflater?: () => Deflater;
}

/** Applies `plan` to the package `input`; returns the new package. Throws {@link PackageError}. */
export function patchPackage(input: Uint8Array, plan: Plan, options: PatchOptions = {}): Uint8Array {
  const pkg = openPackage(input, options.inflateRaw === undefined ? {} : { inflateRaw: options.inflateRaw });
  const parts = new PackageParts(pkg, options.deflater === undefined ? {} : { deflater: options.deflater });
  return apply(parts, plan, options.sheets ?? "stream");
}

/** The steps, in order; then the package is written. */
function apply(parts: PackageParts, plan: Plan, sheetPatching: SheetPatching): Uint8Array {
  const bySheet = new Map<string, StatusColumnPlan[]>();
  for (const c of plan.statusColumns) bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), c]);
  for (const [sheet, columns] of bySheet) patchStatusColumns(parts, sheet, columns, sheetPatching);
  if (plan.summary !== null) writeSummary(parts, plan.summary);
  if (plan.agendaSheet !== undefined) writeAgenda(parts, plan.agendaSheet);
  if (plan.templateSheet !== undefined) addTemplateSheet(parts, plan.templateSheet);
  patchNames(parts, plan.names ?? [], plan.removeNames ?? []);
  if (typeof plan.checkRecord === "string") storeCheckRecord(parts, plan.checkRecord);
  if (parts.dropCalcChain) removeCalcChain(parts);
  parts.touchStylesIfChanged();
  parts.removeOverrides();
  return parts.write();
}

/** Drops the calculation chain: its part, its relationship and (at the end) its content type. */
function removeCalcChain(parts: PackageParts): void {
  const relsDoc = parts.doc(parts.workbookRels);
  const rels = relationshipsOf(relsDoc).filter((r) => r.type === REL_CALC_CHAIN);
  if (rels.length === 0) return;
  for (const r of rels) parts.remove(parts.pkg.resolveTarget(parts.workbookPart, r.target));
  removeRelationships(relsDoc, new Set(rels.map((r) => r.id)));
  parts.touch(parts.workbookRels);
}
