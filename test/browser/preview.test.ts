/**
 * The task pane in a real browser (Debian's Chromium through playwright-core), outside Office:
 * the built dist/ is served from 127.0.0.1, office.js from Microsoft's CDN is blocked (the
 * "office.js cannot load" case), so the page must fall back to the preview and work there.
 *
 * - dist/ is built first when it is missing or older than the sources (BALANS_BROWSER_BUILD=0
 *   makes that an error instead); `.ci/run` builds it before `npm test`.
 * - Without Chromium the suite is skipped with the reason, except under CI=true, where that fails.
 * - The screenshot after Summering is written to test/output/preview-summering.png on every run,
 *   and to docs/preview-summering.png when that is missing or BALANS_UPDATE_SCREENSHOTS=1.
 * - No request leaves 127.0.0.1: everything else is aborted (and recorded).
 * The Chromium session (dist/ served from 127.0.0.1, every other request aborted) is support/previewSession.ts.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { analyseWorkbook, defaultOptions } from "../../src/domain";
import { sampleWorkbook } from "../../src/domain/sampleWorkbook";
import { templateToWorkbookData } from "../../src/domain/templateToWorkbookData";
import { readXlsx } from "../../src/file/readXlsx";
import { ROOT } from "./support/environment";
import { describeInChromium, paneReady, type OpenedPreview } from "./support/previewSession";
import { BAD_AMOUNT_ROWS, BAD_AMOUNTS_SHEET, badAmountsWorkbook } from "./support/workbooks";

const TODAY = "2024-11-15";
const VIEWPORT = { width: 1280, height: 800 };
const PARTIES = [
  "Region Jämtland Härjedalen",
  "Kommunförbundet Jämtland Härjedalen",
  "Gemensam",
  "Östersunds kommun",
];
const TOTAL = /13\s302\s905\skr/;
const OFFICE_JS_HOST = "appsforoffice.microsoft.com";
const OUTPUT = join(ROOT, "test", "output");
const SCREENSHOT_NAME = "preview-summering.png";

/** How long the page may take to show the preview when office.js cannot load (boot does not wait for an absent office.js). */
const PREVIEW_WITHIN_MS = 6_000;

jest.setTimeout(90_000);

/** office.js from the npm package, for the CDN's hosted path; undefined (aborted) for anything else. */
function localOfficeJs(url: URL): string | undefined {
  if (url.hostname !== OFFICE_JS_HOST || !url.pathname.startsWith("/lib/1/hosted/")) return undefined;
  const file = join(ROOT, "node_modules", "@microsoft", "office-js", "dist", basename(url.pathname));
  return existsSync(file) ? file : undefined;
}

