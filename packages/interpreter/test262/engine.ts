/**
 * Runs one test in a fresh realm through interpreter internals (one Run per test, shared by the
 * harness files and the test, so the budget covers all of it) and reports what happened as an
 * Observation. Judging the observation against the test's expectations is outcome.ts's job.
 *
 * The test's own script is compiled before it runs, so a parse error is told apart from an
 * error thrown while running, and a parse-phase negative test that parses is never run.
 */

import path from "node:path";
import { enableDynamicCode } from "../src/compile/eval.js";
import { CompileError, compileScript, runScript } from "../src/compile/evaluate.js";
import { ModuleLoader } from "../src/compile/module.js";
import { UnsupportedSyntax } from "../src/compile/unsupported.js";
import { ResourceExhaustedError } from "../src/errors.js";
import { createRealm } from "../src/realm/create-realm.js";
import type { Realm } from "../src/realm/realm.js";
import { Account } from "../src/runtime/account.js";
import { drainJobs, enqueueJob } from "../src/runtime/jobs.js";
import { Run, type RunLimits } from "../src/runtime/run.js";
import { makeError, ThrowSignal } from "../src/runtime/throw.js";
import { JSObject } from "../src/values/object.js";
import type { Value } from "../src/values/value.js";
import { install262 } from "./host262.js";
import type { Observation } from "./outcome.js";
import type { Job } from "./protocol.js";

/**
 * ScriptEvaluation of `text` in `realm`, within `run`'s budget. A realm other than the run's
 * (one made by `$262.createRealm`) gets a nested run of its own, since a run executes in one realm.
 */
export function evaluateIn(run: Run, realm: Realm, text: string, filename: string): Value {
  const script = compileScript(realm, text, filename);
  if (realm === run.realm) return runScript(run, script, null);
  const nested = new Run(realm, run.account, run.limits, run.policy, run.signal);
  try {
    return runScript(nested, script, null);
  } finally {
    nested.finish();
  }
}

/**
 * CompileError covers both parse errors and syntax the interpreter does not support yet; only
 * the message tells them apart (see compile/unsupported.ts).
 */
export function isUnsupported(e: CompileError): boolean {
  return / is not supported yet$/.test(e.message);
}

/** A realm as a test sees it: all intrinsics, with `eval` and `Function` enabled. */
export function newRealm(): Realm {
  const realm = createRealm();
  enableDynamicCode(realm);
  return realm;
}

export async function runJob(
  job: Job,
  limits: RunLimits,
  readHarness: (file: string) => string,
  readFile: (relative: string) => string = () => {
    throw new Error("no test files");
  },
): Promise<{ observation: Observation; fuel: number }> {
  let fuel = 0;
  const observation = await evaluateJob(job, limits, readHarness, readFile, (n) => {
    fuel = n;
  });
  return { observation, fuel };
}

/** Resolves imports to files of the test262 tree, relative to the importing file. */
function fileResolver(readFile: (relative: string) => string) {
  return {
    resolve: (spec: string, referrer: string) => {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(referrer), spec));
      try {
        return { path: target, source: readFile(target) };
      } catch {
        return undefined;
      }
    },
  };
}

/** `import()` in a test realm: the module graph is evaluated asynchronously, then a job settles the promise. */
function installDynamicImport(
  realm: Realm,
  loader: ModuleLoader,
  resolver: ReturnType<typeof fileResolver>,
  drain: () => void,
): void {
  realm.hooks.importModule = (run, specifier, referrer, done) => {
    loader.evaluateAsync(run, undefined, specifier, resolver, drain, referrer).then(
      (ns) => enqueueJob(run, (r) => done(true, ns, r)),
      (e: unknown) =>
        enqueueJob(run, (r) => {
          if (e instanceof ThrowSignal) return done(false, e.value, r);
          const name = e instanceof CompileError ? "SyntaxError" : "Error";
          done(false, makeError(r, name, e instanceof Error ? e.message : String(e)), r);
        }),
    );
  };
}

/** Drains the job queue, letting host microtasks (module evaluation) run in between, until `done()`. */
async function settleAsync(drain: () => void, done: () => boolean): Promise<void> {
  drain();
  for (let i = 0; i < 200 && !done(); i++) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    drain();
  }
}

async function evaluateJob(
  job: Job,
  limits: RunLimits,
  readHarness: (file: string) => string,
  readFile: (relative: string) => string,
  reportFuel: (fuel: number) => void,
): Promise<Observation> {
  const realm = newRealm();
  const printed: string[] = [];
  install262(realm, { newRealm, evaluate: evaluateIn, printed, isUnsupported });
  const run = new Run(
    realm,
    new Account({}),
    limits,
    { errors: "full", eval: true, features: [], validators: [] },
    undefined,
  );
  try {
    for (const file of job.harness) {
      try {
        evaluateIn(run, realm, readHarness(file), `harness/${file}`);
      } catch (e) {
        const o = observe(run, e, printed);
        if (o.kind === "threw") return { kind: "harness", file, name: o.name, message: o.message };
        if (o.kind === "internal" || o.kind === "unsupported") {
          return { ...o, message: `${o.message} (in harness/${file})` };
        }
        return o;
      }
    }
    const drain = () => drainJobs(realm, () => run);
    installDynamicImport(
      realm,
      new ModuleLoader(realm, () => undefined),
      fileResolver(readFile),
      drain,
    );
    let script: ReturnType<typeof compileScript>;
    try {
      script = compileScript(realm, job.source, job.path);
    } catch (e) {
      return observe(run, e, printed);
    }
    if (job.negative?.phase === "parse") return { kind: "parsed" };
    try {
      runScript(run, script, null);
      // Promise jobs run once the script is done; async tests report through print ($DONE).
      if (job.async)
        await settleAsync(drain, () => printed.some((l) => l.startsWith("Test262:AsyncTest")));
      else drain();
    } catch (e) {
      return observe(run, e, printed);
    }
    return { kind: "completed", printed };
  } finally {
    run.finish();
    reportFuel(run.fuelUsed);
  }
}

