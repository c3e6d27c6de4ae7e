import { diffChecks, parseCheckRecord, previousCheck, recordCheck, serialiseCheckRecord, snapshot } from "../../../src/domain/checkRecord";
import type { Agreement, FollowUp } from "../../../src/domain/types";

const fu = (row: number, title: string, status: FollowUp["status"]): FollowUp => ({
  sheet: "Balanslista", table: "Balanslista", firstColumn: 1, row, title, area: null, status, next: null, latest: null,
});
const ag = (row: number, title: string, status: Agreement["status"]): Agreement => ({
  sheet: "Avtal", table: "Avtal", firstColumn: 1, row, title, status, validTo: null,
});

describe("since the last check", () => {
  const november = snapshot("2024-11-15", [fu(4, "Barnahus", "planned"), fu(5, "Ungdomsmottagning", "due-soon"), fu(6, "Gammal rad", "overdue")], [ag(3, "Avtal Barnahus", "expiring")]);
  const december = snapshot(
    "2024-12-15",
    // Rows sorted: Ungdomsmottagning moved up; Barnahus now overdue; a new row; Gammal rad removed.
    [fu(4, "Ungdomsmottagning", "done"), fu(5, "Barnahus", "overdue"), fu(7, "Ny rad", "planned")],
    [ag(3, "Avtal Barnahus", "expired")],
  );

  it("lists newly overdue, newly done, new, removed and expired, by key, not by row", () => {
    expect(diffChecks(november, december)).toEqual([
      { kind: "newly-done", sheet: "Balanslista", table: "Balanslista", row: 4, title: "Ungdomsmottagning", from: "due-soon", to: "done" },
      { kind: "newly-overdue", sheet: "Balanslista", table: "Balanslista", row: 5, title: "Barnahus", from: "planned", to: "overdue" },
      { kind: "new", sheet: "Balanslista", table: "Balanslista", row: 7, title: "Ny rad", from: null, to: "planned" },
      { kind: "expired", sheet: "Avtal", table: "Avtal", row: 3, title: "Avtal Barnahus", from: "expiring", to: "expired" },
      { kind: "removed", sheet: "Balanslista", table: "Balanslista", row: 6, title: "Gammal rad", from: "overdue", to: null },
    ]);
  });

  it("has nothing to say on the first check", () => {
    expect(diffChecks(null, november)).toEqual([]);
  });

  it("tells apart rows with the same title by their order", () => {
    const a = snapshot("2024-11-15", [fu(4, "Rapport", "planned"), fu(5, "Rapport", "planned")], []);
    const b = snapshot("2024-12-15", [fu(4, "Rapport", "planned"), fu(5, "Rapport", "overdue")], []);
    expect(diffChecks(a, b).map((c) => [c.kind, c.row])).toEqual([["newly-overdue", 5]]);
  });

  it("a second check on the same day replaces the first and compares against the day before", () => {
    let record = recordCheck(null, november);
    record = recordCheck(record, december);
    expect(previousCheck(record, "2024-12-15")?.date).toBe("2024-11-15");
    const again = recordCheck(record, december);
    expect(again).toEqual(record);
    expect(diffChecks(previousCheck(again, "2024-12-15"), december)).toEqual(diffChecks(november, december));
  });

  it("keeps two checks at most", () => {
    let record = recordCheck(null, november);
    record = recordCheck(record, december);
    record = recordCheck(record, snapshot("2025-01-15", [], []));
    expect(record.checks.map((c) => c.date)).toEqual(["2024-12-15", "2025-01-15"]);
  });

  it("survives its JSON text, and a broken text starts afresh", () => {
    const record = recordCheck(null, november);
    expect(parseCheckRecord(serialiseCheckRecord(record))).toEqual(record);
    expect(parseCheckRecord("{not json")).toBeNull();
    expect(parseCheckRecord("")).toBeNull();
    expect(parseCheckRecord(JSON.stringify({ version: 2, checks: [] }))).toBeNull();
  });
});

describe("a compact record", () => {
  it("keeps a long title short, and still tells apart long titles that share their beginning", () => {
    const long = "x".repeat(6_000_000);
    const snap = snapshot("2024-11-15", [fu(2, long, "overdue"), fu(3, `${long}y`, "overdue")], []);
    const text = serialiseCheckRecord(recordCheck(null, snap));
    expect(text.length).toBeLessThan(2_000);
    expect(new Set(snap.rows.map((r) => r.k)).size).toBe(2);
    expect(snap.rows[0]?.t).toHaveLength(120);
  });
});
