import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import ExcelJS from "exceljs";
import { FORDELNING_HEADERS } from "../../src/domain/sampleWorkbook";
import { PreviewPage } from "../../src/preview/components/PreviewPage";
import { previewParams } from "../../src/preview/previewParams";
import { fixDate } from "./fixedDate";

const TODAY = "2024-11-15";

// jsdom has no ResizeObserver, which Fluent's Toolbar asks for.
beforeAll(() => {
  if (typeof window.ResizeObserver === "undefined") {
    window.ResizeObserver = class {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    };
  }
});
const NB = "\u00a0";

afterEach(() => jest.useRealTimers());

function renderPage(search = `?today=${TODAY}`, maxRows?: number) {
  const user = userEvent.setup();
  const params = previewParams(search, "sv-SE");
  const result = render(maxRows === undefined ? <PreviewPage params={params} /> : <PreviewPage params={params} maxRows={maxRows} />);
  return { ...result, user };
}

const grid = (container: HTMLElement, sheet: string) => container.querySelector(`table[data-sheet="${sheet}"]`);
const cell = (container: HTMLElement, sheet: string, address: string) =>
  container.querySelector(`table[data-sheet="${sheet}"] td[data-address="${address}"]`)?.textContent ?? null;
const pane = () => screen.getByTestId("balans-pane");

async function paneReady(): Promise<void> {
  await waitFor(() => expect(pane().querySelector("main")).toHaveAttribute("aria-busy", "false"));
}

