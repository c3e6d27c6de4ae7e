/**
 * The plain {@link WorkbookData} of an .xlsx file, for `balans report` and for the data half of
 * `apply` and the preview: one reader ({@link readWorkbookData} in `ooxml/`), so every caller
 * gives one verdict. It streams each part with saxes and keeps only the cells that hold a value;
 * it runs in Node and in the browser. Throws {@link PackageError} (Swedish `message`, English
 * `messageEn`) for a file the user must fix.
 */
import type { WorkbookData } from "../domain/types";
import { readWorkbookData } from "./ooxml/readWorkbookData";

export { PackageError, isPackageError } from "./ooxml/packageError";
export { readWorkbookData } from "./ooxml/readWorkbookData";

export async function readXlsxData(data: Uint8Array | ArrayBuffer): Promise<WorkbookData> {
  return readWorkbookData(data instanceof Uint8Array ? data : new Uint8Array(data));
}
