/**
 * Issue 11: a pane that follows edits. While the pane is open, a change in a recognised table is
 * re-read and re-analysed after a quiet period (CHANGE_QUIET_MS), without a click, and nothing is
 * written. First over a port whose analysis is the real engine on an in-memory workbook, then over
 * the Excel adapter on the recording fake of Excel (one registration, one read per update).
 */
import { act, render, screen, within } from "@testing-library/react";
import { prepare } from "../../src/app/prepare";
import type { WorkbookPort } from "../../src/app/port";
import { defaultOptions } from "../../src/domain";
import { sampleWorkbook } from "../../src/domain/sampleWorkbook";
import { templateToWorkbookData } from "../../src/domain/templateToWorkbookData";
import type { Options, WorkbookData } from "../../src/domain/types";
import { createExcelPort, runInfogaMall } from "../../src/excel/actions";
import type { ContextRunner } from "../../src/excel/changeEvents";
import { FakeExcel } from "../support/fakeExcel";
import { App } from "../../src/taskpane/components/App";
import { CHANGE_QUIET_MS } from "../../src/taskpane/components/App/useApp";
import { createFakePort } from "./fakePort";
import { TODAY } from "./fixtures";

/** The 2024 totals in the pane (the amounts are written with no-break spaces). */
const distributed2024 = (text: RegExp) => within(screen.getByRole("region", { name: "Fördelning 2024" })).queryAllByText(text);
const BEFORE = /^13\s302\s905\skr$/u;
const AFTER = /^13\s303\s905\skr$/u;

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

