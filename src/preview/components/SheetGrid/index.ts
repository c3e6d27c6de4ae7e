export { SheetGrid, type GridReveal, type SheetGridProps } from "./SheetGrid";
