import fc from "fast-check";
import { agreementStatus } from "../../../src/domain/agreementStatus";
import { followUpStatus } from "../../../src/domain/followUpStatus";
import { addDays } from "../../../src/domain/isoDate";
import {
  agreementLiveValue,
  evaluateLiveStatus,
  followUpLiveValue,
  liveDatesText,
  liveStatusFormula,
  MAX_LIVE_DATES,
} from "../../../src/domain/liveStatus";
import { AGREEMENT_STYLES, FOLLOW_UP_STYLES } from "../../../src/domain/statusLabels";

describe("liveDatesText", () => {
  it("lists unique dates newest first", () => {
    expect(liveDatesText(["2024-12-31", "2025-03-31", "2024-12-31"])).toBe("2025-03-31; 2024-12-31");
  });
  it("is empty without dates and drops what is not a date", () => {
    expect(liveDatesText([])).toBe("");
    expect(liveDatesText(["2023-02-29"])).toBe("");
  });
  it("keeps the newest MAX_LIVE_DATES dates", () => {
    const dates = Array.from({ length: 25 }, (_, i) => addDays("2024-01-01", i));
    const text = liveDatesText(dates);
    expect(text.split("; ")).toHaveLength(MAX_LIVE_DATES);
    expect(text.startsWith("2024-01-25; 2024-01-24")).toBe(true);
    expect(text.endsWith("2024-01-06")).toBe(true);
  });
});

describe("the dates column's value", () => {
  it("holds the fixed label of done and dateless rows", () => {
    expect(followUpLiveValue({ status: "done", dates: ["2024-06-03"] })).toBe("Klar");
    expect(followUpLiveValue({ status: "no-date", dates: [] })).toBe("Datum saknas");
    expect(agreementLiveValue({ status: "open-ended", validTo: null })).toBe("Tills vidare");
    expect(agreementLiveValue({ status: "valid", validTo: null })).toBe("Gäller");
    expect(agreementLiveValue({ status: "unknown", validTo: null })).toBe("Okänd");
    expect(agreementLiveValue({ status: "expiring", validTo: "2024-12-31" })).toBe("2024-12-31");
  });
});

describe("liveStatusFormula", () => {
  const formula = liveStatusFormula("H4", "follow-up");
  it("refers only to its own row's dates cell, TODAY() and the stored window", () => {
    const refs = formula.match(/\b[A-Z]{1,3}\d+\b/g) ?? [];
    expect(new Set(refs)).toEqual(new Set(["H4"]));
    expect(formula).toContain("TODAY()");
    expect(formula).toContain("_Balans_DueSoonDays");
    expect(liveStatusFormula("H4", "agreement")).toContain("_Balans_ExpiringDays");
  });
  it("holds only Balans's fixed labels as text", () => {
    const strings = (formula.match(/"(?:[^"]|"")*"/g) ?? []).map((s) => s.slice(1, -1));
    expect(new Set(strings)).toEqual(new Set(["", "; 1900-01-01", "Försenad", "Snart", "Planerad"]));
  });
  it("is the same formula in every row, relative to the row", () => {
    expect(liveStatusFormula("H5", "follow-up")).toBe(formula.replace(/H4/g, "H5"));
  });
});

describe("evaluateLiveStatus (the formula's rule in TypeScript)", () => {
  it("follows the calendar for a row planned for 2024-12-31 and 2025-03-31", () => {
    const v = "2025-03-31; 2024-12-31";
    expect(evaluateLiveStatus(v, "follow-up", "2024-11-15", 30)).toBe("Planerad");
    expect(evaluateLiveStatus(v, "follow-up", "2024-12-01", 30)).toBe("Snart");
    expect(evaluateLiveStatus(v, "follow-up", "2025-03-01", 30)).toBe("Snart");
    expect(evaluateLiveStatus(v, "follow-up", "2025-02-27", 30)).toBe("Planerad");
    expect(evaluateLiveStatus(v, "follow-up", "2025-03-31", 30)).toBe("Snart");
    expect(evaluateLiveStatus(v, "follow-up", "2025-04-01", 30)).toBe("Försenad");
  });
  it("keeps fixed labels and blank rows", () => {
    expect(evaluateLiveStatus("Klar", "follow-up", "2030-01-01", 30)).toBe("Klar");
    expect(evaluateLiveStatus("", "follow-up", "2030-01-01", 30)).toBe("");
  });

  const isoDay = fc.integer({ min: 0, max: 2000 }).map((n) => addDays("2023-01-01", n));

  it("equals the engine's follow-up status for any dates, day and window", () => {
    fc.assert(
      fc.property(
        fc.array(isoDay, { maxLength: MAX_LIVE_DATES }),
        fc.option(isoDay, { nil: null }),
        isoDay,
        fc.integer({ min: 0, max: 120 }),
        (milestones, nextDate, today, window) => {
          const engine = followUpStatus({ statusText: null, nextDate, milestones }, today, window);
          const dates = nextDate !== null ? [nextDate] : milestones;
          const value = followUpLiveValue({ status: engine.status, dates });
          expect(evaluateLiveStatus(value, "follow-up", today, window)).toBe(FOLLOW_UP_STYLES[engine.status].label);
        },
      ),
    );
  });

  it("equals the engine's agreement status for any end, day and window", () => {
    fc.assert(
      fc.property(isoDay, isoDay, fc.integer({ min: 0, max: 400 }), (end, today, window) => {
        const engine = agreementStatus({ kind: "ends", end, start: null }, today, window);
        const value = agreementLiveValue(engine);
        expect(evaluateLiveStatus(value, "agreement", today, window)).toBe(AGREEMENT_STYLES[engine.status].label);
      }),
    );
  });

  it("written on one day, stays equal to the engine on every later day", () => {
    fc.assert(
      fc.property(fc.array(isoDay, { minLength: 1, maxLength: 40 }), isoDay, fc.integer({ min: 0, max: 800 }), (milestones, runDay, later) => {
        const engineThen = followUpStatus({ statusText: null, nextDate: null, milestones }, runDay, 30);
        const value = followUpLiveValue({ status: engineThen.status, dates: milestones });
        const day = addDays(runDay, later);
        const engineLater = followUpStatus({ statusText: null, nextDate: null, milestones }, day, 30);
        // Only the newest MAX_LIVE_DATES dates are kept: a later day than the oldest kept one is decided right.
        const kept = value.split("; ");
        if (kept.length === MAX_LIVE_DATES && day < (kept[kept.length - 1] as string)) return;
        expect(evaluateLiveStatus(value, "follow-up", day, 30)).toBe(FOLLOW_UP_STYLES[engineLater.status].label);
      }),
    );
  });
});
