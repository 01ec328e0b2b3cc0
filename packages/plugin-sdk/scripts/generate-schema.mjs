#!/usr/bin/env node
// Writes schema/cove-plugin.schema.json from `manifestSchema`, the single source of the manifest
// schema and type, after `tsc` has built dist/. Runs as the second half of `npm run build`; the
// test test/manifest/schema-file.test.ts fails if the checked-in file differs from the source.
//
// The file is written in Biome's format (through the repository's Biome, when installed) and only
// when its content changes, so builds leave an up-to-date file untouched.

import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const target = path.join(packageDir, "schema", "cove-plugin.schema.json");
const { manifestSchema } = await import(path.join(packageDir, "dist", "index.js"));

const current = existsSync(target) ? readFileSync(target, "utf8") : undefined;
if (current !== undefined && sameJson(current, manifestSchema)) process.exit(0);

writeFileSync(target, format(`${JSON.stringify(manifestSchema, null, 2)}\n`));
console.log(`generate-schema: wrote ${path.relative(process.cwd(), target)}`);

function sameJson(text, value) {
  try {
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(value);
  } catch {
    return false;
  }
}

function format(json) {
  const biome = path.join(
    packageDir,
    "..",
    "..",
    "node_modules",
    "@biomejs",
    "biome",
    "bin",
    "biome",
  );
  if (!existsSync(biome)) return json;
  try {
    return execFileSync(process.execPath, [biome, "format", `--stdin-file-path=${target}`], {
      cwd: packageDir,
      input: json,
      encoding: "utf8",
    });
  } catch {
    return json;
  }
}
