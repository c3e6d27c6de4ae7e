export { SheetGrid, type SheetGridProps } from "./SheetGrid";
