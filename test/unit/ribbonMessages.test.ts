import { BalansError, type ActionOutcome } from "../../src/app/port";
import type { Analysis } from "../../src/domain/types";
import {
  MAX_DIALOG_TEXT,
  describeError,
  describeSuccess,
  dialogUrl,
  pickLanguage,
  readDialogQuery,
} from "../../src/commands/ribbonMessages";

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
      message: "Kontrollen är klar: 2 försenade uppföljningar, 1 snart; 1 utgånget avtal, 2 löper snart ut.",
      messageEn: "Check done: 2 overdue follow-ups, 1 due soon; 1 expired agreement, 2 expiring soon.",
    });
  });

  it("uses singular and plural forms", () => {
    const one = describeSuccess("kontrollera", outcome({ followUps: [followUp("overdue")], agreements: [] }), AT);
    expect(one.message).toContain("1 försenad uppföljning,");
    expect(one.message).toContain("0 utgångna avtal");
    expect(one.messageEn).toContain("1 overdue follow-up,");
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
    expect(m.message).toBe("Kontrollera: Excel redigerar en cell. Tryck Enter eller Esc och försök igen.");
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
