/**
 * Attack class 2: host exceptions caught by guest code. Whatever a host function throws — host
 * errors of any class, errors with getters, non-Error values, a host Proxy, a host function —
 * guest code catches only a guest error of its own realm, shaped by the error policy, with a
 * guest-only stack; nothing the host threw is reachable. Stack overflows in host frames (host
 * recursion, recursion through the membrane, built-ins on deeply nested data) become guest
 * RangeErrors that guest code can catch, never host errors.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createSandbox,
  type ErrorPolicy,
  GuestError,
  MembraneError,
  ResourceExhaustedError,
  type Sandbox,
  SandboxError,
} from "../../src/index.js";
import {
  assertHostIntrinsicsUnchanged,
  assertNoHostObjectReachable,
  assertNoHostPathInGuestText,
  expectHealthy,
  type HostIntrinsicsSnapshot,
  snapshotHostIntrinsics,
} from "./invariants.js";

class HostCustomError extends Error {
  secret = { token: "s3cr3t", fn: () => "host fn" };
  constructor() {
    super("custom failure at /work/main/packages/host/src/secret.ts:12:3");
    this.name = "HostCustomError";
  }
}

function thrower(make: () => unknown) {
  return () => {
    throw make();
  };
}

/** Host functions that throw every kind of host value. */
const THROWERS: Record<string, () => unknown> = {
  typeError: () => new TypeError("bad type in /work/main/node_modules/x/index.js:1:1"),
  rangeError: () => new RangeError("out of range"),
  syntaxError: () => new SyntaxError("host parse failure"),
  plainError: () => new Error("plain"),
  custom: () => new HostCustomError(),
  aggregate: () => new AggregateError([new Error("inner")], "many"),
  withCause: () => new Error("outer", { cause: { host: globalThis } }),
  messageGetter: () => {
    const e = new Error("m");
    Object.defineProperty(e, "message", {
      get() {
        throw new Error("getter ran");
      },
    });
    return e;
  },
  nameGetter: () => {
    const e = new Error("m");
    Object.defineProperty(e, "name", {
      get() {
        throw new Error("getter ran");
      },
    });
    return e;
  },
  stackGetter: () => {
    const e = new Error("m");
    Object.defineProperty(e, "stack", {
      get() {
        throw new Error("getter ran");
      },
    });
    return e;
  },
  objectMessage: () => Object.assign(new Error("x"), { message: { host: globalThis } }),
  symbolName: () => Object.assign(new TypeError("x"), { name: Symbol("TypeError") }),
  objectStack: () => Object.assign(new Error("x"), { stack: { host: globalThis } }),
  callStackGetter: () => {
    const e = new RangeError("call stack");
    Object.defineProperty(e, "message", {
      get() {
        return { includes: () => true, host: globalThis };
      },
    });
    return e;
  },
  guestErrorOddFields: () =>
    Object.assign(new GuestError("X", "m"), {
      guestName: { host: globalThis },
      guestCode: { host: globalThis },
      message: globalThis,
    }),
  string: () => "a host string /work/main/secret.ts:1:1",
  number: () => 42,
  undefinedValue: () => undefined,
  nullValue: () => null,
  symbol: () => Symbol("host"),
  bigint: () => 10n,
  object: () => ({ host: true, fn: () => globalThis }),
  fn: () => () => globalThis,
  promise: () => Promise.resolve(globalThis),
  hostGlobal: () => globalThis,
  proxy: () =>
    new Proxy(
      {},
      {
        get() {
          throw new Error("trap get");
        },
        getPrototypeOf() {
          throw new Error("trap getPrototypeOf");
        },
        has() {
          throw new Error("trap has");
        },
      },
    ),
  errorProxy: () =>
    new Proxy(new Error("proxied"), {
      get(t, k) {
        if (k === "constructor") return Function;
        return Reflect.get(t, k);
      },
    }),
  nullProtoError: () => Object.setPrototypeOf(new Error("no proto"), null),
  errorLike: () => ({ name: "TypeError", message: "looks like an error", stack: "/work/x.ts:1" }),
  callStackLookalike: () => new RangeError("Maximum call stack size exceeded"),
  guestError: () => new GuestError("PermissionDenied", "denied", "E_DENIED"),
};

