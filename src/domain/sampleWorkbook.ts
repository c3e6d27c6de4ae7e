/**
 * The sample workbook and the insertable template, as plain data built from the real SVOM
 * documents in the seeds: the balance list and the agreements register of 2024-05-20 (seed 004)
 * and the 2024 distribution of the county's state funds for mental health (seed 001).
 *
 * Texts are copied from the seeds; only PDF artefacts are undone: rows that a page break split
 * in two are merged, italics markers (`<i>…</i>`) are dropped, runs of spaces are collapsed, and
 * two priority areas that the PDF broke inside a word ("Kompetensför sörjning",
 * "E-hälsa/ digitalisering") are written as the drop-down list spells them.
 */
import { KRONOR_FORMAT, type TemplateTable, type WorkbookTemplate } from "./template";

/** Drop-down values for "Prioriterat område". */
export const AREA_VALUES: readonly string[] = [
  "Nära vård",
  "Psykisk hälsa",
  "E-hälsa/digitalisering",
  "Kompetensförsörjning",
  "Övrigt",
];

/** Drop-down values for "Status". */
export const STATUS_VALUES: readonly string[] = ["Pågår", "Klar", "Avslutad", "Vilande"];

/** Excel number format for dates written as `2024-11-15`. */
export const ISO_DATE_FORMAT = "yyyy-mm-dd";

export const BALANSLISTA_HEADERS: readonly string[] = [
  "Prioriterat område",
  "Vad",
  "Uppdrag/aktivitet",
  "Ansvarig funktion/operativ gruppering",
  "Beredande forum",
  "Uppföljning",
  "Status",
  "Nästa uppföljning",
];
export const AVTAL_HEADERS: readonly string[] = [
  "Överenskommelse/avtal",
  "Giltighetstid",
  "Rekommendationsbeslutande forum",
  "Beredande forum",
  "Noteringar",
];
export const TILLDELNING_HEADERS: readonly string[] = ["År", "Område", "Tilldelat belopp"];
export const FORDELNING_HEADERS: readonly string[] = ["År", "Område", "Insats", "Ansvarig verksamhet", "Summa"];
export const PARTER_HEADERS: readonly string[] = ["Part", "Alias"];

/** Prioriterat område, Vad, Uppdrag/aktivitet, Ansvarig funktion, Beredande forum, Uppföljning ("" = blank). */
type BalanslistaRow = readonly [string, string, string, string, string, string];
/** Överenskommelse/avtal, Giltighetstid, Rekommendationsbeslutande forum, Beredande forum, Noteringar. */
type AvtalRow = readonly [string, string, string, string, string];

