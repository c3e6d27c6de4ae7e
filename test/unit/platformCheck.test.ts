/**
 * The start-up check (src/startup/platformCheck.js): it must parse as ES5 (so that Internet
 * Explorer 11 runs it), stay silent where the bundles can run, and, where they cannot (here:
 * an engine whose RegExp has no lookbehind, as EdgeHTML and Safari before 16.4), show the
 * message in the pane, answer the ribbon buttons with a dialog and complete them, and show the
 * dialog's text without the dialog's bundle. The pages are the real templates, in jsdom.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "acorn";
import { JSDOM } from "jsdom";

const ROOT = join(__dirname, "..", "..");
const SCRIPT = readFileSync(join(ROOT, "src", "startup", "platformCheck.js"), "utf8");
const TEMPLATES = {
  taskpane: readFileSync(join(ROOT, "src", "taskpane", "taskpane.html"), "utf8"),
  commands: readFileSync(join(ROOT, "src", "commands", "commands.html"), "utf8"),
  message: readFileSync(join(ROOT, "src", "commands", "message.html"), "utf8"),
};

type Page = keyof typeof TEMPLATES;

interface CheckWindow {
  __balansUnsupported?: string;
  RegExp: RegExpConstructor;
  Office?: unknown;
  eval: (source: string) => unknown;
  [name: string]: unknown;
}

/**
 * A window on the page's template (its own scripts not run), with `prepare` applied before the
 * check runs while the document is still loading (as a script in <head> does); resolves after
 * DOMContentLoaded.
 */
async function open(page: Page, url: string, prepare: (w: CheckWindow) => void = () => undefined): Promise<{ dom: JSDOM; win: CheckWindow }> {
  const dom = new JSDOM(TEMPLATES[page], { url, runScripts: "outside-only" });
  const win = dom.window as unknown as CheckWindow;
  const doc = dom.window.document;
  expect(doc.readyState).toBe("loading");
  prepare(win);
  win.eval(SCRIPT);
  await new Promise<void>((resolve) => doc.addEventListener("DOMContentLoaded", () => resolve()));
  return { dom, win };
}

/** An engine without regex lookbehind: `new RegExp("(?<=a)b")` throws a SyntaxError, as in EdgeHTML. */
function withoutLookbehind(w: CheckWindow): void {
  const Native = w.RegExp;
  const Stub = function (this: unknown, pattern: string | RegExp, flags?: string): RegExp {
    const source = typeof pattern === "string" ? pattern : pattern.source;
    if (source.includes("(?<=") || source.includes("(?<!")) throw new SyntaxError("Invalid regular expression: invalid group specifier name");
    return new Native(pattern, flags);
  } as unknown as RegExpConstructor;
  (Stub as unknown as { prototype: unknown }).prototype = Native.prototype;
  w.RegExp = Stub;
}

const text = (dom: JSDOM): string => (dom.window.document.body.textContent ?? "").replace(/\s+/g, " ").trim();

