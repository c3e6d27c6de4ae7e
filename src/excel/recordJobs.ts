/**
 * The jobs that write Balans's records in the workbook: the ownership record (hidden
 * workbook-level defined names) and the since-last-check record (a custom XML part, issue 11).
 */
import type { NamePlan } from "../domain/types";
import { checkRecordXml } from "../domain/checkRecordXml";
import type { ApiSupport } from "./run";
import { estimate, PATHS, type WriteJob } from "./writeJobs";

// ---------------------------------------------------------------------------------------------
// The ownership record

/**
 * The record's names, after everything they point at exists: a name Balans had is deleted and
 * added again in the same batch (its reference and comment replaced), every added name is made
 * hidden, and `removeNames` that exist are deleted. `existing`: the workbook-level names the read
 * found (a name is only deleted when it is known to exist: no call on a null object).
 */
export function nameJobs(names: readonly NamePlan[], removeNames: readonly string[], existing: readonly string[]): WriteJob[] {
  const have = new Set(existing.map((n) => n.toLowerCase()));
  const jobs: WriteJob[] = [];
  for (const n of removeNames) {
    if (!have.has(n.toLowerCase())) continue;
    jobs.push({ bytes: estimate(PATHS.workbookItem, 1, n), queue: (context) => context.workbook.names.getItem(n).delete() });
  }
  for (const n of names) {
    const replace = have.has(n.name.toLowerCase());
    jobs.push({
      bytes: estimate(PATHS.name, replace ? 3 : 2, [n.name, n.refersTo, n.comment]),
      queue: (context) => {
        const collection = context.workbook.names;
        if (replace) collection.getItem(n.name).delete();
        const added = collection.add(n.name, `=${n.refersTo}`, n.comment);
        added.visible = false;
      },
    });
  }
  return jobs;
}

// ---------------------------------------------------------------------------------------------
// The since-last-check record (issue 11)

/**
 * The record's custom XML part (ExcelApi 1.5): its XML replaced in the part the read found
 * (`partId`), or a new part added. Nothing without ExcelApi 1.5.
 */
export function checkRecordJobs(json: string, partId: string | null, supports: ApiSupport): WriteJob[] {
  if (!supports("1.5")) return [];
  const xml = checkRecordXml(json);
  return [
    {
      bytes: estimate(PATHS.workbookItem, 1, xml),
      queue: (context) => {
        const parts = context.workbook.customXmlParts;
        if (partId !== null) parts.getItem(partId).setXml(xml);
        else parts.add(xml);
      },
    },
  ];
}
