/**
 * Discovery from the file system: a plugin is a directory holding `cove-plugin.json` and its
 * files. `discoverPlugins(root)` finds every such directory directly under `root`.
 */

import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { MANIFEST_FILE } from "@cove/plugin-sdk";
import type { PluginSource } from "./plugin-source.js";

/** Files read from a plugin directory: code and data, not build leftovers. */
const READ = /\.(?:m?js|json)$/;
const SKIP_DIRS = new Set(["node_modules", ".git"]);
const MAX_FILES = 1000;
const MAX_FILE_BYTES = 8 * 1024 * 1024;

/** Reads one plugin directory: the manifest's text and the plugin's `.js`/`.mjs`/`.json` files. */
export async function readPluginDirectory(dir: string): Promise<PluginSource> {
  const manifest = await readFile(path.join(dir, MANIFEST_FILE), "utf8");
  const files: Record<string, string> = {};
  let count = 0;
  async function walk(relative: string): Promise<void> {
    const entries = await readdir(path.join(dir, relative), { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const child = relative === "" ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) await walk(child);
      } else if (entry.isFile() && READ.test(entry.name) && child !== MANIFEST_FILE) {
        if (++count > MAX_FILES) return;
        const full = path.join(dir, child);
        if ((await stat(full)).size > MAX_FILE_BYTES) continue;
        files[child] = await readFile(full, "utf8");
      }
    }
  }
  await walk("");
  return { manifest, files, origin: dir, directory: dir };
}

/** Every plugin directory directly under `root` (those holding a `cove-plugin.json`), sorted. */
export async function discoverPlugins(root: string): Promise<PluginSource[]> {
  const entries = await readdir(root, { withFileTypes: true });
  const dirs = entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
    .map((entry) => path.join(root, entry.name))
    .sort();
  const sources: PluginSource[] = [];
  for (const dir of dirs) {
    const manifestExists = await stat(path.join(dir, MANIFEST_FILE)).then(
      (s) => s.isFile(),
      () => false,
    );
    if (manifestExists) sources.push(await readPluginDirectory(dir));
  }
  return sources;
}
