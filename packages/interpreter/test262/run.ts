/**
 * The test262 conformance runner (`npm run test262 -w @cove/interpreter -- [options] [filters]`).
 *
 * Compiled with src/ by tsconfig.test262.json into .test262-cache/build/ (git-ignored) and run
 * with plain node, so worker threads load ordinary JavaScript and no TypeScript loader is needed.
 * Plans the runs of the profile (profile.json, skip.txt), evaluates them in worker threads,
 * prints a summary per folder and compares the failures with known-failures.txt: a failure not
 * listed (regression) or a listed run that passes (stale entry) makes the exit status 1.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Options, parseOptions, USAGE, UsageError } from "./args.js";
import { assertTest262Tree, ensureUnpacked, findTarballs } from "./cache.js";
import { listTests, type Plan, type PlannedRun, planRuns } from "./discover.js";
import {
  compareCodeUnits,
  compareWithKnown,
  formatKnownFailures,
  parseKnownFailures,
  parseSkipList,
} from "./expectations.js";
import { makeFilter } from "./filter.js";
import { judge } from "./outcome.js";
import { PoolError, type PoolResult, runPool } from "./pool.js";
import { parseProfile } from "./profile.js";
import { Progress } from "./progress.js";
import type { Job, WorkerConfig } from "./protocol.js";
import {
  countByFolder,
  formatTable,
  hungriest,
  passRate,
  type RunRecord,
  slowest,
  totals,
} from "./report.js";
import { harnessFilesFor, testSourceFor } from "./variants.js";

/**
 * Interpreter limits per test. Only deterministic budgets: a runaway test ends the same way on
 * every machine. The interpreter's own time limit stays off because a busy machine would make it
 * fire at random; the runner's wall-clock timeout (with one retry) is the backstop for hangs.
 */
const LIMITS: WorkerConfig["limits"] = {
  // The hungriest passing test uses about 1e7; 1e8 stops `for (;;) {}` in well under a second.
  fuel: 100_000_000,
  memoryBytes: 2 ** 31,
  callDepth: 1000,
  timeMs: Number.POSITIVE_INFINITY,
  hostCalls: Number.POSITIVE_INFINITY,
};

/** A timed-out run is retried once with this many times the timeout. */
const RETRY_TIMEOUT_FACTOR = 3;

/** How many regressions and stale entries to list on the console (all go to --json). */
const PRINT_LIMIT = 200;

class SetupError extends Error {}

