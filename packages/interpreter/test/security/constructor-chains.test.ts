/**
 * Attack class 1: constructor chains. Every kind of function guest code can hold — its own,
 * built-ins, host functions wrapped by the membrane and functions that host functions return —
 * leads through `constructor`, `__proto__`, call/apply/bind and Reflect only to the sandbox's
 * own intrinsics; the Function constructors refuse to compile (eval policy off) or compile into
 * the same sandbox (policy on). Checked from the host: the realm's object graph holds no host
 * object, and the host's intrinsics are unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandbox, type Sandbox } from "../../src/index.js";
import {
  assertHostIntrinsicsUnchanged,
  assertNoHostIdentity,
  assertNoHostObjectReachable,
  assertNoHostPathInGuestText,
  type HostIntrinsicsSnapshot,
  reachAllScript,
  snapshotHostIntrinsics,
} from "./invariants.js";

function hostGlobals() {
  const hostFn = (x: unknown) => x;
  return {
    hostFn,
    factory: () => ({ fn: () => "made", nested: { list: [function listed() {}] } }),
    hostData: { cb: () => 1, deep: { deeper: [() => 2] } },
    hostThrows: () => {
      throw new Error("host failure");
    },
    hostAsync: async () => 1,
  };
}

/** Guest expressions for every kind of function guest code can get hold of. */
const FUNCTION_KINDS: [string, string][] = [
  ["a function declaration", "(function normal() {})"],
  ["an arrow function", "(() => {})"],
  ["a method", "({ m() {} }).m"],
  ["a getter", "Object.getOwnPropertyDescriptor({ get g() { return 1; } }, 'g').get"],
  ["a setter", "Object.getOwnPropertyDescriptor({ set s(v) {} }, 's').set"],
  ["a class", "(class C {})"],
  ["a class method", "(class { m() {} }).prototype.m"],
  ["a static class method", "(class { static s() {} }).s"],
  ["a derived class", "(class D extends Array {})"],
  ["a bound function", "(function () {}).bind(null)"],
  ["a bound built-in", "Array.prototype.map.bind([])"],
  ["a built-in method", "Array.prototype.map"],
  ["a built-in constructor", "Object"],
  ["Function.prototype itself", "Function.prototype"],
  ["a built-in getter", "Object.getOwnPropertyDescriptor(Map.prototype, 'size').get"],
  ["%ThrowTypeError%", "Object.getOwnPropertyDescriptor(Function.prototype, 'caller').get"],
  ["Proxy (the constructor)", "Proxy"],
  ["a proxied function", "new Proxy(function () {}, {})"],
  ["a revocable proxy's revoker", "Proxy.revocable({}, {}).revoke"],
  [
    "a Promise resolving function",
    "(() => { let r; new Promise((res) => { r = res; }); return r; })()",
  ],
  ["a host function from globals", "hostFn"],
  ["a host function returned by a host function", "factory().fn"],
  ["a host function nested in returned data", "factory().nested.list[0]"],
  ["a host function nested in injected data", "hostData.deep.deeper[0]"],
  ["a host async function", "hostAsync"],
  ["a generator function", "(function* gen() {})"],
  ["a generator method", "({ *g() {} }).g"],
  ["an async function", "(async function af() {})"],
  ["an async arrow function", "(async () => {})"],
  ["an async generator function", "(async function* ag() {})"],
];

/** Every (guest) Function-like constructor, as a guest expression. */
const GUEST_FUNCTION_CONSTRUCTORS = `[
  Function,
  Object.getPrototypeOf(function* () {}).constructor,
  Object.getPrototypeOf(async function () {}).constructor,
  Object.getPrototypeOf(async function* () {}).constructor,
]`;

