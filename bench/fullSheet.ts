/**
 * The scale case of issue 8: one sheet "Balanslista" whose header row is followed by
 * 1 048 575 balanslista rows — every row Excel has. Written as a stream (the sheet's XML is
 * about 250 MB before compression): a minimal .xlsx package by hand, parts deflated as they
 * are produced, no workbook model in memory. Repeated texts are shared strings, the unique
 * "Uppdrag n" texts inline strings. Cached under os.tmpdir() between runs.
 */
import { once } from "node:events";
import { createWriteStream, existsSync, mkdirSync, renameSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32, createDeflateRaw } from "node:zlib";
import { balanslistaRows } from "./synthetic";

export const FULL_SHEET_ROWS = 1_048_575;
const HEADERS = ["Prioriterat område", "Vad", "Uppdrag/aktivitet", "Ansvarig funktion/operativ gruppering", "Beredande forum", "Uppföljning"];
const COLUMNS = ["A", "B", "C", "D", "E", "F"];

const esc = (s: string) => s.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;").replace(/"/gu, "&quot;");

interface Entry {
  name: string;
  offset: number;
  crc: number;
  compressed: number;
  size: number;
}

/** A zip writer that streams each entry through deflate (sizes and CRC in a data descriptor). */
class ZipStream {
  private readonly out;
  private offset = 0;
  private readonly entries: Entry[] = [];
  constructor(path: string) {
    this.out = createWriteStream(path);
  }

  private async write(buf: Buffer): Promise<void> {
    this.offset += buf.length;
    if (!this.out.write(buf)) await once(this.out, "drain");
  }

  /** Writes one entry whose text comes from `produce` in pieces. */
  async entry(name: string, produce: (put: (text: string) => Promise<void>) => Promise<void>): Promise<void> {
    const nameBytes = Buffer.from(name, "utf8");
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed
    header.writeUInt16LE(0x0808, 6); // data descriptor follows; UTF-8 names
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(0, 10); // time
    header.writeUInt16LE(0x5821, 12); // date 2024-01-01
    header.writeUInt16LE(nameBytes.length, 26);
    const entry: Entry = { name, offset: this.offset, crc: 0, compressed: 0, size: 0 };
    await this.write(header);
    await this.write(nameBytes);

    const deflate = createDeflateRaw({ level: 6 });
    const pending: Promise<void>[] = [];
    deflate.on("data", (chunk: Buffer) => {
      entry.compressed += chunk.length;
      pending.push(this.write(chunk));
    });
    const ended = once(deflate, "end");
    await produce(async (text) => {
      const buf = Buffer.from(text, "utf8");
      entry.crc = crc32(buf, entry.crc);
      entry.size += buf.length;
      if (!deflate.write(buf)) await once(deflate, "drain");
      await Promise.all(pending.splice(0));
    });
    deflate.end();
    await ended;
    await Promise.all(pending.splice(0));
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(entry.crc >>> 0, 4);
    descriptor.writeUInt32LE(entry.compressed, 8);
    descriptor.writeUInt32LE(entry.size, 12);
    await this.write(descriptor);
    this.entries.push(entry);
  }

  async close(): Promise<void> {
    const start = this.offset;
    for (const e of this.entries) {
      const name = Buffer.from(e.name, "utf8");
      const c = Buffer.alloc(46);
      c.writeUInt32LE(0x02014b50, 0);
      c.writeUInt16LE(20, 4);
      c.writeUInt16LE(20, 6);
      c.writeUInt16LE(0x0808, 8);
      c.writeUInt16LE(8, 10);
      c.writeUInt16LE(0, 12);
      c.writeUInt16LE(0x5821, 14);
      c.writeUInt32LE(e.crc >>> 0, 16);
      c.writeUInt32LE(e.compressed, 20);
      c.writeUInt32LE(e.size, 24);
      c.writeUInt16LE(name.length, 28);
      c.writeUInt32LE(e.offset, 42);
      await this.write(c);
      await this.write(name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.write(end);
    this.out.end();
    await once(this.out, "finish");
  }
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Writes the full-sheet workbook to `path` (`rows` data rows under the header). */
export async function writeFullSheet(path: string, rows = FULL_SHEET_ROWS): Promise<void> {
  const zip = new ZipStream(path);
  const put = (text: string) => async (p: (t: string) => Promise<void>) => p(text);
  await zip.entry(
    "[Content_Types].xml",
    put(
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        "</Types>",
    ),
  );
  await zip.entry(
    "_rels/.rels",
    put(`${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
  );
  await zip.entry(
    "xl/workbook.xml",
    put(`${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Balanslista" sheetId="1" r:id="rId1"/></sheets></workbook>`),
  );
  await zip.entry(
    "xl/_rels/workbook.xml.rels",
    put(
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
        `<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ),
  );
  await zip.entry(
    "xl/styles.xml",
    put(
      `${XML}<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
    ),
  );

  // Shared strings: the headers and the texts that repeat in every row (one sample cycle).
  const cycle = balanslistaRows(5);
  const strings: string[] = [...HEADERS];
  const index = new Map<string, number>(strings.map((s, i) => [s, i]));
  const sst = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  const shared = cycle.map((row) => row.map((v, c) => (c === 1 ? -1 : sst(String(v)))));

  await zip.entry("xl/worksheets/sheet1.xml", async (p) => {
    await p(`${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A1:F${rows + 1}"/><sheetData>`);
    await p(`<row r="1">${HEADERS.map((h, c) => `<c r="${COLUMNS[c]}1" t="s"><v>${sst(h)}</v></c>`).join("")}</row>`);
    let chunk = "";
    for (let i = 0; i < rows; i++) {
      const r = i + 2;
      const ids = shared[i % shared.length] ?? [];
      let row = `<row r="${r}">`;
      for (let c = 0; c < 6; c++) {
        row += c === 1 ? `<c r="B${r}" t="inlineStr"><is><t>Uppdrag ${i}</t></is></c>` : `<c r="${COLUMNS[c]}${r}" t="s"><v>${ids[c]}</v></c>`;
      }
      chunk += `${row}</row>`;
      if (chunk.length > 1 << 20) {
        await p(chunk);
        chunk = "";
      }
    }
    await p(`${chunk}</sheetData></worksheet>`);
  });
  await zip.entry(
    "xl/sharedStrings.xml",
    put(`${XML}<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join("")}</sst>`),
  );
  await zip.close();
}

/** The cached full-sheet file (made once per machine; about a minute). */
export async function fullSheetFile(): Promise<{ path: string; made: boolean }> {
  const dir = join(tmpdir(), "balans-bench-cache");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `full-sheet-${FULL_SHEET_ROWS}-v1.xlsx`);
  if (existsSync(path)) return { path, made: false };
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFullSheet(tmp);
  renameSync(tmp, path);
  return { path, made: true };
}