describe("platformCheck.js", () => {
  it("parses as ECMAScript 5 (a script, not a module)", () => {
    expect(() => parse(SCRIPT, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
  });

  it("the ES5 check can fail: an arrow function is rejected", () => {
    expect(() => parse("var f = () => 1;", { ecmaVersion: 5, sourceType: "script" })).toThrow();
  });

  it("is loaded by every page after office.js and before the bundle", () => {
    for (const [page, html] of Object.entries(TEMPLATES)) {
      expect({ page, marker: html.includes(`data-balans-page="${page}"`) }).toEqual({ page, marker: true });
      const office = html.indexOf("appsforoffice.microsoft.com/lib/1/hosted/office.js");
      const check = html.indexOf('src="platform-check.js"');
      expect({ page, office: office >= 0, checkAfterOffice: check > office }).toEqual({ page, office: true, checkAfterOffice: true });
      // webpack injects the bundle at the end of <head>: after the check.
      expect(check).toBeLessThan(html.indexOf("</head>"));
    }
  });

  it("does nothing where the bundles can run (Node's engine has everything)", async () => {
    const { dom, win } = await open("taskpane", "https://localhost:3000/taskpane.html");
    expect(win.__balansUnsupported).toBeUndefined();
    expect(dom.window.document.getElementById("container")?.childNodes.length).toBe(0);
    dom.window.close();
  });

  it("shows the message in the pane, in Swedish and English, when lookbehind is unsupported", async () => {
    const { dom, win } = await open("taskpane", "https://localhost:3000/taskpane.html", withoutLookbehind);
    expect(win.__balansUnsupported).toBe("RegExp lookbehind (?<=…)");
    const alert = dom.window.document.querySelector('[role="alert"]');
    expect(alert).not.toBeNull();
    expect(text(dom)).toContain("Balans kan inte starta i den här versionen av Office");
    expect(text(dom)).toContain("Balans cannot start in this version of Office");
    expect(text(dom)).toContain("Microsoft Edge WebView2");
    expect(text(dom)).toContain("Saknas / missing: RegExp lookbehind (?<=…)");
    expect(dom.window.document.querySelector('[lang="sv"] h1')?.textContent).toBe("Balans kan inte starta i den här versionen av Office");
    dom.window.close();
  });

  it("names the first missing feature: no Promise (Internet Explorer 11)", async () => {
    const { dom, win } = await open("taskpane", "https://localhost:3000/taskpane.html", (w) => {
      delete (w as { Promise?: unknown }).Promise;
    });
    expect(win.__balansUnsupported).toBe("Promise");
    expect(text(dom)).toContain("Saknas / missing: Promise");
    dom.window.close();
  });

  it("answers every ribbon button with the message in a dialog and completes the command when it closes", async () => {
    const associated: Record<string, (event: { completed: () => void }) => void> = {};
    const dialogs: { url: string; handlers: Record<string, () => void>; closed: number }[] = [];
    const { dom, win } = await open("commands", "https://localhost:3000/commands.html?_host_Info=Excel", (w) => {
      withoutLookbehind(w);
      w.Office = {
        onReady: (callback: () => void) => callback(),
        actions: { associate: (name: string, fn: (event: { completed: () => void }) => void) => (associated[name] = fn) },
        context: {
          displayLanguage: "sv-SE",
          ui: {
            displayDialogAsync: (url: string, _options: unknown, callback: (r: unknown) => void) => {
              const dialog = { url, handlers: {} as Record<string, () => void>, closed: 0 };
              dialogs.push(dialog);
              callback({
                status: "succeeded",
                value: {
                  addEventHandler: (type: string, handler: () => void) => (dialog.handlers[type] = handler),
                  close: () => (dialog.closed += 1),
                },
              });
            },
          },
        },
      };
    });
    expect(Object.keys(associated).sort()).toEqual(["infogaExempel", "infogaMall", "kontrollera", "summering"]);
    expect(typeof win.kontrollera).toBe("function");

    const event = { completed: jest.fn() };
    associated.kontrollera!(event);
    expect(dialogs).toHaveLength(1);
    const url = new URL(dialogs[0]!.url);
    expect(url.origin + url.pathname).toBe("https://localhost:3000/message.html");
    expect(url.searchParams.get("sv")).toContain("Balans kan inte starta i den här versionen av Office");
    expect(url.searchParams.get("en")).toContain("Balans cannot start in this version of Office");
    expect(url.searchParams.get("ok")).toBe("0");
    expect(url.searchParams.get("lang")).toBe("sv");
    expect(event.completed).not.toHaveBeenCalled();

    dialogs[0]!.handlers.dialogMessageReceived!(); // the user pressed Stäng
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(dialogs[0]!.closed).toBe(1);
    dialogs[0]!.handlers.dialogEventReceived!(); // and the dialog reported it closed: still once
    expect(event.completed).toHaveBeenCalledTimes(1);
    dom.window.close();
  });

  it("completes a ribbon command at once where the host has no dialog API", async () => {
    const { dom, win } = await open("commands", "https://localhost:3000/commands.html", (w) => {
      withoutLookbehind(w);
      w.Office = { onReady: (callback: () => void) => callback(), context: {} };
    });
    const event = { completed: jest.fn() };
    (win.summering as (e: typeof event) => void)(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
    dom.window.close();
  });

  it("shows the dialog's text itself in the message dialog", async () => {
    const query = new URLSearchParams({ sv: "Något på svenska", en: "Something in English", ok: "0", lang: "en" });
    const { dom } = await open("message", `https://localhost:3000/message.html?${query.toString()}`, withoutLookbehind);
    const doc = dom.window.document;
    expect(doc.getElementById("text")?.textContent).toBe("Something in English");
    expect(doc.getElementById("title")?.textContent).toBe("Balans – something went wrong");
    expect(doc.getElementById("close")?.textContent).toBe("Close");
    dom.window.close();
  });
});
