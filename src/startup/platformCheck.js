/*
 * Balans start-up check: plain ES5, no modules, no build step (copied as it is to
 * dist/platform-check.js). Every page loads it after office.js and before its bundle, so
 * that it runs in every engine Office may use, Internet Explorer 11 (Trident) included.
 *
 * The bundles need what Microsoft Edge WebView2 (Windows), Safari/WKWebView 16.4 or later
 * (Mac, iPad) and current browsers (Excel on the web) have: ES2020 built-ins and regular
 * expressions with lookbehind and \p{…} (the engine's text rules use them). On an engine
 * without them (Trident, EdgeHTML, Safari before 16.4) the bundles would fail to parse or
 * to run, and the user would see a blank pane and dead buttons. Instead this script sets
 * window.__balansUnsupported (the bundles then start nothing) and:
 * - task pane (data-balans-page="taskpane"): shows a message in Swedish and English;
 * - ribbon function file ("commands"): answers each button with the same message in a dialog
 *   and completes the command (event.completed());
 * - message dialog ("message"): shows the text it was opened with (its own bundle cannot run).
 * Tested by test/unit/platformCheck.test.ts (ES5 syntax with acorn, the pages in jsdom).
 */
/* eslint-disable @typescript-eslint/no-unused-vars -- ES5 has no optional catch binding: every catch names its error */
(function () {
  "use strict";

  var root = typeof window !== "undefined" ? window : this;

  /** The first thing missing that the bundles need, or null when the engine can run them. */
  function missingFeature() {
    if (typeof Promise === "undefined") return "Promise";
    if (typeof Proxy === "undefined") return "Proxy";
    if (typeof globalThis === "undefined") return "globalThis";
    if (typeof Symbol === "undefined" || typeof Symbol.asyncIterator === "undefined") return "Symbol.asyncIterator";
    if (typeof Promise.allSettled !== "function") return "Promise.allSettled";
    if (typeof Object.fromEntries !== "function") return "Object.fromEntries";
    if (typeof String.prototype.replaceAll !== "function") return "String.prototype.replaceAll";
    try {
      new RegExp("(?<=a)b");
      new RegExp("(?<!a)b");
    } catch (e) {
      return "RegExp lookbehind (?<=…)";
    }
    try {
      new RegExp("\\p{L}", "u");
    } catch (e) {
      return "RegExp \\p{…}";
    }
    return null;
  }

  var missing;
  try {
    missing = missingFeature();
  } catch (e) {
    missing = "feature check failed";
  }
  if (missing === null) return;
  root.__balansUnsupported = missing;

  var TITLE_SV = "Balans kan inte starta i den här versionen av Office";
  var TITLE_EN = "Balans cannot start in this version of Office";
  var TEXT_SV =
    "Office visar tillägget med en äldre webbläsarmotor (Internet Explorer eller Edge Legacy). " +
    "Balans behöver Microsoft Edge WebView2 i Windows, Safari 16.4 eller senare på Mac, " +
    "eller Excel på webben i en aktuell webbläsare. Be IT installera Microsoft Edge WebView2 Runtime " +
    "eller uppdatera Office, eller använd Excel på webben.";
  var TEXT_EN =
    "Office shows the add-in with an older browser engine (Internet Explorer or Edge Legacy). " +
    "Balans needs Microsoft Edge WebView2 on Windows, Safari 16.4 or later on a Mac, " +
    "or Excel on the web in a current browser. Ask IT to install the Microsoft Edge WebView2 Runtime " +
    "or to update Office, or use Excel on the web.";
  var DETAIL = "Saknas / missing: " + missing;

  var doc = root.document;
  var page = doc && doc.documentElement ? doc.documentElement.getAttribute("data-balans-page") : null;

  function onReady(fn) {
    if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", fn);
    else fn();
  }

  function element(tag, text, style) {
    var el = doc.createElement(tag);
    if (text !== undefined && text !== null) el.appendChild(doc.createTextNode(text));
    if (style) el.setAttribute("style", style);
    return el;
  }

  function block(lang, title, text) {
    var section = element("section", null, "margin:0 0 16px 0");
    section.setAttribute("lang", lang);
    section.appendChild(element("h1", title, "font-size:16px;line-height:22px;margin:0 0 8px 0;font-weight:600"));
    section.appendChild(element("p", text, "margin:0"));
    return section;
  }

  // ---------- the task pane ----------

  function showInPane() {
    var container = doc.getElementById("container");
    if (!container) {
      container = element("div");
      container.id = "container";
      doc.body.appendChild(container);
    }
    while (container.firstChild) container.removeChild(container.firstChild);
    var box = element(
      "div",
      null,
      "font-family:'Segoe UI',-apple-system,BlinkMacSystemFont,Roboto,'Helvetica Neue',sans-serif;" +
        "font-size:14px;line-height:20px;color:#242424;padding:16px;border-left:4px solid #c50f1f;background:#fdf3f4;margin:12px"
    );
    box.setAttribute("role", "alert");
    box.setAttribute("data-testid", "balans-unsupported");
    box.appendChild(block("sv", TITLE_SV, TEXT_SV));
    box.appendChild(block("en", TITLE_EN, TEXT_EN));
    box.appendChild(element("p", DETAIL, "margin:0;font-size:12px;color:#616161"));
    container.appendChild(box);
  }

  // ---------- the message dialog ----------

  function queryParam(name) {
    var search = (root.location && root.location.search) || "";
    var parts = search.replace(/^\?/, "").split("&");
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf("=");
      var key = eq < 0 ? parts[i] : parts[i].substring(0, eq);
      if (key === name) {
        try {
          return decodeURIComponent((eq < 0 ? "" : parts[i].substring(eq + 1)).replace(/\+/g, " "));
        } catch (e) {
          return "";
        }
      }
    }
    return "";
  }

  function showInDialog() {
    var lang = queryParam("lang") === "en" ? "en" : "sv";
    var sv = queryParam("sv");
    var en = queryParam("en");
    var text = lang === "en" ? en || sv : sv || en;
    var title = doc.getElementById("title");
    var p = doc.getElementById("text");
    var button = doc.getElementById("close");
    if (title) title.textContent = queryParam("ok") === "1" ? "Balans" : lang === "en" ? "Balans – something went wrong" : "Balans – något gick fel";
    if (p) p.textContent = text;
    if (button) {
      button.textContent = lang === "en" ? "Close" : "Stäng";
      button.onclick = function () {
        try {
          if (root.Office && root.Office.context && root.Office.context.ui && root.Office.context.ui.messageParent) {
            root.Office.context.ui.messageParent("close");
            return;
          }
        } catch (e) {
          // not in an Office dialog
        }
        root.close();
      };
    }
    doc.documentElement.setAttribute("lang", lang);
  }

  // ---------- the ribbon's function file ----------

  /** The dialog is closed by itself after this long: a command must complete within 5 minutes. */
  var DIALOG_TIMEOUT_MS = 4 * 60 * 1000;

  function dialogUrl() {
    var href = String(root.location.href).replace(/[?#].*$/, "");
    var base = href.substring(0, href.lastIndexOf("/") + 1);
    return (
      base +
      "message.html?sv=" +
      encodeURIComponent(TITLE_SV + ". " + TEXT_SV + " (" + DETAIL + ")") +
      "&en=" +
      encodeURIComponent(TITLE_EN + ". " + TEXT_EN + " (" + DETAIL + ")") +
      "&ok=0&lang=" +
      (displayLanguageIsEnglish() ? "en" : "sv")
    );
  }

  function displayLanguageIsEnglish() {
    try {
      var tag = (root.Office && root.Office.context && root.Office.context.displayLanguage) || "";
      return String(tag).toLowerCase().split(/[-_]/)[0] === "en";
    } catch (e) {
      return false;
    }
  }

  /** The handler for every ribbon button: the message in a dialog, then event.completed(). */
  function unsupportedCommand(event) {
    var completed = false;
    var dialog = null;
    var timer = null;
    function complete() {
      if (completed) return;
      completed = true;
      if (timer !== null) root.clearTimeout(timer);
      try {
        if (dialog) dialog.close();
      } catch (e) {
        // already closed
      }
      try {
        if (event && typeof event.completed === "function") event.completed();
      } catch (e) {
        // nothing more to do
      }
    }
    try {
      var ui = root.Office && root.Office.context ? root.Office.context.ui : null;
      if (!ui || typeof ui.displayDialogAsync !== "function") {
        complete();
        return;
      }
      timer = root.setTimeout(complete, DIALOG_TIMEOUT_MS);
      ui.displayDialogAsync(dialogUrl(), { height: 40, width: 40, displayInIframe: true }, function (result) {
        if (!result || result.status !== "succeeded" || !result.value) {
          complete();
          return;
        }
        dialog = result.value;
        try {
          dialog.addEventHandler("dialogMessageReceived", complete);
          dialog.addEventHandler("dialogEventReceived", complete);
        } catch (e) {
          complete();
        }
      });
    } catch (e) {
      complete();
    }
  }

  var COMMANDS = ["kontrollera", "summering", "infogaMall", "infogaExempel"];

  function registerCommands() {
    var i;
    // Older hosts look the function up by name on the global object.
    for (i = 0; i < COMMANDS.length; i++) root[COMMANDS[i]] = unsupportedCommand;
    var office = root.Office;
    if (!office || typeof office.onReady !== "function") return;
    office.onReady(function () {
      if (!office.actions || typeof office.actions.associate !== "function") return;
      for (var j = 0; j < COMMANDS.length; j++) office.actions.associate(COMMANDS[j], unsupportedCommand);
    });
  }

  if (page === "commands") registerCommands();
  else if (page === "message") onReady(showInDialog);
  else if (doc) onReady(showInPane);
})();
