/**
 * The engine's metering (issue 7, DESIGN §2.5): catastrophic backtracking is guest work like any
 * other, so a run's deadline, fuel budget and memory budget stop it promptly, inside `runSync`,
 * without help from the host's timers. Also: matching work is charged in proportion to the
 * steps taken, and a long input never reaches the host stack.
 */
import { describe, expect, it } from "vitest";
import { createSandbox, ResourceExhaustedError } from "../../src/index.js";
import { compileMatcher, type RegExpMatcher } from "../../src/regexp/index.js";
import { MeterStub, stubRun } from "./engine-helpers.js";

/** Patterns that backtrack exponentially on an adversarial input of about 40 characters. */
const CATASTROPHIC: [string, string][] = [
  ["/(a+)+$/", `"a".repeat(40) + "!"`],
  ["/(a|aa)+$/", `"a".repeat(40) + "!"`],
  ["/(x+x+)+y/", `"x".repeat(40)`],
  ["/^(\\w+\\s?)*$/", `"An input that ends with a symbol so nothing matches!"`],
  ["/(.*a){20}b/", `"a".repeat(40)`],
  ["/^(a?){40}a{40}$/", `"a".repeat(40)`],
];

function stopOf(code: string, options: Parameters<typeof createSandbox>[0]): [unknown, number] {
  const sb = createSandbox(options);
  sb.runSync("/warm-up/.test('x')");
  const t0 = performance.now();
  try {
    sb.runSync(code);
  } catch (e) {
    return [e, performance.now() - t0];
  }
  return [undefined, performance.now() - t0];
}

describe("catastrophic backtracking stops", () => {
  it.each(CATASTROPHIC)(
    "%s on %s with timeoutMs: 50 stops with time within 100 ms",
    (re, input) => {
      const [error, ms] = stopOf(`${re}.test(${input})`, { timeoutMs: 50 });
      expect(error).toBeInstanceOf(ResourceExhaustedError);
      expect((error as ResourceExhaustedError).resource).toBe("time");
      expect(ms).toBeLessThan(100);
    },
  );

  it.each(CATASTROPHIC)("%s on %s with a fuel limit stops with fuel", (re, input) => {
    const [error, ms] = stopOf(`${re}.test(${input})`, { limits: { perRun: { fuel: 200_000 } } });
    expect(error).toBeInstanceOf(ResourceExhaustedError);
    expect((error as ResourceExhaustedError).resource).toBe("fuel");
    expect(ms).toBeLessThan(1000);
  });

  it("a guest try/catch/finally cannot intercept the stop", () => {
    const [error] = stopOf(
      `var out = []; try { /(a+)+$/.test("a".repeat(40) + "!"); } catch (e) { out.push(e); } finally { out.push(1); } out`,
      { timeoutMs: 50 },
    );
    expect(error).toBeInstanceOf(ResourceExhaustedError);
  });

  it("the backtrack stack is charged as memory", () => {
    // Every iteration of (?:a|b)* leaves a choice point; a million of them need megabytes.
    const [error] = stopOf(`/(?:a|b)*c/.test("ab".repeat(500000))`, {
      limits: { perRun: { memoryBytes: 4_000_000 } },
    });
    expect(error).toBeInstanceOf(ResourceExhaustedError);
    expect((error as ResourceExhaustedError).resource).toBe("memory");
  });

  it("the same match succeeds with room for its stack, without touching the host stack", () => {
    const sb = createSandbox({ limits: { perRun: { memoryBytes: 256_000_000 } } });
    expect(sb.runSync(`/^(?:(a)|b)*$/.exec("ba".repeat(500000))[1]`)).toBe("a");
    expect(sb.runSync(`/^(?:a|b)*?$/.test("ab".repeat(200000))`)).toBe(true);
  });
});

describe("fuel is proportional to the work", () => {
  function fuelOf(m: RegExpMatcher, input: string): number {
    const meter = new MeterStub();
    m.exec(input, 0, stubRun(meter));
    return meter.fuel;
  }

  it("a linear scan costs about one unit per 16 characters", () => {
    const m = compileMatcher("[0-9]+x", "") as RegExpMatcher;
    const small = fuelOf(m, `${"1".repeat(1000)}x`);
    const large = fuelOf(m, `${"1".repeat(100_000)}x`);
    expect(large).toBeGreaterThan(90 * small);
    expect(large).toBeGreaterThan(100_000 / 16);
  });

  it("a quadratic search is charged quadratically", () => {
    const m = compileMatcher("[0-9]+x", "") as RegExpMatcher;
    const f1 = fuelOf(m, "1".repeat(1000));
    const f2 = fuelOf(m, "1".repeat(2000));
    expect(f2).toBeGreaterThan(3.5 * f1);
    expect(f1).toBeGreaterThan((1000 * 1000) / 2 / 16);
  });

  it("backtracking costs grow with the steps taken, not with the input", () => {
    const m = compileMatcher("(a+)+$", "") as RegExpMatcher;
    const f16 = fuelOf(m, `${"a".repeat(16)}!`);
    const f18 = fuelOf(m, `${"a".repeat(18)}!`);
    expect(f18).toBeGreaterThan(3 * f16);
  });

  it("every exec is charged something, even a failing sticky one", () => {
    const m = compileMatcher("a", "y") as RegExpMatcher;
    expect(fuelOf(m, "b")).toBeGreaterThan(0);
  });
});
