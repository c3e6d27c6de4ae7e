/**
 * The defined names step of patchPackage.ts: the workbook-level `<definedName>`s of the ownership
 * record, and sheet-local names such as the agenda sheet's print titles, kept in Excel's order.
 */
import type { Element } from "@xmldom/xmldom";
import type { NamePlan } from "../../domain/types";
import { WORKBOOK_ORDER, type PackageParts } from "./packageParts";
import { child, children, createLike, insertInOrder, rootOf, setText } from "./patchXml";

/**
 * Excel keeps the names sorted case-insensitively, reading "_xlnm.Print_Area" as "Print_Area";
 * "_" sorts before letters; names of the same text by sheet (workbook-level first).
 */
function nameKey(name: string): string {
  return name.replace(/^_xlnm\./iu, "").toUpperCase().replace(/_/gu, "\u0001");
}

function nameOrder(name: string, localSheetId: number | null): [string, number] {
  return [nameKey(name), localSheetId ?? -1];
}

/** Inserts a new `<definedName>` where Excel's order puts it. */
function insertName(list: Element, el: Element, name: string, localSheetId: number | null): void {
  const [key, sheet] = nameOrder(name, localSheetId);
  const after = children(list, "definedName").find((d) => {
    const local = d.getAttribute("localSheetId");
    const [k, s] = nameOrder(d.getAttribute("name") ?? "", local === null ? null : Number(local));
    return k > key || (k === key && s > sheet);
  });
  if (after === undefined) list.appendChild(el);
  else list.insertBefore(el, after);
}

/** Removes the workbook-level names `removeNames`, then creates or updates `names` (hidden, with their comment). */
export function patchNames(parts: PackageParts, names: readonly NamePlan[], removeNames: readonly string[]): void {
  if (names.length === 0 && removeNames.length === 0) return;
  const root = rootOf(parts.doc(parts.workbookPart));
  let changed = false;
  const list = child(root, "definedNames");
  const workbookScoped = (el: Element) => !el.hasAttribute("localSheetId");
  const key = nameKey;
  if (list !== null) {
    const gone = new Set(removeNames.map(key));
    for (const d of children(list, "definedName")) {
      if (workbookScoped(d) && gone.has(key(d.getAttribute("name") ?? ""))) {
        list.removeChild(d);
        changed = true;
      }
    }
  }
  if (names.length > 0) {
    const target = list ?? insertInOrder(root, createLike(root, "definedNames"), WORKBOOK_ORDER);
    if (list === null) changed = true;
    for (const n of names) {
      const existing = children(target, "definedName").find((d) => workbookScoped(d) && key(d.getAttribute("name") ?? "") === key(n.name));
      const el = existing ?? createLike(target, "definedName", { name: n.name });
      for (const [attr, value] of [["comment", n.comment], ["hidden", "1"]] as const) {
        if (el.getAttribute(attr) !== value) {
          el.setAttribute(attr, value);
          changed = true;
        }
      }
      if ((el.textContent ?? "") !== n.refersTo) {
        setText(el, n.refersTo);
        changed = true;
      }
      if (existing === undefined) {
        insertName(target, el, n.name, null);
        changed = true;
      }
    }
  }
  const after = child(root, "definedNames");
  if (after !== null && children(after, "definedName").length === 0) {
    root.removeChild(after);
    changed = true;
  }
  if (changed) parts.touch(parts.workbookPart);
}

/** Creates or replaces a sheet-local name (e.g. `_xlnm.Print_Titles` of sheet `localSheetId`). */
export function setLocalName(parts: PackageParts, name: string, localSheetId: number, refersTo: string): void {
  const root = rootOf(parts.doc(parts.workbookPart));
  const list = child(root, "definedNames") ?? insertInOrder(root, createLike(root, "definedNames"), WORKBOOK_ORDER);
  const key = nameKey(name);
  const existing = children(list, "definedName").find(
    (d) => d.getAttribute("localSheetId") === String(localSheetId) && nameKey(d.getAttribute("name") ?? "") === key,
  );
  if (existing !== undefined) {
    if ((existing.textContent ?? "") === refersTo) return;
    setText(existing, refersTo);
  } else {
    const el = createLike(list, "definedName", { name, localSheetId: String(localSheetId) });
    setText(el, refersTo);
    insertName(list, el, name, localSheetId);
  }
  parts.touch(parts.workbookPart);
}
