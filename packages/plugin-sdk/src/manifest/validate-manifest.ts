import { problemsFromAjv } from "./ajv-problems.js";
import { checkMeaning } from "./check-meaning.js";
import { checkSettingDefaults } from "./check-settings.js";
import { copyJson } from "./copy-json.js";
import { messages } from "./messages.js";
import { type FoundProblem, formatPath, type ManifestProblem } from "./problems.js";
import type { Manifest } from "./types.js";
import { getManifestValidator } from "./validators.js";

export interface ValidateManifestOptions {
  /**
   * The id the caller knows the plugin by (its registration, its directory). When given, a
   * manifest declaring another `id` is invalid.
   */
  pluginId?: string;
}

export type ManifestValidation =
  | { ok: true; manifest: Manifest }
  | { ok: false; problems: ManifestProblem[] };

type FoundValidation = { ok: true; manifest: Manifest } | { ok: false; problems: FoundProblem[] };

/**
 * Checks a would-be `cove-plugin.json` and returns either a fresh copy typed as `Manifest`
 * or every problem found, each with a path and a message. Never throws, whatever `input` is.
 */
export function validateManifest(
  input: unknown,
  options: ValidateManifestOptions = {},
): ManifestValidation {
  const result = findManifestProblems(input, options);
  return result.ok
    ? result
    : { ok: false, problems: result.problems.map((p) => toManifestProblem(p)) };
}

/** `validateManifest` with paths still as segments, for `parseManifest` to locate in the text. */
export function findManifestProblems(
  input: unknown,
  options: ValidateManifestOptions = {},
): FoundValidation {
  try {
    const copied = copyJson(input);
    if (!copied.ok) return copied;
    const data = copied.value;

    const validate = getManifestValidator();
    const problems = validate(data) ? [] : problemsFromAjv(validate.errors ?? [], data);

    if (typeof data === "object" && data !== null && !Array.isArray(data)) {
      const manifest = data as Record<string, unknown>;
      const contributes = manifest.contributes as Record<string, unknown> | undefined;
      const isSound = (key: string) =>
        !problems.some(
          (p) =>
            p.segments[0] === "contributes" &&
            p.segments[1] === "settings" &&
            p.segments[2] === key,
        );
      problems.push(
        ...checkSettingDefaults(contributes?.settings, isSound),
        ...checkMeaning(manifest, options.pluginId),
      );
    }
    return problems.length === 0
      ? { ok: true, manifest: data as Manifest }
      : { ok: false, problems };
  } catch (error) {
    return { ok: false, problems: [{ segments: [], message: messages.unexpected(error) }] };
  }
}

export function toManifestProblem(found: FoundProblem, file?: string): ManifestProblem {
  const problem: ManifestProblem = { path: formatPath(found.segments), message: found.message };
  if (file !== undefined) problem.file = file;
  if (found.line !== undefined) {
    problem.line = found.line;
    problem.column = found.column ?? 1;
  }
  return problem;
}