describe("constructor chains (eval policy off, the default)", () => {
  let sb: Sandbox;
  let snap: HostIntrinsicsSnapshot;
  beforeAll(() => {
    snap = snapshotHostIntrinsics();
    sb = createSandbox({ globals: hostGlobals() });
  });
  afterAll(() => {
    assertNoHostObjectReachable(sb);
    assertHostIntrinsicsUnchanged(snap);
  });

  it.each(FUNCTION_KINDS)(
    "%s: .constructor is one of the sandbox's own Function constructors and cannot compile 'return process'",
    (_kind, expr) => {
      const out = sb.runSync(`(() => {
        const F = ${expr};
        const C = F.constructor;
        const own = ${GUEST_FUNCTION_CONSTRUCTORS}.includes(C);
        let error;
        try { C("return process")(); } catch (e) {
          error = [e instanceof TypeError, e.name, e.constructor === TypeError];
        }
        return [own, error];
      })()`);
      expect(out).toEqual([true, [true, "TypeError", true]]);
    },
  );

  it.each(FUNCTION_KINDS)(
    "%s: the __proto__ walk ends at the sandbox's Object.prototype",
    (_kind, expr) => {
      const out = sb.runSync(`(() => {
        let p = ${expr}, last, n = 0;
        while (p !== null && n++ < 20) { last = p; p = p.__proto__; }
        const viaGetter = Object.getOwnPropertyDescriptor(Object.prototype, "__proto__").get;
        return [last === Object.prototype, n < 20, viaGetter.call(${expr}) === Object.getPrototypeOf(${expr})];
      })()`);
      expect(out).toEqual([true, true, true]);
    },
  );

  it.each(FUNCTION_KINDS)(
    "%s: call/apply/bind/Reflect on its constructor only reach the sandbox's refusing constructor",
    (_kind, expr) => {
      const out = sb.runSync(`(() => {
        const F = ${expr};
        const C = F.constructor;
        const attempts = [
          () => F.call.call(C, null, "return process")(),
          () => F.apply.apply(C, [null, ["return process"]])(),
          () => F.bind.call(C, null, "return process")()(),
          () => Reflect.construct(C, ["return process"])(),
          () => Reflect.apply(C, undefined, ["return process"])(),
          () => new C("return process")(),
          () => F.constructor.constructor("return process")(),
          () => F.call.constructor("return process")(),
          () => Object.getOwnPropertyDescriptor(Object.getPrototypeOf(F), "constructor").value("return process")(),
        ];
        return attempts.map((a) => { try { a(); return "no error"; } catch (e) { return e.name; } });
      })()`);
      expect(out).toEqual(Array(9).fill("TypeError"));
    },
  );

  it("the classic payloads from other sandboxes' escapes are contained", () => {
    const payloads = [
      "this.constructor.constructor('return process')()",
      "({}).constructor.constructor('return process')()",
      "[].constructor.constructor('return this')()",
      "''.sub.__proto__.__proto__.__defineGetter__('polluted', {}.constructor.constructor('return true'))",
      "({})['__proto__']['__defineGetter__']('toString', ({})['constructor']); String({})",
      "Object.getOwnPropertyDescriptor(hostFn.__lookupGetter__('__proto__').call(hostFn), 'constructor').value('return process')()",
      "Object.getPrototypeOf(async function(){}).constructor('return process')()",
      "Object.getPrototypeOf(function*(){}).constructor('yield process')().next()",
      "hostFn.constructor('return process')()",
      "factory.call.call(factory.constructor, null, 'return process')()",
      "Reflect.construct(hostFn.constructor, ['return globalThis'])()",
      "(() => { try { hostThrows(); } catch (e) { return e.constructor.constructor('return process')(); } })()",
      "(() => { try { null.f(); } catch (e) { return e.constructor.constructor('return process')(); } })()",
      "(() => { try { __defineGetter__('x'); } catch (e) { return e.constructor.constructor('return process')(); } })()",
      "(() => { try { toLocaleString(); } catch (e) { return e.constructor.constructor('return process')(); } })()",
    ];
    for (const code of payloads) {
      let result: unknown;
      let error: unknown;
      try {
        result = sb.runSync(code);
      } catch (e) {
        error = e;
      }
      assertNoHostIdentity(result);
      if (error !== undefined) {
        expect(error, code).toHaveProperty("guestName");
        assertNoHostPathInGuestText((error as { guestStack: string }).guestStack);
      }
    }
    // The `__defineGetter__` payloads changed only the sandbox's Object.prototype.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("functions obtained everywhere print without host paths and no value reached is a host object", () => {
    const texts = sb.runSync(
      reachAllScript("[hostFn, factory(), factory().fn, hostData, hostAsync, function* () {}]"),
    ) as string[];
    expect(texts.length).toBeGreaterThan(300);
    for (const t of texts) assertNoHostPathInGuestText(t);
    // Host functions print like built-ins, never with their host source.
    expect(sb.runSync("Function.prototype.toString.call(hostFn)")).toBe(
      "function hostFn() { [native code] }",
    );
    expect(sb.runSync("String(factory().fn)")).toBe("function fn() { [native code] }");
    assertNoHostObjectReachable(sb);
  });

  it("typeof of host-only names is 'undefined' and globalThis has only the sandbox's globals", () => {
    expect(
      sb.runSync(
        "['process', 'require', 'module', 'exports', 'global', 'Buffer', 'setTimeout', 'setImmediate', 'queueMicrotask', 'structuredClone', 'fetch', 'WebAssembly', 'SharedArrayBuffer', 'Atomics', 'globalThis.process', '__dirname'].map((n) => typeof globalThis[n])",
      ),
    ).toEqual(Array(16).fill("undefined"));
  });
});

