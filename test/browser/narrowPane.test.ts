/**
 * Issue 12 in a real browser (Debian's Chromium, office.js blocked, the built dist/):
 * - the pane fits Excel's default task pane width, 320 px, with no horizontal scrolling: the
 *   pane page in a 320 px window, and the preview's pane column beside the grid;
 * - the sample opens at its own date with a banner and a switch to today;
 * - after Kontrollera the grid shows the status column, labels readable (not cut);
 * - go-to-row scrolls the grid to the row's cell.
 * Skipped with the reason where Chromium is missing, except under CI=true.
 * The Chromium session (dist/ served from 127.0.0.1, every other request aborted) is support/previewSession.ts.
 */
import type { Page } from "playwright-core";
import { describeInChromium, paneReady } from "./support/previewSession";

const TODAY = "2024-11-15";
const PANE_PX = 320;

jest.setTimeout(120_000);

describeInChromium("narrow-pane browser tests", (session) => {
  /** The preview in a window `width` × `height` px, its pane ready (Kontrollera shown). */
  async function open(query: string, width: number, height = 800): Promise<Page> {
    const { page } = await session.open(query, { width, height });
    await paneReady(page);
    return page;
  }

  const pane = (page: Page) => page.getByTestId("balans-pane");

  /** The page's and the pane column's widths: what would scroll sideways. */
  function widths(page: Page): Promise<{ page: number; paneClient: number; paneScroll: number; widest: string }> {
    return page.evaluate(() => {
      const column = document.querySelector<HTMLElement>('[data-testid="balans-pane"]')!;
      const right = column.getBoundingClientRect().right;
      // The element that sticks out furthest, for the failure message.
      let widest = "";
      let max = right;
      const clippedInside = (el: HTMLElement): boolean => {
        for (let p = el.parentElement; p !== null && p !== column; p = p.parentElement) {
          if (getComputedStyle(p).overflowX !== "visible") return true;
        }
        return false;
      };
      for (const el of Array.from(column.querySelectorAll<HTMLElement>("*"))) {
        if (clippedInside(el)) continue; // inside a region that scrolls on its own (a wide table)
        const r = el.getBoundingClientRect().right;
        if (r > max + 0.5) {
          max = r;
          widest = `${el.tagName.toLowerCase()}.${el.className.toString().split(" ")[0]} "${(el.textContent ?? "").slice(0, 40)}" (${Math.round(r - right)} px)`;
        }
      }
      return { page: document.documentElement.scrollWidth, paneClient: column.clientWidth, paneScroll: column.scrollWidth, widest };
    });
  }

  it("the pane page fits a 320 px window: no horizontal scrolling, before and after Summering, on every tab", async () => {
    const page = await open(`?today=${TODAY}`, PANE_PX);
    const check = async (when: string) => {
      const w = await widths(page);
      expect({ when, pageScrollWidth: w.page <= PANE_PX, pane: w.paneScroll <= w.paneClient, widest: w.widest }).toEqual({
        when,
        pageScrollWidth: true,
        pane: true,
        widest: "",
      });
    };
    await check("at start");
    await pane(page).getByRole("button", { name: "Summering", exact: true }).click();
    await pane(page).getByText("Klart").waitFor();
    await check("after Summering");
    await pane(page).getByRole("tab", { name: /^Problem \(\d+\)$/ }).click();
    await check("problems tab");
    await pane(page).getByRole("tab", { name: "Inställningar" }).click();
    await check("settings tab");
  });

  it("the preview's pane column is 320 px wide and nothing in it scrolls sideways", async () => {
    const page = await open(`?today=${TODAY}`, 1280);
    const w = await widths(page);
    expect(w.paneClient).toBe(PANE_PX);
    expect({ scroll: w.paneScroll, widest: w.widest }).toEqual({ scroll: PANE_PX, widest: "" });
    await pane(page).getByRole("button", { name: "Summering", exact: true }).click();
    await pane(page).getByText("Klart").waitFor();
    const after = await widths(page);
    expect({ scroll: after.paneScroll, widest: after.widest }).toEqual({ scroll: PANE_PX, widest: "" });
  });

  it("opens the sample at its own date with a banner; one click switches to today", async () => {
    const page = await open("", 1280);
    const banner = page.getByTestId("sample-date");
    expect(((await banner.textContent()) ?? "").replace(/\s+/g, " ")).toContain(`visas per sitt eget datum, ${TODAY}`);
    await pane(page).getByRole("tab", { name: "Inställningar" }).click();
    expect(await pane(page).getByLabel("Datum som räknas som i dag").inputValue()).toBe(TODAY);
    await page.getByRole("button", { name: /^Använd dagens datum \(\d{4}-\d{2}-\d{2}\)$/ }).click();
    await banner.waitFor({ state: "detached" });
    await paneReady(page);
    await pane(page).getByRole("tab", { name: "Inställningar" }).click();
    expect(await pane(page).getByLabel("Datum som räknas som i dag").inputValue()).not.toBe(TODAY);
  });

  it("after Kontrollera the grid shows the status column, its labels not cut", async () => {
    const page = await open(`?today=${TODAY}`, 1280);
    await pane(page).getByRole("button", { name: "Kontrollera", exact: true }).click();
    await pane(page).getByText("Klart").waitFor();
    const header = page.locator('table[data-sheet="Balanslista"] td[data-address="I2"]');
    await page.waitForFunction(() => {
      const scroller = document.querySelector<HTMLElement>('[role="region"][aria-label^="Bladet"]');
      const cell = document.querySelector<HTMLElement>('table[data-sheet="Balanslista"] td[data-address="I2"]');
      if (!scroller || !cell) return false;
      const s = scroller.getBoundingClientRect();
      const c = cell.getBoundingClientRect();
      return c.left >= s.left && c.right <= s.right + 1;
    });
    expect(await header.textContent()).toBe("Balans status");
    const cut = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('table[data-sheet="Balanslista"] td[data-address^="I"]'))
        .filter((td) => td.scrollWidth > td.clientWidth)
        .map((td) => `${td.dataset.address}: ${td.textContent}`),
    );
    expect(cut).toEqual([]);
  });

  it("go-to-row scrolls the grid to the row's cell", async () => {
    const page = await open(`?today=${TODAY}`, 1280, 500);
    // The pane's overview lists the overdue follow-ups with a go-to link each; the furthest row.
    const links = pane(page).getByRole("button", { name: /^Gå till rad \d+ på Balanslista$/ });
    await links.first().waitFor();
    const names = await links.allTextContents();
    const rows = names.map((t) => Number(/rad (\d+)/.exec(t)?.[1] ?? "0"));
    const far = Math.max(...rows);
    expect(far).toBeGreaterThan(20);
    await links.nth(rows.indexOf(far)).click();
    await page.locator(`table[data-sheet="Balanslista"] tr[data-row="${far}"][data-selected="true"]`).waitFor();
    await page.waitForFunction((r) => {
      const scroller = document.querySelector<HTMLElement>('[role="region"][aria-label^="Bladet"]');
      const cell = Array.from(document.querySelectorAll<HTMLElement>(`table[data-sheet="Balanslista"] tr[data-row="${r}"] td`)).find(
        (td) => (td.textContent ?? "") !== "",
      );
      if (!scroller || !cell) return false;
      const s = scroller.getBoundingClientRect();
      const c = cell.getBoundingClientRect();
      return c.top >= s.top && c.bottom <= s.bottom && c.left >= s.left && c.left < s.right;
    }, far);
  });
});
