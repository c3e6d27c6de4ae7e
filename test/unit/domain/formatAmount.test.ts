import Decimal from "decimal.js";
import { formatKronor, toJsonAmount } from "../../../src/domain/formatAmount";
import { parseAmount } from "../../../src/domain/parseAmount";

const NBSP = "\u00a0";
const MINUS = "\u2212";

describe("formatKronor", () => {
  it("groups thousands with U+00A0 and ends with a no-break space and kr", () => {
    expect(formatKronor(new Decimal("13302905"))).toBe(`13${NBSP}302${NBSP}905${NBSP}kr`);
    expect(formatKronor(new Decimal("1800000"))).toBe(`1${NBSP}800${NBSP}000${NBSP}kr`);
    expect(formatKronor(new Decimal("101230"))).toBe(`101${NBSP}230${NBSP}kr`);
    expect(formatKronor(new Decimal("1000"))).toBe(`1${NBSP}000${NBSP}kr`);
    expect(formatKronor(new Decimal("999"))).toBe(`999${NBSP}kr`);
    expect(formatKronor(new Decimal("0"))).toBe(`0${NBSP}kr`);
  });

  it("shows öre only when the amount is not whole (auto, the default)", () => {
    expect(formatKronor(new Decimal("757528.5"))).toBe(`757${NBSP}528,50${NBSP}kr`);
    expect(formatKronor(new Decimal("757528.50"), { decimals: "auto" })).toBe(`757${NBSP}528,50${NBSP}kr`);
    expect(formatKronor(new Decimal("757528.00"))).toBe(`757${NBSP}528${NBSP}kr`);
    expect(formatKronor(new Decimal("0.05"))).toBe(`0,05${NBSP}kr`);
  });

  it("rounds to the öre before deciding whether the amount is whole", () => {
    expect(formatKronor(new Decimal("9.999"))).toBe(`10${NBSP}kr`);
    expect(formatKronor(new Decimal("9.994"))).toBe(`9,99${NBSP}kr`);
  });

  it("always shows öre with decimals 2", () => {
    expect(formatKronor(new Decimal("13302905"), { decimals: 2 })).toBe(`13${NBSP}302${NBSP}905,00${NBSP}kr`);
    expect(formatKronor(new Decimal("0.125"), { decimals: 2 })).toBe(`0,13${NBSP}kr`);
  });

  it("rounds half away from zero to whole kronor with decimals 0", () => {
    expect(formatKronor(new Decimal("757528.50"), { decimals: 0 })).toBe(`757${NBSP}529${NBSP}kr`);
    expect(formatKronor(new Decimal("757528.49"), { decimals: 0 })).toBe(`757${NBSP}528${NBSP}kr`);
    expect(formatKronor(new Decimal("-2.5"), { decimals: 0 })).toBe(`${MINUS}3${NBSP}kr`);
  });

  it("writes U+2212 MINUS SIGN for negative amounts", () => {
    expect(formatKronor(new Decimal("-1500"))).toBe(`${MINUS}1${NBSP}500${NBSP}kr`);
    expect(formatKronor(new Decimal("-1500"), { decimals: 2 })).toBe(`${MINUS}1${NBSP}500,00${NBSP}kr`);
    expect(formatKronor(new Decimal("-0.5"))).toBe(`${MINUS}0,50${NBSP}kr`);
  });

  it("writes no minus for amounts that round to zero", () => {
    expect(formatKronor(new Decimal("-0.001"))).toBe(`0${NBSP}kr`);
    expect(formatKronor(new Decimal("-0.4"), { decimals: 0 })).toBe(`0${NBSP}kr`);
    expect(formatKronor(new Decimal("-0"))).toBe(`0${NBSP}kr`);
  });

  it("writes large amounts without exponent", () => {
    expect(formatKronor(new Decimal("1560000000000000000000"))).toBe(
      `1${NBSP}560${NBSP}000${NBSP}000${NBSP}000${NBSP}000${NBSP}000${NBSP}000${NBSP}kr`,
    );
  });

  it("writes the same characters as Intl sv-SE with currency SEK", () => {
    const whole = new Intl.NumberFormat("sv-SE", { style: "currency", currency: "SEK", maximumFractionDigits: 0 });
    const ore = new Intl.NumberFormat("sv-SE", { style: "currency", currency: "SEK" });
    expect(formatKronor(new Decimal("13302905"))).toBe(whole.format(13302905));
    expect(formatKronor(new Decimal("-1500"))).toBe(whole.format(-1500));
    expect(formatKronor(new Decimal("757528.5"))).toBe(ore.format(757528.5));
  });

  it("is read back by parseAmount", () => {
    for (const text of ["13302905", "757528.5", "-1500", "0.05", "-0.01"]) {
      const result = parseAmount(formatKronor(new Decimal(text)));
      expect(result.ok && result.value.equals(text)).toBe(true);
    }
  });

  it("does not mutate its input", () => {
    const amount = new Decimal("-757528.505");
    formatKronor(amount, { decimals: 0 });
    formatKronor(amount);
    expect(amount.toString()).toBe("-757528.505");
  });
});

describe("toJsonAmount", () => {
  it("writes two decimals with a dot and no grouping", () => {
    expect(toJsonAmount(new Decimal("13302905"))).toBe("13302905.00");
    expect(toJsonAmount(new Decimal("757528.5"))).toBe("757528.50");
    expect(toJsonAmount(new Decimal("0"))).toBe("0.00");
    expect(toJsonAmount(new Decimal("1560000000000000000000"))).toBe("1560000000000000000000.00");
  });

  it("writes '-' for negative amounts", () => {
    expect(toJsonAmount(new Decimal("-1500"))).toBe("-1500.00");
    expect(toJsonAmount(new Decimal("-0.01"))).toBe("-0.01");
  });

  it("rounds half away from zero and never writes -0.00", () => {
    expect(toJsonAmount(new Decimal("0.005"))).toBe("0.01");
    expect(toJsonAmount(new Decimal("-0.005"))).toBe("-0.01");
    expect(toJsonAmount(new Decimal("-0.004"))).toBe("0.00");
    expect(toJsonAmount(new Decimal("-0"))).toBe("0.00");
  });

  it("does not mutate its input", () => {
    const amount = new Decimal("1.005");
    toJsonAmount(amount);
    expect(amount.toString()).toBe("1.005");
  });
});
