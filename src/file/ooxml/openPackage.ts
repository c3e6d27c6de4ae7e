/**
 * Opens an .xlsx (an OPC package: a zip of parts) for reading, and for a writer that copies the
 * parts it does not touch byte for byte. Runs in Node and in the browser (no `node:` imports).
 *
 * ```ts
 * const pkg = openPackage(bytes);            // throws PackageError (see packageError.ts)
 * const fast = openPackage(bytes, { inflateRaw }); // a native inflater (Node's zlib), see OpenOptions
 * pkg.entries                                 // ZipEntry[] in zip (central directory) order
 * pkg.entryNames()                            // their names, same order
 * pkg.has("xl/styles.xml")                   // part names are case-insensitive (OPC)
 * pkg.entry(name)                             // the ZipEntry (method, crc32, sizes, raw())
 * pkg.bytes(name)                             // inflated bytes (capped, see the limits)
 * pkg.text(name)                              // decoded text: UTF-8, or UTF-16 LE/BE with a BOM
 * pkg.textChunks(name)                        // the same, streamed in pieces (for saxes)
 * pkg.rels(partName)                          // its relationships, targets resolved to part names
 * pkg.relsPartName(partName)                  // "xl/_rels/workbook.xml.rels" for "xl/workbook.xml"
 * pkg.contentType(partName)                   // from [Content_Types].xml (Override, else Default)
 * pkg.workbookPart()                          // via _rels/.rels officeDocument ("xl/workbook.xml")
 * ```
 *
 * A `ZipEntry` carries what a patcher needs to copy an entry untouched: its name as stored
 * (`rawName` bytes too), `method` (0 stored, 8 deflate), `crc32`, `compressedSize`,
 * `uncompressedSize`, `flags`, DOS `time`/`date`, `extra`/`comment` of the central directory,
 * `externalAttributes`, `versionMadeBy`, and `raw()` — the compressed bytes exactly as stored (a
 * view into the input, no copy). Part names never start with "/".
 *
 * Hostile packages are refused with a {@link PackageError} before memory grows:
 * - not a zip (or an OLE file: encrypted workbook or .xls) — `not-zip`, `encrypted-or-xls`;
 * - more than {@link LIMITS}.entries entries, an entry declared larger than
 *   {@link LIMITS}.partBytes, or all entries together declared larger than
 *   {@link LIMITS}.totalBytes — `too-large`, checked when the package is opened. Declared sizes
 *   are not trusted: inflating stops as soon as a part yields more bytes than it declared (so the
 *   limits hold for what is really inflated), and inflation runs in small steps so that one step
 *   can never produce more than about 17 MB (an injected {@link OpenOptions.inflateRaw} is given
 *   the declared size as its cap and must stop there);
 * - entry names with `..` segments, absolute paths, drive letters, backslashes or NUL —
 *   `unsafe-name`; two entries whose names differ only in case — `duplicate-entry`;
 * - a DOCTYPE or ENTITY declaration in a part read as XML or text — `doctype`;
 * - no `_rels/.rels` officeDocument relationship or no such part — `no-workbook`.
 */
import { Inflate } from "fflate";
import { LIMITS } from "./limits";
import { PackageError } from "./packageError";
import { doctypeError, parseXml, prefixedAttribute } from "./xmlStream";

/** Documented limits: see limits.ts (kept there so the command line can use them without this module). */
export { LIMITS, MAX_PACKAGE_FILE_BYTES } from "./limits";

/** Compressed bytes handed to the inflater per step (deflate expands at most ~1032×). */
const INFLATE_STEP = 16 * 1024;

/**
 * Parts declared up to this size are inflated in one piece by an injected
 * {@link OpenOptions.inflateRaw}; larger ones stream through fflate, so that memory stays bounded.
 */
export const ONE_SHOT_MAX_BYTES = 64 * 1024 * 1024;

/** Inflated bytes are handed on (and decoded to text) in pieces of this size. */
const TEXT_PIECE = 1024 * 1024;

