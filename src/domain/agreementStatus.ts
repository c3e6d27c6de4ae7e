/**
 * Decides where an agreement stands on a given day from its period of validity.
 */
import { daysBetween } from "./isoDate";
import type { AgreementStatus, IsoDate, Validity } from "./types";

export interface AgreementStatusResult {
  status: AgreementStatus;
  /** The last valid day, or null when the agreement has no fixed end (or it is unknown). */
  validTo: IsoDate | null;
}

/**
 * The status of an agreement on `today`.
 *
 * - Ends before today → `expired`; ends today or within `expiringDays` days → `expiring`;
 *   later → `valid`. `validTo` is the end date.
 * - Open-ended → `open-ended`; auto-renewing → `valid`; both with `validTo` null.
 * - Unknown → `unknown`.
 *
 * @example agreementStatus({ kind: "ends", end: "2024-12-31", start: null }, "2024-10-02", 90)
 * // { status: "expiring", validTo: "2024-12-31" }
 */
export function agreementStatus(validity: Validity, today: IsoDate, expiringDays: number): AgreementStatusResult {
  switch (validity.kind) {
    case "ends": {
      const { end } = validity;
      if (end < today) return { status: "expired", validTo: end };
      return { status: daysBetween(today, end) <= expiringDays ? "expiring" : "valid", validTo: end };
    }
    case "open-ended":
      return { status: "open-ended", validTo: null };
    case "auto-renew":
      return { status: "valid", validTo: null };
    case "unknown":
      return { status: "unknown", validTo: null };
  }
}
