/**
 * The zip container of an OPC package: its central directory (zip64 included) read into
 * {@link ZipEntry} records, with the hostile-package checks that need no inflating (entry count,
 * declared sizes, unsafe names, zip encryption, OLE files). See openPackage.ts.
 */
import { LIMITS } from "./limits";
import { localise } from "../../domain/messages";
import { packageError, type PackageError } from "./packageError";

export interface ZipEntry {
  /** The entry name as stored (decoded as UTF-8). */
  name: string;
  /** The name's bytes exactly as stored in the central directory. */
  rawName: Uint8Array;
  /** 0 = stored, 8 = deflate. */
  method: number;
  /** General-purpose bit flags (bit 3: data descriptor follows; bit 11: UTF-8 name). */
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  /** MS-DOS time and date fields as stored. */
  time: number;
  date: number;
  versionMadeBy: number;
  versionNeeded: number;
  internalAttributes: number;
  externalAttributes: number;
  /** Extra field of the central directory record (as stored). */
  extra: Uint8Array;
  comment: Uint8Array;
  /** Offset of the local file header in the input. */
  localHeaderOffset: number;
  /** Offset of the compressed data in the input. */
  dataOffset: number;
  /** True for a directory entry (name ends with "/"). */
  isDirectory: boolean;
  /** The compressed bytes exactly as stored (a view into the input, not a copy). */
  raw(): Uint8Array;
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

function notZip(detail: string): PackageError {
  return packageError("not-zip", localise("package.not-zip", { detail }));
}

export function tooLarge(detail: string, part: string | null = null): PackageError {
  return packageError("too-large", localise("package.too-large", { detail, partBytes: LIMITS.partBytes, totalBytes: LIMITS.totalBytes }), part);
}

function u16(view: DataView, at: number): number {
  return view.getUint16(at, true);
}

function u32(view: DataView, at: number): number {
  return view.getUint32(at, true);
}

function u64(view: DataView, at: number): number {
  const value = view.getBigUint64(at, true);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw notZip("zip64 value out of range");
  return Number(value);
}

/** The entries of the zip's central directory, each checked against the limits and for a safe name. */
export function readCentralDirectory(data: Uint8Array): ZipEntry[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data.length >= 8 && u32(view, 0) === 0xe011cfd0 && u32(view, 4) === 0xe11ab1a1) {
    throw packageError("encrypted-or-xls", localise("package.encrypted-or-xls"));
  }
  if (data.length < 22) throw notZip("too short for a zip");
  let eocd = -1;
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 65535); at--) {
    if (data[at] === 0x50 && u32(view, at) === SIG_EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd === -1) throw notZip("no end of central directory record");
  let count = u16(view, eocd + 10);
  let cdSize = u32(view, eocd + 12);
  let cdOffset = u32(view, eocd + 16);
  if ((count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) && eocd >= 20 && u32(view, eocd - 20) === SIG_ZIP64_LOCATOR) {
    const at = u64(view, eocd - 20 + 8);
    if (at + 56 > data.length || u32(view, at) !== SIG_ZIP64_EOCD) throw notZip("bad zip64 end of central directory");
    count = u64(view, at + 32);
    cdSize = u64(view, at + 40);
    cdOffset = u64(view, at + 48);
  }
  if (count > LIMITS.entries) throw tooLarge(`${count} delar`);
  if (cdOffset + cdSize > data.length) throw notZip("central directory outside the file");
  const entries: ZipEntry[] = [];
  let total = 0;
  let at = cdOffset;
  const names = new TextDecoder("utf-8");
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || u32(view, at) !== SIG_CENTRAL) throw notZip("bad central directory record");
    const nameLength = u16(view, at + 28);
    const extraLength = u16(view, at + 30);
    const commentLength = u16(view, at + 32);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > data.length) throw notZip("central directory record outside the file");
    const rawName = data.subarray(at + 46, at + 46 + nameLength);
    const extra = data.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    let compressedSize = u32(view, at + 20);
    let uncompressedSize = u32(view, at + 24);
    let localHeaderOffset = u32(view, at + 42);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      // Zip64 extended information: the 8-byte values that are 0xFFFFFFFF above, in this order.
      for (let x = 0; x + 4 <= extra.length; ) {
        const id = extra[x]! | (extra[x + 1]! << 8);
        const size = extra[x + 2]! | (extra[x + 3]! << 8);
        if (id === 0x0001) {
          let p = at + 46 + nameLength + x + 4;
          const stop = p + size;
          const next = (): number => {
            if (p + 8 > stop) throw notZip("short zip64 extra field");
            const v = u64(view, p);
            p += 8;
            return v;
          };
          if (uncompressedSize === 0xffffffff) uncompressedSize = next();
          if (compressedSize === 0xffffffff) compressedSize = next();
          if (localHeaderOffset === 0xffffffff) localHeaderOffset = next();
          break;
        }
        x += 4 + size;
      }
    }
    const name = names.decode(rawName);
    checkName(name);
    if (uncompressedSize > LIMITS.partBytes) throw tooLarge(`${name}: ${uncompressedSize} byte`, name);
    total += uncompressedSize;
    if (total > LIMITS.totalBytes) throw tooLarge(`mer än ${total} byte`);
    if (localHeaderOffset + 30 > data.length || u32(view, localHeaderOffset) !== SIG_LOCAL) {
      throw notZip(`no local header for ${name}`);
    }
    const dataOffset = localHeaderOffset + 30 + u16(view, localHeaderOffset + 26) + u16(view, localHeaderOffset + 28);
    if (dataOffset + compressedSize > data.length) throw notZip(`data of ${name} outside the file`);
    const flags = u16(view, at + 8);
    if ((flags & 1) !== 0) {
      throw packageError("encrypted-or-xls", localise("package.zip-encrypted", { name }), name);
    }
    entries.push({
      name,
      rawName,
      method: u16(view, at + 10),
      flags,
      crc32: u32(view, at + 16),
      compressedSize,
      uncompressedSize,
      time: u16(view, at + 12),
      date: u16(view, at + 14),
      versionMadeBy: u16(view, at + 4),
      versionNeeded: u16(view, at + 6),
      internalAttributes: u16(view, at + 36),
      externalAttributes: u32(view, at + 38),
      extra,
      comment: data.subarray(at + 46 + nameLength + extraLength, end),
      localHeaderOffset,
      dataOffset,
      isDirectory: name.endsWith("/"),
      raw: () => data.subarray(dataOffset, dataOffset + compressedSize),
    });
    at = end;
  }
  return entries;
}

/** Refuse names that could point outside the package (zip slip) or are not part names. */
function checkName(name: string): void {
  const bad =
    name.length === 0 ||
    name.includes("\0") ||
    name.includes("\\") ||
    name.startsWith("/") ||
    /^[A-Za-z]:/.test(name) ||
    name.split("/").some((s) => s === ".." || s === ".");
  if (bad) {
    throw packageError("unsafe-name", localise("package.unsafe-name", { name }), name);
  }
}