function makeSandbox(errors: ErrorPolicy): Sandbox {
  const globals: Record<string, unknown> = {};
  for (const [name, make] of Object.entries(THROWERS)) globals[name] = thrower(make);
  return createSandbox({ globals, policy: { errors } });
}

/** Guest code catching what `name()` throws; evaluates to a description of the caught value. */
function catchIt(name: string): string {
  return `(() => {
    try { ${name}(); return "no throw"; } catch (e) {
      const isObj = typeof e === "object" && e !== null;
      return {
        type: typeof e,
        guestError: isObj && e instanceof Error,
        protoIsGuest: isObj && [Error.prototype, TypeError.prototype, RangeError.prototype, SyntaxError.prototype].includes(Object.getPrototypeOf(e)),
        ctorIsGuest: isObj && e.constructor.constructor === Function,
        name: isObj ? e.name : undefined,
        message: isObj ? e.message : undefined,
        stack: isObj ? e.stack : undefined,
        ownKeys: isObj ? Reflect.ownKeys(e).map(String).sort() : [],
        cause: isObj ? typeof e.cause : undefined,
        compile: (() => { try { return typeof e.constructor.constructor("return process")(); } catch (x) { return x.name; } })(),
      };
    }
  })()`;
}

describe.each(["safe", "sanitize", "full"] as const)("host exceptions (errors: %s)", (policy) => {
  let sb: Sandbox;
  let snap: HostIntrinsicsSnapshot;
  beforeAll(() => {
    snap = snapshotHostIntrinsics();
    sb = makeSandbox(policy);
  });
  afterAll(() => {
    assertNoHostObjectReachable(sb);
    assertHostIntrinsicsUnchanged(snap);
  });

  it.each(Object.keys(THROWERS))(
    "a host function throwing %s: guest catches a guest Error of its realm, nothing of the host",
    (name) => {
      const seen = sb.runSync(catchIt(name)) as Record<string, unknown>;
      expect(seen.type).toBe("object");
      expect(seen.guestError).toBe(true);
      expect(seen.protoIsGuest).toBe(true);
      expect(seen.ctorIsGuest).toBe(true);
      expect(seen.compile).toBe("TypeError"); // the guest Function constructor, eval disabled
      expect(seen.cause).toBe("undefined");
      expect(seen.ownKeys).not.toContain("secret");
      if (name === "guestErrorOddFields") {
        expect([seen.name, seen.message]).toEqual(["Error", ""]);
      } else if (name === "guestError") {
        expect([seen.name, seen.message]).toEqual(["PermissionDenied", "denied"]);
      } else if (policy === "safe") {
        expect(seen.message).toBe(
          name === "callStackLookalike"
            ? "Maximum call stack size exceeded"
            : "Host function failed",
        );
      }
      expect(typeof seen.message).toBe("string");
      expect(typeof seen.name).toBe("string");
      // `safe` never shows host detail. `sanitize` keeps a host Error's message verbatim and
      // `full` adds the host stack on purpose (for debugging), so only their frames are checked.
      if (policy === "safe") assertNoHostPathInGuestText(seen.stack);
      if (policy !== "full") {
        const frames = String(seen.stack)
          .split("\n")
          .filter((l) => l.startsWith("    at "));
        expect(frames.length).toBeGreaterThan(0);
        for (const f of frames) expect(f).toMatch(/^ {4}at (\S+ \()?script\.js:\d+:\d+\)?$/);
      }
    },
  );

  it("a caught host error cannot be turned into a host object by re-throwing it through the host", () => {
    const out = sb.runSync(`
      let first;
      try { custom(); } catch (e) { first = e; }
      let again;
      try { throw first; } catch (e) { again = e; }
      [first === again, Object.getPrototypeOf(first) === Error.prototype || Object.getPrototypeOf(first) === TypeError.prototype]
    `);
    expect(out).toEqual([true, true]);
  });

  it("the host sees guest errors as SandboxErrors with guest-only stacks", () => {
    let err: unknown;
    try {
      sb.runSync("function deep() { typeError(); }\nfunction outer() { deep(); }\nouter();");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SandboxError);
    const e = err as SandboxError;
    expect(e.guestStack).toMatch(/at deep \(script\.js:1:\d+\)/);
    expect(e.guestStack).toMatch(/at outer \(script\.js:2:\d+\)/);
    if (policy === "safe") assertNoHostPathInGuestText(e.guestStack);
    if (policy !== "full") {
      for (const line of e.guestStack.split("\n").filter((l) => l.startsWith("    at "))) {
        expect(line).toMatch(/^ {4}at (\S+ \()?script\.js:\d+:\d+\)?$/);
      }
    }
    expect(e.thrownValue).toMatchObject({ name: expect.any(String) });
  });
});

