/**
 * Attack class 3: V8's stack-trace API. `Error.prepareStackTrace`, `Error.captureStackTrace` and
 * `Error.stackTraceLimit` in the sandbox are plain guest properties of the guest `Error`: the
 * host's `Error.prepareStackTrace` is never called with guest frames, call sites (with their
 * getThis/getFunction) are never exposed, and stacks only ever list guest frames.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSandbox, SandboxError } from "../../src/index.js";
import {
  assertHostIntrinsicsUnchanged,
  assertNoHostObjectReachable,
  assertNoHostPathInGuestText,
  type HostIntrinsicsSnapshot,
  snapshotHostIntrinsics,
} from "./invariants.js";

type V8ErrorCtor = ErrorConstructor & {
  prepareStackTrace?: (e: Error, frames: unknown[]) => unknown;
  stackTraceLimit: number;
};
const HostError = Error as V8ErrorCtor;

describe("Error.prepareStackTrace / captureStackTrace / stackTraceLimit", () => {
  let snap: HostIntrinsicsSnapshot;
  let hostPrepareCalls: unknown[][];
  let savedPrepare: V8ErrorCtor["prepareStackTrace"];
  beforeEach(() => {
    savedPrepare = HostError.prepareStackTrace;
    hostPrepareCalls = [];
    // A host hook that records every call: guest code must never cause one with guest frames.
    HostError.prepareStackTrace = (e, frames) => {
      hostPrepareCalls.push([e, frames]);
      return `${e}`;
    };
    snap = snapshotHostIntrinsics();
  });
  afterEach(() => {
    assertHostIntrinsicsUnchanged(snap);
    HostError.prepareStackTrace = savedPrepare;
  });

  const hostFns = {
    boom: () => {
      throw new Error("host");
    },
    id: (x: unknown) => x,
    stackOf: () => new Error("host side").stack?.length ?? 0,
  };

  it("a guest prepareStackTrace is never invoked and never sees call sites", () => {
    const sb = createSandbox({ globals: hostFns });
    const out = sb.runSync(`
      let calls = 0, sites;
      Error.prepareStackTrace = (e, s) => { calls++; sites = s; return s; };
      const stacks = [];
      try { null.x; } catch (e) { stacks.push(e.stack); }
      try { boom(); } catch (e) { stacks.push(e.stack); }
      stacks.push(new Error("direct").stack);
      function deep(n) { return n ? deep(n - 1) : new Error("deep").stack; }
      stacks.push(deep(5));
      [calls, typeof sites, stacks.every((s) => typeof s === "string"), stacks]
    `) as [number, string, boolean, string[]];
    expect(out.slice(0, 3)).toEqual([0, "undefined", true]);
    for (const s of out[3]) assertNoHostPathInGuestText(s);
    expect(hostPrepareCalls.length).toBe(0);
    assertNoHostObjectReachable(sb);
  });

  it("the vm2/safe-eval getThis payloads find nothing", () => {
    const sb = createSandbox({ globals: hostFns });
    const payloads = [
      `Error.prepareStackTrace = (_, c) => c.map((c) => c.getThis()).find((a) => a);
       const { stack } = new Error(); typeof stack === "string" ? "string" : stack`,
      `Error.prepareStackTrace = (_, c) => c[0].getThis(); const ret = Error().stack;
       typeof ret === "string" ? "string" : ret.constructor.constructor("return process")()`,
      `globalThis.Error.prepareStackTrace = function (err, traces) { return traces[0].getFunction(); };
       typeof new Error().stack`,
      `const { set } = WeakMap.prototype;
       WeakMap.prototype.set = function (v) { return set.call(this, v, v); };
       Error.prepareStackTrace = (_, c) => c.map((c) => c.getThis()).find((a) => a);
       const { stack } = new Error(); Error.prepareStackTrace = undefined; typeof stack`,
      `Error = function () {}; Error.prepareStackTrace = (_, c) => c; typeof new TypeError().stack`,
      `const e = new Error(); e.name = Symbol("x");
       try { e.stack; String(e.stack).length; "ok" } catch (x) { x.constructor.constructor === Function ? x.name : "HOST" }`,
      `const e = new Error(); e.name = { toString() { throw new Error("from toString"); } };
       try { String(e.stack).length; "ok" } catch (x) { x.constructor.constructor === Function ? x.name : "HOST" }`,
    ];
    for (const code of payloads) {
      let result: unknown;
      try {
        result = sb.runSync(`{ ${code} }`);
      } catch (e) {
        expect(e).toBeInstanceOf(SandboxError);
        result = (e as SandboxError).guestName;
      }
      expect(["string", "ok", "Error", "TypeError", "undefined", true, false]).toContain(result);
    }
    expect(hostPrepareCalls.length).toBe(0);
    assertNoHostObjectReachable(sb);
  });

  it("Error.captureStackTrace defines a guest-only stack string, hiding frames above constructorOpt", () => {
    const sb = createSandbox({ globals: hostFns });
    const out = sb.runSync(`
      function inner() { const o = {}; Error.captureStackTrace(o); return o; }
      function outer() { return inner(); }
      const o = outer();
      const d = Object.getOwnPropertyDescriptor(o, "stack");
      function hidden() { const o = {}; Error.captureStackTrace(o, hidden); return o.stack; }
      [typeof d.value, "get" in d, d.value.includes("inner"), hidden().includes("hidden"), o.stack]
    `) as [string, boolean, boolean, boolean, string];
    expect(out.slice(0, 4)).toEqual(["string", false, true, false]);
    assertNoHostPathInGuestText(out[4]);
    expect(hostPrepareCalls.length).toBe(0);
  });

  it("captureStackTrace on exotic targets (proxies, host-function wrappers, frozen objects) stays in the sandbox", () => {
    const sb = createSandbox({ globals: hostFns });
    const out = sb.runSync(`
      const results = [];
      let trapped = 0;
      const p = new Proxy({}, { defineProperty(t, k, d) { trapped++; return Reflect.defineProperty(t, k, d); } });
      for (const target of [p, id, Object.freeze({}), function () {}, []]) {
        try { Error.captureStackTrace(target); results.push(typeof target.stack); }
        catch (e) { results.push(e.constructor.constructor === Function ? e.name : "HOST"); }
      }
      [results, trapped]
    `) as [string[], number];
    expect(out[0]).not.toContain("HOST");
    assertNoHostObjectReachable(sb);
    expect(hostPrepareCalls.length).toBe(0);
  });

  it("Error.stackTraceLimit in the sandbox does not change the host's", () => {
    const before = HostError.stackTraceLimit;
    const sb = createSandbox({ globals: hostFns });
    sb.runSync("Error.stackTraceLimit = 0; new Error('x').stack");
    expect(HostError.stackTraceLimit).toBe(before);
    expect(sb.runSync("stackOf()")).toBeGreaterThan(0);
    sb.runSync(
      "Error.stackTraceLimit = Infinity; Error.stackTraceLimit = { valueOf() { throw 1; } }",
    );
    expect(HostError.stackTraceLimit).toBe(before);
  });

  it("a host function that builds host stacks while the guest has a prepareStackTrace sees only the host's hook", () => {
    const sb = createSandbox({ globals: hostFns });
    const hostLen = sb.runSync(`
      let guestCalls = 0;
      Error.prepareStackTrace = () => { guestCalls++; return "guest"; };
      [stackOf(), guestCalls]
    `) as [number, number];
    expect(hostLen[1]).toBe(0);
    // The host hook ran for the host's own error (and only with host frames).
    expect(hostPrepareCalls.length).toBe(1);
    expect(String(hostPrepareCalls[0]?.[0])).toContain("host side");
  });

  it("stacks of deep and recursive guest errors are bounded and guest-only", () => {
    const sb = createSandbox();
    const stack = sb.runSync(`
      function r(n) { if (n === 0) throw new Error("bottom"); return r(n - 1); }
      try { r(500); } catch (e) { e.stack }
    `) as string;
    expect(stack.split("\n").length).toBeLessThanOrEqual(64);
    assertNoHostPathInGuestText(stack);
  });
});
