/**
 * Attack-suite fixtures for escapes and hangs the suite found in the compiler, the core runtime
 * and the sandbox, fixed since: host stack overflows inside built-ins and generators, cumulative
 * budgets over many short runs, a module exporting `then`, array bombs that must fail fast, and
 * host paths in `sanitize`d error messages. Each names the invariant it checks.
 */
import { describe, expect, it } from "vitest";
import { createSandbox, ResourceExhaustedError, SandboxError } from "../../src/index.js";
import { expectHealthy, expectStopsWithin, runInChild } from "./invariants.js";

describe("host stack overflow in built-ins (compile / runtime)", () => {
  // Array.prototype.join/toString, property lookups on long prototype chains and Proxy chains
  // recurse on the host stack; when the host stack overflows, the host RangeError is turned
  // into a guest RangeError only at the next ClosureFunction boundary. A guest `try` in the same
  // function (or at script level) does not catch it, `finally` blocks are skipped, and at
  // script level the host receives a raw host RangeError instead of a SandboxError.
  const DEEP = "let a = []; for (let i = 0; i < 100000; i++) a = [a];";

  it.each([
    [
      "Array.prototype.join",
      `${DEEP} try { a.join(); 'no error' } catch (e) { [e.name, e instanceof RangeError] }`,
    ],
    [
      "Array.prototype.toString",
      `${DEEP} try { String(a); 'no error' } catch (e) { [e.name, e instanceof RangeError] }`,
    ],
    [
      "a 100000-long prototype chain",
      "let p = {}; for (let i = 0; i < 100000; i++) p = Object.create(p); try { p.x; 'no error' } catch (e) { [e.name, e instanceof RangeError] }",
    ],
    [
      "a 100000-long Proxy chain",
      "let p = {}; for (let i = 0; i < 100000; i++) p = new Proxy(p, {}); try { p.x; 'no error' } catch (e) { [e.name, e instanceof RangeError] }",
    ],
    [
      "the same, inside a function",
      `${DEEP} function f() { try { return a.join(); } catch (e) { return [e.name, e instanceof RangeError]; } } f()`,
    ],
  ])(
    "a host stack overflow in %s is a guest RangeError the guest's own try/catch catches",
    (_what, code) => {
      const sb = createSandbox();
      let out: unknown;
      try {
        out = sb.runSync(code);
      } catch (e) {
        out = e;
      }
      expect(out instanceof RangeError, "a raw host RangeError reached the host").toBe(false);
      const ok = (out as unknown[])[0] === "RangeError" || out === "no error";
      expect(ok, String(out)).toBe(true);
      expectHealthy(sb);
    },
  );

  it("finally blocks run when a built-in overflows the host stack", () => {
    const sb = createSandbox();
    let out: unknown;
    try {
      sb.runSync(
        `${DEEP} globalThis.fin = 0; function f() { try { a.join(); } finally { fin = 1; } } try { f(); } catch {} `,
      );
    } catch (e) {
      out = e;
    }
    expect(out).toBeUndefined();
    expect(sb.runSync("fin")).toBe(1);
  });
});

describe("host stack overflow in generator recursion (runtime/generator.ts)", () => {
  // Repro: sb.runSync("function* g() { yield* g(); } [...g()]") throws a raw host
  // RangeError ("Maximum call stack size exceeded") to the host, not a SandboxError, and guest
  // code cannot catch it.
  it("recursive yield* is a guest RangeError (or exhaustion), catchable by the guest", () => {
    const sb = createSandbox({ limits: { perRun: { fuel: 2_000_000 } } });
    expectStopsWithin(() => sb.runSync("function* g() { yield* g(); } [...g()]"), 3000, {
      kind: "exhausted-or-range-error",
      sandbox: sb,
    });
    expect(
      sb.runSync(
        "function* h() { yield* h(); } try { [...h()]; } catch (e) { e instanceof RangeError }",
      ),
    ).toBe(true);
  });
});

