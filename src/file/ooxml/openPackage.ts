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
import { decodeChunks, encodingOf } from "./decodePart";
import { inflateBytes, inflateChunks, type InflateRaw } from "./inflateEntry";
import { localise } from "../../domain/messages";
import { packageError, type PackageError } from "./packageError";
import { doctypeError, parseXml, prefixedAttribute } from "./xmlStream";
import { readCentralDirectory, type ZipEntry } from "./zipDirectory";

/** Documented limits: see limits.ts (kept there so the command line can use them without this module). */
export { LIMITS, MAX_PACKAGE_FILE_BYTES } from "./limits";
/** The zip directory and the inflater live beside this module; their types are part of its interface. */
export { InflateLimitError, ONE_SHOT_MAX_BYTES, type InflateRaw } from "./inflateEntry";
export type { ZipEntry } from "./zipDirectory";

export interface OpenOptions {
  /**
   * A faster inflater for parts declared up to {@link ONE_SHOT_MAX_BYTES}; without it (and for
   * larger parts) fflate streams. This module stays free of `node:` imports: the caller injects it.
   */
  inflateRaw?: InflateRaw;
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

function missing(part: string): PackageError {
  return packageError("damaged", localise("package.part-missing", { part }), part);
}

class Package implements OoxmlPackage {
  readonly entries: readonly ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  private relsCache = new Map<string, Relationship[]>();
  private types: { defaults: Map<string, string>; overrides: Map<string, string> } | null = null;

  constructor(
    readonly data: Uint8Array,
    private readonly inflateRaw: InflateRaw | null = null,
  ) {
    this.entries = readCentralDirectory(data);
    for (const e of this.entries) {
      const key = e.name.toLowerCase();
      if (this.byName.has(key)) {
        throw packageError("duplicate-entry", localise("package.duplicate-entry", { name: e.name }), e.name);
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
    yield* inflateChunks(this.required(name), this.inflateRaw);
  }

  bytes(name: string): Uint8Array {
    return inflateBytes(this.required(name), this.inflateRaw);
  }

  *textChunks(name: string): Generator<string> {
    yield* decodeChunks(this.chunks(name), name);
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
      throw packageError("no-workbook", localise("package.no-workbook", { target: rel === undefined ? null : rel.target }));
    }
    return rel.target;
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

/** Re-exported for the readers: the `r:id` style attribute. */
export { prefixedAttribute };
