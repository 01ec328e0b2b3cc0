/**
 * A plugin before it is validated: its manifest (parsed or as JSON text) and its files, from a
 * directory or from memory. Nothing here has been trusted yet.
 */

import type { Manifest } from "@cove/plugin-sdk";
import {
  MANIFEST_FILE,
  type ManifestProblem,
  parseManifest,
  validateManifest,
} from "@cove/plugin-sdk";

export interface PluginSource {
  /** The manifest as JSON text (reported with line and column) or as a value. */
  readonly manifest: unknown;
  /** The plugin's files by relative path with "/" (`main.js`, `lib/util.js`). */
  readonly files: Readonly<Record<string, string>>;
  /** Where it came from, for messages: a directory or `memory`. */
  readonly origin?: string;
  /** The directory it was read from, read again by `host.reload`. */
  readonly directory?: string;
}

export type CheckedSource =
  | { readonly ok: true; readonly manifest: Manifest; readonly source: PluginSource }
  | {
      readonly ok: false;
      readonly pluginId: string;
      readonly problems: readonly ManifestProblem[];
      readonly source: PluginSource;
    };

/**
 * Validates the manifest of a source with @cove/plugin-sdk; on failure, every problem and the
 * best name for the plugin (its declared id when it has a string one).
 */
export function checkSource(source: PluginSource): CheckedSource {
  const result =
    typeof source.manifest === "string"
      ? parseManifest(source.manifest, MANIFEST_FILE)
      : validateManifest(source.manifest);
  if (result.ok) {
    const main = normalizePath(result.manifest.main);
    if (source.files[main] === undefined) {
      return {
        ok: false,
        pluginId: result.manifest.id,
        problems: [{ path: "main", message: `the file "${main}" is not in the plugin` }],
        source,
      };
    }
    return { ok: true, manifest: result.manifest, source };
  }
  return { ok: false, pluginId: guessId(source), problems: result.problems, source };
}

export function normalizePath(path: string): string {
  return path.startsWith("./") ? path.slice(2) : path;
}

function guessId(source: PluginSource): string {
  let value: unknown = source.manifest;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      value = undefined;
    }
  }
  const id =
    typeof value === "object" && value !== null ? (value as { id?: unknown }).id : undefined;
  if (typeof id === "string" && id.length > 0 && id.length <= 214) return id;
  return source.origin ?? "<unknown plugin>";
}
