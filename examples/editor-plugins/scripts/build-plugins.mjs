#!/usr/bin/env node
// Builds every plugin under plugins/ with the SDK's CLI, `cove-plugin build <dir>`: each
// plugin's src/index.ts bundled into the one ES module its manifest's `main` names. The plugins
// build in parallel; each one's output is printed when it ends, so lines do not interleave.
//
// Usage: node scripts/build-plugins.mjs [plugin-name ...]

import { spawn } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pluginsDir = path.join(root, "plugins");

/** The CLI's script, from the bin field of @cove/plugin-sdk: run with this node, on any OS. */
function cliPath() {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve("@cove/plugin-sdk/package.json");
  const { bin } = JSON.parse(readFileSync(manifest, "utf8"));
  const relative = typeof bin === "string" ? bin : bin?.["cove-plugin"];
  if (typeof relative !== "string") throw new Error("@cove/plugin-sdk has no cove-plugin bin");
  return path.join(path.dirname(manifest), relative);
}

function pluginDirs(only) {
  return readdirSync(pluginsDir)
    .filter((name) => only.length === 0 || only.includes(name))
    .map((name) => path.join(pluginsDir, name))
    .filter((dir) => statSync(dir).isDirectory())
    .filter((dir) => {
      try {
        return statSync(path.join(dir, "cove-plugin.json")).isFile();
      } catch {
        return false;
      }
    })
    .sort();
}

function build(cli, dir) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, "build", path.relative(root, dir)], {
      cwd: root,
      env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? "1" : "0" },
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", (error) => resolve({ dir, code: 1, output: `${output}${error.message}\n` }));
    child.on("close", (code) => resolve({ dir, code: code ?? 1, output }));
  });
}

const cli = cliPath();
const dirs = pluginDirs(process.argv.slice(2));
if (dirs.length === 0) {
  console.error(
    `build-plugins: no plugin directories under ${path.relative(process.cwd(), pluginsDir)}`,
  );
  process.exit(1);
}
const results = await Promise.all(dirs.map((dir) => build(cli, dir)));
for (const result of results) process.stdout.write(result.output);
const failed = results.filter((result) => result.code !== 0);
if (failed.length > 0) {
  console.error(
    `build-plugins: ${failed.length} of ${results.length} plugin(s) failed: ${failed
      .map((result) => path.basename(result.dir))
      .join(", ")}`,
  );
  process.exit(1);
}
console.log(`build-plugins: ${results.length} plugins built`);