/**
 * Thrown by an {@link InflateRaw} when the data would inflate to more than its `maxBytes`: the
 * package turns it into a `too-large` {@link PackageError} (zip bomb).
 */
export class InflateLimitError extends Error {
  override readonly name = "InflateLimitError";
}

/**
 * Inflates raw deflate data in one piece, never producing more than `maxBytes` bytes: it throws
 * {@link InflateLimitError} as soon as the output would grow beyond them, and any other error for
 * damaged data. In Node: `zlib.inflateRawSync(data, { maxOutputLength: maxBytes })` (see
 * src/cli/nativeInflate.ts), several times faster than fflate.
 */
export type InflateRaw = (data: Uint8Array, maxBytes: number) => Uint8Array;

export interface OpenOptions {
  /**
   * A faster inflater for parts declared up to {@link ONE_SHOT_MAX_BYTES}; without it (and for
   * larger parts) fflate streams. This module stays free of `node:` imports: the caller injects it.
   */
  inflateRaw?: InflateRaw;
}

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

export interface Relationship {
  id: string;
  type: string;
  /** The target resolved to a part name (no leading "/"), or the target as written when external. */
  target: string;
  external: boolean;
}

export interface OoxmlPackage {
  /** The input bytes. */
  readonly data: Uint8Array;
  readonly entries: readonly ZipEntry[];
  entryNames(): string[];
  has(name: string): boolean;
  entry(name: string): ZipEntry | undefined;
  bytes(name: string): Uint8Array;
  text(name: string): string;
  /** Inflated bytes in pieces of at most about 17 MB; nothing is kept. */
  chunks(name: string): Iterable<Uint8Array>;
  textChunks(name: string): Iterable<string>;
  rels(partName: string): Relationship[];
  relsPartName(partName: string): string;
  contentType(partName: string): string | undefined;
  workbookPart(): string;
  /** Resolve a relationship target written in `sourcePart`'s rels to a part name. */
  resolveTarget(sourcePart: string, target: string): string;
}

export const RELATIONSHIP_TYPES = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  /** Strict OOXML spells the namespace differently; both end the same. */
  officeDocumentStrict: "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
} as const;

/** The relationship type's last segment ("worksheet", "sharedStrings", "table", …). */
export function relationshipKind(type: string): string {
  return type.slice(type.lastIndexOf("/") + 1);
}

