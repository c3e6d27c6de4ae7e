#!/usr/bin/env node
// Offline manifest check (`npm run validate`): validates manifest.xml, and dist/manifest.xml
// when a build made one, against the add-in manifest XSDs in test/schemas/ with xmllint.
// (`office-addin-manifest validate` needs Microsoft's online service; it is not used here.)
// Exit 0 when every manifest validates; 1 when one does not or xmllint is missing.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const schema = join(root, "test", "schemas", "OfficeAppManifestV1_1.xsd");
const manifests = [join(root, "manifest.xml"), join(root, "dist", "manifest.xml")].filter(
  (file, i) => i === 0 || existsSync(file),
);

function fail(message) {
  console.error(`validate-manifest: ${message}`);
  process.exit(1);
}

const probe = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
if (probe.error) {
  fail(
    "xmllint was not found. Install it (Debian/Ubuntu: apt-get install -y libxml2-utils; " +
      "macOS: it comes with the Xcode command line tools; Windows: use WSL) and run again.",
  );
}
if (!existsSync(schema)) fail(`the schema ${relative(root, schema)} is missing.`);

let failed = 0;
for (const manifest of manifests) {
  const name = relative(root, manifest);
  if (!existsSync(manifest)) {
    console.error(`✗ ${name}: file not found`);
    failed++;
    continue;
  }
  const result = spawnSync("xmllint", ["--noout", "--schema", schema, manifest], { encoding: "utf8" });
  if (result.status === 0) {
    console.log(`✓ ${name} validates against ${relative(root, schema)}`);
  } else {
    failed++;
    console.error(`✗ ${name} does not validate:`);
    console.error((result.stderr || result.stdout || "").trim().replaceAll(manifest, name));
  }
}
if (failed > 0) fail(`${failed} of ${manifests.length} manifest(s) failed.`);
