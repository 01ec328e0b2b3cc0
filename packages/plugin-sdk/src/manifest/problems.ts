/** Problems found in a manifest, their paths, and how they print. */

/** One thing wrong with a manifest. */
export interface ManifestProblem {
  /** Where, as a JavaScript accessor: `engines.host`, `capabilities[2].scope`; `""` for the whole. */
  path: string;
  /** What is wrong and what to write instead: `must be a semver range other than "*"`. */
  message: string;
  /** The manifest file, when the problem was found in JSON text (`parseManifest`). */
  file?: string;
  /** 1-based line and column in `file`. */
  line?: number;
  column?: number;
}

export type PathSegment = string | number;

/** A problem while its path is still a list of segments, so it can be located in JSON text. */
export interface FoundProblem {
  segments: readonly PathSegment[];
  message: string;
  line?: number;
  column?: number;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `["capabilities", 2, "scope"]` → `capabilities[2].scope`; odd keys are quoted: `a["x-y"]`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let path = "";
  for (const segment of segments) {
    if (typeof segment === "number") path += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) path += path === "" ? segment : `.${segment}`;
    else path += `[${JSON.stringify(segment)}]`;
  }
  return path;
}

/**
 * One line per problem, each prefixed with the plugin id (and the file position when known):
 * `acme.word-count: cove-plugin.json:7:13: engines.host: must be a semver range other than "*"`.
 */
export function formatProblems(pluginId: string, problems: readonly ManifestProblem[]): string {
  return problems
    .map((problem) => {
      const where =
        problem.file === undefined
          ? ""
          : problem.line === undefined
            ? `${problem.file}: `
            : `${problem.file}:${problem.line}:${problem.column ?? 1}: `;
      const path = problem.path === "" ? "" : `${problem.path}: `;
      return `${pluginId}: ${where}${path}${problem.message}`;
    })
    .join("\n");
}