/** Open a package. Throws {@link PackageError}. */
export function openPackage(input: Uint8Array, options: OpenOptions = {}): OoxmlPackage {
  return new Package(input, options.inflateRaw ?? null);
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

function notZip(detail: string): PackageError {
  return new PackageError(
    "not-zip",
    "Filen är inget zip-paket, som .xlsx-filer är, eller så är den skadad. Spara den som Excel-arbetsbok (.xlsx) i Excel och försök igen.",
    `Not an .xlsx package: ${detail}`,
  );
}

function tooLarge(detail: string, part: string | null = null): PackageError {
  return new PackageError(
    "too-large",
    `Filen är för stor packad upp (${detail}); Balans läser högst ${LIMITS.partBytes / 1e6} MB per del och ${LIMITS.totalBytes / 1e6} MB totalt. Om det är din egen arbetsbok: dela upp den eller ta bort stora bilder och bilagor.`,
    `The package is too large when inflated (${detail}); limits: ${LIMITS.partBytes} bytes per part, ${LIMITS.totalBytes} bytes in all (zip bomb protection).`,
    part,
  );
}

function damaged(part: string, detail: string): PackageError {
  return new PackageError(
    "damaged",
    `Delen ${part} i filen är skadad eller går inte att packa upp. Öppna filen i Excel och spara den igen, eller använd en kopia som inte är skadad.`,
    `Part ${part} cannot be inflated: ${detail}`,
    part,
  );
}

function missing(part: string): PackageError {
  return new PackageError(
    "damaged",
    `Delen ${part} saknas i filen. Öppna filen i Excel och spara den igen, eller använd en kopia som inte är skadad.`,
    `Part ${part} is missing from the package.`,
    part,
  );
}

class Package implements OoxmlPackage {
  readonly entries: readonly ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  private readonly view: DataView;
  private relsCache = new Map<string, Relationship[]>();
  private types: { defaults: Map<string, string>; overrides: Map<string, string> } | null = null;

  constructor(
    readonly data: Uint8Array,
    private readonly inflateRaw: InflateRaw | null = null,
  ) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    this.entries = this.readCentralDirectory();
    for (const e of this.entries) {
      const key = e.name.toLowerCase();
      if (this.byName.has(key)) {
        throw new PackageError(
          "duplicate-entry",
          `Filen innehåller delen ${e.name} två gånger, vilket en Excel-fil aldrig gör; Balans läser den inte. Öppna filen i Excel och spara den igen.`,
          `Duplicate zip entry: ${e.name}`,
          e.name,
        );
      }
      this.byName.set(key, e);
    }
  }

  entryNames(): string[] {
    return this.entries.map((e) => e.name);
  }

  has(name: string): boolean {
    return this.byName.has(normalisePartName(name).toLowerCase());
  }

  entry(name: string): ZipEntry | undefined {
    return this.byName.get(normalisePartName(name).toLowerCase());
  }

  private required(name: string): ZipEntry {
    const e = this.entry(name);
    if (e === undefined || e.isDirectory) throw missing(normalisePartName(name));
    return e;
  }

  *chunks(name: string): Generator<Uint8Array> {
    const e = this.required(name);
    const raw = e.raw();
    if (e.method === 0) {
      if (e.compressedSize !== e.uncompressedSize) throw damaged(e.name, "stored entry with different sizes");
      for (let at = 0; at < raw.length; at += TEXT_PIECE) yield raw.subarray(at, Math.min(raw.length, at + TEXT_PIECE));
      return;
    }
    if (e.method !== 8) throw damaged(e.name, `compression method ${e.method} is not supported`);
    const cap = e.uncompressedSize;
    if (this.inflateRaw !== null && cap <= ONE_SHOT_MAX_BYTES) {
      const all = this.inflateOnce(e, raw, this.inflateRaw);
      for (let at = 0; at < all.length; at += TEXT_PIECE) yield all.subarray(at, Math.min(all.length, at + TEXT_PIECE));
      return;
    }
    let produced = 0;
    const out: Uint8Array[] = [];
    let failure: unknown = null;
    const inflater = new Inflate((chunk) => {
      produced += chunk.length;
      if (produced > cap) failure = tooLarge(`${e.name} packas upp till mer än de ${cap} byte den anger`, e.name);
      else if (chunk.length > 0) out.push(chunk);
    });
    for (let at = 0; at < raw.length || at === 0; at += INFLATE_STEP) {
      const end = Math.min(raw.length, at + INFLATE_STEP);
      try {
        inflater.push(raw.subarray(at, end), end >= raw.length);
      } catch (err) {
        throw damaged(e.name, err instanceof Error ? err.message : String(err));
      }
      if (failure !== null) throw failure;
      while (out.length > 0) yield out.shift()!;
      if (end >= raw.length) break;
    }
    if (produced !== cap) throw damaged(e.name, `inflated to ${produced} bytes, ${cap} declared`);
  }

  /** One-shot inflation through the injected inflater, with the same checks as the streamed one. */
  private inflateOnce(e: ZipEntry, raw: Uint8Array, inflate: InflateRaw): Uint8Array {
    const cap = e.uncompressedSize;
    let all: Uint8Array;
    try {
      // One byte more than declared: a part that yields it is refused without inflating further.
      all = inflate(raw, cap + 1);
    } catch (err) {
      if (err instanceof InflateLimitError) throw tooLarge(`${e.name} packas upp till mer än de ${cap} byte den anger`, e.name);
      throw damaged(e.name, err instanceof Error ? err.message : String(err));
    }
    if (all.length > cap) throw tooLarge(`${e.name} packas upp till mer än de ${cap} byte den anger`, e.name);
    if (all.length !== cap) throw damaged(e.name, `inflated to ${all.length} bytes, ${cap} declared`);
    return all;
  }

  bytes(name: string): Uint8Array {
    const e = this.required(name);
    if (e.method === 0) {
      if (e.compressedSize !== e.uncompressedSize) throw damaged(e.name, "stored entry with different sizes");
      return e.raw();
    }
    if (e.method === 8 && this.inflateRaw !== null && e.uncompressedSize <= ONE_SHOT_MAX_BYTES) {
      return this.inflateOnce(e, e.raw(), this.inflateRaw);
    }
    const result = new Uint8Array(e.uncompressedSize);
    let at = 0;
    for (const chunk of this.chunks(name)) {
      result.set(chunk, at);
      at += chunk.length;
    }
    return result;
  }

  *textChunks(name: string): Generator<string> {
    let decoder: TextDecoder | null = null;
    let head: Uint8Array = new Uint8Array(0);
    let checked = false;
    // Look at the prolog (before the root element) for DOCTYPE/ENTITY declarations.
    let prolog = "";
    for (const chunk of this.chunks(name)) {
      let bytes: Uint8Array = chunk;
      if (decoder === null) {
        // Decide the encoding from the first 4 bytes (a part may come in tiny pieces).
        head = concat(head, bytes);
        if (head.length < 4) continue;
        decoder = new TextDecoder(encodingOf(head));
        bytes = head;
      }
      const text = decoder.decode(bytes, { stream: true });
      if (!checked) {
        prolog += text;
        checked = prologChecked(prolog, name);
        if (!checked && prolog.length > 65536) throw doctypeError(normalisePartName(name));
      }
      if (text.length > 0) yield text;
    }
    if (decoder === null) {
      if (head.length === 0) return;
      decoder = new TextDecoder(encodingOf(head));
      const text = decoder.decode(head, { stream: true });
      prologChecked(text, name);
      if (text.length > 0) yield text;
    }
    const rest = decoder.decode();
    if (rest.length > 0) yield rest;
  }

  text(name: string): string {
    const bytes = this.bytes(name);
    const text = new TextDecoder(encodingOf(bytes)).decode(bytes);
    if (text.includes("<!DOCTYPE") || text.includes("<!ENTITY")) throw doctypeError(normalisePartName(name));
    return text;
  }

  relsPartName(partName: string): string {
    const name = normalisePartName(partName);
    const slash = name.lastIndexOf("/");
    return `${name.slice(0, slash + 1)}_rels/${name.slice(slash + 1)}.rels`;
  }

  resolveTarget(sourcePart: string, target: string): string {
    let decoded = target;
    try {
      decoded = decodeURIComponent(target);
    } catch {
      // Not percent-encoded as URIs are: use it as written.
    }
    decoded = decoded.replace(/\\/g, "/");
    const hash = decoded.indexOf("#");
    if (hash !== -1) decoded = decoded.slice(0, hash);
    if (decoded.startsWith("/")) return normaliseSegments(decoded.slice(1).split("/"));
    const source = normalisePartName(sourcePart);
    const dir = source.slice(0, source.lastIndexOf("/") + 1);
    return normaliseSegments(`${dir}${decoded}`.split("/"));
  }

  rels(partName: string): Relationship[] {
    const source = partName === "" || partName === "/" ? "" : normalisePartName(partName);
    const relsName = source === "" ? "_rels/.rels" : this.relsPartName(source);
    const cached = this.relsCache.get(relsName);
    if (cached !== undefined) return cached;
    const list: Relationship[] = [];
    if (this.has(relsName)) {
      parseXml(relsName, this.textChunks(relsName), {
        open: (name, a) => {
          if (name !== "Relationship" || a.Id === undefined || a.Target === undefined) return;
          const external = a.TargetMode === "External";
          const target = external ? a.Target : this.resolveTarget(source === "" ? "/" : source, a.Target);
          list.push({ id: a.Id, type: a.Type ?? "", target, external });
        },
      });
    }
    this.relsCache.set(relsName, list);
    return list;
  }

  contentType(partName: string): string | undefined {
    if (this.types === null) {
      const types = { defaults: new Map<string, string>(), overrides: new Map<string, string>() };
      if (this.has("[Content_Types].xml")) {
        parseXml("[Content_Types].xml", this.textChunks("[Content_Types].xml"), {
          open: (name, a) => {
            if (name === "Default" && a.Extension !== undefined && a.ContentType !== undefined) {
              types.defaults.set(a.Extension.toLowerCase(), a.ContentType);
            } else if (name === "Override" && a.PartName !== undefined && a.ContentType !== undefined) {
              types.overrides.set(normalisePartName(a.PartName).toLowerCase(), a.ContentType);
            }
          },
        });
      }
      this.types = types;
    }
    const name = normalisePartName(partName).toLowerCase();
    const override = this.types.overrides.get(name);
    if (override !== undefined) return override;
    const dot = name.lastIndexOf(".");
    return dot === -1 || dot < name.lastIndexOf("/") ? undefined : this.types.defaults.get(name.slice(dot + 1));
  }

  workbookPart(): string {
    const rel = this.rels("").find(
      (r) => !r.external && relationshipKind(r.type) === "officeDocument" && r.type.includes("/officeDocument/"),
    );
    if (rel === undefined || !this.has(rel.target)) {
      throw new PackageError(
        "no-workbook",
        "Filen innehåller ingen Excel-arbetsbok (paketet pekar inte ut någon arbetsboksdel; är det t.ex. en .docx?). Välj en .xlsx-fil sparad från Excel.",
        rel === undefined
          ? "No officeDocument relationship in _rels/.rels: not a workbook package."
          : `The officeDocument relationship points at ${rel.target}, which is not in the package.`,
      );
    }
    return rel.target;
  }

  // -------------------------------------------------------------------------------------------
  // Zip container

  private u16(at: number): number {
    return this.view.getUint16(at, true);
  }

  private u32(at: number): number {
    return this.view.getUint32(at, true);
  }

  private u64(at: number): number {
    const value = this.view.getBigUint64(at, true);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw notZip("zip64 value out of range");
    return Number(value);
  }

  private readCentralDirectory(): ZipEntry[] {
    const { data } = this;
    if (data.length >= 8 && this.u32(0) === 0xe011cfd0 && this.u32(4) === 0xe11ab1a1) {
      throw new PackageError(
        "encrypted-or-xls",
        "Filen är lösenordsskyddad (krypterad) eller i det gamla .xls-formatet. Ta bort lösenordet eller spara den som Excel-arbetsbok (.xlsx) i Excel och försök igen.",
        "OLE compound file: an encrypted workbook or a binary .xls, not an .xlsx package.",
      );
    }
    if (data.length < 22) throw notZip("too short for a zip");
    let eocd = -1;
    for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 65535); at--) {
      if (data[at] === 0x50 && this.u32(at) === SIG_EOCD) {
        eocd = at;
        break;
      }
    }
    if (eocd === -1) throw notZip("no end of central directory record");
    let count = this.u16(eocd + 10);
    let cdSize = this.u32(eocd + 12);
    let cdOffset = this.u32(eocd + 16);
    if ((count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) && eocd >= 20 && this.u32(eocd - 20) === SIG_ZIP64_LOCATOR) {
      const at = this.u64(eocd - 20 + 8);
      if (at + 56 > data.length || this.u32(at) !== SIG_ZIP64_EOCD) throw notZip("bad zip64 end of central directory");
      count = this.u64(at + 32);
      cdSize = this.u64(at + 40);
      cdOffset = this.u64(at + 48);
    }
    if (count > LIMITS.entries) throw tooLarge(`${count} delar`);
    if (cdOffset + cdSize > data.length) throw notZip("central directory outside the file");
    const entries: ZipEntry[] = [];
    let total = 0;
    let at = cdOffset;
    const names = new TextDecoder("utf-8");
    for (let i = 0; i < count; i++) {
      if (at + 46 > data.length || this.u32(at) !== SIG_CENTRAL) throw notZip("bad central directory record");
      const nameLength = this.u16(at + 28);
      const extraLength = this.u16(at + 30);
      const commentLength = this.u16(at + 32);
      const end = at + 46 + nameLength + extraLength + commentLength;
      if (end > data.length) throw notZip("central directory record outside the file");
      const rawName = data.subarray(at + 46, at + 46 + nameLength);
      const extra = data.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
      let compressedSize = this.u32(at + 20);
      let uncompressedSize = this.u32(at + 24);
      let localHeaderOffset = this.u32(at + 42);
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
              const v = this.u64(p);
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
      if (localHeaderOffset + 30 > data.length || this.u32(localHeaderOffset) !== SIG_LOCAL) {
        throw notZip(`no local header for ${name}`);
      }
      const dataOffset = localHeaderOffset + 30 + this.u16(localHeaderOffset + 26) + this.u16(localHeaderOffset + 28);
      if (dataOffset + compressedSize > data.length) throw notZip(`data of ${name} outside the file`);
      const flags = this.u16(at + 8);
      if ((flags & 1) !== 0) {
        throw new PackageError(
          "encrypted-or-xls",
          "Filen är krypterad med zip-lösenord; Balans kan inte läsa den. Spara en okrypterad kopia i Excel och försök igen.",
          `Entry ${name} is encrypted.`,
          name,
        );
      }
      const view = data;
      entries.push({
        name,
        rawName,
        method: this.u16(at + 10),
        flags,
        crc32: this.u32(at + 16),
        compressedSize,
        uncompressedSize,
        time: this.u16(at + 12),
        date: this.u16(at + 14),
        versionMadeBy: this.u16(at + 4),
        versionNeeded: this.u16(at + 6),
        internalAttributes: this.u16(at + 36),
        externalAttributes: this.u32(at + 38),
        extra,
        comment: data.subarray(at + 46 + nameLength + extraLength, end),
        localHeaderOffset,
        dataOffset,
        isDirectory: name.endsWith("/"),
        raw: () => view.subarray(dataOffset, dataOffset + compressedSize),
      });
      at = end;
    }
    return entries;
  }
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
    throw new PackageError(
      "unsafe-name",
      `Filen innehåller en del med ett otillåtet namn (${JSON.stringify(name)}) som pekar utanför paketet; Balans läser den inte. Använd en fil sparad från Excel.`,
      `Unsafe zip entry name: ${JSON.stringify(name)} (absolute, "..", drive letter or backslash).`,
      name,
    );
  }
}

