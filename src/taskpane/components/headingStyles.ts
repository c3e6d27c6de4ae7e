import { tokens, type GriffelStyle } from "@fluentui/react-components";

/** Section headings of the pane (Översikt, Inställningar): one look everywhere. */
export const headingStyles: Record<"h2" | "h3", GriffelStyle> = {
  h2: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  h3: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
};
