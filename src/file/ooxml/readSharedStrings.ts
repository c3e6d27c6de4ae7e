/**
 * The shared-strings table (`<sst>`), streamed with saxes. Rich text runs are joined; phonetic
 * runs (`<rPh>`, the furigana Excel stores beside East Asian text) are not part of the text and
 * are left out. An empty `<sst/>` is a valid, empty table. `_xHHHH_` escapes are decoded.
 */
import { decodeOoxmlText, ownString } from "../ooxmlText";
import type { OoxmlPackage } from "./openPackage";
import { parseXml } from "./xmlStream";

export function readSharedStrings(pkg: OoxmlPackage, part: string | null): string[] {
  const strings: string[] = [];
  if (part === null || !pkg.has(part)) return strings;
  let inItem = false;
  let inText = false;
  let phonetic = 0;
  let text = "";
  parseXml(part, pkg.textChunks(part), {
    open(name) {
      if (name === "si") {
        inItem = true;
        text = "";
      } else if (name === "rPh") phonetic++;
      else if (name === "t" && inItem && phonetic === 0) inText = true;
    },
    close(name) {
      if (name === "t") inText = false;
      else if (name === "rPh") phonetic--;
      else if (name === "si") {
        inItem = false;
        strings.push(ownString(decodeOoxmlText(text)));
      }
    },
    text(chunk) {
      if (inText) text += chunk;
    },
  });
  return strings;
}
