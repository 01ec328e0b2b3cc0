import { afterEach, describe, expect, expectTypeOf, it, vi } from "vitest";
import { measureHeap } from "../../src/runtime/heap.js";
import { createSandbox, type ResourceCounters, type ResourceReport } from "../../src/sandbox.js";

vi.mock("../../src/runtime/heap.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/runtime/heap.js")>();
  return { ...original, measureHeap: vi.fn(original.measureHeap) };
});

afterEach(() => {
  vi.mocked(measureHeap).mockClear();
});

describe("resources({ heap: false })", () => {
  it("reports the same counters as resources(), without heapBytes", () => {
    const sb = createSandbox({ globals: { ping: () => 1 }, limits: { total: { fuel: 1e9 } } });
    sb.runSync("globalThis.keep = Array.from({ length: 1000 }, (_, i) => ({ i })); ping();");
    expect(() => sb.runSync("while (true) {}", { limits: { fuel: 1000 } })).toThrow(/fuel/);
    const full = sb.resources();
    const counters = sb.resources({ heap: false });
    const { heapBytes, ...rest } = full;
    expect(heapBytes).toBeGreaterThan(1000 * 48);
    expect(counters).toEqual(rest);
    expect("heapBytes" in counters).toBe(false);
    expect(counters.hostCalls).toBe(1);
    expect(counters.lastRunExhausted).toEqual({ resource: "fuel", scope: "run" });
  });

  it("does not walk the heap; resources() and { heap: true } do", () => {
    const sb = createSandbox();
    sb.runSync("globalThis.keep = Array.from({ length: 20000 }, (_, i) => ({ i }));");
    const walk = vi.mocked(measureHeap);
    walk.mockClear();
    for (let i = 0; i < 10; i++) sb.resources({ heap: false });
    expect(walk).not.toHaveBeenCalled();
    sb.resources();
    sb.resources({ heap: true });
    sb.resources({});
    expect(walk).toHaveBeenCalledTimes(3);
  });

  it("types the report by the option: no heapBytes with { heap: false }", () => {
    const sb = createSandbox();
    expectTypeOf(sb.resources()).toEqualTypeOf<ResourceReport>();
    expectTypeOf(sb.resources({ heap: true })).toEqualTypeOf<ResourceReport>();
    expectTypeOf(sb.resources({ heap: false })).toEqualTypeOf<ResourceCounters>();
    expectTypeOf(sb.resources({ heap: false })).not.toHaveProperty("heapBytes");
    const heap: boolean = Math.random() < 2;
    expectTypeOf(sb.resources({ heap })).toEqualTypeOf<ResourceCounters | ResourceReport>();
  });
});

describe("resources().heapBytes", () => {
  it("counts guest memory the host keeps alive through a guest function it holds", () => {
    const sb = createSandbox();
    const before = sb.resources().heapBytes;
    // The closure's data is reachable only from the host's callable, not from the realm.
    const held = sb.runSync(
      "(() => { const data = Array.from({ length: 20000 }, (_, i) => ({ i })); return () => data.length; })()",
    ) as () => number;
    expect(held()).toBe(20000);
    expect(sb.resources().heapBytes - before).toBeGreaterThan(20000 * 48);
  });
});
