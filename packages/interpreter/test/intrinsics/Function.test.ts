import { describe, expect, it } from "vitest";
import { run, tinyFuel, tinyMemory } from "./core-helpers.js";

describe("Function constructor", () => {
  it("is wired to Function.prototype", () => {
    expect(
      run(
        `[Function.length, Function.name, Function.prototype.constructor === Function, Object.getPrototypeOf(Function) === Function.prototype, desc(Function, "prototype")]`,
      ),
    ).toEqual([1, "Function", true, true, "v"]);
    expect(run(`(function () {}).constructor === Function`)).toBe(true);
  });

  it("refuses code generation unless the sandbox provides it", () => {
    expect(
      run(`var r; try { Function("return 1"); } catch (e) { r = [e.name, e.message]; } r`),
    ).toEqual(["TypeError", "Code generation from strings is disallowed by the sandbox policy"]);
    expect(run(`thrown(() => new Function("a", "return a"))`)).toBe("TypeError");
    expect(run(`thrown(() => (function () {}).constructor("return this")())`)).toBe("TypeError");
  });
});

describe("Function.prototype", () => {
  it("is a callable returning undefined with empty name and zero length", () => {
    expect(
      run(
        `[typeof Function.prototype, Function.prototype(), Function.prototype.name, Function.prototype.length, Object.getPrototypeOf(Function.prototype) === Object.prototype]`,
      ),
    ).toEqual(["function", undefined, "", 0, true]);
    expect(run(`thrown(() => new Function.prototype())`)).toBe("TypeError");
  });

  it("call and apply", () => {
    expect(
      run(
        `function f(a, b) { return [this && this.t, a, b]; } [f.call({ t: 1 }, 2, 3), f.apply({ t: 4 }, [5, 6]), f.apply({ t: 7 }), f.apply({ t: 8 }, null), f.apply({ t: 9 }, { length: 1, 0: "x" })]`,
      ),
    ).toEqual([
      [1, 2, 3],
      [4, 5, 6],
      [7, undefined, undefined],
      [8, undefined, undefined],
      [9, "x", undefined],
    ]);
    expect(run(`thrown(() => Function.prototype.call.call({}))`)).toBe("TypeError");
    expect(run(`thrown(() => Function.prototype.apply.call(1))`)).toBe("TypeError");
    expect(run(`thrown(() => (function () {}).apply(null, 1))`)).toBe("TypeError");
    expect(
      run(`function f() { "use strict"; return this; } [f.call(5), f.call(), f.apply(null)]`),
    ).toEqual([5, undefined, null]);
    expect(
      run(
        `[Function.prototype.call.length, Function.prototype.apply.length, Function.prototype.bind.length, Function.prototype.toString.length]`,
      ),
    ).toEqual([1, 2, 1, 0]);
  });

  it("bind", () => {
    expect(
      run(
        `function f(a, b, c) { return [this.t, a, b, c]; } var g = f.bind({ t: 1 }, 2); [g(3, 4), g.name, g.length, desc(g, "name"), desc(g, "length")]`,
      ),
    ).toEqual([[1, 2, 3, 4], "bound f", 2, "vc", "vc"]);
    expect(
      run(
        `function f(a) {} var g = f.bind(null, 1, 2, 3); [g.length, g.bind().name, g.bind().length]`,
      ),
    ).toEqual([0, "bound bound f", 0]);
    expect(
      run(
        `function f() {} Object.defineProperty(f, "length", { value: Infinity }); [f.bind().length, f.bind(0, 1).length]`,
      ),
    ).toEqual([Infinity, Infinity]);
    expect(
      run(
        `function f() {} Object.defineProperty(f, "length", { value: -Infinity }); f.bind().length`,
      ),
    ).toBe(0);
    expect(
      run(`function f() {} Object.defineProperty(f, "length", { value: 2.7 }); f.bind().length`),
    ).toBe(2);
    expect(
      run(`function f() {} Object.defineProperty(f, "length", { value: "3" }); f.bind().length`),
    ).toBe(0);
    expect(
      run(
        `function f() {} delete f.length; Object.setPrototypeOf(f, { length: 5 }); Function.prototype.bind.call(f).length`,
      ),
    ).toBe(0);
    expect(
      run(`function f() {} Object.defineProperty(f, "name", { value: 1 }); f.bind().name`),
    ).toBe("bound ");
    expect(
      run(
        `var log = []; var f = new Proxy(function () {}, { getPrototypeOf(t) { log.push("proto"); return Function.prototype; }, getOwnPropertyDescriptor(t, k) { log.push("gopd:" + String(k)); return Reflect.getOwnPropertyDescriptor(t, k); }, get(t, k) { log.push("get:" + String(k)); return Reflect.get(t, k); } }); Function.prototype.bind.call(f); log`,
      ),
    ).toEqual(["proto", "gopd:length", "get:length", "get:name"]);
    expect(
      run(
        `var p = {}; function f() {} Object.setPrototypeOf(f, p); Object.getPrototypeOf(Function.prototype.bind.call(f)) === p`,
      ),
    ).toBe(true);
    expect(
      run(
        `function P(x) { this.x = x; } var B = P.bind({ ignored: 1 }, 4); var o = new B(); [o.x, o instanceof P, o instanceof B]`,
      ),
    ).toEqual([4, true, true]);
    expect(run(`thrown(() => Function.prototype.bind.call({}))`)).toBe("TypeError");
    expect(run(`var g = (() => 1).bind(); thrown(() => new g())`)).toBe("TypeError");
    expect(
      run(
        `class A { constructor(a, b) { this.s = a + b; this.nt = new.target; } } var B = A.bind(null, 1); var o = new B(2); [o.s, o.nt === A]`,
      ),
    ).toEqual([3, true]);
  });

  it("toString", () => {
    expect(
      run(
        `[Function.prototype.toString.call(Object), Math.max.toString(), Function.prototype.toString(), Object.getOwnPropertyDescriptor(Object.prototype, "__proto__").get.toString(), Symbol.prototype[Symbol.toPrimitive].toString()]`,
      ),
    ).toEqual([
      "function Object() { [native code] }",
      "function max() { [native code] }",
      "function () { [native code] }",
      "function get __proto__() { [native code] }",
      "function [Symbol.toPrimitive]() { [native code] }",
    ]);
    expect(run(`(function () {}).bind().toString()`)).toBe("function () { [native code] }");
    expect(run(`function  f ( a ) { return a; } f.toString()`)).toBe(
      "function  f ( a ) { return a; }",
    );
    expect(run(`[((a) => a).toString(), (class A { x() {} }).toString()]`)).toEqual([
      "(a) => a",
      "class A { x() {} }",
    ]);
    expect(run(`Function.prototype.toString.call(new Proxy(function () {}, {}))`)).toBe(
      "function () { [native code] }",
    );
    expect(run(`thrown(() => Function.prototype.toString.call({}))`)).toBe("TypeError");
    expect(run(`thrown(() => Function.prototype.toString.call(new Proxy({}, {})))`)).toBe(
      "TypeError",
    );
  });

  it("toString of methods and accessors is their whole definition", () => {
    expect(
      run(
        `var o = { m(x) { }, get g() { return 1; }, [1 + 1]() {} }; [o.m.toString(), Object.getOwnPropertyDescriptor(o, "g").get.toString(), o[2].toString()]`,
      ),
    ).toEqual(["m(x) { }", "get g() { return 1; }", "[1 + 1]() {}"]);
  });

  it("@@hasInstance", () => {
    expect(
      run(
        `var h = Function.prototype[Symbol.hasInstance]; [h.name, h.length, desc(Function.prototype, Symbol.hasInstance)]`,
      ),
    ).toEqual(["[Symbol.hasInstance]", 1, "v"]);
    expect(
      run(
        `function F() {} var o = new F(); [F[Symbol.hasInstance](o), Function.prototype[Symbol.hasInstance].call({}, o), F[Symbol.hasInstance](1)]`,
      ),
    ).toEqual([true, false, false]);
    expect(
      run(
        `function F() {} var B = F.bind(); Function.prototype[Symbol.hasInstance].call(B, new F())`,
      ),
    ).toBe(true);
    expect(run(`function F() {} F.prototype = 1; thrown(() => F[Symbol.hasInstance]({}))`)).toBe(
      "TypeError",
    );
  });

  it("caller and arguments are poisoned accessors", () => {
    expect(
      run(`var c = Object.getOwnPropertyDescriptor(Function.prototype, "caller"); var a = Object.getOwnPropertyDescriptor(Function.prototype, "arguments");
      [c.get === c.set, c.get === a.get, c.enumerable, c.configurable, thrown(() => Function.prototype.caller), thrown(() => { Function.prototype.arguments = 1; })]`),
    ).toEqual([true, true, false, true, "TypeError", "TypeError"]);
    expect(
      run(
        `var t = Object.getOwnPropertyDescriptor(Function.prototype, "caller").get; [Object.isFrozen(t), t.length, t.name, desc(t, "length"), desc(t, "name")]`,
      ),
    ).toEqual([true, 0, "", "v", "v"]);
  });

  it("is metered", () => {
    expect(() =>
      run(`var big = { length: 1e7 }; (function () {}).apply(null, big);`, tinyFuel),
    ).toThrow(/fuel|memory/);
    expect(() =>
      run(`var big = { length: 1e7 }; (function () {}).apply(null, big);`, tinyMemory),
    ).toThrow(/memory|fuel/);
  });
});
