/**
 * "Infoga mall": writes a template's tables (the first template sheet) into a NEW worksheet.
 *
 * Round trips: one sync to learn the names already taken (sheets, tables, defined names), one
 * write sync (more only for a template larger than ~3.5 MB), one sync to activate the new sheet
 * (Excel on the web wants the new sheet synced before `activate`).
 */
import { templateBodyRows, type TemplateTable, type WorkbookTemplate } from "../domain/template";
import { charsToPoints, chunkRows, estimate, looksLikeFormula, packJobs, PATHS, TEXT_FORMAT, WRITE_BUDGET_BYTES, type WriteJob } from "./writeJobs";
import { cellAddress, columnLetter } from "./address";
import { syncInBatches, type ApiSupport } from "./run";
import { balansError } from "../app/port";
import { uniqueSheetName, uniqueTableName } from "../app/workbookGuards";

/** Name of the new sheet when the template does not name one. */
export const DEFAULT_TEMPLATE_SHEET = "Balans mall";

export interface InsertTemplateOptions {
  supports: ApiSupport;
  /** @default WRITE_BUDGET_BYTES */
  budgetBytes?: number;
}

export interface InsertTemplateResult {
  sheet: string;
  tables: string[];
}

/** The jobs that write one template table on `sheet`, named `tableName`. */
export function templateTableJobs(sheet: string, table: TemplateTable, tableName: string, supports: ApiSupport): WriteJob[] {
  const jobs: WriteJob[] = [];
  const width = table.headers.length;
  if (width === 0) return jobs;
  const ws = (context: Excel.RequestContext) => context.workbook.worksheets.getItem(sheet);
  const lastColumn = table.left + width - 1;
  // Excel tables always have at least one data row (an empty one when the template has none).
  const body = templateBodyRows(table);
  const bodyRows = body.length;
  const formatOf = new Map(table.numberFormats.map((f) => [f.header, f.format]));

  if (table.title !== null && table.top > 1) {
    const address = cellAddress(table.top - 1, table.left);
    const title = table.title;
    jobs.push({
      bytes: estimate(PATHS.sheetRange, 3, title),
      queue: (context) => {
        const cell = ws(context).getRange(address);
        if (looksLikeFormula(title)) cell.numberFormat = [[TEXT_FORMAT]];
        cell.values = [[title]];
        cell.format.font.bold = true;
      },
    });
  }

  // Header and rows as one block each (rows split only when large); text formats first.
  const headerAddress = `${cellAddress(table.top, table.left)}:${cellAddress(table.top, lastColumn)}`;
  const headers = [...table.headers];
  jobs.push({
    bytes: estimate(PATHS.sheetRange, 2, [headers, headers]),
    queue: (context) => {
      const range = ws(context).getRange(headerAddress);
      range.numberFormat = [headers.map((h) => (looksLikeFormula(h) ? TEXT_FORMAT : "General"))];
      range.values = [headers];
    },
  });
  const columnFormats = table.headers.map((h) => formatOf.get(h) ?? "General");
  const rows = body.map((row) => row.map((v) => v ?? ""));
  let offset = 0;
  for (const chunk of chunkRows(rows, 1_000_000)) {
    const top = table.top + 1 + offset;
    offset += chunk.length;
    const address = `${cellAddress(top, table.left)}:${cellAddress(top + chunk.length - 1, lastColumn)}`;
    // Text stays text ("1", "3/6 2024", "=…"); numbers get the column's format.
    const formats = chunk.map((row) => row.map((v, i) => (typeof v === "string" ? TEXT_FORMAT : (columnFormats[i] ?? "General"))));
    jobs.push({
      bytes: estimate(PATHS.sheetRange, 2, [chunk, formats]),
      queue: (context) => {
        const range = ws(context).getRange(address);
        range.numberFormat = formats;
        range.values = chunk;
      },
    });
  }

  // The Excel table over header + rows, with its (unique) name.
  const tableAddress = `${cellAddress(table.top, table.left)}:${cellAddress(table.top + bodyRows, lastColumn)}`;
  jobs.push({
    bytes: estimate(PATHS.sheetRange, 2, [tableAddress, tableName]),
    queue: (context) => {
      const added = ws(context).tables.add(tableAddress, true);
      added.name = tableName;
    },
  });

  table.columnWidths.forEach((chars, i) => {
    if (i >= width) return;
    const letters = columnLetter(table.left + i);
    jobs.push({
      bytes: estimate(PATHS.sheetRange, 1, chars),
      queue: (context) => {
        ws(context).getRange(`${letters}:${letters}`).format.columnWidth = charsToPoints(chars);
      },
    });
  });

  // Drop-down lists (ExcelApi 1.8); skipped without error where unsupported. A comma-separated
  // source cannot hold a value with a comma, so such a list is left out.
  if (supports("1.8")) {
    for (const v of table.validations) {
      const index = table.headers.indexOf(v.header);
      if (index < 0 || v.values.length === 0 || v.values.some((x) => x.includes(","))) continue;
      const letters = columnLetter(table.left + index);
      const address = `${letters}${table.top + 1}:${letters}${table.top + bodyRows}`;
      const source = v.values.join(",");
      jobs.push({
        bytes: estimate(PATHS.sheetRange, 2, [address, source]),
        queue: (context) => {
          const range = ws(context).getRange(address);
          range.dataValidation.clear();
          range.dataValidation.rule = { list: { inCellDropDown: true, source } };
        },
      });
    }
  }
  return jobs;
}

/** Inserts the template's first sheet as a new worksheet and returns its name. */
export async function insertTemplate(
  context: Excel.RequestContext,
  template: WorkbookTemplate,
  options: InsertTemplateOptions,
): Promise<InsertTemplateResult> {
  const source = template.sheets[0];
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const tables = context.workbook.tables;
  tables.load("items/name");
  const names = context.workbook.names;
  names.load("items/name");
  // A locked structure takes no new sheet: said before anything is written (ExcelApi 1.7).
  const protection = options.supports("1.7") ? context.workbook.protection : null;
  protection?.load("protected");
  await context.sync();

  const sheet = uniqueSheetName(source?.name ?? DEFAULT_TEMPLATE_SHEET, sheets.items.map((s) => s.name));
  if (protection?.protected === true) throw balansError("protected", "error.structure-locked", { sheet });
  const takenTables = [...tables.items.map((t) => t.name), ...names.items.map((n) => n.name)];
  const tableNames: string[] = [];
  const jobs: WriteJob[] = [
    {
      bytes: estimate(PATHS.worksheets, 1, sheet),
      queue: (ctx) => {
        ctx.workbook.worksheets.add(sheet);
      },
    },
  ];
  for (const t of source?.tables ?? []) {
    const name = uniqueTableName(t.name, [...takenTables, ...tableNames]);
    tableNames.push(name);
    jobs.push(...templateTableJobs(sheet, t, name, options.supports));
  }
  const batches = packJobs(jobs, options.budgetBytes ?? WRITE_BUDGET_BYTES);
  await syncInBatches(context, batches, (batch) => {
    for (const job of batch) job.queue(context);
  });

  const added = context.workbook.worksheets.getItem(sheet);
  added.activate();
  added.getRange("A1").select();
  await context.sync();
  return { sheet, tables: tableNames };
}
