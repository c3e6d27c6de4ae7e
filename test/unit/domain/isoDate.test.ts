import {
  addDays,
  daysBetween,
  excelSerialToIsoDate,
  fromExcelSerial,
  isIsoDate,
  isoWeekSunday,
  lastDayOfMonth,
  toExcelSerial,
  toIsoDate,
} from "../../../src/domain/isoDate";

describe("isIsoDate", () => {
  it("accepts real dates written YYYY-MM-DD", () => {
    expect(isIsoDate("2024-05-20")).toBe(true);
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2000-02-29")).toBe(true);
    expect(isIsoDate("0001-01-01")).toBe(true);
    expect(isIsoDate("9999-12-31")).toBe(true);
  });

  it("rejects dates that do not exist", () => {
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("1900-02-29")).toBe(false);
    expect(isIsoDate("2024-04-31")).toBe(false);
    expect(isIsoDate("2024-13-01")).toBe(false);
    expect(isIsoDate("2024-00-10")).toBe(false);
    expect(isIsoDate("2024-01-00")).toBe(false);
    expect(isIsoDate("0000-01-01")).toBe(false);
  });

  it("rejects other shapes and non-strings", () => {
    expect(isIsoDate("2024-5-20")).toBe(false);
    expect(isIsoDate("20/5 2024")).toBe(false);
    expect(isIsoDate(" 2024-05-20")).toBe(false);
    expect(isIsoDate("2024-05-20T00:00:00Z")).toBe(false);
    expect(isIsoDate("")).toBe(false);
    expect(isIsoDate(45658)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
    expect(isIsoDate(undefined)).toBe(false);
  });
});

describe("toIsoDate", () => {
  it("pads month and day", () => {
    expect(toIsoDate(2025, 1, 1)).toBe("2025-01-01");
    expect(toIsoDate(2024, 12, 31)).toBe("2024-12-31");
  });

  it("knows 29 February only in leap years", () => {
    expect(toIsoDate(2024, 2, 29)).toBe("2024-02-29");
    expect(toIsoDate(2000, 2, 29)).toBe("2000-02-29");
    expect(toIsoDate(2023, 2, 29)).toBeNull();
    expect(toIsoDate(1900, 2, 29)).toBeNull();
    expect(toIsoDate(2100, 2, 29)).toBeNull();
  });

  it("returns null for impossible dates", () => {
    expect(toIsoDate(2024, 2, 31)).toBeNull();
    expect(toIsoDate(2024, 4, 31)).toBeNull();
    expect(toIsoDate(2024, 13, 1)).toBeNull();
    expect(toIsoDate(2024, 0, 1)).toBeNull();
    expect(toIsoDate(2024, 1, 0)).toBeNull();
    expect(toIsoDate(2024, 1.5, 1)).toBeNull();
    expect(toIsoDate(2024, 1, NaN)).toBeNull();
    expect(toIsoDate(0, 1, 1)).toBeNull();
    expect(toIsoDate(10000, 1, 1)).toBeNull();
  });
});

describe("lastDayOfMonth", () => {
  it("gives the last day of each kind of month", () => {
    expect(lastDayOfMonth(2024, 1)).toBe("2024-01-31");
    expect(lastDayOfMonth(2024, 2)).toBe("2024-02-29");
    expect(lastDayOfMonth(2025, 2)).toBe("2025-02-28");
    expect(lastDayOfMonth(2024, 4)).toBe("2024-04-30");
    expect(lastDayOfMonth(2024, 6)).toBe("2024-06-30");
    expect(lastDayOfMonth(2024, 12)).toBe("2024-12-31");
  });

  it("returns null for an invalid month or year", () => {
    expect(lastDayOfMonth(2024, 0)).toBeNull();
    expect(lastDayOfMonth(2024, 13)).toBeNull();
    expect(lastDayOfMonth(NaN, 1)).toBeNull();
  });
});

