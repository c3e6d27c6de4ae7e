import { BalansError, type ActionOutcome } from "../../src/app/port";
import type { Analysis } from "../../src/domain/types";
import {
  COMMAND_LIMIT_MS,
  MAX_DIALOG_TEXT,
  SUCCESS_DIALOG_MS,
  dialogCloseDelay,
  describeError,
  describeChanges,
  describeSuccess,
  dialogUrl,
  pickLanguage,
  readDialogQuery,
} from "../../src/commands/ribbonMessages";
import { commandMessageKey } from "../../src/commands/commandMessageStore";

const AT = new Date("2025-03-01T10:00:00.000Z");

function outcome(partial: Partial<Analysis>, rest: Partial<ActionOutcome> = {}): ActionOutcome {
  const analysis: Analysis = { today: "2025-03-01", tables: [], funds: [], followUps: [], agreements: [], problems: [], ...partial };
  return { analysis, statusColumns: 2, summarySheet: null, syncs: 2, ...rest };
}

const followUp = (status: Analysis["followUps"][number]["status"]) => ({
  sheet: "Balanslista",
  table: "Balanslista",
  firstColumn: 1,
  row: 2,
  title: "x",
  area: null,
  status,
  next: null,
  latest: null,
});
const agreement = (status: Analysis["agreements"][number]["status"]) => ({
  sheet: "Avtal",
  table: "Avtal",
  firstColumn: 1,
  row: 2,
  title: "y",
  status,
  validTo: null,
});

describe("pickLanguage", () => {
  it.each([
    ["en-US", "en"],
    ["EN-gb", "en"],
    ["en", "en"],
    ["sv-SE", "sv"],
    ["sv-FI", "sv"],
    ["nb-NO", "sv"],
    ["", "sv"],
    [null, "sv"],
    [undefined, "sv"],
  ])("%p → %s", (tag, lang) => {
    expect(pickLanguage(tag)).toBe(lang);
  });
});

describe("describeSuccess", () => {
  it("counts what Kontrollera found, in both languages", () => {
    const result = outcome({
      followUps: [followUp("overdue"), followUp("overdue"), followUp("due-soon"), followUp("done")],
      agreements: [agreement("expired"), agreement("expiring"), agreement("expiring"), agreement("valid")],
    });
    expect(describeSuccess("kontrollera", result, AT)).toEqual({
      command: "kontrollera",
      ok: true,
      at: "2025-03-01T10:00:00.000Z",
      code: null,
      message:
        "Kontrollen är klar: kolumnen Balans status är uppdaterad i 2 tabeller. " +
        "2 försenade uppföljningar, 1 snart; 1 utgånget avtal, 2 löper snart ut.",
      messageEn:
        "Check done: the column Balans status was updated in 2 tables. " +
        "2 overdue follow-ups, 1 due soon; 1 expired agreement, 2 expiring soon.",
    });
  });

  it("uses singular and plural forms", () => {
    const one = describeSuccess("kontrollera", outcome({ followUps: [followUp("overdue")], agreements: [] }), AT);
    expect(one.message).toContain("1 försenad uppföljning,");
    expect(one.message).toContain("0 utgångna avtal");
    expect(one.messageEn).toContain("1 overdue follow-up,");
  });

  it("says what was done: one table, or none to mark", () => {
    const one = describeSuccess("kontrollera", outcome({}, { statusColumns: 1 }), AT);
    expect(one.message.startsWith("Kontrollen är klar: kolumnen Balans status är uppdaterad i 1 tabell. 0 försenade")).toBe(true);
    expect(one.messageEn.startsWith("Check done: the column Balans status was updated in 1 table. 0 overdue")).toBe(true);
    const none = describeSuccess("kontrollera", outcome({}, { statusColumns: 0 }), AT);
    expect(none.message.startsWith("Kontrollen är klar: ingen tabell att markera. ")).toBe(true);
  });

  it("names the summary sheet", () => {
    const m = describeSuccess("summering", outcome({}, { summarySheet: "Balans summering" }), AT);
    expect(m.message).toBe("Bladet ”Balans summering” är uppdaterat.");
    expect(m.messageEn).toBe('The sheet "Balans summering" is up to date.');
  });

  it("names the sheet a template was inserted on", () => {
    const m = describeSuccess("infogaExempel", "Balans mall (2)", AT);
    expect(m).toMatchObject({ command: "infogaExempel", ok: true, message: "Mallen är infogad på bladet ”Balans mall (2)”." });
  });
});

