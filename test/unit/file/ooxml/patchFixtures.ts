/**
 * Test inputs for the package patcher: a real workbook with a sheet "Balanslista" added as the
 * user would add it in Excel (a new sheet holding an Excel table A1:F5), built by editing the
 * package — never through ExcelJS, which would damage the real file.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DOMParser, type Element } from "@xmldom/xmldom";
import { openPackage } from "../../../../src/file/ooxml/openPackage";
import {
  addRelationship,
  child,
  children,
  createLike,
  CT_WORKSHEET,
  emptyRels,
  NS_MAIN,
  NS_REL,
  parseDom,
  REL_TABLE,
  REL_WORKSHEET,
  relativeTarget,
  rootOf,
  serializeXml,
} from "../../../../src/file/ooxml/patchXml";
import { writePackage, type PackageItem } from "../../../../src/file/ooxml/writePackage";

export const FIXTURES = join(__dirname, "../../../fixtures/excel-files");

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
}

export const HEADERS = [
  "Prioriterat område",
  "Vad",
  "Uppdrag/aktivitet",
  "Ansvarig funktion/operativ gruppering",
  "Beredande forum",
  "Uppföljning",
];

/** Four data rows: overdue, planned, no date, and one whose text looks like a formula. */
export const ROWS = [
  ["1. Psykisk hälsa", "Handlingsplan suicidprevention", "Ta fram plan", "Kommunförbundet", "SVOM", "SVOM 3/6 2024 – beslut om remiss"],
  ["2. Barn och unga", "Barnahus", "Utvärdera", "Region JH", "Chefsgruppen", "Klart 31/12 2030"],
  ["3. Äldre", "Hemsjukvård", "Nytt avtal", "Östersunds kommun", "SVOM", "Ingen tid satt"],
  ["4. Missbruk", "=SUMMA(A1)", "+46 70", "@x", "-x", "vår 2024"],
];

const CT_TABLE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";

function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function col(i: number): string {
  return String.fromCharCode(65 + i);
}