/** Balanslista SVOM 2024 (2024-05-20), every row, top to bottom. */
const BALANSLISTA_2024: readonly BalanslistaRow[] = [
  [
    "Nära vård",
    "Nytt Samverkansavtal hemsjukvård",
    "Ta fram ett nytt samverkansavtal (extern konsult projektleder)",
    "Projektledare HS-avtal (PwC) (t.o.m. 2024-04), Fredagsgruppen, Ref.grupp HSL-avtal, Arb.grupp HSL-avtal",
    "Fredagsgruppen",
    "Avtal giltigt t.om. 31/12 2024. SVOM 9/6 2023 – rek-beslut förlängning nuvarande avtal SVOM 2023 och 23/2 2024-rapport pågående arbete SVOM 3/6 2024 – beslut om remiss SVOM 11/10 2024 - rekommendationsbeslut nytt avtal from 1/1 2025.",
  ],
  [
    "Nära vård",
    "Överenskommelse samverkan Vuxenhabilitering",
    "Ta fram förslag till överenskommelse om samverkan",
    "Styrgrupp vuxenhab,",
    "Fredagsgruppen",
    "Arbete pågår – ta fram överenskommelse och utvecklad samverkan kring målgruppen SVOM 3/6 2024 – rapport pågående arbete",
  ],
  [
    "Nära vård",
    "Avtal om Samverkan vid utskrivning från slutenvård",
    "Översyn avtal. Följa och implementera. Följa återinskrivningar inom 30 dagar, SIP, mfl uppföljningsvariabler",
    "Fredagsgruppens beredningsgrupp",
    "Fredagsgruppen",
    "Avtal giltigt t.o.m. 31/12 2024. SVOM 3/6 2024 – statistik utveckling utskrivningsklara 2017-2023 SVOM 11/10 2024 - rekommendationsbeslut nytt avtal from 1/1 2025.",
  ],
  [
    "Nära vård",
    "Gemensam plan på primärvårdsnivå – sammanfattning med politiskt prioriterade områden",
    "Följa och implementera.",
    "",
    "Fredagsgruppen SamReKo HSI",
    "Per 31/3 2024 har alla huvudmän godkänt planen. SVOM 6/12 2024 - uppföljning gemensam plan",
  ],
  [
    "Nära vård",
    "Gemensam plan på primärvårdsnivå-handlingsplan för tjänstepersoner",
    "Beslutad i Fredagsgruppen/SamReKo HSI Implementera, genomföra och följa upp. Följa måtetal löpande under året.",
    "",
    "Fredagsgruppen SamReKo HSI",
    "Plan för tjänstepersoner. Fredagsgruppens och SamReKo HSI följer planen.",
  ],
  [
    "Nära vård",
    "Lokala planer i varje kommun/NVO",
    "Varje kommun har en lokal gemensam plan för lokalt prioriterade aktiviteter, med koppling till den länsgemensamma planen.",
    "Lokala samverkansarenor",
    "Fredagsgruppen SamReKo HSI",
    "Finns i alla kommuner/NVO Lokal nivå ansvarar för att följa upp planerna och revidera vid behov.",
  ],
  [
    "Nära vård",
    "Handlingsplan med fokus på dokumenterad överenskommelse, kontinuitet och fasta kontakter",
    "Beslutad i Fredagsgruppen Genomföra och följa upp",
    "Särskilda arbetsgrupper",
    "Fredagsgruppen",
    "Fredagsgruppen 9/2 2024 - handlingsplan uppföljd/reviderad",
  ],
  [
    "Nära vård",
    "Projekt Nära vård i glesbygd, modellområde Ragunda och Berg",
    "Följa projektet. Fas II 2023-2026 Ragunda och Berg",
    "Projektgrupp",
    "Fredagsgruppen",
    "+ Goda exempel fr andra inom Norra sjukvårdsregionförbundet",
  ],
  [
    "Nära vård",
    "Samverkan primärvård/ specialistvård t.ex. frågor om Storsjögläntan och MINT",
    "Ingår till del i rev. samverkansavtal hemsjukvård",
    "",
    "Fredagsgruppen",
    "Tillfällig riktlinje Storsjögläntan Fredagsgruppen 22/4 2024 – uppföljning statistik",
  ],
  [
    "Nära vård",
    "Personcentrering",
    "Skapa gemensam bild och agerande. En grundsten i nära vård.",
    "",
    "Fredagsgruppen SamReKo HSI",
    "Personcentrering är basen i gemensam plan på primärvårdsnivå",
  ],
  [
    "Nära vård Psykisk hälsa",
    "Samordnad individuell plan (SIP)",
    "Förbättrad kunskap och ökad förekomst av SIP. Regionen och kommunerna har utsett SIP-stödjare i verksamheterna. Gemensamma manualer etc. för SIP.",
    "Regionala SIP- samordnare Nätverk för SIP- stödjare",
    "SamReKo HSI Fredagsgruppen",
    "Fortlöpande arbete. Fredagsgruppen/SamReKo HSI 29/9 2023 – beslut om reviderade manualer",
  ],
  [
    "E-hälsa/digitalisering",
    "Cosmic: gemensam utveckling och samverkan",
    "Uppdrag från Fredagsgruppen till Beredningsgruppen att återkomma med förslag på fortsatt samverkan i Cosmic samt tidsplan för implementering",
    "Fredagsgruppens beredningsgrupp",
    "Fredagsgruppen",
    "Tillfälligt avtal om kommunal tillgång till Cosmic (provsvar och anslutningsöversikt) giltigt tom 31/12 2024. Nytt avtal behövs from 1/1 2025. Fredagsgruppen 21/10 2024 – förslag om fortsatt utveckling Cosmic",
  ],
  [
    "E-hälsa/digitalisering",
    "Cosmic LINK-avtal - sammanhållen journalföring",
    "Följa upp avtalet och utveckla samverkan enligt ovan",
    "",
    "Fredagsgruppen",
    "",
  ],
  [
    "E-hälsa/digitalisering",
    "SVOD (Sammanhållen vård- och omsorgsdokumentation)",
    "23/10 2023: Uppdrag till partsammansatt arbetsgrupp. Återkomma med beslutsunderlag gällande vilken väg länet ska gå. Underlaget ska stödja intentionen och implementationen av en god och nära vård.",
    "Partsammansatt arbetsgrupp",
    "Fredagsgruppen",
    "Fredagsgruppen 23/10 2023 - inriktningsbeslut om att hälso- och sjukvården och socialtjänsten hos länets huvudmän ska ha tillgång till varandras dokumentation där lagen tillåter för att nå målbilden ”tillsammans för god hälsa hela livet”",
  ],
  [
    "Kompetensförsörjning",
    "Vård- och omsorgscollege",
    "Certifierad samverkan mellan arbetsgivare, fackliga organisationer och utbildningar. Stärkt kompetensförsörjning inom vård och omsorg. Gemensam samordning och utveckling.",
    "Regional styrgrupp VoC",
    "Regional styrgrupp ansvarar för samverkan.",
    "Samordning har upphört per den 30/9 2023. KFJH utreder f.n. hur ev. en fortsättning ska se ut gällande VoC.",
  ],
  [
    "Kompetensförsörjning",
    "Bemanningskris inom vård och omsorg.",
    "",
    "",
    "Fredagsgruppen",
    "SVOM samverkansdagar Västernorrland 16-17/4 2024 - fokus Kompetensförsörjning Forma uppdrag?",
  ],
  [
    "Kompetensförsörjning",
    "Samordnad kunskapsstyrning",
    "Hälso- och sjukvård: Kommunalt deltagande i regionens kunskapsstyrning. NPO, RPO-, LPO- och LSG-samverkan. Nationella riktlinjer, personcentrerade sammanhållna vårdförlopp Socialtjänst, kommunal hälso- och sjukvård: Deltagande från regionen i Socialtjänstens kunskapsstyrning. Nationell- och regional samverkan, inkl. öppna jämförelser",
    "Regionöverläkare Kunskapsstyrningsråd i regionen Strateg Sociala välfärdsfrågor KFJH Kommunernas regionala samverkans- och stödstruktur (RSS), kommunerna, KFJH",
    "SamReKo HSI Fredagsgruppen",
    "Kommunerna har en riktlinje för deltagande, prioriterade programområden: psykisk hälsa, äldres hälsa, rehabilitering, habilitering och försäkringsmedicin samt Lokal samverkansgrupp (LSG) patientsäkerhet. Regionen ska likväl som att kommunerna deltar i regionens kunskapsstyrning vid behov delta i kommunernas kunskapsstyrningsorganisation, ex. nationellt RSS-nätverk missbruk- och beroende (BIRK).",
  ],
  [
    "Psykisk hälsa",
    "Överenskommelse riskbruk, missbruk och beroende (2021-2023)",
    "Följa beslutad överenskommelse. Underlätta implementering och uppföljning",
    "Resurs samsjuklighetsutredningen (rekryteras) Utvecklingssamordnare funk/psykisk hälsa KFJH Utvecklingsstrateg psykisk hälsa RJH",
    "SamReKo HSI Fredagsgruppen",
    "Giltig tom 31/12 2024. SVOM 8/12 2023 - beslut om förlängning. Fredagsgruppen och SamReKo HSI 9/2 2024 - beslut om plan för revidering av ök 2024. En resurs samsjuklighetsutredningen har prioriterats in inom ramen för stimulansmedel psykisk hälsa. Uppdrag att se över ök med utgångspunkt i samsjuklighetsutredningens intentioner. Prel. SVOM 11/10 2024 - rekommendationsbeslut ny ök från 1/1 2025.",
  ],
  [
    "Psykisk hälsa",
    "Överenskommelse om samarbete mellan kommunerna i Jämtland län och Region JH om personer med psykiska funktionsnedsättningar 2021-2023",
    "Följa beslutad överenskommelse. Underlätta implementering och uppföljning",
    "Utvecklingssamordnare funk/psykisk hälsa KFJH Utvecklingsstrateg psykisk hälsa RJH",
    "SamReKo HSI Fredagsgruppen",
    "Giltig tom 31/12 2024. SVOM 8/12 2023 - beslut om förlängning. Fredagsgruppen och SamReKo HSI feb 2024 - beslut om plan för revidering av ök 2024. Utvecklingssamordnare KFJH och Utvecklingsstrateg RJH ansvarar för att sammankalla partsammansatt arbetsgrupp. Pre. SVOM 11/10 2024 - rekommendationsbeslut ny ökning från 1/1 2025.",
  ],
  [
    "Psykisk hälsa",
    "Handlingsplan psykisk hälsa",
    "Omarbetas ev. till annan form.",
    "Utvecklingssamordnare funk/psykisk hälsa KFJH Utvecklingsstrateg psykisk hälsa RJH",
    "SamReKo HSI Fredagsgruppen",
    "Nuvarande version giltig till 31/12 2023. Ingen riktig uppföljning gjordes 2023. SVOM 8/12 2023 - Kort rapport och uppdrag. Utvecklingssamordnare KFJH och utvecklingsstrateg RJH uppdras att återkomma med förslag om hur handlingsplanen kan omarbetas och ev. slås ihop med andra dokument. Ny nationell strategi psykisk hälsa.",
  ],
  [
    "Psykisk hälsa",
    "Handlingsplan suicidprevention",
    "Omarbetas ev. till annan form.",
    "Utvecklingssamordnare funk/psykisk hälsa KFJH Utvecklingsstrateg psykisk hälsa RJH",
    "SamReKo HSI Fredagsgruppen",
    "HP suicidprevention giltig till 2030. SVOM 8/12 2023 - Kort rapport och uppdrag. Utvecklingssamordnare KFJH och utvecklingsstrateg RJH uppdras att återkomma med förslag om hur handlingsplanen kan omarbetas och ev. slås ihop med andra dokument. Ny nationell strategi psykisk hälsa.",
  ],
  [
    "Psykisk hälsa",
    "Avtal Mini Maria – integrerad mottagning unga",
    "Uppstart pågår 2024. SVOM politisk ledningsgrupp, följer verksamheten, avtal, årlig VB. Följ upp",
    "Enhetschefer Mini Maria Styrgrupp och arbetsgrupp Mini Maria",
    "SamReKo HSI Fredagsgruppen",
    "Uppstart av verksamhet pågår 2024. Invigning 10 april 2024. SVOM 3/6 2024 – presentation av VB 2023 och information om uppstart.",
  ],
  [
    "Psykisk hälsa",
    "Avtal Ungdomsmottagningen",
    "Avtal beslutades i SVOM okt 2023 SVOM politisk ledningsgrupp, följer verksamheten, avtal",
    "Enhetschef UM",
    "SamReKo HSI Fredagsgruppen",
    "Rapport från verksamheten, uppföljning avtal. SVOM februari 2025.",
  ],
  [
    "Psykisk hälsa",
    "Avtal Barnahus",
    "SVOM politisk ledningsgrupp, följer verksamheten, avtal, årlig VB och VP",
    "Samordnare Barnahus Styrgrupp Barnahus",
    "SamReKo HSI",
    "SVOM 3/6 2024 – presentation av VB 2023 och VP 2024",
  ],
  [
    "Psykisk hälsa",
    "Länsgemensamma riktade statsbidrag och aktiviteter psykisk hälsa: - Samsjuklighet - Brukarmedverkan - Suicidprevention - Barn och unga",
    "Stimulansmedel fördelats via SVOM. Hantering, redovisning, gemensamma aktiviteter.",
    "Utvecklingsamordnare funk/psykisk hälsa KFJH Utvecklingsstrateg psykisk hälsa RJH",
    "SamReKo HSI Fredagsgruppen",
    "SVOM 23/2 2024 - beslut om fördelning av 2024-års medel. RJH rekviderar medlen och betalar ut dem enligt SVOM:s beslut. Redovisning till Socialstyrelsen mars 2025. SVOM feb 2025 - rapport om användningen av 2024 års medel",
  ],
  [
    "Psykisk hälsa",
    "Regionens Antistigma projekt",
    "Samarbets- och spridningskrav till kommunerna.",
    "Utvecklingsstrateg psykisk hälsa RJH Projektledare Antistigma RJH",
    "Fredagsgruppen",
    "Följa projektet.",
  ],
  [
    "Psykisk hälsa",
    "Uppdrag: Åtgärder m.a.a. skrivelse från kommunerna - samverkan socialtjänsten och vuxenpsykiatri",
    "Uppdrag SVOM 2023-05-26. Återkomma med åtgärder för att säkerställa samordnat stöd, vård och behandling för målgruppen.",
    "Förbundsstrateg Sociala välfärdsfrågor KFJH Verksamhetschef psykiatri RJH Partsammansatt arbetsgrupp",
    "SamReKo HSI Fredagsgruppen",
    "SVOM 8/12 2023 - presentation av åtgärdsförslag SVOM 11/10 2024 – rapport om pågående arbete",
  ],
  [
    "Psykisk hälsa",
    "Samsjuklighetsutredning en – Stegvis införande",
    "Förberedelse inför ev. huvudmannaskapsbyte. Se SOU SOU 2023:5 Kap 12.5, stegvis genomförande År 1-5. Gemensam resurs anställs 2024 för att påbörja förberedelsearbetet, GAP-analys, översyn öka riskbruk/missbruk etc (finansiering statsbidrag psykisk hälsa)",
    "Resurs samsjuklighetsutredningen (rekryteras) Utvecklingsamordnare funk/psykisk hälsa KFJH Utvecklingsstrateg psykisk hälsa RJH",
    "SamReKo HSI Fredagsgruppen",
    "SVOM 11/10 2024 – rapport om pågående arbete",
  ],
  [
    "Psykisk hälsa",
    "Rutin efterlevandestöd",
    "24/2 2023: SVOM ger i uppdrag till Region Jämtland Härjedalen att samla aktörer till dialog för utvecklande av en läns gemensam rutin för efterlevandestöd utifrån goda exempel i landet.",
    "Utvecklingsamordnare funk/psykisk hälsa KFJH Utvecklingsstrateg psykisk hälsa RJH Projektledare Partsammansatt arbetsgrupp",
    "SamReKo HSI Fredagsgruppen",
    "SVOM 11/10 2024 – rapport om pågående arbete",
  ],
  [
    "Nära vård Psykisk hälsa",
    "Trygg och säker hemma",
    "Modell för förebyggande arbete. Används för att hitta personer med risk för ohälsa.",
    "Fredagsgruppens beredningsgrupp Den lokala samverkansarenan bestämmer lokala arbetssätt.",
    "Fredagsgruppen",
    "Stöddokument uppdaterade 2023.",
  ],
  [
    "",
    "Folkhälsopolicy",
    "Ska genomsyra verksamheterna - framtagande av handlingsplaner utifrån reviderad policy",
    "",
    "SamReKo HSI Fredagsgruppen",
    "Folkhälso-z ansvarar för arbetet.",
  ],
  [
    "",
    "Regional överenskommelse att motverka våld i nära relationer Handlingsplan mot våld i nära relationer, myndighetssamverkan",
    "Följa arbetet.",
    "Myndighetssamverkan mot våld Länets kommuner, Region Jämtland Härjedalen, Polisen, Länsstyrelsen samt åklagaren",
    "SamReKo HSI Fredagsgruppen",
    "",
  ],
  [
    "",
    "Överenskommelse Operation Norrsken – individsamverkan VINR",
    "Följa arbetet.",
    "Myndighetssamverkan mot våld",
    "SamReKo HSI Fredagsgruppen",
    "",
  ],
  [
    "",
    "Samverkanssidan www.regionjh.se/samverkan",
    "Gemensam publicering av överenskommelser andra dokument. Översyn enligt planering, initierar revidering vid behov",
    "Regionöverläkare Förbundsstrateg Sociala välfärdsfrågor KFJH",
    "SamReKo HSI Fredagsgruppen",
    "Följa utveckling och behov av samverkan gällande vårdgivarwebb RJH?",
  ],
  [
    "",
    "Gemensam upphandling och hjälpmedelsförsörjning",
    "Gemensam nämnden för upphandling (GNUS)",
    "",
    "Beredningsgrupp GNUS",
    "Kan stämma av verksamhetsinnehåll med SVOM",
  ],
  [
    "",
    "Översyn av struktur för samverkan inom område skola, socialtjänst och hälso- och sjukvård",
    "Dec 2023 - uppdrag från RSR: Se över samverkansstrukturen och ev. ge förslag på förändrad struktur",
    "Förbundsstrateg Sociala välfärdsfrågor KFJH Utvecklingsstrateg RJH",
    "SamReKo HSI Fredagsgruppen",
    "SVOM 23/2 2024 – rapport pågående arbete SVOM 3/6 2024 – utredning/förslag/remiss",
  ],
];

