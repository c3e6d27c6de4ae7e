import { makeStyles, tokens, type GriffelStyle } from "@fluentui/react-components";

const darkLine = `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`;
const lightLine = `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`;

/** What the column letters and the row numbers share: Excel's grey, sticky headers. */
const headerCell: GriffelStyle = {
  position: "sticky",
  paddingLeft: tokens.spacingHorizontalXS,
  paddingRight: tokens.spacingHorizontalXS,
  fontWeight: tokens.fontWeightRegular,
  textAlign: "center",
  color: tokens.colorNeutralForeground2,
  backgroundColor: tokens.colorNeutralBackground3,
};

/** Excel-like grid lines and headers, in Fluent tokens where Fluent has one. */
export const useSheetGridStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    flexGrow: 1,
    minHeight: 0,
    minWidth: 0,
  },
  scroller: {
    flexGrow: 1,
    minHeight: 0,
    overflow: "auto",
    backgroundColor: tokens.colorNeutralBackground1,
    ":focus-visible": {
      outlineWidth: tokens.strokeWidthThick,
      outlineStyle: "solid",
      outlineColor: tokens.colorStrokeFocus2,
      outlineOffset: `calc(${tokens.strokeWidthThick} * -1)`,
    },
  },
  table: {
    borderCollapse: "separate",
    borderSpacing: 0,
    tableLayout: "fixed",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground1,
  },
  corner: {
    position: "sticky",
    top: 0,
    left: 0,
    zIndex: 3,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRight: darkLine,
    borderBottom: darkLine,
  },
  columnHeader: {
    ...headerCell,
    top: 0,
    zIndex: 2,
    height: "22px",
    // The line between two letters is lighter than the line under the row of letters.
    borderRight: lightLine,
    borderBottom: darkLine,
  },
  rowHeader: {
    ...headerCell,
    left: 0,
    zIndex: 1,
    // The line between two numbers is lighter than the line beside the column of numbers.
    borderRight: darkLine,
    borderBottom: lightLine,
  },
  rowHeaderSelected: {
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    fontWeight: tokens.fontWeightSemibold,
  },
  cell: {
    height: "20px",
    // Scrolled to, a cell stays clear of the sticky row numbers and column letters.
    scrollMarginLeft: "52px",
    scrollMarginTop: "26px",
    paddingLeft: "3px",
    paddingRight: "3px",
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    verticalAlign: "bottom",
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  wrap: {
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
  },
  selectedCell: {
    boxShadow: `inset 0 2px 0 ${tokens.colorBrandStroke1}, inset 0 -2px 0 ${tokens.colorBrandStroke1}`,
  },
  /** Fills its cell and is at least 24 px high: a target the size WCAG 2.2 asks for (2.5.8). */
  cellLink: {
    display: "block",
    width: "100%",
    minHeight: "24px",
    textAlign: "inherit",
    whiteSpace: "nowrap",
    padding: 0,
    border: "none",
    background: "none",
    font: "inherit",
    color: "inherit",
    textDecorationLine: "underline",
    cursor: "pointer",
    maxWidth: "100%",
    overflow: "hidden",
    textOverflow: "ellipsis",
    ":focus-visible": {
      outlineWidth: tokens.strokeWidthThick,
      outlineStyle: "solid",
      outlineColor: tokens.colorStrokeFocus2,
    },
  },
  footer: {
    display: "flex",
    maxWidth: "100%",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    minWidth: 0,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  tabs: {
    flexGrow: 1,
    flexShrink: 1,
    minWidth: 0,
    maxWidth: "100%",
    overflowX: "auto",
  },
  rowsNote: {
    flexShrink: 0,
    paddingRight: tokens.spacingHorizontalM,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  empty: {
    padding: tokens.spacingHorizontalL,
    color: tokens.colorNeutralForeground2,
  },
});
