import { agreementStatus } from "../../../src/domain/agreementStatus";
import type { Validity } from "../../../src/domain/types";

function ends(end: string): Validity {
  return { kind: "ends", end, start: "2021-01-01" };
}

describe("agreementStatus", () => {
  const today = "2024-05-20";

  it("is expired when the end is before today", () => {
    expect(agreementStatus(ends("2023-12-31"), today, 90)).toEqual({ status: "expired", validTo: "2023-12-31" });
    expect(agreementStatus(ends("2024-05-19"), today, 90)).toEqual({ status: "expired", validTo: "2024-05-19" });
  });

  it("is expiring on the last day itself", () => {
    expect(agreementStatus(ends("2024-05-20"), today, 90)).toEqual({ status: "expiring", validTo: "2024-05-20" });
    expect(agreementStatus(ends("2024-05-20"), today, 0)).toEqual({ status: "expiring", validTo: "2024-05-20" });
  });

  it("is expiring at exactly expiringDays days and valid one day later", () => {
    // 2024-05-20 + 90 days = 2024-08-18.
    expect(agreementStatus(ends("2024-08-18"), today, 90)).toEqual({ status: "expiring", validTo: "2024-08-18" });
    expect(agreementStatus(ends("2024-08-19"), today, 90)).toEqual({ status: "valid", validTo: "2024-08-19" });
  });

  it("counts 29 February in a leap year", () => {
    // 2024-02-01 + 30 days = 2024-03-02; in 2023 it is 2023-03-03.
    expect(agreementStatus(ends("2024-03-02"), "2024-02-01", 30).status).toBe("expiring");
    expect(agreementStatus(ends("2024-03-03"), "2024-02-01", 30).status).toBe("valid");
    expect(agreementStatus(ends("2023-03-03"), "2023-02-01", 30).status).toBe("expiring");
    expect(agreementStatus(ends("2024-02-29"), "2024-03-01", 30).status).toBe("expired");
  });

  it("reads the seed's extended agreements on the list's date", () => {
    expect(agreementStatus(ends("2024-12-31"), today, 90)).toEqual({ status: "valid", validTo: "2024-12-31" });
    expect(agreementStatus(ends("2024-12-31"), "2024-10-02", 90)).toEqual({ status: "expiring", validTo: "2024-12-31" });
    expect(agreementStatus(ends("2024-12-31"), "2024-10-01", 90)).toEqual({ status: "valid", validTo: "2024-12-31" });
    expect(agreementStatus(ends("2024-12-31"), "2025-01-01", 90)).toEqual({ status: "expired", validTo: "2024-12-31" });
  });

  it("is open-ended without an end", () => {
    expect(agreementStatus({ kind: "open-ended", start: "2018-01-01" }, today, 90)).toEqual({
      status: "open-ended",
      validTo: null,
    });
    expect(agreementStatus({ kind: "open-ended", start: null }, today, 90)).toEqual({ status: "open-ended", validTo: null });
  });

  it("is valid while it renews itself", () => {
    expect(agreementStatus({ kind: "auto-renew", start: "2013-01-01" }, today, 90)).toEqual({
      status: "valid",
      validTo: null,
    });
  });

  it("is unknown when the validity is unknown", () => {
    expect(agreementStatus({ kind: "unknown" }, today, 90)).toEqual({ status: "unknown", validTo: null });
  });

  it("does not mutate its input", () => {
    const validity = Object.freeze({ kind: "ends", end: "2024-12-31", start: "2021-01-01" } as const);
    agreementStatus(validity, today, 90);
    expect(validity).toEqual({ kind: "ends", end: "2024-12-31", start: "2021-01-01" });
  });
});
