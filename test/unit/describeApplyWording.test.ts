/** `balans apply`'s closing line: every count with its own noun, singular for 1 ("1 snart aktuell uppföljningar" was wrong). */
import { describeApply } from "../../src/cli/runCli";
import type { Analysis, Plan } from "../../src/domain/types";

const followUp = (status: string) => ({ status }) as unknown as Analysis["followUps"][number];
const agreement = (status: string) => ({ status }) as unknown as Analysis["agreements"][number];

function analysis(f: string[], a: string[], problems = 0): Analysis {
  return {
    today: "2024-11-15",
    tables: [],
    funds: [],
    followUps: f.map(followUp),
    agreements: a.map(agreement),
    problems: Array.from({ length: problems }, () => ({ sheet: "S", table: "", row: null, column: null, message: "x", messageEn: "x" })),
  } as unknown as Analysis;
}

const plan = (labels: string[]): Plan =>
  ({
    statusColumns: [{ sheet: "Balanslista", table: "Balanslista", header: "Balans status", exists: false, cells: labels.map((label) => ({ label })) }],
    summary: null,
  }) as unknown as Plan;

it("uses the singular for one of each", () => {
  const text = describeApply("ut.xlsx", analysis(["overdue", "due-soon"], ["expired", "expiring"], 1), plan(["Försenad"]));
  expect(text).toContain("(1 rad markerad)");
  expect(text).toContain(
    "Per 2024-11-15: 1 försenad uppföljning och 1 uppföljning som snart är aktuell, 1 utgånget avtal och 1 avtal som snart går ut, 1 problem.",
  );
});

it("uses the plural for none and for many", () => {
  const text = describeApply(
    "ut.xlsx",
    analysis(["overdue", "overdue", "due-soon", "due-soon", "due-soon"], ["expired", "expired"], 0),
    plan(["Försenad", "", "Snart"]),
  );
  expect(text).toContain("(2 rader markerade)");
  expect(text).toContain(
    "Per 2024-11-15: 2 försenade uppföljningar och 3 uppföljningar som snart är aktuella, 2 utgångna avtal och 0 avtal som snart går ut, 0 problem.",
  );
});
