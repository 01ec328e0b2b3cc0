import { describe, expect, it } from "vitest";
import { createSandbox, ResourceExhaustedError, RunAbortedError } from "../../src/index.js";

describe("metering and limits", () => {
  it("stops a runaway loop by fuel, uncatchable by guest try/catch/finally", () => {
    const sb = createSandbox({ limits: { perRun: { fuel: 100_000 } } });
    let err: unknown;
    try {
      sb.runSync(
        "let n = 0; try { while (true) { n++; } } catch (e) { 'caught' } finally { while (true) {} }",
      );
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ResourceExhaustedError);
    expect((err as ResourceExhaustedError).resource).toBe("fuel");
    expect((err as ResourceExhaustedError).limit).toBe(100_000);
    expect(sb.runSync("1 + 1")).toBe(2);
  });

  it("stops `while (true) {}` by wall time within 100 ms of a 50 ms timeout", () => {
    const sb = createSandbox({ limits: { perRun: { fuel: Number.POSITIVE_INFINITY } } });
    const t0 = performance.now();
    expect(() => sb.runSync("while (true) {}", { timeoutMs: 50 })).toThrow(ResourceExhaustedError);
    const elapsed = performance.now() - t0;
    expect(elapsed).toBeGreaterThanOrEqual(50);
    expect(elapsed).toBeLessThan(150);
  });

  it("honours an AbortSignal checked from the meter", () => {
    const sb = createSandbox();
    const controller = new AbortController();
    controller.abort(new Error("stop"));
    expect(() => sb.runSync("while (true) {}", { signal: controller.signal })).toThrow(
      RunAbortedError,
    );
  });

  it("bounds recursion depth with a guest RangeError", () => {
    const sb = createSandbox({ limits: { perRun: { callDepth: 50 } } });
    expect(
      sb.runSync("let d = 0; function r() { d++; r(); } try { r(); } catch (e) { [e.name, d] }"),
    ).toEqual(["RangeError", 50]);
  });

  it("charges allocation before it happens", () => {
    const sb = createSandbox({ limits: { perRun: { memoryBytes: 1_000_000 } } });
    expect(() => sb.runSync("let s = 'x'; while (true) s = s + s;")).toThrow(
      ResourceExhaustedError,
    );
    expect(() => sb.runSync("const a = []; while (true) a.push({});")).toThrow(/memory budget/);
    expect(() => sb.runSync("const o = {}; for (let i = 0; ; i++) o['k' + i] = i;")).toThrow(
      /memory budget/,
    );
    expect(sb.runSync("'still ' + 'alive'")).toBe("still alive");
  });

  it("accumulates usage and enforces cumulative limits", () => {
    const sb = createSandbox({ limits: { total: { fuel: 50_000 } } });
    sb.runSync("for (let i = 0; i < 10000; i++) {}");
    const r = sb.resources();
    expect(r.fuel).toBeGreaterThanOrEqual(10_000);
    expect(r.evaluations).toBe(1);
    expect(() => sb.runSync("for (let i = 0; i < 100000; i++) {}")).toThrow(
      /Cumulative fuel budget exhausted/,
    );
    expect(sb.resources().exhausted).toEqual({ resource: "fuel", scope: "total" });
  });

  it("counts host calls against a limit", () => {
    const sb = createSandbox({ globals: { ping: () => 1 }, limits: { perRun: { hostCalls: 10 } } });
    expect(sb.runSync("for (let i = 0; i < 10; i++) ping(); 'ok'")).toBe("ok");
    expect(() => sb.runSync("for (let i = 0; i < 11; i++) ping();")).toThrow(/hostCalls budget/);
    expect(sb.resources().hostCalls).toBe(20);
  });
});
