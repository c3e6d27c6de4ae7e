/**
 * Mötesunderlag in a real browser (issue 14): on the sample at 2024-11-15 the pane's card "Nästa
 * möte" names SVOM 2024-12-06, and its button writes the owned sheet "Underlag SVOM 2024-12-06",
 * which the grid then shows with links to the balanslista's rows.
 * Launch helpers as in preview.test.ts (dist/ served from 127.0.0.1, every other request aborted).
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { chromiumMissing, DIST, ensureBuilt, isCi, launchChromium } from "./support/environment";
import { startStaticServer, type StaticServer } from "./support/staticServer";

/** The sample's own date: SVOM's next meeting in the balanslista is 6/12 2024. */
const TODAY = "2024-11-15";

jest.setTimeout(90_000);

const missing = chromiumMissing();
if (missing !== null) {
  if (isCi()) {
    test("Chromium is installed (CI=true: the browser tests may not be skipped)", () => {
      throw new Error(missing);
    });
  } else {
    console.warn(`Skipping the browser tests: ${missing}`);
    test.skip(`agenda browser tests (skipped: ${missing})`, () => undefined);
  }
} else {
  describeAgendaTests();
}

function describeAgendaTests(): void {
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

  async function openPreview(query: string): Promise<{ page: Page; pageErrors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "sv-SE" });
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
  }

  const pane = (page: Page) => page.getByTestId("balans-pane");

  it("the card's Mötesunderlag button writes the agenda sheet, which the grid shows", async () => {
    const { page, pageErrors } = await openPreview(`?today=${TODAY}`);
    const card = pane(page).getByRole("region", { name: "Nästa möte" });
    await card.getByText(/SVOM.*2024-12-06|SVOM.*6 december 2024/u).first().waitFor();
    await card.getByRole("button", { name: "Mötesunderlag" }).click();
    const tab = page.getByRole("tab", { name: "Underlag SVOM 2024-12-06" });
    await tab.waitFor({ timeout: 30_000 });
    await tab.click();
    const grid = page.locator('table[data-sheet="Underlag SVOM 2024-12-06"]');
    await grid.waitFor();
    // Row 6 of the balanslista: "SVOM 6/12 2024 - uppföljning gemensam plan".
    expect(await grid.getByText("uppföljning gemensam plan", { exact: false }).count()).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  });
}
