/** Mötesunderlag (issue 14): the meeting calendar's rows and the agenda's request. */
import { entry, type Entry } from "./entry";

export const agendaMessages = {
  // ---------- the Möten table ----------
  "meetings.forum-missing": {
    sv: "Forum saknas på raden; mötet räknas inte med.",
    en: "The forum is missing on the row; the meeting is not counted.",
  },
  "meetings.date-missing": {
    sv: "Datum saknas på raden; mötet räknas inte med.",
    en: "The date is missing on the row; the meeting is not counted.",
  },
  "meetings.date-unreadable": entry<{ value: string }>(
    (p) => `Datumet ”${p.value}” kan inte läsas som en dag; mötet räknas inte med.`,
    (p) => `The date "${p.value}" cannot be read as a day; the meeting is not counted.`,
  ),

  // ---------- the agenda asked for ----------
  "agenda.forum-unknown": entry<{ forum: string; known: string }>(
    (p) => `Forumet ”${p.forum}” är okänt. Kända forum: ${p.known}.`,
    (p) => `The forum "${p.forum}" is unknown. Known forums: ${p.known}.`,
  ),
  "agenda.no-meeting-ahead": entry<{ forum: string; latest: string | null }>(
    (p) => `${p.forum} har inget möte i dag eller senare i kalendern (${p.latest === null ? "inga möten alls" : `senaste ${p.latest}`}). Ange datum för mötet.`,
    (p) => `${p.forum} has no meeting today or later in the calendar (${p.latest === null ? "no meetings at all" : `latest ${p.latest}`}). Give the meeting's date.`,
  ),
  "agenda.not-a-date": entry<{ value: string }>(
    (p) => `”${p.value}” är inget datum: skriv det som ÅÅÅÅ-MM-DD (t.ex. 2024-12-06) eller ÅÅÅÅ-MM för mötet den månaden.`,
    (p) => `"${p.value}" is not a date: write it as YYYY-MM-DD (e.g. 2024-12-06) or YYYY-MM for the meeting in that month.`,
  ),
} satisfies Record<string, Entry>;
