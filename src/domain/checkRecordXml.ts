/**
 * The since-last-check record (checkRecord.ts) as the adapters keep it in the workbook: one custom
 * XML part whose root element, in the namespace {@link CHECK_RECORD_NAMESPACE}, holds the record's
 * JSON text:
 *
 *     <balansCheck xmlns="urn:balans:check:1">{"version":1,"checks":[…]}</balansCheck>
 *
 * Written with `&`, `<` and `>` escaped. Read back tolerantly: an XML declaration, a namespace
 * prefix, attributes in another order, CDATA and every XML character reference are accepted, since
 * a host may serialise the part again in its own way. Plain strings only (the same in the pane,
 * where DOMParser exists, and in Node, where it does not).
 */
import { CHECK_RECORD_NAMESPACE } from "./checkRecord";
import { escapeXmlText } from "./xmlEscape";

export { escapeXmlText };

/** The root element's local name. */
export const CHECK_RECORD_ELEMENT = "balansCheck";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Undoes XML escaping: the five predefined entities and numeric character references. */
export function unescapeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith("#x")) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith("#")) return String.fromCodePoint(Number.parseInt(ref.slice(1), 10));
    return ENTITIES[ref] ?? whole;
  });
}

/** The custom XML part for `json`. */
export function checkRecordXml(json: string): string {
  return `<${CHECK_RECORD_ELEMENT} xmlns="${CHECK_RECORD_NAMESPACE}">${escapeXmlText(json)}</${CHECK_RECORD_ELEMENT}>`;
}

/**
 * The JSON text kept in a part written by {@link checkRecordXml} (or re-serialised by a host), or
 * null when `xml` holds no `balansCheck` element.
 */
export function checkRecordFromXml(xml: string): string | null {
  const m = /<(?:[A-Za-z_][\w.-]*:)?balansCheck\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?balansCheck\s*>)/u.exec(xml);
  if (!m) return null;
  const body = m[1] ?? "";
  // CDATA sections are taken as they are; the text around them is unescaped.
  let out = "";
  let rest = body;
  for (;;) {
    const start = rest.indexOf("<![CDATA[");
    if (start < 0) break;
    const end = rest.indexOf("]]>", start + 9);
    if (end < 0) break;
    out += unescapeXmlText(rest.slice(0, start)) + rest.slice(start + 9, end);
    rest = rest.slice(end + 3);
  }
  return out + unescapeXmlText(rest);
}
