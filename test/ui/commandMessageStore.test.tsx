/** The ribbon's last message is stored per workbook: the pane of another workbook does not see it. */
import type { CommandMessage } from "../../src/app/settings";
import {
  clearWorkbookCommandMessage,
  readWorkbookCommandMessage,
  saveWorkbookCommandMessage,
} from "../../src/commands/commandMessageStore";

const A = "https://contoso.sharepoint.com/sites/svom/Balans 2024.xlsx";
const B = "https://contoso.sharepoint.com/sites/svom/Balans 2025.xlsx";
const message: CommandMessage = {
  command: "kontrollera",
  ok: false,
  at: "2025-03-01T10:00:00.000Z",
  message: "Kontrollera: Inga tabeller hittades.",
  messageEn: "Check: No tables were found.",
  code: "no-tables",
};

beforeEach(() => localStorage.clear());

it("reads back the message in the same workbook only", () => {
  expect(saveWorkbookCommandMessage(message, A)).toBe(true);
  expect(readWorkbookCommandMessage(A)).toEqual(message);
  expect(readWorkbookCommandMessage(B)).toBeNull();
  expect(readWorkbookCommandMessage(null)).toBeNull();
});

it("clears only that workbook's message", () => {
  saveWorkbookCommandMessage(message, A);
  saveWorkbookCommandMessage({ ...message, command: "summering" }, B);
  clearWorkbookCommandMessage(A);
  expect(readWorkbookCommandMessage(A)).toBeNull();
  expect(readWorkbookCommandMessage(B)?.command).toBe("summering");
});

it("uses Office's document URL when none is given", () => {
  (globalThis as { Office?: unknown }).Office = { context: { document: { url: B } } };
  try {
    saveWorkbookCommandMessage(message);
    expect(readWorkbookCommandMessage(B)).toEqual(message);
    expect(readWorkbookCommandMessage(A)).toBeNull();
  } finally {
    delete (globalThis as { Office?: unknown }).Office;
  }
});
