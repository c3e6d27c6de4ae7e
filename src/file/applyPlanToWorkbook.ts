/**
 * Moved: the ExcelJS writer of user workbooks is gone (the package patcher,
 * src/file/ooxml/patchPackage.ts, writes them); what remains, the writer of new workbooks, is
 * src/file/writeTemplate.ts. This module only re-exports it for the imports that still name it.
 * @deprecated import from "./writeTemplate".
 */
export { repairPackage, saveXlsx, writeTemplate } from "./writeTemplate";
