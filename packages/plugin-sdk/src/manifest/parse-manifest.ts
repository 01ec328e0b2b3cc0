import { LIMITS } from "./copy-json.js";
import { messages } from "./messages.js";
import { parseJson } from "./parse-json.js";
import {
  findManifestProblems,
  type ManifestValidation,
  toManifestProblem,
  type ValidateManifestOptions,
} from "./validate-manifest.js";

export const MANIFEST_FILE = "cove-plugin.json";

/**
 * Parses the text of a `cove-plugin.json` and validates it. Every problem carries `file`,
 * `line` and `column`: a syntax error where the JSON breaks, a validation problem where the
 * value at fault (or, for a missing field, its enclosing object) starts. Never throws.
 *
 * @param file the name to report, `cove-plugin.json` unless given.
 */
export function parseManifest(
  jsonText: string,
  file: string = MANIFEST_FILE,
  options: ValidateManifestOptions = {},
): ManifestValidation {
  if (typeof jsonText !== "string") {
    return { ok: false, problems: [{ path: "", message: messages.notText(jsonText), file }] };
  }
  if (jsonText.length > LIMITS.text) {
    const problem = { path: "", message: messages.tooMuchText(LIMITS.text), file };
    return { ok: false, problems: [problem] };
  }
  const parsed = parseJson(jsonText);
  if (!parsed.ok) return { ok: false, problems: [toManifestProblem(parsed.problem, file)] };

  const result = findManifestProblems(parsed.value, options);
  const found = [...parsed.duplicates, ...(result.ok ? [] : result.problems)];
  if (found.length === 0 && result.ok) return result;
  return {
    ok: false,
    problems: found.map((problem) =>
      toManifestProblem({ ...parsed.locate(problem.segments), ...problem }, file),
    ),
  };
}