describe("addDays", () => {
  it("moves across month and year ends", () => {
    expect(addDays("2024-01-31", 1)).toBe("2024-02-01");
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDays("2025-01-01", -1)).toBe("2024-12-31");
    expect(addDays("2024-05-20", 0)).toBe("2024-05-20");
  });

  it("passes 29 February in a leap year and skips it otherwise", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-02-29", 1)).toBe("2024-03-01");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
  });

  it("adds many days", () => {
    expect(addDays("2024-05-20", 365)).toBe("2025-05-20");
    expect(addDays("2023-05-20", 365)).toBe("2024-05-19");
    expect(addDays("1970-01-01", 20089)).toBe("2025-01-01");
  });

  it("throws a RangeError for an invalid date or a fractional count", () => {
    expect(() => addDays("2023-02-29", 1)).toThrow(RangeError);
    expect(() => addDays("not a date", 1)).toThrow(RangeError);
    expect(() => addDays("2024-05-20", 1.5)).toThrow(RangeError);
    expect(() => addDays("9999-12-31", 1)).toThrow(RangeError);
  });
});

describe("daysBetween", () => {
  it("counts calendar days, to minus from", () => {
    expect(daysBetween("2024-05-20", "2024-05-20")).toBe(0);
    expect(daysBetween("2024-05-20", "2024-05-21")).toBe(1);
    expect(daysBetween("2024-05-21", "2024-05-20")).toBe(-1);
    expect(daysBetween("2024-02-01", "2024-03-01")).toBe(29);
    expect(daysBetween("2023-02-01", "2023-03-01")).toBe(28);
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
    expect(daysBetween("2025-01-01", "2026-01-01")).toBe(365);
  });

  it("is not affected by daylight saving time changes", () => {
    // Sweden moved clocks forward on 2024-03-31 and back on 2024-10-27.
    expect(daysBetween("2024-03-30", "2024-04-01")).toBe(2);
    expect(daysBetween("2024-10-26", "2024-10-28")).toBe(2);
  });

  it("throws a RangeError for an invalid date", () => {
    expect(() => daysBetween("2024-02-30", "2024-03-01")).toThrow(RangeError);
  });
});

describe("isoWeekSunday", () => {
  it("gives the Sunday that ends the ISO week", () => {
    expect(isoWeekSunday(2025, 42)).toBe("2025-10-19");
    expect(isoWeekSunday(2024, 52)).toBe("2024-12-29");
    expect(isoWeekSunday(2024, 10)).toBe("2024-03-10");
  });

  it("handles week 1 that starts in the previous year", () => {
    // 2025-01-01 is a Wednesday: week 1 is 2024-12-30 … 2025-01-05.
    expect(isoWeekSunday(2025, 1)).toBe("2025-01-05");
    // 2026-01-01 is a Thursday: week 1 is 2025-12-29 … 2026-01-04.
    expect(isoWeekSunday(2026, 1)).toBe("2026-01-04");
  });

  it("gives week 53 only in years that have it", () => {
    expect(isoWeekSunday(2020, 53)).toBe("2021-01-03");
    expect(isoWeekSunday(2026, 53)).toBe("2027-01-03");
    expect(isoWeekSunday(2015, 53)).toBe("2016-01-03");
    expect(isoWeekSunday(2024, 53)).toBeNull();
    expect(isoWeekSunday(2025, 53)).toBeNull();
  });

  it("returns null for weeks that cannot exist", () => {
    expect(isoWeekSunday(2025, 0)).toBeNull();
    expect(isoWeekSunday(2025, 54)).toBeNull();
    expect(isoWeekSunday(2025, 1.5)).toBeNull();
  });
});