describe("describeError", () => {
  it("passes on a BalansError's own texts and code", () => {
    const e = new BalansError("no-tables", "Inga tabeller hittades.", "No tables were found.");
    expect(describeError("summering", e, AT)).toEqual({
      command: "summering",
      ok: false,
      at: "2025-03-01T10:00:00.000Z",
      code: "no-tables",
      message: "Summering: Inga tabeller hittades.",
      messageEn: "Summary: No tables were found.",
    });
  });

  it("explains Excel's cell edit mode", () => {
    const e = Object.assign(new Error("The operation is not allowed in cell edit mode"), { code: "InvalidOperationInCellEditMode" });
    const m = describeError("kontrollera", e, AT);
    expect(m.code).toBe("cell-edit-mode");
    expect(m.message).toBe("Kontrollera: Excel är i redigeringsläge: avsluta redigeringen av cellen (Enter eller Esc) och försök igen.");
  });

  it("shows any other error's message", () => {
    const m = describeError("infogaMall", new TypeError("x is undefined"), AT);
    expect(m).toMatchObject({ code: "unknown", message: "Infoga mall misslyckades: x is undefined", messageEn: "Insert template failed: x is undefined" });
  });

  it.each([["text", "text"], [undefined, "undefined"], [null, "null"], [42, "42"], [{}, "[object Object]"]])(
    "never throws, whatever is thrown (%p)",
    (thrown, shown) => {
      const m = describeError("kontrollera", thrown, AT);
      expect(m.ok).toBe(false);
      expect(m.messageEn).toBe(`Check failed: ${shown}`);
    },
  );

  it("does not trust an unknown code on something shaped like a BalansError", () => {
    const fake = { name: "BalansError", code: "weird", message: "a", messageEn: "b" };
    expect(describeError("summering", fake, AT).code).toBe("unknown");
  });
});

describe("dialogUrl and readDialogQuery", () => {
  const message = describeError("summering", new BalansError("unknown", "Fel & ”citat” #1\nrad 2", "Error & \"quote\" #1"), AT);

  it("puts message.html beside the function file, dropping its query", () => {
    const url = new URL(dialogUrl("https://localhost:3000/commands.html?_host_Info=Excel$Win32$16.01$sv-SE#x", message, "sv"));
    expect(url.origin + url.pathname).toBe("https://localhost:3000/message.html");
    expect(url.hash).toBe("");
    expect(url.searchParams.get("_host_Info")).toBeNull();
  });

  it("carries both texts through the URL unchanged", () => {
    const url = new URL(dialogUrl("https://example.org/balans/commands.html", message, "en"));
    expect(url.pathname).toBe("/balans/message.html");
    expect(readDialogQuery(url.search, "sv-SE")).toEqual({ sv: message.message, en: message.messageEn, ok: false, lang: "en" });
  });

  it("clips very long texts", () => {
    const long = { ...message, message: "å".repeat(5000), messageEn: "a".repeat(5000) };
    const back = readDialogQuery(new URL(dialogUrl("https://x.test/commands.html", long, "sv")).search, null);
    expect(back.sv).toHaveLength(MAX_DIALOG_TEXT);
    expect(back.sv.endsWith("…")).toBe(true);
  });

  it("falls back to the other language and to the given display language", () => {
    expect(readDialogQuery("?sv=Hej", "en-US")).toEqual({ sv: "Hej", en: "Hej", ok: false, lang: "en" });
    expect(readDialogQuery("?en=Hi&ok=1&lang=xx", "sv-SE")).toEqual({ sv: "Hi", en: "Hi", ok: true, lang: "sv" });
    expect(readDialogQuery("", undefined)).toEqual({ sv: "", en: "", ok: false, lang: "sv" });
  });
});