describe("cumulative budgets are not enforced for short runs (runtime/run.ts, sandbox)", () => {
  // The account is checked only at checkpoints (every 4096 units of fuel). A run shorter than
  // that never checks `limits.total`, so a plugin whose work is split into many short runs or
  // host→guest calls (event handlers, callbacks) is never stopped by its cumulative budget.
  // Repro: createSandbox({ limits: { total: { fuel: 1000 } } }); 10000 × runSync("1+1") all
  // succeed and resources().fuel reports 110000 used of 1000.
  it("limits.total.fuel stops a sandbox whose runs are all short", () => {
    const sb = createSandbox({ limits: { total: { fuel: 1000 } } });
    let error: unknown;
    let n = 0;
    try {
      for (; n < 10_000; n++) sb.runSync("{ let s = 0; for (let i = 0; i < 10; i++) s += i; s }");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ResourceExhaustedError);
    expect((error as ResourceExhaustedError).scope).toBe("total");
    expect(n).toBeLessThan(200);
  });

  it("limits.total.fuel stops an exported guest function the host calls many times", () => {
    const sb = createSandbox({ limits: { total: { fuel: 1000 } } });
    const handler = sb.runSync("(x) => x + 1") as (x: number) => number;
    let error: unknown;
    try {
      for (let i = 0; i < 10_000; i++) handler(i);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ResourceExhaustedError);
  });
});

describe("a module namespace exporting `then` (sandbox.ts runModule)", () => {
  // runModule resolves with the namespace copied into a plain host object; if the module
  // exports a function named `then`, that object is a thenable the host's `await` adopts,
  // calling the guest's `then` outside the run. (Before the membrane's thenable rule this
  // looped forever on the host's microtask queue, hanging the host; now the guest's value
  // crosses as a promise, but a chain that exhausts its run leaves runModule's promise
  // pending forever.) Repro: await sb.runModule("export function then(r) { r({ then }); }").
  it("runModule of a module exporting `then` settles, without the host adopting the namespace", async () => {
    const child = await runInChild(
      `const sb = cove.createSandbox({ limits: { perRun: { fuel: 50000 } } });
       let called = false;
       const ns = await sb.runModule("export let n = 0; export function then(r) { n++; r({ then }); }", { path: "t.js" })
         .then((v) => typeof v, (e) => [e.name, e.resource, e.scope]);
       return [ns, sb.runSync("1 + 1")];`,
      3000,
    );
    expect(child.timedOut, "the host's event loop hung").toBe(false);
    expect(child.unsettled, "runModule never settled").toBeUndefined();
    expect((child.result as unknown[])[1]).toBe(2);
  }, 60_000);
});

describe("array bombs under the default limits fail by time, not fast by memory (built-ins)", () => {
  // Under the default limits (256 MiB) these run ~10 s and end by the time budget: elements of
  // a sparse array are charged one by one as they are created, at ~1.5 M elements/s. The issue
  // asks for them to "fail fast" (allocation charged before it happens). Host memory stays
  // within ~4× the budget meanwhile (see the host-memory fixture), so this is about latency.
  it.each([
    ["new Array(1e9).fill(0)", "new Array(1e9).fill(0)"],
    ["Array.from({ length: 1e9 })", "Array.from({ length: 1e9 })"],
  ])(
    "%s fails fast with memory exhaustion under the default limits",
    (_n, code) => {
      const sb = createSandbox();
      expectStopsWithin(() => sb.runSync(code), 2000, { sandbox: sb, resource: "memory" });
    },
    20_000,
  );
});

describe("pending (design): the sanitize policy passes host paths to guest code", () => {
  // DESIGN §2.1 invariant 6 says host file paths never appear in anything guest code can
  // read; the `sanitize` policy keeps a host Error's message verbatim, paths included
  // (test/sandbox/membrane.test.ts asserts exactly that today). Decide: strip path-like
  // substrings in `sanitize`, or document `sanitize` as showing host messages as they are.
  it("a host error message with a host path reaches the guest without the path under sanitize", () => {
    const boom = () => {
      throw new TypeError(`ENOENT: no such file, open '${process.cwd()}/secret/config.json'`);
    };
    const sb = createSandbox({ globals: { boom }, policy: { errors: "sanitize" } });
    const message = sb.runSync("try { boom(); } catch (e) { e.message }") as string;
    expect(message).not.toContain(process.cwd());
    expect(message).not.toMatch(/\/work\/|\/home\/|\/Users\//);
    expect(SandboxError).toBeDefined();
  });
});
