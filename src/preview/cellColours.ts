/**
 * ExcelJS colours as CSS colours for the preview: ARGB, the Office theme's colours with their
 * tints, and the few indexed colours workbooks use.
 */
import type ExcelJS from "exceljs";

/** The Office theme's colours (Office 2013–2022), by theme index. */
const THEME_COLOURS = [
  "FFFFFF", "000000", "E7E6E6", "44546A", "4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47", "0563C1", "954F72",
];

/** The colour of a solid fill, or null. */
export function fillColour(fill: ExcelJS.Fill | undefined): string | null {
  if (!fill || fill.type !== "pattern" || fill.pattern === "none") return null;
  return colourOf(fill.pattern === "solid" ? fill.fgColor : (fill.bgColor ?? fill.fgColor));
}

/** An ExcelJS colour (ARGB, theme with tint, or a few indexed colours) as CSS `#RRGGBB`. */
export function colourOf(colour: Partial<ExcelJS.Color> | undefined): string | null {
  if (!colour) return null;
  if (typeof colour.argb === "string" && /^[0-9A-Fa-f]{8}$/.test(colour.argb)) return `#${colour.argb.slice(2).toUpperCase()}`;
  if (typeof colour.argb === "string" && /^[0-9A-Fa-f]{6}$/.test(colour.argb)) return `#${colour.argb.toUpperCase()}`;
  const theme = (colour as { theme?: unknown }).theme;
  if (typeof theme === "number") {
    const base = THEME_COLOURS[theme];
    if (base === undefined) return null;
    const tint = (colour as { tint?: unknown }).tint;
    return `#${typeof tint === "number" && tint !== 0 ? applyTint(base, tint) : base}`;
  }
  const indexed = (colour as { indexed?: unknown }).indexed;
  if (indexed === 8) return "#000000";
  if (indexed === 9) return "#FFFFFF";
  if (indexed === 10) return "#FF0000";
  return null;
}

/** Lighter (tint > 0) or darker (tint < 0), as Excel tints theme colours (approximated in RGB). */
function applyTint(hex: string, tint: number): string {
  const channel = (i: number): string => {
    const v = parseInt(hex.slice(i, i + 2), 16);
    const t = tint < 0 ? v * (1 + tint) : v + (255 - v) * tint;
    return Math.round(Math.min(255, Math.max(0, t))).toString(16).padStart(2, "0").toUpperCase();
  };
  return channel(0) + channel(2) + channel(4);
}
