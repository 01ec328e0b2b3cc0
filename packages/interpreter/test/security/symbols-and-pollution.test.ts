/**
 * Attack class 4: well-known symbols and prototype pollution. Symbol.species, toPrimitive,
 * hasInstance, iterator and toStringTag on values handed to host functions or returned to the
 * host never make the host run guest code or see anything but plain copies; guest writes to its
 * prototypes change only its own realm; `__proto__` keys in data crossing either way never
 * change a host or guest prototype.
 */
import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSandbox, ResourceExhaustedError, type Sandbox } from "../../src/index.js";
import {
  assertHostIntrinsicsUnchanged,
  assertNoHostObjectReachable,
  expectHealthy,
  type HostIntrinsicsSnapshot,
  snapshotHostIntrinsics,
} from "./invariants.js";

let snap: HostIntrinsicsSnapshot;
beforeEach(() => {
  snap = snapshotHostIntrinsics();
});
afterEach(() => {
  assertHostIntrinsicsUnchanged(snap);
});

/** Host functions that use their arguments the way host code commonly does. */
function hostApi(received: unknown[]) {
  return {
    take: (...args: unknown[]) => {
      received.push(...args);
      return args.length;
    },
    mapIt: (a: unknown[]) => (Array.isArray(a) ? a.map((x) => x) : "not an array"),
    sliceIt: (a: unknown[]) => (Array.isArray(a) ? a.slice() : "not an array"),
    spreadIt: (a: Iterable<unknown>) => [...a],
    concatIt: (a: unknown[]) => [].concat(a as never),
    tag: (x: unknown) => Object.prototype.toString.call(x),
    isInstance: (x: unknown, C: unknown) => {
      try {
        return x instanceof (C as new () => unknown);
      } catch {
        return "threw";
      }
    },
    inspectIt: (x: unknown) => inspect(x, { depth: 5 }),
    keysOf: (x: object) => Reflect.ownKeys(x).map(String),
    protoOf: (x: object) => Object.getPrototypeOf(x) === Object.prototype,
    jsonIt: (x: unknown) => JSON.stringify(x),
    templ: (x: unknown) => `${x as string}`,
    plus: (x: unknown) => (x as number) + 1,
  };
}

