import { makeStyles, tokens } from "@fluentui/react-components";
import { headingStyles } from "../headingStyles";

export const useSettingsStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    minWidth: 0,
  },
  ...headingStyles,
  dateRow: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    rowGap: tokens.spacingVerticalS,
  },
  spin: {
    maxWidth: "10em",
  },
  date: {
    maxWidth: "12em",
  },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  text: {
    margin: 0,
    color: tokens.colorNeutralForeground2,
  },
});
