/**
 * Builds the plan of a run: every in-scope test file matching the filters, read and split into
 * its variants, each either to run or skipped with a reason. Sorted, so every run of the same
 * tree and options plans the same list in the same order.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { findSkip, type SkipEntry } from "./expectations.js";
import type { PathFilter } from "./filter.js";
import { parseFrontmatter, type TestMeta } from "./frontmatter.js";
import { inScope, type Profile, selectTest } from "./profile.js";
import { runId, type Variant, variantsFor } from "./variants.js";

export type SkipKind = "excluded" | "deferred" | "skip-list";

export interface PlannedRun {
  id: string;
  path: string;
  variant: Variant;
  meta: TestMeta;
  /** Set when the run is skipped. */
  skip: { kind: SkipKind; reason: string } | undefined;
}

export interface Plan {
  runs: PlannedRun[];
  /** Files whose frontmatter could not be read: each counts as a failure of every variant. */
  broken: { path: string; error: string }[];
}

/** Lists test files (`.js`, not `_FIXTURE`) under the profile's folders, sorted. */
export function listTests(root: string, profile: Profile, filter: PathFilter): string[] {
  const out: string[] = [];
  for (const prefix of profile.include) {
    const abs = path.join(root, prefix);
    if (!existsSync(abs)) continue;
    if (statSync(abs).isFile()) out.push(prefix);
    else walk(root, prefix, out);
  }
  return [...new Set(out)]
    .filter((p) => inScope(profile, p) && filter(p))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function planRuns(
  root: string,
  files: readonly string[],
  profile: Profile,
  skips: readonly SkipEntry[],
  options: { includeDeferred: boolean },
): Plan {
  const runs: PlannedRun[] = [];
  const broken: Plan["broken"] = [];
  for (const file of files) {
    let meta: TestMeta;
    let variants: Variant[];
    try {
      meta = parseFrontmatter(readFileSync(path.join(root, file), "utf8"));
      variants = variantsFor(meta.flags);
    } catch (e) {
      broken.push({ path: file, error: (e as Error).message });
      continue;
    }
    const selection = selectTest(profile, file, meta, options);
    for (const variant of variants) {
      let skip: PlannedRun["skip"];
      if (!selection.run) skip = { kind: selection.kind, reason: selection.reason };
      else {
        const entry = findSkip(skips, file, variant);
        if (entry !== undefined) skip = { kind: "skip-list", reason: entry.reason };
      }
      runs.push({ id: runId(file, variant), path: file, variant, meta, skip });
    }
  }
  return { runs, broken };
}

function walk(root: string, rel: string, out: string[]): void {
  for (const e of readdirSync(path.join(root, rel), { withFileTypes: true })) {
    const child = `${rel}/${e.name}`;
    if (e.isDirectory()) walk(root, child, out);
    else if (e.name.endsWith(".js") && !e.name.includes("_FIXTURE")) out.push(child);
  }
}
