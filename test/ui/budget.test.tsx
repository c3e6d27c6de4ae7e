/**
 * The pane on the golden budget workbook (issue 10): the years side by side with the chart, the
 * tracking columns, the money badges and lists, and the drill-down from an area or party to its
 * rows with "Gå till rad". Figures worked out by hand from test/fixtures/golden/budgetWorkbook.ts.
 */
import { screen, within } from "@testing-library/react";
import { analyseWorkbook, defaultOptions } from "../../src/domain";
import { BUDGET_TODAY, budgetWorkbook } from "../fixtures/golden/budgetWorkbook";
import { createFakePort } from "./fakePort";
import { renderApp } from "./renderApp";

const NB = "\u00a0";
const kr = (text: string) => `${text.replace(/ /g, NB)}${NB}kr`;
const options = { ...defaultOptions(BUDGET_TODAY), dueSoonDays: 30 };
const text = (el: HTMLElement) => el.textContent ?? "";
/** getByText compares with the text's white space collapsed (no-break spaces become spaces). */
const plain = (s: string) => s.replace(/\u00a0/g, " ");

function render(workbook = budgetWorkbook()) {
  const port = createFakePort(analyseWorkbook(workbook, options));
  return renderApp({ port, initialOptions: options });
}

describe("Pane: budget tracking over the years", () => {
  it("shows every year side by side, with a chart across the years", async () => {
    render();
    const table = await screen.findByRole("table", { name: "Medel per år" });
    const rows = within(table).getAllByRole("row");
    expect(within(rows[0]!).getAllByRole("columnheader").map(text)).toEqual(["", "2022", "2023", "2024"]);
    expect(rows.slice(1).map((r) => within(r).getAllByRole("cell").map(text))).toEqual([
      ["Tilldelat", kr("150 000"), kr("200 000"), kr("300 000")],
      ["Fördelat", kr("150 000"), kr("195 000"), kr("300 000")],
      ["Utbetalt", "saknas", kr("195 000"), kr("220 000")],
      ["Förbrukat", "saknas", kr("191 999,99"), kr("125 000")],
      ["Kvar", "saknas", kr("3 000,01"), kr("175 000")],
    ]);
    const chart = screen.getByRole("figure", { name: "Fördelat och förbrukat per år" });
    expect(within(chart).getAllByRole("img").map((i) => i.getAttribute("aria-label"))).toEqual([
      `Fördelat 2022: ${kr("150 000")}`,
      `Fördelat 2023: ${kr("195 000")}`,
      `Förbrukat 2023: ${kr("191 999,99")}`,
      `Fördelat 2024: ${kr("300 000")}`,
      `Förbrukat 2024: ${kr("125 000")}`,
    ]);
  });

  it("adds Förbrukat and Kvar to the parties of a tracked year", async () => {
    render();
    const year = await screen.findByRole("region", { name: "Fördelning 2023" });
    const parties = within(year).getByRole("table", { name: "Fördelat per part 2023" });
    expect(within(parties).getAllByRole("row").slice(1).map((r) => within(r).getAllByRole("cell").map(text))).toEqual([
      ["Region Jämtland Härjedalen", kr("70 000"), kr("82 000"), kr("−12 000")],
      ["Kommunförbundet Jämtland Härjedalen", kr("45 000"), kr("30 000"), kr("15 000")],
      ["Gemensam", kr("80 000"), kr("79 999,99"), kr("0,01")],
    ]);
  });

  it("counts the money that needs attention in badges and lists it, the imbalance with the rows of its sum", async () => {
    render();
    const counts = await screen.findByRole("list", { name: "Medel att hålla koll på" });
    expect(within(counts).getAllByRole("listitem").map(text)).toEqual([
      "Obalans: 1",
      "Överskridet: 1",
      "Återredovisning försenad: 3",
      "Återredovisning snart: 1",
    ]);
    const imbalance = screen.getByRole("list", { name: "Medel i obalans" });
    expect(within(imbalance).getByText(plain(`Område 1 2023: fördelat ${kr("115 000")} men tilldelat ${kr("120 000")} – ${kr("5 000")} är inte fördelat.`))).toBeInTheDocument();
    const sumRows = within(imbalance).getByRole("list", { name: "2 rader i summan" });
    expect(within(sumRows).getAllByRole("button").map(text)).toEqual(["Gå till rad 2 på Fördelning", "Gå till rad 3 på Fördelning"]);
    const overdue = screen.getByRole("list", { name: "Försenade återredovisningar" });
    expect(within(overdue).getAllByRole("listitem")).toHaveLength(3);
    expect(within(screen.getByRole("list", { name: "Återredovisningar inom kort" })).getByText("MiniMaria Östersund")).toBeInTheDocument();
  });

  it("opens a party into its rows (insats, responsible, amount, used, report-back) and goes to a row", async () => {
    const { user, port } = render();
    const parties = await screen.findByRole("region", { name: "Insatser per part 2024" });
    const kfjh = within(parties).getByRole("button", { name: /Kommunförbundet Jämtland Härjedalen/ });
    expect(kfjh).toHaveAttribute("aria-expanded", "false");
    await user.click(kfjh);
    expect(kfjh).toHaveAttribute("aria-expanded", "true");
    const rows = within(parties).getByRole("list", { name: "Kommunförbundet Jämtland Härjedalen" });
    const items = within(rows).getAllByRole("listitem");
    expect(items.map((li) => text(li))).toEqual([
      `Barnsäkert kommunerKommunförbundet Jämtland Härjedalen${"Fördelat " + kr("80 000")}Återredovisning försenad · senast 2024-12-31Gå till rad 6 på Fördelning`,
      `UtvecklingssamordnareKommunförbundet Jämtland Härjedalen${"Fördelat " + kr("25 000")}Återredovisning planerad · senast 2025-12-31Gå till rad 8 på Fördelning`,
      `Kommunala insatserKommunförbundet Jämtland Härjedalen${"Fördelat " + kr("5 000")}Gå till rad 10 på Fördelning`,
    ]);
    await user.click(within(items[0]!).getByRole("button", { name: "Gå till rad 6 på Fördelning" }));
    expect(port.selectRow).toHaveBeenCalledWith("Fördelning", 6);
  });

  it("opens an area into its rows, with what each used", async () => {
    const { user } = render();
    const areas = await screen.findByRole("region", { name: "Insatser per område 2023" });
    await user.click(within(areas).getByRole("button", { name: /1\. Barn och unga/ }));
    const rows = within(areas).getByRole("list", { name: "1. Barn och unga" });
    expect(within(rows).getAllByRole("listitem").map((li) => text(li))).toEqual([
      `UngdomsmottagningUngdomsmottagningen Region Jämtland HärjedalenFördelat ${kr("70 000")}, förbrukat ${kr("82 000")}Återredovisning försenad · senast 2024-03-31Gå till rad 2 på Fördelning`,
      `Barnsäkert kommunerKommunförbundet Jämtland HärjedalenFördelat ${kr("45 000")}, förbrukat ${kr("30 000")}Återredovisad 2024-03-20Gå till rad 3 på Fördelning`,
    ]);
  });

  it("shows a Summa changed by +50 000 kr as an imbalance in the badges", async () => {
    const changed = budgetWorkbook();
    changed.sheets[2]!.values[6]![4] = 110000;
    render(changed);
    const counts = await screen.findByRole("list", { name: "Medel att hålla koll på" });
    expect(within(counts).getAllByRole("listitem").map(text)[0]).toBe("Obalans: 2");
    expect(screen.getByText(plain(`Område 2 2024: fördelat ${kr("150 000")} men tilldelat ${kr("100 000")} – ${kr("50 000")} för mycket är fördelat.`))).toBeInTheDocument();
  });

  it("speaks English when Office does", async () => {
    const port = createFakePort(analyseWorkbook(budgetWorkbook(), options));
    renderApp({ port, initialOptions: options, language: "en" });
    const counts = await screen.findByRole("list", { name: "Funds needing attention" });
    expect(within(counts).getAllByRole("listitem").map(text)).toEqual([
      "Imbalance: 1",
      "Overspent: 1",
      "Report-back overdue: 3",
      "Report-back due soon: 1",
    ]);
    expect(screen.getByRole("table", { name: "Funds per year" })).toBeInTheDocument();
    expect(screen.getByText(plain(`Area 1 2023: ${kr("115 000")} distributed but ${kr("120 000")} allocated – ${kr("5 000")} is not distributed.`))).toBeInTheDocument();
  });
});
