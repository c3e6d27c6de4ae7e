/**
 * Writes a zip package with fflate: entries Balans did not touch are copied as their stored
 * (compressed) bytes with their CRC, method and time, so they are never inflated; new and
 * changed parts are deflated. Entries come out in the order given.
 */
import { Zip, ZipDeflate, type ZipInputFile } from "fflate";
import type { ZipEntry } from "./openPackage";

export type PackageItem =
  /** An entry of the input, copied as stored. */
  | { kind: "copy"; entry: ZipEntry }
  /** A part with new content (`time`/`date`: MS-DOS fields to write). */
  | { kind: "data"; name: string; data: Uint8Array; time: number; date: number }
  /** A part with new content in pieces (a streamed sheet), deflated one piece after the other. */
  | { kind: "pieces"; name: string; pieces: readonly Uint8Array[]; time: number; date: number }
  /** A part already compressed (by a {@link Deflater}). */
  | { kind: "compressed"; name: string; part: CompressedPart; time: number; date: number };

/** MS-DOS time and date fields → a local Date (what fflate takes); 1980-01-01 when invalid. */
export function dosDateTime(time: number, date: number): Date {
  const year = ((date >> 9) & 0x7f) + 1980;
  const month = (date >> 5) & 0x0f;
  const day = date & 0x1f;
  if (month < 1 || month > 12 || day < 1) return new Date(1980, 0, 1, 0, 0, 0);
  return new Date(year, month - 1, day, (time >> 11) & 0x1f, (time >> 5) & 0x3f, (time & 0x1f) * 2);
}

/** A part compressed with raw deflate: its compressed bytes in pieces, and the CRC-32 and size of its data. */
export interface CompressedPart {
  compressed: Uint8Array[];
  crc32: number;
  size: number;
}

/**
 * A raw-deflate compressor for one new part, fed the part's bytes piece by piece as they are
 * made (a streamed sheet can be hundreds of megabytes: only its compressed form is kept). The
 * command line injects one over Node's zlib (several times faster than fflate); without one,
 * parts are kept whole and fflate deflates them (the browser).
 */
export interface Deflater {
  push(piece: Uint8Array): void;
  finish(): CompressedPart;
}

export interface WriteOptions {
  deflater?: () => Deflater;
}

/** The package as bytes. */
export function writePackage(items: readonly PackageItem[], options: WriteOptions = {}): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err !== null) failure = err;
    else chunks.push(chunk);
  });
  for (const item of items) {
    if (item.kind === "copy") {
      const e = item.entry;
      const file: ZipInputFile = {
        filename: e.name,
        size: e.uncompressedSize,
        crc: e.crc32,
        compression: e.method,
        mtime: dosDateTime(e.time, e.date),
      };
      zip.add(file);
      const push = file.ondata;
      if (push === undefined) throw new Error(`fflate did not accept ${e.name}`);
      push(null, e.raw() as Uint8Array<ArrayBuffer>, true);
    } else if (item.kind === "compressed" || options.deflater !== undefined) {
      const { compressed, crc32, size } = item.kind === "compressed" ? item.part : compress(options.deflater as () => Deflater, item.kind === "data" ? [item.data] : item.pieces);
      const file: ZipInputFile = { filename: item.name, size, crc: crc32, compression: 8, mtime: dosDateTime(item.time, item.date) };
      zip.add(file);
      const push = file.ondata;
      if (push === undefined) throw new Error(`fflate did not accept ${item.name}`);
      if (compressed.length === 0) push(null, new Uint8Array(0), true);
      compressed.forEach((c, i) => push(null, c as Uint8Array<ArrayBuffer>, i === compressed.length - 1));
    } else {
      const file = new ZipDeflate(item.name, { level: 6 });
      file.mtime = dosDateTime(item.time, item.date);
      zip.add(file);
      const pieces = item.kind === "data" ? [item.data] : item.pieces;
      if (pieces.length === 0) file.push(new Uint8Array(0), true);
      pieces.forEach((piece, i) => file.push(piece, i === pieces.length - 1));
      if (failure !== null) throw failure;
    }
    if (failure !== null) throw failure;
  }
  zip.end();
  if (failure !== null) throw failure;
  let size = 0;
  for (const c of chunks) size += c.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function compress(deflater: () => Deflater, pieces: readonly Uint8Array[]): CompressedPart {
  const d = deflater();
  for (const piece of pieces) d.push(piece);
  return d.finish();
}