const AVTAL_2024: readonly AvtalRow[] = [
  [
    "Gemensam plan primärvårdsnivå – sammanfattning med politiskt prioriterade områden",
    "2024-",
    "SVOM och Barnarenan",
    "SamReKo HSI Fredagsgruppen",
    "Följ upp årligen",
  ],
  [
    "Länsöverenskommelse Riskbruk, missbruk och beroende 2021-2023",
    "2021-2023 (förlängd tom 31/12 2024)",
    "SVOM och Barnarenan",
    "SamReKo HSI Fredagsgruppen",
    "Förlängd tom 2024-12-31 Förberedelse Samsjuklighetsutredningen Rapport höst 2024 Rek.beslut SVOM senast okt. 2024.",
  ],
  [
    "Överenskommelse om samarbete mellan kommunerna i Jämtlands län och Region Jämtland Härjedalen gällande personer med psykiska funktionsnedsättningar 2021 – 2023",
    "2021-2023 (förlängd tom 31/12 2024)",
    "SVOM",
    "SamReKo HSI Fredagsgruppen",
    "Förlängd tom 2024-12-31 Rapport höst 2024 Rek.beslut SVOM senast okt. 2024.",
  ],
  [
    "Handlingsplan psykisk hälsa",
    "2023",
    "SVOM och Barnarenan",
    "SamReKo HSI Fredagsgruppen",
    "Giltighetstid passerat. Uppdrag har lämnats om att återkomma med förslag på omarbetad struktur/ dokument – rapport höst 2024",
  ],
  [
    "Handlingsplan suicidprevention",
    "2020-2030",
    "SVOM och Barnarenan",
    "SamReKo HSI Fredagsgruppen",
    "Uppdrag har lämnats om att återkomma med förslag på omarbetad struktur/ dokument – rapport höst 2024",
  ],
  [
    "Samverkansavtal mellan Region Jämtland Härjedalen och kommunerna i Jämtlands län gällande hemsjukvård.",
    "2017-2020 (förlängt tom 2024-12-31)",
    "SVOM",
    "Fredagsgruppen",
    "Förlängt tom 2024-12-31 Under revidering, klart vår 2024 Rek.beslut SVOM senast okt. 2024.",
  ],
  [
    "Avtal om samverkan vid in- och utskrivning från slutenvård",
    "2019 (förlängt t.o.m. 2024-12-31)",
    "SVOM",
    "Fredagsgruppen",
    "Giltigt tom 2024-12-31. Uppdrag har lämnats till Fredagsgruppens beredningsgrupp att återkomma till FG med förslag på justeringar. Rek.beslut SVOM senast okt. 2024.",
  ],
  [
    "Avtal om stöd till kommunala vårdenheter i Jämtlands län vid användning av medicinteknisk utrustning.",
    "2013-2015 (förlängs automatiskt på årsbasis)",
    "SVOM",
    "Fredagsgruppen",
    "",
  ],
  ["Tandvårdsavtal – uppsökande tandvård", "", "Regionens beställarenhet Kommunernas chefer", "Fredagsgruppen", ""],
  ["Avtal Barnahus", "2020-2021", "SVOM", "SamReKo HSI", "Översyn av avtalet pågår 2024."],
  ["Avtal Mini Maria", "2023", "SVOM", "SamReKo HSI", ""],
  ["Avtal Ungdomsmottagningen", "2024", "SVOM", "SamReKo HSI", "Rek.beslut fastställt av alla kommuner/regionen?"],
  [
    "Överenskommelse Jämtbus – barn i behov av särskilt stöd",
    "2018 -tills vidare, ska följas upp årligen",
    "Barnarenan",
    "SamReKo HSI",
    "Behov av översyn/revidering",
  ],
  [
    "Överenskommelse Placerade barn",
    "2022 - tills vidare, revidering vart tredje år, 2025 etc.",
    "Barnarenan",
    "SamReKo HSI",
    "Lagstadgad",
  ],
  [
    "Överenskommelse Hälsoundersökning nyanlända barn",
    "2021, förlängs därefter ett år i taget",
    "Barnarenan",
    "SamReKo HSI",
    "Behov av översyn/revidering",
  ],
  [
    "Överenskommelse om länsgemensamma rutiner för mottagande i anpassad skola (särskola)",
    "2022- tillsvidare, uppdatering vart tredje år",
    "Barnarenan",
    "SamReKo HSO",
    "Behov av översyn/revidering (2023)",
  ],
  [
    "Riktlinje Samverkan placerade barn",
    "2018- tillsvidare, ska följas upp årligen",
    "Barnarenan",
    "SamReKo HSI",
    "Behov av översyn/revidering",
  ],
  [
    "Riktlinje Barnhälsoteam",
    "2018- tillsvidare, ska följas upp årligen",
    "Barnarenan",
    "SamReKo HSI",
    "Behov av översyn/revidering",
  ],
  [
    "Riktlinje Anmälningar från skola till socialtjänst och polis",
    "2021- tillsvidare, ska följas upp årligen",
    "",
    "SamReKo HSI",
    "",
  ],
  [
    "Riktlinje Oro för väntat barn",
    "2023-2026, ska följas upp årligen",
    "",
    "SamReKo HSI Fredagsgruppen",
    "Ska följas upp årligen",
  ],
  [
    "Länsövergripande riktlinje för familjecentraler i Jämtlands län - för öppen förskola, socialtjänst och hälso- och sjukvård i Jämtlands län",
    "2023-tillsvidare",
    "Barnarenan",
    "SamReKo HSI",
    "",
  ],
  [
    "Gemensam plan primärvårdsnivå – handlingsplan för tjänstepersoner",
    "2024-",
    "",
    "Fredagsgruppen SamReKo HSI",
    "Följ upp årligen",
  ],
  [
    "Handlingsplan med fokus på dokumenterad överenskommelse, kontinuitet och fasta kontakter",
    "2024",
    "",
    "Fredagsgruppen",
    "Följ upp årligen",
  ],
  [
    "Riktlinjer för samarbete vid in- och utskrivning av patienter i slutenvården",
    "2024-",
    "",
    "Fredagsgruppen",
    "Följ upp årligen",
  ],
  [
    "Tillfällig riktlinje för samverkan och fördelning av palliativa insatser mellan Storsjögläntan och länets kommuner",
    "1/6 2022 - tills det finns ett nytt samverkansavtal för hälso- och sjukvård i hemmet.",
    "",
    "Fredagsgruppen",
    "Följ upp",
  ],
  [
    "MTP-överenskommelsen (medicintekniska produkter)",
    "Tom 2024-12-31",
    "Gemensamma nämnden",
    "Hjälpmedelsberedningsgruppen",
    "Info FG",
  ],
];

