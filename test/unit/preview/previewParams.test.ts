import { previewParams } from "../../../src/preview/previewParams";

const NOW = new Date(2026, 10, 27, 15, 0);

describe("previewParams", () => {
  it("uses ?today= as the date used as today, with the default day counts", () => {
    expect(previewParams("?today=2024-11-15", "sv-SE", NOW)).toEqual({
      language: "sv",
      options: { today: "2024-11-15", dueSoonDays: 30, expiringDays: 90 },
      today: "2024-11-15",
      badToday: false,
    });
  });

  it("uses the real date without ?today=, and flags a ?today= that is not a real date", () => {
    expect(previewParams("", "sv-SE", NOW)).toMatchObject({ options: { today: "2026-11-27" }, today: null, badToday: false });
    expect(previewParams("?today=2024-02-30", "sv-SE", NOW)).toMatchObject({ options: { today: "2026-11-27" }, today: "2024-02-30", badToday: true });
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