describe("host exceptions: error policy content", () => {
  it("safe hides host messages; sanitize keeps a native error's name and message", () => {
    const safe = makeSandbox("safe");
    expect(safe.runSync(`${catchIt("typeError")}.message`)).toBe("Host function failed");
    expect(safe.runSync(`${catchIt("custom")}.name`)).toBe("Error");
    const sanitize = makeSandbox("sanitize");
    expect(sanitize.runSync(`${catchIt("rangeError")}`)).toMatchObject({
      name: "RangeError",
      message: "out of range",
    });
    // Non-native host error classes become plain guest Errors.
    expect(sanitize.runSync(`${catchIt("custom")}.name`)).toBe("Error");
  });

  it("a host error thrown with getters does not break the membrane (getters may run only on the host side)", () => {
    for (const policy of ["safe", "sanitize", "full"] as const) {
      const sb = makeSandbox(policy);
      for (const name of [
        "messageGetter",
        "nameGetter",
        "stackGetter",
        "proxy",
        "objectMessage",
        "symbolName",
        "objectStack",
        "callStackGetter",
        "guestErrorOddFields",
      ]) {
        const seen = sb.runSync(catchIt(name)) as Record<string, unknown>;
        expect(seen.guestError, `${policy} ${name}`).toBe(true);
      }
    }
  });
});

