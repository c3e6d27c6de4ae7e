/**
 * The owned sheets step of patchPackage.ts: the summary sheet (with its drawing and chart parts)
 * and the agenda sheet (with its print titles) are parts Balans writes whole — in place when the
 * sheet exists (what only it referred to removed first), or as a new sheet of the workbook.
 */
import { localise } from "../../domain/messages";
import type { AgendaSheetPlan, SummarySheetPlan } from "../../domain/types";
import { chartXml, drawingXml, type DrawingChart } from "./chartParts";
import { planError, WORKBOOK_ORDER, type PackageParts } from "./packageParts";
import { setLocalName } from "./patchNames";
import {
  addRelationship,
  child,
  children,
  createLike,
  CT_CHART,
  CT_DRAWING,
  CT_WORKSHEET,
  emptyRels,
  insertInOrder,
  NS_REL,
  parseDom,
  REL_CHART,
  REL_DRAWING,
  REL_WORKSHEET,
  relativeTarget,
  rootOf,
  serializeXml,
} from "./patchXml";
import { quoteSheet, writeAgendaSheet, writeSummarySheet, type OwnedSheetXml } from "./writeSummarySheet";

/** Where an owned sheet is written: its part, whether it is new, its sheet name. */
interface OwnedSheetTarget {
  part: string;
  isNew: boolean;
  sheet: string;
}

/** Writes the summary sheet, and its drawing and charts when it has any. */
export function writeSummary(parts: PackageParts, plan: SummarySheetPlan): void {
  const target = ownedSheetPart(parts, plan.existing, plan.name, "sin summering");
  const styles = parts.styleBook();
  const relsPart = parts.pkg.relsPartName(target.part);
  const written = writeSummarySheet(plan, styles, "rId1");
  putOwnedSheet(parts, target, written);
  if (written.charts.length > 0) {
    const drawing = parts.freeName("xl/drawings/drawing", ".xml");
    const sheetRels = emptyRels();
    addRelationship(sheetRels, REL_DRAWING, relativeTarget(target.part, drawing));
    parts.addWhole(relsPart, serializeXml(sheetRels));
    const drawingRels = emptyRels();
    const placed: DrawingChart[] = [];
    for (const c of written.charts) {
      const chart = parts.freeName("xl/charts/chart", ".xml");
      parts.addWhole(chart, chartXml(c.spec));
      parts.setOverride(chart, CT_CHART);
      placed.push({ anchor: c.anchor, chartRelId: addRelationship(drawingRels, REL_CHART, relativeTarget(drawing, chart)), title: c.spec.title });
    }
    parts.addWhole(drawing, drawingXml(placed));
    parts.addWhole(parts.pkg.relsPartName(drawing), serializeXml(drawingRels));
    parts.setOverride(drawing, CT_DRAWING);
  } else {
    parts.dropPart(relsPart);
  }
}

/** Writes the agenda sheet and its print titles. */
export function writeAgenda(parts: PackageParts, plan: AgendaSheetPlan): void {
  const target = ownedSheetPart(parts, plan.existing, plan.name, "mötesunderlaget");
  const written = writeAgendaSheet(plan, parts.styleBook());
  putOwnedSheet(parts, target, written);
  parts.dropPart(parts.pkg.relsPartName(target.part));
  // The header row printed on every page: the sheet-local name Excel uses for print titles.
  const index = parts.sheets().findIndex((s) => s.name === target.sheet);
  const row = Math.trunc(plan.print.repeatRow);
  if (index >= 0 && row >= 1) setLocalName(parts, "_xlnm.Print_Titles", index, `${quoteSheet(target.sheet)}!$${row}:$${row}`);
}

/**
 * The part of an owned sheet: the existing one (its related parts removed, since it is written
 * whole), or a new part name for a sheet `name` that does not exist yet.
 */
function ownedSheetPart(parts: PackageParts, existing: string | null | undefined, name: string, what: string): OwnedSheetTarget {
  if (typeof existing === "string") {
    const part = parts.sheetPart(existing);
    removeRelatedParts(parts, part);
    return { part, isNew: false, sheet: existing };
  }
  const lower = name.toLocaleLowerCase("sv-SE");
  const clash = parts.sheets().find((s) => s.name.toLocaleLowerCase("sv-SE") === lower);
  if (clash !== undefined) {
    throw planError(localise("package.sheet-not-ours", { sheet: clash.name, what }));
  }
  return { part: parts.freeName("xl/worksheets/sheet", ".xml"), isNew: true, sheet: name };
}

