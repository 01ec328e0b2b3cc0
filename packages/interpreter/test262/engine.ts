/**
 * Runs one test in a fresh realm through interpreter internals (one Run per test, shared by the
 * harness files and the test, so the budget covers all of it) and reports what happened as an
 * Observation. Judging the observation against the test's expectations is outcome.ts's job.
 */
import { ResourceExhaustedError, SandboxSyntaxError } from "../src/errors.js";
import { createRealm } from "../src/realm/create-realm.js";
import type { Realm } from "../src/realm/realm.js";
import { Account } from "../src/runtime/account.js";
import { Run, type RunLimits } from "../src/runtime/run.js";
import { ThrowSignal } from "../src/runtime/throw.js";
import { JSObject } from "../src/values/object.js";
import type { Value } from "../src/values/value.js";
import { type EvaluateScript, type HostContext, install262 } from "./host262.js";
import type { Observation } from "./outcome.js";
import type { Job } from "./protocol.js";

export interface Engine {
  evaluate: EvaluateScript;
}

/** The outcome of evaluating one script: done, or a classified failure. */
type Step = { ok: true } | { ok: false; observation: Observation };

export function runJob(
  job: Job,
  engine: Engine,
  limits: RunLimits,
  readHarness: (file: string) => string,
): Observation {
  const realm = createRealm();
  const host: HostContext = { evaluate: engine.evaluate, printed: [] };
  install262(realm, host);
  const run = new Run(realm, new Account({}), limits, { errors: "full", eval: true }, undefined);
  try {
    for (const file of job.harness) {
      const step = evaluate(engine, run, realm, readHarness(file), `harness/${file}`, host);
      if (!step.ok) {
        const o = step.observation;
        if (o.kind !== "threw") return o;
        return { kind: "harness", file, name: o.name, message: o.message };
      }
    }
    if (job.variant === "module") {
      return { kind: "internal", message: "module tests are not wired into the runner yet" };
    }
    const step = evaluate(engine, run, realm, job.source, job.path, host);
    if (!step.ok) return step.observation;
    return { kind: "completed", printed: host.printed };
  } finally {
    run.finish();
  }
}

function evaluate(
  engine: Engine,
  run: Run,
  realm: Realm,
  source: string,
  filename: string,
  host: HostContext,
): Step {
  try {
    engine.evaluate(run, realm, source, filename);
    return { ok: true };
  } catch (e) {
    return { ok: false, observation: observe(run, e, host.printed) };
  }
}

/** Classifies an exception that escaped the interpreter. */
export function observe(run: Run, e: unknown, printed: string[]): Observation {
  if (e instanceof ThrowSignal) {
    const { name, message } = describeGuestValue(run, e.value);
    return { kind: "threw", phase: "runtime", name, message, printed };
  }
  if (e instanceof SandboxSyntaxError) {
    return { kind: "threw", phase: "parse", name: "SyntaxError", message: e.message, printed };
  }
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
    return { name: typeof v === "object" ? "null" : typeof v, message: primitiveText(v) };
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
