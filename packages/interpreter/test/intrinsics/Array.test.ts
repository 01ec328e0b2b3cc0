import { describe, expect, it } from "vitest";
import { run, tinyFuel, tinyMemory } from "./collection-helpers.js";

describe("Array constructor", () => {
  it("has the spec's shape", () => {
    expect(
      run(`[fnInfo(Array), desc(globalThis, "Array"), desc(Array, "prototype"), desc(Array.prototype, "constructor"),
        Array.prototype.constructor === Array, Object.getPrototypeOf(Array) === Function.prototype,
        fnInfo(Array.from), fnInfo(Array.of), fnInfo(Array.isArray), desc(Array, "from")]`),
    ).toEqual(["Array/1", "vwc", "v", "vwc", true, true, "from/1", "of/0", "isArray/1", "vwc"]);
  });

  it("Array.prototype is an Array exotic object", () => {
    expect(
      run(`[Array.isArray(Array.prototype), Array.prototype.length, desc(Array.prototype, "length"),
        Object.getPrototypeOf(Array.prototype) === Object.prototype, Object.prototype.toString.call(Array.prototype)]`),
    ).toEqual([true, 0, "vw", true, "[object Array]"]);
  });

  it("builds arrays with and without new", () => {
    expect(
      run(
        `[show(Array()), show(new Array()), show(Array(3)), show(new Array(1, 2)), show(Array("3")), show(new Array(undefined))]`,
      ),
    ).toEqual([[], [], ["<hole>", "<hole>", "<hole>"], [1, 2], ["3"], [undefined]]);
    expect(run(`var a = new Array(5); [a.length, 0 in a, Object.keys(a).length]`)).toEqual([
      5,
      false,
      0,
    ]);
  });

  it("rejects invalid lengths with RangeError", () => {
    expect(
      run(
        `[thrown(() => new Array(-1)), thrown(() => Array(1.5)), thrown(() => new Array(2 ** 32)), thrown(() => Array(NaN)), thrown(() => new Array(Infinity))]`,
      ),
    ).toEqual(["RangeError", "RangeError", "RangeError", "RangeError", "RangeError"]);
  });

  it("a huge length does not allocate", () => {
    expect(
      run(
        `var a = new Array(2 ** 32 - 1); a[5] = 1; [a.length, a[5], Object.keys(a).join()]`,
        tinyMemory,
      ),
    ).toEqual([4294967295, 1, "5"]);
  });

  it("filling a huge array runs out of budget instead of memory", () => {
    expect(() => run(`new Array(1e9).fill(0)`, tinyFuel)).toThrow(/fuel|memory/);
    expect(() => run(`new Array(1e9).fill(0)`, tinyMemory)).toThrow(/memory|fuel/);
  });

  it("subclasses through newTarget", () => {
    expect(
      run(`class A extends Array { sum() { return this.reduce((a, b) => a + b, 0); } }
        var a = new A(1, 2, 3);
        var b = a.map((x) => x * 2);
        [a instanceof A, Array.isArray(a), a.length, a.sum(), b instanceof A, b.sum(), A.from([1]) instanceof A, A.of(1, 2).length, a.filter(Boolean) instanceof A]`),
    ).toEqual([true, true, 3, 6, true, 12, true, 2, true]);
    expect(
      run(
        `function F() {} F.prototype = Array.prototype; var o = Reflect.construct(Array, [2], F); [Array.isArray(o), o.length]`,
      ),
    ).toEqual([true, 2]);
    expect(
      run(
        `function F() {} F.prototype = null; Object.getPrototypeOf(Reflect.construct(Array, [], F)) === Array.prototype`,
      ),
    ).toBe(true);
  });

  it("Symbol.species getter", () => {
    expect(
      run(
        `var d = Object.getOwnPropertyDescriptor(Array, Symbol.species); [Array[Symbol.species] === Array, d.get.name, typeof d.set, d.configurable, d.enumerable]`,
      ),
    ).toEqual([true, "get [Symbol.species]", "undefined", true, false]);
  });
});

describe("Array.isArray", () => {
  it("sees through proxies and throws on revoked ones", () => {
    expect(
      run(`var r = Proxy.revocable([], {}); var ok = Array.isArray(r.proxy); r.revoke();
        [Array.isArray([]), Array.isArray({ length: 0 }), Array.isArray(new Proxy([], {})), Array.isArray(new Proxy(new Proxy([], {}), {})),
         Array.isArray(new Proxy({}, {})), ok, thrown(() => Array.isArray(r.proxy)), Array.isArray(), Array.isArray("abc")]`),
    ).toEqual([true, false, true, true, false, true, "TypeError", false, false]);
  });
});

describe("Array.from", () => {
  it("iterables, with mapFn and thisArg", () => {
    expect(
      run(
        `[show(Array.from("abc")), show(Array.from(new Set([1, 2, 2]))), show(Array.from([1, 2], function (x, i) { return x * this.m + i; }, { m: 10 }))]`,
      ),
    ).toEqual([
      ["a", "b", "c"],
      [1, 2],
      [10, 21],
    ]);
    expect(run(`show(Array.from({ length: 3, 0: "a", 2: "c" }))`)).toEqual(["a", undefined, "c"]);
    expect(run(`show(Array.from({ length: 3 }, (_, i) => i * i))`)).toEqual([0, 1, 4]);
    expect(run(`show(Array.from([1, , 3]))`)).toEqual([1, undefined, 3]);
  });

  it("checks mapFn before reading items", () => {
    expect(
      run(
        `var log = []; var items = { get [Symbol.iterator]() { log.push("iter"); } }; [thrown(() => Array.from(items, 1)), log.length]`,
      ),
    ).toEqual(["TypeError", 0]);
    expect(run(`thrown(() => Array.from(null))`)).toBe("TypeError");
  });

  it("closes the iterator when mapFn throws", () => {
    expect(
      run(`var closed = 0; var it = { [Symbol.iterator]() { return { next() { return { value: 1, done: false }; }, return() { closed++; return {}; } }; } };
        [thrown(() => Array.from(it, () => { throw new RangeError("x"); })), closed]`),
    ).toEqual(["RangeError", 1]);
  });

  it("uses this as the constructor when it is one", () => {
    expect(
      run(
        `function C() { this.args = arguments.length; } var o = Array.from.call(C, { length: 2, 0: "a", 1: "b" }); [o instanceof C, o.length, o[1], o.args]`,
      ),
    ).toEqual([true, 2, "b", 1]);
    expect(run(`var o = Array.from.call({}, [1, 2]); [Array.isArray(o), o.length]`)).toEqual([
      true,
      2,
    ]);
    expect(
      run(
        `function C() { Object.defineProperty(this, "0", { value: 0 }); } thrown(() => Array.from.call(C, [1]))`,
      ),
    ).toBe("TypeError");
  });

  it("a huge array-like is metered", () => {
    expect(() => run(`Array.from({ length: 2 ** 31 })`, tinyFuel)).toThrow(/fuel|memory/);
  });
});

describe("Array.of", () => {
  it("creates arrays from arguments", () => {
    expect(run(`[show(Array.of()), show(Array.of(7)), show(Array.of(1, "a", undefined))]`)).toEqual(
      [[], [7], [1, "a", undefined]],
    );
    expect(
      run(
        `function C(n) { this.n = n; } var o = Array.of.call(C, 1, 2); [o instanceof C, o.n, o.length, o[0]]`,
      ),
    ).toEqual([true, 2, 2, 1]);
  });
});
