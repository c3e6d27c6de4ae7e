import {
  COMMAND_MESSAGE_KEY,
  DEFAULT_SETTINGS,
  MAX_DAYS,
  SETTINGS_KEY,
  isTodayOverride,
  loadSettings,
  parseCommandMessage,
  parseSettings,
  toOptions,
  toStored,
  type CommandMessage,
} from "../../src/app/settings";

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe("isTodayOverride (the domain's isIsoDate, from 1900-01-01 on)", () => {
  it.each(["2024-02-29", "2025-01-01", "2025-12-31", "1900-01-01", "9999-12-31"])("accepts %s", (d) => {
    expect(isTodayOverride(d)).toBe(true);
  });
  it.each(["1899-12-31", "0001-01-01", "1900-02-29", "10000-01-01"])("rejects %s (no real date, or before Excel's first date)", (d) => {
    expect(isTodayOverride(d)).toBe(false);
  });
  it.each([
    "2023-02-29",
    "2025-04-31",
    "2025-13-01",
    "2025-00-10",
    "2025-01-00",
    "2025-1-1",
    "25-01-01",
    " 2025-01-01",
    "2025-01-01T00:00",
    "",
    20250101,
    null,
    undefined,
  ])("rejects %p", (d) => {
    expect(isTodayOverride(d)).toBe(false);
  });
});

describe("parseSettings", () => {
  it("gives the defaults for nothing stored, without problems", () => {
    expect(parseSettings(undefined)).toEqual({ settings: { todayOverride: null, dueSoonDays: 30, expiringDays: 90 }, problems: [] });
    expect(parseSettings(null)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    expect(parseSettings({})).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it("keeps valid values and does not mutate its input", () => {
    const input = deepFreeze({ todayOverride: "2024-02-29", dueSoonDays: 0, expiringDays: MAX_DAYS });
    const { settings, problems } = parseSettings(input);
    expect(settings).toEqual({ todayOverride: "2024-02-29", dueSoonDays: 0, expiringDays: 3650 });
    expect(settings).not.toBe(input);
    expect(problems).toEqual([]);
  });

  it("ignores unknown fields", () => {
    expect(parseSettings({ dueSoonDays: 14, colour: "red" }).settings).toEqual({ ...DEFAULT_SETTINGS, dueSoonDays: 14 });
  });

  it("replaces an impossible date by the default and says so in Swedish and English", () => {
    const { settings, problems } = parseSettings({ todayOverride: "2023-02-29", dueSoonDays: 10 });
    expect(settings).toEqual({ todayOverride: null, dueSoonDays: 10, expiringDays: 90 });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.field).toBe("todayOverride");
    expect(problems[0]!.message).toContain('"2023-02-29"');
    expect(problems[0]!.message).toContain("ÅÅÅÅ-MM-DD");
    expect(problems[0]!.messageEn).toContain("YYYY-MM-DD");
  });

  it("refuses a real date before Excel's first date, naming the first date accepted", () => {
    const { settings, problems } = parseSettings({ todayOverride: "1899-12-31" });
    expect(settings.todayOverride).toBeNull();
    expect(problems.map((p) => p.message)).toEqual([
      'Datum som räknas som i dag: "1899-12-31" används inte (inte ett datum ÅÅÅÅ-MM-DD från 1900-01-01); null används i stället.',
    ]);
    expect(parseSettings({ todayOverride: "1900-01-01" }).settings.todayOverride).toBe("1900-01-01");
  });

  it.each([-1, 1.5, 3651, Number.NaN, Infinity, "30", true])("rejects %p days, keeping the default", (bad) => {
    const { settings, problems } = parseSettings({ dueSoonDays: bad, expiringDays: bad });
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems.map((p) => p.field)).toEqual(["dueSoonDays", "expiringDays"]);
    expect(problems[0]!.messageEn).toContain("30 is used instead");
    expect(problems[1]!.message).toContain("90 används i stället");
  });

  it.each([["text"], [42], [[1, 2]]])("reports a stored value that is not an object (%p)", (raw) => {
    const { settings, problems } = parseSettings(raw);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.field).toBeNull();
  });

  it("returns a fresh object each time (the defaults cannot be changed through it)", () => {
    const a = parseSettings(undefined).settings;
    a.dueSoonDays = 1;
    expect(parseSettings(undefined).settings.dueSoonDays).toBe(30);
    expect(DEFAULT_SETTINGS.dueSoonDays).toBe(30);
  });
});

