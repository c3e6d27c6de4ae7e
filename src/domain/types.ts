/**
 * Plain data shared by the engine, the adapters and the UI.
 * Nothing here knows about Excel, Office, React or files.
 * Split by concept into src/domain/types/*.ts; import from here.
 */
export type * from "./types/workbook";
export type * from "./types/tables";
export type * from "./types/analysis";
export type * from "./types/plan";