const FUND_YEAR = 2024;

/** The state's four areas for the county's shared funds 2024 and what each was allocated (kr). */
const TILLDELNING_2024: readonly (readonly [area: string, name: string, allocated: number])[] = [
  [
    "1",
    "Stärka det gemensamma arbetet för att främja psykisk hälsa och förebygga psykisk ohälsa och suicid bland barn och unga samt insatser för att skapa en mer sammanhållen vård och omsorg",
    2974230,
  ],
  [
    "2",
    "En mer sammanhållen, behovsanpassad och personcentrerad vård och omsorg för personer med samsjuklighet eller omfattande behov",
    6819298,
  ],
  ["3", "En systematisk patient-, brukar- och anhörigmedverkan i vården och omsorgen", 1000000],
  ["4", "Ett stärkt och utvecklat suicidpreventivt arbete", 2509377],
];

/** SVOM 2024-02-23, item 10: every line item of the 2024 distribution (area totals left out). */
const FORDELNING_2024: readonly (readonly [area: string, insats: string, ansvarig: string, summa: number])[] = [
  [
    "1",
    "Utveckla Ungdomsmottagningens arbete för att nå hela länets ungdomar samt samverkan unga kring 18 år.",
    "Ungdomsmottagningen Region Jämtland Härjedalen",
    1800000,
  ],
  ["1", "Barnsäkert breddinförande", "Kompetenscentrum Barn och Mödrahälsovård Region Jämtland Härjedalen", 1073000],
  ["1", "Barnsäkert kommuner", "Kommunförbundet Jämtland Härjedalen", 101230],
  ["2", "Utvecklingssamordnare kommunförbundet inkl aktiviteter", "Kommunförbundet Jämtland Härjedalen", 1000000],
  [
    "2",
    "Samordnare – utvecklingsstrateg Folkhälsoenheten inkl aktiviteter",
    "Folkhälsoenheten Region Jämtland Härjedalen",
    1000000,
  ],
  ["2", "MiniMaria Region Jämtland Härjedalen", "Område Barn och unga vuxna Region Jämtland Härjedalen", 1545000],
  ["2", "MiniMaria Östersunds Kommun", "Östersunds kommun", 1545000],
  [
    "2",
    "*Resurs samt aktiviteter för förberedelse samsjuklighetsutredning, Överenskommelse riskbruk, missbruk, beroende. Inventering, GAP-analys, information och planering.",
    "Gemensam resurs, medel följer anställning. Kommunförbundet Jämtland Härjedalen Region Jämtland Härjedalen",
    757528,
  ],
  [
    "2",
    "Kommunförbundet/Kommunerna- insatser för att stärka Barn och ungas hälsa inkl. breddinförande Barnsäkert 2024",
    "Kommunförbundet Jämtland Härjedalen",
    971770,
  ],
  [
    "3",
    "Stärkt patient-brukar och anhörigmedverkan i Region Jämtland Härjedalen inkl utvecklingsmedel för stärkta brukarorganisationer.",
    "Folkhälsoenheten Region Jämtland Härjedalen",
    500000,
  ],
  [
    "3",
    "Stärkt patient-brukar och anhörigmedverkan i Länets kommuner inkl utvecklingsmedel för stärkta brukarorganisationer.",
    "Kommunförbundet Jämtland Härjedalen",
    500000,
  ],
  [
    "4",
    "Insatser länsrutin för efterlevandestöd vid suicid samt utbildningsinsatser.",
    "Folkhälsoenheten, Region Jämtland Härjedalen",
    500000,
  ],
  [
    "4",
    "Insatser länsrutin för efterlevandestöd vid suicid samt utbildningsinsatser.",
    "Kommunförbundet Jämtland Härjedalen/ Länets kommuner",
    500000,
  ],
  [
    "4",
    "Samverkan med civilsamhällets aktörer på länsnivå. Prioriteringar tas fram och medel fördelas av kommunförbund och folkhälsoenhet i samverkan. Redovisas i SVOM",
    "Folkhälsoenheten, Region Jämtland Härjedalen",
    1509377,
  ],
];

