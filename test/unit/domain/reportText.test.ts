import { formatReport } from "../../../src/domain/reportText";
import { analysis } from "./reportFixture";

describe("formatReport", () => {
  const text = formatReport(analysis());
  const lines = text.split("\n");

  it("shows the areas with allocated, distributed and difference in Swedish kronor", () => {
    expect(lines[0]).toBe("Balans – rapport per 2024-11-15");
    const area1 = lines.find((l) => l.includes("1. Stärka det gemensamma arbetet"));
    expect(area1).toMatch(/2\u00a0974\u00a0230\u00a0kr\s+2\u00a0974\u00a0230\u00a0kr\s+0\u00a0kr$/);
    const area2 = lines.find((l) => l.includes("2. En mer sammanhållen vård"));
    expect(area2).toMatch(/6\u00a0819\u00a0298\u00a0kr\s+6\u00a0819\u00a0298\u00a0kr\s+\u22120,01\u00a0kr$/);
    expect(lines.find((l) => l.trim().startsWith("Övrigt"))).toMatch(/–\s+1\u00a0500,50\u00a0kr\s+–$/);
    expect(lines.find((l) => l.trim().startsWith("Totalt"))).toMatch(/9\u00a0793\u00a0528\u00a0kr/);
    expect(lines.find((l) => l.includes("Region Jämtland Härjedalen"))).toMatch(/7\u00a0927\u00a0377\u00a0kr$/);
  });

  it("lists overdue and due-soon follow-ups, not the others", () => {
    expect(text).toContain(
      "  Försenade (1)\n    Balanslista, rad 4: Överenskommelse samverkan Vuxenhabilitering – passerat 2024-06-03",
    );
    expect(text).toContain(
      "  Snart aktuella (1)\n    Balanslista, rad 6: Gemensam plan på primärvårdsnivå – nästa 2024-12-06",
    );
    expect(text).not.toContain("Personcentrering");
  });

  it("lists expired and expiring agreements, not the others", () => {
    expect(text).toContain("  Utgångna (1)\n    Avtal, rad 6: Handlingsplan psykisk hälsa – gällde till 2023-12-31");
    expect(text).toContain("  Går ut snart (1)\n    Avtal, rad 9: Avtal om samverkan – gäller till 2024-12-31");
    expect(text).not.toContain("Placerade barn");
  });

  it("places every problem by sheet, table, row and column", () => {
    expect(text).toContain(
      "Problem (2)\n  Fördelning 2024, tabell Fordelning2024, rad 12, kolumn ”Summa”: Beloppet ”ca 5 mkr” kan inte läsas.\n  Blad1: Hela bladet.\n",
    );
  });

  it("says so when there is nothing to report", () => {
    const empty = formatReport({
      today: "2024-01-01",
      tables: [],
      funds: [],
      followUps: [],
      agreements: [],
      problems: [],
    });
    expect(empty).toContain("Ingen fördelning av medel hittades.");
    expect(empty).toContain("Inga försenade eller snart aktuella uppföljningar.");
    expect(empty).toContain("Inga utgångna eller snart utgående avtal.");
    expect(empty).toContain("Inga problem hittades.");
    expect(empty.endsWith("\n")).toBe(true);
  });
});
