import { act, screen, waitFor, within } from "@testing-library/react";
import Decimal from "decimal.js";
import { BalansError, type Progress } from "../../src/app/port";
import type { Analysis } from "../../src/domain/types";
import { createFakePort, deferred, outcome } from "./fakePort";
import { analysis2024, analysisWithDifference, emptyAnalysis, TODAY } from "./fixtures";
import { renderApp } from "./renderApp";

// A hang limit, not a measure: the pane renders in about 2 s here, but a CI machine shared with
// other work has passed jest's default 5 s on the English render.
jest.setTimeout(30_000);

const OPTIONS = { today: TODAY, dueSoonDays: 30, expiringDays: 90 };

/** The MessageBar (role group) whose title is `title`. */
function messageBar(title: string | RegExp): HTMLElement {
  return screen.getByRole("group", { name: title });
}

describe("App: loading", () => {
  it("shows a spinner while the workbook is read, then the overview", async () => {
    const port = createFakePort();
    const pending = deferred<Analysis>();
    port.analyse.mockReturnValueOnce(pending.promise);
    renderApp({ port });

    expect(screen.getByRole("progressbar", { name: "Läser arbetsboken…" })).toBeInTheDocument();
    expect(port.analyse).toHaveBeenCalledWith(OPTIONS);

    await act(async () => pending.resolve(analysis2024()));
    expect(screen.queryByRole("progressbar", { name: "Läser arbetsboken…" })).not.toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Fördelning 2024" })).toBeInTheDocument();
  });

  it("shows the notice it is given", async () => {
    renderApp({ notice: "Det här är en förhandsvisning med exempeldata." });
    expect(await screen.findByText("Det här är en förhandsvisning med exempeldata.")).toBeInTheDocument();
  });
});

describe("App: no tables found", () => {
  it("explains which headers Balans looks for and offers the template", async () => {
    const port = createFakePort(emptyAnalysis());
    const { user } = renderApp({ port });

    expect(await screen.findByRole("heading", { name: "Inga tabeller hittades" })).toBeInTheDocument();
    const listed = screen.getAllByRole("listitem").map((li) => li.textContent);
    expect(listed).toEqual([
      "Balanslista: Vad, Uppföljning",
      "Avtal: Överenskommelse/avtal, Giltighetstid",
      "Fördelning: Område, Insats, Summa",
      "Tilldelning: Område, Tilldelat belopp",
      "Parter: Part, Alias",
      "Möten: Forum, Datum",
    ]);

    await user.click(screen.getByRole("button", { name: "Infoga mall med exempeldata" }));
    expect(port.infogaMall).toHaveBeenCalledWith(true);
    expect(await screen.findByText("Mallen är infogad på bladet Balans mall.")).toBeInTheDocument();
    await waitFor(() => expect(port.analyse).toHaveBeenCalledTimes(2));
  });

  it("inserts the empty template from the Infoga mall menu", async () => {
    const { user, port } = renderApp();
    await screen.findByRole("heading", { name: "Fördelning 2024" });
    await user.click(screen.getByRole("button", { name: "Infoga mall" }));
    await user.click(await screen.findByRole("menuitem", { name: "Tom mall" }));
    expect(port.infogaMall).toHaveBeenCalledWith(false);
    expect(await screen.findByText("Mallen är infogad på bladet Balans mall.")).toBeInTheDocument();
  });
});

