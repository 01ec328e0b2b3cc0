/**
 * Judging one run: what the interpreter did (an Observation, reported by the worker or by the
 * pool when the worker had to be stopped) against what the test expects (its `negative`
 * metadata and its `async` flag).
 */
import type { Negative, Phase } from "./frontmatter.js";

export type Observation =
  /** Every script ran to completion (for async tests: and the job queue drained). */
  | { kind: "completed"; printed: string[] }
  /** A parse-phase negative test parsed: it was not run. */
  | { kind: "parsed" }
  /** A guest exception escaped, or the source failed to parse (phase "parse"). */
  | { kind: "threw"; phase: Phase; name: string; message: string; printed: string[] }
  /** A harness file failed: the interpreter cannot run the harness this test needs. */
  | { kind: "harness"; file: string; name: string; message: string }
  /** The interpreter does not support syntax the test (or its harness) uses. */
  | { kind: "unsupported"; message: string }
  /** A budget ran out (ResourceExhaustedError). */
  | { kind: "exhausted"; resource: string; message: string }
  /** The interpreter itself threw a host error (a bug or a missing feature in the engine). */
  | { kind: "internal"; message: string }
  /** The runner stopped the worker: the test ran longer than the wall-clock timeout. */
  | { kind: "timeout"; ms: number }
  /** The worker died (out of memory, native crash). */
  | { kind: "crashed"; message: string };

export interface Verdict {
  pass: boolean;
  /** Why the run failed; empty when it passed. */
  reason: string;
}

export const ASYNC_COMPLETE = "Test262:AsyncTestComplete";
export const ASYNC_FAILURE = "Test262:AsyncTestFailure:";

const PASS: Verdict = { pass: true, reason: "" };

export function judge(
  expected: { negative: Negative | undefined; async: boolean },
  o: Observation,
): Verdict {
  switch (o.kind) {
    case "harness":
      return fail(`harness file ${o.file} failed: ${errorText(o.name, o.message)}`);
    case "unsupported":
      return fail(`unsupported syntax: ${o.message}`);
    case "exhausted":
      return fail(`resource exhausted: ${o.message}`);
    case "internal":
      return fail(`interpreter error: ${o.message}`);
    case "timeout":
      return fail(`timed out after ${o.ms} ms`);
    case "crashed":
      return fail(`worker crashed: ${o.message}`);
    default:
      break;
  }
  const neg = expected.negative;
  if (neg !== undefined) {
    if (o.kind === "parsed") return fail(`expected parse-phase ${neg.type}, but it parsed`);
    if (o.kind === "completed") {
      return fail(`expected ${neg.phase}-phase ${neg.type}, but it completed normally`);
    }
    if (o.phase !== neg.phase || o.name !== neg.type) {
      return fail(`expected ${neg.phase}-phase ${neg.type}, got ${describeThrow(o)}`);
    }
    return PASS;
  }
  if (o.kind === "parsed") return fail("internal: a test without negative metadata was not run");
  if (o.kind === "threw") return fail(`uncaught ${describeThrow(o)}`);
  if (expected.async) return judgeAsync(o.printed);
  return PASS;
}

/** An async test passes when print reported completion, and never reported a failure. */
function judgeAsync(printed: readonly string[]): Verdict {
  const failure = printed.find((s) => s.startsWith(ASYNC_FAILURE));
  if (failure !== undefined) {
    return fail(`async failure: ${failure.slice(ASYNC_FAILURE.length).trim()}`);
  }
  if (!printed.includes(ASYNC_COMPLETE)) {
    return fail("async test finished without printing Test262:AsyncTestComplete");
  }
  return PASS;
}

function describeThrow(o: { phase: Phase; name: string; message: string }): string {
  return `${o.phase}-phase ${errorText(o.name, o.message)}`;
}

function errorText(name: string, message: string): string {
  const m = message.length > 300 ? `${message.slice(0, 300)}…` : message;
  return m === "" ? name : `${name}: ${m}`;
}

function fail(reason: string): Verdict {
  return { pass: false, reason: reason.replace(/\s*\n\s*/g, " ") };
}
