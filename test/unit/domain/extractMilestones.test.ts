import { extractMilestones } from "../../../src/domain/extractMilestones";

/** Each milestone as [date, source]. */
function found(text: string): [string, string][] {
  return extractMilestones(text).map((m) => [m.date, m.source]);
}

/** Every Uppföljning text of the balanslista in seed 004 (Balanslista SVOM 2024), with its dates. */
const SEED_UPPFOLJNING: [string, [string, string][]][] = [
  [
    "Avtal giltigt t.om. 31/12 2024. SVOM 9/6 2023 – rek-beslut förlängning nuvarande avtal SVOM 2023 och 23/2 2024-rapport pågående arbete SVOM 3/6 2024 – beslut om remiss SVOM 11/10 2024 - rekommendationsbeslut nytt avtal from 1/1 2025.",
    [["2024-12-31", "31/12 2024"], ["2023-06-09", "9/6 2023"], ["2023-12-31", "2023"], ["2024-02-23", "23/2 2024"], ["2024-06-03", "3/6 2024"], ["2024-10-11", "11/10 2024"], ["2025-01-01", "1/1 2025"]],
  ],
  [
    "Arbete pågår – ta fram överenskommelse och utvecklad samverkan kring målgruppen SVOM 3/6 2024 – rapport pågående arbete",
    [["2024-06-03", "3/6 2024"]],
  ],
  [
    "Avtal giltigt t.o.m. 31/12 2024.",
    [["2024-12-31", "31/12 2024"]],
  ],
  [
    "SVOM 3/6 2024 – statistik utveckling utskrivningsklara 2017-2023 SVOM 11/10 2024 - rekommendationsbeslut nytt avtal from 1/1 2025.",
    [["2024-06-03", "3/6 2024"], ["2017-12-31", "2017"], ["2023-12-31", "2023"], ["2024-10-11", "11/10 2024"], ["2025-01-01", "1/1 2025"]],
  ],
  [
    "Per 31/3 2024 har alla huvudmän godkänt planen. SVOM 6/12 2024 - uppföljning gemensam plan",
    [["2024-03-31", "31/3 2024"], ["2024-12-06", "6/12 2024"]],
  ],
  [
    "Plan för tjänstepersoner. Fredagsgruppens och SamReKo HSI följer planen.",
    [],
  ],
  [
    "Finns i alla kommuner/NVO Lokal nivå ansvarar för att följa upp planerna och revidera vid behov.",
    [],
  ],
  [
    "Fredagsgruppen 9/2 2024 - handlingsplan uppföljd/reviderad",
    [["2024-02-09", "9/2 2024"]],
  ],
  [
    "+ Goda exempel fr andra inom Norra sjukvårdsregionförbundet",
    [],
  ],
  [
    "Tillfällig riktlinje Storsjögläntan <i>Fredagsgruppen 22/4 2024 – uppföljning statistik</i>",
    [["2024-04-22", "22/4 2024"]],
  ],
  [
    "Personcentrering är basen i gemensam plan på primärvårdsnivå",
    [],
  ],
  [
    "Fortlöpande arbete. <i>Fredagsgruppen/SamReKo HSI 29/9 2023 – beslut om reviderade manualer</i>",
    [["2023-09-29", "29/9 2023"]],
  ],
  [
    "Tillfälligt avtal om kommunal tillgång till Cosmic (provsvar och anslutningsöversikt) giltigt tom 31/12 2024. Nytt avtal behövs from 1/1 2025. Fredagsgruppen 21/10 2024 – förslag om fortsatt utveckling Cosmic",
    [["2024-12-31", "31/12 2024"], ["2025-01-01", "1/1 2025"], ["2024-10-21", "21/10 2024"]],
  ],
  [
    "",
    [],
  ],
  [
    "<i>Fredagsgruppen 23/10 2023 - inriktningsbeslut om att hälso- och sjukvården och socialtjänsten hos länets huvudmän ska ha tillgång till varandras dokumentation där lagen tillåter för att nå målbilden ”tillsammans för god hälsa hela livet”</i>",
    [["2023-10-23", "23/10 2023"]],
  ],
  [
    "Samordning har upphört per den 30/9 2023. KFJH utreder f.n. hur ev. en fortsättning ska se ut gällande VoC.",
    [["2023-09-30", "30/9 2023"]],
  ],
  [
    "<i>SVOM samverkansdagar Västernorrland 16-17/4 2024</i> - fokus Kompetensförsörjning Forma uppdrag?",
    [["2024-04-17", "16-17/4 2024"]],
  ],
  [
    "Kommunerna har en riktlinje för deltagande, prioriterade programområden: psykisk hälsa, äldres hälsa, rehabilitering, habilitering och försäkringsmedicin samt Lokal samverkansgrupp (LSG) patientsäkerhet. Regionen ska likväl som att kommunerna deltar i regionens kunskapsstyrning vid behov delta i kommunernas kunskapsstyrningsorganisation, ex. nationellt RSS-nätverk missbruk- och beroende (BIRK).",
    [],
  ],
  [
    "Giltig tom 31/12 2024. <i>SVOM 8/12 2023</i> - beslut om förlängning. <i>Fredagsgruppen och SamReKo HSI 9/2 2024</i> - beslut om plan för revidering av ök 2024. En resurs samsjuklighetsutredningen har prioriterats in inom ramen för stimulansmedel psykisk hälsa. Uppdrag att se över ök med utgångspunkt i samsjuklighetsutredningens intentioner. Prel. SVOM 11/10 2024 - rekommendationsbeslut ny ök från 1/1 2025.",
    [["2024-12-31", "31/12 2024"], ["2023-12-08", "8/12 2023"], ["2024-02-09", "9/2 2024"], ["2024-12-31", "2024"], ["2024-10-11", "11/10 2024"], ["2025-01-01", "1/1 2025"]],
  ],
  [
    "Giltig tom 31/12 2024. <i>SVOM 8/12 2023</i> - beslut om förlängning. <i>Fredagsgruppen och SamReKo HSI feb 2024</i> - beslut om plan för revidering av ök 2024. Utvecklingssamordnare KFJH och Utvecklingsstrateg RJH ansvarar för att sammankalla partsammansatt arbetsgrupp.",
    [["2024-12-31", "31/12 2024"], ["2023-12-08", "8/12 2023"], ["2024-02-29", "feb 2024"], ["2024-12-31", "2024"]],
  ],
  [
    "Pre. SVOM 11/10 2024 - rekommendationsbeslut ny ökning från 1/1 2025.",
    [["2024-10-11", "11/10 2024"], ["2025-01-01", "1/1 2025"]],
  ],
  [
    "Nuvarande version giltig till 31/12 2023. Ingen riktig uppföljning gjordes 2023. <i>SVOM 8/12 2023</i> - Kort rapport och uppdrag. Utvecklingssamordnare KFJH och utvecklingsstrateg RJH uppdras att återkomma med förslag om hur handlingsplanen kan omarbetas och ev. slås ihop med andra dokument. Ny nationell strategi psykisk hälsa.",
    [["2023-12-31", "31/12 2023"], ["2023-12-31", "2023"], ["2023-12-08", "8/12 2023"]],
  ],
  [
    "HP suicidprevention giltig till 2030. <i>SVOM 8/12 2023</i> - Kort rapport och uppdrag. Utvecklingssamordnare KFJH och utvecklingsstrateg RJH uppdras att återkomma med förslag om hur handlingsplanen kan omarbetas och ev. slås ihop med andra dokument. Ny nationell strategi psykisk hälsa.",
    [["2030-12-31", "2030"], ["2023-12-08", "8/12 2023"]],
  ],
  [
    "Uppstart av verksamhet pågår 2024. Invigning 10 april 2024. SVOM 3/6 2024 – presentation av VB 2023 och information om uppstart.",
    [["2024-12-31", "2024"], ["2024-04-10", "10 april 2024"], ["2024-06-03", "3/6 2024"], ["2023-12-31", "2023"]],
  ],
  [
    "Rapport från verksamheten, uppföljning avtal. SVOM februari 2025.",
    [["2025-02-28", "februari 2025"]],
  ],
  [
    "SVOM 3/6 2024 – presentation av VB 2023 och VP 2024",
    [["2024-06-03", "3/6 2024"], ["2023-12-31", "2023"], ["2024-12-31", "2024"]],
  ],
  [
    "<i>SVOM 23/2 2024</i> - beslut om fördelning av 2024-års medel. RJH rekviderar medlen och betalar ut dem enligt SVOM:s beslut. Redovisning till Socialstyrelsen mars 2025. SVOM feb 2025 - rapport om användningen av 2024 års medel",
    [["2024-02-23", "23/2 2024"], ["2024-12-31", "2024"], ["2025-03-31", "mars 2025"], ["2025-02-28", "feb 2025"], ["2024-12-31", "2024"]],
  ],
  [
    "Följa projektet.",
    [],
  ],
  [
    "<i>SVOM 8/12 2023</i> - presentation av åtgärdsförslag SVOM 11/10 2024 – rapport om pågående arbete",
    [["2023-12-08", "8/12 2023"], ["2024-10-11", "11/10 2024"]],
  ],
  [
    "SVOM 11/10 2024 – rapport om pågående arbete",
    [["2024-10-11", "11/10 2024"]],
  ],
  [
    "",
    [],
  ],
  [
    "SVOM 11/10 2024 – rapport om pågående arbete",
    [["2024-10-11", "11/10 2024"]],
  ],
  [
    "Stöddokument uppdaterade 2023.",
    [["2023-12-31", "2023"]],
  ],
  [
    "Folkhälso-z ansvarar för arbetet.",
    [],
  ],
  [
    "",
    [],
  ],
  [
    "",
    [],
  ],
  [
    "Följa utveckling och behov av samverkan gällande vårdgivarwebb RJH?",
    [],
  ],
  [
    "Kan stämma av verksamhetsinnehåll med SVOM",
    [],
  ],
  [
    "<i>SVOM 23/2 2024</i> – rapport pågående arbete SVOM 3/6 2024 – utredning/förslag/remiss",
    [["2024-02-23", "23/2 2024"], ["2024-06-03", "3/6 2024"]],
  ],
];

