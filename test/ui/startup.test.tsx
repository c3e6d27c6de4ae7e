/**
 * The task pane page's start-up as a whole (src/taskpane/index.tsx), with an office.js
 * stand-in: a cold start inside Excel where `Office.onReady` answers only after 5 s must end
 * in the add-in (the pane on the Excel adapter), never in the preview; a page where office.js
 * is missing or reports no host ends in the preview.
 */
import { act, screen } from "@testing-library/react";

const mountPreview = jest.fn((container: HTMLElement) => {
  container.textContent = "PREVIEW";
});

jest.mock("../../src/preview/mountPreview", () => ({ mountPreview }));
jest.mock("../../src/excel/actions", () => ({
  createExcelPort: () => ({ kind: "excel" }),
}));
jest.mock("../../src/taskpane/components/App", () => ({
  App: ({ port, language }: { port: { kind: string }; language: string }) => (
    <p data-testid="addin">
      ADD-IN on {port.kind} ({language})
    </p>
  ),
}));

// Loading the page's modules afresh for each test (jest.isolateModules) takes seconds of real time.
jest.setTimeout(30_000);

type Info = { host: string | null; platform: string | null };

/** An office.js stand-in whose onReady answers `info` after `delayMs` (fake timers). */
function officeStandIn(info: Info, delayMs: number): unknown {
  const ready = new Promise<Info>((resolve) => setTimeout(() => resolve(info), delayMs));
  return {
    onReady: () => ready,
    context: {
      displayLanguage: "sv-SE",
      document: {
        url: "https://contoso.sharepoint.com/Delade%20dokument/Balans.xlsx",
        settings: { get: () => null, refreshAsync: (cb: () => void) => cb(), set: () => undefined, saveAsync: () => undefined },
      },
    },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  };
}

const g = globalThis as unknown as { Office?: unknown };

function loadIndex(): void {
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh copy of the page's entry per test
    require("../../src/taskpane/index");
  });
}

beforeEach(() => {
  jest.useFakeTimers();
  // Before office.js answers, the page speaks the browser's language (Swedish Windows here).
  Object.defineProperty(window.navigator, "language", { value: "sv-SE", configurable: true });
  document.body.innerHTML = '<div id="container"></div>';
  mountPreview.mockClear();
});

afterEach(() => {
  delete g.Office;
  jest.useRealTimers();
});

it("waits 5 s for a slow office.js inside Excel and ends in the add-in, not the preview", async () => {
  g.Office = officeStandIn({ host: "Excel", platform: "PC" }, 5_000);
  await act(async () => {
    loadIndex();
    await jest.advanceTimersByTimeAsync(100);
  });
  expect(screen.getByText("Startar Balans…")).toBeInTheDocument();

  // The old start-up gave up here, after 2 s, and showed the preview for good.
  await act(async () => {
    await jest.advanceTimersByTimeAsync(4_800);
  });
  expect(screen.getByText("Startar Balans…")).toBeInTheDocument();
  expect(mountPreview).not.toHaveBeenCalled();

  await act(async () => {
    await jest.advanceTimersByTimeAsync(200);
  });
  expect(await screen.findByTestId("addin")).toHaveTextContent("ADD-IN on excel (sv)");
  expect(screen.queryByText("Startar Balans…")).toBeNull();

  await act(async () => {
    await jest.advanceTimersByTimeAsync(60_000);
  });
  expect(mountPreview).not.toHaveBeenCalled();
  expect(screen.getByTestId("addin")).toBeInTheDocument();
});

it("after 10 s without an answer says it is still waiting, offers the preview as a button, and still ends in the add-in", async () => {
  g.Office = officeStandIn({ host: "Excel", platform: "OfficeOnline" }, 25_000);
  await act(async () => {
    loadIndex();
    await jest.advanceTimersByTimeAsync(10_000);
  });
  expect(await screen.findByText(/Väntar fortfarande på Excel/)).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Inte i Excel? Öppna förhandsvisningen" })).toBeInTheDocument();
  await act(async () => {
    await jest.advanceTimersByTimeAsync(15_000);
  });
  expect(await screen.findByTestId("addin")).toHaveTextContent("ADD-IN on excel");
  expect(mountPreview).not.toHaveBeenCalled();
});

it("shows the preview when office.js is not loaded at all", async () => {
  await act(async () => {
    loadIndex();
    await jest.advanceTimersByTimeAsync(100);
  });
  expect(mountPreview).toHaveBeenCalledTimes(1);
  expect(screen.queryByTestId("addin")).toBeNull();
});

it("shows the preview when office.js answers that there is no host, however late", async () => {
  g.Office = officeStandIn({ host: null, platform: null }, 3_000);
  await act(async () => {
    loadIndex();
    await jest.advanceTimersByTimeAsync(2_999);
  });
  expect(mountPreview).not.toHaveBeenCalled();
  await act(async () => {
    await jest.advanceTimersByTimeAsync(1);
  });
  expect(mountPreview).toHaveBeenCalledTimes(1);
});

it("starts nothing when the start-up check found an engine that cannot run Balans", async () => {
  (globalThis as { __balansUnsupported?: string }).__balansUnsupported = "lookbehind";
  try {
    g.Office = officeStandIn({ host: "Excel", platform: "PC" }, 0);
    document.body.innerHTML = '<div id="container"><p>Meddelandet från kontrollen</p></div>';
    await act(async () => {
      loadIndex();
      await jest.advanceTimersByTimeAsync(1_000);
    });
    expect(screen.getByText("Meddelandet från kontrollen")).toBeInTheDocument();
    expect(screen.queryByTestId("addin")).toBeNull();
    expect(mountPreview).not.toHaveBeenCalled();
  } finally {
    delete (globalThis as { __balansUnsupported?: string }).__balansUnsupported;
  }
});
