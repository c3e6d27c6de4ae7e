/**
 * The file adapter's writer of NEW workbooks: a {@link WorkbookTemplate} as a workbook of its own
 * with real Excel tables (the sample for `balans sample` and the preview), saved with ExcelJS. A
 * user's workbook is never written here: `apply`, the preview's Infoga mall and its download
 * patch the package (src/file/ooxml/patchPackage.ts), so that nothing Balans does not own changes.
 */
import { escapeXml } from "../domain/xmlEscape";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { templateBodyRows, type TemplateTable, type WorkbookTemplate } from "../domain/template";
import { columnLetter } from "../domain/columnLetter";
import { escapeOoxmlText } from "./ooxmlText";
import { parseAttributes } from "./readXlsx";

/** Table style of the tables {@link writeTemplate} creates. */
const TABLE_THEME = "TableStyleMedium2";

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
  const rows = templateBodyRows(t);
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
