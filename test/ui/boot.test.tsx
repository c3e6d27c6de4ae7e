import { isExcelHost, routeFor, waitForOffice } from "../../src/taskpane/boot";
import { settingsFromOptions } from "../../src/taskpane/settingsFromOptions";

describe("waitForOffice", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("says no-office at once when office.js is not loaded", async () => {
    await expect(waitForOffice(undefined)).resolves.toEqual({ kind: "no-office" });
    expect(routeFor({ kind: "no-office" })).toBe("preview");
  });

  it("gives the host when Office answers", async () => {
    const office = { onReady: jest.fn(async () => ({ host: "Excel", platform: "PC" })) };
    const start = await waitForOffice(office);
    expect(start).toEqual({ kind: "host", info: { host: "Excel", platform: "PC" } });
    expect(routeFor(start)).toBe("excel");
  });

  it("waits without a time limit when onReady does not answer, and says once that it is slow", async () => {
    const office = { onReady: () => new Promise<{ host: unknown; platform: unknown }>(() => undefined) };
    const onSlow = jest.fn();
    let settled: unknown = "pending";
    void waitForOffice(office, onSlow, 10_000).then((v) => (settled = v));
    await jest.advanceTimersByTimeAsync(9_999);
    expect(onSlow).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    expect(onSlow).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(10 * 60_000);
    expect(settled).toBe("pending");
    expect(onSlow).toHaveBeenCalledTimes(1);
  });

  it("treats a page outside Office (host null) as the preview, another host as not Excel, a failing onReady as a failure", async () => {
    const outside = await waitForOffice({ onReady: async () => ({ host: null, platform: null }) });
    expect(outside).toEqual({ kind: "no-host", info: { host: null, platform: null } });
    expect(routeFor(outside)).toBe("preview");
    const word = await waitForOffice({ onReady: async () => ({ host: "Word", platform: "PC" }) });
    expect(routeFor(word)).toBe("other-host");
    const rejected = await waitForOffice({ onReady: () => Promise.reject(new Error("x")) });
    expect(rejected.kind).toBe("failed");
    expect(routeFor(rejected)).toBe("failed");
    const thrown = await waitForOffice({
      onReady: () => {
        throw new Error("y");
      },
    });
    expect(thrown.kind).toBe("failed");
    expect(isExcelHost({ host: "Word", platform: "PC" })).toBe(false);
    expect(isExcelHost({ host: "Excel", platform: "OfficeOnline" })).toBe(true);
  });
});

describe("settingsFromOptions", () => {
  const now = new Date(2024, 10, 15, 12, 0, 0);

  it("stores no date when today is the real date", () => {
    expect(settingsFromOptions({ today: "2024-11-15", dueSoonDays: 45, expiringDays: 120 }, now)).toEqual({
      todayOverride: null,
      dueSoonDays: 45,
      expiringDays: 120,
    });
  });

  it("stores a chosen date", () => {
    expect(settingsFromOptions({ today: "2025-03-07", dueSoonDays: 30, expiringDays: 90 }, now)).toEqual({
      todayOverride: "2025-03-07",
      dueSoonDays: 30,
      expiringDays: 90,
    });
  });
});
