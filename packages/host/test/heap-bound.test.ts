/**
 * The bound the host checks the heap budgets with between walks (`lifecycle/heap-budget.ts`):
 * what one run can add to the walk's measurement is at most HEAP_SLACK × what the interpreter
 * charged as allocation, plus `hostValueBytes` of each host value copied in. If the
 * interpreter's cost model or its heap walk changes, this is where the slack shows up as too
 * small. The gaps the bound does not cover, and that the walk every WALK_EVERY_RUNS runs catches
 * late, are pinned at the end: fixing one in the interpreter should fail its test here.
 */

import { createSandbox } from "@cove/interpreter";
import { describe, expect, it } from "vitest";
import { hostValueBytes } from "../src/bridge/host-value-bytes.js";
import { HEAP_SLACK } from "../src/lifecycle/heap-budget.js";

/** Heap growth and allocation of running `code` once in a fresh sandbox with `globals`. */
function growth(code: string, globals: Record<string, unknown> = {}) {
  const sandbox = createSandbox({ globals });
  const before = sandbox.resources();
  sandbox.runSync(code);
  const after = sandbox.resources();
  return {
    heap: after.heapBytes - before.heapBytes,
    allocation: after.allocationBytes - before.allocationBytes,
  };
}

const keep = (expression: string, setup = "") =>
  `${setup}; globalThis.kept = []; for (let i = 0; i < 500; i++) kept.push(${expression});`;

/** Guest code that retains what it allocates, one kind of object per line. */
const GUEST: Record<string, string> = {
  "empty objects": keep("{}"),
  "objects with properties": keep("{ a: i, b: 'x' + i, c: [i], d: { e: i } }"),
  "properties added one by one":
    "globalThis.o = {}; for (let i = 0; i < 2000; i++) o['k' + i] = i;",
  "empty arrays": keep("[]"),
  "array elements": "globalThis.a = []; for (let i = 0; i < 20000; i++) a.push(i);",
  "an array's length": "globalThis.a = []; a.length = 100000;",
  "one far array index": "globalThis.a = []; a[50000] = 1;",
  strings: "globalThis.s = 'x'.repeat(100000);",
  "closures and their scopes": keep("(() => { let a = i, b = i; return () => a + b; })()"),
  classes: keep("new A(i)", "class A { constructor(i) { this.i = i; } }"),
  "Maps and Sets": keep("new Map([[i, { i }]])") + keep("new Set(['k' + i])"),
  "Map entries": "globalThis.m = new Map(); for (let i = 0; i < 2000; i++) m.set(i, { i });",
  promises: keep("p.then(() => i)", "const p = new Promise(() => {})"),
  "resolved promises": keep("Promise.resolve(i)"),
  "suspended generators": keep(
    "(() => { const g = gen(); g.next(); return g; })()",
    "function* gen() { const local = [1, 2, 3]; yield 1; yield 2; }",
  ),
  "arguments objects": keep("f(1, 2, 3, 4, 5, 6, 7, 8)", "function f() { return arguments; }"),
  "bound functions": keep("f.bind(null, i)", "function f() {}"),
  errors: keep("new Error('m' + i)"),
  "regular expressions": keep("/a+b/g"),
  "typed arrays": "globalThis.u = new Uint8Array(100000);",
  "accessor properties": `globalThis.o = {};
    for (let i = 0; i < 1000; i++) Object.defineProperty(o, 'k' + i, { get() { return i; }, configurable: true });`,
  "JSON.parse": `globalThis.j = JSON.parse('[' + Array(1000).fill('{"a":1,"b":"xx"}').join(',') + ']');`,
  "iterators and proxies": keep("[i].values()") + keep("new Proxy({}, {})"),
};

/** Host values the membrane copies in, by a host function's result. */
const HOST: Record<string, () => unknown> = {
  "a long string": () => "y".repeat(200_000),
  "an object of strings": () =>
    Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`key${i}`, `value ${i}`])),
  "an array of records": () =>
    Array.from({ length: 2000 }, (_, i) => ({ id: i, name: `n${i}`, tags: ["a", "b"] })),
  "nested arrays": () => Array.from({ length: 200 }, () => Array.from({ length: 20 }, () => [])),
  "a Map and a Set": () => ({
    map: new Map(Array.from({ length: 1000 }, (_, i) => [`k${i}`, { i }])),
    set: new Set(Array.from({ length: 1000 }, (_, i) => `s${i}`)),
  }),
  "a typed array": () => new Uint8Array(100_000),
  "dates and empty objects": () => Array.from({ length: 1000 }, () => [new Date(), {}]),
};

describe("the heap bound between walks", () => {
  it.each(Object.entries(GUEST))("covers guest code retaining %s", (_, code) => {
    const { heap, allocation } = growth(code);
    expect(heap).toBeGreaterThan(0);
    expect(heap).toBeLessThanOrEqual(HEAP_SLACK * allocation);
  });

  it.each(Object.entries(HOST))("covers %s copied in from the host", (_, make) => {
    const value = make();
    const { heap, allocation } = growth("globalThis.kept = make();", { make: () => value });
    expect(heap).toBeGreaterThan(0);
    expect(heap).toBeLessThanOrEqual(HEAP_SLACK * allocation + hostValueBytes(value));
  });

  it("is needed: allocation alone does not cover values copied in", () => {
    const { heap, allocation } = growth("globalThis.kept = make();", {
      make: () => "y".repeat(200_000),
    });
    expect(heap).toBeGreaterThan(HEAP_SLACK * allocation);
  });
});

describe("known gaps of the bound (the periodic walk catches them late)", () => {
  it("the walk counts each reference to a string in full; the meter charges a slot", () => {
    const { heap, allocation } = growth(
      "const s = 'x'.repeat(10000); globalThis.kept = []; for (let i = 0; i < 100; i++) kept.push(s);",
    );
    expect(heap).toBeGreaterThan(HEAP_SLACK * allocation);
  });
});

describe("guest memory held from the host", () => {
  it("is walked while a host-held guest function retains it, before and after it is called", async () => {
    const held: ((...args: unknown[]) => unknown)[] = [];
    const sandbox = createSandbox({ globals: { hold: (f: () => unknown) => held.push(f) } });
    const empty = sandbox.resources().heapBytes;
    sandbox.runSync(`{
      const table = Array.from({ length: 10000 }, (_, i) => ({ i }));
      hold(() => { globalThis.table = table; });
    }`);
    const before = sandbox.resources();
    expect(before.heapBytes - empty).toBeGreaterThan(10000 * 48);
    await sandbox.call(held[0] as () => unknown, []);
    const after = sandbox.resources();
    expect(after.heapBytes - before.heapBytes).toBeLessThan(
      HEAP_SLACK * (after.allocationBytes - before.allocationBytes) + 10_000,
    );
  });
});
