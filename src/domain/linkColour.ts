/**
 * Colour of link text on the summary and agenda sheets: the font colour of Excel's own
 * Hyperlink cell style (Office theme), as 6 hex digits RGB without `#`. The Excel adapter writes
 * it as `#0563C1`, the file writer as ARGB `FF0563C1`, the preview's grid as CSS.
 */
export const LINK_COLOUR = "0563C1";
