/**
 * Entry of the preview (loaded with import() by src/taskpane/index.tsx when the page is not
 * inside Excel): Balans over a workbook held in the page. `?today=YYYY-MM-DD` sets the date
 * used as today; `?lang=en` or `?lang=sv` the language (else the browser's).
 */
import { createRoot } from "react-dom/client";
import { PreviewPage } from "./components/PreviewPage";
import { previewParams } from "./previewParams";
import { previewStringsByLanguage } from "./previewStrings";

export function mountPreview(container: HTMLElement): void {
  const params = previewParams(window.location.search, navigator.language);
  document.documentElement.lang = params.language;
  document.title = previewStringsByLanguage[params.language].pageTitle;
  createRoot(container).render(<PreviewPage params={params} />);
}
