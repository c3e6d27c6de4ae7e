/**
 * The command line's compressor: pieces deflated one by one must join into one valid raw-deflate
 * stream whose CRC-32 and size are those of the whole part, and a package written with it must
 * read back part for part as the same package written with fflate.
 */
import { crc32, inflateRawSync } from "node:zlib";
import { nativeDeflater } from "../../../src/cli/nativeDeflate";
import { openPackage } from "../../../src/file/ooxml/openPackage";
import { writePackage, type PackageItem } from "../../../src/file/ooxml/writePackage";

const enc = new TextEncoder();

function deflate(pieces: Uint8Array[]) {
  const d = nativeDeflater();
  for (const p of pieces) d.push(p);
  return d.finish();
}

describe("nativeDeflater", () => {
  it.each([
    ["one piece", ["<sheetData><row r=\"1\"/></sheetData>"]],
    ["several pieces, one of them empty", ["<a>", "", "x".repeat(100_000), "åäö</a>"]],
    ["no piece at all", []],
  ])("%s: the joined stream inflates to the joined pieces, with their CRC and size", (_name, texts) => {
    const pieces = texts.map((t) => enc.encode(t));
    const whole = Buffer.concat(pieces.map((p) => Buffer.from(p)));
    const r = deflate(pieces);
    const joined = Buffer.concat(r.compressed.map((c) => Buffer.from(c)));
    expect(inflateRawSync(joined).equals(whole)).toBe(true);
    expect(r.size).toBe(whole.length);
    expect(r.crc32).toBe(crc32(whole) >>> 0);
  });

  it("a package written with it reads back like one written with fflate", () => {
    const items: PackageItem[] = [
      { kind: "data", name: "a.xml", data: enc.encode("<a>ett</a>"), time: 0, date: 0x21 },
      { kind: "pieces", name: "b.xml", pieces: [enc.encode("<b>"), enc.encode("två".repeat(5000)), enc.encode("</b>")], time: 0, date: 0x21 },
    ];
    const native = openPackage(writePackage(items, { deflater: nativeDeflater }));
    const fflate = openPackage(writePackage(items));
    expect(native.entryNames()).toEqual(["a.xml", "b.xml"]);
    for (const name of ["a.xml", "b.xml"]) expect(native.text(name)).toBe(fflate.text(name));
    expect(native.entry("b.xml")?.crc32).toBe(fflate.entry("b.xml")?.crc32);
  });
});
