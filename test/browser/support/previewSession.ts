/**
 * What every browser test file repeats: skip with the reason where Chromium is missing (fail under
 * CI=true), serve the built dist/ from 127.0.0.1, one Chromium for the file, a fresh context per
 * page that aborts every request leaving 127.0.0.1 (and records it), and a preview page opened until
 * its pane is ready, with the page's uncaught errors and console errors collected.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { chromiumMissing, DIST, ensureBuilt, isCi, launchChromium } from "./environment";
import { startStaticServer, type StaticServer } from "./staticServer";

export interface OpenOptions {
  /**
   * A local file to answer a request that would leave 127.0.0.1 with (e.g. office.js from the npm
   * package), or undefined to abort that request like every other.
   */
  localFile?: (url: URL) => string | undefined;
}

export interface OpenedPreview {
  page: Page;
  /** Uncaught errors in the page. */
  pageErrors: string[];
  /** console.error messages, except the failed resource loads that the aborted requests cause. */
  consoleErrors: string[];
  /** Requests aborted because they would leave 127.0.0.1. */
  blocked: string[];
  /** Milliseconds from navigation until the preview's toolbar was visible. */
  startMs: number;
}

export interface PreviewSession {
  /** Opens taskpane.html with `query` at the given viewport; resolves when the pane is ready. */
  open(query: string, viewport?: { width: number; height: number }, options?: OpenOptions): Promise<OpenedPreview>;
}

/** Waits until the pane is not busy (its main's aria-busy is "false"). */
function paneIdle(page: Page): Promise<unknown> {
  return page.waitForFunction(
    () => document.querySelector('[data-testid="balans-pane"] main')?.getAttribute("aria-busy") === "false",
    undefined,
    { timeout: 30_000 },
  );
}

/** Waits until the pane has read the workbook: its action button `actionName` shown, the pane not busy. */
export async function paneReady(page: Page, actionName = "Kontrollera"): Promise<void> {
  await page.getByTestId("balans-pane").getByRole("button", { name: actionName, exact: true }).waitFor({ state: "visible" });
  await paneIdle(page);
}

/** Declares the file's tests with `body`, or the skip/failure that stands for them without Chromium. */
export function describeInChromium(name: string, body: (session: PreviewSession) => void): void {
  const missing = chromiumMissing();
  if (missing !== null) {
    if (isCi()) {
      test("Chromium is installed (CI=true: the browser tests may not be skipped)", () => {
        throw new Error(missing);
      });
    } else {
      console.warn(`Skipping the ${name}: ${missing}`);
      test.skip(`${name} (skipped: ${missing})`, () => undefined);
    }
    return;
  }
  let browser: Browser;
  let server: StaticServer;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ensureBuilt();
    server = await startStaticServer(DIST);
    browser = await launchChromium();
  }, 6 * 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });

  body({
    async open(query, viewport = { width: 1280, height: 800 }, options = {}) {
      const context = await browser.newContext({ viewport, locale: "sv-SE" });
      contexts.push(context);
      const blocked: string[] = [];
      await context.route("**/*", async (route) => {
        const url = new URL(route.request().url());
        if (url.hostname === "127.0.0.1" || url.protocol === "blob:" || url.protocol === "data:") return route.continue();
        const file = options.localFile?.(url);
        if (file !== undefined) return route.fulfill({ path: file });
        blocked.push(url.href);
        return route.abort("internetdisconnected");
      });
      const page = await context.newPage();
      const pageErrors: string[] = [];
      const consoleErrors: string[] = [];
      page.on("pageerror", (e) => pageErrors.push(e.message));
      page.on("console", (m) => {
        if (m.type() !== "error") return;
        // An aborted request (office.js from the CDN) is logged by Chromium as a failed resource load.
        if (/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(m.text())) return;
        consoleErrors.push(m.text());
      });
      const started = Date.now();
      await page.goto(`${server.origin}/taskpane.html${query}`, { waitUntil: "domcontentloaded" });
      await page.getByRole("toolbar").waitFor({ state: "visible", timeout: 30_000 });
      const startMs = Date.now() - started;
      await paneIdle(page);
      return { page, pageErrors, consoleErrors, blocked, startMs };
    },
  });
}
