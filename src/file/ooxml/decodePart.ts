/**
 * Text of a package part: its encoding decided from the first bytes, and the prolog checked for
 * DOCTYPE/ENTITY declarations before anything is handed on (XML entity attacks).
 */
import { doctypeError } from "./xmlStream";

/** A part name as a zip entry name: no leading "/". */
const partName = (name: string): string => (name.startsWith("/") ? name.slice(1) : name);

/** Decoded text of a part's byte pieces (UTF-8, or UTF-16 by BOM or prolog), refusing DOCTYPE/ENTITY. */
export function* decodeChunks(chunks: Iterable<Uint8Array>, name: string): Generator<string> {
  let decoder: TextDecoder | null = null;
  let head: Uint8Array = new Uint8Array(0);
  let checked = false;
  // Look at the prolog (before the root element) for DOCTYPE/ENTITY declarations.
  let prolog = "";
  for (const chunk of chunks) {
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
      if (!checked && prolog.length > 65536) throw doctypeError(partName(name));
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

export function encodingOf(head: Uint8Array): string {
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
      throw doctypeError(partName(part));
    } else {
      return true;
    }
  }
}
