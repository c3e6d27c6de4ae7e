/** What the ribbon says after a command (src/commands/ribbonMessages.ts), and the commands' names. */
import { entry, type Entry, type Localised } from "./entry";
import { countOf } from "./plural";

/** The ribbon's commands (RibbonCommand in src/app/settings.ts). */
export type CommandKey = "kontrollera" | "summering" | "motesunderlag" | "infogaMall" | "infogaExempel";

const NAME: Record<CommandKey, { sv: string; en: string }> = {
  kontrollera: { sv: "Kontrollera", en: "Check" },
  summering: { sv: "Summering", en: "Summary" },
  motesunderlag: { sv: "Mötesunderlag", en: "Meeting agenda" },
  infogaMall: { sv: "Infoga mall", en: "Insert template" },
  infogaExempel: { sv: "Infoga mall med exempeldata", en: "Insert template with sample data" },
};

/** What a check found, for the ribbon's sentence. */
export interface CheckCounts {
  /** Tables whose status column was written. */
  columns: number;
  overdue: number;
  dueSoon: number;
  expired: number;
  expiring: number;
}

/** What changed since the last check, by kind. */
export interface ChangeCounts {
  since: string;
  newlyOverdue: number;
  newlyDone: number;
  added: number;
  removed: number;
  expired: number;
}

/** One more sentence (with its leading space), or nothing. */
type Tail = { sv: string; en: string };

export const commandMessages = {
  "command.name": entry<{ command: CommandKey }>(
    (p) => NAME[p.command].sv,
    (p) => NAME[p.command].en,
  ),
  "ribbon.agenda-written": entry<{ sheet: string; printSetup: boolean }>(
    (p) => `Mötesunderlaget finns på bladet ”${p.sheet}”.${p.printSetup ? "" : " Utskriftsinställningarna kräver en nyare Excel och skrevs inte."}`,
    (p) => `The meeting agenda is on the sheet "${p.sheet}".${p.printSetup ? "" : " The print settings need a newer Excel and were not written."}`,
  ),
  "ribbon.template-inserted": entry<{ sheet: string }>(
    (p) => `Mallen är infogad på bladet ”${p.sheet}”.`,
    (p) => `The template was inserted on the sheet "${p.sheet}".`,
  ),
  "ribbon.summary-written": entry<{ sheet: string; money: Tail }>(
    (p) => `Bladet ”${p.sheet}” är uppdaterat.${p.money.sv}`,
    (p) => `The sheet "${p.sheet}" is up to date.${p.money.en}`,
  ),
  "ribbon.check-done": entry<CheckCounts & { since: Tail; money: Tail }>(
    (p) =>
      `Kontrollen är klar: ${p.columns === 0 ? "ingen tabell att markera" : `kolumnen Balans status är uppdaterad i ${countOf("sv", p.columns, { one: "tabell", other: "tabeller" })}`}. ` +
      `${countOf("sv", p.overdue, { one: "försenad uppföljning", other: "försenade uppföljningar" })}, ${p.dueSoon} snart; ` +
      `${countOf("sv", p.expired, { one: "utgånget avtal", other: "utgångna avtal" })}, ${p.expiring} löper snart ut.${p.since.sv}${p.money.sv}`,
    (p) =>
      `Check done: ${p.columns === 0 ? "no table to mark" : `the column Balans status was updated in ${countOf("en", p.columns, { one: "table", other: "tables" })}`}. ` +
      `${countOf("en", p.overdue, { one: "overdue follow-up", other: "overdue follow-ups" })}, ${p.dueSoon} due soon; ` +
      `${countOf("en", p.expired, { one: "expired agreement", other: "expired agreements" })}, ${p.expiring} expiring soon.${p.since.en}${p.money.en}`,
  ),
  "ribbon.nothing-changed": entry<{ since: string }>(
    (p) => ` Inget har ändrats sedan kontrollen ${p.since}.`,
    (p) => ` Nothing has changed since the check on ${p.since}.`,
  ),
  "ribbon.changes": entry<ChangeCounts>(
    (p) =>
      ` Sedan kontrollen ${p.since}: ${countOf("sv", p.newlyOverdue, { one: "ny försenad", other: "nya försenade" })}, ${countOf("sv", p.newlyDone, { one: "ny klar", other: "nya klara" })}, ` +
      `${countOf("sv", p.added, { one: "ny rad", other: "nya rader" })}, ${countOf("sv", p.removed, { one: "borttagen rad", other: "borttagna rader" })}, ${countOf("sv", p.expired, { one: "avtal har gått ut", other: "avtal har gått ut" })}.`,
    (p) =>
      ` Since the check on ${p.since}: ${p.newlyOverdue} newly overdue, ${p.newlyDone} newly done, ` +
      `${countOf("en", p.added, { one: "new row", other: "new rows" })}, ${countOf("en", p.removed, { one: "removed row", other: "removed rows" })}, ${countOf("en", p.expired, { one: "agreement expired", other: "agreements expired" })}.`,
  ),
  "ribbon.error": entry<{ command: CommandKey; error: Localised }>(
    (p) => `${NAME[p.command].sv}: ${p.error.message}`,
    (p) => `${NAME[p.command].en}: ${p.error.messageEn}`,
  ),
  "ribbon.failed": entry<{ command: CommandKey; detail: string }>(
    (p) => `${NAME[p.command].sv} misslyckades: ${p.detail}`,
    (p) => `${NAME[p.command].en} failed: ${p.detail}`,
  ),
} satisfies Record<string, Entry>;