describe("well-known symbols on values handed to the host", () => {
  let sb: Sandbox;
  let received: unknown[];
  beforeEach(() => {
    received = [];
    sb = createSandbox({ globals: hostApi(received) });
    sb.runSync("globalThis.ran = [];");
  });
  afterEach(() => {
    // No guest code ran as a side effect of a conversion or of the host using the copies.
    expect(sb.runSync("ran")).toEqual([]);
    assertNoHostObjectReachable(sb);
  });

  it("Symbol.species on an array passed to the host is not consulted (the host gets a plain array)", () => {
    const out = sb.runSync(`
      const a = [1, 2, 3];
      a.constructor = { [Symbol.species]: function () { ran.push("species"); return globalThis; } };
      class Evil extends Array { static get [Symbol.species]() { ran.push("species2"); return Object; } }
      const b = Evil.from([4, 5]);
      [mapIt(a), sliceIt(a), concatIt(b), mapIt(b)]
    `);
    expect(out).toEqual([
      [1, 2, 3],
      [1, 2, 3],
      [4, 5],
      [4, 5],
    ]);
    for (const x of received) expect(Object.getPrototypeOf(x)).toBe(Array.prototype);
  });

  it("Symbol.toPrimitive / valueOf on objects are not run by the membrane or by host coercion of symbol keys", () => {
    const out = sb.runSync(`
      const o = { [Symbol.toPrimitive]() { ran.push("toPrimitive"); return "p"; } };
      [templ(o), plus(o), jsonIt(o), keysOf(o)]
    `);
    expect(out).toEqual(["[object Object]", "[object Object]1", "{}", []]);
  });

  it("Symbol.hasInstance on a guest class handed to host instanceof is not run", () => {
    const out = sb.runSync(`
      class X { static [Symbol.hasInstance]() { ran.push("hasInstance"); return true; } }
      [isInstance({}, X), isInstance([], X)]
    `);
    for (const r of out as unknown[]) expect([false, "threw"]).toContain(r);
  });

  it("Symbol.iterator on an array handed to the host is not run (the copy iterates natively)", () => {
    const out = sb.runSync(`
      const a = [1, 2];
      a[Symbol.iterator] = function* () { ran.push("iterator"); yield 666; };
      Array.prototype[Symbol.iterator] = function* () { ran.push("proto iterator"); yield 667; };
      spreadIt(a)
    `);
    expect(out).toEqual([1, 2]);
  });

  it("Symbol.toStringTag and inspect hooks do not cross", () => {
    const out = sb.runSync(`
      const o = {
        [Symbol.toStringTag]: "Host",
        [Symbol.for("nodejs.util.inspect.custom")]() { ran.push("inspect"); return "pwned"; },
        inspect() { ran.push("inspect-method"); return "pwned"; },
        get g() { ran.push("getter"); return 1; },
        v: 1,
      };
      [tag(o), inspectIt(o), keysOf(o)]
    `) as [string, string, string[]];
    expect(out[0]).toBe("[object Object]");
    expect(out[1]).not.toContain("pwned");
    expect(out[2]).toEqual(["inspect", "v"]);
  });

  it("the sandbox's Symbol.for registry is its own", () => {
    const guestSym = sb.runSync("Symbol.for('nodejs.util.inspect.custom')") as symbol;
    expect(typeof guestSym).toBe("symbol");
    expect(guestSym).not.toBe(Symbol.for("nodejs.util.inspect.custom"));
    expect(Symbol.keyFor(guestSym)).toBeUndefined();
    expect(
      sb.runSync(
        "Symbol.keyFor(Symbol.for('app')) === 'app' && Symbol.for('app') === Symbol.for('app')",
      ),
    ).toBe(true);
    const other = createSandbox();
    expect(other.runSync("Symbol.for('app')")).not.toBe(sb.runSync("Symbol.for('app')"));
    // A host registered symbol handed in is not in the guest registry.
    const viaHost = createSandbox({ globals: { s: Symbol.for("host-registered") } });
    expect(viaHost.runSync("Symbol.keyFor(s)")).toBeUndefined();
  });

  it("guest code coercing exported data in the host runs under the run's budget (toString / toJSON)", () => {
    const coerce = (x: unknown) => String(x);
    const sb2 = createSandbox({ globals: { coerce }, limits: { perRun: { fuel: 100_000 } } });
    expect(sb2.runSync("coerce({ toString() { return 'mine'; } })")).toBe("mine");
    expect(() => sb2.runSync("coerce({ toString() { for (;;) {} } })")).toThrow(
      ResourceExhaustedError,
    );
    expectHealthy(sb2);
    assertNoHostObjectReachable(sb2);
  });
});

