/**
 * Issue 8 in a real browser: a workbook whose used range is the whole grid (one typed value in
 * XFD1048576 beside a small balanslista) opens in the preview without the tab running out of
 * memory; Kontrollera flags the table and the grid shows it; the download is a workbook again.
 * The Chromium session (dist/ served from 127.0.0.1, every other request aborted) is support/previewSession.ts.
 */
import type { Page } from "playwright-core";
import { openPackage } from "../../src/file/ooxml/openPackage";
import { describeInChromium } from "./support/previewSession";
import { SPARSE_SHEET, sparseBalanslistaWorkbook } from "./support/workbooks";

const TODAY = "2024-11-15";

jest.setTimeout(120_000);

describeInChromium("sparse-sheet browser tests", ({ open: openPreview }) => {
  const pane = (page: Page) => page.getByTestId("balans-pane");
  const gridCell = (page: Page, address: string) => page.locator(`table[data-sheet="${SPARSE_SHEET}"] td[data-address="${address}"]`);

  it("opens a sheet used down to XFD1048576, flags its table and downloads a workbook", async () => {
    const { page, pageErrors } = await openPreview(`?today=${TODAY}`);
    await page.getByTestId("open-xlsx").setInputFiles({
      name: "gles.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: await sparseBalanslistaWorkbook(),
    });
    await page.getByText("Arbetsbok: gles.xlsx").waitFor();
    expect((await gridCell(page, "A2").textContent())?.trim()).toBe("1. Psykisk hälsa");
    // The grid shows the first 100 columns (A–CV) of the used range A–XFD, and says so.
    expect(await page.getByText("Visar kolumnerna A–CV av A–XFD.").count()).toBe(1);

    const kontrollera = pane(page).getByRole("button", { name: "Kontrollera", exact: true });
    await page.waitForFunction(() => document.querySelector('[data-testid="balans-pane"] main')?.getAttribute("aria-busy") === "false", undefined, { timeout: 60_000 });
    await kontrollera.click();
    await pane(page).getByText("Klart").waitFor({ timeout: 60_000 });
    // The status column is G, right of the six columns of the table.
    await page.waitForFunction(() => document.querySelector('td[data-address="G2"]')?.textContent?.includes("Försenad") === true, undefined, { timeout: 30_000 });
    expect((await gridCell(page, "G1").textContent())?.trim()).toBe("Balans status");
    expect((await gridCell(page, "G3").textContent())?.trim()).toBe("Planerad");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Ladda ner .xlsx" }).click()]);
    const path = await download.path();
    const { readFileSync } = await import("node:fs");
    const pkg = openPackage(new Uint8Array(readFileSync(path)));
    const sheet = pkg.text("xl/worksheets/sheet1.xml");
    expect(sheet).toContain('r="XFD1048576"');
    expect(sheet).toContain("Försenad");
    expect(pageErrors).toEqual([]);
  });
});