/**
 * Budget tracking of 2024 (issue 10), one entry per row of {@link FORDELNING_2024} in the same
 * order: Utbetalt, Förbrukat, Återredovisat. EXAMPLE FIGURES, not from the seeds (the seeds say
 * only that the funds are paid out once, and that every recipient reports back by 31 December
 * 2024). One row has used more than it got and two have not reported back, so that the preview
 * shows what Balans flags.
 */
const UPPFOLJNING_2024: readonly (readonly [paid: number, used: number, reported: string])[] = [
  [1800000, 1754300, "2024-12-18"],
  [1073000, 1073000, "2024-12-20"],
  [101230, 104500, "2025-01-15"],
  [1000000, 962000, "2024-12-19"],
  [1000000, 1000000, "2024-12-17"],
  [1545000, 1480000, "2024-12-30"],
  [1545000, 1512000, "Nej"],
  [757528, 610000, "2025-01-08"],
  [971770, 971770, "2024-12-20"],
  [500000, 430000, "2024-12-31"],
  [500000, 500000, ""],
  [500000, 465000, "2024-12-16"],
  [500000, 500000, "2024-12-20"],
  [1509377, 1200000, "2025-01-20"],
];

/** Seed 001: "Verksamhet som erhåller medel … ska senast 31 december 2024 … inkomma med en beskrivning". */
const ATERREDOVISAS_2024 = "31 december 2024";

