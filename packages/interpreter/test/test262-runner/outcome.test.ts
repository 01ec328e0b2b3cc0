import { describe, expect, it } from "vitest";
import type { Negative } from "../../test262/frontmatter.js";
import { ASYNC_COMPLETE, judge, type Observation } from "../../test262/outcome.js";

const plain = { negative: undefined, async: false };
const parseNeg: Negative = { phase: "parse", type: "SyntaxError" };
const runtimeNeg: Negative = { phase: "runtime", type: "ReferenceError" };

function threw(phase: "parse" | "runtime" | "resolution", name: string, message = ""): Observation {
  return { kind: "threw", phase, name, message, printed: [] };
}
const completed: Observation = { kind: "completed", printed: [] };

describe("judging a run", () => {
  it("passes a positive test that completes and fails one that throws", () => {
    expect(judge(plain, completed)).toEqual({ pass: true, reason: "" });
    const v = judge(plain, threw("runtime", "Test262Error", "Expected SameValue(«1», «2»)"));
    expect(v.pass).toBe(false);
    expect(v.reason).toBe("uncaught runtime-phase Test262Error: Expected SameValue(«1», «2»)");
  });

  it("fails a positive test whose source does not parse", () => {
    expect(judge(plain, threw("parse", "SyntaxError", "Unexpected token")).reason).toBe(
      "uncaught parse-phase SyntaxError: Unexpected token",
    );
  });

  it("passes a parse-phase negative test only for a SyntaxError at parse time", () => {
    const expected = { negative: parseNeg, async: false };
    expect(judge(expected, threw("parse", "SyntaxError")).pass).toBe(true);
    // Ran instead of failing to parse: $DONOTEVALUATE throws a string.
    const ran = judge(
      expected,
      threw("runtime", "string", "Test262: This statement should not be evaluated."),
    );
    expect(ran.pass).toBe(false);
    expect(ran.reason).toMatch(/^expected parse-phase SyntaxError, got runtime-phase string/);
    // A SyntaxError thrown while running is not a parse error.
    expect(judge(expected, threw("runtime", "SyntaxError")).pass).toBe(false);
    expect(judge(expected, completed)).toEqual({
      pass: false,
      reason: "expected parse-phase SyntaxError, but it completed normally",
    });
  });

  it("fails a parse-phase negative test that parsed (and was therefore not run)", () => {
    const expected = { negative: parseNeg, async: false };
    expect(judge(expected, { kind: "parsed" })).toEqual({
      pass: false,
      reason: "expected parse-phase SyntaxError, but it parsed",
    });
  });

  it("reports syntax the interpreter does not support as such, never as a SyntaxError", () => {
    const unsupported: Observation = {
      kind: "unsupported",
      message: "class fields is not supported yet",
    };
    expect(judge({ negative: parseNeg, async: false }, unsupported)).toEqual({
      pass: false,
      reason: "unsupported syntax: class fields is not supported yet",
    });
    expect(judge(plain, unsupported).pass).toBe(false);
  });

  it("checks the error type of runtime negative tests", () => {
    const expected = { negative: runtimeNeg, async: false };
    expect(judge(expected, threw("runtime", "ReferenceError")).pass).toBe(true);
    expect(judge(expected, threw("runtime", "TypeError")).pass).toBe(false);
    expect(judge(expected, threw("parse", "ReferenceError")).pass).toBe(false);
  });

  it("never passes a run the runner or the interpreter cut short", () => {
    const expected = { negative: runtimeNeg, async: false };
    const cut: Observation[] = [
      { kind: "timeout", ms: 10000 },
      { kind: "crashed", message: "out of memory" },
      { kind: "exhausted", resource: "fuel", message: "Per-run fuel budget exhausted" },
      { kind: "internal", message: "TypeError: x is undefined" },
      { kind: "harness", file: "assert.js", name: "ReferenceError", message: "x" },
    ];
    for (const o of cut) {
      expect(judge(expected, o).pass).toBe(false);
      expect(judge(plain, o).pass).toBe(false);
    }
    expect(judge(plain, { kind: "timeout", ms: 10000 }).reason).toBe("timed out after 10000 ms");
    expect(judge(plain, cut[4] as Observation).reason).toBe(
      "harness file assert.js failed: ReferenceError: x",
    );
  });

  it("requires an async test to print completion and no failure", () => {
    const expected = { negative: undefined, async: true };
    expect(judge(expected, { kind: "completed", printed: [ASYNC_COMPLETE] }).pass).toBe(true);
    expect(judge(expected, { kind: "completed", printed: [] }).reason).toMatch(/without printing/);
    const failed = judge(expected, {
      kind: "completed",
      printed: ["Test262:AsyncTestFailure:Test262Error: nope", ASYNC_COMPLETE],
    });
    expect(failed).toEqual({ pass: false, reason: "async failure: Test262Error: nope" });
  });

  it("keeps reasons on one line", () => {
    expect(judge(plain, threw("runtime", "Error", "a\n  b")).reason).toBe(
      "uncaught runtime-phase Error: a b",
    );
  });
});
