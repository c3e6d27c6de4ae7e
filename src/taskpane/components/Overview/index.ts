export { Overview, type OverviewProps } from "./Overview";
export { ProblemList, type ProblemListProps } from "./ProblemList";
export { EmptyState, type EmptyStateProps } from "./EmptyState";
export { YearFunds, type YearFundsProps, describeDifference, areaLabel } from "./YearFunds";
export { selectAttention, type Attention } from "./useAttention";
