import { strToU8, zipSync } from "fflate";
import { nativeInflateRaw } from "../../../../src/cli/nativeInflate";
import { InflateLimitError, LIMITS, openPackage } from "../../../../src/file/ooxml/openPackage";
import { PackageError, type PackageErrorCode } from "../../../../src/file/ooxml/packageError";
import { readWorkbookData } from "../../../../src/file/ooxml/readWorkbookData";
import { buildXlsx, MAIN, patchDeclaredSize, rawZip, workbookParts, zipParts } from "./buildXlsx";

/** The PackageError code `read` throws (fails when it throws something else or nothing). */
function codeOf(read: () => unknown): PackageErrorCode {
  try {
    read();
  } catch (e) {
    if (e instanceof PackageError) {
      // Swedish first, English beside it: both are there and differ.
      expect(e.message.length).toBeGreaterThan(20);
      expect(e.messageEn.length).toBeGreaterThan(10);
      expect(e.message).not.toBe(e.messageEn);
      return e.code;
    }
    throw e;
  }
  throw new Error("no error");
}

/** CRC-32 of the four bytes "<a/>" (zlib.crc32). */
const CRC_OF_A = 0x01d11cd4;

const simple = { sheets: [{ name: "Blad1", body: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>' }] };

describe("openPackage", () => {
  const pkg = openPackage(buildXlsx(simple));

  it("lists entries in zip order and finds parts case-insensitively, with or without a leading slash", () => {
    expect(pkg.entryNames()).toEqual(Object.keys(workbookParts(simple)));
    expect(pkg.has("XL/Workbook.xml")).toBe(true);
    expect(pkg.has("/xl/workbook.xml")).toBe(true);
    expect(pkg.has("xl/nothing.xml")).toBe(false);
  });

  it("finds the workbook part through _rels/.rels and resolves relationship targets to part names", () => {
    expect(pkg.workbookPart()).toBe("xl/workbook.xml");
    expect(pkg.rels("xl/workbook.xml").map((r) => [r.id, r.target])).toEqual([["rId1", "xl/worksheets/sheet1.xml"]]);
    expect(pkg.resolveTarget("xl/worksheets/sheet1.xml", "../tables/table1.xml")).toBe("xl/tables/table1.xml");
    expect(pkg.resolveTarget("xl/worksheets/sheet1.xml", "/xl/media/image%201.png")).toBe("xl/media/image 1.png");
    expect(pkg.relsPartName("xl/workbook.xml")).toBe("xl/_rels/workbook.xml.rels");
  });

  it("looks up content types (Override first, else Default by extension)", () => {
    expect(pkg.contentType("/xl/workbook.xml")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
    expect(pkg.contentType("xl/_rels/workbook.xml.rels")).toBe("application/vnd.openxmlformats-package.relationships+xml");
    expect(pkg.contentType("xl/other.bin")).toBeUndefined();
  });

  it("gives each entry's raw compressed bytes, method, CRC and sizes for a byte-for-byte copy", () => {
    const stored = openPackage(rawZip([["a.xml", "<a/>"]], false));
    const e = stored.entry("a.xml");
    expect(e?.method).toBe(0);
    expect(e?.crc32).toBe(CRC_OF_A);
    expect(e?.compressedSize).toBe(4);
    expect(e?.uncompressedSize).toBe(4);
    expect(Array.from(e?.raw() ?? [])).toEqual(Array.from(strToU8("<a/>")));
    const deflated = pkg.entry("xl/workbook.xml");
    expect(deflated?.method).toBe(8);
    expect(deflated?.raw().length).toBe(deflated?.compressedSize);
    expect(pkg.text("xl/workbook.xml")).toContain("<sheets>");
  });
});

describe("openPackage refuses hostile packages with a Swedish message", () => {
  it("not a zip", () => {
    expect(codeOf(() => openPackage(strToU8("År;Område;Summa\n2024;1;100\n")))).toBe("not-zip");
    expect(codeOf(() => openPackage(new Uint8Array(0)))).toBe("not-zip");
  });

  it("an encrypted workbook or an old .xls (an OLE compound file)", () => {
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(codeOf(() => openPackage(ole))).toBe("encrypted-or-xls");
  });

  it("entry names with .., absolute paths, drive letters or backslashes", () => {
    for (const name of ["../evil.xml", "xl/../../evil.xml", "/etc/passwd", "C:/evil.xml", "xl\\evil.xml"]) {
      expect(codeOf(() => openPackage(rawZip([["[Content_Types].xml", "<Types/>"], [name, "<x/>"]])))).toBe("unsafe-name");
    }
  });

  it("duplicate entries, also when they differ only in case", () => {
    expect(codeOf(() => openPackage(rawZip([["xl/workbook.xml", "<a/>"], ["xl/workbook.xml", "<b/>"]])))).toBe("duplicate-entry");
    expect(codeOf(() => openPackage(rawZip([["xl/workbook.xml", "<a/>"], ["XL/Workbook.xml", "<b/>"]])))).toBe("duplicate-entry");
  });

  it("a part declared larger than the limit, before inflating anything", () => {
    const zip = patchDeclaredSize(buildXlsx(simple), "xl/worksheets/sheet1.xml", LIMITS.partBytes + 1);
    expect(codeOf(() => openPackage(zip))).toBe("too-large");
  });

  it("all parts together declared larger than the limit", () => {
    let zip = buildXlsx(simple);
    zip = patchDeclaredSize(zip, "xl/worksheets/sheet1.xml", LIMITS.partBytes - 1);
    zip = patchDeclaredSize(zip, "xl/workbook.xml", LIMITS.totalBytes - LIMITS.partBytes + 10);
    expect(codeOf(() => openPackage(zip))).toBe("too-large");
  });

  it("a zip bomb that declares a small size: inflating stops at the declared size", () => {
    // 64 MB of spaces inside the sheet, declared as 1 000 bytes.
    const body = `<worksheet xmlns="${MAIN}"><sheetData>${" ".repeat(64 * 1024 * 1024)}</sheetData></worksheet>`;
    const parts = workbookParts(simple);
    parts["xl/worksheets/sheet1.xml"] = body;
    const zip = patchDeclaredSize(zipParts(parts), "xl/worksheets/sheet1.xml", 1000);
    expect(zip.length).toBeLessThan(1024 * 1024);
    expect(codeOf(() => readWorkbookData(zip))).toBe("too-large");
  });

  it("a DOCTYPE or entity declaration (billion laughs) in any part read", () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>' +
      `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>`;
    const inSheet = workbookParts(simple);
    inSheet["xl/worksheets/sheet1.xml"] = laughs;
    expect(codeOf(() => readWorkbookData(zipParts(inSheet)))).toBe("doctype");
    const inWorkbook = workbookParts(simple);
    inWorkbook["xl/workbook.xml"] = `<!DOCTYPE workbook SYSTEM "file:///etc/passwd">${inWorkbook["xl/workbook.xml"] as string}`.replace(/<\?xml[^>]*\?>\n?/, "");
    expect(codeOf(() => readWorkbookData(zipParts(inWorkbook)))).toBe("doctype");
    const inRels = workbookParts(simple);
    inRels["_rels/.rels"] = `<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>${inRels["_rels/.rels"] as string}`;
    expect(codeOf(() => readWorkbookData(zipParts(inRels)))).toBe("doctype");
    expect(codeOf(() => openPackage(zipParts(inSheet)).text("xl/worksheets/sheet1.xml"))).toBe("doctype");
  });

  it("a package without a workbook (e.g. a .docx)", () => {
    const docx = zipSync({
      "_rels/.rels": strToU8(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
      "word/document.xml": strToU8("<w:document/>"),
    });
    expect(codeOf(() => readWorkbookData(docx))).toBe("no-workbook");
    expect(codeOf(() => readWorkbookData(zipSync({ "a.txt": strToU8("x") })))).toBe("no-workbook");
  });
});

describe("openPackage with an injected inflater (Node's zlib, as the command line passes it)", () => {
  const native = { inflateRaw: nativeInflateRaw };

  it("reads the same bytes and text as fflate", () => {
    const bytes = buildXlsx(simple);
    const a = openPackage(bytes);
    const b = openPackage(bytes, native);
    for (const name of a.entryNames().filter((n) => !n.endsWith("/"))) {
      expect(Array.from(b.bytes(name))).toEqual(Array.from(a.bytes(name)));
      expect([...b.textChunks(name)].join("")).toBe([...a.textChunks(name)].join(""));
    }
    expect(b.text("xl/workbook.xml")).toContain("<sheets>");
  });

  it("stops a zip bomb at the declared size: zlib is given that cap, one byte more, and no more", () => {
    const body = `<worksheet xmlns="${MAIN}"><sheetData>${" ".repeat(64 * 1024 * 1024)}</sheetData></worksheet>`;
    const parts = workbookParts(simple);
    parts["xl/worksheets/sheet1.xml"] = body;
    const zip = patchDeclaredSize(zipParts(parts), "xl/worksheets/sheet1.xml", 1000);
    const caps: number[] = [];
    const spy = (data: Uint8Array, max: number): Uint8Array => {
      caps.push(max);
      return nativeInflateRaw(data, max);
    };
    expect(codeOf(() => readWorkbookData(zip, { inflateRaw: spy }))).toBe("too-large");
    expect(caps).toContain(1001);
    expect(() => nativeInflateRaw(openPackage(zip).entry("xl/worksheets/sheet1.xml")!.raw(), 1001)).toThrow(InflateLimitError);
  });

  it("refuses a part that inflates to less than it declares, or whose data is damaged", () => {
    const short = patchDeclaredSize(buildXlsx(simple), "xl/worksheets/sheet1.xml", 100_000);
    expect(codeOf(() => openPackage(short, native).text("xl/worksheets/sheet1.xml"))).toBe("damaged");
    const broken = buildXlsx(simple);
    const entry = openPackage(broken).entry("xl/worksheets/sheet1.xml")!;
    broken.fill(0xff, entry.dataOffset, entry.dataOffset + Math.min(8, entry.compressedSize));
    expect(codeOf(() => openPackage(broken, native).bytes("xl/worksheets/sheet1.xml"))).toBe("damaged");
  });
});
