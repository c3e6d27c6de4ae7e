/**
 * Issue 12: an elapsed-time format such as `[h]:mm` (hours past 24, e.g. a sum of working
 * hours) shows a duration, not a date; its cells must be read as numbers.
 */
import { isDateFormat } from "../../src/excel/readWorkbook";

describe("isDateFormat and elapsed time", () => {
  it.each(["[h]:mm", "[H]:MM", "[hh]:mm:ss", "[mm]:ss", "[m]", "[s]", "[ss].00", "[Red][h]:mm"])("%p is not a date format", (f) =>
    expect(isDateFormat(f)).toBe(false),
  );

  it.each(["yyyy-mm-dd", "[$-41D]d mmmm yyyy", "mmm yy", "[Red]yyyy-mm-dd"])("%p still is", (f) => expect(isDateFormat(f)).toBe(true));
});
