/**
 * Which cell styles (`s` indexes into `cellXfs`) show a number as a date, read from the styles
 * part with saxes. Only dates matter to Balans: a number with a date format is a {@link CellDate}.
 */
import { formatIdKind } from "../../domain/numberFormat";
import type { OoxmlPackage } from "./openPackage";
import { parseXml, StopParsing } from "./xmlStream";

/** `dateStyles[s]` is true when cell style `s` shows a date. */
export function readDateStyles(pkg: OoxmlPackage, part: string | null): boolean[] {
  if (part === null || !pkg.has(part)) return [];
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  parseXml(part, pkg.textChunks(part), {
    open(name, a) {
      if (name === "numFmt" && a.numFmtId !== undefined) custom.set(Number(a.numFmtId), a.formatCode ?? "");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) xfFormats.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      // numFmts comes first and cellXfs after it (ECMA-376 §18.8.39): the rest (fonts of the
      // dxfs, table styles, colours, extLst) is never read.
      if (name === "cellXfs") throw new StopParsing();
    },
  });
  // Built-in ids and codes are read by the one rule of src/domain/numberFormat.ts.
  return xfFormats.map((id) => formatIdKind(id, custom.get(id)) === "date");
}
