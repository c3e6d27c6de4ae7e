import { followUpStatus, isDoneStatus } from "../../../src/domain/followUpStatus";
import type { FollowUpInput } from "../../../src/domain/followUpStatus";

function input(partial: Partial<FollowUpInput>): FollowUpInput {
  return { statusText: null, nextDate: null, milestones: [], ...partial };
}

describe("isDoneStatus", () => {
  it.each([
    "Klar", "klar", "KLAR", "  Klar  ", "Klart", "Klar 2024-05-20", "Klar.", "Avslutad", "Avslutat",
    "avslutat 2023", "Genomförd", "Genomfört", "genomfört – se protokoll", "Done", "Completed",
  ])("%j is done", (text) => {
    expect(isDoneStatus(text)).toBe(true);
  });

  it.each([null, "", "   ", "Pågår", "Ej klar", "Inte genomförd", "Klarläggs", "Avslutas 2025", "Genomförs", "Planerad"])(
    "%j is not done",
    (text) => {
      expect(isDoneStatus(text)).toBe(false);
    },
  );
});

describe("followUpStatus – done", () => {
  it("is done whatever the dates say", () => {
    expect(followUpStatus(input({ statusText: "Klar", milestones: ["2024-01-10"] }), "2024-05-20", 30)).toEqual({
      status: "done",
      next: null,
      latest: "2024-01-10",
    });
    expect(followUpStatus(input({ statusText: "Avslutad", nextDate: "2024-06-01" }), "2024-05-20", 30)).toEqual({
      status: "done",
      next: null,
      latest: null,
    });
  });
});

describe("followUpStatus – from milestones", () => {
  const today = "2024-05-20";

  it("is no-date without any date", () => {
    expect(followUpStatus(input({}), today, 30)).toEqual({ status: "no-date", next: null, latest: null });
    expect(followUpStatus(input({ statusText: "Pågår" }), today, 30)).toEqual({
      status: "no-date",
      next: null,
      latest: null,
    });
  });

  it("takes the earliest milestone on or after today as next, and the latest before today as latest", () => {
    const milestones = ["2024-10-11", "2023-06-09", "2024-06-03", "2024-02-23", "2025-01-01"];
    expect(followUpStatus(input({ milestones }), today, 30)).toEqual({
      status: "due-soon",
      next: "2024-06-03",
      latest: "2024-02-23",
    });
  });

  it("is overdue when every milestone is before today", () => {
    expect(followUpStatus(input({ milestones: ["2023-12-08", "2024-02-09"] }), today, 30)).toEqual({
      status: "overdue",
      next: null,
      latest: "2024-02-09",
    });
  });

  it("counts today itself as 0 days away: due-soon, not overdue", () => {
    expect(followUpStatus(input({ milestones: ["2024-05-20"] }), today, 30)).toEqual({
      status: "due-soon",
      next: "2024-05-20",
      latest: null,
    });
    expect(followUpStatus(input({ milestones: ["2024-05-20"] }), today, 0)).toEqual({
      status: "due-soon",
      next: "2024-05-20",
      latest: null,
    });
  });

  it("is overdue the day after the milestone", () => {
    expect(followUpStatus(input({ milestones: ["2024-05-19"] }), today, 30)).toEqual({
      status: "overdue",
      next: null,
      latest: "2024-05-19",
    });
  });

  it("is due-soon at exactly dueSoonDays days and planned one day later", () => {
    expect(followUpStatus(input({ milestones: ["2024-06-19"] }), today, 30)).toEqual({
      status: "due-soon",
      next: "2024-06-19",
      latest: null,
    });
    expect(followUpStatus(input({ milestones: ["2024-06-20"] }), today, 30)).toEqual({
      status: "planned",
      next: "2024-06-20",
      latest: null,
    });
    expect(followUpStatus(input({ milestones: ["2024-06-18"] }), today, 30)).toEqual({
      status: "due-soon",
      next: "2024-06-18",
      latest: null,
    });
  });

  it("counts 29 February in a leap year", () => {
    // 2024-02-15 + 30 days = 2024-03-16 (February 2024 has 29 days).
    expect(followUpStatus(input({ milestones: ["2024-03-16"] }), "2024-02-15", 30).status).toBe("due-soon");
    expect(followUpStatus(input({ milestones: ["2024-03-17"] }), "2024-02-15", 30).status).toBe("planned");
    // 2023-02-15 + 30 days = 2023-03-17.
    expect(followUpStatus(input({ milestones: ["2023-03-17"] }), "2023-02-15", 30).status).toBe("due-soon");
  });

  it("treats 29 February itself like any other day", () => {
    expect(followUpStatus(input({ milestones: ["2024-02-29"] }), "2024-02-29", 30)).toEqual({
      status: "due-soon",
      next: "2024-02-29",
      latest: null,
    });
    expect(followUpStatus(input({ milestones: ["2024-02-29"] }), "2024-03-01", 30)).toEqual({
      status: "overdue",
      next: null,
      latest: "2024-02-29",
    });
    expect(followUpStatus(input({ milestones: ["2024-03-30"] }), "2024-02-29", 30).status).toBe("due-soon");
    expect(followUpStatus(input({ milestones: ["2024-03-31"] }), "2024-02-29", 30).status).toBe("planned");
  });

  it("moves on to the next milestone once one has passed", () => {
    const milestones = ["2024-06-03", "2024-10-11"];
    expect(followUpStatus(input({ milestones }), "2024-06-03", 30).status).toBe("due-soon");
    expect(followUpStatus(input({ milestones }), "2024-06-04", 30)).toEqual({
      status: "planned",
      next: "2024-10-11",
      latest: "2024-06-03",
    });
  });

  it("handles repeated milestones", () => {
    expect(followUpStatus(input({ milestones: ["2024-12-31", "2024-12-31"] }), today, 30)).toEqual({
      status: "planned",
      next: "2024-12-31",
      latest: null,
    });
  });
});