/** The 2024 distribution's extra columns in the sample (the template keeps {@link FORDELNING_HEADERS}). */
export const UPPFOLJNING_HEADERS: readonly string[] = ["Utbetalt", "Förbrukat", "Återredovisat"];

/** Two earlier years for the multi-year overview: EXAMPLE FIGURES, not from the seeds. */
const TIDIGARE_TILLDELNING: readonly (readonly [year: number, area: string, allocated: number])[] = [
  [2022, "1", 2500000], [2022, "2", 6000000], [2022, "3", 900000], [2022, "4", 1600000],
  [2023, "1", 2700000], [2023, "2", 6500000], [2023, "3", 1000000], [2023, "4", 2000000],
];

const RJH_FHE = "Folkhälsoenheten Region Jämtland Härjedalen";
const KFJH_NAME = "Kommunförbundet Jämtland Härjedalen";

/** År, Område, Insats, Ansvarig verksamhet, Summa, Förbrukat (examples; every row reported back). */
const TIDIGARE_FORDELNING: readonly (readonly [year: number, area: string, insats: string, ansvarig: string, summa: number, used: number])[] = [
  [2022, "1", "Ungdomsmottagningen – länsgemensamt arbete", "Ungdomsmottagningen Region Jämtland Härjedalen", 1500000, 1480000],
  [2022, "1", "Barnsäkert", "Kompetenscentrum Barn och Mödrahälsovård Region Jämtland Härjedalen", 1000000, 1000000],
  [2022, "2", "Utvecklingssamordnare kommunförbundet", KFJH_NAME, 1000000, 985000],
  [2022, "2", "Utvecklingsstrateg Folkhälsoenheten", RJH_FHE, 1000000, 1000000],
  [2022, "2", "MiniMaria Region Jämtland Härjedalen", "Område Barn och unga vuxna Region Jämtland Härjedalen", 2000000, 1950000],
  [2022, "2", "MiniMaria Östersunds kommun", "Östersunds kommun", 2000000, 2000000],
  [2022, "3", "Brukarmedverkan i regionen", RJH_FHE, 450000, 410000],
  [2022, "3", "Brukarmedverkan i kommunerna", KFJH_NAME, 450000, 450000],
  [2022, "4", "Suicidprevention i regionen", RJH_FHE, 800000, 760000],
  [2022, "4", "Suicidprevention i kommunerna", KFJH_NAME, 800000, 800000],
  [2023, "1", "Ungdomsmottagningen – länsgemensamt arbete", "Ungdomsmottagningen Region Jämtland Härjedalen", 1600000, 1590000],
  [2023, "1", "Barnsäkert", "Kompetenscentrum Barn och Mödrahälsovård Region Jämtland Härjedalen", 1100000, 1085000],
  [2023, "2", "Utvecklingssamordnare kommunförbundet", KFJH_NAME, 1000000, 1000000],
  [2023, "2", "Utvecklingsstrateg Folkhälsoenheten", RJH_FHE, 1000000, 990000],
  [2023, "2", "MiniMaria Region Jämtland Härjedalen", "Område Barn och unga vuxna Region Jämtland Härjedalen", 2250000, 2250000],
  [2023, "2", "MiniMaria Östersunds kommun", "Östersunds kommun", 2250000, 2180000],
  [2023, "3", "Brukarmedverkan i regionen", RJH_FHE, 500000, 480000],
  [2023, "3", "Brukarmedverkan i kommunerna", KFJH_NAME, 500000, 500000],
  [2023, "4", "Suicidprevention i regionen", RJH_FHE, 1000000, 950000],
  [2023, "4", "Suicidprevention i kommunerna", KFJH_NAME, 1000000, 1000000],
];

