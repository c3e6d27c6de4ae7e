/**
 * Node's own zlib as the package writer's compressor (the counterpart of nativeInflate.ts):
 * several times faster than fflate, which src/file/ooxml uses by default because it must also
 * run in the browser. The command line injects it: `patchPackage(bytes, plan, { deflater })`.
 *
 * A part comes in pieces (a streamed sheet can be hundreds of megabytes); each piece is deflated
 * on its own and ends with a full flush (a byte-aligned, non-final block and no back-references
 * into it), the last one with the final block, so the pieces joined are one valid deflate stream
 * — as parallel gzip tools make theirs — and no piece has to be joined to another in memory.
 */
import { constants, crc32, deflateRawSync } from "node:zlib";
import type { Deflater } from "../file/ooxml/writePackage";

/** zlib's level for new parts: the level fflate is given too. */
const LEVEL = 6;

/**
 * A deflater over Node's zlib: each piece is deflated as it comes, ending in a full flush; the
 * final block is an empty one with the end mark.
 */
export function nativeDeflater(): Deflater {
  const compressed: Uint8Array[] = [];
  let crc = 0;
  let size = 0;
  const deflate = (piece: Uint8Array, last: boolean) => {
    const out = deflateRawSync(piece, { level: LEVEL, finishFlush: last ? constants.Z_FINISH : constants.Z_FULL_FLUSH });
    compressed.push(new Uint8Array(out.buffer, out.byteOffset, out.byteLength));
  };
  return {
    push(piece) {
      if (piece.length === 0) return;
      deflate(piece, false);
      // Node's crc32 gives 0, not the running value, for an empty piece (skipped above).
      crc = crc32(piece, crc);
      size += piece.length;
    },
    finish() {
      deflate(new Uint8Array(0), true);
      return { compressed, crc32: crc >>> 0, size };
    },
  };
}
