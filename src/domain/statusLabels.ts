import type { AgreementStatus, FollowUpStatus, Rgb } from "./types";

export interface StatusStyle {
  label: string;
  labelEn: string;
  fill: Rgb;
  font: Rgb;
}

/** The Swedish labels Balans writes in its status column, with their fills (Excel's Bad/Neutral/Good palette). */
export const FOLLOW_UP_STYLES: Record<FollowUpStatus, StatusStyle> = {
  overdue: { label: "Försenad", labelEn: "Overdue", fill: "FFC7CE", font: "9C0006" },
  "due-soon": { label: "Snart", labelEn: "Due soon", fill: "FFEB9C", font: "9C5700" },
  planned: { label: "Planerad", labelEn: "Planned", fill: "C6EFCE", font: "006100" },
  done: { label: "Klar", labelEn: "Done", fill: "DDEBF7", font: "1F4E78" },
  "no-date": { label: "Datum saknas", labelEn: "No date", fill: "EDEDED", font: "595959" },
};

export const AGREEMENT_STYLES: Record<AgreementStatus, StatusStyle> = {
  expired: { label: "Utgånget", labelEn: "Expired", fill: "FFC7CE", font: "9C0006" },
  expiring: { label: "Går ut snart", labelEn: "Expiring", fill: "FFEB9C", font: "9C5700" },
  valid: { label: "Gäller", labelEn: "Valid", fill: "C6EFCE", font: "006100" },
  "open-ended": { label: "Tills vidare", labelEn: "Open-ended", fill: "DDEBF7", font: "1F4E78" },
  unknown: { label: "Okänd", labelEn: "Unknown", fill: "EDEDED", font: "595959" },
};
