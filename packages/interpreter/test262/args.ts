/** Command-line options of the test262 runner. */
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";

export interface Options {
  /** Path prefixes or globs; empty runs the whole profile. */
  filters: string[];
  workers: number;
  timeoutMs: number;
  update: boolean;
  json: string | undefined;
  includeDeferred: boolean;
  /** An unpacked test262 checkout to use instead of the cached tarball. */
  test262Dir: string | undefined;
  /** Print every failure with its reason at the end, not only regressions. */
  verbose: boolean;
  help: boolean;
}

export const USAGE = `Usage: npm run test262 -- [options] [path-prefix|glob ...]

Runs the test262 profile (test262/profile.json) and compares the result with
test262/known-failures.txt. Exit 1 on a regression or a stale known failure.

  test/language/expressions     only tests under this prefix ("test/" may be left out)
  'test/built-ins/Array/**/from*.js'  a glob (quote it)
  --workers N        worker threads (default: available cores, at most 8)
  --timeout S        wall-clock seconds per test before its worker is restarted (default 10)
  --update           rewrite known-failures.txt for the selected tests
  --json FILE        write a machine-readable summary
  --include-deferred also run the profile's deferred tests
  --test262 DIR      use an unpacked test262 tree instead of ../shared/test262/*.tar.gz
  --verbose          list every failure with its reason
`;

export class UsageError extends Error {}

export function parseOptions(argv: readonly string[]): Options {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values: v, positionals } = parsed;
  return {
    filters: positionals,
    workers: positiveInt(v.workers, "--workers") ?? Math.min(8, availableParallelism()),
    timeoutMs: (positiveNumber(v.timeout, "--timeout") ?? 10) * 1000,
    update: v.update === true,
    json: v.json,
    includeDeferred: v["include-deferred"] === true,
    test262Dir: v.test262,
    verbose: v.verbose === true,
    help: v.help === true,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      workers: { type: "string" },
      timeout: { type: "string" },
      update: { type: "boolean" },
      json: { type: "string" },
      "include-deferred": { type: "boolean" },
      test262: { type: "string" },
      verbose: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}

function positiveNumber(s: string | undefined, name: string): number | undefined {
  if (s === undefined) return undefined;
  const n = Number(s);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${name} needs a positive number`);
  return n;
}

function positiveInt(s: string | undefined, name: string): number | undefined {
  const n = positiveNumber(s, name);
  if (n !== undefined && !Number.isInteger(n)) throw new UsageError(`${name} needs an integer`);
  return n;
}