describe("followUpStatus – explicit next date", () => {
  const today = "2024-05-20";

  it("wins over the milestones", () => {
    expect(followUpStatus(input({ nextDate: "2024-09-01", milestones: ["2024-06-03"] }), today, 30)).toEqual({
      status: "planned",
      next: "2024-09-01",
      latest: null,
    });
    expect(followUpStatus(input({ nextDate: "2024-06-01", milestones: ["2024-12-31"] }), today, 30)).toEqual({
      status: "due-soon",
      next: "2024-06-01",
      latest: null,
    });
  });

  it("is due-soon on the day itself and overdue the day after", () => {
    expect(followUpStatus(input({ nextDate: "2024-05-20" }), today, 30)).toEqual({
      status: "due-soon",
      next: "2024-05-20",
      latest: null,
    });
    expect(followUpStatus(input({ nextDate: "2024-05-19" }), today, 30)).toEqual({
      status: "overdue",
      next: null,
      latest: "2024-05-19",
    });
  });

  it("is overdue when before today, even with later milestones", () => {
    expect(followUpStatus(input({ nextDate: "2024-04-01", milestones: ["2024-06-03", "2024-03-01"] }), today, 30)).toEqual({
      status: "overdue",
      next: null,
      latest: "2024-04-01",
    });
  });

  it("keeps the latest past milestone as latest", () => {
    expect(followUpStatus(input({ nextDate: "2024-12-06", milestones: ["2024-03-31"] }), today, 30)).toEqual({
      status: "planned",
      next: "2024-12-06",
      latest: "2024-03-31",
    });
  });
});

describe("followUpStatus – purity", () => {
  it("does not mutate its input", () => {
    const milestones = Object.freeze(["2024-10-11", "2023-06-09", "2024-06-03"]) as unknown as string[];
    const value = Object.freeze({ statusText: "Pågår", nextDate: null, milestones });
    followUpStatus(value, "2024-05-20", 30);
    expect(value).toEqual({ statusText: "Pågår", nextDate: null, milestones: ["2024-10-11", "2023-06-09", "2024-06-03"] });
  });
});
