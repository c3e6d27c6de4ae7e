export { PreviewPage, type PreviewPageProps } from "./PreviewPage";
export { DOWNLOAD_NAME } from "./usePreviewWorkbook";