describe("App: summary", () => {
  it("shows the 2024 totals in Swedish format and the four parties", async () => {
    renderApp();
    const year = await screen.findByRole("region", { name: "Fördelning 2024" });

    // Allocated and distributed both 13 302 905 kr, difference balanced.
    expect(within(year).getAllByText("13 302 905 kr")).toHaveLength(2);
    expect(within(year).getByText("0 kr – i balans")).toBeInTheDocument();

    const areas = within(year).getByRole("table", { name: "Områden 2024" });
    expect(within(areas).getAllByRole("columnheader").map((h) => h.textContent)).toEqual([
      "Område",
      "Tilldelat",
      "Fördelat",
      "Differens",
    ]);
    expect(within(areas).getAllByRole("row")).toHaveLength(5);
    expect(within(areas).getByRole("row", { name: /2\. Samsjuklighet/ })).toHaveTextContent("6 819 298 kr");

    const parties = within(year).getByRole("table", { name: "Fördelat per part 2024" });
    const rows = within(parties).getAllByRole("row").slice(1);
    const text = (c: HTMLElement): string => (c.textContent ?? "").replace(/\s/g, " ");
    expect(rows.map((r) => within(r).getAllByRole("cell").map(text))).toEqual([
      ["Region Jämtland Härjedalen", "7 927 377 kr"],
      ["Kommunförbundet Jämtland Härjedalen", "3 073 000 kr"],
      ["Östersunds kommun", "1 545 000 kr"],
      ["Gemensam resurs KFJH och RJH", "757 528 kr"],
    ]);
  });

  it("highlights an undistributed krona", async () => {
    renderApp({ port: createFakePort(analysisWithDifference()) });
    const year = await screen.findByRole("region", { name: "Fördelning 2024" });
    expect(within(year).getByText("−1 kr ofördelat")).toBeInTheDocument();
    expect(within(year).getByText("13 302 904 kr")).toBeInTheDocument();
  });

  it("shows one krona too much as such", async () => {
    const a = analysis2024();
    a.funds[0]!.total = { allocated: new Decimal("13302905"), distributed: new Decimal("13302906"), difference: new Decimal("1") };
    renderApp({ port: createFakePort(a) });
    expect(await screen.findByText("1 kr för mycket")).toBeInTheDocument();
  });

  it("counts and lists what needs attention, each linked to its row", async () => {
    const { user, port } = renderApp();
    await screen.findByRole("heading", { name: "Fördelning 2024" });

    const counts = screen.getByRole("list", { name: "Antal att hålla koll på" });
    expect(within(counts).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Försenade: 1",
      "Snart: 1",
      "Utgångna: 1",
      "Går ut snart: 1",
    ]);

    const overdue = screen.getByRole("list", { name: "Försenade uppföljningar" });
    expect(within(overdue).getByText("Rekommendationsbeslut nytt avtal hjälpmedel")).toBeInTheDocument();
    expect(within(overdue).getByText(/Försenad · 2024-11-12 \(för 3 dagar sedan\) · Nära vård/)).toBeInTheDocument();
    const dueSoon = screen.getByRole("list", { name: "Uppföljningar inom kort" });
    expect(within(dueSoon).getByText(/2024-11-27 \(om 12 dagar\)/)).toBeInTheDocument();
    const expiring = screen.getByRole("list", { name: "Avtal som går ut snart" });
    expect(within(expiring).getByText(/Går ut snart · gäller t\.o\.m\. 2024-12-31 \(om 46 dagar\)/)).toBeInTheDocument();
    // The planned follow-up and the open-ended agreement are not listed.
    expect(screen.queryByText("Breddinförande av Barnsäkert")).not.toBeInTheDocument();
    expect(screen.queryByText("Ledningssystem för samverkan")).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Gå till rad 12 på Balanslista" }));
    expect(port.selectRow).toHaveBeenCalledWith("Balanslista", 12);
    await user.click(screen.getByRole("button", { name: "Gå till rad 4 på Avtal" }));
    expect(port.selectRow).toHaveBeenLastCalledWith("Avtal", 4);
  });
});