async function main(argv: readonly string[]): Promise<number> {
  const options = parseOptions(argv);
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const started = Date.now();
  const pkgDir = findPackageDir();
  const here = path.join(pkgDir, "test262");
  const root = resolveTree(pkgDir, options);
  const profile = parseProfile(JSON.parse(readFileSync(path.join(here, "profile.json"), "utf8")));
  const skips = parseSkipList(readFileSync(path.join(here, "skip.txt"), "utf8"));
  const knownPath = path.join(here, "known-failures.txt");
  const known = parseKnownFailures(existsSync(knownPath) ? readFileSync(knownPath, "utf8") : "");

  const selected = makeFilter(options.filters);
  const files = listTests(root, profile, selected);
  if (files.length === 0) {
    throw new SetupError(`no in-scope test matches ${options.filters.join(" ") || "the profile"}`);
  }
  const plan = planRuns(root, files, profile, skips, options);
  if (plan.broken.length > 0) {
    const list = plan.broken.map((b) => `  ${b.path}: ${b.error}`).join("\n");
    throw new SetupError(`cannot read the frontmatter of ${plan.broken.length} test(s):\n${list}`);
  }

  const records = await execute(root, plan, options);
  const byFolder = countByFolder(records);
  const total = totals(records);
  const seconds = (Date.now() - started) / 1000;
  const comparison = compareWithKnown(
    known,
    records.filter((r) => r.status !== "skip").map((r) => ({ ...r, pass: r.status === "pass" })),
    selected,
  );

  const out = (s: string) => process.stdout.write(`${s}\n`);
  out("");
  out(formatTable(byFolder, total));
  out("");
  out(
    `${files.length} files, ${records.length} runs: ${total.pass} passed, ${total.fail} failed, ` +
      `${total.skip} skipped (pass rate ${passRate(total)}) in ${seconds.toFixed(1)} s`,
  );
  const reasons = new Map(records.map((r) => [r.id, r.reason]));
  if (options.verbose) {
    const failures = records.filter((r) => r.status === "fail");
    out(`\nFailures (${failures.length}):`);
    for (const r of failures) out(`  ${r.id}: ${r.reason}`);
    out("\nSlowest runs:");
    for (const r of slowest(records, 10))
      out(`  ${(r.ms / 1000).toFixed(1)} s  ${r.id} (${r.status})`);
  }

  if (options.json !== undefined) {
    const summary = {
      test262: path.basename(root),
      edition: profile.edition,
      filters: options.filters,
      seconds,
      totals: { ...total, passRate: passRate(total) },
      folders: Object.fromEntries(
        [...byFolder].map(([k, c]) => [k, { ...c, passRate: passRate(c) }]),
      ),
      regressions: comparison.regressions.map((id) => ({ id, reason: reasons.get(id) ?? "" })),
      stale: comparison.stale,
      slowest: slowest(records, 50).map((r) => ({ id: r.id, ms: r.ms, status: r.status })),
      mostFuel: hungriest(records, 50).map((r) => ({ id: r.id, fuel: r.fuel, status: r.status })),
      failures: records
        .filter((r) => r.status === "fail")
        .map((r) => ({ id: r.id, reason: r.reason })),
    };
    writeFileSync(options.json, `${JSON.stringify(summary, null, 2)}\n`);
    out(`Summary written to ${options.json}`);
  }

  if (options.update) {
    const before = known.size;
    writeFileSync(knownPath, formatKnownFailures(comparison.updated));
    out(
      `known-failures.txt updated: ${comparison.updated.size} entries ` +
        `(${comparison.regressions.length} added, ${comparison.stale.length} removed, was ${before})`,
    );
    return 0;
  }

  let status = 0;
  if (comparison.regressions.length > 0) {
    status = 1;
    out(`\n${comparison.regressions.length} regression(s): failing, not in known-failures.txt`);
    for (const id of comparison.regressions.slice(0, PRINT_LIMIT)) {
      out(`  ${id}: ${reasons.get(id) ?? ""}`);
    }
    more(out, comparison.regressions.length);
  }
  if (comparison.stale.length > 0) {
    status = 1;
    out(`\n${comparison.stale.length} stale known failure(s): listed but not failing`);
    for (const id of comparison.stale.slice(0, PRINT_LIMIT)) out(`  ${id}`);
    more(out, comparison.stale.length);
  }
  if (status !== 0) {
    const filters = options.filters.map((f) => ` ${JSON.stringify(f)}`).join("");
    out(
      "\nIf these changes are intended, update the list and commit it:\n" +
        `  npm run test262 -- --update${filters}`,
    );
  } else {
    out("Matches known-failures.txt.");
  }
  return status;
}