describe("stack overflow in host frames", () => {
  it("infinite recursion inside a host function becomes a guest RangeError", () => {
    const overflow = (): number => overflow() + 1;
    const sb = createSandbox({ globals: { overflow } });
    expect(
      sb.runSync("try { overflow(); 'no' } catch (e) { [e.name, e instanceof RangeError] }"),
    ).toEqual(["RangeError", true]);
    assertNoHostObjectReachable(sb);
    expectHealthy(sb);
  });

  it("recursion bouncing between guest and host is bounded and caught as a guest RangeError", () => {
    const bounce = (f: (n: number) => number, n: number) => f(n + 1);
    const sb = createSandbox({ globals: { bounce } });
    const out = sb.runSync(`
      let max = 0;
      function g(n) { max = n; return bounce(g, n); }
      try { g(0); } catch (e) { [e.name, e instanceof RangeError, max > 10] }
    `);
    expect(out).toEqual(["RangeError", true, true]);
    expectHealthy(sb);
  });

  it("a guest callback that overflows inside a host function is a guest RangeError", () => {
    const callIt = (f: () => unknown) => f();
    const sb = createSandbox({ globals: { callIt }, limits: { perRun: { callDepth: 100_000 } } });
    const out = sb.runSync(`
      function r() { return r() + 1; }
      try { callIt(r); 'no' } catch (e) { [e.name, e instanceof RangeError] }
    `);
    expect(out).toEqual(["RangeError", true]);
    expectHealthy(sb);
  });

  it("a guest that recurses until the host stack overflows (callDepth raised) gets a guest RangeError", () => {
    const sb = createSandbox({ limits: { perRun: { callDepth: 10_000_000 } } });
    expect(
      sb.runSync(
        "function r(n) { return r(n + 1) + 1; } try { r(0) } catch (e) { [e.name, e instanceof RangeError] }",
      ),
    ).toEqual(["RangeError", true]);
    expect(
      sb.runSync(`
        let caught;
        function r() { try { return r(); } catch (e) { caught = e; throw e; } }
        try { r(); } catch (e) { [e.name, caught instanceof RangeError, e === caught] }
      `),
    ).toEqual(["RangeError", true, true]);
    expectHealthy(sb);
  });

  it("new Error().stack at maximum depth does not leak a host error", () => {
    const sb = createSandbox();
    const out = sb.runSync(`
      function stack() { new Error().stack; stack(); }
      try { stack(); } catch (e) {
        [e.name, e instanceof RangeError, (() => { try { return e.constructor.constructor("return process")(); } catch (x) { return x.name; } })()]
      }
    `);
    expect(out).toEqual(["RangeError", true, "TypeError"]);
  });

  it("a host stack overflow inside a built-in reached from a function body is caught by the caller", () => {
    const sb = createSandbox();
    const out = sb.runSync(`
      let a = []; for (let i = 0; i < 100000; i++) a = [a];
      function f() { return a.join(); }
      try { f(); 'no' } catch (e) { [e.name, e instanceof RangeError] }
    `);
    expect(out).toEqual(["RangeError", true]);
    expectHealthy(sb);
  });

  it("deeply nested data handed to a host function is refused by the membrane, not a host overflow", () => {
    const seen: unknown[] = [];
    const take = (x: unknown) => seen.push(x);
    const sb = createSandbox({ globals: { take } });
    let out: unknown;
    try {
      out = sb.runSync(`
        let a = []; for (let i = 0; i < 100000; i++) a = [a];
        try { take(a); 'passed' } catch (e) { e.name }
      `);
    } catch (e) {
      out = e;
    }
    // A guest error, or a MembraneError for the host; never a host RangeError, never a call.
    if (out instanceof Error) expect(out).toBeInstanceOf(MembraneError);
    else expect(["Error", "TypeError", "RangeError"]).toContain(out);
    expect(seen).toEqual([]);
    expectHealthy(sb);
  });

  it("exhaustion thrown while a host function runs is not catchable by guest code", () => {
    const callIt = (f: () => unknown) => f();
    const sb = createSandbox({ globals: { callIt }, limits: { perRun: { fuel: 50_000 } } });
    expect(() =>
      sb.runSync(`
        for (;;) { try { callIt(() => { for (;;) {} }); } catch (e) {} finally { continue; } }
      `),
    ).toThrow(ResourceExhaustedError);
    expectHealthy(sb);
  });

  it("a host function that swallows the exhaustion error cannot revive the run", () => {
    const swallow = (f: () => unknown) => {
      try {
        f();
      } catch {
        return "swallowed";
      }
      return "done";
    };
    const sb = createSandbox({ globals: { swallow }, limits: { perRun: { fuel: 50_000 } } });
    expect(() =>
      sb.runSync(`
        swallow(() => { for (;;) {} });
        for (let i = 0; i < 10; i++) {}
        "revived"
      `),
    ).toThrow(ResourceExhaustedError);
    expectHealthy(sb);
  });
});

