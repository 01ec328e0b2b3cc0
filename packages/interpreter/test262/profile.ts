/**
 * The conformance profile (profile.json): which test folders are in scope and which tests are
 * not run, each with a reason — excluded for good (features after the target edition, host
 * capabilities a sandbox does not offer) or deferred (supported later; CI does not run them yet).
 */

import { underPrefix } from "./filter.js";
import type { TestMeta } from "./frontmatter.js";

/** Reasons keyed by feature name, flag or path prefix. */
export type ReasonMap = Record<string, string>;

export interface ExclusionGroup {
  features: ReasonMap;
  flags: ReasonMap;
  paths: ReasonMap;
}

export interface Profile {
  edition: string;
  /** Path prefixes (under the test262 root) whose tests are in scope. */
  include: string[];
  /** Never run: out of the target edition or of what the sandbox provides. */
  excluded: ExclusionGroup;
  /** Not run yet; deleting an entry enables its tests. */
  deferred: ExclusionGroup;
}

export type Selection =
  | { run: true }
  | { run: false; kind: "excluded" | "deferred"; reason: string };

export class ProfileError extends Error {}

/** Validates parsed profile.json; `$comment` keys anywhere are ignored. */
export function parseProfile(json: unknown): Profile {
  const o = record(json, "profile");
  const include = o.include;
  if (!Array.isArray(include) || !include.every((p) => typeof p === "string")) {
    throw new ProfileError('profile: "include" must be a list of path prefixes');
  }
  return {
    edition: typeof o.edition === "string" ? o.edition : "",
    include,
    excluded: group(o.excluded, "excluded"),
    deferred: group(o.deferred, "deferred"),
  };
}

export function inScope(profile: Profile, path: string): boolean {
  return profile.include.some((p) => underPrefix(path, p));
}

/**
 * Whether an in-scope test runs. Excluded wins over deferred; within a group paths are checked
 * first, then flags, then features in the order the test lists them.
 */
export function selectTest(
  profile: Profile,
  path: string,
  meta: Pick<TestMeta, "flags" | "features">,
  options: { includeDeferred?: boolean } = {},
): Selection {
  const excluded = matchGroup(profile.excluded, path, meta);
  if (excluded !== undefined) return { run: false, kind: "excluded", reason: excluded };
  if (!options.includeDeferred) {
    const deferred = matchGroup(profile.deferred, path, meta);
    if (deferred !== undefined) return { run: false, kind: "deferred", reason: deferred };
  }
  return { run: true };
}

function matchGroup(
  g: ExclusionGroup,
  path: string,
  meta: Pick<TestMeta, "flags" | "features">,
): string | undefined {
  for (const [prefix, reason] of Object.entries(g.paths)) {
    if (underPrefix(path, prefix)) return `path ${prefix}: ${reason}`;
  }
  for (const flag of meta.flags) {
    const reason = own(g.flags, flag);
    if (reason !== undefined) return `flag ${flag}: ${reason}`;
  }
  for (const feature of meta.features) {
    const reason = own(g.features, feature);
    if (reason !== undefined) return `feature ${feature}: ${reason}`;
  }
  return undefined;
}

function own(map: ReasonMap, key: string): string | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}

function group(v: unknown, name: string): ExclusionGroup {
  const o = v === undefined ? {} : record(v, name);
  return {
    features: reasons(o.features, `${name}.features`),
    flags: reasons(o.flags, `${name}.flags`),
    paths: reasons(o.paths, `${name}.paths`),
  };
}

function reasons(v: unknown, name: string): ReasonMap {
  const out: ReasonMap = {};
  if (v === undefined) return out;
  for (const [k, reason] of Object.entries(record(v, name))) {
    if (k === "$comment") continue;
    if (typeof reason !== "string" || reason.trim() === "") {
      throw new ProfileError(`profile: ${name}["${k}"] needs a reason (a non-empty string)`);
    }
    out[k] = reason;
  }
  return out;
}

function record(v: unknown, name: string): Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) {
    throw new ProfileError(`profile: ${name} must be an object`);
  }
  return v as Record<string, unknown>;
}
