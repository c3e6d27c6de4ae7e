/**
 * What the XSD cannot check in manifest.xml: resource ids, translations, function names, HTTPS,
 * icon files and their sizes. Plus the XSD check itself through xmllint (skipped with a note
 * where xmllint is missing, but failing in CI).
 */
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

const ROOT = join(__dirname, "..", "..");
const MANIFEST = join(ROOT, "manifest.xml");
const SCHEMA = join(ROOT, "test", "schemas", "OfficeAppManifestV1_1.xsd");
const COMMANDS_SOURCE = join(ROOT, "src", "commands", "commands.ts");
const DEV_URL = "https://localhost:3000/";

// ---------- a small XML reader (enough for a manifest: elements, attributes, text) ----------

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  parent: XmlElement | null;
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const lower = e.toLowerCase();
    if (lower.startsWith("#x")) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith("#")) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[lower] as string;
  });
}

function parseXml(source: string): XmlElement {
  const token = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<[^>]+>|[^<]+/g;
  const openTag = /^<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>$/;
  const attr = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  const root: XmlElement = { name: "#document", attrs: {}, children: [], text: "", parent: null };
  let current = root;
  for (const m of source.matchAll(token)) {
    const t = m[0];
    if (t.startsWith("<!--") || t.startsWith("<?")) continue;
    if (t.startsWith("<![CDATA[")) {
      current.text += m[1] ?? "";
    } else if (t.startsWith("</")) {
      const name = t.slice(2, -1).trim();
      if (name !== current.name) throw new Error(`</${name}> closes <${current.name}>`);
      current = current.parent ?? root;
    } else if (t.startsWith("<")) {
      const o = openTag.exec(t);
      if (!o) throw new Error(`Malformed tag: ${t}`);
      const attrs: Record<string, string> = {};
      for (const a of (o[2] ?? "").matchAll(attr)) attrs[a[1]!] = decodeEntities(a[2] ?? a[3] ?? "");
      const el: XmlElement = { name: o[1]!, attrs, children: [], text: "", parent: current };
      current.children.push(el);
      if (o[3] !== "/") current = el;
    } else {
      current.text += decodeEntities(t);
    }
  }
  if (current !== root) throw new Error(`<${current.name}> is not closed`);
  if (root.children.length !== 1) throw new Error("Expected one root element");
  return root.children[0]!;
}

function all(el: XmlElement, pred: (e: XmlElement) => boolean = () => true): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (pred(c)) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}
const named = (el: XmlElement, name: string) => all(el, (e) => e.name === name);
const child = (el: XmlElement, name: string) => el.children.find((c) => c.name === name);
const xsiType = (el: XmlElement) => el.attrs["xsi:type"];

// ---------- the manifest and its parts ----------

const xml = readFileSync(MANIFEST, "utf8");
const doc = parseXml(xml);
const resources = named(doc, "Resources")[0]!;

type Kind = "Images" | "Urls" | "ShortStrings" | "LongStrings";
const KINDS: Kind[] = ["Images", "Urls", "ShortStrings", "LongStrings"];

/** id → resource element, per kind. */
const defined = new Map<Kind, Map<string, XmlElement>>(
  KINDS.map((kind) => {
    const group = child(resources, `bt:${kind}`);
    const items = group ? group.children : [];
    return [kind, new Map(items.map((e) => [e.attrs.id ?? "", e]))];
  }),
);

/** Which kind of resource an element with `resid` refers to. */
function kindOf(el: XmlElement): Kind | null {
  switch (el.name) {
    case "bt:Image":
      return "Images";
    case "FunctionFile":
    case "SourceLocation":
    case "LearnMoreUrl":
      return "Urls";
    case "Label":
    case "Title":
      return "ShortStrings";
    case "Description":
      return "LongStrings";
    default:
      return null;
  }
}

const references = all(doc, (e) => e.attrs.resid !== undefined);

function pngSize(file: string): { width: number; height: number; colourType: number } {
  const b = readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!b.subarray(0, 8).equals(signature)) throw new Error(`${file} is not a PNG`);
  if (b.toString("ascii", 12, 16) !== "IHDR") throw new Error(`${file} has no IHDR first`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20), colourType: b[25]! };
}

function assetPath(url: string): string {
  expect(url.startsWith(`${DEV_URL}assets/`)).toBe(true);
  return join(ROOT, "assets", url.slice(`${DEV_URL}assets/`.length));
}

// ---------- tests ----------

