/**
 * The forums (meeting bodies) Balans knows, and where a text names them.
 *
 * Built in: SVOM (the steering group that owns the balanslista), Fredagsgruppen, SamReKo HSI,
 * Barnarenan, RSR and BUZ, with the aliases the seed documents use. A workbook adds its own:
 * every short name in a Beredande forum column ("Beredningsgrupp GNUS") and every forum of the
 * Möten table.
 */
import { escapeRegExp, normaliseHeader } from "../normaliseText";

export interface Forum {
  /** The name shown and written, e.g. "SamReKo HSI". */
  name: string;
  /** Every spelling that names it, the name included. All-capital aliases ("SVOM", "FG") match in capitals only. */
  aliases: string[];
  /** The steering group: its agenda sees every row of the balanslista, not only the rows that name it. */
  steering: boolean;
}

export const BUILT_IN_FORUMS: readonly Forum[] = [
  {
    name: "SVOM",
    aliases: [
      "SVOM",
      "Sociala vård- och omsorgsgruppen",
      "Sociala vård och omsorgsgruppen",
    ],
    steering: true,
  },
  {
    name: "Fredagsgruppen",
    aliases: ["Fredagsgruppen", "FG"],
    steering: false,
  },
  { name: "SamReKo HSI", aliases: ["SamReKo HSI", "SamReKo"], steering: false },
  { name: "Barnarenan", aliases: ["Barnarenan"], steering: false },
  {
    name: "RSR",
    aliases: ["RSR", "Regionens samverkansråd", "Regionala samverkansrådet"],
    steering: false,
  },
  { name: "BUZ", aliases: ["BUZ"], steering: false },
];

/** A place in a text that names a forum. */
export interface ForumMention {
  forum: string;
  index: number;
  /** Index just after the name. */
  end: number;
}

export interface ForumDirectory {
  forums: Forum[];
  /** The forum a name or alias stands for (any case, runs of spaces collapsed), or null. */
  resolve(name: string): Forum | null;
  /** Every forum named in a text, left to right, longest alias first where they overlap. */
  find(text: string): ForumMention[];
}

const B = String.raw`(?<![\p{L}\p{N}])`;
const E = String.raw`(?![\p{L}\p{N}])`;

function isCapitals(alias: string): boolean {
  return alias === alias.toLocaleUpperCase("sv-SE") && /\p{L}/u.test(alias);
}

function aliasPattern(alias: string): string {
  return alias
    .trim()
    .split(/\s+/u)
    .map(escapeRegExp)
    .join(String.raw`\s+`);
}

/**
 * The forums a "Beredande forum" cell names that Balans does not know yet: what is left when
 * the known names are taken out, split at commas, semicolons, slashes, line breaks and "och".
 * A piece is a forum when it is short (at most four words and 40 characters), begins with a
 * letter and is not a sentence (no full stop at the end): "Beredningsgrupp GNUS" is,
 * "Regional styrgrupp ansvarar för samverkan." is not.
 */
export function forumNamesInCell(
  cell: string,
  known: ForumDirectory,
): string[] {
  let rest = cell;
  for (const m of [...known.find(cell)].reverse())
    rest = `${rest.slice(0, m.index)}\n${rest.slice(m.end)}`;
  return rest
    .split(/[,;/\n\r]|\s(?:och|samt)\s/u)
    .map((p) => p.replace(/\s+/gu, " ").trim())
    .filter(
      (p) =>
        p.length > 1 &&
        p.length <= 40 &&
        /^\p{L}/u.test(p) &&
        !/\.$/u.test(p) &&
        p.split(" ").length <= 4,
    );
}

/** The built-in forums plus the workbook's (names as written there; unknown names become forums of their own). */
export function createForumDirectory(
  extraNames: readonly string[] = [],
): ForumDirectory {
  const forums: Forum[] = BUILT_IN_FORUMS.map((f) => ({
    ...f,
    aliases: [...f.aliases],
  }));
  const byKey = new Map<string, Forum>();
  for (const f of forums)
    for (const a of f.aliases) byKey.set(normaliseHeader(a), f);
  for (const raw of extraNames) {
    const name = raw.replace(/\s+/gu, " ").trim();
    if (name === "" || byKey.has(normaliseHeader(name))) continue;
    const forum: Forum = { name, aliases: [name], steering: false };
    forums.push(forum);
    byKey.set(normaliseHeader(name), forum);
  }

  // One pattern per case rule, longest alias first so that "SamReKo HSI" wins over "SamReKo".
  const entries = forums.flatMap((f) =>
    f.aliases.map((a) => ({ alias: a, forum: f.name })),
  );
  entries.sort((a, b) => b.alias.length - a.alias.length);
  const caps = entries.filter((e) => isCapitals(e.alias));
  const mixed = entries.filter((e) => !isCapitals(e.alias));
  const build = (list: typeof entries, flags: string) =>
    list.length === 0
      ? null
      : new RegExp(
          `${B}(?:${list.map((e) => `(${aliasPattern(e.alias)})`).join("|")})${E}`,
          flags,
        );
  const capsPattern = build(caps, "gu");
  const mixedPattern = build(mixed, "giu");

  const find = (text: string): ForumMention[] => {
    const found: ForumMention[] = [];
    for (const [pattern, list] of [
      [capsPattern, caps],
      [mixedPattern, mixed],
    ] as const) {
      if (pattern === null) continue;
      for (const m of text.matchAll(pattern)) {
        const group = m.slice(1).findIndex((g) => g !== undefined);
        const entry = list[group];
        if (entry)
          found.push({
            forum: entry.forum,
            index: m.index,
            end: m.index + m[0].length,
          });
      }
    }
    found.sort((a, b) => a.index - b.index || b.end - a.end);
    // Overlaps (an alias inside a longer one of the other case rule): the first, longest wins.
    const kept: ForumMention[] = [];
    for (const m of found) {
      const last = kept[kept.length - 1];
      if (last === undefined || m.index >= last.end) kept.push(m);
    }
    return kept;
  };

  return {
    forums,
    resolve: (name) => byKey.get(normaliseHeader(name)) ?? null,
    find,
  };
}
