import { parseValidity } from "../../../src/domain/parseValidity";
import type { Validity } from "../../../src/domain/types";

/** Every Giltighetstid value of the agreements table in seed 004, with what it means. */
const SEED_GILTIGHETSTID: [string, Validity][] = [
  ["2024-", { kind: "open-ended", start: "2024-01-01" }],
  ["2021-2023 (förlängd tom 31/12 2024)", { kind: "ends", end: "2024-12-31", start: "2021-01-01" }],
  ["2023", { kind: "ends", end: "2023-12-31", start: "2023-01-01" }],
  ["2020-2030", { kind: "ends", end: "2030-12-31", start: "2020-01-01" }],
  ["2017-2020 (förlängt tom 2024-12-31)", { kind: "ends", end: "2024-12-31", start: "2017-01-01" }],
  ["2019 (förlängt t.o.m. 2024-12-31)", { kind: "ends", end: "2024-12-31", start: "2019-01-01" }],
  ["2013-2015 (förlängs automatiskt på årsbasis)", { kind: "auto-renew", start: "2013-01-01" }],
  ["", { kind: "unknown" }],
  ["2020-2021", { kind: "ends", end: "2021-12-31", start: "2020-01-01" }],
  ["2024", { kind: "ends", end: "2024-12-31", start: "2024-01-01" }],
  ["2018 -tills vidare, ska följas upp årligen", { kind: "open-ended", start: "2018-01-01" }],
  ["2022 - tills vidare, revidering vart tredje år, 2025 etc.", { kind: "open-ended", start: "2022-01-01" }],
  ["2021, förlängs därefter ett år i taget", { kind: "auto-renew", start: "2021-01-01" }],
  ["2022- tillsvidare, uppdatering vart tredje år", { kind: "open-ended", start: "2022-01-01" }],
  ["2018- tillsvidare, ska följas upp årligen", { kind: "open-ended", start: "2018-01-01" }],
  ["2021- tillsvidare, ska följas upp årligen", { kind: "open-ended", start: "2021-01-01" }],
  ["2023-2026, ska följas upp årligen", { kind: "ends", end: "2026-12-31", start: "2023-01-01" }],
  ["2023-tillsvidare", { kind: "open-ended", start: "2023-01-01" }],
  [
    "1/6 2022 - tills det finns ett nytt samverkansavtal för hälso- och sjukvård i hemmet.",
    { kind: "open-ended", start: "2022-06-01" },
  ],
  ["Tom 2024-12-31", { kind: "ends", end: "2024-12-31", start: null }],
];

describe("parseValidity – the seed agreements table", () => {
  it.each(SEED_GILTIGHETSTID)("%j", (text, expected) => {
    expect(parseValidity(text)).toEqual(expected);
  });
});

describe("parseValidity – ranges and years", () => {
  it("reads a year range from 1 January to 31 December", () => {
    expect(parseValidity("2021-2023")).toEqual({ kind: "ends", end: "2023-12-31", start: "2021-01-01" });
    expect(parseValidity("2021 – 2023")).toEqual({ kind: "ends", end: "2023-12-31", start: "2021-01-01" });
    expect(parseValidity("  2021 -  2023 ")).toEqual({ kind: "ends", end: "2023-12-31", start: "2021-01-01" });
  });

  it("reads a range of dates", () => {
    expect(parseValidity("1/6 2022 - 31/5 2025")).toEqual({ kind: "ends", end: "2025-05-31", start: "2022-06-01" });
    expect(parseValidity("2022-06-01 – 2025-05-31")).toEqual({ kind: "ends", end: "2025-05-31", start: "2022-06-01" });
    expect(parseValidity("mars 2024 - feb 2025")).toEqual({ kind: "ends", end: "2025-02-28", start: "2024-03-01" });
  });

  it("reads a single date as the end date", () => {
    expect(parseValidity("31/12 2024")).toEqual({ kind: "ends", end: "2024-12-31", start: null });
    expect(parseValidity("2025-06-30")).toEqual({ kind: "ends", end: "2025-06-30", start: null });
  });
});

