/**
 * Attack class 7: leaks between sandboxes. Two sandboxes never share an object: the same host
 * function or data injected into both becomes two separate guest values; values passed from one
 * to the other through the host are copies; each has its own Symbol.for registry, intrinsics and
 * budgets; a function exported by one and called by the other runs in its own realm on copies.
 * Checked structurally: no guest object is reachable from both realms.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSandbox, ResourceExhaustedError, type Sandbox } from "../../src/index.js";
import {
  assertHostIntrinsicsUnchanged,
  assertNoHostObjectReachable,
  assertNoSharedObjects,
  expectHealthy,
  type HostIntrinsicsSnapshot,
  snapshotHostIntrinsics,
} from "./invariants.js";

let snap: HostIntrinsicsSnapshot;
let a: Sandbox;
let b: Sandbox;
const shared = {
  hostFn: (x: unknown) => x,
  data: { list: [1, 2, 3], nested: { v: "host" } },
};
beforeEach(() => {
  snap = snapshotHostIntrinsics();
  a = createSandbox({ globals: shared });
  b = createSandbox({ globals: shared });
});
afterEach(() => {
  assertNoSharedObjects(a, b);
  assertNoHostObjectReachable(a);
  assertNoHostObjectReachable(b);
  assertHostIntrinsicsUnchanged(snap);
});

describe("cross-sandbox isolation", () => {
  it("the same host function injected into two sandboxes is two separate guest functions", () => {
    a.runSync(`
      hostFn.marker = "from A";
      Object.setPrototypeOf(hostFn, null);
      Function.prototype.call = () => "hijacked";
    `);
    expect(
      b.runSync(
        "[hostFn.marker, Object.getPrototypeOf(hostFn) === Function.prototype, hostFn.call(null, 5)]",
      ),
    ).toEqual([undefined, true, 5]);
  });

  it("the same host data injected into two sandboxes is two copies", () => {
    a.runSync("data.list.push(4); data.nested.v = 'A'; data.extra = true;");
    expect(b.runSync("[data.list.length, data.nested.v, data.extra]")).toEqual([
      3,
      "host",
      undefined,
    ]);
    expect(shared.data).toEqual({ list: [1, 2, 3], nested: { v: "host" } });
  });

  it("values passed from one sandbox to the other through the host are copies both ways", () => {
    const fromA = a.runSync("globalThis.keep = { list: [1], inner: { x: 1 } }; keep");
    b.runSync("got.list.push(2); got.inner.x = 99; globalThis.mine = got;", {
      globals: { got: fromA },
    });
    expect(a.runSync("[keep.list.length, keep.inner.x]")).toEqual([1, 1]);
    expect(fromA).toEqual({ list: [1], inner: { x: 1 } });
    expect(b.runSync("Object.getPrototypeOf(mine) === Object.prototype")).toBe(true);
  });

  it("a function exported by one sandbox runs in its own realm when the other calls it, on copies", () => {
    const keepArg = a.runSync(`
      globalThis.kept = [];
      (o) => { kept.push(o); o.mutatedByA = true; return { fromA: true, proto: Object.getPrototypeOf(o) === Object.prototype }; }
    `);
    const out = b.runSync(
      `
      const mine = { v: 1 };
      const r = keepArg(mine);
      mine.v = 2;
      [mine.mutatedByA, r.fromA, r.proto, Object.getPrototypeOf(r) === Object.prototype]
    `,
      { globals: { keepArg } },
    );
    expect(out).toEqual([undefined, true, true, true]);
    expect(a.runSync("kept.map((o) => o.v)")).toEqual([1]);
  });

  it("functions handed back and forth stay wrappers: neither realm gets the other's function object", () => {
    const register = a.runSync("globalThis.cbs = []; (cb) => { cbs.push(cb); return cb(21); }") as (
      cb: unknown,
    ) => unknown;
    const out = b.runSync(
      `
      const mine = (x) => x * 2;
      [register(mine), typeof register]
    `,
      { globals: { register } },
    );
    expect(out).toEqual([42, "function"]);
    // A's stored callback is a host-wrapped function of A's realm (proto A's Function.prototype).
    expect(a.runSync("[Object.getPrototypeOf(cbs[0]) === Function.prototype, cbs[0](1)]")).toEqual([
      true,
      2,
    ]);
  });

  it("each sandbox has its own Symbol.for registry and well-known symbol semantics", () => {
    const sa = a.runSync("Symbol.for('shared-key')");
    const sb = b.runSync("Symbol.for('shared-key')");
    expect(sa).not.toBe(sb);
    expect(
      b.runSync("[Symbol.keyFor(s), Symbol.for('shared-key') === s]", { globals: { s: sa } }),
    ).toEqual([undefined, false]);
  });

  it("patching intrinsics in one sandbox does not affect the other", () => {
    a.runSync(`
      Array.prototype.map = () => "patched";
      Object.prototype.polluted = true;
      JSON.stringify = () => "patched";
      Promise.prototype.then = () => "patched";
      globalThis.Object = null;
    `);
    expect(
      b.runSync(
        "[[1, 2].map((x) => x + 1), ({}).polluted, JSON.stringify([1]), typeof Object, typeof Promise.prototype.then]",
      ),
    ).toEqual([[2, 3], undefined, "[1]", "function", "function"]);
  });

  it("one sandbox exhausting its budgets does not stop the other", () => {
    const small = createSandbox({
      globals: shared,
      limits: { perRun: { fuel: 10_000 }, total: { fuel: 20_000 } },
    });
    expect(() => small.runSync("for (;;) {}")).toThrow(ResourceExhaustedError);
    expect(() => small.runSync("for (;;) {}")).toThrow(ResourceExhaustedError);
    expect(b.runSync("let s = 0; for (let i = 0; i < 100000; i++) s += i; s")).toBe(4999950000);
    expectHealthy(b);
    assertNoSharedObjects(small, b);
  });

  it("a function of a disposed sandbox called from another gives the caller a guest error", () => {
    const f = a.runSync("() => 1") as () => number;
    const c = createSandbox({ globals: { f } });
    a.dispose();
    expect(
      c.runSync(
        "try { f(); 'called' } catch (e) { [e instanceof Error, e.constructor.constructor === Function] }",
      ),
    ).toEqual([true, true]);
    a = createSandbox({ globals: shared });
  });

  it("a guest error thrown in one sandbox and caught in the other is a fresh guest error", () => {
    const thrower = a.runSync(
      "globalThis.secret = { s: 1 }; () => { const e = new TypeError('from A'); e.secret = secret; throw e; }",
    );
    const out = b.runSync(
      "try { thrower(); } catch (e) { [e instanceof Error, e.secret, Object.getPrototypeOf(e) === Error.prototype || Object.getPrototypeOf(e) === TypeError.prototype] }",
      { globals: { thrower } },
    );
    expect(out).toEqual([true, undefined, true]);
  });
});
