export { YearsOverview, type YearsOverviewProps } from "./YearsOverview";
export { RowsDrillDown, type RowsDrillDownProps } from "./RowsDrillDown";
export { FundRowsList, reportWords, type FundRowsListProps } from "./FundRowsList";
export { MoneyAttentionLists, MoneyCounts } from "./MoneyAttention";
