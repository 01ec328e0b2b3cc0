import { describe, expect, it } from "vitest";
import { run, tinyFuel } from "./core-helpers.js";

describe("Proxy constructor", () => {
  it("requires new and object arguments", () => {
    expect(
      run(
        `[Proxy.length, Proxy.name, "prototype" in Proxy, thrown(() => Proxy({}, {})), thrown(() => new Proxy(1, {})), thrown(() => new Proxy({}, null))]`,
      ),
    ).toEqual([2, "Proxy", false, "TypeError", "TypeError", "TypeError"]);
    // Revoked proxies are valid targets and handlers since ES2020.
    expect(
      run(`var r = Proxy.revocable({}, {}); r.revoke(); typeof new Proxy(r.proxy, r.proxy)`),
    ).toBe("object");
  });

  it("forwards every operation to the target without traps", () => {
    expect(
      run(`var t = { a: 1 }; var p = new Proxy(t, {}); p.b = 2; delete p.a; Object.defineProperty(p, "c", { value: 3 });
      [t.b, "a" in t, t.c, "b" in p, Object.keys(p), Object.getPrototypeOf(p) === Object.prototype, Object.isExtensible(p)]`),
    ).toEqual([2, false, 3, true, ["b"], true, true]);
  });

  it("callable and constructible proxies", () => {
    expect(
      run(
        `var p = new Proxy(function (a) { return a * 2; }, {}); [typeof p, p(4), new (new Proxy(class { constructor() { this.k = 1; } }, {}))().k]`,
      ),
    ).toEqual(["function", 8, 1]);
    expect(
      run(
        `var p = new Proxy(function () {}, { apply(t, thisArg, args) { return [thisArg, args.length, Array.isArray(args)]; } }); p.call(7, 1, 2)`,
      ),
    ).toEqual([7, 2, true]);
    expect(
      run(
        `function F() {} var p = new Proxy(F, { construct(t, args, nt) { return { args, ntIsP: nt === p }; } }); var r = new p(1, 2); [r.args, r.ntIsP]`,
      ),
    ).toEqual([[1, 2], true]);
    expect(
      run(
        `var p = new Proxy(function () {}, { construct() { return 1; } }); thrown(() => new p())`,
      ),
    ).toBe("TypeError");
    expect(run(`var p = new Proxy({}, {}); [typeof p, thrown(() => p())]`)).toEqual([
      "object",
      "TypeError",
    ]);
    expect(run(`var p = new Proxy(() => 1, {}); thrown(() => new p())`)).toBe("TypeError");
    expect(
      run(`var p = new Proxy(() => 1, { construct() { return {}; } }); thrown(() => new p())`),
    ).toBe("TypeError");
  });

  it("revocable", () => {
    expect(
      run(`var r = Proxy.revocable({ a: 1 }, {}); var before = r.proxy.a; r.revoke(); r.revoke();
      [Object.keys(r), before, r.revoke.length, r.revoke.name, thrown(() => r.proxy.a), thrown(() => { r.proxy.a = 1; }), thrown(() => "a" in r.proxy), thrown(() => Object.keys(r.proxy)), thrown(() => Object.getPrototypeOf(r.proxy)), typeof r.proxy]`),
    ).toEqual([
      ["proxy", "revoke"],
      1,
      0,
      "",
      "TypeError",
      "TypeError",
      "TypeError",
      "TypeError",
      "TypeError",
      "object",
    ]);
    expect(
      run(
        `var r = Proxy.revocable(function () {}, {}); r.revoke(); [typeof r.proxy, thrown(() => r.proxy()), thrown(() => new r.proxy()), thrown(() => Object.prototype.toString.call(r.proxy))]`,
      ),
    ).toEqual(["function", "TypeError", "TypeError", "TypeError"]);
    expect(
      run(`var r = Proxy.revocable([], {}); r.revoke(); thrown(() => Array.isArray(r.proxy))`),
    ).toBe("TypeError");
    expect(
      run(
        `var r = Proxy.revocable({}, {}); Object.getPrototypeOf(r) === Object.prototype && desc(r, "proxy")`,
      ),
    ).toBe("vwec");
  });
});

