import { makeStyles, tokens } from "@fluentui/react-components";

export const useBudgetStyles = makeStyles({
  chart: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  chartYear: {
    display: "grid",
    gridTemplateColumns: "3em 1fr",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "center",
    fontSize: tokens.fontSizeBase200,
  },
  bars: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    minWidth: 0,
  },
  bar: {
    height: "8px",
    borderRadius: tokens.borderRadiusSmall,
    minWidth: "2px",
  },
  barDistributed: {
    backgroundColor: tokens.colorBrandBackground,
  },
  barUsed: {
    backgroundColor: tokens.colorPaletteTealBackground2,
  },
  legend: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  swatch: {
    display: "inline-block",
    width: "10px",
    height: "10px",
    marginRight: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusSmall,
  },
  caption: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  header: {
    minWidth: 0,
  },
  headerText: {
    display: "flex",
    flexDirection: "column",
    minWidth: 0,
    textAlign: "start",
    overflowWrap: "anywhere",
  },
  panel: {
    paddingLeft: 0,
    paddingRight: 0,
  },
  overspent: {
    color: tokens.colorStatusDangerForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
});