describe("extractMilestones – the seed balanslista", () => {
  it.each(SEED_UPPFOLJNING)("%s", (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it("gives the index where each source starts", () => {
    const text = "SVOM 3/6 2024 – statistik utveckling utskrivningsklara 2017-2023 SVOM 11/10 2024";
    expect(extractMilestones(text)).toEqual([
      { date: "2024-06-03", source: "3/6 2024", index: 5 },
      { date: "2017-12-31", source: "2017", index: 55 },
      { date: "2023-12-31", source: "2023", index: 60 },
      { date: "2024-10-11", source: "11/10 2024", index: 70 },
    ]);
  });
});

describe("extractMilestones – day and month with numbers", () => {
  it.each([
    ["9/6 2023", "2023-06-09"],
    ["3/6-2024", "2024-06-03"],
    ["3/6 - 2024", "2024-06-03"],
    ["3/6/2024", "2024-06-03"],
    ["11/10 2024", "2024-10-11"],
    ["31/12 2024", "2024-12-31"],
    ["1/1 2025", "2025-01-01"],
    ["29/2 2024", "2024-02-29"],
    ["01/02 2024", "2024-02-01"],
    ["2024-12-31", "2024-12-31"],
    ["2023-05-26", "2023-05-26"],
  ])("%s → %s", (text, date) => {
    expect(found(text)).toEqual([[date, text]]);
  });

  it("reads a day range as its last day", () => {
    expect(found("16-17/4 2024")).toEqual([["2024-04-17", "16-17/4 2024"]]);
    expect(found("16 – 17/4 2024")).toEqual([["2024-04-17", "16 – 17/4 2024"]]);
    expect(found("16-17 april 2024")).toEqual([["2024-04-17", "16-17 april 2024"]]);
  });

  it("keeps the date and not the word after it", () => {
    expect(found("23/2 2024-rapport")).toEqual([["2024-02-23", "23/2 2024"]]);
    expect(found("t.om. 31/12 2024")).toEqual([["2024-12-31", "31/12 2024"]]);
    expect(found("Per 31/3 2024")).toEqual([["2024-03-31", "31/3 2024"]]);
    expect(found("SVOM 6/12 2024")).toEqual([["2024-12-06", "6/12 2024"]]);
    expect(found("from 1/1 2025")).toEqual([["2025-01-01", "1/1 2025"]]);
    expect(found("<i>SVOM 8/12 2023</i>")).toEqual([["2023-12-08", "8/12 2023"]]);
    expect(found("23/10 2023: Uppdrag")).toEqual([["2023-10-23", "23/10 2023"]]);
  });

  it("skips dates that do not exist, and does not read their year as a bare year", () => {
    expect(found("31/2 2024")).toEqual([]);
    expect(found("29/2 2023")).toEqual([]);
    expect(found("1/13 2024")).toEqual([]);
    expect(found("2024-02-30")).toEqual([]);
    expect(found("31/2 2024 och 3/6 2024")).toEqual([["2024-06-03", "3/6 2024"]]);
  });

  it("does not read a day and month without a year", () => {
    expect(found("9/6")).toEqual([]);
    expect(found("SVOM 9/6 – beslut")).toEqual([]);
    expect(found("Ca 1/3 svarade")).toEqual([]);
  });
});

describe("extractMilestones – month names", () => {
  it.each([
    ["10 april 2024", "2024-04-10"],
    ["1 december 2024", "2024-12-01"],
    ["9 februari 2024", "2024-02-09"],
    ["31 december 2025", "2025-12-31"],
    ["9 feb. 2024", "2024-02-09"],
    ["9 Feb 2024", "2024-02-09"],
  ])("%s → %s", (text, date) => {
    expect(found(text)).toEqual([[date, text]]);
  });

  it("leaves 'den' out of the source", () => {
    expect(extractMilestones("den 9 februari 2024")).toEqual([
      { date: "2024-02-09", source: "9 februari 2024", index: 4 },
    ]);
  });

  it("reads a month and year as the last day of the month", () => {
    expect(found("februari 2025")).toEqual([["2025-02-28", "februari 2025"]]);
    expect(found("feb 2024")).toEqual([["2024-02-29", "feb 2024"]]);
    expect(found("okt. 2024")).toEqual([["2024-10-31", "okt. 2024"]]);
    expect(found("okt 2024")).toEqual([["2024-10-31", "okt 2024"]]);
    expect(found("OKT 2024")).toEqual([["2024-10-31", "OKT 2024"]]);
    expect(found("mars 2025")).toEqual([["2025-03-31", "mars 2025"]]);
    expect(found("Dec 2023 - uppdrag från RSR")).toEqual([["2023-12-31", "Dec 2023"]]);
    expect(found("Rek.beslut SVOM senast okt. 2024.")).toEqual([["2024-10-31", "okt. 2024"]]);
  });

  it.each([
    ["jan", "01-31"], ["januari", "01-31"], ["feb", "02-28"], ["februari", "02-28"],
    ["mar", "03-31"], ["mars", "03-31"], ["apr", "04-30"], ["april", "04-30"],
    ["maj", "05-31"], ["jun", "06-30"], ["juni", "06-30"], ["jul", "07-31"], ["juli", "07-31"],
    ["aug", "08-31"], ["augusti", "08-31"], ["sep", "09-30"], ["sept", "09-30"], ["september", "09-30"],
    ["okt", "10-31"], ["oktober", "10-31"], ["nov", "11-30"], ["november", "11-30"],
    ["dec", "12-31"], ["december", "12-31"],
  ])("Swedish month %s 2025 → 2025-%s", (month, monthDay) => {
    expect(found(`${month} 2025`)).toEqual([[`2025-${monthDay}`, `${month} 2025`]]);
    expect(found(`${month}. 2025`)).toEqual([[`2025-${monthDay}`, `${month}. 2025`]]);
    expect(found(`${month.toUpperCase()} 2025`)).toEqual([[`2025-${monthDay}`, `${month.toUpperCase()} 2025`]]);
  });

  it("understands English month names", () => {
    expect(found("May 2024")).toEqual([["2024-05-31", "May 2024"]]);
    expect(found("October 2024")).toEqual([["2024-10-31", "October 2024"]]);
    expect(found("10 March 2024")).toEqual([["2024-03-10", "10 March 2024"]]);
  });

  it("does not read a month name inside a word", () => {
    expect(found("marsch 2024")).toEqual([["2024-12-31", "2024"]]);
    expect(found("dokumentation 2024")).toEqual([["2024-12-31", "2024"]]);
  });

  it("reads a year-month as the last day of the month", () => {
    expect(found("2024-04")).toEqual([["2024-04-30", "2024-04"]]);
    expect(found("(t.o.m. 2024-04)")).toEqual([["2024-04-30", "2024-04"]]);
    expect(found("2024-02")).toEqual([["2024-02-29", "2024-02"]]);
  });
});

describe("extractMilestones – seasons and weeks", () => {
  it("reads spring as 30 June and autumn as 31 December", () => {
    expect(found("vår 2024")).toEqual([["2024-06-30", "vår 2024"]]);
    expect(found("våren 2024")).toEqual([["2024-06-30", "våren 2024"]]);
    expect(found("höst 2024")).toEqual([["2024-12-31", "höst 2024"]]);
    expect(found("hösten 2024")).toEqual([["2024-12-31", "hösten 2024"]]);
    expect(found("Rapport Höst 2024")).toEqual([["2024-12-31", "Höst 2024"]]);
    expect(found("Under revidering, klart vår 2024")).toEqual([["2024-06-30", "vår 2024"]]);
  });

  it("reads a week as the Sunday of that ISO week", () => {
    expect(found("vecka 42 2025")).toEqual([["2025-10-19", "vecka 42 2025"]]);
    expect(found("v. 42 2025")).toEqual([["2025-10-19", "v. 42 2025"]]);
    expect(found("v 42 2025")).toEqual([["2025-10-19", "v 42 2025"]]);
    expect(found("v.42 2025")).toEqual([["2025-10-19", "v.42 2025"]]);
    expect(found("Vecka 1 2025")).toEqual([["2025-01-05", "Vecka 1 2025"]]);
  });

  it("reads week 53 only in years that have it", () => {
    expect(found("v 53 2026")).toEqual([["2027-01-03", "v 53 2026"]]);
    expect(found("v 53 2025")).toEqual([]);
  });

  it("does not read 'v' inside a word as a week", () => {
    expect(found("Kv 3 2024")).toEqual([["2024-12-31", "2024"]]);
  });
});

describe("extractMilestones – bare years", () => {
  it("reads a bare year as 31 December", () => {
    expect(found("SVOM 2023")).toEqual([["2023-12-31", "2023"]]);
    expect(found("2024-års medel")).toEqual([["2024-12-31", "2024"]]);
    expect(found("2024 års medel")).toEqual([["2024-12-31", "2024"]]);
    expect(found("SOU 2023:5 Kap 12.5")).toEqual([["2023-12-31", "2023"]]);
  });

  it("reads both years of a year range", () => {
    expect(found("2017-2023")).toEqual([["2017-12-31", "2017"], ["2023-12-31", "2023"]]);
    expect(found("2021 – 2023")).toEqual([["2021-12-31", "2021"], ["2023-12-31", "2023"]]);
    expect(found("2024/2025")).toEqual([["2024-12-31", "2024"], ["2025-12-31", "2025"]]);
  });

  it("reads only plausible years 1990–2099", () => {
    expect(found("1989 1990 2099 2100")).toEqual([["1990-12-31", "1990"], ["2099-12-31", "2099"]]);
  });

  it("does not read a year out of a longer number or a word", () => {
    expect(found("120245")).toEqual([]);
    expect(found("1 560 000 000 kronor")).toEqual([]);
    expect(found("ABC2024")).toEqual([]);
    expect(found("2024abc")).toEqual([]);
  });

  it("does not read the year of another date form again", () => {
    expect(found("10 april 2024")).toEqual([["2024-04-10", "10 april 2024"]]);
    expect(found("april 2024")).toEqual([["2024-04-30", "april 2024"]]);
    expect(found("vår 2024")).toEqual([["2024-06-30", "vår 2024"]]);
    expect(found("v 42 2025")).toEqual([["2025-10-19", "v 42 2025"]]);
    expect(found("2024-04")).toEqual([["2024-04-30", "2024-04"]]);
  });

  it("prefers the more precise form where forms overlap", () => {
    expect(found("maj 2024-04")).toEqual([["2024-04-30", "2024-04"]]);
    expect(found("april 2024-12-31")).toEqual([["2024-12-31", "2024-12-31"]]);
    expect(found("vår 2024-04")).toEqual([["2024-04-30", "2024-04"]]);
  });
});

describe("extractMilestones – any string", () => {
  it("returns nothing for text without dates", () => {
    expect(extractMilestones("")).toEqual([]);
    expect(extractMilestones("Följa projektet.")).toEqual([]);
    expect(extractMilestones("   ")).toEqual([]);
  });

  it("returns milestones sorted by index", () => {
    const indexes = extractMilestones("2024 vår 2025 3/6 2026 v 1 2027 2028-01").map((m) => m.index);
    expect(indexes).toEqual([0, 5, 14, 23, 32]);
  });

  // No clock here (speed belongs to `npm run bench`): catastrophic backtracking on these inputs
  // takes hours, not seconds, and Jest's timeout below stops it.
  it("reads huge adversarial strings without catastrophic backtracking", () => {
    const inputs = [
      `v${" ".repeat(100000)}1`,
      "1/".repeat(50000),
      "9 ".repeat(50000),
      "2024-".repeat(30000),
      "12 ".repeat(50000) + "april",
      "v ".repeat(50000) + "1 ".repeat(50000),
      "16-".repeat(40000) + "17/4 2024",
    ];
    for (const input of inputs) expect(() => extractMilestones(input)).not.toThrow();
  }, 30_000);

  it("finds every date in a long text", () => {
    const text = "SVOM 3/6 2024 – rapport. ".repeat(2000);
    const milestones = extractMilestones(text);
    expect(milestones).toHaveLength(2000);
    expect(milestones[1999]).toEqual({ date: "2024-06-03", source: "3/6 2024", index: 1999 * 25 + 5 });
  });
});
