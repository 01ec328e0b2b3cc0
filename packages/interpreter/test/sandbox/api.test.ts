import { describe, expect, it } from "vitest";
import { createSandbox, MembraneError, ResourceExhaustedError } from "../../src/index.js";

describe("calling exported guest functions", () => {
  it("runs them under the call's own limits", () => {
    const sb = createSandbox();
    const ns = sb.runSync("({ spin: () => { while (true) {} }, add: (a, b) => a + b })") as {
      spin: () => void;
      add: (a: number, b: number) => number;
    };
    expect(sb.callSync(ns.add, [2, 3])).toBe(5);
    expect(() => sb.callSync(ns.spin, [], { limits: { fuel: 10_000 } })).toThrow(
      ResourceExhaustedError,
    );
    expect(sb.resources().lastRunExhausted).toEqual({ resource: "fuel", scope: "run" });
    expect(sb.resources().exhausted).toBeUndefined();
  });

  it("waits for async results with call()", async () => {
    const sb = createSandbox();
    const f = sb.runSync("async (x) => { await null; return x * 2; }");
    await expect(sb.call(f, [21])).resolves.toBe(42);
  });

  it("refuses functions that did not come from the sandbox", () => {
    const sb = createSandbox();
    expect(() => sb.callSync(() => 1)).toThrow(MembraneError);
  });
});

describe("resources()", () => {
  it("measures the live guest heap", () => {
    const sb = createSandbox();
    const before = sb.resources().heapBytes;
    sb.runSync("globalThis.keep = Array.from({ length: 20000 }, (_, i) => ({ i }));");
    const grown = sb.resources().heapBytes;
    expect(grown - before).toBeGreaterThan(20000 * 48);
    sb.runSync("globalThis.keep = null;");
    expect(sb.resources().heapBytes).toBeLessThan(before + 20000);
  });

  it("enforces a cumulative CPU-time budget", () => {
    const sb = createSandbox({ limits: { total: { cpuTimeMs: 30 } } });
    expect(() => sb.runSync("while (true) {}")).toThrow(/cpuTime/);
    expect(sb.resources().exhausted).toEqual({ resource: "cpuTime", scope: "total" });
  });
});

describe("CPU time", () => {
  it("counts executing time, not time spent waiting for host promises", async () => {
    const sb = createSandbox({ globals: { wait: () => new Promise((r) => setTimeout(r, 120)) } });
    await sb.run("(async () => { await wait(); })();");
    expect(sb.resources().cpuTimeMs).toBeLessThan(100);
  });
});

describe("runSync and asynchronous work", () => {
  it("refuses a result that is still a pending promise, with a clear error", () => {
    const sb = createSandbox({ globals: { later: () => new Promise((r) => setTimeout(r, 1)) } });
    expect(() => sb.runSync("(async () => { await later(); return 1; })()")).toThrow(
      /runSync\(\) cannot wait for asynchronous work/,
    );
    const settled = sb.runSync("(async () => { await null; return 2; })()");
    expect(settled).toBeInstanceOf(Promise);
    return expect(settled).resolves.toBe(2);
  });
});