describe("dialogCloseDelay: the dialog ends before the command's 5-minute limit", () => {
  const start = Date.parse("2025-03-01T10:00:00.000Z");
  const s = (seconds: number) => start + seconds * 1000;

  it("keeps an error open until 4 min 30 s after the command started, however long the action took", () => {
    expect(COMMAND_LIMIT_MS).toBe(300_000);
    expect(dialogCloseDelay(false, start, s(2))).toBe(268_000); // opened 2 s in: closes at 4:30
    expect(dialogCloseDelay(false, start, s(200))).toBe(70_000); // a slow action: still closes at 4:30
    expect(s(200) + dialogCloseDelay(false, start, s(200))).toBeLessThan(start + COMMAND_LIMIT_MS);
  });

  it("closes a success after 8 s, or earlier near the limit", () => {
    expect(SUCCESS_DIALOG_MS).toBe(8_000);
    expect(dialogCloseDelay(true, start, s(1))).toBe(8_000);
    expect(dialogCloseDelay(true, start, s(265))).toBe(5_000);
  });

  it("opens no dialog with less than 3 s left, or past the limit", () => {
    expect(dialogCloseDelay(false, start, s(268))).toBe(0);
    expect(dialogCloseDelay(false, start, s(400))).toBe(0);
    expect(dialogCloseDelay(true, start, Number.NaN)).toBe(0);
  });
});

describe("commandMessageKey: the ribbon's message is kept per workbook", () => {
  it("keys a saved workbook by its URL", () => {
    expect(commandMessageKey("https://contoso.sharepoint.com/sites/svom/Balans.xlsx")).toBe(
      "balans.lastCommand:https://contoso.sharepoint.com/sites/svom/Balans.xlsx",
    );
    expect(commandMessageKey("C:\\Users\\anna\\Balans 2024.xlsx")).toBe("balans.lastCommand:C:\\Users\\anna\\Balans 2024.xlsx");
  });

  it("gives two workbooks two keys, and unsaved workbooks the plain key", () => {
    expect(commandMessageKey("https://x.se/a.xlsx")).not.toBe(commandMessageKey("https://x.se/b.xlsx"));
    expect(commandMessageKey(null)).toBe("balans.lastCommand");
    expect(commandMessageKey("  ")).toBe("balans.lastCommand");
  });

  it("keeps a very long URL's key short and still distinct", () => {
    const a = `https://x.se/${"a".repeat(900)}1.xlsx`;
    const b = `https://x.se/${"a".repeat(900)}2.xlsx`;
    expect(commandMessageKey(a).length).toBeLessThan(540);
    expect(commandMessageKey(a)).not.toBe(commandMessageKey(b));
  });
});

describe("Mötesunderlag and the changes since the last check (issues 11, 14)", () => {
  const at = new Date("2024-11-15T10:00:00Z");
  it("says where the agenda is, and when the print settings could not be written", () => {
    const agenda = { analysis: { today: "2024-11-15" } as never, sheet: "Underlag SVOM 2024-12-06", printSetup: false, syncs: 4 };
    const m = describeSuccess("motesunderlag", agenda, at);
    expect(m.message).toBe("Mötesunderlaget finns på bladet ”Underlag SVOM 2024-12-06”. Utskriftsinställningarna kräver en nyare Excel och skrevs inte.");
    expect(m.messageEn).toBe('The meeting agenda is on the sheet "Underlag SVOM 2024-12-06". The print settings need a newer Excel and were not written.');
  });
  it("counts what changed since the previous check, in Swedish singular and plural", () => {
    const change = (kind: string) => ({ kind, sheet: "B", table: "", row: 2, title: "x", from: null, to: null });
    const analysis = { since: "2024-10-15", changes: [change("newly-overdue"), change("newly-overdue"), change("new")] } as never;
    expect(describeChanges(analysis).sv).toBe(" Sedan kontrollen 2024-10-15: 2 nya försenade, 0 nya klara, 1 ny rad, 0 borttagna rader, 0 avtal har gått ut.");
    expect(describeChanges({ since: "2024-10-15", changes: [] } as never).sv).toBe(" Inget har ändrats sedan kontrollen 2024-10-15.");
    expect(describeChanges({ since: null, changes: [] } as never)).toEqual({ sv: "", en: "" });
  });
});
