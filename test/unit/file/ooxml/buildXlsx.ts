/**
 * Tiny .xlsx packages built in the test, part by part, with fflate: so each case says exactly
 * which XML the reader gets.
 */
import { strToU8, Zip, ZipDeflate, ZipPassThrough, zipSync } from "fflate";

export const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

export interface SheetSpec {
  name: string;
  /** The worksheet XML's content inside `<worksheet>` (e.g. `<sheetData>…</sheetData>`). */
  body?: string;
  state?: "hidden" | "veryHidden";
  kind?: "worksheet" | "chartsheet";
  /** Table parts: the whole `<table …>` XML each. */
  tables?: string[];
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  /** `<si>` items (whole XML of each), or the whole sst XML as a string. */
  sharedStrings?: string[] | string;
  /** `<numFmts>` and `<cellXfs>` XML inside `<styleSheet>`. */
  styles?: string;
  /** Extra XML inside `<workbook>` before `<sheets>` (workbookPr, workbookProtection). */
  workbookHead?: string;
  /** Extra XML inside `<workbook>` after `<sheets>` (definedNames). */
  workbookTail?: string;
  /** Replace or add parts (text or bytes). */
  parts?: Record<string, string | Uint8Array>;
}

/** The parts of a workbook as a name → content map, in zip order. */
export function workbookParts(spec: WorkbookSpec): Record<string, string | Uint8Array> {
  const parts: Record<string, string | Uint8Array> = {};
  const overrides: string[] = [];
  const wbRels: string[] = [];
  const sheetTags: string[] = [];
  let tableNo = 0;
  spec.sheets.forEach((s, i) => {
    const n = i + 1;
    const kind = s.kind ?? "worksheet";
    const folder = kind === "worksheet" ? "worksheets" : "chartsheets";
    const part = `xl/${folder}/sheet${n}.xml`;
    wbRels.push(`<Relationship Id="rId${n}" Type="${REL}/${kind}" Target="${folder}/sheet${n}.xml"/>`);
    sheetTags.push(`<sheet name="${s.name}" sheetId="${n}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${n}"/>`);
    const sheetRels: string[] = [];
    const tableParts: string[] = [];
    for (const t of s.tables ?? []) {
      tableNo++;
      parts[`xl/tables/table${tableNo}.xml`] = t;
      sheetRels.push(`<Relationship Id="rIdT${tableNo}" Type="${REL}/table" Target="../tables/table${tableNo}.xml"/>`);
      tableParts.push(`<tablePart r:id="rIdT${tableNo}"/>`);
    }
    const tp = tableParts.length ? `<tableParts count="${tableParts.length}">${tableParts.join("")}</tableParts>` : "";
    parts[part] =
      kind === "worksheet"
        ? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${s.body ?? "<sheetData/>"}${tp}</worksheet>`
        : `<?xml version="1.0" encoding="UTF-8"?><chartsheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews/></chartsheet>`;
    if (sheetRels.length) parts[`xl/${folder}/_rels/sheet${n}.xml.rels`] = `<Relationships xmlns="${PKG_REL}">${sheetRels.join("")}</Relationships>`;
    overrides.push(`<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.${kind}+xml"/>`);
  });
  if (spec.sharedStrings !== undefined) {
    parts["xl/sharedStrings.xml"] =
      typeof spec.sharedStrings === "string"
        ? spec.sharedStrings
        : `<sst xmlns="${MAIN}" count="${spec.sharedStrings.length}" uniqueCount="${spec.sharedStrings.length}">${spec.sharedStrings.join("")}</sst>`;
    wbRels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  }
  if (spec.styles !== undefined) {
    parts["xl/styles.xml"] = `<styleSheet xmlns="${MAIN}">${spec.styles}</styleSheet>`;
    wbRels.push(`<Relationship Id="rIdY" Type="${REL}/styles" Target="styles.xml"/>`);
  }
  parts["xl/workbook.xml"] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}">${spec.workbookHead ?? ""}<sheets>${sheetTags.join("")}</sheets>${spec.workbookTail ?? ""}</workbook>`;
  parts["xl/_rels/workbook.xml.rels"] = `<Relationships xmlns="${PKG_REL}">${wbRels.join("")}</Relationships>`;
  parts["_rels/.rels"] = `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  parts["[Content_Types].xml"] =
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join("")}</Types>`;
  return { ...parts, ...(spec.parts ?? {}) };
}

const bytesOf = (v: string | Uint8Array): Uint8Array => (typeof v === "string" ? strToU8(v) : v);

export function buildXlsx(spec: WorkbookSpec): Uint8Array {
  return zipParts(workbookParts(spec));
}

export function zipParts(parts: Record<string, string | Uint8Array>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, bytesOf(v)])));
}

/** A zip with entries exactly as given (duplicates and any names allowed). */
export function rawZip(entries: [string, string | Uint8Array][], deflate = true): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  });
  for (const [name, content] of entries) {
    const file = deflate ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
    zip.add(file);
    file.push(bytesOf(content), true);
  }
  zip.end();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Set the declared uncompressed size of entry `name` in the central directory (a lying zip). */
export function patchDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const nameBytes = strToU8(name);
  for (let at = 0; at + 46 < out.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const len = view.getUint16(at + 28, true);
    const stored = out.subarray(at + 46, at + 46 + len);
    if (len === nameBytes.length && stored.every((b, i) => b === nameBytes[i])) {
      view.setUint32(at + 24, size, true);
      return out;
    }
  }
  throw new Error(`no central directory record for ${name}`);
}
