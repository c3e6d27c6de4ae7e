/**
 * Budget tracking in a real browser (issue 10): the preview on the sample shows the years side by
 * side and the chart; a party opens into its rows, and "Gå till rad" selects the row in the grid.
 * The Chromium session (dist/ served from 127.0.0.1, every other request aborted) is support/previewSession.ts.
 */
import type { Page } from "playwright-core";
import { describeInChromium } from "./support/previewSession";

/** After the sample's 2024 report-back date (31 December 2024). */
const TODAY = "2025-02-10";

jest.setTimeout(90_000);

describeInChromium("budget browser tests", ({ open: openPreview }) => {
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
});