/** Classifies an exception that escaped the interpreter. */
export function observe(run: Run, e: unknown, printed: string[]): Observation {
  if (e instanceof ThrowSignal) {
    const { name, message } = describeGuestValue(run, e.value);
    return { kind: "threw", phase: "runtime", name, message, printed };
  }
  if (e instanceof CompileError) {
    if (isUnsupported(e)) return { kind: "unsupported", message: e.message };
    return { kind: "threw", phase: "parse", name: "SyntaxError", message: e.message, printed };
  }
  // Function bodies are compiled on first call, so unsupported syntax can surface while running.
  if (e instanceof UnsupportedSyntax) return { kind: "unsupported", message: e.message };
  if (e instanceof ResourceExhaustedError) {
    return { kind: "exhausted", resource: e.resource, message: e.message };
  }
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return { kind: "internal", message: `host stack overflow (${e.message})` };
  }
  if (e instanceof Error) {
    const where = e.stack?.split("\n").find((l) => l.includes(" at ")) ?? "";
    return {
      kind: "internal",
      message: `${e.name}: ${e.message}${where ? ` ${where.trim()}` : ""}`,
    };
  }
  return { kind: "internal", message: `non-Error host exception: ${String(e)}` };
}

/**
 * The name of a thrown guest value's constructor (`e.constructor.name`, as test262's negative
 * metadata means it) and its message. Reading them may run guest getters; a failure to read
 * gives "<unknown>". A thrown primitive is named by its type.
 */
export function describeGuestValue(run: Run, v: Value): { name: string; message: string } {
  if (!(v instanceof JSObject)) {
    return { name: v === null ? "null" : typeof v, message: primitiveText(v) };
  }
  let name = "<unknown>";
  let message = "";
  try {
    const ctor = v.get(run, "constructor", v);
    if (ctor instanceof JSObject) {
      const n = ctor.get(run, "name", ctor);
      if (typeof n === "string") name = n;
    }
    const m = v.get(run, "message", v);
    if (typeof m === "string") message = m;
  } catch {
    // Keep what was read: a throwing getter must not hide the original failure.
  }
  return { name, message };
}

function primitiveText(v: Value): string {
  return typeof v === "symbol" ? v.toString() : String(v);
}

/**
 * A module test (flags: [module]): harness files run as scripts, then the test is evaluated as the
 * root of a module graph whose imports resolve to files next to it. Asynchronous, because top-level
 * await settles through promise jobs and host microtasks; the queue is drained until the graph
 * settles. Syntax errors in the test itself are parse-phase; linking errors and syntax errors in
 * the modules it imports are resolution-phase.
 */
export async function runModuleJob(
  job: Job,
  limits: RunLimits,
  readHarness: (file: string) => string,
  readFile: (relative: string) => string,
): Promise<{ observation: Observation; fuel: number }> {
  const realm = newRealm();
  const printed: string[] = [];
  install262(realm, { newRealm, evaluate: evaluateIn, printed, isUnsupported });
  const run = new Run(
    realm,
    new Account({}),
    limits,
    { errors: "full", eval: true, features: [], validators: [] },
    undefined,
  );
  const drain = () => drainJobs(realm, () => run);
  try {
    for (const file of job.harness) {
      try {
        evaluateIn(run, realm, readHarness(file), `harness/${file}`);
      } catch (e) {
        const o = observe(run, e, printed);
        if (o.kind === "threw")
          return {
            observation: { kind: "harness", file, name: o.name, message: o.message },
            fuel: run.fuelUsed,
          };
        return { observation: o, fuel: run.fuelUsed };
      }
    }
    const loader = new ModuleLoader(realm, () => undefined);
    const resolver = fileResolver(readFile);
    installDynamicImport(realm, loader, resolver, drain);
    let settled = false;
    let failure: unknown;
    let parsed = false;
    const evaluation = loader.evaluateAsync(run, job.source, job.path, resolver, drain).then(
      () => {
        settled = true;
      },
      (e: unknown) => {
        settled = true;
        failure = e;
      },
    );
    void evaluation;
    await settleAsync(drain, () => settled);
    if (failure !== undefined) {
      const o = observe(run, failure, printed);
      if (o.kind === "threw") {
        const inTest = failure instanceof CompileError && failure.source.name === job.path;
        if (failure instanceof CompileError && !inTest) o.phase = "resolution";
        else if (
          failure instanceof ThrowSignal &&
          o.name === "SyntaxError" &&
          /export named|Cannot find module|ambiguous/.test(o.message)
        ) {
          o.phase = "resolution";
        }
        if (job.negative?.phase === "parse" && o.phase !== "parse") parsed = true;
      }
      if (!parsed) return { observation: o, fuel: run.fuelUsed };
    }
    if (job.negative?.phase === "parse")
      return { observation: { kind: "parsed" }, fuel: run.fuelUsed };
    if (job.async)
      await settleAsync(drain, () => printed.some((l) => l.startsWith("Test262:AsyncTest")));
    else drain();
    return { observation: { kind: "completed", printed }, fuel: run.fuelUsed };
  } catch (e) {
    return { observation: observe(run, e, printed), fuel: run.fuelUsed };
  } finally {
    run.finish();
  }
}