describe("prototype pollution", () => {
  const POLLUTE = `
    Object.prototype.polluted = true;
    Object.prototype.isAdmin = true;
    Array.prototype.polluted = true;
    Function.prototype.polluted = true;
    Object.prototype.then = function (r) { r("hijacked"); };
    Object.defineProperty(Object.prototype, "x", { get() { return "getter"; }, configurable: true });
    Object.prototype.toString = () => "pwned";
    Object.prototype.hasOwnProperty = () => true;
    Array.prototype.map = () => "pwned";
    Array.prototype.push = () => "pwned";
    Array.prototype[Symbol.iterator] = function* () { yield "pwned"; };
    JSON.stringify = () => "pwned";
    JSON.parse = () => "pwned";
    Promise.prototype.then = () => "pwned";
    Error.prototype.toString = () => "pwned";
    String.prototype.toUpperCase = () => "pwned";
    Object.prototype.__defineGetter__("y", () => "pwned");
    "".sub.__proto__.__proto__.__defineSetter__("z", () => {});
    Object.setPrototypeOf(Array.prototype, null);
    Object.freeze(Object.prototype);
    1
  `;

  it("writes to the sandbox's prototypes change nothing in the host or in other sandboxes", () => {
    const other = createSandbox();
    const received: unknown[] = [];
    const sb = createSandbox({ globals: hostApi(received) });
    expect(sb.runSync(POLLUTE)).toBe(1);
    // The host's intrinsics are checked in afterEach; fresh host objects inherit nothing.
    const fresh = {} as Record<string, unknown>;
    expect([fresh.polluted, fresh.isAdmin, fresh.x, fresh.then]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect([1, 2].map((x) => x * 2)).toEqual([2, 4]);
    expect(JSON.stringify({ a: 1 })).toBe('{"a":1}');
    // Values the polluted sandbox hands out are plain host data.
    const out = sb.runSync("({ a: [1, 2], b: 'x' })") as Record<string, unknown>;
    expect(out).toEqual({ a: [1, 2], b: "x" });
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(out.polluted).toBeUndefined();
    expect((out.a as Record<string, unknown>).polluted).toBeUndefined();
    sb.runSync("take({ q: 1 }, [1])");
    expect(received).toEqual([{ q: 1 }, [1]]);
    // Another sandbox is untouched.
    expect(
      other.runSync(
        "[({}).polluted, [].polluted, [1, 2].map((x) => x + 1), JSON.stringify({ a: 1 }), Object.isFrozen(Object.prototype), String({})]",
      ),
    ).toEqual([undefined, undefined, [2, 3], '{"a":1}', false, "[object Object]"]);
    // A new sandbox as well.
    expect(createSandbox().runSync("({}).polluted")).toBeUndefined();
    assertNoHostObjectReachable(sb);
  });

  it("results exported after pollution are not thenables and resolve to themselves", async () => {
    const sb = createSandbox();
    sb.runSync("Object.prototype.then = function (r) { r('hijacked'); };");
    const out = await sb.run("({ a: 1 })");
    expect(out).toEqual({ a: 1 });
  });

  it.each([
    ["JSON.parse", `JSON.parse('{"__proto__": {"polluted": true, "isAdmin": true}}')`],
    ["a computed key", `({ ["__proto__"]: { polluted: true, isAdmin: true } })`],
    [
      "defineProperty",
      `Object.defineProperty({}, "__proto__", { value: { polluted: true, isAdmin: true }, enumerable: true })`,
    ],
    [
      "a nested value",
      `({ nested: JSON.parse('{"__proto__": {"polluted": true, "isAdmin": true}}') })`,
    ],
    ["an array element", `[JSON.parse('{"__proto__": {"polluted": true, "isAdmin": true}}')]`],
  ])("an own '__proto__' key exported via %s never sets a host prototype", (_how, expr) => {
    const received: unknown[] = [];
    const sb = createSandbox({ globals: hostApi(received) });
    const out = sb.runSync(expr);
    sb.runSync(`take(${expr})`);
    for (const value of [out, received[0]]) {
      const objs: Record<string, unknown>[] = [];
      const collect = (v: unknown) => {
        if (v && typeof v === "object") {
          objs.push(v as Record<string, unknown>);
          for (const k of Object.keys(v)) if (k !== "__proto__") collect((v as never)[k]);
        }
      };
      collect(value);
      for (const o of objs) {
        const proto = Object.getPrototypeOf(o);
        expect(proto === Object.prototype || proto === Array.prototype).toBe(true);
        expect(o.polluted).toBeUndefined();
        expect(o.isAdmin).toBeUndefined();
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("an own '__proto__' key survives the crossing as data (a faithful copy)", () => {
    const sb = createSandbox();
    const out = sb.runSync(`JSON.parse('{"__proto__": {"polluted": true}, "a": 1}')`) as object;
    expect(Object.keys(out).sort()).toEqual(["__proto__", "a"]);
    expect(Object.getOwnPropertyDescriptor(out, "__proto__")?.value).toEqual({ polluted: true });
  });

  it("'__proto__' keys in host data imported into the sandbox stay own data properties", () => {
    const data = JSON.parse('{"__proto__": {"polluted": true}, "list": [{"__proto__": {"x": 1}}]}');
    const before = structuredClone(data);
    const sb = createSandbox({ globals: { data } });
    const out = sb.runSync(`[
      ({}).polluted,
      data.polluted,
      Object.getPrototypeOf(data) === Object.prototype,
      Object.keys(data).includes("__proto__"),
      Object.getPrototypeOf(data.list[0]) === Object.prototype,
      data.list[0].x,
    ]`);
    expect(out).toEqual([undefined, undefined, true, true, true, undefined]);
    expect(data).toEqual(before);
    expect(Object.getOwnPropertyDescriptor(data, "__proto__")?.value).toEqual({ polluted: true });
  });

  it("injected data is copied in: guest mutations never reach the host's objects", () => {
    const config = {
      list: [1, 2, { deep: true }],
      map: new Map([["k", { v: 1 }]]),
      set: new Set([1]),
      when: new Date(0),
      bytes: new Uint8Array([1, 2, 3]),
      nested: { a: { b: { c: "d" } } },
    };
    const before = {
      list: structuredClone(config.list),
      map: structuredClone(config.map),
      set: structuredClone(config.set),
      when: config.when.getTime(),
      bytes: Array.from(config.bytes),
      nested: structuredClone(config.nested),
    };
    const sb = createSandbox({ globals: { config } });
    sb.runSync(`
      config.list.push(4); config.list[2].deep = false; config.list.length = 0;
      config.map.get("k").v = 2; config.map.set("new", 1); config.map.clear();
      config.set.add(2); config.when.setTime(123456); config.bytes[0] = 99; config.bytes.fill(7);
      config.nested.a.b.c = "changed"; delete config.nested.a;
      Object.setPrototypeOf(config, null); Object.freeze(config.list); Object.defineProperty(config, "x", { get() { return 1; } });
    `);
    expect(config.list).toEqual(before.list);
    expect(config.map).toEqual(before.map);
    expect(config.set).toEqual(before.set);
    expect(config.when.getTime()).toBe(before.when);
    expect(Array.from(config.bytes)).toEqual(before.bytes);
    expect(config.nested).toEqual(before.nested);
    expect(Object.getPrototypeOf(config)).toBe(Object.prototype);
    expect(Object.isFrozen(config.list)).toBe(false);
    expect("x" in config).toBe(false);
  });
});

describe("patched guest built-ins never run while host data is imported", () => {
  const hostData = {
    mkMap: () =>
      new Map<unknown, unknown>([
        [1, { a: 1 }],
        ["k", [1, 2]],
      ]),
    mkSet: () => new Set([1, 2, 3]),
    mkBytes: () => new Uint8Array([1, 2, 3]),
    mkFloats: () => new Float64Array([1.5, -0, Number.NaN]),
    mkBig: () => new BigInt64Array([1n, -2n]),
    mkDate: () => new Date(86_400_000),
    mkNested: () => ({ m: new Map([["x", new Set([new Uint16Array([7])])]]) }),
  };

  it.each([
    ["Map.prototype.set", "Map.prototype.set = function () { ran.push('set'); return this; };"],
    ["Set.prototype.add", "Set.prototype.add = function () { ran.push('add'); return this; };"],
    [
      "Array.prototype[Symbol.iterator]",
      "Array.prototype[Symbol.iterator] = function* () { ran.push('iterator'); yield 42; };",
    ],
    [
      "%ArrayIteratorPrototype%.next",
      "Object.getPrototypeOf([][Symbol.iterator]()).next = function () { ran.push('next'); return { done: true }; };",
    ],
    [
      "Object.prototype setters for indices",
      "Object.defineProperty(Object.prototype, '0', { set(v) { ran.push('setter'); }, configurable: true });",
    ],
    [
      "the global constructors",
      "globalThis.Map = function () { ran.push('Map'); }; globalThis.Set = globalThis.Map; globalThis.Uint8Array = globalThis.Map; globalThis.Date = globalThis.Map;",
    ],
    [
      "constructor / species",
      "Uint8Array.prototype.constructor = function () { ran.push('ctor'); }; Object.defineProperty(Map, Symbol.species, { get() { ran.push('species'); return Map; } });",
    ],
    [
      "ArrayBuffer.prototype / %TypedArray%.prototype.set",
      "Object.getPrototypeOf(Uint8Array.prototype).set = function () { ran.push('ta set'); }; ArrayBuffer.prototype.slice = function () { ran.push('ab slice'); };",
    ],
  ])(
    "with %s patched, imported Map/Set/typed arrays/Date are exact copies and no guest code runs",
    (_what, patch) => {
      const sb = createSandbox({ globals: hostData });
      sb.runSync(`globalThis.ran = []; ${patch}`);
      const out = sb.runSync(`
      const m = mkMap(), s = mkSet(), b = mkBytes(), f = mkFloats(), g = mkBig(), d = mkDate(), n = mkNested();
      const entries = [];
      const mapProto = Object.getPrototypeOf(m);
      [
        m.size, m.has(1), m.has("k"), s.size, b.length, b[0], b[2], f.length, Object.is(f[1], -0), f[2] !== f[2],
        g.length, g[1] === -2n, d.getTime(), n.m.size, ran.slice(),
      ]
    `) as unknown[];
      expect(out).toEqual([2, true, true, 3, 3, 1, 3, 3, true, true, 2, true, 86_400_000, 1, []]);
      assertNoHostObjectReachable(sb);
    },
  );
});
