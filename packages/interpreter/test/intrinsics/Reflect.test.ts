import { describe, expect, it } from "vitest";
import { run } from "./core-helpers.js";

describe("Reflect", () => {
  it("is a plain namespace object", () => {
    expect(
      run(
        `[typeof Reflect, Object.getPrototypeOf(Reflect) === Object.prototype, desc(globalThis, "Reflect"), desc(Reflect, Symbol.toStringTag), Reflect[Symbol.toStringTag], thrown(() => Reflect()), thrown(() => new Reflect())]`,
      ),
    ).toEqual(["object", true, "vwc", "vc", "Reflect", "TypeError", "TypeError"]);
    expect(
      run(`Object.getOwnPropertyNames(Reflect).map((k) => k + Reflect[k].length).join()`),
    ).toBe(
      "apply3,construct2,defineProperty3,deleteProperty2,get2,getOwnPropertyDescriptor2,getPrototypeOf1,has2,isExtensible1,ownKeys1,preventExtensions1,set3,setPrototypeOf2",
    );
  });

  it("apply", () => {
    expect(run(`Reflect.apply(Math.max, null, [1, 3, 2])`)).toBe(3);
    expect(run(`Reflect.apply(function () { return this.v; }, { v: 1 }, [])`)).toBe(1);
    expect(
      run(
        `[thrown(() => Reflect.apply(1, null, [])), thrown(() => Reflect.apply(function () {}, null)), thrown(() => Reflect.apply(function () {}, null, 1))]`,
      ),
    ).toEqual(["TypeError", "TypeError", "TypeError"]);
  });

  it("construct", () => {
    expect(
      run(
        `function F(a) { this.a = a; this.nt = new.target; } function G() {} var o = Reflect.construct(F, [1], G); [o.a, o.nt === G, Object.getPrototypeOf(o) === G.prototype]`,
      ),
    ).toEqual([1, true, true]);
    expect(run(`function F() { this.nt = new.target; } Reflect.construct(F, []).nt === F`)).toBe(
      true,
    );
    expect(
      run(
        `[thrown(() => Reflect.construct(() => 1, [])), thrown(() => Reflect.construct(function () {}, [], Math.max)), thrown(() => Reflect.construct(function () {}, [], undefined)), thrown(() => Reflect.construct(function () {}))]`,
      ),
    ).toEqual(["TypeError", "TypeError", "TypeError", "TypeError"]);
    expect(
      run(
        `class E extends Error {} var e = Reflect.construct(Error, ["m"], E); [e instanceof E, e.message]`,
      ),
    ).toEqual([true, "m"]);
  });

  it("defineProperty and deleteProperty return booleans", () => {
    expect(
      run(
        `var o = {}; [Reflect.defineProperty(o, "x", { value: 1 }), Reflect.defineProperty(o, "x", { value: 2 }), o.x, Reflect.deleteProperty(o, "x"), Reflect.deleteProperty(o, "nope"), Reflect.deleteProperty({ y: 1 }, "y")]`,
      ),
    ).toEqual([true, false, 1, false, true, true]);
    expect(
      run(
        `[thrown(() => Reflect.defineProperty(1, "x", {})), thrown(() => Reflect.defineProperty({}, "x", 1)), thrown(() => Reflect.deleteProperty(1, "x"))]`,
      ),
    ).toEqual(["TypeError", "TypeError", "TypeError"]);
  });

  it("get and set honour the receiver", () => {
    expect(
      run(
        `var o = { get x() { return this.y; }, y: 1 }; [Reflect.get(o, "x"), Reflect.get(o, "x", { y: 2 }), Reflect.get([5], 0), Reflect.get({}, "q")]`,
      ),
    ).toEqual([1, 2, 5, undefined]);
    expect(
      run(
        `var o = { set x(v) { this.y = v; } }; var r = {}; [Reflect.set(o, "x", 3, r), r.y, o.y]`,
      ),
    ).toEqual([true, 3, undefined]);
    expect(
      run(
        `var o = {}; [Reflect.set(o, "a", 1), o.a, Reflect.set(Object.freeze({ a: 1 }), "a", 2)]`,
      ),
    ).toEqual([true, 1, false]);
    expect(run(`var t = {}; var r = {}; Reflect.set(t, "p", 1, r); [Object.keys(t), r.p]`)).toEqual(
      [[], 1],
    );
    expect(run(`Reflect.set({}, "p", 1, 5)`)).toBe(false);
    expect(
      run(`[thrown(() => Reflect.get(1, "x")), thrown(() => Reflect.set(1, "x", 1))]`),
    ).toEqual(["TypeError", "TypeError"]);
  });

  it("getOwnPropertyDescriptor, has, ownKeys", () => {
    expect(
      run(
        `var d = Reflect.getOwnPropertyDescriptor({ a: 1 }, "a"); [d.value, d.writable, Reflect.getOwnPropertyDescriptor({}, "a")]`,
      ),
    ).toEqual([1, true, undefined]);
    expect(run(`thrown(() => Reflect.getOwnPropertyDescriptor("abc", "0"))`)).toBe("TypeError");
    expect(
      run(
        `[Reflect.has({ a: 1 }, "a"), Reflect.has(Object.create({ a: 1 }), "a"), Reflect.has({}, "b"), thrown(() => Reflect.has(1, "a"))]`,
      ),
    ).toEqual([true, true, false, "TypeError"]);
    expect(
      run(
        `var s = Symbol(); var o = { b: 1, 1: 1, [s]: 1, a: 1 }; Object.defineProperty(o, "h", { value: 1 }); var k = Reflect.ownKeys(o); [k.length, k[0], k[1], k[2], k[3], k[4] === s]`,
      ),
    ).toEqual([5, "1", "b", "a", "h", true]);
    expect(run(`Reflect.ownKeys([1, 2])`)).toEqual(["0", "1", "length"]);
  });

  it("prototype and extensibility", () => {
    expect(
      run(
        `var p = {}; var o = {}; [Reflect.setPrototypeOf(o, p), Reflect.getPrototypeOf(o) === p, Reflect.setPrototypeOf(p, o), Reflect.setPrototypeOf(Object.preventExtensions({}), p)]`,
      ),
    ).toEqual([true, true, false, false]);
    expect(
      run(
        `[thrown(() => Reflect.setPrototypeOf({}, 1)), thrown(() => Reflect.setPrototypeOf({})), thrown(() => Reflect.setPrototypeOf(1, null)), thrown(() => Reflect.getPrototypeOf(1))]`,
      ),
    ).toEqual(["TypeError", "TypeError", "TypeError", "TypeError"]);
    expect(
      run(
        `var o = {}; [Reflect.isExtensible(o), Reflect.preventExtensions(o), Reflect.isExtensible(o), thrown(() => Reflect.isExtensible(1)), thrown(() => Reflect.preventExtensions(1))]`,
      ),
    ).toEqual([true, true, false, "TypeError", "TypeError"]);
  });
});
