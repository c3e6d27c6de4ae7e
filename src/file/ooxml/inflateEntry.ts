/**
 * Inflating one zip entry: stored or deflated, streamed through fflate in small steps or in one
 * piece by an injected native inflater, never beyond the size the entry declared (zip bombs).
 */
import { Inflate } from "fflate";
import { localise } from "../../domain/messages";
import { packageError, type PackageError } from "./packageError";
import { tooLarge, type ZipEntry } from "./zipDirectory";

/** Compressed bytes handed to the inflater per step (deflate expands at most ~1032×). */
const INFLATE_STEP = 16 * 1024;

/**
 * Parts declared up to this size are inflated in one piece by an injected
 * {@link OpenOptions.inflateRaw}; larger ones stream through fflate, so that memory stays bounded.
 */
export const ONE_SHOT_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Inflated bytes are handed on (and decoded to text) in pieces of this size. Small enough that a
 * piece's text is an ordinary V8 string on the heap (Node hands text of about 1 MB and more over
 * as external strings, which are freed only by a full GC: a 12 MB sheet left 27 MB of them
 * behind — issue 15), large enough that the per-piece cost does not count.
 */
const TEXT_PIECE = 64 * 1024;

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

function damaged(part: string, detail: string): PackageError {
  return packageError("damaged", localise("package.inflate-damaged", { part, detail }), part);
}

/** The entry's inflated bytes in pieces, never more than it declared. */
export function* inflateChunks(e: ZipEntry, inflateRaw: InflateRaw | null): Generator<Uint8Array> {
  const raw = e.raw();
  if (e.method === 0) {
    if (e.compressedSize !== e.uncompressedSize) throw damaged(e.name, "stored entry with different sizes");
    for (let at = 0; at < raw.length; at += TEXT_PIECE) yield raw.subarray(at, Math.min(raw.length, at + TEXT_PIECE));
    return;
  }
  if (e.method !== 8) throw damaged(e.name, `compression method ${e.method} is not supported`);
  const cap = e.uncompressedSize;
  if (inflateRaw !== null && cap <= ONE_SHOT_MAX_BYTES) {
    const all = inflateOnce(e, raw, inflateRaw);
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
function inflateOnce(e: ZipEntry, raw: Uint8Array, inflate: InflateRaw): Uint8Array {
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

/** The entry's inflated bytes in one piece. */
export function inflateBytes(e: ZipEntry, inflateRaw: InflateRaw | null): Uint8Array {
  if (e.method === 0) {
    if (e.compressedSize !== e.uncompressedSize) throw damaged(e.name, "stored entry with different sizes");
    return e.raw();
  }
  if (e.method === 8 && inflateRaw !== null && e.uncompressedSize <= ONE_SHOT_MAX_BYTES) {
    return inflateOnce(e, e.raw(), inflateRaw);
  }
  const result = new Uint8Array(e.uncompressedSize);
  let at = 0;
  for (const chunk of inflateChunks(e, inflateRaw)) {
    result.set(chunk, at);
    at += chunk.length;
  }
  return result;
}
