import { isExcelHost, waitForOffice } from "../../src/taskpane/boot";
import { settingsFromOptions } from "../../src/taskpane/settingsFromOptions";

describe("waitForOffice", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("gives null at once when office.js is not loaded", async () => {
    await expect(waitForOffice(2000, undefined)).resolves.toBeNull();
  });

  it("gives the host when Office answers in time", async () => {
    const office = { onReady: jest.fn(async () => ({ host: "Excel", platform: "PC" })) };
    const info = await waitForOffice(2000, office);
    expect(info).toEqual({ host: "Excel", platform: "PC" });
    expect(isExcelHost(info)).toBe(true);
  });

  it("gives null after the timeout when onReady never resolves (office.js could not load)", async () => {
    const office = { onReady: () => new Promise<{ host: unknown; platform: unknown }>(() => undefined) };
    let settled: unknown = "pending";
    void waitForOffice(2000, office).then((v) => (settled = v));
    await jest.advanceTimersByTimeAsync(1999);
    expect(settled).toBe("pending");
    await jest.advanceTimersByTimeAsync(1);
    expect(settled).toBeNull();
  });

  it("treats a page outside Office (host null) and a failing onReady as no Excel", async () => {
    const outside = await waitForOffice(2000, { onReady: async () => ({ host: null, platform: null }) });
    expect(outside).toEqual({ host: null, platform: null });
    expect(isExcelHost(outside)).toBe(false);
    await expect(waitForOffice(2000, { onReady: () => Promise.reject(new Error("x")) })).resolves.toBeNull();
    await expect(
      waitForOffice(2000, {
        onReady: () => {
          throw new Error("x");
        },
      }),
    ).resolves.toBeNull();
    expect(isExcelHost({ host: "Word", platform: "PC" })).toBe(false);
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