/** Writes an owned sheet's part: a new sheet is added to the workbook; an existing one is replaced in place. */
function putOwnedSheet(parts: PackageParts, target: OwnedSheetTarget, written: OwnedSheetXml): void {
  if (target.isNew) {
    parts.addWhole(target.part, written.sheetXml);
    parts.setOverride(target.part, CT_WORKSHEET);
    addSheetToWorkbook(parts, target.sheet, target.part);
    return;
  }
  const before = formulaCells(parts, target.part);
  const after = new Set(written.formulaCells);
  if (before.some((ref) => !after.has(ref))) parts.dropCalcChain = true;
  parts.addWhole(target.part, written.sheetXml);
}

/** The cells of an existing sheet part that hold a formula (the part is Balans's own, and small). */
function formulaCells(parts: PackageParts, part: string): string[] {
  const text = parts.pkg.text(part);
  if (!/<(?:\w+:)?f[\s>/]/u.test(text)) return [];
  const out: string[] = [];
  for (const row of children(rootOf(parseDom(text, part)), "sheetData").flatMap((d) => children(d, "row"))) {
    for (const c of children(row, "c")) if (child(c, "f") !== null) out.push(c.getAttribute("r") ?? "");
  }
  return out;
}

/** "xl/worksheets/_rels/sheet1.xml.rels" → "xl/worksheets/sheet1.xml"; "_rels/.rels" → "" (the package). */
function sourceOfRels(rels: string): string | null {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/u.exec(rels);
  return m === null ? null : `${m[1] ?? ""}${m[2] ?? ""}`;
}

/**
 * Removes what only an owned sheet refers to before it is written again: its drawing and chart
 * parts (with their own rels, styles and colours), printer settings, comments — every part
 * reachable through its relationships that no other part refers to. A part shared with another
 * sheet (an image used twice) stays. No orphan is left.
 */
function removeRelatedParts(parts: PackageParts, sheetPart: string): void {
  const { pkg } = parts;
  const reach = new Set<string>();
  const visit = (part: string) => {
    for (const rel of pkg.rels(part)) {
      if (rel.external || !pkg.has(rel.target)) continue;
      const target = parts.nameOf(rel.target);
      if (target === sheetPart || reach.has(target)) continue;
      reach.add(target);
      visit(target);
    }
  };
  visit(sheetPart);
  if (reach.size === 0) return;
  const usedElsewhere = new Set<string>();
  for (const entry of pkg.entries) {
    const source = sourceOfRels(entry.name);
    if (source === null || source === sheetPart || reach.has(source) || (source !== "" && !pkg.has(source))) continue;
    for (const rel of pkg.rels(source)) if (!rel.external) usedElsewhere.add(parts.nameOf(rel.target));
  }
  for (const part of reach) if (!usedElsewhere.has(part)) parts.remove(part);
}

/** Adds a `<sheet>` for the new part `part` to the workbook part, with its relationship. */
export function addSheetToWorkbook(parts: PackageParts, name: string, part: string): void {
  const root = rootOf(parts.doc(parts.workbookPart));
  const sheetsEl = child(root, "sheets") ?? insertInOrder(root, createLike(root, "sheets"), WORKBOOK_ORDER);
  const ids = children(sheetsEl, "sheet").map((s) => Number(s.getAttribute("sheetId")) || 0);
  const sheetId = Math.max(0, ...ids) + 1;
  const relId = addRelationship(parts.doc(parts.workbookRels), REL_WORKSHEET, relativeTarget(parts.workbookPart, part));
  const prefix = root.lookupPrefix(NS_REL) ?? "r";
  const el = createLike(sheetsEl, "sheet", { name, sheetId: String(sheetId) });
  el.setAttributeNS(NS_REL, `${prefix}:id`, relId);
  sheetsEl.appendChild(el);
  parts.touch(parts.workbookPart);
  parts.touch(parts.workbookRels);
}
