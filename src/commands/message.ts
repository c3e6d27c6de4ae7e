/**
 * The message dialog (message.html) that a ribbon command opens when it fails. The text comes
 * in the URL's query in Swedish and English; the language follows Office's display language.
 * It renders at once and does not wait for Office: office.js only refines the language and
 * lets the Close button tell the command's page that the dialog may close.
 */
import { pickLanguage, readDialogQuery, type Language } from "./ribbonMessages";

const UI: Record<Language, { title: string; titleOk: string; close: string; empty: string }> = {
  sv: { title: "Balans – något gick fel", titleOk: "Balans", close: "Stäng", empty: "Inget meddelande." },
  en: { title: "Balans – something went wrong", titleOk: "Balans", close: "Close", empty: "No message." },
};

const content = readDialogQuery(window.location.search, navigator.language);

function render(lang: Language): void {
  const ui = UI[lang];
  document.documentElement.lang = lang;
  const title = content.ok ? ui.titleOk : ui.title;
  document.title = title;
  const main = document.getElementById("main");
  main?.classList.toggle("ok", content.ok);
  const heading = document.getElementById("title");
  if (heading) heading.textContent = title;
  const text = document.getElementById("text");
  if (text) text.textContent = (lang === "sv" ? content.sv : content.en) || ui.empty;
  const button = document.getElementById("close");
  if (button) button.textContent = ui.close;
}

function close(): void {
  try {
    if (typeof Office !== "undefined" && Office.context?.ui?.messageParent) {
      Office.context.ui.messageParent("close");
      return;
    }
  } catch {
    // not in an Office dialog: fall through
  }
  window.close();
}

/** The start-up check (src/startup/platformCheck.js) has shown the text itself on an engine that cannot run Balans. */
const unsupported = typeof (globalThis as { __balansUnsupported?: unknown }).__balansUnsupported === "string";

if (!unsupported) {
  render(content.lang);
  document.getElementById("close")?.addEventListener("click", close);
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape") close();
  });
  document.getElementById("close")?.focus();

  if (typeof Office !== "undefined") {
    void Office.onReady(() => {
      const lang = Office.context?.displayLanguage;
      if (lang) render(pickLanguage(lang));
    });
  }
}