describe("App: problems", () => {
  it("lists the problems in their tab and a click selects the problem's row", async () => {
    const { user, port } = renderApp();
    await screen.findByRole("heading", { name: "Fördelning 2024" });
    expect(screen.getByText("2 problem i arbetsboken kan påverka resultatet.")).toBeInTheDocument();

    await user.click(screen.getByRole("tab", { name: "Problem (2)" }));
    const list = screen.getByRole("list", { name: "Problem i arbetsboken" });
    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent("Summan ”1 073 000 kr?” är inget belopp.");
    expect(items[0]).toHaveTextContent("Blad Fördelning, tabell Fordelning, rad 14, kolumn Summa");
    // A problem with the whole table has no row to go to.
    expect(within(items[1]!).queryByRole("button")).not.toBeInTheDocument();

    await user.click(within(items[0]!).getByRole("button", { name: "Gå till rad 14 på Fördelning" }));
    expect(port.selectRow).toHaveBeenCalledTimes(1);
    expect(port.selectRow).toHaveBeenCalledWith("Fördelning", 14);
  });

  it("opens the problems tab from the overview's warning", async () => {
    const { user } = renderApp();
    await user.click(await screen.findByRole("button", { name: "Visa problemen" }));
    expect(screen.getByRole("tab", { name: "Problem (2)" })).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("tabpanel", { name: "Problem (2)" })).toBeInTheDocument();
  });

  it("shows an error when the row cannot be selected", async () => {
    const port = createFakePort();
    port.selectRow.mockRejectedValueOnce(new Error("ItemNotFound"));
    const { user } = renderApp({ port });
    await user.click(await screen.findByRole("button", { name: "Gå till rad 12 på Balanslista" }));
    const bar = await screen.findByRole("group", { name: "Det gick inte" });
    expect(bar).toHaveTextContent("Raden kunde inte markeras i arbetsboken.");
    expect(bar).toHaveTextContent("Teknisk information: ItemNotFound");
  });
});

