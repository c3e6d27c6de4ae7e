/**
 * Streams one XML part through saxes (a well-kept, conformant streaming parser; no XML parsing by
 * hand here). Element names are handed over without their namespace prefix (`x:row` → `row`);
 * attribute names are kept as written (`r:id`). A DOCTYPE is refused before anything else is
 * read: OOXML never has one, and it is how entity bombs ("billion laughs") and external entities
 * come in. saxes itself expands only the five predefined entities and character references.
 */
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { localise } from "../../domain/messages";
import { PackageError, packageError } from "./packageError";

export interface XmlHandlers {
  /** A start tag (also for an empty element, which is followed by its `close`). */
  open?(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  /** Character data (text or CDATA), possibly in several pieces. */
  text?(text: string): void;
}

/** Thrown by a handler to stop reading a part early (caught by {@link parseXml}). */
export class StopParsing extends Error {}

/** The name without its namespace prefix. */
export function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon === -1 ? name : name.slice(colon + 1);
}

/** The value of the attribute whose local name is `local` and that has a prefix (e.g. `r:id`). */
export function prefixedAttribute(attributes: Record<string, string>, local: string): string | undefined {
  for (const key in attributes) {
    const colon = key.indexOf(":");
    if (colon !== -1 && key.slice(colon + 1) === local && key.slice(0, colon) !== "xmlns") return attributes[key];
  }
  return undefined;
}

/** Parse `chunks` (the decoded text of part `part`) and call the handlers. */
export function parseXml(part: string, chunks: Iterable<string>, handlers: XmlHandlers): void {
  // No position tracking: a line and column in a part that is one long line help nobody.
  const parser = new SaxesParser({ xmlns: false, position: false });
  const { open, close, text } = handlers;
  parser.on("doctype", () => {
    throw doctypeError(part);
  });
  if (open !== undefined) {
    parser.on("opentag", (tag: SaxesTagPlain) => {
      const name = tag.name;
      open(name.indexOf(":") === -1 ? name : localName(name), tag.attributes);
    });
  }
  if (close !== undefined) {
    parser.on("closetag", (tag: SaxesTagPlain) => {
      const name = tag.name;
      close(name.indexOf(":") === -1 ? name : localName(name));
    });
  }
  if (text !== undefined) {
    parser.on("text", text);
    parser.on("cdata", text);
  }
  try {
    for (const chunk of chunks) parser.write(chunk);
    parser.close();
  } catch (e) {
    if (e instanceof StopParsing) return;
    if (e instanceof PackageError) throw e;
    const detail = e instanceof Error ? e.message : String(e);
    throw packageError("bad-xml", localise("package.bad-xml", { part, detail }), part);
  }
}

export function doctypeError(part: string): PackageError {
  return packageError("doctype", localise("package.doctype", { part }), part);
}
