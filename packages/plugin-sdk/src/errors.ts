/**
 * The SDK's host-side errors. Each has a stable `code` and a page under `docs/errors/`; messages
 * are built here, not at throw sites.
 */

import { formatProblems, type ManifestProblem } from "./manifest/problems.js";

/**
 * A plugin's manifest is not valid: `problems` lists every problem, each with a path and a
 * message. Thrown by tools (the host, the CLI) that cannot continue without a manifest;
 * `validateManifest` itself returns problems and never throws.
 */
export class ManifestInvalidError extends Error {
  readonly code = "COVE_MANIFEST_INVALID";
  readonly pluginId: string;
  readonly problems: readonly ManifestProblem[];

  constructor(pluginId: string, problems: readonly ManifestProblem[], options?: ErrorOptions) {
    super(manifestInvalidMessage(pluginId, problems), options);
    this.name = "ManifestInvalidError";
    this.pluginId = pluginId;
    this.problems = problems;
  }
}

function manifestInvalidMessage(pluginId: string, problems: readonly ManifestProblem[]): string {
  const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
  return (
    `The manifest of plugin "${pluginId}" is invalid (${count}); fix it and load the plugin again:\n` +
    `${formatProblems(pluginId, problems)}\n` +
    "See docs/errors/COVE_MANIFEST_INVALID.md and docs/manifest.md."
  );
}
