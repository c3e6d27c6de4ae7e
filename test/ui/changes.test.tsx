/**
 * Issue 11: the pane shows what changed since the last check (the card in the overview).
 */
import { screen, within } from "@testing-library/react";
import type { Analysis } from "../../src/domain/types";
import { createFakePort } from "./fakePort";
import { analysis2024 } from "./fixtures";
import { renderApp } from "./renderApp";

function withChanges(patch: Partial<Analysis>): Analysis {
  return { ...analysis2024(), ...patch };
}

const DECEMBER: Partial<Analysis> = {
  since: "2024-11-15",
  changes: [
    { kind: "newly-done", sheet: "Balanslista", table: "Balanslista", row: 4, title: "Ungdomsmottagning", from: "due-soon", to: "done" },
    { kind: "newly-overdue", sheet: "Balanslista", table: "Balanslista", row: 5, title: "Barnahus", from: "planned", to: "overdue" },
    { kind: "newly-overdue", sheet: "Balanslista", table: "Balanslista", row: 9, title: "Rutin efterlevandestöd", from: "due-soon", to: "overdue" },
    { kind: "new", sheet: "Balanslista", table: "Balanslista", row: 7, title: "Ny rad", from: null, to: "planned" },
    { kind: "expired", sheet: "Avtal", table: "Avtal", row: 3, title: "Avtal Barnahus", from: "expiring", to: "expired" },
    { kind: "removed", sheet: "Balanslista", table: "Balanslista", row: 6, title: "Gammal rad", from: "overdue", to: null },
  ],
};

describe("since the last check, in the pane", () => {
  it("lists the changes by kind, what needs action first, with the status before and now", async () => {
    renderApp({ port: createFakePort(withChanges(DECEMBER)) });
    const card = await screen.findByRole("region", { name: "Sedan förra kontrollen (2024-11-15)" });
    expect(within(card).getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual([
      "Blev försenade (2)",
      "Avtal som gick ut (1)",
      "Blev klar (1)",
      "Ny rad (1)",
      "Borttagen rad (1)",
    ]);
    const overdue = within(card).getByRole("list", { name: "Blev försenade (2)" });
    expect(within(overdue).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      expect.stringContaining("BarnahusPlanerad → Försenad"),
      expect.stringContaining("Rutin efterlevandestödSnart → Försenad"),
    ]);
    expect(within(card).getByRole("list", { name: "Ny rad (1)" })).toHaveTextContent("Ny: Planerad");
    expect(within(card).getByRole("list", { name: "Borttagen rad (1)" })).toHaveTextContent("Var: Försenad");
  });

  it("goes to a changed row, and offers no link for a removed one", async () => {
    const { user, port } = renderApp({ port: createFakePort(withChanges(DECEMBER)) });
    const card = await screen.findByRole("region", { name: "Sedan förra kontrollen (2024-11-15)" });
    await user.click(within(within(card).getByRole("list", { name: "Avtal som gick ut (1)" })).getByRole("button"));
    expect(port.selectRow).toHaveBeenCalledWith("Avtal", 3);
    expect(within(within(card).getByRole("list", { name: "Borttagen rad (1)" })).queryByRole("button")).toBeNull();
  });

  it("says so when nothing changed, and shows nothing before the first check", async () => {
    const first = renderApp({ port: createFakePort(withChanges({ since: "2024-11-15", changes: [] })) });
    const card = await screen.findByRole("region", { name: "Sedan förra kontrollen (2024-11-15)" });
    expect(card).toHaveTextContent("Inget har ändrats sedan kontrollen 2024-11-15.");
    first.unmount();

    renderApp({ port: createFakePort(withChanges({ since: null, changes: [] })) });
    await screen.findByRole("heading", { name: "Fördelning 2024" });
    expect(screen.queryByRole("region", { name: /Sedan förra kontrollen/ })).toBeNull();
  });

  it("speaks English", async () => {
    renderApp({ port: createFakePort(withChanges(DECEMBER)), language: "en" });
    const card = await screen.findByRole("region", { name: "Since the last check (2024-11-15)" });
    expect(within(card).getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual([
      "Became overdue (2)",
      "Agreement expired (1)",
      "Became done (1)",
      "New row (1)",
      "Removed row (1)",
    ]);
    expect(within(card).getByRole("list", { name: "Became overdue (2)" })).toHaveTextContent("BarnahusPlanned → Overdue");
  });
});