describeInChromium("browser tests", (session) => {
  /**
   * Opens taskpane.html with `query`, office.js blocked (or served from the npm package when
   * `officeJs` is "local"), and waits for the preview.
   */
  const openPreview = (query: string, officeJs: "blocked" | "local" = "blocked"): Promise<OpenedPreview> =>
    session.open(query, VIEWPORT, officeJs === "local" ? { localFile: localOfficeJs } : {});

  const pane = (page: Page) => page.getByTestId("balans-pane");
  const gridCell = (page: Page, sheet: string, address: string) =>
    page.locator(`table[data-sheet="${sheet}"] td[data-address="${address}"]`);
  const text = async (locator: ReturnType<Page["locator"]>) => ((await locator.textContent()) ?? "").replace(/\s+/g, " ").trim();

  async function seriousViolations(page: Page, include?: string): Promise<string[]> {
    let builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]);
    if (include !== undefined) builder = builder.include(include);
    const results = await builder.analyze();
    return results.violations
      .filter((v) => v.impact === "critical" || v.impact === "serious")
      .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !(v.id === "aria-hidden-focus" && isTabsterDummy(n.html))) }))
      .filter((v) => v.nodes.length > 0)
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")}`);
  }

  /**
   * Fluent's focus manager (Tabster) puts aria-hidden, focusable `<i data-tabster-dummy>` guards
   * in tab lists and toolbars on purpose: they pass focus on at once and must stay hidden from
   * screen readers. axe's aria-hidden-focus flags them; Fluent calls this by design
   * (microsoft/fluentui#27517, microsoft/tabster#288) and Accessibility Insights suppresses it
   * the same way (microsoft/accessibility-insights-web#7605). Only that rule, only those nodes.
   */
  function isTabsterDummy(html: string): boolean {
    return /^<i\b[^>]*\sdata-tabster-dummy(=|\s|>)/.test(html);
  }

  it("falls back to the preview when office.js cannot load, with the sample workbook and no errors", async () => {
    const { page, pageErrors, consoleErrors, blocked, startMs } = await openPreview(`?today=${TODAY}`);
    expect(blocked.some((u) => new URL(u).hostname === OFFICE_JS_HOST)).toBe(true);
    expect(blocked.filter((u) => new URL(u).hostname !== OFFICE_JS_HOST)).toEqual([]);
    expect(startMs).toBeLessThan(PREVIEW_WITHIN_MS);

    await page.getByText("Förhandsvisning utanför Excel — ändringarna görs i en kopia i webbläsaren.").waitFor();
    expect(await page.title()).toBe("Balans – förhandsvisning");
    // The sample built from the seeds: its four sheets as tabs, the balance list shown.
    const tabs = page.getByRole("tablist", { name: "Blad" }).getByRole("tab");
    expect(await tabs.allInnerTexts()).toEqual(["Balanslista", "Avtal", "Fördelning 2024", "Parter", "Fördelning 2022–2023"]);
    expect(await page.getByRole("tab", { name: "Balanslista" }).getAttribute("aria-selected")).toBe("true");
    expect(await text(gridCell(page, "Balanslista", "B3"))).toBe("Nytt Samverkansavtal hemsjukvård");
    // Column letters and row numbers, as in Excel.
    expect(await page.locator('table[data-sheet="Balanslista"] thead th').nth(1).textContent()).toBe("A");
    expect(await page.locator('table[data-sheet="Balanslista"] tbody tr[data-row="3"] th').textContent()).toBe("3");

    await paneReady(page);
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it("Summering writes the summary sheet: 13 302 905 kr and the four parties, in the grid and the pane", async () => {
    const { page, pageErrors, consoleErrors } = await openPreview(`?today=${TODAY}`);
    await paneReady(page);
    await pane(page).getByRole("button", { name: "Summering", exact: true }).click();
    await pane(page).getByText("Klart").waitFor();

    // As in Excel, the new summary sheet is shown.
    const tab = page.getByRole("tab", { name: "Balans summering" });
    await tab.waitFor();
    expect(await tab.getAttribute("aria-selected")).toBe("true");
    expect(await text(gridCell(page, "Balans summering", "A1"))).toBe("Balans – summering");
    expect(await text(gridCell(page, "Balans summering", "A2"))).toContain(`Beräknad för datumet ${TODAY}`);
    expect(await text(gridCell(page, "Balans summering", "A10"))).toBe("Totalt");
    expect(await text(gridCell(page, "Balans summering", "D10"))).toMatch(TOTAL);

    const partyCells = await page.locator('table[data-sheet="Balans summering"] td[data-address^="A"]').allTextContents();
    for (const party of PARTIES) expect(partyCells).toContain(party);

    // The pane shows the same total and parties.
    const paneText = ((await pane(page).textContent()) ?? "").replace(/\s+/g, " ");
    expect(paneText).toMatch(TOTAL);
    for (const party of PARTIES) expect(paneText).toContain(party);

    mkdirSync(OUTPUT, { recursive: true });
    const shot = join(OUTPUT, SCREENSHOT_NAME);
    await page.screenshot({ path: shot });
    const png = readFileSync(shot);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([VIEWPORT.width, VIEWPORT.height]);
    const docs = join(ROOT, "docs", SCREENSHOT_NAME);
    if (!existsSync(docs) || process.env.BALANS_UPDATE_SCREENSHOTS === "1") {
      mkdirSync(join(ROOT, "docs"), { recursive: true });
      copyFileSync(shot, docs);
    }

    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it("Kontrollera labels the overdue balanslista rows Försenad in the grid, in red", async () => {
    const analysis = analyseWorkbook(templateToWorkbookData(sampleWorkbook()), defaultOptions(TODAY));
    const balanslista = analysis.followUps.filter((f) => f.sheet === "Balanslista");
    const overdue = balanslista.filter((f) => f.status === "overdue").map((f) => f.row);
    const others = balanslista.filter((f) => f.status !== "overdue").map((f) => f.row);
    expect(overdue.length).toBeGreaterThan(5);

    const { page, pageErrors } = await openPreview(`?today=${TODAY}`);
    await paneReady(page);
    // Before: no status column.
    expect(await page.locator('table[data-sheet="Balanslista"] td', { hasText: "Försenad" }).count()).toBe(0);

    await pane(page).getByRole("button", { name: "Kontrollera", exact: true }).click();
    await pane(page).getByText("Klart").waitFor();

    // The status column is I, right of the eight columns of the balance list.
    expect(await text(gridCell(page, "Balanslista", "I2"))).toBe("Balans status");
    for (const row of overdue) {
      const cell = gridCell(page, "Balanslista", `I${row}`);
      expect(`${row}: ${await text(cell)}`).toBe(`${row}: Försenad`);
      expect(await cell.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(255, 199, 206)");
      expect(await cell.evaluate((el) => getComputedStyle(el).color)).toBe("rgb(156, 0, 6)");
    }
    for (const row of others) expect(`${row}: ${await text(gridCell(page, "Balanslista", `I${row}`))}`).not.toBe(`${row}: Försenad`);
    expect(await page.locator('table[data-sheet="Balanslista"] td', { hasText: "Försenad" }).count()).toBe(overdue.length);
    expect(pageErrors).toEqual([]);
  });

  it("opens a workbook with bad amounts and lists the problems with their rows; a go-to link selects the row", async () => {
    const { page, pageErrors } = await openPreview(`?today=${TODAY}`);
    await paneReady(page);

    await page.getByTestId("open-xlsx").setInputFiles({
      name: "dåliga-belopp.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: await badAmountsWorkbook(),
    });
    await page.getByText("Arbetsbok: dåliga-belopp.xlsx").waitFor();
    expect(await page.getByRole("tablist", { name: "Blad" }).getByRole("tab").allInnerTexts()).toEqual([BAD_AMOUNTS_SHEET]);
    for (const bad of BAD_AMOUNT_ROWS) expect(await text(gridCell(page, BAD_AMOUNTS_SHEET, `E${bad.row}`))).toBe(bad.text);

    await paneReady(page);
    const problemsTab = pane(page).getByRole("tab", { name: /^Problem \(\d+\)$/ });
    await problemsTab.click();
    const items = pane(page).getByRole("listitem");
    await items.first().waitFor();
    const listed = (await items.allTextContents()).map((t) => t.replace(/\s+/g, " "));
    for (const bad of BAD_AMOUNT_ROWS) {
      const item = listed.find((t) => t.includes(bad.text));
      expect(item).toBeDefined();
      expect(item).toContain(`Gå till rad ${bad.row} på ${BAD_AMOUNTS_SHEET}`);
    }

    const [first] = BAD_AMOUNT_ROWS;
    if (first === undefined) throw new Error("no bad rows");
    await pane(page).getByRole("button", { name: `Gå till rad ${first.row} på ${BAD_AMOUNTS_SHEET}` }).click();
    await page.locator(`table[data-sheet="${BAD_AMOUNTS_SHEET}"] tr[data-row="${first.row}"][data-selected="true"]`).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it("shows an error, not a crash, for a file that is not a workbook, and keeps the workbook shown", async () => {
    const { page, pageErrors } = await openPreview(`?today=${TODAY}`);
    await paneReady(page);
    await page.getByTestId("open-xlsx").setInputFiles({ name: "anteckningar.xlsx", mimeType: "text/plain", buffer: Buffer.from("inte en arbetsbok") });
    const alert = page.getByText("Filen kunde inte öppnas");
    await alert.waitFor();
    expect(await page.getByText("anteckningar.xlsx kunde inte läsas som en Excel-arbetsbok (.xlsx).", { exact: false }).count()).toBe(1);
    expect(await page.getByRole("tab", { name: "Balanslista" }).getAttribute("aria-selected")).toBe("true");
    expect(await pane(page).getByRole("button", { name: "Kontrollera", exact: true }).isEnabled()).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it("downloads the changed workbook as balans-forhandsvisning.xlsx", async () => {
    const { page } = await openPreview(`?today=${TODAY}`);
    await paneReady(page);
    await pane(page).getByRole("button", { name: "Kontrollera", exact: true }).click();
    await pane(page).getByText("Klart").waitFor();
    // The grid shows the port's workbook: once it has the status column, the download has it too.
    await gridCell(page, "Balanslista", "I2").filter({ hasText: "Balans status" }).waitFor({ timeout: 30_000 });
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Ladda ner .xlsx" }).click()]);
    expect(download.suggestedFilename()).toBe("balans-forhandsvisning.xlsx");
    const path = await download.path();
    const { workbook } = await readXlsx(readFileSync(path));
    expect(workbook.getWorksheet("Balanslista")?.getCell("I2").value).toBe("Balans status");
    // The live status (issue 11): Balans's formula over the dates column, with the day's label cached.
    expect(workbook.getWorksheet("Balanslista")?.getCell("I4").value).toMatchObject({ formula: expect.stringMatching(/^IF\(J4="","",/u), result: "Försenad" });
    expect(workbook.getWorksheet("Balanslista")?.getCell("J2").value).toBe("Balans datum");
  });

  it("has no serious or critical accessibility violations (axe-core) in the pane, before and after Summering", async () => {
    const { page } = await openPreview(`?today=${TODAY}`);
    await paneReady(page);
    expect(await seriousViolations(page, '[data-testid="balans-pane"]')).toEqual([]);
    await pane(page).getByRole("button", { name: "Summering", exact: true }).click();
    await pane(page).getByText("Klart").waitFor();
    expect(await seriousViolations(page, '[data-testid="balans-pane"]')).toEqual([]);
    await pane(page).getByRole("tab", { name: /^Problem \(\d+\)$/ }).click();
    expect(await seriousViolations(page, '[data-testid="balans-pane"]')).toEqual([]);
    // The rest of the page (toolbar, grid, sheet tabs) too.
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("speaks English with ?lang=en", async () => {
    const { page } = await openPreview(`?today=${TODAY}&lang=en`);
    await page.getByText("Preview outside Excel — changes are made to a copy in the browser.").waitFor();
    await paneReady(page, "Check");
    await pane(page).getByRole("button", { name: "Summary", exact: true }).click();
    await pane(page).getByText("Done", { exact: true }).waitFor();
    expect(await text(gridCell(page, "Balans summering", "D10"))).toBe("13,302,905 kr");
  });

  it("also shows the preview when office.js loads but there is no Office host", async () => {
    const { page, blocked, startMs } = await openPreview(`?today=${TODAY}`, "local");
    expect(blocked.filter((u) => new URL(u).pathname.endsWith("/office.js"))).toEqual([]);
    expect(startMs).toBeLessThan(PREVIEW_WITHIN_MS);
    await paneReady(page);
    expect(await page.getByRole("tab", { name: "Balanslista" }).getAttribute("aria-selected")).toBe("true");
  });
});