/** A part name as a zip entry name: no leading "/". */
function normalisePartName(name: string): string {
  return name.startsWith("/") ? name.slice(1) : name;
}

function normaliseSegments(segments: string[]): string {
  const out: string[] = [];
  for (const s of segments) {
    if (s === "..") out.pop();
    else if (s !== "." && s !== "") out.push(s);
  }
  return out.join("/");
}

function encodingOf(head: Uint8Array): string {
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  // "<?" in UTF-16 without a byte order mark.
  if (head[0] === 0x3c && head[1] === 0x00 && head[2] === 0x3f && head[3] === 0x00) return "utf-16le";
  if (head[0] === 0x00 && head[1] === 0x3c && head[2] === 0x00 && head[3] === 0x3f) return "utf-16be";
  return "utf-8";
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/**
 * True once the prolog (text before the root element) is known to hold no DOCTYPE/ENTITY;
 * throws when it does. False while the root element has not started yet.
 */
function prologChecked(prolog: string, part: string): boolean {
  // Skip the declaration, processing instructions, comments and white space.
  let at = 0;
  for (;;) {
    while (at < prolog.length && /\s|\uFEFF/.test(prolog[at]!)) at++;
    if (at >= prolog.length) return false;
    if (prolog.startsWith("<?", at)) {
      const end = prolog.indexOf("?>", at);
      if (end === -1) return false;
      at = end + 2;
    } else if (prolog.startsWith("<!--", at)) {
      const end = prolog.indexOf("-->", at);
      if (end === -1) return false;
      at = end + 3;
    } else if (prolog.startsWith("<!", at)) {
      throw doctypeError(normalisePartName(part));
    } else {
      return true;
    }
  }
}

/** Re-exported for the readers: the `r:id` style attribute. */
export { prefixedAttribute };