describe("a guest error re-thrown through a host function", () => {
  it("keeps its identity in the same sandbox and stays a guest value", () => {
    const relay = (f: () => unknown) => f();
    const sb = createSandbox({ globals: { relay } });
    expect(
      sb.runSync(`
        const mine = new TypeError("mine");
        try { relay(() => { throw mine; }); } catch (e) { [e === mine, e instanceof TypeError] }
      `),
    ).toEqual([true, true]);
    assertNoHostObjectReachable(sb);
  });

  it("from another sandbox becomes a fresh guest error (no foreign object crosses)", () => {
    const a = createSandbox();
    const thrower = a.runSync("() => { throw { secretOfA: [1, 2, 3] }; }") as () => unknown;
    const b = createSandbox({ globals: { thrower }, policy: { errors: "sanitize" } });
    const out = b.runSync(`
      try { thrower(); } catch (e) { [e instanceof Error, typeof e.secretOfA, Object.getPrototypeOf(e) === Error.prototype] }
    `);
    expect(out).toEqual([true, "undefined", true]);
    assertNoHostObjectReachable(a);
    assertNoHostObjectReachable(b);
  });
});

describe("built-ins called with hostile receivers and arguments", () => {
  it("every reachable function, called and constructed with odd receivers and arguments, throws only guest values", () => {
    const names = createSandbox().runSync(`(() => {
      const seen = new Set(), out = [], q = [[globalThis, "globalThis"]];
      for (let i = 0; i < q.length; i++) {
        const [o, path] = q[i];
        if (o === null || (typeof o !== "object" && typeof o !== "function") || seen.has(o)) continue;
        seen.add(o);
        if (typeof o === "function") out.push(path);
        for (const k of Reflect.ownKeys(o)) {
          if (typeof k === "symbol") continue;
          const d = Object.getOwnPropertyDescriptor(o, k);
          if ("value" in d) q.push([d.value, path + "." + k]);
          if (d.get) q.push([d.get, path + ".get " + k]);
          if (d.set) q.push([d.set, path + ".set " + k]);
        }
      }
      return out;
    })()`) as string[];
    expect(names.length).toBeGreaterThan(300);
    const receivers = [
      "undefined",
      "null",
      "'s'",
      "Symbol()",
      "Object.create(null)",
      "new Proxy({}, {})",
      "new Proxy([], { get() { throw 1; } })",
      "{ length: 2 ** 53 - 1 }",
      "{ valueOf() { throw 1; } }",
      "{ [Symbol.toPrimitive]() { return Symbol(); } }",
    ];
    const escaped: string[] = [];
    for (const recv of receivers) {
      const sb = createSandbox({
        limits: { perRun: { fuel: 200_000, timeMs: 500, memoryBytes: 8_000_000 } },
      });
      for (const name of names) {
        const accessor = /\.(get|set) ([^.]*)$/.exec(name);
        const fexpr = accessor
          ? `Object.getOwnPropertyDescriptor(${name.slice(0, accessor.index)}, ${JSON.stringify(accessor[2])}).${accessor[1]}`
          : name;
        for (const args of ["", recv, `${recv}, 1e9, -1`]) {
          const code = `(() => {
            const f = ${fexpr}, r = ${recv}, out = [];
            try { Reflect.apply(f, r, [${args}]); } catch (e) { out.push(e); }
            try { Reflect.construct(f, [${args}]); } catch (e) { out.push(e); }
            for (const e of out) if (typeof e === "object" && e !== null && !(e instanceof Error)) return "odd";
            return out.every((e) => typeof e !== "object" || e === null || e.constructor.constructor === Function);
          })()`;
          try {
            const ok = sb.runSync(code);
            if (ok !== true) escaped.push(`${name} (this=${recv}, args=${args}): ${String(ok)}`);
          } catch (e) {
            if (e instanceof ResourceExhaustedError || e instanceof SandboxError) continue;
            escaped.push(`${name} (this=${recv}, args=${args}): host ${String(e)}`);
          }
        }
      }
      assertNoHostObjectReachable(sb);
    }
    expect(escaped).toEqual([]);
  }, 60_000);
});