describe("fromExcelSerial", () => {
  it("reads the 1900 date system", () => {
    expect(fromExcelSerial(45658)).toBe("2025-01-01");
    expect(fromExcelSerial(45432)).toBe("2024-05-20");
    expect(fromExcelSerial(45351)).toBe("2024-02-29");
    expect(fromExcelSerial(2958465)).toBe("9999-12-31");
  });

  it("drops the time of day", () => {
    expect(fromExcelSerial(45658.75)).toBe("2025-01-01");
    expect(fromExcelSerial(45658.999)).toBe("2025-01-01");
  });

  it("counts Excel's fictitious 1900-02-29 (serial 60)", () => {
    expect(fromExcelSerial(1)).toBe("1900-01-01");
    expect(fromExcelSerial(59)).toBe("1900-02-28");
    expect(fromExcelSerial(60)).toBe("1900-02-28");
    expect(fromExcelSerial(61)).toBe("1900-03-01");
  });

  it("throws a RangeError outside Excel's dates", () => {
    expect(() => fromExcelSerial(0)).toThrow(RangeError);
    expect(() => fromExcelSerial(-1)).toThrow(RangeError);
    expect(() => fromExcelSerial(2958466)).toThrow(RangeError);
    expect(() => fromExcelSerial(NaN)).toThrow(RangeError);
    expect(() => fromExcelSerial(Infinity)).toThrow(RangeError);
  });
});

describe("excelSerialToIsoDate (the one conversion every adapter uses)", () => {
  it.each([
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [60, "1900-02-28"],
    [61, "1900-03-01"],
    [45292, "2024-01-01"],
    [45351.75, "2024-02-29"],
    [2958465, "9999-12-31"],
  ])("1900 system: %p → %p (serial 60, Excel's phantom 1900-02-29, is read as 1900-02-28)", (serial, iso) =>
    expect(excelSerialToIsoDate(serial)).toBe(iso),
  );

  it.each([0, -1, 0.5, 2958466, Number.NaN, Infinity])("1900 system: %p is no date (null, no throw)", (serial) =>
    expect(excelSerialToIsoDate(serial)).toBeNull(),
  );

  it.each([
    [0, "1904-01-01"],
    [0.5, "1904-01-01"],
    [1, "1904-01-02"],
    [43830, "2024-01-01"],
    [43889, "2024-02-29"],
    [2957003, "9999-12-31"],
  ])("1904 system: %p → %p (1462 days added)", (serial, iso) => expect(excelSerialToIsoDate(serial, true)).toBe(iso));

  it.each([-1, -0.5, 2957004])("1904 system: %p is no date (a negative serial is none, even where the 1900 system has one)", (serial) =>
    expect(excelSerialToIsoDate(serial, true)).toBeNull(),
  );

  it("reads the same serial 1462 days apart in the two systems", () => {
    expect(excelSerialToIsoDate(43830, false)).toBe("2019-12-31");
    expect(excelSerialToIsoDate(43830, true)).toBe("2024-01-01");
  });
});

describe("toExcelSerial", () => {
  it("writes the 1900 date system", () => {
    expect(toExcelSerial("2025-01-01")).toBe(45658);
    expect(toExcelSerial("2024-05-20")).toBe(45432);
    expect(toExcelSerial("2024-02-29")).toBe(45351);
    expect(toExcelSerial("9999-12-31")).toBe(2958465);
  });

  it("skips serial 60 around Excel's fictitious leap day", () => {
    expect(toExcelSerial("1900-01-01")).toBe(1);
    expect(toExcelSerial("1900-02-28")).toBe(59);
    expect(toExcelSerial("1900-03-01")).toBe(61);
  });

  it("throws a RangeError before 1900 or for an invalid date", () => {
    expect(() => toExcelSerial("1899-12-31")).toThrow(RangeError);
    expect(() => toExcelSerial("2023-02-29")).toThrow(RangeError);
  });

  it("is the inverse of fromExcelSerial from 1900-03-01 on", () => {
    for (const serial of [61, 366, 25569, 36526, 45351, 45658, 2958465]) {
      expect(toExcelSerial(fromExcelSerial(serial))).toBe(serial);
    }
  });
});
