/**
 * Escaping text for XML, in one place (the check record's custom XML part, the package patcher,
 * the summary sheet and chart parts, the streaming sheet patcher, ExcelJS's hyperlinks): one pass
 * over the text per call.
 */

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;" };
const entity = (ch: string): string => ENTITIES[ch] as string;

/** Text content: the three characters that cannot stand in XML text as they are. */
export function escapeXmlText(text: string): string {
  return text.replace(/[&<>]/g, entity);
}

/** Text content or a double-quoted attribute value whose whitespace may be normalised. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, entity);
}

/** A double-quoted attribute value kept exactly: tabs and line breaks as character references. */
export function escapeXmlAttribute(text: string): string {
  return text.replace(/[&<>"\t\n\r]/g, entity);
}