describe("loadSettings", () => {
  const source = (values: Record<string, unknown>) => ({ get: (name: string) => values[name] });

  it("reads the key balans.settings", () => {
    expect(SETTINGS_KEY).toBe("balans.settings");
    const s = source({ "balans.settings": { todayOverride: "2025-06-01", dueSoonDays: 7, expiringDays: 60 }, other: 1 });
    expect(loadSettings(s)).toEqual({ settings: { todayOverride: "2025-06-01", dueSoonDays: 7, expiringDays: 60 }, problems: [] });
  });

  it("accepts the object stored as JSON text", () => {
    const s = source({ "balans.settings": JSON.stringify({ dueSoonDays: 5 }) });
    expect(loadSettings(s).settings).toEqual({ ...DEFAULT_SETTINGS, dueSoonDays: 5 });
  });

  it("gives the defaults when nothing is stored or there is no source", () => {
    expect(loadSettings(source({}))).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    expect(loadSettings(null)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    expect(loadSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it("reports a source that throws, and uses the defaults", () => {
    const throwing = {
      get: () => {
        throw new Error("boom");
      },
    };
    const { settings, problems } = loadSettings(throwing);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems).toHaveLength(1);
  });

  it("reports text that is not JSON", () => {
    const { settings, problems } = loadSettings(source({ "balans.settings": "{not json" }));
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems).toHaveLength(1);
  });
});

describe("toOptions", () => {
  it("uses the date set as today", () => {
    expect(toOptions({ todayOverride: "2024-02-29", dueSoonDays: 14, expiringDays: 60 }, new Date(2030, 0, 1))).toEqual({
      today: "2024-02-29",
      dueSoonDays: 14,
      expiringDays: 60,
    });
  });

  it("uses the local date of `now` when no date is set, also just before midnight", () => {
    expect(toOptions(DEFAULT_SETTINGS, new Date(2025, 0, 31, 23, 59, 59))).toEqual({
      today: "2025-01-31",
      dueSoonDays: 30,
      expiringDays: 90,
    });
    expect(toOptions(DEFAULT_SETTINGS, new Date(2024, 1, 29, 0, 0, 0)).today).toBe("2024-02-29");
  });

  it("does not mutate the settings", () => {
    const s = deepFreeze({ todayOverride: null, dueSoonDays: 3, expiringDays: 4 });
    expect(toOptions(s, new Date(2025, 5, 1)).dueSoonDays).toBe(3);
  });
});

describe("toStored", () => {
  it("keeps only the known fields", () => {
    const withExtra = { ...DEFAULT_SETTINGS, extra: 1 } as unknown as typeof DEFAULT_SETTINGS;
    expect(toStored(withExtra)).toEqual(DEFAULT_SETTINGS);
  });

  it("throws on a value it would not read back", () => {
    expect(() => toStored({ todayOverride: "31/12/2025", dueSoonDays: 30, expiringDays: 90 })).toThrow(RangeError);
    expect(() => toStored({ todayOverride: null, dueSoonDays: -3, expiringDays: 90 })).toThrow(/whole number/);
  });
});

describe("parseCommandMessage", () => {
  const message: CommandMessage = {
    command: "summering",
    ok: false,
    at: "2025-03-01T10:00:00.000Z",
    message: "Summering: Inga tabeller hittades.",
    messageEn: "Summary: No tables were found.",
    code: "no-tables",
  };

  it("reads back what was stored under balans.lastCommand", () => {
    expect(COMMAND_MESSAGE_KEY).toBe("balans.lastCommand");
    expect(parseCommandMessage(JSON.stringify(message))).toEqual(message);
    expect(parseCommandMessage(JSON.stringify({ ...message, ok: true, code: null }))).toEqual({ ...message, ok: true, code: null });
  });

  it.each([
    ["nothing", null],
    ["empty", ""],
    ["not JSON", "{"],
    ["an array", "[]"],
    ["an unknown command", JSON.stringify({ ...message, command: "format" })],
    ["ok as text", JSON.stringify({ ...message, ok: "false" })],
    ["no English", JSON.stringify({ ...message, messageEn: undefined })],
    ["a numeric code", JSON.stringify({ ...message, code: 3 })],
  ])("gives null for %s", (_, text) => {
    expect(parseCommandMessage(text)).toBeNull();
  });
});
