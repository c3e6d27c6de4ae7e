import { createPartyMatcher, resolveParty, sortParties, GEMENSAM, KFJH, REGION } from "../../../src/domain/resolveParty";

const m = createPartyMatcher();

describe("resolveParty", () => {
  it.each([
    ["Ungdomsmottagningen Region Jämtland Härjedalen", REGION],
    ["Folkhälsoenheten, Region Jämtland Härjedalen", REGION],
    ["Region JH", REGION],
    ["RJH - Division Kirurgi", REGION],
    ["Kommunförbundet Jämtland Härjedalen", KFJH],
    ["Kommunförbundet Jämtland Härjedalen/ Länets kommuner", KFJH],
    ["KFJH", KFJH],
    ["Östersunds kommun", "Östersunds kommun"],
    ["Östersunds Kommun", "Östersunds kommun"],
    ["Härjedalens kommun", "Härjedalens kommun"],
    ["Åre", "Åre kommun"],
  ])("%s → %s", (text, party) => {
    expect(resolveParty(text, m)).toEqual({ kind: "party", party });
  });

  it("puts a text naming two parties, or saying gemensam, under Gemensam", () => {
    expect(resolveParty("Gemensam resurs, medel följer anställning. Kommunförbundet Jämtland Härjedalen Region Jämtland Härjedalen", m)).toEqual({
      kind: "shared", party: GEMENSAM, parties: [REGION, KFJH],
    });
    expect(resolveParty("Krokom och Berg", m)).toEqual({ kind: "shared", party: GEMENSAM, parties: ["Bergs kommun", "Krokoms kommun"] });
    expect(resolveParty("gemensamt", m).party).toBe(GEMENSAM);
  });

  it("does not read Härjedalen in the Region's name, nor 'länsgemensam', as a party", () => {
    expect(resolveParty("Region Jämtland Härjedalen", m)).toEqual({ kind: "party", party: REGION });
    expect(resolveParty("Länsgemensamma medel", m)).toEqual({ kind: "unknown", party: "Länsgemensamma medel" });
  });

  it("keeps an unknown text as its own party", () => {
    expect(resolveParty("  Folkhälsoenheten  ", m)).toEqual({ kind: "unknown", party: "Folkhälsoenheten" });
  });

  it("learns user aliases, also with hyphens", () => {
    const mu = createPartyMatcher([["Folkhälsoenheten", REGION], ["SamReKo-HSI", "SamReKo"]]);
    expect(resolveParty("Folkhälsoenheten", mu)).toEqual({ kind: "party", party: REGION });
    expect(resolveParty("samreko hsi", mu)).toEqual({ kind: "party", party: "SamReKo" });
  });
});

describe("sortParties", () => {
  it("orders known parties first, then others in Swedish order", () => {
    expect(sortParties(["Östersunds kommun", "Ödla", "Apa", GEMENSAM, KFJH, REGION, "Åsa"])).toEqual([
      REGION, KFJH, GEMENSAM, "Östersunds kommun", "Apa", "Åsa", "Ödla",
    ]);
  });
});
