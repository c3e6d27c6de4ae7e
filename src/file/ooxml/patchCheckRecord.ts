/**
 * The since-last-check record step of patchPackage.ts (issue 11): the custom XML part holding the
 * record, found again by its namespace and replaced in place, or added as Excel adds one.
 */
import { CHECK_RECORD_NAMESPACE } from "../../domain/checkRecord";
import { CHECK_RECORD_ELEMENT, checkRecordXml } from "../../domain/checkRecordXml";
import { relationshipKind } from "./openPackage";
import type { PackageParts } from "./packageParts";
import { addRelationship, emptyRels, NS_REL, parseDom, relationshipsOf, relativeTarget, rootOf, serializeXml } from "./patchXml";

const REL_CUSTOM_XML = `${NS_REL}/customXml`;
const REL_CUSTOM_XML_PROPS = `${NS_REL}/customXmlProps`;
const CT_CUSTOM_XML_PROPS = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";
const NS_DATASTORE = "http://schemas.openxmlformats.org/officeDocument/2006/customXml";
/**
 * The `ds:itemID` of the record's custom XML part: a name-based UUID (version 5, URL namespace) of
 * {@link CHECK_RECORD_NAMESPACE}, fixed so that two runs write the same bytes
 * (`python3 -c "import uuid; print(uuid.uuid5(uuid.NAMESPACE_URL, 'urn:balans:check:1'))"`).
 */
export const CHECK_RECORD_ITEM_ID = "{BB6854D4-2CB8-5398-A1E7-6737D05E9EA8}";
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

/** The custom XML part whose root element is `balansCheck` in the record's namespace, or null. */
function checkRecordPart(parts: PackageParts): string | null {
  for (const rel of relationshipsOf(parts.doc(parts.workbookRels))) {
    if (rel.external || relationshipKind(rel.type) !== "customXml") continue;
    const part = parts.pkg.resolveTarget(parts.workbookPart, rel.target);
    if (!parts.pkg.has(part)) continue;
    const root = rootOf(parseDom(parts.pkg.text(part), part));
    if (root.localName === CHECK_RECORD_ELEMENT && root.namespaceURI === CHECK_RECORD_NAMESPACE) return parts.nameOf(part);
  }
  return null;
}

/**
 * Stores the record: the part found by its namespace gets the new content (in place, the same
 * part name); otherwise a custom XML part is added as Excel adds one (`customXml/itemN.xml`, its
 * properties part with a fixed item id, a workbook relationship, the content types).
 */
export function storeCheckRecord(parts: PackageParts, json: string): void {
  const xml = DECLARATION + checkRecordXml(json);
  const found = checkRecordPart(parts);
  if (found !== null) {
    if (parts.pkg.text(found) !== xml) parts.addWhole(found, xml);
    return;
  }
  let n = 1;
  while (parts.exists(`customXml/item${n}.xml`) || parts.exists(`customXml/itemProps${n}.xml`)) n++;
  const item = `customXml/item${n}.xml`;
  const props = `customXml/itemProps${n}.xml`;
  parts.addWhole(item, xml);
  parts.addWhole(
    props,
    `${DECLARATION.replace('standalone="yes"', 'standalone="no"')}<ds:datastoreItem ds:itemID="${CHECK_RECORD_ITEM_ID}" xmlns:ds="${NS_DATASTORE}">` +
      `<ds:schemaRefs><ds:schemaRef ds:uri="${CHECK_RECORD_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`,
  );
  const itemRels = emptyRels();
  addRelationship(itemRels, REL_CUSTOM_XML_PROPS, relativeTarget(item, props));
  parts.addWhole(parts.pkg.relsPartName(item), serializeXml(itemRels));
  addRelationship(parts.doc(parts.workbookRels), REL_CUSTOM_XML, relativeTarget(parts.workbookPart, item));
  parts.touch(parts.workbookRels);
  parts.setOverride(props, CT_CUSTOM_XML_PROPS);
  // The item is plain XML: the package's "xml" default says so, unless it says something else.
  if (parts.pkg.contentType(item) !== "application/xml") parts.setOverride(item, "application/xml");
}
