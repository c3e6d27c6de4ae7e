/**
 * The file adapter's writing side: applies the engine's {@link Plan} to an ExcelJS workbook,
 * writes a {@link WorkbookTemplate} as a new workbook with real Excel tables, and saves.
 *
 * Balans owns exactly two things in a workbook: the status column beside a balance list or an
 * agreements table (its header and data cells), and the summary sheet. Nothing else is written.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Plan, Rgb, StatusCell, StatusColumnPlan, SummarySheetPlan } from "../domain/types";
import type { TemplateTable, WorkbookTemplate } from "../domain/template";
import { columnLetter } from "../domain/columnLetter";
import { escapeOoxmlText } from "./ooxmlText";
import { formatRange, parseAttributes, parseRange, tableModels, tableRange } from "./readXlsx";

/** Colour of link text (Excel's Hyperlink cell style). */
const LINK_COLOUR = "0563C1";
/** Table style of the tables {@link writeTemplate} creates. */
const TABLE_THEME = "TableStyleMedium2";

/** Apply a plan: status columns (added to their Excel table when new) and the summary sheet. */
export function applyPlanToWorkbook(wb: ExcelJS.Workbook, plan: Plan): void {
  for (const column of plan.statusColumns) applyStatusColumn(wb, column);
  if (plan.summary !== null) applySummarySheet(wb, plan.summary);
}

function worksheetOf(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (ws === undefined) throw new Error(`Bladet "${name}" finns inte i arbetsboken.`);
  return ws;
}

function argb(rgb: Rgb): string | null {
  return /^[0-9A-Fa-f]{6}$/.test(rgb) ? `FF${rgb.toUpperCase()}` : null;
}

function solidFill(rgb: Rgb): ExcelJS.Fill | null {
  const colour = argb(rgb);
  return colour === null ? null : { type: "pattern", pattern: "solid", fgColor: { argb: colour } };
}

/** The whole style of one owned status cell (a new object: ExcelJS shares loaded styles between cells). */
function statusStyle(cell: StatusCell): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (cell.label === "") return style;
  const fill = cell.fill === null ? null : solidFill(cell.fill);
  if (fill !== null) style.fill = fill;
  const font = cell.font === null ? null : argb(cell.font);
  if (font !== null) style.font = { color: { argb: font } };
  return style;
}

function applyStatusColumn(wb: ExcelJS.Workbook, plan: StatusColumnPlan): void {
  const ws = worksheetOf(wb, plan.sheet);
  let inTable = false;
  if (plan.table !== "") {
    const model = tableModels(ws).find((m) => m.name === plan.table);
    const range = model === undefined ? null : tableRange(model);
    if (model === undefined || range === null) {
      throw new Error(`Tabellen "${plan.table}" finns inte på bladet "${plan.sheet}".`);
    }
    const inside = plan.column >= range.left && plan.column <= range.right;
    if (inside && !plan.exists) {
      throw new Error(
        `Kolumn ${columnLetter(plan.column)} hör redan till tabellen "${plan.table}": Balans skriver inte över den.`,
      );
    }
    if (!plan.exists) assertFree(ws, plan);
    if (range.top === plan.headerRow && inside) {
      // Already a column of the table: keep the table's column name in step with its header cell.
      const column = model.columns[plan.column - range.left];
      if (column !== undefined) column.name = plan.header;
      inTable = true;
    } else if (!plan.exists && range.top === plan.headerRow && plan.column === range.right + 1) {
      // Widen the table by one column, so that Excel sees a real table column.
      model.columns.push({ name: plan.header, filterButton: model.autoFilterRef !== undefined });
      model.tableRef = formatRange({ ...range, right: range.right + 1 });
      const filter = model.autoFilterRef === undefined ? null : parseRange(model.autoFilterRef);
      if (filter !== null) model.autoFilterRef = formatRange({ ...filter, right: filter.right + 1 });
      inTable = true;
    }
  } else if (!plan.exists) {
    assertFree(ws, plan);
  }
  const header = ws.getCell(plan.headerRow, plan.column);
  header.value = plan.header;
  // In a table the table style formats the header; beside a plain range Balans makes it bold.
  header.style = inTable ? {} : { font: { bold: true } };
  for (const c of plan.cells) {
    const cell = ws.getCell(c.row, plan.column);
    cell.value = c.label === "" ? null : c.label;
    cell.style = statusStyle(c);
  }
}

/** A new status column may only go where every cell is empty: never over the user's data. */
function assertFree(ws: ExcelJS.Worksheet, plan: StatusColumnPlan): void {
  const rows = [plan.headerRow, ...plan.cells.map((c) => c.row)];
  for (const row of rows) {
    const value = ws.findCell(row, plan.column)?.value;
    if (value !== null && value !== undefined && value !== "") {
      throw new Error(
        `Cell ${columnLetter(plan.column)}${row} på bladet "${plan.sheet}" är inte tom: Balans skriver inte över den.`,
      );
    }
  }
}