async function badAmounts(): Promise<File> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Fördelning");
  ws.addTable({
    name: "Fordelning",
    ref: "A1",
    headerRow: true,
    columns: FORDELNING_HEADERS.map((name) => ({ name })),
    rows: [
      [2024, "1", "Insats A", "Region Jämtland Härjedalen", 100000],
      [2024, "2", "Insats B", "Östersunds kommun", "tolv tusen"],
    ],
  });
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return new File([bytes], "belopp.xlsx", { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
}

// Kontrollera and Summering patch the workbook's package and load it again for the grid: several
// seconds in jsdom on a busy 2-core machine. Not a timed test: the limit only stops a hang.
jest.setTimeout(60_000);

describe("PreviewPage", () => {
  it("shows the sample workbook as a grid with sheet tabs, the notice with the date, and the pane", async () => {
    const { container } = renderPage();
    expect(screen.getByText(`Förhandsvisning utanför Excel — ändringarna görs i en kopia i webbläsaren. Dagens datum är satt till ${TODAY}.`)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Öppna .xlsx…" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Exempelarbetsbok" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Ladda ner .xlsx" })).toBeInTheDocument();
    const tablist = within(screen.getByRole("tablist", { name: "Blad" }));
    expect(tablist.getAllByRole("tab")).toHaveLength(5);
    for (const name of ["Balanslista", "Avtal", "Fördelning 2024", "Parter", "Fördelning 2022–2023"]) expect(tablist.getByRole("tab", { name })).toBeInTheDocument();
    expect(screen.getByRole("tab", { name: "Balanslista" })).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("region", { name: "Bladet Balanslista" })).toBeInTheDocument();
    expect(cell(container, "Balanslista", "B3")).toBe("Nytt Samverkansavtal hemsjukvård");
    await paneReady();
    expect(within(pane()).getByRole("button", { name: "Kontrollera" })).toBeEnabled();
  });

  it("switches sheets with the tabs", async () => {
    const { container, user } = renderPage();
    await user.click(screen.getByRole("tab", { name: "Fördelning 2024" }));
    expect(screen.getByRole("tab", { name: "Fördelning 2024" })).toHaveAttribute("aria-selected", "true");
    expect(grid(container, "Balanslista")).toBeNull();
    expect(cell(container, "Fördelning 2024", "A2")).toBe("År");
    await paneReady();
  });

  it("Summering writes the summary sheet, which the grid then shows", async () => {
    const { container, user } = renderPage();
    await paneReady();
    await user.click(within(pane()).getByRole("button", { name: "Summering" }));
    await waitFor(() => expect(screen.getByRole("tab", { name: "Balans summering" })).toHaveAttribute("aria-selected", "true"));
    expect(cell(container, "Balans summering", "D10")).toBe(`13${NB}302${NB}905 kr`);
    expect(within(pane()).getByText("Klart")).toBeInTheDocument();
  });

  it("Kontrollera writes the status column, and a go-to link in the grid selects the row", async () => {
    const { container, user } = renderPage();
    await paneReady();
    await user.click(within(pane()).getByRole("button", { name: "Kontrollera" }));
    await waitFor(() => expect(cell(container, "Balanslista", "I4")).toBe("Försenad"));
    await user.click(within(pane()).getByRole("button", { name: "Summering" }));
    await waitFor(() => expect(grid(container, "Balans summering")).not.toBeNull());
    await user.click(screen.getAllByRole("button", { name: "Rad 4" })[0]!);
    await waitFor(() => expect(container.querySelector('table[data-sheet="Balanslista"] tr[data-row="4"]')).toHaveAttribute("data-selected", "true"));
  });

  it("opens a chosen .xlsx, and the pane lists its problems", async () => {
    const { container } = renderPage();
    await paneReady();
    const input = screen.getByTestId("open-xlsx") as HTMLInputElement;
    const file = await badAmounts();
    await act(async () => {
      fireEvent.change(input, { target: { files: [file] } });
    });
    await waitFor(() => expect(screen.getByText("Arbetsbok: belopp.xlsx")).toBeInTheDocument());
    expect(cell(container, "Fördelning", "E3")).toBe("tolv tusen");
    await paneReady();
    await waitFor(() => expect(within(pane()).getByRole("tab", { name: /^Problem \([1-9]\d*\)$/ })).toBeInTheDocument());

    // Back to the sample.
    fireEvent.click(screen.getByRole("button", { name: "Exempelarbetsbok" }));
    await waitFor(() => expect(screen.getByRole("tab", { name: "Balanslista" })).toBeInTheDocument());
    await paneReady();
  });

  it("shows an error for a file that is not a workbook and keeps the workbook", async () => {
    const { container } = renderPage();
    const input = screen.getByTestId("open-xlsx") as HTMLInputElement;
    await act(async () => {
      fireEvent.change(input, { target: { files: [new File(["hej"], "text.txt", { type: "text/plain" })] } });
    });
    await waitFor(() => expect(screen.getByText("Filen kunde inte öppnas")).toBeInTheDocument());
    expect(screen.getByText(/text\.txt är ingen \.xlsx-fil/)).toBeInTheDocument();
    expect(cell(container, "Balanslista", "B3")).toBe("Nytt Samverkansavtal hemsjukvård");
    fireEvent.click(screen.getByRole("button", { name: "Stäng" }));
    expect(screen.queryByText("Filen kunde inte öppnas")).toBeNull();
    await paneReady();
  });

  it("downloads the workbook as balans-forhandsvisning.xlsx", async () => {
    const created: Blob[] = [];
    const names: string[] = [];
    const createObjectURL = jest.fn((b: Blob) => {
      created.push(b);
      return "blob:preview/1";
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    try {
      renderPage();
      fireEvent.click(screen.getByRole("button", { name: "Ladda ner .xlsx" }));
      await waitFor(() => expect(names).toEqual(["balans-forhandsvisning.xlsx"]));
      expect(created[0]?.size).toBeGreaterThan(1000);
      await paneReady();
    } finally {
      click.mockRestore();
    }
  });

  it("shows at most maxRows rows and says so", async () => {
    const { container } = renderPage(`?today=${TODAY}`, 10);
    expect(container.querySelectorAll('table[data-sheet="Balanslista"] tbody tr')).toHaveLength(10);
    expect(screen.getByText("Visar 10 av 38 rader (rad 1–10).")).toBeInTheDocument();
    await paneReady();
  });

  it("warns about a ?today= that is not a date, and speaks English with ?lang=en", async () => {
    renderPage("?today=2024-13-01&lang=en");
    expect(screen.getByText("?today=2024-13-01 is not a date written YYYY-MM-DD; the real date today is used.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Open .xlsx…" })).toBeInTheDocument();
    await paneReady();
  });

  it("opens the sample at its own date 2024-11-15 with a banner, and switches to today in one click", async () => {
    fixDate(new Date(2026, 2, 9, 12, 0, 0)); // the real date, as the computer's clock gives it
    const { user } = renderPage("");
    const banner = screen.getByTestId("sample-date");
    expect(banner).toHaveTextContent(`Exempelarbetsboken visas per sitt eget datum, ${TODAY}: så såg läget ut när dokumenten skrevs.`);
    await paneReady();
    await user.click(within(pane()).getByRole("tab", { name: "Inställningar" }));
    expect(within(pane()).getByLabelText("Datum som räknas som i dag")).toHaveValue(TODAY);

    const real = "2026-03-09";
    await user.click(screen.getByRole("button", { name: `Använd dagens datum (${real})` }));
    expect(screen.queryByTestId("sample-date")).toBeNull();
    await paneReady();
    await user.click(within(pane()).getByRole("tab", { name: "Inställningar" }));
    expect(within(pane()).getByLabelText("Datum som räknas som i dag")).toHaveValue(real);
  }, 30_000);

  it("lets ?today= win over the sample's own date (no banner)", async () => {
    renderPage("?today=2025-01-31");
    expect(screen.queryByTestId("sample-date")).toBeNull();
    await paneReady();
  });

  it("after Kontrollera scrolls the grid to the status column's header, after go-to-row to the row's first cell", async () => {
    const scrolled: string[] = [];
    const original = Element.prototype.scrollIntoView;
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this.getAttribute("data-address") ?? this.tagName);
    };
    try {
      const { container, user } = renderPage();
      await paneReady();
      await user.click(screen.getByRole("tab", { name: "Avtal" }));
      await user.click(within(pane()).getByRole("button", { name: "Kontrollera" }));
      // Shown: the agreements sheet, whose status column was written too.
      await waitFor(() => expect(scrolled.some((a) => /^[A-Z]+\d+$/.test(a))).toBe(true));
      const agreementsStatus = scrolled.find((a) => /^[A-Z]+\d+$/.test(a))!;
      expect(cell(container, "Avtal", agreementsStatus)).toBe("Balans status");

      scrolled.length = 0;
      await user.click(screen.getByRole("tab", { name: "Balanslista" }));
      await user.click(within(pane()).getByRole("button", { name: "Kontrollera" }));
      await waitFor(() => expect(scrolled).toContain("I2"));
      expect(cell(container, "Balanslista", "I2")).toBe("Balans status");

      scrolled.length = 0;
      await user.click(within(pane()).getByRole("button", { name: "Summering" }));
      await waitFor(() => expect(grid(container, "Balans summering")).not.toBeNull());
      await user.click(screen.getAllByRole("button", { name: "Rad 4" })[0]!);
      await waitFor(() => expect(scrolled).toContain("A4"));
    } finally {
      Element.prototype.scrollIntoView = original;
    }
    // A hang limit, not a measure: three writes through the whole preview take about 25 s in jsdom
    // alone, and a CI machine shared with other work has taken more than 60 s.
  }, 180_000);
});
