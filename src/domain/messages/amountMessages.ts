/**
 * An amount cell that cannot be read (src/domain/parseAmount.ts). `text` is the cell's text as
 * shown back to the user (already shortened).
 */
import { entry, type Entry } from "./entry";

export const amountMessages = {
  "amount.missing": { sv: "Belopp saknas", en: "Amount missing" },
  "amount.not-a-number": { sv: "Cellen innehåller inget giltigt tal", en: "The cell does not contain a valid number" },
  "amount.logical": {
    sv: "Cellen innehåller ett sanningsvärde (SANT/FALSKT), inte ett belopp",
    en: "The cell contains a logical value (TRUE/FALSE), not an amount",
  },
  "amount.error-value": entry<{ error: string }>(
    (p) => `Cellen innehåller ett felvärde (${p.error}).`,
    (p) => `The cell contains an error value (${p.error}).`,
  ),
  "amount.date": { sv: "Ett datum står i beloppskolumnen", en: "A date is in the amount column" },
  "amount.no-amount": { sv: "Cellen innehåller inget belopp", en: "The cell does not contain an amount" },
  "amount.ambiguous": entry<{ text: string }>(
    (p) =>
      `”${p.text}” går inte att tolka entydigt: i svenska belopp är komma decimaltecken och mellanslag skiljer tusental. Skriv t.ex. 1 800 000 kr eller 757 528,50 kr.`,
    (p) => `"${p.text}" is ambiguous: Swedish amounts use a decimal comma and spaces between thousands. Write e.g. 1 800 000 kr or 757 528,50 kr.`,
  ),
  "amount.bad-grouping": entry<{ text: string }>(
    (p) => `”${p.text}” har siffergrupper som inte går att tolka: tusental skrivs i grupper om tre (1 800 000), och en cell får bara innehålla ett tal.`,
    (p) =>
      `"${p.text}" has digit groups that cannot be read: thousands are written in groups of three (1 800 000), and a cell may hold only one number.`,
  ),
  "amount.approximate": entry<{ text: string }>(
    (p) => `”${p.text}” är ett ungefärligt eller osäkert belopp. Skriv ett exakt belopp, t.ex. 2 000 000 kr.`,
    (p) => `"${p.text}" is an approximate or uncertain amount. Write an exact amount, e.g. 2 000 000 kr.`,
  ),
  "amount.several-numbers": entry<{ text: string }>(
    (p) => `”${p.text}” innehåller flera tal. Skriv ett belopp per cell, t.ex. 1 800 000 kr.`,
    (p) => `"${p.text}" contains more than one number. Write one amount per cell, e.g. 1 800 000 kr.`,
  ),
  "amount.not-an-amount": entry<{ text: string }>(
    (p) => `”${p.text}” kan inte läsas som ett belopp. Skriv t.ex. 1 800 000 kr.`,
    (p) => `"${p.text}" cannot be read as an amount. Write e.g. 1 800 000 kr.`,
  ),
} satisfies Record<string, Entry>;