/** Example aliases: names the documents use for a party (Part). */
const PARTER: readonly (readonly [part: string, alias: string])[] = [
  ["Region Jämtland Härjedalen", "Region JH"],
  ["Region Jämtland Härjedalen", "RJH"],
  ["Region Jämtland Härjedalen", "Folkhälsoenheten"],
  ["Region Jämtland Härjedalen", "Ungdomsmottagningen"],
  ["Region Jämtland Härjedalen", "Kompetenscentrum Barn och Mödrahälsovård"],
  ["Kommunförbundet Jämtland Härjedalen", "KFJH"],
  ["Kommunförbundet Jämtland Härjedalen", "Kommunförbundet"],
  ["Östersunds kommun", "Östersund"],
];

const blankToNull = (text: string): string | null => (text === "" ? null : text);

interface Placement {
  name: string;
  top: number;
  left: number;
  title: string | null;
  withRows: boolean;
}

/** One empty data row: Excel tables always have at least one. */
const emptyRow = (width: number): null[] => Array.from({ length: width }, () => null);

function balanslistaTable(p: Placement): TemplateTable {
  const rows = p.withRows
    ? BALANSLISTA_2024.map((r): (string | null)[] => [...r.map(blankToNull), null, null])
    : [emptyRow(BALANSLISTA_HEADERS.length)];
  return {
    name: p.name,
    top: p.top,
    left: p.left,
    title: p.title,
    headers: [...BALANSLISTA_HEADERS],
    rows,
    validations: [
      { header: "Prioriterat område", values: [...AREA_VALUES] },
      { header: "Status", values: [...STATUS_VALUES] },
    ],
    numberFormats: [{ header: "Nästa uppföljning", format: ISO_DATE_FORMAT }],
    columnWidths: [18, 40, 50, 36, 24, 60, 12, 18],
  };
}

function avtalTable(p: Placement): TemplateTable {
  return {
    name: p.name,
    top: p.top,
    left: p.left,
    title: p.title,
    headers: [...AVTAL_HEADERS],
    rows: p.withRows ? AVTAL_2024.map((r) => r.map(blankToNull)) : [emptyRow(AVTAL_HEADERS.length)],
    validations: [],
    numberFormats: [],
    columnWidths: [55, 32, 30, 26, 50],
  };
}

function tilldelningTable(p: Placement): TemplateTable {
  return {
    name: p.name,
    top: p.top,
    left: p.left,
    title: p.title,
    headers: [...TILLDELNING_HEADERS],
    rows: p.withRows
      ? TILLDELNING_2024.map(([area, name, allocated]) => [FUND_YEAR, `${area}. ${name}`, allocated])
      : [emptyRow(TILLDELNING_HEADERS.length)],
    validations: [],
    numberFormats: [{ header: "Tilldelat belopp", format: KRONOR_FORMAT }],
    columnWidths: [8, 60, 18],
  };
}

function fordelningTable(p: Placement): TemplateTable {
  return {
    name: p.name,
    top: p.top,
    left: p.left,
    title: p.title,
    headers: [...FORDELNING_HEADERS],
    rows: p.withRows
      ? FORDELNING_2024.map(([area, insats, ansvarig, summa]) => [FUND_YEAR, area, insats, ansvarig, summa])
      : [emptyRow(FORDELNING_HEADERS.length)],
    validations: [],
    numberFormats: [{ header: "Summa", format: KRONOR_FORMAT }],
    columnWidths: [8, 10, 60, 45, 16],
  };
}

function parterTable(p: Placement): TemplateTable {
  return {
    name: p.name,
    top: p.top,
    left: p.left,
    title: p.title,
    headers: [...PARTER_HEADERS],
    rows: p.withRows ? PARTER.map(([part, alias]) => [part, alias]) : [emptyRow(PARTER_HEADERS.length)],
    validations: [],
    numberFormats: [],
    columnWidths: [36, 40],
  };
}