/** Hyperlink target for a place in this workbook; the sheet name is always quoted. */
export function internalLink(sheet: string, address: string): string {
  return `#'${sheet.replace(/'/g, "''")}'!${address}`;
}

/**
 * Replace the summary sheet: the sheet with exactly the plan's name (and no other) is removed
 * and written again as the last sheet. ExcelJS cannot draw charts, so `plan.chart` is not drawn.
 */
function applySummarySheet(wb: ExcelJS.Workbook, plan: SummarySheetPlan): void {
  const old = wb.getWorksheet(plan.name);
  if (old !== undefined && old.name === plan.name) wb.removeWorksheet(old.id);
  const clash = wb.worksheets.find((ws) => ws.name.toLocaleLowerCase("sv-SE") === plan.name.toLocaleLowerCase("sv-SE"));
  if (clash !== undefined) {
    throw new Error(`Bladet "${clash.name}" heter nästan som summeringsbladet "${plan.name}": byt namn på det först.`);
  }
  const ws = wb.addWorksheet(plan.name);
  plan.columnWidths.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  for (const c of plan.cells) {
    const cell = ws.getCell(c.row, c.col);
    if (c.link !== undefined) {
      cell.value = {
        text: c.value === null ? "" : String(c.value),
        hyperlink: internalLink(c.link.sheet, c.link.address),
      };
    } else {
      // Strings stay strings: ExcelJS writes a formula only for a { formula } value.
      cell.value = c.value;
    }
    const style: Partial<ExcelJS.Style> = {};
    if (c.numFmt !== undefined) style.numFmt = c.numFmt;
    const font: Partial<ExcelJS.Font> = {};
    if (c.bold === true) font.bold = true;
    if (c.link !== undefined) {
      font.color = { argb: `FF${LINK_COLOUR}` };
      font.underline = true;
    }
    if (Object.keys(font).length > 0) style.font = font;
    const fill = c.fill === undefined ? null : solidFill(c.fill);
    if (fill !== null) style.fill = fill;
    cell.style = style;
  }
}

// ---------------------------------------------------------------------------------------------
// Templates

/** A new workbook with the template's sheets and real Excel tables. */
export function writeTemplate(template: WorkbookTemplate): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const names = new Set<string>();
  for (const sheet of template.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    for (const table of sheet.tables) {
      let name = table.name;
      for (let n = 2; names.has(name.toLowerCase()); n++) name = `${table.name}${n}`;
      names.add(name.toLowerCase());
      addTemplateTable(ws, table, name);
    }
  }
  return wb;
}

function addTemplateTable(ws: ExcelJS.Worksheet, t: TemplateTable, name: string): void {
  const width = t.headers.length;
  if (t.title !== null && t.top > 1) {
    const title = ws.getCell(t.top - 1, t.left);
    title.value = t.title;
    title.style = { font: { bold: true, size: 13 } };
  }
  // Excel tables always have at least one data row.
  const rows = (t.rows.length > 0 ? t.rows : [[]]).map((r) => t.headers.map((_, i) => r[i] ?? null));
  ws.addTable({
    name,
    ref: `${columnLetter(t.left)}${t.top}`,
    headerRow: true,
    totalsRow: false,
    style: { theme: TABLE_THEME, showRowStripes: true },
    columns: t.headers.map((header) => ({ name: header, filterButton: true })),
    rows,
  });
  t.columnWidths.slice(0, width).forEach((w, i) => {
    ws.getColumn(t.left + i).width = w;
  });
  const firstRow = t.top + 1;
  const lastRow = t.top + rows.length;
  for (const { header, format } of t.numberFormats) {
    const i = t.headers.indexOf(header);
    if (i === -1) continue;
    for (let r = firstRow; r <= lastRow; r++) ws.getCell(r, t.left + i).numFmt = format;
  }
  for (const { header, values } of t.validations) {
    const i = t.headers.indexOf(header);
    if (i === -1 || values.length === 0) continue;
    const validation: ExcelJS.DataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [`"${values.join(",")}"`],
      showErrorMessage: true,
      errorStyle: "warning",
      errorTitle: header,
      error: `Välj något av: ${values.join(", ")}.`,
    };
    // ExcelJS joins equal validations of neighbouring cells into one range when it saves.
    for (let r = firstRow; r <= lastRow; r++) ws.getCell(r, t.left + i).dataValidation = { ...validation };
  }
}

// ---------------------------------------------------------------------------------------------
// Saving

