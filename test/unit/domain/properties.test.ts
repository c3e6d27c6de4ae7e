import Decimal from "decimal.js";
import fc from "fast-check";
import { extractMilestones } from "../../../src/domain/extractMilestones";
import { formatKronor, toJsonAmount } from "../../../src/domain/formatAmount";
import { followUpStatus } from "../../../src/domain/followUpStatus";
import { addDays } from "../../../src/domain/isoDate";
import { parseAmount } from "../../../src/domain/parseAmount";
import type { FollowUpStatus } from "../../../src/domain/types";

const RUNS = { numRuns: 200 };

/** Öre as a bigint, from minus to plus ten thousand billion kronor. */
const ore = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n });
/** Öre small enough that `öre / 100` as a JavaScript number keeps every öre. */
const safeOre = fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n });

function kronor(amount: bigint): Decimal {
  return new Decimal(`${amount}e-2`);
}

function parsed(value: string | number): Decimal {
  const result = parseAmount(value);
  if (!result.ok) throw new Error(`${JSON.stringify(value)} was rejected: ${result.message}`);
  return result.value;
}

describe("amount properties", () => {
  it("parseAmount(formatKronor(x)) equals x for any öre amount", () => {
    fc.assert(
      fc.property(ore, fc.constantFrom<0 | 2 | "auto" | undefined>(2, "auto", undefined), (amount, decimals) => {
        const x = kronor(amount);
        const text = decimals === undefined ? formatKronor(x) : formatKronor(x, { decimals });
        expect(parsed(text).equals(x)).toBe(true);
      }),
      RUNS,
    );
  });

  it("whole kronor survive formatting without öre", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }), (whole) => {
        const x = new Decimal(whole.toString());
        expect(parsed(formatKronor(x, { decimals: 0 })).equals(x)).toBe(true);
      }),
      RUNS,
    );
  });

  it("toJsonAmount writes every öre amount exactly with two decimals", () => {
    fc.assert(
      fc.property(ore, (amount) => {
        const json = toJsonAmount(kronor(amount));
        expect(json).toMatch(/^-?\d+\.\d{2}$/);
        expect(new Decimal(json).equals(kronor(amount))).toBe(true);
      }),
      RUNS,
    );
  });

  it("the parsed öre parts of a total, written as text, add up to the total exactly", () => {
    fc.assert(
      fc.property(fc.array(ore, { maxLength: 40 }), (parts) => {
        const total = parts.reduce((sum, part) => sum + part, 0n);
        const sum = parts.map((part) => parsed(formatKronor(kronor(part)))).reduce((a, b) => a.plus(b), new Decimal(0));
        expect(sum.equals(kronor(total))).toBe(true);
      }),
      RUNS,
    );
  });

  it("the parsed öre parts of a total, as number cells, add up to the total exactly", () => {
    fc.assert(
      fc.property(fc.array(safeOre, { maxLength: 40 }), (parts) => {
        const total = parts.reduce((sum, part) => sum + part, 0n);
        const sum = parts.map((part) => parsed(Number(part) / 100)).reduce((a, b) => a.plus(b), new Decimal(0));
        expect(sum.equals(kronor(total))).toBe(true);
      }),
      RUNS,
    );
  });

  it("parseAmount never throws", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.double()), (value) => {
        const result = parseAmount(value);
        expect(typeof result.ok).toBe("boolean");
      }),
      RUNS,
    );
  });
});

/** Date texts with the dates they stand for. None starts with a year that a month name before it could take. */
const KNOWN_DATES: [string, string[]][] = [
  ["9/6 2023", ["2023-06-09"]],
  ["3/6-2024", ["2024-06-03"]],
  ["23/2 2024-rapport", ["2024-02-23"]],
  ["11/10 2024", ["2024-10-11"]],
  ["t.om. 31/12 2024", ["2024-12-31"]],
  ["from 1/1 2025", ["2025-01-01"]],
  ["16-17/4 2024", ["2024-04-17"]],
  ["3/6/2024", ["2024-06-03"]],
  ["2024-12-31", ["2024-12-31"]],
  ["2024-04", ["2024-04-30"]],
  ["10 april 2024", ["2024-04-10"]],
  ["den 9 februari 2024", ["2024-02-09"]],
  ["februari 2025", ["2025-02-28"]],
  ["okt. 2024", ["2024-10-31"]],
  ["feb 2024", ["2024-02-29"]],
  ["mars 2025", ["2025-03-31"]],
  ["vår 2024", ["2024-06-30"]],
  ["hösten 2024", ["2024-12-31"]],
  ["SVOM 2023", ["2023-12-31"]],
  ["vecka 42 2025", ["2025-10-19"]],
  ["v.42 2025", ["2025-10-19"]],
  ["SVOM 11/10 2024 - rekommendationsbeslut nytt avtal from 1/1 2025.", ["2024-10-11", "2025-01-01"]],
];

