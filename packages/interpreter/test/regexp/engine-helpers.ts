/**
 * Helpers for the regex engine's unit tests: a stand-in for the run the matcher charges, our
 * engine's result for a pattern, and the host's (Node's RegExp, used only here as the oracle) in
 * the same shape.
 */
import { compileMatcher } from "../../src/regexp/index.js";
import type { Run } from "../../src/runtime/run.js";

/** Counts what the matcher charges; never runs out. */
export class MeterStub {
  fuel = 0;
  bytes = 0;
  charge(n: number): void {
    this.fuel += n;
  }
  alloc(n: number): void {
    this.bytes += n;
  }
}

export function stubRun(meter = new MeterStub()): Run {
  return meter as unknown as Run;
}

/** A match as `[start, end, start1, end1, ...]` (-1 for unmatched groups), null, or an error. */
export type Outcome = number[] | null | "SyntaxError";

export function ours(pattern: string, flags: string, input: string, lastIndex = 0): Outcome {
  const m = compileMatcher(pattern, flags);
  if (typeof m === "string") return "SyntaxError";
  const r = m.exec(input, lastIndex, stubRun());
  return r === null ? null : Array.from(r.subarray(0, 2 * (m.groupCount + 1)));
}

/** The host's RegExpBuiltinExec result for the same call, in the engine's shape. */
export function host(pattern: string, flags: string, input: string, lastIndex = 0): Outcome {
  let re: RegExp;
  try {
    re = new RegExp(pattern, `${flags.replace(/[gyd]/g, "")}d${flags.includes("y") ? "y" : "g"}`);
  } catch {
    return "SyntaxError";
  }
  re.lastIndex = lastIndex;
  const m = re.exec(input) as
    | (RegExpExecArray & { indices: ([number, number] | undefined)[] })
    | null;
  if (m === null) return null;
  const out: number[] = [];
  for (const pair of m.indices)
    out.push(pair === undefined ? -1 : pair[0], pair === undefined ? -1 : pair[1]);
  return out;
}
