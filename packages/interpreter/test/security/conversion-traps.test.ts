/**
 * Attack class 5: guest code that tries to run while the membrane converts a value. Proxies
 * (returned, passed to host functions, thrown, used as prototypes), getters and setters on
 * arguments, `toJSON`, and thenables or promise species handed to async host APIs: the
 * membrane reads data properties only, so no trap, getter, `toJSON` or `then` runs during a
 * conversion, and a guest `then` never runs on the host's stack outside a metered run.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSandbox, type Sandbox } from "../../src/index.js";
import {
  assertHostIntrinsicsUnchanged,
  assertNoHostObjectReachable,
  type HostIntrinsicsSnapshot,
  runInChild,
  snapshotHostIntrinsics,
} from "./invariants.js";

/** A guest Proxy whose every trap records that it ran. */
const TRAPPED = `
  function trapped(target, label) {
    const traps = {};
    for (const t of ["get", "set", "has", "deleteProperty", "ownKeys", "getOwnPropertyDescriptor",
      "defineProperty", "getPrototypeOf", "setPrototypeOf", "isExtensible", "preventExtensions",
      "apply", "construct"]) {
      traps[t] = (...args) => { ran.push(label + ":" + t); return Reflect[t](...args); };
    }
    return new Proxy(target, traps);
  }
`;

let snap: HostIntrinsicsSnapshot;
let sb: Sandbox;
let received: unknown[];
beforeEach(() => {
  snap = snapshotHostIntrinsics();
  received = [];
  sb = createSandbox({
    globals: {
      take: (...args: unknown[]) => {
        received.push(...args);
        return args.length;
      },
      hostAsync: async (x: unknown) => x,
      hostAwait: async (x: unknown) => await x,
      hostResolve: (x: unknown) => Promise.resolve(x),
    },
  });
  sb.runSync(`globalThis.ran = []; ${TRAPPED}`);
});
afterEach(() => {
  assertNoHostObjectReachable(sb);
  assertHostIntrinsicsUnchanged(snap);
});

describe("Proxy traps during conversion", () => {
  it("a guest Proxy returned to the host runs no trap", () => {
    const out = sb.runSync("trapped({ a: 1, b: [1] }, 'ret')");
    expect(sb.runSync("ran")).toEqual([]);
    expect(out).toEqual({});
    const arr = sb.runSync("trapped([1, 2, 3], 'arr')");
    expect(sb.runSync("ran")).toEqual([]);
    expect(Array.isArray(arr) || typeof arr === "object").toBe(true);
  });

  it("a guest Proxy passed to a host function (directly, nested, as an element) runs no trap", () => {
    sb.runSync(`
      take(trapped({ a: 1 }, "direct"));
      take({ nested: trapped({ a: 1 }, "nested") });
      take([1, trapped([2], "element")]);
      take(trapped(function () {}, "fn"));
    `);
    expect(sb.runSync("ran")).toEqual([]);
    expect(received.length).toBe(4);
  });

  it("a callable guest Proxy crosses as a function; only calling it runs its apply trap", () => {
    const f = sb.runSync("trapped(function (x) { return x * 2; }, 'callable')") as (
      x: number,
    ) => number;
    expect(typeof f).toBe("function");
    expect(sb.runSync("ran")).toEqual([]);
    expect(f(21)).toBe(42);
    expect(sb.runSync("ran")).toEqual(["callable:apply"]);
  });

  it("a guest Proxy thrown to the host runs no trap (name, message and value are read without code)", () => {
    let err: unknown;
    try {
      sb.runSync("throw trapped(new Error('boom'), 'thrown')");
    } catch (e) {
      err = e;
    }
    expect(err).toBeDefined();
    expect(sb.runSync("ran")).toEqual([]);
  });

  it("an error whose prototype chain goes through a Proxy runs no trap when thrown out", () => {
    expect(() =>
      sb.runSync(`
        const e = Object.create(trapped(Error.prototype, "proto"));
        Object.defineProperty(e, "message", { value: "m" });
        throw e;
      `),
    ).toThrow();
    expect(sb.runSync("ran")).toEqual([]);
  });

  it("a revoked Proxy crosses without a host TypeError", () => {
    const out = sb.runSync(
      "const r = Proxy.revocable({ a: 1 }, {}); r.revoke(); take(r.proxy); r.proxy",
    );
    expect(out).toEqual({});
    expect(() =>
      sb.runSync("const r2 = Proxy.revocable({}, {}); r2.revoke(); throw r2.proxy"),
    ).toThrow();
  });
});

