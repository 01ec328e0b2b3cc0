import { describe, expect, it } from "vitest";
import { run, tinyFuel, tinyMemory } from "./core-helpers.js";

describe("Object constructor", () => {
  it("converts and creates", () => {
    expect(run(`typeof Object(1)`)).toBe("object");
    expect(run(`Object(1) instanceof Number`)).toBe(true);
    expect(run(`var o = {}; Object(o) === o`)).toBe(true);
    expect(run(`Object.getPrototypeOf(Object(null)) === Object.prototype`)).toBe(true);
    expect(run(`Object.getPrototypeOf(new Object(undefined)) === Object.prototype`)).toBe(true);
    expect(run(`new Object("ab").length`)).toBe(2);
    expect(
      run(`[Object.length, Object.name, desc(Object, "prototype"), desc(globalThis, "Object")]`),
    ).toEqual([1, "Object", "v", "vwc"]);
  });

  it("supports subclassing through newTarget", () => {
    expect(
      run(
        `class A extends Object { constructor(x) { super(x); this.y = 1; } } var a = new A(5); [a instanceof A, typeof a, a.y]`,
      ),
    ).toEqual([true, "object", 1]);
    expect(
      run(`function F() {} F.prototype = { tag: 7 }; Reflect.construct(Object, [], F).tag`),
    ).toBe(7);
  });
});

