import { previewParams, SAMPLE_TODAY } from "../../../src/preview/previewParams";

const NOW = new Date(2026, 10, 27, 15, 0);

describe("previewParams", () => {
  it("uses ?today= as the date used as today, with the default day counts", () => {
    expect(previewParams("?today=2024-11-15", "sv-SE", NOW)).toEqual({
      language: "sv",
      options: { today: "2024-11-15", dueSoonDays: 30, expiringDays: 90 },
      today: "2024-11-15",
      badToday: false,
      todaySource: "query",
      realToday: "2026-11-27",
    });
  });

  it("opens the sample at its own date 2024-11-15 without ?today= (issue 12)", () => {
    expect(SAMPLE_TODAY).toBe("2024-11-15");
    expect(previewParams("", "sv-SE", NOW)).toMatchObject({
      options: { today: "2024-11-15" },
      today: null,
      badToday: false,
      todaySource: "sample",
      realToday: "2026-11-27",
    });
    // ?today= still wins.
    expect(previewParams("?today=2025-01-31", "sv-SE", NOW)).toMatchObject({ options: { today: "2025-01-31" }, todaySource: "query" });
  });

  it("uses the real date for a ?today= that is not a real date, and flags it", () => {
    expect(previewParams("?today=2024-02-30", "sv-SE", NOW)).toMatchObject({
      options: { today: "2026-11-27" },
      today: "2024-02-30",
      badToday: true,
      todaySource: "real",
    });
    expect(previewParams("?today=15/11/2024", "sv-SE", NOW)).toMatchObject({ badToday: true });
    expect(previewParams("?today=", "sv-SE", NOW)).toMatchObject({ badToday: true });
  });

  it("takes ?lang= before the browser's language", () => {
    expect(previewParams("?lang=en&today=2024-11-15", "sv-SE", NOW).language).toBe("en");
    expect(previewParams("?lang=sv", "en-US", NOW).language).toBe("sv");
    expect(previewParams("", "en-GB", NOW).language).toBe("en");
    expect(previewParams("", undefined, NOW).language).toBe("sv");
  });
});
