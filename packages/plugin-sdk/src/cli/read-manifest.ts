/** Finding and checking a plugin's `cove-plugin.json`, shared by `validate`, `build` and `test`. */

import { readFile } from "node:fs/promises";
import path from "node:path";
import { MANIFEST_FILE, parseManifest } from "../manifest/parse-manifest.js";
import type { ManifestProblem } from "../manifest/problems.js";
import { formatProblems } from "../manifest/problems.js";
import type { Manifest } from "../manifest/types.js";
import { CliError, messages } from "./cli-error.js";

export interface PluginDirectory {
  /** The plugin's directory, absolute. */
  readonly dir: string;
  /** The manifest's path as the user reads it: relative to the working directory. */
  readonly manifestFile: string;
  readonly manifest: Manifest;
}

export type ManifestCheck =
  | { readonly ok: true; readonly plugin: PluginDirectory }
  | {
      readonly ok: false;
      readonly manifestFile: string;
      readonly problems: readonly ManifestProblem[];
      /** One line per problem: `acme.x: cove-plugin.json:7:13: engines.host: …`. */
      readonly lines: readonly string[];
    };

/** `dir` (default: the working directory) or a path to a manifest file itself. */
export function resolvePluginDir(cwd: string, target: string | undefined): string {
  const resolved = path.resolve(cwd, target ?? ".");
  return path.basename(resolved) === MANIFEST_FILE ? path.dirname(resolved) : resolved;
}

/** Reads and validates the manifest; never throws for a problem with the manifest itself. */
export async function checkManifest(cwd: string, dir: string): Promise<ManifestCheck> {
  const manifestFile = displayPath(cwd, path.join(dir, MANIFEST_FILE));
  let text: string;
  try {
    text = await readFile(path.join(dir, MANIFEST_FILE), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new CliError(messages.noManifest(manifestFile));
    }
    throw error;
  }
  const result = parseManifest(text, manifestFile);
  if (result.ok) return { ok: true, plugin: { dir, manifestFile, manifest: result.manifest } };
  const pluginId = idOf(text) ?? path.basename(dir);
  return {
    ok: false,
    manifestFile,
    problems: result.problems,
    lines: formatProblems(pluginId, result.problems).split("\n"),
  };
}

/** Like `checkManifest`, but an invalid manifest is a `CliError` listing every problem. */
export async function readPluginManifest(cwd: string, dir: string): Promise<PluginDirectory> {
  const check = await checkManifest(cwd, dir);
  if (check.ok) return check.plugin;
  throw new CliError(messages.manifestInvalid(check.manifestFile, check.problems.length), {
    details: check.lines,
  });
}

/** A path relative to the working directory when it is inside it, else absolute. */
export function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return relative === "" ? "." : relative.startsWith("..") ? file : relative;
}

/** The manifest's `id` for messages, also from text that is not valid JSON. */
function idOf(text: string): string | undefined {
  let id: unknown;
  try {
    id = (JSON.parse(text) as { id?: unknown } | null)?.id;
  } catch {
    id = /"id"\s*:\s*"([^"\\\n]{1,214})"/.exec(text)?.[1];
  }
  return typeof id === "string" && id.length > 0 && id.length <= 214 ? id : undefined;
}