/** The workbook with a sheet "Balanslista" (an Excel table "Balanslista" in A1:F5) added last. */
export function withBalanslista(input: Uint8Array, sheetName = "Balanslista"): Uint8Array {
  const pkg = openPackage(input);
  const wbPart = pkg.workbookPart();
  const wbRelsPart = pkg.relsPartName(wbPart);
  const free = (prefix: string) => {
    for (let n = 1; ; n++) if (!pkg.has(`${prefix}${n}.xml`)) return `${prefix}${n}.xml`;
  };
  const sheetPart = free("xl/worksheets/sheet");
  const tablePart = free("xl/tables/table");
  const rows = [HEADERS, ...ROWS]
    .map((r, i) => `<row r="${i + 1}" spans="1:6">${r.map((v, j) => `<c r="${col(j)}${i + 1}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`).join("")}</row>`)
    .join("");
  const sheetXml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<dimension ref="A1:F5"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    `<sheetData>${rows}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`;
  const tableXml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<table xmlns="${NS_MAIN}" id="9001" name="Balanslista" displayName="Balanslista" ref="A1:F5" totalsRowShown="0">` +
    `<autoFilter ref="A1:F5"/><tableColumns count="6">${HEADERS.map((h, i) => `<tableColumn id="${i + 1}" name="${esc(h)}"/>`).join("")}</tableColumns>` +
    `<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
  const sheetRels = emptyRels();
  addRelationship(sheetRels, REL_TABLE, relativeTarget(sheetPart, tablePart));

  const wb = parseDom(pkg.text(wbPart), wbPart);
  const wbRels = parseDom(pkg.text(wbRelsPart), wbRelsPart);
  const relId = addRelationship(wbRels, REL_WORKSHEET, relativeTarget(wbPart, sheetPart));
  const sheets = child(rootOf(wb), "sheets");
  if (sheets === null) throw new Error("no sheets");
  const sheetId = Math.max(0, ...children(sheets, "sheet").map((s) => Number(s.getAttribute("sheetId")))) + 1;
  const el = createLike(sheets, "sheet", { name: sheetName, sheetId: String(sheetId) });
  el.setAttributeNS(NS_REL, `${rootOf(wb).lookupPrefix(NS_REL) ?? "r"}:id`, relId);
  sheets.appendChild(el);
  const types = parseDom(pkg.text("[Content_Types].xml"), "[Content_Types].xml");
  for (const [part, type] of [[sheetPart, CT_WORKSHEET], [tablePart, CT_TABLE]] as const) {
    rootOf(types).appendChild(createLike(rootOf(types), "Override", { PartName: `/${part}`, ContentType: type }));
  }
  const enc = new TextEncoder();
  const changed = new Map<string, string>([
    [wbPart, serializeXml(wb)],
    [wbRelsPart, serializeXml(wbRels)],
    ["[Content_Types].xml", serializeXml(types)],
  ]);
  const items: PackageItem[] = pkg.entries.map((entry) => {
    const text = changed.get(entry.name);
    return text === undefined ? { kind: "copy", entry } : { kind: "data", name: entry.name, data: enc.encode(text), time: entry.time, date: entry.date };
  });
  const stamp = { time: 0, date: 0x21 };
  items.push({ kind: "data", name: sheetPart, data: enc.encode(sheetXml), ...stamp });
  items.push({ kind: "data", name: pkg.relsPartName(sheetPart), data: enc.encode(serializeXml(sheetRels)), ...stamp });
  items.push({ kind: "data", name: tablePart, data: enc.encode(tableXml), ...stamp });
  return writePackage(items);
}

/** The first worksheet's part (in the workbook's sheet order) and its name. */
export function firstWorksheet(input: Uint8Array): { part: string; name: string } {
  const pkg = openPackage(input);
  const wbPart = pkg.workbookPart();
  const wb = parseDom(pkg.text(wbPart), wbPart);
  const sheets = child(rootOf(wb), "sheets");
  for (const s of sheets === null ? [] : children(sheets, "sheet")) {
    const id = Array.from(s.attributes).find((a) => a.localName === "id" && a.namespaceURI === NS_REL)?.value;
    const rel = pkg.rels(wbPart).find((r) => r.id === id);
    if (rel !== undefined && rel.type === REL_WORKSHEET && pkg.has(rel.target)) return { part: rel.target, name: s.getAttribute("name") ?? "" };
  }
  throw new Error("no worksheet");
}

/**
 * The workbook with the balanslista rows (a plain range, header and four rows in A:F) added to
 * its first worksheet, two rows below the last row that sheet has — as a user would type them
 * into a sheet that already holds other things (in the first gap of seven free rows, so below
 * the sheet's data unless that reaches the last row of the grid). Only that sheet's part
 * changes; its own rows, cells and everything around `<sheetData>` stay as Excel wrote them.
 * Returns the header row too.
 */
export function withBalanslistaInFirstSheet(input: Uint8Array): { bytes: Uint8Array; sheet: string; part: string; headerRow: number } {
  const pkg = openPackage(input);
  const { part, name } = firstWorksheet(input);
  const doc = parseDom(pkg.text(part), part);
  const data = child(rootOf(doc), "sheetData");
  if (data === null) throw new Error(`no sheetData in ${part}`);
  const existing = children(data, "row");
  const taken = new Set(existing.map((r) => Number(r.getAttribute("r")) || 0));
  let headerRow = 2;
  while ([-1, 0, 1, 2, 3, 4, 5].some((d) => taken.has(headerRow + d))) headerRow++;
  const after = existing.find((r) => (Number(r.getAttribute("r")) || 0) > headerRow) ?? null;
  [HEADERS, ...ROWS].forEach((values, i) => {
    const r = headerRow + i;
    const row = createLike(data, "row", { r: String(r) });
    values.forEach((v, j) => {
      const c = createLike(data, "c", { r: `${col(j)}${r}`, t: "inlineStr" });
      const is = createLike(data, "is");
      const t = createLike(data, "t");
      t.appendChild(doc.createTextNode(v));
      is.appendChild(t);
      c.appendChild(is);
      row.appendChild(c);
    });
    data.insertBefore(row, after);
  });
  const enc = new TextEncoder();
  const items: PackageItem[] = pkg.entries.map((entry) =>
    entry.name === part ? { kind: "data", name: part, data: enc.encode(serializeXml(doc)), time: entry.time, date: entry.date } : { kind: "copy", entry },
  );
  return { bytes: writePackage(items), sheet: name, part, headerRow };
}

/** Attributes Balans may change on an element it widens or counts. */
const CHANGEABLE: Record<string, string[]> = { dimension: ["ref"], table: ["ref"], autoFilter: ["ref"] };

/** Every element as "path|attributes|own text", so that each original one can be found in the output. */
export function signatures(xml: string): string[] {
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  const out: string[] = [];
  const walk = (el: Element, path: string) => {
    const here = `${path}/${el.nodeName}`;
    const skip = new Set(["count", ...(CHANGEABLE[el.localName ?? ""] ?? [])]);
    const attrs = Array.from(el.attributes)
      .filter((a) => !skip.has(a.name))
      .map((a) => `${a.name}=${a.value}`)
      .sort()
      .join(" ");
    let text = "";
    for (let n = el.firstChild; n !== null; n = n.nextSibling) if (n.nodeType === 3) text += n.nodeValue ?? "";
    out.push(`${here}|${attrs}|${text}`);
    for (let n = el.firstChild; n !== null; n = n.nextSibling) if (n.nodeType === 1) walk(n as Element, here);
  };
  if (doc.documentElement !== null) walk(doc.documentElement, "");
  return out;
}

export function missingFrom(before: string[], after: string[]): string[] {
  const left = new Map<string, number>();
  for (const s of after) left.set(s, (left.get(s) ?? 0) + 1);
  const missing: string[] = [];
  for (const s of before) {
    const n = left.get(s) ?? 0;
    if (n === 0) missing.push(s);
    else left.set(s, n - 1);
  }
  return missing;
}