describe("parseValidity – extensions", () => {
  it.each([
    ["(förlängd tom 31/12 2024)", "2024-12-31"],
    ["(förlängt t.o.m. 2024-12-31)", "2024-12-31"],
    ["(förlängt tom 2024-12-31)", "2024-12-31"],
    ["Tom 2024-12-31", "2024-12-31"],
    ["t.om. 31/12 2024", "2024-12-31"],
    ["t.o.m. 31 december 2025", "2025-12-31"],
    ["till och med 31 december 2025", "2025-12-31"],
    ["giltig till 31/12 2023", "2023-12-31"],
  ])("%s ends %s", (text, end) => {
    expect(parseValidity(text)).toEqual({ kind: "ends", end, start: null });
  });

  it("lets the extension win over the original range, also when it is earlier", () => {
    expect(parseValidity("2021-2023 (förlängd tom 31/12 2024)")).toEqual({
      kind: "ends",
      end: "2024-12-31",
      start: "2021-01-01",
    });
    expect(parseValidity("2021-2026 (förkortad, gäller tom 2024-06-30)")).toEqual({
      kind: "ends",
      end: "2024-06-30",
      start: "2021-01-01",
    });
  });

  it("takes the latest of several extensions", () => {
    expect(parseValidity("2021-2023, förlängd tom 31/12 2024, förlängd tom 31/12 2025")).toEqual({
      kind: "ends",
      end: "2025-12-31",
      start: "2021-01-01",
    });
  });

  it("lets an extension win over 'tills vidare'", () => {
    expect(parseValidity("2022 - tills vidare, dock längst t.o.m. 2026-12-31")).toEqual({
      kind: "ends",
      end: "2026-12-31",
      start: "2022-01-01",
    });
  });
});

describe("parseValidity – open-ended and auto-renewing", () => {
  it("reads open-ended agreements", () => {
    expect(parseValidity("2024 -")).toEqual({ kind: "open-ended", start: "2024-01-01" });
    expect(parseValidity("2022- tillsvidare")).toEqual({ kind: "open-ended", start: "2022-01-01" });
    expect(parseValidity("tills vidare")).toEqual({ kind: "open-ended", start: null });
    expect(parseValidity("Tillsvidare")).toEqual({ kind: "open-ended", start: null });
    expect(parseValidity("från 1/1 2025")).toEqual({ kind: "open-ended", start: "2025-01-01" });
    expect(parseValidity("fr.o.m. 2024")).toEqual({ kind: "open-ended", start: "2024-01-01" });
  });

  it("reads auto-renewing agreements", () => {
    expect(parseValidity("2021-2023, förlängs automatiskt")).toEqual({ kind: "auto-renew", start: "2021-01-01" });
    expect(parseValidity("förlängs ett år i taget")).toEqual({ kind: "auto-renew", start: null });
  });

  it("does not take a yearly follow-up for an auto-renewal", () => {
    expect(parseValidity("2023-2026, ska följas upp årligen")).toEqual({
      kind: "ends",
      end: "2026-12-31",
      start: "2023-01-01",
    });
  });
});

describe("parseValidity – other cell values", () => {
  it("reads a date cell as the end date", () => {
    expect(parseValidity({ date: "2024-12-31" })).toEqual({ kind: "ends", end: "2024-12-31", start: null });
    expect(parseValidity({ date: "not a date" })).toEqual({ kind: "unknown" });
  });

  it("reads a number 1990–2099 as that year", () => {
    expect(parseValidity(2023)).toEqual({ kind: "ends", end: "2023-12-31", start: "2023-01-01" });
    expect(parseValidity(1990)).toEqual({ kind: "ends", end: "1990-12-31", start: "1990-01-01" });
    expect(parseValidity(2099)).toEqual({ kind: "ends", end: "2099-12-31", start: "2099-01-01" });
  });

  it("does not read other numbers", () => {
    expect(parseValidity(1989)).toEqual({ kind: "unknown" });
    expect(parseValidity(2100)).toEqual({ kind: "unknown" });
    expect(parseValidity(2023.5)).toEqual({ kind: "unknown" });
    expect(parseValidity(45658)).toEqual({ kind: "unknown" });
    expect(parseValidity(NaN)).toEqual({ kind: "unknown" });
  });

  it.each([[null], [""], ["   "], [true], [false], [{ error: "#N/A" }], ["Se avtalet"], ["?"], ["tom"]])(
    "%j is unknown",
    (value) => {
      expect(parseValidity(value)).toEqual({ kind: "unknown" });
    },
  );

  it("does not mutate its input", () => {
    const date = Object.freeze({ date: "2024-12-31" });
    parseValidity(date);
    expect(date).toEqual({ date: "2024-12-31" });
  });
});