describe("constructor chains (eval policy on)", () => {
  let sb: Sandbox;
  let snap: HostIntrinsicsSnapshot;
  beforeAll(() => {
    snap = snapshotHostIntrinsics();
    sb = createSandbox({ globals: hostGlobals(), policy: { eval: true } });
  });
  afterAll(() => {
    assertNoHostObjectReachable(sb);
    assertHostIntrinsicsUnchanged(snap);
  });

  it.each(FUNCTION_KINDS)(
    "%s: its constructor compiles into the same sandbox (this is the guest global, no host names)",
    (_kind, expr) => {
      const out = sb.runSync(`(() => {
        const C = (${expr}).constructor;
        if (C === Function) {
          const f = C("return [this === globalThis, typeof process, typeof require, typeof module, Object.getPrototypeOf(this) === Object.prototype]");
          return f();
        }
        if (C === Object.getPrototypeOf(function* () {}).constructor) {
          const g = C("yield [this === globalThis, typeof process, typeof require, typeof module, true]");
          return g.call(globalThis).next().value;
        }
        return [true, "undefined", "undefined", "undefined", true];
      })()`);
      expect(out).toEqual([true, "undefined", "undefined", "undefined", true]);
    },
  );

  it("an async function built by AsyncFunction runs in the sandbox", async () => {
    const out = await sb.run(`
      Object.getPrototypeOf(async function () {}).constructor(
        "await null; return [typeof process, this === undefined || this === globalThis]"
      )()
    `);
    expect(out).toEqual(["undefined", true]);
  });

  it("Function-built code reaching host data sees copies, and reaching constructors again stays inside", () => {
    const out = sb.runSync(`
      const f = Function("return this.constructor.constructor('return this')()");
      const g = f();
      [g === globalThis, hostFn.constructor === Function, Function("return hostData")() === hostData]
    `);
    expect(out).toEqual([true, true, true]);
    const texts = sb.runSync(reachAllScript("[Function('return 1'), eval]")) as string[];
    for (const t of texts) assertNoHostPathInGuestText(t);
  });

  it("the classic payloads compile but only find the sandbox", () => {
    const out = sb.runSync(`[
      this.constructor.constructor('return typeof process')(),
      [].constructor.constructor('return typeof require')(),
      typeof Object.getPrototypeOf(async function(){}).constructor('return process')(),
      this.constructor.constructor('return globalThis')() === globalThis,
      eval('typeof process'),
      (0, eval)('this') === globalThis,
      new Function('a', 'return a + typeof module')('x'),
    ]`);
    expect(out).toEqual([
      "undefined",
      "undefined",
      "object",
      true,
      "undefined",
      true,
      "xundefined",
    ]);
  });
});