/** Random text without ASCII digits, so that it holds no date of its own. */
const noDigits = fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" })).filter(
  (text) => !/[0-9]/.test(text),
);

describe("extractMilestones properties", () => {
  it("never throws on arbitrary strings and returns well-formed milestones in order", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: "binary", maxLength: 200 })), (text) => {
        const milestones = extractMilestones(text);
        let previousEnd = 0;
        for (const m of milestones) {
          expect(m.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(text.slice(m.index, m.index + m.source.length)).toBe(m.source);
          expect(m.index).toBeGreaterThanOrEqual(previousEnd);
          previousEnd = m.index + m.source.length;
        }
      }),
      RUNS,
    );
  });

  it("never throws on strings made of date characters", () => {
    const dateish = fc.string({
      unit: fc.constantFrom("1", "2", "0", "9", "/", "-", " ", ".", "v", "a", "p", "r", "i", "l", "å", "\u2013"),
      maxLength: 300,
    });
    fc.assert(
      fc.property(dateish, (text) => {
        expect(() => extractMilestones(text)).not.toThrow();
      }),
      RUNS,
    );
  });

  it("finds the same dates when a date text is surrounded by random text", () => {
    fc.assert(
      fc.property(fc.constantFrom(...KNOWN_DATES), noDigits, noDigits, ([known, dates], before, after) => {
        const alone = extractMilestones(known);
        const text = `${before} ${known} ${after}`;
        const surrounded = extractMilestones(text);
        expect(surrounded.map((m) => m.date)).toEqual(dates);
        expect(surrounded.map((m) => m.source)).toEqual(alone.map((m) => m.source));
        expect(surrounded.map((m) => m.index)).toEqual(alone.map((m) => m.index + before.length + 1));
      }),
      RUNS,
    );
  });
});

const ORDER: Record<FollowUpStatus, number> = { "no-date": -1, planned: 0, "due-soon": 1, overdue: 2, done: 3 };

describe("followUpStatus properties", () => {
  const day = fc.integer({ min: 0, max: 1500 });
  const base = "2023-01-01";

  it("only moves forward planned → due-soon → overdue as today advances (one follow-up date)", () => {
    fc.assert(
      fc.property(day, day, day, fc.integer({ min: 0, max: 120 }), fc.boolean(), (target, a, b, dueSoonDays, explicit) => {
        const date = addDays(base, target);
        const input = explicit
          ? { statusText: null, nextDate: date, milestones: [] }
          : { statusText: null, nextDate: null, milestones: [date] };
        const [earlier, later] = a <= b ? [a, b] : [b, a];
        const first = followUpStatus(input, addDays(base, earlier), dueSoonDays).status;
        const second = followUpStatus(input, addDays(base, later), dueSoonDays).status;
        expect(["planned", "due-soon", "overdue"]).toContain(first);
        expect(ORDER[second]).toBeGreaterThanOrEqual(ORDER[first]);
      }),
      RUNS,
    );
  });

  it("walks planned → due-soon → overdue day by day, each exactly once", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 90 }), (dueSoonDays, lead) => {
        const date = "2024-03-01";
        const seen: FollowUpStatus[] = [];
        for (let offset = -(dueSoonDays + lead); offset <= lead; offset++) {
          const { status } = followUpStatus({ statusText: null, nextDate: date, milestones: [] }, addDays(date, offset), dueSoonDays);
          if (seen[seen.length - 1] !== status) seen.push(status);
        }
        expect(seen).toEqual(["planned", "due-soon", "overdue"]);
      }),
      RUNS,
    );
  });

  it("a done row stays done whatever the day", () => {
    fc.assert(
      fc.property(day, day, (target, today) => {
        const input = { statusText: "Klar", nextDate: addDays(base, target), milestones: [addDays(base, target)] };
        expect(followUpStatus(input, addDays(base, today), 30).status).toBe("done");
      }),
      RUNS,
    );
  });
});
