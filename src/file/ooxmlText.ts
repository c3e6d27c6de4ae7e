/**
 * Text as the OOXML package stores it: characters XML cannot hold are written `_xHHHH_`, and a
 * literal `_xHHHH_` in the text is protected as `_x005F_xHHHH_` (ECMA-376, ST_Xstring).
 */

// eslint-disable-next-line no-control-regex
const NEEDS_XML_ESCAPE = /[\u0000-\u0008\u000b\u000c\u000d\u000e-\u001f\ufffe\uffff]|_x[0-9a-fA-F]{4}_/u;

/** Text as OOXML stores it: `_xHHHH_` for characters XML cannot hold, `_x005F_` before a literal escape. */
export function escapeOoxmlText(text: string): string {
  if (!NEEDS_XML_ESCAPE.test(text)) return text;
  return text
    .replace(/_(x[0-9a-fA-F]{4}_)/gu, "_x005F_$1")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000d\u000e-\u001f\ufffe\uffff]/gu, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

/** The text a stored `_xHHHH_` escape stands for (the inverse of {@link escapeOoxmlText}). */
export function decodeOoxmlText(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9a-fA-F]{4})_/gu, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * `text` in a string of its own: a text cut from a part's XML would keep the whole piece of XML
 * it was cut from alive (64 KB of decoded text per piece; on a full sheet, the sheet's XML).
 * A JSON round trip makes a flat copy of just the text (41 bytes for 18 characters, where
 * `(" " + text).slice(1)` kept 71: a slice of a copy; issue 15). A cut of a cons string
 * (text joined from two pieces) is flattened by the same round trip.
 */
export function ownString(text: string): string {
  // V8 copies a cut shorter than 13 characters anyway (a "sliced string" is made only from 13 on).
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}