/**
 * The sample workbook: the seeds' balance list, agreements, 2024 allocations and distribution,
 * and example party aliases, one sheet each (the allocations and distribution share a sheet).
 */
export function sampleWorkbook(): WorkbookTemplate {
  const at = (name: string, title: string, left = 1): Placement => ({ name, top: 2, left, title, withRows: true });
  const till = tilldelningTable(at("Tilldelning2024", "Länsgemensamma medel 2024 – tilldelning per område"));
  const ford = fordelningTable(
    at("Fordelning2024", "Fördelning 2024 (SVOM 2024-02-23) – Utbetalt, Förbrukat och Återredovisat är exempel", 1 + TILLDELNING_HEADERS.length + 1 + TABLE_GAP),
  );
  return {
    sheets: [
      { name: "Balanslista", tables: [balanslistaTable(at("Balanslista", "Balanslista SVOM 2024 (2024-05-20)"))] },
      { name: "Avtal", tables: [avtalTable(at("Avtal", "Sammanfattning Överenskommelser, avtal etc."))] },
      { name: "Fördelning 2024", tables: [withReportDue(till), withTracking(ford)] },
      { name: "Parter", tables: [parterTable(at("Parter", "Parter och alias"))] },
      { name: "Fördelning 2022–2023", tables: earlierYears() },
    ],
  };
}

/** The 2024 allocations with seed 001's report-back date for every area. */
function withReportDue(t: TemplateTable): TemplateTable {
  return {
    ...t,
    headers: [...t.headers, "Återredovisas senast"],
    rows: t.rows.map((r) => [...r, ATERREDOVISAS_2024]),
    columnWidths: [...t.columnWidths, 20],
  };
}

/** The 2024 distribution with the example tracking columns. */
function withTracking(t: TemplateTable): TemplateTable {
  return {
    ...t,
    headers: [...t.headers, ...UPPFOLJNING_HEADERS],
    rows: t.rows.map((r, i) => {
      const [paid, used, reported] = UPPFOLJNING_2024[i] ?? [null, null, ""];
      return [...r, paid, used, reported === "" ? null : reported];
    }),
    numberFormats: [...t.numberFormats, { header: "Utbetalt", format: KRONOR_FORMAT }, { header: "Förbrukat", format: KRONOR_FORMAT }],
    columnWidths: [...t.columnWidths, 16, 16, 16],
  };
}

/** 2022 and 2023: allocations and distributions with Förbrukat and Återredovisat (examples). */
function earlierYears(): TemplateTable[] {
  const areaName = new Map(TILLDELNING_2024.map(([area, name]) => [area, name]));
  const till: TemplateTable = {
    name: "Tilldelning2022_2023",
    top: 2,
    left: 1,
    title: "Exempel: tilldelning 2022–2023 (påhittade siffror)",
    headers: [...TILLDELNING_HEADERS],
    rows: TIDIGARE_TILLDELNING.map(([year, area, allocated]) => [year, `${area}. ${areaName.get(area) ?? ""}`, allocated]),
    validations: [],
    numberFormats: [{ header: "Tilldelat belopp", format: KRONOR_FORMAT }],
    columnWidths: [8, 60, 18],
  };
  const headers = [...FORDELNING_HEADERS, "Förbrukat", "Återredovisat"];
  const ford: TemplateTable = {
    name: "Fordelning2022_2023",
    top: 2,
    left: 1 + TILLDELNING_HEADERS.length + TABLE_GAP,
    title: "Exempel: fördelning och förbrukning 2022–2023 (påhittade siffror)",
    headers,
    rows: TIDIGARE_FORDELNING.map(([year, area, insats, ansvarig, summa, used]) => [year, area, insats, ansvarig, summa, used, "Ja"]),
    validations: [],
    numberFormats: [{ header: "Summa", format: KRONOR_FORMAT }, { header: "Förbrukat", format: KRONOR_FORMAT }],
    columnWidths: [8, 10, 45, 45, 16, 16, 14],
  };
  return [till, ford];
}

/** Name of the one sheet that {@link sampleTemplate} describes. */
export const TEMPLATE_SHEET_NAME = "Balans mall";
/** Empty columns between two tables of the template. */
export const TABLE_GAP = 2;

/**
 * The template that "Infoga mall" inserts: one sheet with the four tables side by side (balance
 * list, agreements, allocations and distribution, parties), empty (header and one empty row) or
 * filled with the sample data. The balance list and the agreements get one more free column for
 * the status column Balans adds to their right.
 */
export function sampleTemplate(withSample: boolean): WorkbookTemplate {
  const builders: { build: (p: Placement) => TemplateTable; name: string; title: string; owned: boolean }[] = [
    { build: balanslistaTable, name: "Balanslista", title: "Balanslista", owned: true },
    { build: avtalTable, name: "Avtal", title: "Överenskommelser och avtal", owned: true },
    // With the sample: the 2024 report-back date and the example tracking columns, as in the sample workbook.
    { build: (p) => (withSample ? withReportDue(tilldelningTable(p)) : tilldelningTable(p)), name: "Tilldelning", title: "Tilldelning per område", owned: false },
    { build: (p) => (withSample ? withTracking(fordelningTable(p)) : fordelningTable(p)), name: "Fordelning", title: "Fördelning", owned: false },
    { build: parterTable, name: "Parter", title: "Parter och alias", owned: false },
  ];
  const tables: TemplateTable[] = [];
  let left = 1;
  for (const b of builders) {
    const table = b.build({ name: b.name, top: 2, left, title: b.title, withRows: withSample });
    tables.push(table);
    left += table.headers.length + (b.owned ? 1 : 0) + TABLE_GAP;
  }
  return { sheets: [{ name: TEMPLATE_SHEET_NAME, tables }] };
}
