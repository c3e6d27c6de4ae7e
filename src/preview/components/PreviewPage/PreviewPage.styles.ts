import { makeStaticStyles, makeStyles, tokens } from "@fluentui/react-components";

/** The page fills the window; only the grid and the pane scroll. */
export const usePreviewStaticStyles = makeStaticStyles({
  "html, body": { margin: 0, padding: 0, height: "100%" },
});

/** Width of Excel's task pane by default: the pane must fit it without horizontal scrolling. */
export const PANE_WIDTH = "320px";

/** Below this window width the page stacks: the pane first, full width, then the grid. */
const NARROW = "@media (max-width: 719px)";

export const usePreviewPageStyles = makeStyles({
  page: {
    display: "flex",
    height: "100vh",
    width: "100%",
    overflow: "hidden",
    backgroundColor: tokens.colorNeutralBackground2,
    [NARROW]: {
      flexDirection: "column",
      height: "auto",
      minHeight: "100vh",
      overflow: "visible",
    },
  },
  workbook: {
    display: "flex",
    flexDirection: "column",
    flexGrow: 1,
    minWidth: 0,
    minHeight: 0,
    [NARROW]: {
      height: "70vh",
      flexGrow: 0,
    },
  },
  header: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  toolbarRow: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    minWidth: 0,
  },
  /** The toolbar's buttons wrap onto a second line in a narrow window. */
  toolbar: {
    flexWrap: "wrap",
    minWidth: 0,
    maxWidth: "100%",
  },
  brand: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  fileName: {
    marginLeft: "auto",
    minWidth: 0,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
  hiddenInput: {
    display: "none",
  },
  detail: {
    display: "block",
    marginTop: tokens.spacingVerticalXXS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    wordBreak: "break-word",
  },
  gridArea: {
    display: "flex",
    flexDirection: "column",
    flexGrow: 1,
    minHeight: 0,
    minWidth: 0,
  },
  pane: {
    flexShrink: 0,
    width: PANE_WIDTH,
    overflowY: "auto",
    overflowX: "hidden",
    backgroundColor: tokens.colorNeutralBackground1,
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    boxShadow: tokens.shadow4,
    [NARROW]: {
      order: -1,
      width: "100%",
      overflowY: "visible",
      borderLeft: "none",
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    },
  },
});