describe("manifest.xml", () => {
  it("is an Excel task pane add-in with a GUID, ReadWriteDocument and ExcelApi 1.7", () => {
    expect(doc.name).toBe("OfficeApp");
    expect(xsiType(doc)).toBe("TaskPaneApp");
    expect(child(doc, "Id")?.text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(child(doc, "Id")?.text).not.toBe("05c2e1c9-3e1d-406e-9a91-e9ac64854143"); // the template's
    expect(child(doc, "ProviderName")?.text).toBe("Balans (SVOM Jämtland Härjedalen)");
    expect(child(doc, "DefaultLocale")?.text).toBe("en-US");
    expect(named(child(doc, "Hosts")!, "Host").map((h) => h.attrs.Name)).toEqual(["Workbook"]);
    expect(child(doc, "Permissions")?.text).toBe("ReadWriteDocument");
    const sets = named(child(doc, "Requirements")!, "Set").map((s) => [s.attrs.Name, s.attrs.MinVersion]);
    expect(sets).toEqual([["ExcelApi", "1.7"]]);
    expect(child(child(doc, "DefaultSettings")!, "SourceLocation")?.attrs.DefaultValue).toBe(`${DEV_URL}taskpane.html`);
  });

  it("has Swedish (sv-SE) overrides for its display name and description", () => {
    for (const name of ["DisplayName", "Description"]) {
      const el = child(doc, name)!;
      expect(el.attrs.DefaultValue).toBeTruthy();
      const sv = el.children.filter((c) => c.name === "Override" && c.attrs.Locale === "sv-SE");
      expect(sv).toHaveLength(1);
      expect(sv[0]!.attrs.Value).toBeTruthy();
    }
  });

  it("defines each resource id once, in at most 32 characters", () => {
    const ids = KINDS.flatMap((kind) => {
      const group = child(resources, `bt:${kind}`);
      return group ? group.children.map((e) => e.attrs.id ?? "") : [];
    });
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id.length).toBeGreaterThan(0);
      expect(id.length).toBeLessThanOrEqual(32);
    }
  });

  it("refers only to resource ids that are defined, of the right kind", () => {
    expect(references.length).toBeGreaterThan(0);
    const missing: string[] = [];
    for (const ref of references) {
      const kind = kindOf(ref);
      if (!kind) {
        missing.push(`<${ref.name} resid="${ref.attrs.resid}">: unknown kind of reference`);
        continue;
      }
      if (!defined.get(kind)!.has(ref.attrs.resid!)) missing.push(`<${ref.name} resid="${ref.attrs.resid}"> (${kind})`);
    }
    expect(missing).toEqual([]);
  });

  it("uses every resource it defines", () => {
    const used = new Set(references.map((r) => `${kindOf(r)}:${r.attrs.resid}`));
    const unused = KINDS.flatMap((kind) => [...defined.get(kind)!.keys()].filter((id) => !used.has(`${kind}:${id}`)));
    expect(unused).toEqual([]);
  });

  it("gives every string resource an sv-SE override, and overrides only defined resources", () => {
    const overrides = named(resources, "bt:Override");
    expect(overrides.length).toBeGreaterThan(0);
    for (const o of overrides) {
      expect(o.attrs.Locale).toBe("sv-SE");
      expect(o.attrs.Value).toBeTruthy();
      const owner = o.parent!;
      const kind = KINDS.find((k) => owner.parent?.name === `bt:${k}`);
      expect(kind).toBeDefined();
      expect(defined.get(kind!)!.get(owner.attrs.id!)).toBe(owner);
    }
    for (const kind of ["ShortStrings", "LongStrings"] as const) {
      for (const [id, el] of defined.get(kind)!) {
        const sv = el.children.filter((c) => c.name === "bt:Override" && c.attrs.Locale === "sv-SE");
        expect({ id, overrides: sv.length }).toEqual({ id, overrides: 1 });
      }
    }
  });

  it("has the Balans tab with Kontrollera, Summering, Mötesunderlag, Infoga mall (menu) and Visa panel", () => {
    const tab = named(doc, "CustomTab");
    expect(tab.map((t) => t.attrs.id)).toEqual(["TabBalans"]);
    const controls = named(tab[0]!, "Control");
    const label = (el: XmlElement) => {
      const resid = child(el, "Label")!.attrs.resid!;
      const s = defined.get("ShortStrings")!.get(resid)!;
      return child(s, "bt:Override")!.attrs.Value;
    };
    expect(controls.map((c) => [xsiType(c), label(c)])).toEqual([
      ["Button", "Kontrollera"],
      ["Button", "Summering"],
      ["Button", "Mötesunderlag"],
      ["Menu", "Infoga mall"],
      ["Button", "Visa panel"],
    ]);
    const items = named(controls[3]!, "Item");
    expect(items.map((i) => [label(i), child(named(i, "Action")[0]!, "FunctionName")?.text])).toEqual([
      ["Tomma tabeller", "infogaMall"],
      ["Med exempeldata", "infogaExempel"],
    ]);
    const show = named(controls[4]!, "Action")[0]!;
    expect(xsiType(show)).toBe("ShowTaskpane");
    expect(child(show, "TaskpaneId")?.text).toBe("ButtonId1");
    expect(defined.get("Urls")!.get(child(show, "SourceLocation")!.attrs.resid!)?.attrs.DefaultValue).toBe(
      `${DEV_URL}taskpane.html`,
    );
    const functionFile = named(doc, "FunctionFile")[0]!;
    expect(defined.get("Urls")!.get(functionFile.attrs.resid!)?.attrs.DefaultValue).toBe(`${DEV_URL}commands.html`);
  });

  it("registers every ExecuteFunction with Office.actions.associate in src/commands/commands.ts, and no others", () => {
    const inManifest = named(doc, "Action")
      .filter((a) => xsiType(a) === "ExecuteFunction")
      .map((a) => child(a, "FunctionName")?.text.trim() ?? "");
    expect(inManifest.sort()).toEqual(["infogaExempel", "infogaMall", "kontrollera", "motesunderlag", "summering"]);
    const source = readFileSync(COMMANDS_SOURCE, "utf8");
    const associated = [...source.matchAll(/Office\.actions\.associate\(\s*["'`]([^"'`]+)["'`]/g)].map((m) => m[1]);
    expect([...associated].sort()).toEqual([...inManifest].sort());
  });

  it("uses only https URLs", () => {
    const urls: string[] = [];
    for (const el of all(doc)) {
      for (const [name, value] of Object.entries(el.attrs)) {
        if (name.startsWith("xmlns")) continue;
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) urls.push(value);
      }
      if (/^\s*[a-z][a-z0-9+.-]*:\/\//i.test(el.text)) urls.push(el.text.trim());
    }
    expect(urls.length).toBeGreaterThan(10);
    expect(urls.filter((u) => !u.startsWith("https://"))).toEqual([]);
    for (const kind of ["Urls", "Images"] as const) {
      for (const el of defined.get(kind)!.values()) expect(el.attrs.DefaultValue).toMatch(/^https:\/\//);
    }
  });

  it("gives every ribbon control and group icons of 16, 32 and 80 px", () => {
    const owners = all(doc, (e) => ["Group", "Control", "Item"].includes(e.name));
    expect(owners.length).toBe(8); // group, 5 controls, 2 menu items
    for (const owner of owners) {
      const icon = child(owner, "Icon");
      expect(icon).toBeDefined();
      expect(icon!.children.map((i) => i.attrs.size)).toEqual(["16", "32", "80"]);
    }
  });

  it("points each icon at a PNG in assets/ of the declared size, with an alpha channel", () => {
    const expected = new Map<string, number>(); // file → size
    const add = (url: string, size: number) => {
      const file = assetPath(url);
      expect({ file, size: expected.get(file) ?? size }).toEqual({ file, size });
      expected.set(file, size);
    };
    for (const ref of references.filter((r) => r.name === "bt:Image")) {
      add(defined.get("Images")!.get(ref.attrs.resid!)!.attrs.DefaultValue!, Number(ref.attrs.size));
    }
    // Microsoft's manifest reference: task pane add-ins use 32 × 32 for IconUrl, 64 × 64 for HighResolutionIconUrl.
    add(child(doc, "IconUrl")!.attrs.DefaultValue!, 32);
    add(child(doc, "HighResolutionIconUrl")!.attrs.DefaultValue!, 64);
    expect(expected.size).toBeGreaterThanOrEqual(17);
    for (const [file, size] of expected) {
      expect({ file, exists: existsSync(file) }).toEqual({ file, exists: true });
      const png = pngSize(file);
      expect({ file, width: png.width, height: png.height, colourType: png.colourType }).toEqual({
        file,
        width: size,
        height: size,
        colourType: 6, // RGBA: transparent background
      });
    }
  });

  it("keeps no icon in assets/ that neither the manifest nor a page uses", () => {
    const pages = ["src/taskpane/taskpane.html", "src/commands/message.html", "src/commands/commands.html"].map((p) =>
      readFileSync(join(ROOT, p), "utf8"),
    );
    const used = (file: string) => xml.includes(`/assets/${file}"`) || pages.some((p) => p.includes(`assets/${file}"`));
    const unused = readdirSync(join(ROOT, "assets")).filter((f) => f.endsWith(".png") && !used(f));
    expect(unused).toEqual([]);
  });

  it("reads a PNG's size from its header (the check above can fail)", () => {
    expect(pngSize(join(ROOT, "assets", "icon-16.png"))).toMatchObject({ width: 16, height: 16 });
    expect(pngSize(join(ROOT, "assets", "icon-80.png"))).toMatchObject({ width: 80, height: 80 });
    expect(() => pngSize(MANIFEST)).toThrow(/not a PNG/);
  });
});

describe("the small XML reader", () => {
  it("reads attributes, entities, nesting and self-closing tags", () => {
    const el = parseXml('<?xml version="1.0"?><!-- c --><a x="1 &amp; 2"><b y=\'q\'/><c>t&lt;</c></a>');
    expect(el.attrs.x).toBe("1 & 2");
    expect(el.children.map((c) => c.name)).toEqual(["b", "c"]);
    expect(el.children[1]!.text).toBe("t<");
  });

  it("rejects mismatched tags", () => {
    expect(() => parseXml("<a><b></a></b>")).toThrow(/closes/);
    expect(() => parseXml("<a><b></b>")).toThrow(/not closed/);
  });
});

describe("schema validation with xmllint", () => {
  const hasXmllint = !spawnSync("xmllint", ["--version"]).error;
  const check = (file: string) => spawnSync("xmllint", ["--noout", "--schema", SCHEMA, file], { encoding: "utf8" });

  if (!hasXmllint) {
    it("needs xmllint (apt-get install -y libxml2-utils)", () => {
      if (process.env.CI) throw new Error("xmllint is missing in CI: install libxml2-utils");
      console.warn("manifest.test: xmllint not found, schema validation skipped (apt-get install -y libxml2-utils)");
    });
    return;
  }

  it("validates manifest.xml against test/schemas/OfficeAppManifestV1_1.xsd", () => {
    const result = check(MANIFEST);
    expect(result.stderr.trim()).toBe("manifest.xml validates".replace("manifest.xml", MANIFEST));
    expect(result.status).toBe(0);
  });

  it("rejects a manifest whose ExecuteFunction lacks its FunctionName (the check can fail)", () => {
    const dir = mkdtempSync(join(tmpdir(), "balans-manifest-"));
    try {
      const broken = join(dir, "manifest.xml");
      writeFileSync(broken, xml.replace("<FunctionName>kontrollera</FunctionName>", ""));
      const result = check(broken);
      expect(result.status).not.toBe(0);
      expect(result.stderr).toMatch(/FunctionName|fails to validate/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("validates the production manifest in dist/ too, when a build made one", () => {
    const dist = join(ROOT, "dist", "manifest.xml");
    if (!existsSync(dist)) return;
    expect(check(dist).status).toBe(0);
    const urls = [...readFileSync(dist, "utf8").matchAll(/(?:DefaultValue|Value)="([a-z]+:\/\/[^"]*)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(10);
    expect(urls.filter((u) => !u!.startsWith("https://"))).toEqual([]);
  });
});

describe("the production manifest's address (webpack.config.js)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require("../../webpack.config.js") as {
    productionUrl: (value: string | undefined) => { url: string; fromEnv: boolean };
    productionManifest: (xml: string, url: string) => string;
    LOCALHOST_MANIFEST_WARNING: string;
  };

  it("uses BALANS_URL_PROD, with a trailing slash", () => {
    expect(config.productionUrl("https://balans.regionjh.se")).toEqual({ url: "https://balans.regionjh.se/", fromEnv: true });
    expect(config.productionUrl(" https://host.se/balans/ ")).toEqual({ url: "https://host.se/balans/", fromEnv: true });
  });

  it("keeps localhost without BALANS_URL_PROD, and says so in the manifest", () => {
    expect(config.productionUrl(undefined)).toEqual({ url: DEV_URL, fromEnv: false });
    expect(config.productionUrl("")).toEqual({ url: DEV_URL, fromEnv: false });
    const out = config.productionManifest(xml, DEV_URL);
    expect(out).not.toMatch(/contoso/i);
    expect(out.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!-- BALANS_URL_PROD is not set')).toBe(true);
    expect(parseXml(out).name).toBe("OfficeApp");
  });

  it("refuses a placeholder host or a URL that is not https", () => {
    expect(() => config.productionUrl("https://www.contoso.com/")).toThrow(/placeholder host \(www\.contoso\.com\)/);
    expect(() => config.productionUrl("https://example.com")).toThrow(/placeholder/);
    expect(() => config.productionUrl("http://balans.regionjh.se/")).toThrow(/must be an https:\/\/ URL/);
    expect(() => config.productionUrl("balans.regionjh.se")).toThrow(/must be an https:\/\/ URL/);
  });

  it("replaces every development address with the hosting address, and adds no note then", () => {
    const out = config.productionManifest(xml, "https://balans.regionjh.se/");
    expect(out).not.toContain(DEV_URL);
    expect(out).not.toContain("BALANS_URL_PROD is not set");
    expect(out.split("https://balans.regionjh.se/").length - 1).toBe(xml.split(DEV_URL).length - 1);
  });
});