describe("App: Kontrollera and Summering", () => {
  it("reports success and refreshes the overview from the outcome", async () => {
    const port = createFakePort();
    const after = analysis2024();
    after.followUps = after.followUps.filter((f) => f.status !== "overdue");
    port.kontrollera.mockResolvedValueOnce(outcome(after, { statusColumns: 2 }));
    const { user } = renderApp({ port });
    await screen.findByText("Försenade: 1");

    await user.click(screen.getByRole("button", { name: "Kontrollera" }));
    expect(port.kontrollera).toHaveBeenCalledWith(OPTIONS, expect.any(Function));
    const bar = await screen.findByRole("group", { name: "Klart" });
    expect(bar).toHaveTextContent("Kontrollen är klar: 2 statuskolumner uppdaterade.");
    expect(screen.getByText("Försenade: 0")).toBeInTheDocument();
    expect(port.analyse).toHaveBeenCalledTimes(1);
  });

  it("reports Summering's sheet", async () => {
    const { user, port } = renderApp();
    await screen.findByRole("heading", { name: "Fördelning 2024" });
    await user.click(screen.getByRole("button", { name: "Summering" }));
    expect(port.summering).toHaveBeenCalledWith(OPTIONS, expect.any(Function));
    expect(await screen.findByRole("group", { name: "Klart" })).toHaveTextContent(
      "Summeringen är uppdaterad på bladet Balans summering.",
    );
  });

  it("shows a progress bar for a slow action, determinate once progress is reported", async () => {
    const port = createFakePort();
    const pending = deferred<ReturnType<typeof outcome>>();
    let report: Progress | undefined;
    port.kontrollera.mockImplementationOnce((_o, onProgress) => {
      report = onProgress;
      return pending.promise;
    });
    const { user } = renderApp({ port });
    await screen.findByRole("heading", { name: "Fördelning 2024" });

    await user.click(screen.getByRole("button", { name: "Kontrollera" }));
    expect(screen.getByRole("button", { name: "Kontrollera" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Summering" })).toBeDisabled();
    const bar = await screen.findByRole("progressbar", { name: "Kontrollerar…" });
    expect(bar).not.toHaveAttribute("aria-valuenow");

    act(() => report?.(0.5));
    expect(screen.getByRole("progressbar", { name: "Kontrollerar…" })).toHaveAttribute("aria-valuenow", "0.5");
    expect(screen.getByText("50 % klart")).toBeInTheDocument();

    await act(async () => pending.resolve(outcome(analysis2024(), { statusColumns: 1 })));
    expect(screen.queryByRole("progressbar", { name: "Kontrollerar…" })).not.toBeInTheDocument();
    expect(screen.getByRole("group", { name: "Klart" })).toHaveTextContent("Kontrollen är klar: 1 statuskolumn uppdaterad.");
    expect(screen.getByRole("button", { name: "Kontrollera" })).toBeEnabled();
  });

  it("shows a BalansError's message in an error MessageBar, and Försök igen runs it again", async () => {
    const port = createFakePort();
    port.kontrollera.mockRejectedValueOnce(
      new BalansError("cell-edit-mode", "Avsluta redigeringen av cellen och försök igen.", "Finish editing the cell, then try again."),
    );
    const { user } = renderApp({ port });
    await screen.findByRole("heading", { name: "Fördelning 2024" });

    await user.click(screen.getByRole("button", { name: "Kontrollera" }));
    const bar = await screen.findByRole("group", { name: "Det gick inte" });
    expect(bar).toHaveTextContent("Avsluta redigeringen av cellen och försök igen.");
    expect(bar).not.toHaveTextContent("Teknisk information");

    await user.click(within(bar).getByRole("button", { name: "Försök igen" }));
    expect(port.kontrollera).toHaveBeenCalledTimes(2);
    expect(await screen.findByRole("group", { name: "Klart" })).toHaveTextContent("Kontrollen är klar: 2 statuskolumner uppdaterade.");
    expect(screen.queryByRole("group", { name: "Det gick inte" })).not.toBeInTheDocument();
  });

  it("can dismiss a message", async () => {
    const { user } = renderApp();
    await screen.findByRole("heading", { name: "Fördelning 2024" });
    await user.click(screen.getByRole("button", { name: "Summering" }));
    const bar = await screen.findByRole("group", { name: "Klart" });
    await user.click(within(bar).getByRole("button", { name: "Stäng meddelandet" }));
    expect(screen.queryByRole("group", { name: "Klart" })).not.toBeInTheDocument();
  });
});

describe("App: a failing port never leaves the pane silent", () => {
  it("shows an error with a retry when the first analysis fails with anything", async () => {
    const port = createFakePort();
    port.analyse.mockRejectedValueOnce("RichApi.Error");
    const { user } = renderApp({ port });

    const bar = await screen.findByRole("group", { name: "Det gick inte" });
    expect(bar).toHaveTextContent("Balans kunde inte slutföra åtgärden. Försök igen.");
    expect(bar).toHaveTextContent("Teknisk information: RichApi.Error");
    expect(screen.queryByRole("progressbar", { name: "Läser arbetsboken…" })).not.toBeInTheDocument();

    await user.click(within(bar).getByRole("button", { name: "Försök igen" }));
    expect(await screen.findByRole("heading", { name: "Fördelning 2024" })).toBeInTheDocument();
    expect(port.analyse).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole("group", { name: "Det gick inte" })).not.toBeInTheDocument();
  });

  it("shows an error for every failing call, even one that throws before returning a promise", async () => {
    const port = createFakePort();
    port.analyse.mockRejectedValue(undefined);
    port.kontrollera.mockImplementation(() => {
      throw new TypeError("Excel is not defined");
    });
    port.summering.mockRejectedValue(new Error("GeneralException"));
    port.infogaMall.mockRejectedValue(new BalansError("sheet-not-empty", "Bladet finns redan.", "The sheet already exists."));
    const { user } = renderApp({ port });

    expect(await screen.findByRole("group", { name: "Det gick inte" })).toHaveTextContent("Balans kunde inte slutföra åtgärden.");

    await user.click(screen.getByRole("button", { name: "Kontrollera" }));
    expect(await screen.findByRole("group", { name: "Det gick inte" })).toHaveTextContent("Excel is not defined");

    await user.click(screen.getByRole("button", { name: "Summering" }));
    await waitFor(() => expect(messageBar("Det gick inte")).toHaveTextContent("GeneralException"));

    await user.click(screen.getByRole("button", { name: "Infoga mall" }));
    await user.click(await screen.findByRole("menuitem", { name: "Mall med exempeldata" }));
    await waitFor(() => expect(messageBar("Det gick inte")).toHaveTextContent("Bladet finns redan."));
    expect(screen.getByRole("button", { name: "Kontrollera" })).toBeEnabled();
  });

  it("shows that settings could not be saved", async () => {
    const port = createFakePort();
    const onOptionsChange = jest.fn(async () => {
      throw new Error("saveAsync failed");
    });
    const { user } = renderApp({ port, onOptionsChange });
    await screen.findByRole("heading", { name: "Fördelning 2024" });
    await user.click(screen.getByRole("tab", { name: "Inställningar" }));
    await user.click(screen.getByRole("button", { name: "Återställ till dagens datum" }));
    const bar = await screen.findByRole("group", { name: "Det gick inte" });
    expect(bar).toHaveTextContent("Inställningarna kunde inte sparas.");
  });
});

describe("App: settings", () => {
  it("hands new windows to onOptionsChange and analyses with them", async () => {
    const { user, port, onOptionsChange } = renderApp();
    await screen.findByRole("heading", { name: "Fördelning 2024" });
    await user.click(screen.getByRole("tab", { name: "Inställningar" }));

    const dueSoon = screen.getByRole("spinbutton", { name: "Snart: dagar före uppföljning" });
    await user.clear(dueSoon);
    await user.type(dueSoon, "45{Enter}");
    expect(onOptionsChange).toHaveBeenLastCalledWith({ today: TODAY, dueSoonDays: 45, expiringDays: 90 });

    const expiring = screen.getByRole("spinbutton", { name: "Går ut snart: dagar före avtalets slut" });
    await user.clear(expiring);
    await user.type(expiring, "120{Enter}");
    expect(onOptionsChange).toHaveBeenLastCalledWith({ today: TODAY, dueSoonDays: 45, expiringDays: 120 });

    await waitFor(() =>
      expect(port.analyse).toHaveBeenLastCalledWith({ today: TODAY, dueSoonDays: 45, expiringDays: 120 }),
    );
    await user.click(screen.getByRole("button", { name: "Kontrollera" }));
    expect(port.kontrollera).toHaveBeenCalledWith({ today: TODAY, dueSoonDays: 45, expiringDays: 120 }, expect.any(Function));
  });
});

describe("App: English", () => {
  it("speaks English when language is 'en'", async () => {
    const port = createFakePort();
    port.kontrollera.mockRejectedValueOnce(
      new BalansError("cell-edit-mode", "Avsluta redigeringen av cellen och försök igen.", "Finish editing the cell, then try again."),
    );
    const { user } = renderApp({ port, language: "en" });
    expect(screen.getByRole("progressbar", { name: "Reading the workbook…" })).toBeInTheDocument();

    expect(await screen.findByRole("heading", { name: "Distribution 2024" })).toBeInTheDocument();
    expect(screen.getByRole("tab", { name: "Overview" })).toBeInTheDocument();
    expect(screen.getByRole("tab", { name: "Settings" })).toBeInTheDocument();
    expect(screen.getByText("Overdue: 1")).toBeInTheDocument();
    expect(screen.getByText(/Overdue · 2024-11-12 \(3 days ago\)/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Go to row 12 on Balanslista" })).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Check" }));
    const bar = await screen.findByRole("group", { name: "That did not work" });
    expect(bar).toHaveTextContent("Finish editing the cell, then try again.");
    expect(bar).not.toHaveTextContent("Avsluta");

    await user.click(within(bar).getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("group", { name: "Done" })).toHaveTextContent("Check complete: 2 status columns updated.");

    await user.click(screen.getByRole("tab", { name: "Problems (2)" }));
    expect(screen.getByText("The amount “1 073 000 kr?” is not a number.")).toBeInTheDocument();
    expect(screen.getByText("Sheet Fördelning, table Fordelning, row 14, column Summa")).toBeInTheDocument();
  });
});
