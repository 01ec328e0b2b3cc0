/**
 * The checked-in lists CI compares a run with: known-failures.txt (one `path variant` per line,
 * sorted) and skip.txt (tests never run, each with a `# reason`). A test failing that is not in
 * known-failures is a regression; a listed test that no longer fails is a stale entry. Both fail
 * the run; `--update` rewrites the list.
 */
import { makeFilter, type PathFilter } from "./filter.js";
import { VARIANTS, type Variant } from "./variants.js";

export class ListError extends Error {}

/** Parses known-failures.txt into run ids (`path variant`). Blank lines and `#` comments are ignored. */
export function parseKnownFailures(text: string): Set<string> {
  const out = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, "").trim();
    if (line === "") return;
    const parts = line.split(/\s+/);
    const [path, variant] = parts;
    if (parts.length !== 2 || !isVariant(variant)) {
      throw new ListError(
        `known-failures.txt:${i + 1}: expected "<path> <${VARIANTS.join("|")}>", got "${line}"`,
      );
    }
    out.add(`${path} ${variant}`);
  });
  return out;
}

const KNOWN_FAILURES_HEADER =
  "# test262 runs that fail today: `<path> <variant>`, sorted. CI fails on a failure not listed\n" +
  "# here and on a listed run that passes. Regenerate: npm run test262 -- --update [filters]\n";

export function formatKnownFailures(ids: Iterable<string>): string {
  const sorted = [...new Set(ids)].sort(compareCodeUnits);
  return KNOWN_FAILURES_HEADER + sorted.map((id) => `${id}\n`).join("");
}

export interface SkipEntry {
  /** A path, path prefix or glob, as in command-line filters. */
  pattern: string;
  /** Only this variant, or every variant when undefined. */
  variant: Variant | undefined;
  reason: string;
  matches: PathFilter;
}

/** Parses skip.txt: `<path|prefix|glob> [variant]  # reason`; the reason is required. */
export function parseSkipList(text: string): SkipEntry[] {
  const out: SkipEntry[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const trimmed = raw.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    const hash = trimmed.indexOf("#");
    const reason = hash < 0 ? "" : trimmed.slice(hash + 1).trim();
    const parts = (hash < 0 ? trimmed : trimmed.slice(0, hash)).trim().split(/\s+/);
    const [pattern, variant] = parts;
    if (reason === "") throw new ListError(`skip.txt:${i + 1}: add "# <reason>" to "${trimmed}"`);
    if (
      pattern === undefined ||
      parts.length > 2 ||
      (variant !== undefined && !isVariant(variant))
    ) {
      throw new ListError(`skip.txt:${i + 1}: expected "<path> [variant]  # reason"`);
    }
    out.push({ pattern, variant, reason, matches: makeFilter([pattern]) });
  });
  return out;
}

export function findSkip(
  skips: readonly SkipEntry[],
  path: string,
  variant: Variant,
): SkipEntry | undefined {
  return skips.find((s) => (s.variant === undefined || s.variant === variant) && s.matches(path));
}

export interface RunResult {
  id: string;
  path: string;
  pass: boolean;
}

export interface Comparison {
  /** Failed and not listed. */
  regressions: string[];
  /** Listed, within this run's selection, and did not fail (passed, skipped or gone). */
  stale: string[];
  /** The list as `--update` would write it. */
  updated: Set<string>;
}

/**
 * Compares results with the known-failures list. Only entries inside the run's selection
 * (`selected`, the command-line filter) are judged, so a filtered run neither reports nor drops
 * entries for tests it did not look at.
 */
export function compareWithKnown(
  known: ReadonlySet<string>,
  results: readonly RunResult[],
  selected: PathFilter,
): Comparison {
  const failed = new Set(results.filter((r) => !r.pass).map((r) => r.id));
  const regressions = [...failed].filter((id) => !known.has(id)).sort(compareCodeUnits);
  const stale: string[] = [];
  const updated = new Set<string>(failed);
  for (const id of known) {
    if (!selected(pathOf(id))) updated.add(id);
    else if (!failed.has(id)) stale.push(id);
  }
  stale.sort(compareCodeUnits);
  return { regressions, stale, updated };
}

/** The path part of a run id. */
export function pathOf(id: string): string {
  const i = id.lastIndexOf(" ");
  return i < 0 ? id : id.slice(0, i);
}

/** Locale-independent ordering, so the checked-in lists never churn between machines. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isVariant(v: string | undefined): v is Variant {
  return v !== undefined && (VARIANTS as readonly string[]).includes(v);
}
