/**
 * Issue 11: the since-last-check record as the file adapter keeps it — a custom XML part related
 * from the workbook part (relationship type `…/customXml`) whose root element is `balansCheck`
 * in the namespace {@link CHECK_RECORD_NAMESPACE}, holding the record's JSON as text. Other custom
 * XML parts (SharePoint's, other add-ins') are passed over: each is streamed only until its root
 * element shows it is not Balans's.
 */
import { CHECK_RECORD_NAMESPACE } from "../../domain/checkRecord";
import { CHECK_RECORD_ELEMENT } from "../../domain/checkRecordXml";
import { relationshipKind, type OoxmlPackage, type Relationship } from "./openPackage";
import { parseXml, StopParsing } from "./xmlStream";

/** The JSON text of the record in one part, or null when the part is not Balans's record. */
function recordIn(pkg: OoxmlPackage, part: string): string | null {
  let depth = 0;
  let mine = false;
  let text = "";
  parseXml(part, pkg.textChunks(part), {
    open(name, attributes) {
      depth++;
      if (depth !== 1) return;
      // The root element must be balansCheck in Balans's namespace (default or prefixed).
      const raw = Object.keys(attributes).find((k) => (k === "xmlns" || k.startsWith("xmlns:")) && attributes[k] === CHECK_RECORD_NAMESPACE);
      mine = name === CHECK_RECORD_ELEMENT && raw !== undefined;
      if (!mine) throw new StopParsing();
    },
    close() {
      depth--;
    },
    text(chunk) {
      if (depth === 1) text += chunk;
    },
  });
  return mine ? text : null;
}

/** The record's JSON from the workbook's custom XML parts, or null when there is none. */
export function readCheckRecord(pkg: OoxmlPackage, workbookRels: readonly Relationship[]): string | null {
  for (const rel of workbookRels) {
    if (rel.external || relationshipKind(rel.type) !== "customXml" || !pkg.has(rel.target)) continue;
    const found = recordIn(pkg, rel.target);
    if (found !== null) return found;
  }
  return null;
}

/** `{ checkRecord }` for {@link WorkbookData} when the package has a record, else nothing (the key stays absent). */
export function checkRecordOf(pkg: OoxmlPackage, workbookRels: readonly Relationship[]): { checkRecord?: string } {
  const found = readCheckRecord(pkg, workbookRels);
  return found === null ? {} : { checkRecord: found };
}
