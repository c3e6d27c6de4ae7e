/**
 * What every browser test file repeats: skip with the reason where Chromium is missing (fail under
 * CI=true), serve the built dist/ from 127.0.0.1, one Chromium for the file, a fresh context per
 * page that aborts every request leaving 127.0.0.1, and a preview page opened until its pane is ready.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { chromiumMissing, DIST, ensureBuilt, isCi, launchChromium } from "./environment";
import { startStaticServer, type StaticServer } from "./staticServer";

export interface PreviewSession {
  /** Opens taskpane.html with `query` at the given viewport; resolves when the pane is ready. */
  open(query: string, viewport?: { width: number; height: number }): Promise<{ page: Page; pageErrors: string[] }>;
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
    async open(query, viewport = { width: 1280, height: 800 }) {
      const context = await browser.newContext({ viewport, locale: "sv-SE" });
      contexts.push(context);
      await context.route("**/*", async (route) => {
        const url = new URL(route.request().url());
        if (url.hostname === "127.0.0.1" || url.protocol === "blob:" || url.protocol === "data:") return route.continue();
        return route.abort("internetdisconnected");
      });
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on("pageerror", (e) => pageErrors.push(e.message));
      await page.goto(`${server.origin}/taskpane.html${query}`, { waitUntil: "domcontentloaded" });
      await page.getByRole("toolbar").waitFor({ state: "visible", timeout: 30_000 });
      await page.waitForFunction(
        () => document.querySelector('[data-testid="balans-pane"] main')?.getAttribute("aria-busy") === "false",
        undefined,
        { timeout: 30_000 },
      );
      return { page, pageErrors };
    },
  });
}
