/** What kind of value a cell holds, beyond text, number and boolean: a date, or an Excel error. */
import type { CellValue } from "./types";

export const isDateCell = (v: CellValue): v is { date: string } => v !== null && typeof v === "object" && "date" in v;
export const isErrorCell = (v: CellValue): v is { error: string } => v !== null && typeof v === "object" && "error" in v;
