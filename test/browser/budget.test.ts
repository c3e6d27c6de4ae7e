/**
 * Budget tracking in a real browser (issue 10): the preview on the sample shows the years side by
 * side and the chart; a party opens into its rows, and "Gå till rad" selects the row in the grid.
 * Launch helpers as in preview.test.ts (dist/ served from 127.0.0.1, every other request aborted).
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { chromiumMissing, DIST, ensureBuilt, isCi, launchChromium } from "./support/environment";
import { startStaticServer, type StaticServer } from "./support/staticServer";

/** After the sample's 2024 report-back date (31 December 2024). */
const TODAY = "2025-02-10";

jest.setTimeout(90_000);

const missing = chromiumMissing();
if (missing !== null) {
  if (isCi()) {
    test("Chromium is installed (CI=true: the browser tests may not be skipped)", () => {
      throw new Error(missing);
    });
  } else {
    console.warn(`Skipping the browser tests: ${missing}`);
    test.skip(`budget browser tests (skipped: ${missing})`, () => undefined);
  }
} else {
  describeBudgetTests();
}

function describeBudgetTests(): void {
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

  it("shows the years side by side and the chart, and a party opens into its rows that lead to the row", async () => {
    const { page, pageErrors } = await openPreview(`?today=${TODAY}`);
    const years = pane(page).getByRole("table", { name: "Medel per år" });
    await years.waitFor();
    expect(await years.getByRole("columnheader").allInnerTexts()).toEqual(["", "2022", "2023", "2024"]);
    await pane(page).getByRole("figure", { name: "Fördelat och förbrukat per år" }).waitFor();
    expect(await pane(page).getByRole("list", { name: "Medel att hålla koll på" }).getByRole("listitem").allInnerTexts()).toEqual([
      "Obalans: 0",
      "Överskridet: 1",
      "Återredovisning försenad: 2",
      "Återredovisning snart: 0",
    ]);

    const parties = pane(page).getByRole("region", { name: "Insatser per part 2024" });
    await parties.getByRole("button", { name: /Östersunds kommun/ }).click();
    const rows = parties.getByRole("list", { name: "Östersunds kommun" });
    await rows.getByText("MiniMaria Östersunds Kommun").waitFor();
    // The sample's 2024 distribution: header on row 2, MiniMaria Östersunds Kommun is its 7th row.
    await rows.getByRole("button", { name: "Gå till rad 9 på Fördelning 2024" }).click();
    await page.waitForFunction(
      () => document.querySelector('table[data-sheet="Fördelning 2024"] tr[data-row="9"]')?.getAttribute("data-selected") === "true",
      undefined,
      { timeout: 10_000 },
    );
    expect(pageErrors).toEqual([]);
  });
}