describe("Proxy traps and invariants", () => {
  it("getPrototypeOf", () => {
    expect(
      run(
        `var p = new Proxy({}, { getPrototypeOf() { return Array.prototype; } }); [p instanceof Array, Object.getPrototypeOf(p) === Array.prototype]`,
      ),
    ).toEqual([true, true]);
    expect(
      run(`thrown(() => Object.getPrototypeOf(new Proxy({}, { getPrototypeOf() { return 1; } })))`),
    ).toBe("TypeError");
    expect(
      run(
        `var t = Object.preventExtensions({}); thrown(() => Object.getPrototypeOf(new Proxy(t, { getPrototypeOf() { return Array.prototype; } })))`,
      ),
    ).toBe("TypeError");
    expect(
      run(
        `var t = Object.preventExtensions({}); Object.getPrototypeOf(new Proxy(t, { getPrototypeOf() { return Object.prototype; } })) === Object.prototype`,
      ),
    ).toBe(true);
    expect(run(`thrown(() => Object.getPrototypeOf(new Proxy({}, { getPrototypeOf: 1 })))`)).toBe(
      "TypeError",
    );
  });

  it("setPrototypeOf", () => {
    expect(
      run(
        `var p = new Proxy({}, { setPrototypeOf() { return false; } }); [Reflect.setPrototypeOf(p, null), thrown(() => Object.setPrototypeOf(p, null))]`,
      ),
    ).toEqual([false, "TypeError"]);
    expect(
      run(
        `var t = Object.preventExtensions({}); var p = new Proxy(t, { setPrototypeOf() { return true; } }); [thrown(() => Reflect.setPrototypeOf(p, null)), Reflect.setPrototypeOf(p, Object.prototype)]`,
      ),
    ).toEqual(["TypeError", true]);
    // A proxy ends the cycle check of ordinary [[SetPrototypeOf]].
    expect(
      run(`var a = {}; var p = new Proxy(Object.create(a), {}); Reflect.setPrototypeOf(a, p)`),
    ).toBe(true);
  });

  it("isExtensible and preventExtensions", () => {
    expect(
      run(`thrown(() => Object.isExtensible(new Proxy({}, { isExtensible() { return false; } })))`),
    ).toBe("TypeError");
    expect(run(`Object.isExtensible(new Proxy({}, { isExtensible() { return 1; } }))`)).toBe(true);
    expect(
      run(
        `thrown(() => Object.preventExtensions(new Proxy({}, { preventExtensions() { return true; } })))`,
      ),
    ).toBe("TypeError");
    expect(
      run(`Reflect.preventExtensions(new Proxy({}, { preventExtensions() { return false; } }))`),
    ).toBe(false);
    expect(
      run(
        `var t = {}; Reflect.preventExtensions(new Proxy(t, { preventExtensions(x) { Object.preventExtensions(x); return true; } }))`,
      ),
    ).toBe(true);
  });

  it("getOwnPropertyDescriptor", () => {
    expect(
      run(
        `var p = new Proxy({}, { getOwnPropertyDescriptor(t, k) { return { value: k, configurable: true }; } }); var d = Object.getOwnPropertyDescriptor(p, "z"); [d.value, d.writable, d.enumerable, d.configurable]`,
      ),
    ).toEqual(["z", false, false, true]);
    const cases = [
      // trap result neither object nor undefined
      `new Proxy({}, { getOwnPropertyDescriptor() { return 1; } })`,
      // undefined for a non-configurable target property
      `new Proxy(Object.defineProperty({}, "x", { value: 1 }), { getOwnPropertyDescriptor() {} })`,
      // undefined for an existing property of a non-extensible target
      `new Proxy(Object.preventExtensions({ x: 1 }), { getOwnPropertyDescriptor() {} })`,
      // reporting a new property on a non-extensible target
      `new Proxy(Object.preventExtensions({}), { getOwnPropertyDescriptor() { return { value: 1, configurable: true }; } })`,
      // reporting non-configurable for a configurable target property
      `new Proxy({ x: 1 }, { getOwnPropertyDescriptor() { return { value: 1, configurable: false, writable: true, enumerable: true }; } })`,
      // reporting non-configurable for a missing property
      `new Proxy({}, { getOwnPropertyDescriptor() { return { value: 1, configurable: false }; } })`,
      // non-configurable non-writable reported for non-configurable writable
      `new Proxy(Object.defineProperty({}, "x", { value: 1, writable: true }), { getOwnPropertyDescriptor() { return { value: 1, writable: false, configurable: false }; } })`,
      // incompatible value for a frozen property
      `new Proxy(Object.freeze({ x: 1 }), { getOwnPropertyDescriptor() { return { value: 2, writable: false, configurable: false, enumerable: true }; } })`,
    ];
    expect(
      run(
        `[${cases.map((c) => `thrown(() => Object.getOwnPropertyDescriptor(${c}, "x"))`).join()}]`,
      ),
    ).toEqual(cases.map(() => "TypeError"));
    expect(
      run(
        `Object.getOwnPropertyDescriptor(new Proxy({ x: 1 }, { getOwnPropertyDescriptor() {} }), "x")`,
      ),
    ).toBe(undefined);
  });

  it("defineProperty", () => {
    expect(
      run(
        `var log; var p = new Proxy({}, { defineProperty(t, k, d) { log = [k, Object.keys(d)]; return Reflect.defineProperty(t, k, d); } }); p.x = 1; log`,
      ),
    ).toEqual(["x", ["value", "writable", "enumerable", "configurable"]]);
    expect(
      run(
        `var p = new Proxy({}, { defineProperty() { return false; } }); [Reflect.defineProperty(p, "x", {}), thrown(() => Object.defineProperty(p, "x", {})), thrown(() => { "use strict"; p.x = 1; })]`,
      ),
    ).toEqual([false, "TypeError", "TypeError"]);
    expect(
      run(
        `thrown(() => Object.defineProperty(new Proxy(Object.preventExtensions({}), { defineProperty() { return true; } }), "x", { value: 1 }))`,
      ),
    ).toBe("TypeError");
    expect(
      run(
        `thrown(() => Object.defineProperty(new Proxy({}, { defineProperty() { return true; } }), "x", { value: 1, configurable: false }))`,
      ),
    ).toBe("TypeError");
    expect(
      run(
        `thrown(() => Object.defineProperty(new Proxy({ x: 1 }, { defineProperty() { return true; } }), "x", { configurable: false }))`,
      ),
    ).toBe("TypeError");
    expect(
      run(
        `thrown(() => Object.defineProperty(new Proxy(Object.freeze({ x: 1 }), { defineProperty() { return true; } }), "x", { value: 2 }))`,
      ),
    ).toBe("TypeError");
    expect(
      run(
        `var t = Object.defineProperty({}, "x", { value: 1, writable: true }); thrown(() => Object.defineProperty(new Proxy(t, { defineProperty() { return true; } }), "x", { writable: false, configurable: false }))`,
      ),
    ).toBe("TypeError");
    expect(
      run(
        `Reflect.defineProperty(new Proxy({}, { defineProperty() { return true; } }), "x", { value: 1 })`,
      ),
    ).toBe(true);
  });

  it("has", () => {
    expect(
      run(`var p = new Proxy({}, { has(t, k) { return k === "yes"; } }); ["yes" in p, "no" in p]`),
    ).toEqual([true, false]);
    expect(
      run(
        `thrown(() => "x" in new Proxy(Object.defineProperty({}, "x", { value: 1 }), { has() { return false; } }))`,
      ),
    ).toBe("TypeError");
    expect(
      run(
        `thrown(() => "x" in new Proxy(Object.preventExtensions({ x: 1 }), { has() { return false; } }))`,
      ),
    ).toBe("TypeError");
    expect(run(`"x" in new Proxy({ x: 1 }, { has() { return 0; } })`)).toBe(false);
    // Inherited lookups reach the proxy's has/get traps.
    expect(
      run(
        `var o = Object.create(new Proxy({}, { has(t, k) { return k === "q"; }, get(t, k, r) { return "got " + String(k); } })); ["q" in o, o.q]`,
      ),
    ).toEqual([true, "got q"]);
  });

  it("get", () => {
    expect(
      run(`var p = new Proxy({}, { get(t, k, r) { return [String(k), r === p]; } }); p.foo`),
    ).toEqual(["foo", true]);
    expect(
      run(
        `var t = Object.defineProperty({}, "x", { value: 1 }); [thrown(() => new Proxy(t, { get() { return 2; } }).x), new Proxy(t, { get() { return 1; } }).x]`,
      ),
    ).toEqual(["TypeError", 1]);
    expect(
      run(
        `var t = Object.defineProperty({}, "x", { set(v) {} }); [thrown(() => new Proxy(t, { get() { return 2; } }).x), new Proxy(t, { get() {} }).x]`,
      ),
    ).toEqual(["TypeError", undefined]);
    expect(
      run(
        `var t = Object.defineProperty({}, "x", { value: 1, writable: true }); new Proxy(t, { get() { return 2; } }).x`,
      ),
    ).toBe(2);
    expect(
      run(
        `var recv; var p = new Proxy({}, { get(t, k, r) { recv = r; } }); var o = Object.create(p); o.z; recv === o`,
      ),
    ).toBe(true);
  });

  it("set", () => {
    expect(
      run(
        `var log = []; var p = new Proxy({}, { set(t, k, v, r) { log.push(k, v, r === p); return true; } }); p.a = 1; log`,
      ),
    ).toEqual(["a", 1, true]);
    expect(
      run(
        `var p = new Proxy({}, { set() { return false; } }); [Reflect.set(p, "a", 1), thrown(() => { "use strict"; p.a = 1; }), thrown(() => { p.a = 1; })]`,
      ),
    ).toEqual([false, "TypeError", "none"]);
    expect(
      run(
        `var t = Object.freeze({ x: 1 }); var p = new Proxy(t, { set() { return true; } }); [thrown(() => { p.x = 2; }), Reflect.set(p, "x", 1)]`,
      ),
    ).toEqual(["TypeError", true]);
    expect(
      run(
        `var t = Object.defineProperty({}, "x", { get() {} }); thrown(() => { new Proxy(t, { set() { return true; } }).x = 1; })`,
      ),
    ).toBe("TypeError");
  });

  it("deleteProperty", () => {
    expect(
      run(
        `var p = new Proxy({ a: 1 }, { deleteProperty(t, k) { return k === "a"; } }); [delete p.a, delete p.b, thrown(() => { "use strict"; delete p.b; })]`,
      ),
    ).toEqual([true, false, "TypeError"]);
    expect(
      run(
        `thrown(() => delete new Proxy(Object.defineProperty({}, "x", { value: 1 }), { deleteProperty() { return true; } }).x)`,
      ),
    ).toBe("TypeError");
    expect(
      run(
        `thrown(() => delete new Proxy(Object.preventExtensions({ x: 1 }), { deleteProperty() { return true; } }).x)`,
      ),
    ).toBe("TypeError");
  });

  it("ownKeys", () => {
    expect(
      run(
        `var s = Symbol(); var p = new Proxy({}, { ownKeys() { return ["b", "a", s]; }, getOwnPropertyDescriptor() { return { value: 1, enumerable: true, configurable: true }; } }); [Object.keys(p), Reflect.ownKeys(p).length]`,
      ),
    ).toEqual([["b", "a"], 3]);
    const bad = [
      `{ ownKeys() { return 1; } }`,
      `{ ownKeys() { return [1]; } }`,
      `{ ownKeys() { return ["a", "a"]; } }`,
    ];
    expect(
      run(`[${bad.map((h) => `thrown(() => Reflect.ownKeys(new Proxy({}, ${h})))`).join()}]`),
    ).toEqual(bad.map(() => "TypeError"));
    expect(
      run(
        `thrown(() => Reflect.ownKeys(new Proxy(Object.defineProperty({}, "x", { value: 1 }), { ownKeys() { return []; } })))`,
      ),
    ).toBe("TypeError");
    expect(
      run(
        `thrown(() => Reflect.ownKeys(new Proxy(Object.preventExtensions({ x: 1 }), { ownKeys() { return []; } })))`,
      ),
    ).toBe("TypeError");
    expect(
      run(
        `thrown(() => Reflect.ownKeys(new Proxy(Object.preventExtensions({ x: 1 }), { ownKeys() { return ["x", "y"]; } })))`,
      ),
    ).toBe("TypeError");
    expect(
      run(
        `Reflect.ownKeys(new Proxy(Object.preventExtensions({ x: 1 }), { ownKeys() { return ["x"]; } }))`,
      ),
    ).toEqual(["x"]);
    expect(
      run(
        `Reflect.ownKeys(new Proxy({}, { ownKeys() { return { length: 2, 0: "p", 1: "q" }; } }))`,
      ),
    ).toEqual(["p", "q"]);
  });

  it("looks traps up at each operation, through the handler's own [[Get]]", () => {
    expect(
      run(
        `var log = []; var h = new Proxy({}, { get(t, k) { log.push(k); return undefined; } }); var p = new Proxy({}, h); p.x; p.y = 1; "z" in p; delete p.y; Object.keys(p); log`,
      ),
    ).toEqual([
      "get",
      "set",
      "getOwnPropertyDescriptor",
      "defineProperty",
      "has",
      "deleteProperty",
      "ownKeys",
    ]);
    expect(
      run(
        `var h = {}; var p = new Proxy({ a: 1 }, h); var before = p.a; h.get = () => 2; [before, p.a]`,
      ),
    ).toEqual([1, 2]);
  });

  it("is metered", () => {
    expect(() =>
      run(
        `var p = new Proxy({}, { ownKeys() { return { length: 1e7 }; } }); Reflect.ownKeys(p);`,
        tinyFuel,
      ),
    ).toThrow(/fuel/);
  });
});
