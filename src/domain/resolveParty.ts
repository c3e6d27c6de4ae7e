import { escapeRegExp } from "./normaliseText";

export const REGION = "Region Jämtland Härjedalen";
export const KFJH = "Kommunförbundet Jämtland Härjedalen";
export const GEMENSAM = "Gemensam";

/** The eight municipalities, with the short names staff write. */
const MUNICIPALITIES: [string, string[]][] = [
  ["Bergs kommun", ["Berg", "Bergs kommun", "Berg kommun"]],
  ["Bräcke kommun", ["Bräcke", "Bräcke kommun", "Bräckes kommun"]],
  // "Härjedalen" alone is part of the Region's name: only the municipality forms count.
  ["Härjedalens kommun", ["Härjedalens kommun", "Härjedalen kommun"]],
  ["Krokoms kommun", ["Krokom", "Krokoms kommun", "Krokom kommun"]],
  ["Ragunda kommun", ["Ragunda", "Ragunda kommun", "Ragundas kommun"]],
  ["Strömsunds kommun", ["Strömsund", "Strömsunds kommun", "Strömsund kommun"]],
  ["Åre kommun", ["Åre", "Åre kommun", "Åres kommun"]],
  ["Östersunds kommun", ["Östersund", "Östersunds kommun", "Östersund kommun"]],
];

/** Built-in aliases: alias → party. Users add more in a Parter table (Part, Alias). */
export const BUILT_IN_ALIASES: ReadonlyArray<readonly [alias: string, party: string]> = [
  [REGION, REGION],
  ["Region Jämtland-Härjedalen", REGION],
  ["Region JH", REGION],
  ["RJH", REGION],
  ["Regionen", REGION],
  [KFJH, KFJH],
  ["Kommunförbundet JH", KFJH],
  ["Kommunförbundet", KFJH],
  ["KFJH", KFJH],
  [GEMENSAM, GEMENSAM],
  ...MUNICIPALITIES.flatMap(([party, aliases]) => aliases.map((a) => [a, party] as const)),
];

/** Fixed order of the known parties in summaries; others follow alphabetically. */
export const PARTY_ORDER: readonly string[] = [REGION, KFJH, GEMENSAM, ...MUNICIPALITIES.map(([p]) => p)];

export interface PartyMatcher {
  readonly aliases: ReadonlyArray<readonly [string, string]>;
  readonly pattern: RegExp | null;
  readonly byAlias: ReadonlyMap<string, string>;
  /** Results by input text: the same organisation is written on many rows. */
  readonly cache: Map<string, PartyResolution>;
}

const key = (s: string) => s.toLocaleLowerCase("sv-SE").replace(/[\s\u00a0\u202f-]+/gu, " ").trim();

/** Build a matcher from the built-in aliases plus the user's (user aliases win on conflict). */
export function createPartyMatcher(userAliases: ReadonlyArray<readonly [string, string]> = []): PartyMatcher {
  const byAlias = new Map<string, string>();
  for (const [alias, party] of [...BUILT_IN_ALIASES, ...userAliases]) {
    if (alias.trim() === "" || party.trim() === "") continue;
    byAlias.set(key(alias), party.trim());
  }
  const aliases = [...byAlias.keys()].sort((a, b) => b.length - a.length);
  const pattern =
    aliases.length === 0
      ? null
      : new RegExp(
          `(?<![\\p{L}\\p{N}])(?:${aliases.map((a) => escapeRegExp(a).replace(/ /gu, "[\\s\\u00a0\\u202f-]+")).join("|")})(?![\\p{L}\\p{N}])`,
          "giu",
        );
  return { aliases: [...byAlias.entries()], pattern, byAlias, cache: new Map() };
}

export type PartyResolution =
  | { kind: "party"; party: string }
  | { kind: "shared"; party: typeof GEMENSAM; parties: string[] }
  | { kind: "unknown"; party: string };

/**
 * Which party a "Ansvarig verksamhet" text belongs to: a text that says "gemensam" or names
 * two or more parties → Gemensam; one party → that party; none → unknown (kept as its own text).
 */
export function resolveParty(text: string, matcher: PartyMatcher): PartyResolution {
  const cached = matcher.cache.get(text);
  if (cached) return cached;
  const result = resolveUncached(text, matcher);
  if (matcher.cache.size < 10_000) matcher.cache.set(text, result);
  return result;
}

function resolveUncached(text: string, matcher: PartyMatcher): PartyResolution {
  const trimmed = text.replace(/\s+/gu, " ").trim();
  const found = new Set<string>();
  if (matcher.pattern) {
    matcher.pattern.lastIndex = 0;
    for (const m of trimmed.matchAll(matcher.pattern)) {
      const party = matcher.byAlias.get(key(m[0]));
      if (party) found.add(party);
    }
  }
  const saysShared = /(?<![\p{L}])gemensam(?![\p{L}])|(?<![\p{L}])gemensamt(?![\p{L}])/iu.test(trimmed);
  if (saysShared || found.has(GEMENSAM) || found.size >= 2) {
    found.delete(GEMENSAM);
    return { kind: "shared", party: GEMENSAM, parties: sortParties([...found]) };
  }
  const [only] = [...found];
  if (only !== undefined) return { kind: "party", party: only };
  return { kind: "unknown", party: trimmed };
}

/** Sort party names: known parties in fixed order, then others in Swedish alphabetical order. */
export function sortParties(parties: string[]): string[] {
  const rank = (p: string) => {
    const i = PARTY_ORDER.indexOf(p);
    return i === -1 ? PARTY_ORDER.length : i;
  };
  return [...parties].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, "sv-SE"));
}