describe("getters, setters and toJSON on arguments", () => {
  it("no getter, setter or toJSON runs when arguments cross to a host function", () => {
    sb.runSync(`
      const withGetter = { get g() { ran.push("own getter"); return 1; }, v: 1 };
      const inherits = Object.create({ get h() { ran.push("inherited getter"); return 1; } });
      const arr = [1, 2];
      Object.defineProperty(arr, 0, { get() { ran.push("index getter"); return 1; } });
      Object.defineProperty(Array.prototype, 5, { get() { ran.push("proto index getter"); return 1; }, configurable: true });
      const holes = [1, , 3]; holes.length = 7;
      const withSetter = { set s(v) { ran.push("setter"); } };
      const json = { toJSON() { ran.push("toJSON"); return "j"; }, v: 2 };
      const deep = { a: { b: { get c() { ran.push("deep getter"); return 1; } } } };
      take(withGetter, inherits, arr, holes, withSetter, json, deep);
    `);
    expect(sb.runSync("ran")).toEqual([]);
    expect(received[0]).toEqual({ v: 1 });
    expect(received[1]).toEqual({});
    expect(received[2]).toEqual([undefined, 2]);
    expect((received[3] as unknown[]).length).toBe(7);
    expect(received[4]).toEqual({});
    expect(received[6]).toEqual({ a: { b: {} } });
  });

  it("a huge sparse array or array-like length crosses without running guest code or hanging", () => {
    const t0 = performance.now();
    let out: unknown;
    try {
      out = sb.runSync("const a = []; a[2 ** 32 - 2] = 1; take(a); 'done'");
    } catch (e) {
      out = e;
    }
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(sb.runSync("ran")).toEqual([]);
    expect(out === "done" || out instanceof Error).toBe(true);
  });
});

describe("thenables and promise species", () => {
  it("a guest promise with a patched then, constructor and species crosses without running guest code", async () => {
    const out = await sb.run(`
      class P extends Promise {
        static get [Symbol.species]() { ran.push("species"); return Promise; }
      }
      const p = P.resolve(7);
      p.constructor = function () { ran.push("constructor"); };
      p.then = function () { ran.push("own then"); };
      Promise.prototype.then = function () { ran.push("proto then"); };
      p
    `);
    expect(out).toBe(7);
    expect(sb.runSync("ran")).toEqual([]);
  });

  it("a guest promise passed to a host async function settles without running guest code", async () => {
    sb.runSync(`
      Promise.prototype.then = function () { ran.push("proto then"); };
      Object.defineProperty(Promise, Symbol.species, { get() { ran.push("species"); return Promise; } });
    `);
    const out = await sb.run("hostAwait(Promise.resolve(5))");
    expect(out).toBe(5);
    expect(sb.runSync("ran")).toEqual([]);
  });

  it("a host promise imported into a sandbox with a patched Promise.prototype.then settles internally", async () => {
    const out = await sb.run(`
      Promise.prototype.then = function () { ran.push("proto then"); return this; };
      const p = hostResolve({ v: 1 });
      (async () => (await p).v + 1)()
    `);
    expect(out).toBe(2);
  });

  // A guest `then` adopted by the host's promise machinery would run as a new run with a fresh
  // budget at every step, so a self-resolving thenable would loop on the host's microtask queue
  // forever and starve its event loop: these fixtures run in a child process with a deadline.
  const SELF_THENABLE = "globalThis.n = 0; const t = { then(r) { n++; r(t); } };";

  it("a guest thenable returned by run() is resolved inside the sandbox, under the run's budget", async () => {
    const out = await sb.run("({ then(resolve) { ran.push('then'); resolve(5); } })");
    expect(out === 5 || (typeof out === "object" && out !== null)).toBe(true);
    const child = await runInChild(
      `const sb = cove.createSandbox({ limits: { perRun: { fuel: 50000 } } });
       return await sb.run(${JSON.stringify(`${SELF_THENABLE} t`)}).then(
         () => "resolved", (e) => [e.name, e.resource, e.scope]);`,
      3000,
    );
    expect(child.timedOut, "the host's event loop hung").toBe(false);
    expect(child.result).toEqual(["ResourceExhaustedError", "fuel", "run"]);
  }, 60_000);

  it("a self-resolving guest thenable returned by an exported function cannot loop on the host's microtask queue", async () => {
    const child = await runInChild(
      `const sb = cove.createSandbox({ limits: { perRun: { fuel: 50000 } } });
       const f = sb.runSync(${JSON.stringify(`${SELF_THENABLE} () => t`)});
       return await Promise.resolve().then(() => f()).then(
         () => "resolved", (e) => [e.name, e.resource, e.scope]);`,
      3000,
    );
    expect(child.timedOut, "the host's event loop hung").toBe(false);
    expect(child.result).toEqual(["ResourceExhaustedError", "fuel", "run"]);
  }, 60_000);

  it("a guest thenable passed to a host async function runs no guest code on the host's stack", async () => {
    const out = await sb.run(`
      hostAwait({ then(resolve) { ran.push("then"); resolve(1); } })
    `);
    // The host received a copy: either data or a promise of the guest's value.
    expect(out === 1 || typeof out === "object").toBe(true);
  });
});