/** The workbook as .xlsx bytes, with ExcelJS's table and link output repaired (see {@link repairPackage}). */
export async function saveXlsx(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  // ExcelJS writes text as it is: it drops characters XML cannot hold (BEL, a lone CR …) and
  // does not protect text that looks like Excel's own escapes ("_x0041_"). Escape them the way
  // Excel does for the writing only, then put the workbook's values back.
  const restore = escapeTextForXml(wb);
  try {
    const written = await wb.xlsx.writeBuffer();
    return repairPackage(new Uint8Array(written as ArrayBuffer));
  } finally {
    restore();
  }
}

/** Escape every text cell in place; returns the function that restores the original values. */
function escapeTextForXml(wb: ExcelJS.Workbook): () => void {
  const undo: (() => void)[] = [];
  wb.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        if (typeof v === "string") {
          const escaped = escapeOoxmlText(v);
          if (escaped !== v) {
            cell.value = escaped;
            undo.push(() => (cell.value = v));
          }
        } else if (v && typeof v === "object" && "richText" in v && Array.isArray(v.richText)) {
          if (v.richText.some((r) => escapeOoxmlText(r.text) !== r.text)) {
            cell.value = { ...v, richText: v.richText.map((r) => ({ ...r, text: escapeOoxmlText(r.text) })) };
            undo.push(() => (cell.value = v));
          }
        } else if (v && typeof v === "object" && "hyperlink" in v && typeof v.text === "string") {
          const escaped = escapeOoxmlText(v.text);
          if (escaped !== v.text) {
            cell.value = { ...v, text: escaped };
            undo.push(() => (cell.value = v));
          }
        }
      });
    });
  });
  return () => undo.forEach((f) => f());
}

/** ExcelJS's rule for a link it writes with a `location` (hyperlink-xform.js). */
const EXCELJS_INTERNAL = /^[^!]+![a-zA-Z]+[\d]+$/;

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const leafTag = (name: string, attrs: Record<string, string>) =>
  `<${name}${Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join("")}/>`;

/**
 * Fix what ExcelJS 4.4 writes wrongly, in the saved package:
 * - a link to a place in the workbook gets an external relationship *and* a `location` starting
 *   with `#`, which Excel opens as a file name ("#'Blad'!A5##'Blad'!A5"); it becomes a plain
 *   `<hyperlink ref location>` as Excel writes it;
 * - a table without header row, or without filter, still gets an `<autoFilter>` element, which
 *   Excel "repairs" away on open; it is removed.
 * Returns the input unchanged when there is nothing to fix.
 */
export async function repairPackage(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  let changed = false;

  for (const file of zip.file(/^xl\/tables\/[^/]+\.xml$/)) {
    const xml = await file.async("string");
    const table = parseAttributes(/<table\b[^>]*>/.exec(xml)?.[0] ?? "");
    const filter = /<autoFilter\b[^>]*\/>|<autoFilter\b[^>]*>[\s\S]*?<\/autoFilter>/.exec(xml);
    if (filter === null) continue;
    const filterRef = parseAttributes(/<autoFilter\b[^>]*>/.exec(filter[0])?.[0] ?? "").ref;
    if (table.headerRowCount === "0" || filterRef === undefined) {
      zip.file(file.name, xml.slice(0, filter.index) + xml.slice(filter.index + filter[0].length));
      changed = true;
    }
  }

  for (const relsFile of zip.file(/^xl\/worksheets\/_rels\/[^/]+\.xml\.rels$/)) {
    const rels = await relsFile.async("string");
    const internal = new Map<string, string>();
    const keptRels = rels.replace(/<Relationship\b[^>]*\/>/g, (tag) => {
      const a = parseAttributes(tag);
      const isLink = a.Type !== undefined && a.Type.endsWith("/hyperlink");
      if (isLink && a.Id !== undefined && a.Target !== undefined) {
        if (a.Target.startsWith("#") || EXCELJS_INTERNAL.test(a.Target)) {
          internal.set(a.Id, a.Target);
          return "";
        }
      }
      return tag;
    });
    if (internal.size === 0) continue;
    const sheetPath = relsFile.name.replace(/_rels\/([^/]+)\.rels$/, "$1");
    const sheetFile = zip.file(sheetPath);
    if (sheetFile === null) continue;
    const xml = await sheetFile.async("string");
    const start = xml.lastIndexOf("<hyperlinks>");
    const end = start === -1 ? -1 : xml.indexOf("</hyperlinks>", start);
    if (end === -1) continue;
    const section = xml.slice(start, end).replace(/<hyperlink\b[^>]*\/>/g, (tag) => {
      const { "r:id": rid, ...rest } = parseAttributes(tag);
      const target = rid === undefined ? undefined : internal.get(rid);
      if (target === undefined) return tag;
      return leafTag("hyperlink", { ...rest, location: (rest.location ?? target).replace(/^#/, "") });
    });
    zip.file(sheetPath, xml.slice(0, start) + section + xml.slice(end));
    zip.file(relsFile.name, keptRels);
    changed = true;
  }

  return changed ? zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }) : bytes;
}