/** A port over the sample workbook as plain data, analysed by the engine; `edit` changes it as a user would and raises the change event. */
function engineBackedPort() {
  const data: WorkbookData = templateToWorkbookData(sampleWorkbook());
  const listeners = new Set<() => void>();
  const base = createFakePort();
  base.analyse.mockImplementation(async (options: Options) => prepare(data, options, "report").analysis);
  const port: WorkbookPort & typeof base = {
    ...base,
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const edit = (change: (data: WorkbookData) => void) => {
    change(data);
    for (const l of listeners) l();
  };
  return { port, edit, listeners };
}

/** Sample's Fordelning2024 starts in G2: Summa of its first row (1 800 000 kr) is K3. */
function addToFirstSumma(data: WorkbookData, kronor: number): void {
  const sheet = data.sheets.find((s) => s.name === "Fördelning 2024");
  const row = sheet?.values[3 - sheet.top] as (number | string | null)[];
  row[11 - 1] = (row[11 - 1] as number) + kronor;
}

describe("a pane that follows edits", () => {
  it("updates the totals a quiet period after an amount is edited, without a click, and writes nothing", async () => {
    const { port, edit } = engineBackedPort();
    render(<App port={port} language="sv" initialOptions={defaultOptions(TODAY)} />);
    await act(() => jest.advanceTimersByTimeAsync(0));
    expect(await screen.findByRole("region", { name: "Fördelning 2024" })).toBeInTheDocument();
    expect(distributed2024(BEFORE)).toHaveLength(2);
    expect(port.analyse).toHaveBeenCalledTimes(1);

    // The user types three amounts in a row: one analysis after the last one.
    act(() => edit((d) => addToFirstSumma(d, 400)));
    await act(() => jest.advanceTimersByTimeAsync(CHANGE_QUIET_MS / 2));
    act(() => edit((d) => addToFirstSumma(d, 300)));
    await act(() => jest.advanceTimersByTimeAsync(CHANGE_QUIET_MS / 2));
    act(() => edit((d) => addToFirstSumma(d, 300)));
    await act(() => jest.advanceTimersByTimeAsync(CHANGE_QUIET_MS - 1));
    expect(port.analyse).toHaveBeenCalledTimes(1);
    expect(distributed2024(BEFORE)).toHaveLength(2);

    await act(() => jest.advanceTimersByTimeAsync(1));
    expect(port.analyse).toHaveBeenCalledTimes(2);
    // Distributed is now 1 000 kr more than allocated (13 302 905 kr).
    expect(distributed2024(AFTER)).toHaveLength(1);
    expect(distributed2024(BEFORE)).toHaveLength(1);
    expect(port.kontrollera).not.toHaveBeenCalled();
    expect(port.summering).not.toHaveBeenCalled();
  });

  it("stops listening when the pane closes", async () => {
    const { port, listeners } = engineBackedPort();
    const view = render(<App port={port} language="sv" initialOptions={defaultOptions(TODAY)} />);
    await act(() => jest.advanceTimersByTimeAsync(0));
    expect(listeners.size).toBe(1);
    view.unmount();
    expect(listeners.size).toBe(0);
  });
});

describe("following edits in Excel (the recording fake)", () => {
  async function excelWithSample(): Promise<FakeExcel> {
    const excel = new FakeExcel();
    excel.workbook.addSheet("Blad1");
    await runInfogaMall(true, { run: excel.run, supports: excel.supports, sleep: () => Promise.resolve() });
    excel.resetLog();
    return excel;
  }

  it("registers onChanged once on each sheet with a recognised table, in one round trip, and reads once per update", async () => {
    const excel = await excelWithSample();
    // `Excel.run(context, batch)` on the fake: the batch on the context that added the handlers.
    const runWith: ContextRunner = async (context, batch) => {
      const result = await batch(context);
      await context.sync();
      return result;
    };
    const env = { run: excel.run, supports: excel.supports, sleep: () => Promise.resolve(), runWith };
    const port = createExcelPort(env);
    const view = render(<App port={port} language="sv" initialOptions={defaultOptions(TODAY)} />);
    await act(() => jest.advanceTimersByTimeAsync(0));
    expect(await screen.findByRole("region", { name: "Fördelning 2024" })).toBeInTheDocument();
    const readSyncs = excel.syncs.filter((s) => !s.names.includes("Worksheet.onChanged.add")).length;
    // The read as actions.ts documents it: 2 round trips.
    expect(readSyncs).toBe(2);
    const registrations = excel.syncs.filter((s) => s.names.includes("Worksheet.onChanged.add"));
    expect(registrations).toHaveLength(1);
    expect(registrations[0]?.names.filter((n) => n === "Worksheet.onChanged.add")).toHaveLength(1);
    expect(excel.changeHandlers.map((h) => h.sheet)).toEqual(["Balans mall"]);

    // The user changes the first Summa of the table Fordelning (a 2024 row) by 1 000 kr.
    const table = excel.workbook.tables.find((t) => t.name === "Fordelning");
    if (!table) throw new Error("no Fordelning");
    const cell = table.sheet.cell(table.headerRow + 1, table.left + table.columns.indexOf("Summa"));
    cell.value = (cell.value as number) + 1000;
    excel.resetLog();
    await act(() => excel.fireChanged("Balans mall", "K3"));
    await act(() => jest.advanceTimersByTimeAsync(CHANGE_QUIET_MS));

    expect(distributed2024(AFTER)).toHaveLength(1);
    // One analysis: the same round trips as the first read, no new registration, nothing written.
    expect(excel.syncs).toHaveLength(readSyncs);
    expect(excel.syncs.some((s) => s.names.includes("Worksheet.onChanged.add"))).toBe(false);
    expect(excel.events.filter((e) => e.kind === "write" || e.kind === "clear")).toEqual([]);

    // Closing the pane removes the handlers, on the context that added them, in one round trip.
    excel.resetLog();
    view.unmount();
    await act(() => jest.advanceTimersByTimeAsync(0));
    expect(excel.changeHandlers).toEqual([]);
    expect(excel.syncs.map((s) => s.names)).toEqual([["Worksheet.onChanged.remove"]]);
  });
});