describe("Object statics", () => {
  it("assign copies own enumerable properties with Set, in key order", () => {
    expect(
      run(`var log = []; var src = { b: 1, a: 2, 1: 3, [Symbol.for("s")]: 4 };
      Object.defineProperty(src, "hidden", { value: 5, enumerable: false });
      var t = Object.assign({}, src, null, undefined, "xy");
      [Object.keys(t), t[Symbol.for("s")], t.hidden]`),
    ).toEqual([["0", "1", "b", "a"], 4, undefined]);
    expect(
      run(`var log = []; var t = { set x(v) { log.push(v); } }; Object.assign(t, { x: 9 }); log`),
    ).toEqual([9]);
    expect(run(`thrown(() => Object.assign(Object.freeze({ a: 1 }), { a: 2 }))`)).toBe("TypeError");
    expect(run(`thrown(() => Object.assign(null, {}))`)).toBe("TypeError");
    expect(run(`typeof Object.assign(1)`)).toBe("object");
  });

  it("create and defineProperties", () => {
    expect(
      run(`var p = { k: 1 }; var o = Object.create(p, { a: { value: 2, enumerable: true }, b: { get() { return 3; } } });
      [Object.getPrototypeOf(o) === p, o.a, o.b, desc(o, "a"), desc(o, "b")]`),
    ).toEqual([true, 2, 3, "ve", "g"]);
    expect(run(`Object.getPrototypeOf(Object.create(null))`)).toBe(null);
    expect(run(`thrown(() => Object.create(1))`)).toBe("TypeError");
    expect(run(`thrown(() => Object.defineProperties(1, {}))`)).toBe("TypeError");
    expect(run(`thrown(() => Object.create({}, { a: { get: 1 } }))`)).toBe("TypeError");
    expect(run(`thrown(() => Object.create({}, { a: { value: 1, get() {} } }))`)).toBe("TypeError");
    // All descriptors are read before any is defined.
    expect(
      run(
        `var o = {}; var r = thrown(() => Object.defineProperties(o, { a: { value: 1 }, b: 5 })); [r, "a" in o]`,
      ),
    ).toEqual(["TypeError", false]);
  });

  it("defineProperty validates and converts in order", () => {
    expect(
      run(
        `var o = {}; Object.defineProperty(o, "x", { value: 1 }); [desc(o, "x"), thrown(() => Object.defineProperty(o, "x", { value: 2 }))]`,
      ),
    ).toEqual(["v", "TypeError"]);
    expect(
      run(`var log = []; var k = { toString() { log.push("key"); return "k"; } };
      var d = { get value() { log.push("value"); return 1; } };
      Object.defineProperty({}, k, d); log`),
    ).toEqual(["key", "value"]);
    expect(run(`thrown(() => Object.defineProperty(1, "x", {}))`)).toBe("TypeError");
    expect(run(`thrown(() => Object.defineProperty({}, "x", 1))`)).toBe("TypeError");
    expect(
      run(
        `var o = {}; Object.defineProperty(o, "x", { value: 1, writable: true }); Object.defineProperty(o, "x", { value: 2 }); o.x`,
      ),
    ).toBe(2);
  });

  it("keys, values, entries", () => {
    expect(run(`Object.keys({ b: 1, 2: 0, a: 2, 1: 0 })`)).toEqual(["1", "2", "b", "a"]);
    expect(run(`Object.values({ a: 1, b: "x" })`)).toEqual([1, "x"]);
    expect(run(`Object.entries({ a: 1, b: 2 })`)).toEqual([
      ["a", 1],
      ["b", 2],
    ]);
    expect(run(`Object.keys("ab")`)).toEqual(["0", "1"]);
    expect(run(`thrown(() => Object.keys(undefined))`)).toBe("TypeError");
    // A getter deleting a later key: that key is skipped.
    expect(
      run(`var o = { get a() { delete this.b; return 1; }, b: 2, c: 3 }; Object.values(o)`),
    ).toEqual([1, 3]);
  });

  it("freeze, seal, preventExtensions and their tests", () => {
    expect(
      run(`var o = Object.freeze({ a: 1, get g() { return 1; } });
      [Object.isFrozen(o), Object.isSealed(o), Object.isExtensible(o), desc(o, "a"), desc(o, "g")]`),
    ).toEqual([true, true, false, "ve", "ge"]);
    expect(
      run(
        `var o = Object.seal({ a: 1 }); o.a = 2; [Object.isSealed(o), Object.isFrozen(o), o.a, desc(o, "a")]`,
      ),
    ).toEqual([true, false, 2, "vwe"]);
    expect(
      run(
        `var o = Object.preventExtensions({}); [Object.isExtensible(o), Object.isFrozen(o), Object.isSealed(o)]`,
      ),
    ).toEqual([false, true, true]);
    expect(
      run(
        `[Object.freeze(1), Object.seal("s"), Object.preventExtensions(true), Object.isFrozen(1), Object.isSealed(1), Object.isExtensible(1)]`,
      ),
    ).toEqual([1, "s", true, true, true, false]);
    expect(
      run(
        `var a = Object.freeze([1, 2]); [thrown(() => { "use strict"; a[0] = 9; }), thrown(() => a.push(3)), a[0], a.length]`,
      ),
    ).toEqual(["TypeError", "TypeError", 1, 2]);
    expect(
      run(
        `var p = new Proxy({}, { preventExtensions() { return false; } }); thrown(() => Object.freeze(p))`,
      ),
    ).toBe("TypeError");
  });

  it("fromEntries", () => {
    expect(run(`Object.fromEntries([["a", 1], ["b", 2]])`)).toEqual({ a: 1, b: 2 });
    expect(run(`Object.fromEntries(new Map([[1, "x"]]))`)).toEqual({ 1: "x" });
    expect(run(`thrown(() => Object.fromEntries(null))`)).toBe("TypeError");
    expect(run(`thrown(() => Object.fromEntries([1]))`)).toBe("TypeError");
    expect(
      run(`var closed = 0; var it = { [Symbol.iterator]() { return { next() { return { value: 5, done: false }; }, return() { closed++; return {}; } }; } };
      [thrown(() => Object.fromEntries(it)), closed]`),
    ).toEqual(["TypeError", 1]);
    expect(
      run(`var closed = 0; var it = { [Symbol.iterator]() { return { next() { return { value: { get 0() { throw new RangeError(); } }, done: false }; }, return() { closed++; } }; } };
      [thrown(() => Object.fromEntries(it)), closed]`),
    ).toEqual(["RangeError", 1]);
  });

  it("property descriptors and key lists", () => {
    expect(
      run(
        `var d = Object.getOwnPropertyDescriptor({ a: 1 }, "a"); [Object.keys(d), d.value, d.writable]`,
      ),
    ).toEqual([["value", "writable", "enumerable", "configurable"], 1, true]);
    expect(run(`Object.getOwnPropertyDescriptor({}, "a")`)).toBe(undefined);
    expect(run(`Object.getOwnPropertyDescriptor("abc", "1").value`)).toBe("b");
    expect(
      run(
        `var s = Symbol(); var ds = Object.getOwnPropertyDescriptors({ a: 1, get b() { return 2; }, [s]: 3 }); [Object.keys(ds), typeof ds.b.get, ds[s].value]`,
      ),
    ).toEqual([["a", "b"], "function", 3]);
    expect(
      run(`var s = Symbol("q"); var o = { b: 1, [s]: 2, a: 3 }; Object.defineProperty(o, "h", { value: 0 });
      [Object.getOwnPropertyNames(o), Object.getOwnPropertySymbols(o).length, Object.getOwnPropertySymbols(o)[0] === s]`),
    ).toEqual([["b", "a", "h"], 1, true]);
    expect(run(`Object.getOwnPropertyNames("ab")`)).toEqual(["0", "1", "length"]);
  });

  it("prototype operations", () => {
    expect(run(`Object.getPrototypeOf(1) === Number.prototype`)).toBe(true);
    expect(run(`thrown(() => Object.getPrototypeOf(null))`)).toBe("TypeError");
    expect(
      run(`var p = {}; var o = Object.setPrototypeOf({}, p); Object.getPrototypeOf(o) === p`),
    ).toBe(true);
    expect(run(`Object.setPrototypeOf(1, null)`)).toBe(1);
    expect(run(`thrown(() => Object.setPrototypeOf(undefined, null))`)).toBe("TypeError");
    expect(run(`thrown(() => Object.setPrototypeOf({}, 1))`)).toBe("TypeError");
    expect(run(`thrown(() => Object.setPrototypeOf(Object.preventExtensions({}), {}))`)).toBe(
      "TypeError",
    );
    expect(
      run(`var a = {}; var b = Object.create(a); thrown(() => Object.setPrototypeOf(a, b))`),
    ).toBe("TypeError");
  });

  it("hasOwn and is", () => {
    expect(
      run(
        `[Object.hasOwn({ a: 1 }, "a"), Object.hasOwn(Object.create({ a: 1 }), "a"), Object.hasOwn("ab", 1)]`,
      ),
    ).toEqual([true, false, true]);
    expect(run(`thrown(() => Object.hasOwn(null, "a"))`)).toBe("TypeError");
    expect(
      run(`[Object.is(NaN, NaN), Object.is(0, -0), Object.is("a", "a"), Object.is({}, {})]`),
    ).toEqual([true, false, true, false]);
  });

  it("has the spec's lengths and attributes", () => {
    expect(
      run(
        `["assign","create","defineProperties","defineProperty","entries","freeze","fromEntries","getOwnPropertyDescriptor","getOwnPropertyDescriptors","getOwnPropertyNames","getOwnPropertySymbols","getPrototypeOf","hasOwn","is","isExtensible","isFrozen","isSealed","keys","preventExtensions","seal","setPrototypeOf","values"].map((k) => k + Object[k].length + desc(Object, k)).join()`,
      ),
    ).toBe(
      "assign2vwc,create2vwc,defineProperties2vwc,defineProperty3vwc,entries1vwc,freeze1vwc,fromEntries1vwc,getOwnPropertyDescriptor2vwc,getOwnPropertyDescriptors1vwc,getOwnPropertyNames1vwc,getOwnPropertySymbols1vwc,getPrototypeOf1vwc,hasOwn2vwc,is2vwc,isExtensible1vwc,isFrozen1vwc,isSealed1vwc,keys1vwc,preventExtensions1vwc,seal1vwc,setPrototypeOf2vwc,values1vwc",
    );
    expect(run(`typeof Object.groupBy`)).toBe("undefined");
  });

  it("is metered", () => {
    // One call over a million keys must run out of a 100k fuel budget inside the built-in.
    expect(() => run(`var s = "x".repeat(1e6); Object.getOwnPropertyNames(s);`, tinyFuel)).toThrow(
      /fuel/,
    );
    expect(() => run(`var s = "x".repeat(1e6); Object.keys(s);`, tinyFuel)).toThrow(/fuel/);
    // 100k entry arrays do not fit in 1 MB.
    expect(() => run(`var s = "x".repeat(1e5); Object.entries(s);`, tinyMemory)).toThrow(/memory/);
  });
});
