/**
 * Calendar-date helpers on `YYYY-MM-DD` strings. No time zones and no `Date` objects: every
 * date is turned into a day number (days since 1970-01-01 in the proleptic Gregorian
 * calendar) with integer arithmetic, so the result never depends on where the code runs.
 */
import type { IsoDate } from "./types";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

/** Excel 1900 date system: serial 1 is 1900-01-01, and Excel counts a 29 February 1900 (serial 60) that never existed. */
const EXCEL_EPOCH = -25569; // day number of 1899-12-30: serial n ≥ 61 is EXCEL_EPOCH + n
const EXCEL_FAKE_LEAP_DAY = 60;
const EXCEL_MAX_SERIAL = 2958465; // 9999-12-31

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isValidYearMonth(year: number, month: number): boolean {
  return (
    Number.isInteger(year) && Number.isInteger(month) && year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12
  );
}

function format(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Days since 1970-01-01 (H. Hinnant's `days_from_civil`). */
function toDayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Inverse of {@link toDayNumber} (H. Hinnant's `civil_from_days`). Throws outside years 1–9999. */
function fromDayNumber(dayNumber: number): IsoDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`Date outside years ${MIN_YEAR}–${MAX_YEAR}`);
  }
  return format(year, month, day);
}

/** Day number of an IsoDate; throws a RangeError when `iso` is not a valid date. */
function dayNumberOf(iso: IsoDate): number {
  const match = ISO_DATE.exec(iso);
  if (match === null || !isIsoDate(iso)) {
    throw new RangeError(`Not a valid YYYY-MM-DD date: ${JSON.stringify(iso)}`);
  }
  return toDayNumber(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** ISO weekday of a day number: Monday 1 … Sunday 7 (1970-01-01 was a Thursday). */
function isoWeekdayOf(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7 + 1;
}

/** Day number of the Monday of ISO week 1 of `year` (the week that holds 4 January). */
function mondayOfWeekOne(year: number): number {
  const january4 = toDayNumber(year, 1, 4);
  return january4 - (isoWeekdayOf(january4) - 1);
}

/**
 * True when `value` is a string `YYYY-MM-DD` naming a real calendar date (years 0001–9999).
 * @example isIsoDate("2024-02-29") // true
 * @example isIsoDate("2023-02-29") // false
 */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string") return false;
  const match = ISO_DATE.exec(value);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return isValidYearMonth(year, month) && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * The IsoDate for a year, month (1–12) and day, or null when there is no such date.
 * @example toIsoDate(2024, 2, 29) // "2024-02-29"
 * @example toIsoDate(2023, 2, 29) // null
 */
export function toIsoDate(year: number, month: number, day: number): IsoDate | null {
  if (!isValidYearMonth(year, month) || !Number.isInteger(day)) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return format(year, month, day);
}

/**
 * The last day of a month (1–12), or null for an invalid year or month.
 * @example lastDayOfMonth(2024, 2) // "2024-02-29"
 */
export function lastDayOfMonth(year: number, month: number): IsoDate | null {
  if (!isValidYearMonth(year, month)) return null;
  return format(year, month, daysInMonth(year, month));
}

/**
 * The date `days` calendar days after `iso` (before it when negative).
 * @throws RangeError when `iso` is not a valid date, `days` is not an integer, or the result leaves years 1–9999.
 * @example addDays("2024-02-28", 1) // "2024-02-29"
 */
export function addDays(iso: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
  return fromDayNumber(dayNumberOf(iso) + days);
}

/**
 * Calendar days from `from` to `to` (`to` − `from`): positive when `to` is later.
 * @throws RangeError when either is not a valid date.
 * @example daysBetween("2024-02-01", "2024-03-01") // 29
 */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumberOf(to) - dayNumberOf(from);
}

/**
 * The Sunday that ends ISO-8601 week `week` of `year`, or null when the year has no such week
 * (week 53 exists only in years with 53 ISO weeks). The Sunday may fall in the next year.
 * @example isoWeekSunday(2025, 42) // "2025-10-19"
 * @example isoWeekSunday(2020, 53) // "2021-01-03"
 * @example isoWeekSunday(2025, 53) // null
 */
export function isoWeekSunday(year: number, week: number): IsoDate | null {
  if (!Number.isInteger(year) || !Number.isInteger(week) || year < MIN_YEAR || year >= MAX_YEAR || week < 1) return null;
  const monday = mondayOfWeekOne(year);
  const weeksInYear = (mondayOfWeekOne(year + 1) - monday) / 7;
  if (week > weeksInYear) return null;
  return fromDayNumber(monday + (week - 1) * 7 + 6);
}

/**
 * The date of an Excel serial number in the 1900 date system (the time of day is dropped).
 * Serial 60 is Excel's non-existent 1900-02-29; it is read as 1900-02-28.
 * @throws RangeError for serials below 1, above 2958465 (9999-12-31), or not finite.
 * @example fromExcelSerial(45658) // "2025-01-01"
 */
export function fromExcelSerial(serial: number): IsoDate {
  if (!Number.isFinite(serial) || serial < 1 || serial >= EXCEL_MAX_SERIAL + 1) {
    throw new RangeError(`Not an Excel date serial: ${serial}`);
  }
  const whole = Math.floor(serial);
  if (whole > EXCEL_FAKE_LEAP_DAY) return fromDayNumber(EXCEL_EPOCH + whole);
  if (whole === EXCEL_FAKE_LEAP_DAY) return "1900-02-28";
  return fromDayNumber(EXCEL_EPOCH + whole + 1);
}

/** Excel's 1904 date system: serial 0 is 1904-01-01, which is serial 1462 in the 1900 system. */
export const EXCEL_1904_OFFSET = 1462;

/**
 * The date an Excel cell's serial number shows, in the workbook's date system, or null when it
 * shows none: {@link fromExcelSerial}'s rule (serial 60 is 1900-02-28; the time of day is
 * dropped), and in the 1904 system (`date1904`) serial 0 is 1904-01-01, 1462 days later, and a
 * negative serial is no date. The one conversion both adapters and the preview use.
 * @example excelSerialToIsoDate(45611) // "2024-11-15"
 * @example excelSerialToIsoDate(0, true) // "1904-01-01"
 * @example excelSerialToIsoDate(0.5) // null (a time of day)
 */
export function excelSerialToIsoDate(serial: number, date1904 = false): IsoDate | null {
  if (!Number.isFinite(serial) || (date1904 && serial < 0)) return null;
  const serial1900 = date1904 ? serial + EXCEL_1904_OFFSET : serial;
  if (serial1900 < 1 || serial1900 >= EXCEL_MAX_SERIAL + 1) return null;
  return fromExcelSerial(serial1900);
}

/**
 * The Excel serial number (1900 date system) of a date from 1900-01-01 on.
 * Dates from 1900-03-01 on count Excel's fictitious 1900-02-29.
 * @throws RangeError when `iso` is not a valid date or is before 1900-01-01.
 * @example toExcelSerial("2025-01-01") // 45658
 */
export function toExcelSerial(iso: IsoDate): number {
  const dayNumber = dayNumberOf(iso);
  const serial = dayNumber - EXCEL_EPOCH;
  if (serial >= EXCEL_FAKE_LEAP_DAY + 1) return serial;
  if (serial - 1 < 1) throw new RangeError(`Before Excel's first date 1900-01-01: ${iso}`);
  return serial - 1;
}
