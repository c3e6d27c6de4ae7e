/**
 * The layer boundaries of Balans as one ESLint rule, `balans/import-boundaries`, that cannot be
 * walked around with `../` depth or a detour (`../excel/../../x`): every import path is resolved
 * against the importing file, and the resolved path is checked.
 *
 * Options: `{ zones: [{ from, allowDirs?, allowPackages?, forbidDirs?, message }] }`, paths
 * relative to the working directory. For a file under `from`:
 * - `allowDirs`: a relative import must resolve inside one of these folders;
 * - `allowPackages`: a package import must name one of these packages (`decimal.js`,
 *   `date-fns` and `date-fns/...`); Node built-ins (`fs`, `node:fs`) are packages too;
 * - `forbidDirs`: a relative import must not resolve inside any of these folders.
 * Covered: `import`, `import type`, `export … from`, `import x = require()`, `require()`,
 * dynamic `import()` (which must then name a literal path) and `import("…")` types.
 */
import path from "node:path";

const inside = (file, dir) => {
  const rel = path.relative(dir, file);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
};

const packageOf = (source) => {
  const parts = source.replace(/^node:/, "").split("/");
  return source.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
};

/** @type {import("eslint").Rule.RuleModule} */
const importBoundaries = {
  meta: {
    type: "problem",
    docs: { description: "Keeps each layer's imports inside its boundary, whatever the path's shape." },
    schema: [
      {
        type: "object",
        properties: {
          zones: {
            type: "array",
            items: {
              type: "object",
              properties: {
                from: { type: "string" },
                allowDirs: { type: "array", items: { type: "string" } },
                allowPackages: { type: "array", items: { type: "string" } },
                forbidDirs: { type: "array", items: { type: "string" } },
                message: { type: "string" },
              },
              required: ["from", "message"],
              additionalProperties: false,
            },
          },
        },
        required: ["zones"],
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const cwd = context.cwd ?? process.cwd();
    const file = path.resolve(cwd, context.filename ?? context.getFilename());
    const zones = (context.options[0]?.zones ?? []).filter((z) => inside(file, path.resolve(cwd, z.from)));
    if (zones.length === 0) return {};

    const check = (node, source) => {
      if (typeof source !== "string") {
        context.report({ node, message: `${zones[0].message} (an import must name a literal path here)` });
        return;
      }
      for (const zone of zones) {
        const why = breach(zone, source);
        if (why !== null) context.report({ node, message: `${zone.message} ("${source}" ${why})` });
      }
    };
    const breach = (zone, source) => {
      if (source.startsWith(".") || path.isAbsolute(source)) {
        const target = path.resolve(path.dirname(file), source);
        const shown = path.relative(cwd, target) || ".";
        if (zone.allowDirs && !zone.allowDirs.some((d) => inside(target, path.resolve(cwd, d)))) return `leads to ${shown}`;
        if (zone.forbidDirs?.some((d) => inside(target, path.resolve(cwd, d)))) return `leads to ${shown}`;
        return null;
      }
      if (zone.allowPackages && !zone.allowPackages.includes(packageOf(source))) return "is not an allowed package";
      return null;
    };
    const literal = (node) => (node && node.type === "Literal" && typeof node.value === "string" ? node.value : null);

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      TSExternalModuleReference: (node) => check(node, literal(node.expression)),
      ImportExpression: (node) => check(node, literal(node.source)),
      TSImportType: (node) => {
        const arg = node.argument?.type === "TSLiteralType" ? node.argument.literal : node.argument;
        check(node, literal(arg));
      },
      CallExpression: (node) => {
        if (node.callee.type === "Identifier" && node.callee.name === "require") check(node, literal(node.arguments[0]));
      },
    };
  },
};

export default { meta: { name: "balans-boundaries" }, rules: { "import-boundaries": importBoundaries } };
