/**
 * Mötesunderlag in a real browser (issue 14): on the sample at 2024-11-15 the pane's card "Nästa
 * möte" names SVOM 2024-12-06, and its button writes the owned sheet "Underlag SVOM 2024-12-06",
 * which the grid then shows with links to the balanslista's rows.
 * The Chromium session (dist/ served from 127.0.0.1, every other request aborted) is support/previewSession.ts.
 */
import type { Page } from "playwright-core";
import { describeInChromium } from "./support/previewSession";

/** The sample's own date: SVOM's next meeting in the balanslista is 6/12 2024. */
const TODAY = "2024-11-15";

jest.setTimeout(90_000);

describeInChromium("agenda browser tests", ({ open: openPreview }) => {
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
});