async function execute(root: string, plan: Plan, options: Options): Promise<RunRecord[]> {
  const records: RunRecord[] = [];
  const toRun: PlannedRun[] = [];
  for (const r of plan.runs) {
    if (r.skip === undefined) toRun.push(r);
    else {
      const reason = `${r.skip.kind}: ${r.skip.reason}`;
      records.push({ id: r.id, path: r.path, variant: r.variant, status: "skip", reason, ms: 0 });
    }
  }
  const stdout = process.stdout;
  const progress = new Progress({
    total: toRun.length,
    tty: stdout.isTTY === true && !process.env.CI,
    every: 1000,
    columns: stdout.columns ?? 120,
    write: (s) => stdout.write(s),
  });
  const makeJob = (seq: number): Job => {
    const r = toRun[seq] as PlannedRun;
    const text = readFileSync(path.join(root, r.path), "utf8");
    return {
      seq,
      path: r.path,
      variant: r.variant,
      source: testSourceFor(text, r.variant, r.meta.flags),
      harness: harnessFilesFor(r.meta),
      negative: r.meta.negative,
      async: r.meta.flags.includes("async"),
    };
  };
  const config: WorkerConfig = { root, limits: LIMITS };
  const workerUrl = new URL("./worker.js", import.meta.url);
  const results = new Map<number, PoolResult>();
  const pass = async (
    seqs: readonly number[],
    timeoutMs: number,
    onDone: (ok: boolean, path: string) => void,
  ) => {
    await runPool(
      seqs.length,
      (i) => makeJob(seqs[i] as number),
      { workers: options.workers, timeoutMs, workerUrl, config },
      (job, result) => {
        results.set(job.seq, result);
        onDone(judge(job, result.observation).pass, job.path);
      },
    );
  };
  await pass([...toRun.keys()], options.timeoutMs, (ok, path) => progress.record(ok, path));
  progress.end();
  // A machine busy with other work can push a slow test past the timeout: give each timed-out
  // run one more chance, with a longer timeout, before calling it a failure.
  const timedOut = [...results].filter(([, r]) => r.observation.kind === "timeout").map(([s]) => s);
  if (timedOut.length > 0) {
    const retryMs = options.timeoutMs * RETRY_TIMEOUT_FACTOR;
    process.stdout.write(
      `Retrying ${timedOut.length} timed-out run(s) with a ${retryMs / 1000} s timeout\n`,
    );
    await pass(
      timedOut.sort((a, b) => a - b),
      retryMs,
      () => {},
    );
  }
  for (const [seq, result] of results) {
    const r = toRun[seq] as PlannedRun;
    const verdict = judge(
      { negative: r.meta.negative, async: r.meta.flags.includes("async") },
      result.observation,
    );
    records.push({
      id: r.id,
      path: r.path,
      variant: r.variant,
      status: verdict.pass ? "pass" : "fail",
      reason: verdict.reason,
      ms: result.ms,
      fuel: result.fuel,
    });
  }
  // Workers finish in any order; the report and the lists must not depend on it.
  return records.sort(
    (a, b) => compareCodeUnits(a.path, b.path) || compareCodeUnits(a.variant, b.variant),
  );
}

function more(out: (s: string) => void, n: number): void {
  if (n > PRINT_LIMIT) out(`  … and ${n - PRINT_LIMIT} more (see --json)`);
}

/** The package folder: the nearest ancestor holding test262/profile.json and package.json. */
function findPackageDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (
      existsSync(path.join(dir, "test262", "profile.json")) &&
      existsSync(path.join(dir, "package.json"))
    ) {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new SetupError("cannot find the package folder (test262/profile.json)");
    dir = parent;
  }
}

function resolveTree(pkgDir: string, options: Options): string {
  if (options.test262Dir !== undefined) {
    const dir = path.resolve(options.test262Dir);
    assertTest262Tree(dir);
    return dir;
  }
  const shared = path.resolve(pkgDir, "../../../shared/test262");
  const tarball = findTarballs(shared).at(-1);
  if (tarball === undefined) {
    throw new SetupError(`no test262-*.tar.gz in ${shared}; pass --test262 <dir> instead`);
  }
  const dir = ensureUnpacked(tarball, path.join(pkgDir, ".test262-cache"), (s) =>
    process.stderr.write(`${s}\n`),
  );
  assertTest262Tree(dir);
  return dir;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof UsageError) process.stderr.write(`${e.message}\n\n${USAGE}`);
    else if (e instanceof SetupError || e instanceof PoolError) {
      process.stderr.write(`test262: ${e.message}\n`);
    } else process.stderr.write(`test262: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 2;
  },
);
