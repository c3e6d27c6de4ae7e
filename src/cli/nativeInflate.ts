/**
 * Node's own zlib as the .xlsx reader's inflater (issue 15): several times faster than fflate,
 * which the package layer (src/file/ooxml, browser-safe, no `node:` imports) uses by default.
 * The command line injects it: `openPackage(bytes, { inflateRaw: nativeInflateRaw })`.
 *
 * The zip-bomb guard holds: zlib stops and throws as soon as the output would pass `maxBytes`
 * (`maxOutputLength`), which becomes {@link InflateLimitError} and then a `too-large` refusal.
 */
import { inflateRawSync } from "node:zlib";
import { InflateLimitError, type InflateRaw } from "../file/ooxml/openPackage";

export const nativeInflateRaw: InflateRaw = (data, maxBytes) => {
  try {
    // One output buffer of the expected size: zlib then neither grows nor concatenates pieces.
    const out = inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes), chunkSize: Math.max(64, maxBytes) });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch (e) {
    if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw new InflateLimitError(`inflates to more than ${maxBytes} bytes`);
    throw e;
  }
};
