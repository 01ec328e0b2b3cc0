import { describe, expect, it } from "vitest";
import { run } from "./core-helpers.js";

describe("Object.prototype", () => {
  it("is an immutable prototype exotic object", () => {
    expect(run(`Object.getPrototypeOf(Object.prototype)`)).toBe(null);
    expect(run(`thrown(() => Object.setPrototypeOf(Object.prototype, {}))`)).toBe("TypeError");
    expect(run(`Object.setPrototypeOf(Object.prototype, null) === Object.prototype`)).toBe(true);
    expect(
      run(
        `[Reflect.setPrototypeOf(Object.prototype, {}), Reflect.setPrototypeOf(Object.prototype, null)]`,
      ),
    ).toEqual([false, true]);
    expect(run(`thrown(() => { Object.prototype.__proto__ = {}; })`)).toBe("TypeError");
    expect(run(`Object.isExtensible(Object.prototype)`)).toBe(true);
  });

  it("hasOwnProperty converts the key before the receiver", () => {
    expect(
      run(
        `[({ a: 1 }).hasOwnProperty("a"), ({}).hasOwnProperty("toString"), "ab".hasOwnProperty(1)]`,
      ),
    ).toEqual([true, false, true]);
    expect(
      run(`var log = []; var k = { toString() { log.push("key"); return "x"; } };
      [thrown(() => Object.prototype.hasOwnProperty.call(null, k)), log]`),
    ).toEqual(["TypeError", ["key"]]);
  });

  it("isPrototypeOf", () => {
    expect(
      run(
        `var a = {}; var b = Object.create(a); [a.isPrototypeOf(b), b.isPrototypeOf(a), Object.prototype.isPrototypeOf(b), a.isPrototypeOf(1)]`,
      ),
    ).toEqual([true, false, true, false]);
    // A primitive argument returns false before ToObject(this) can throw.
    expect(run(`Object.prototype.isPrototypeOf.call(null, 1)`)).toBe(false);
    expect(run(`thrown(() => Object.prototype.isPrototypeOf.call(null, {}))`)).toBe("TypeError");
  });

  it("propertyIsEnumerable", () => {
    expect(
      run(
        `var o = { a: 1 }; Object.defineProperty(o, "b", { value: 1 }); [o.propertyIsEnumerable("a"), o.propertyIsEnumerable("b"), o.propertyIsEnumerable("toString"), [1].propertyIsEnumerable(0), [].propertyIsEnumerable("length")]`,
      ),
    ).toEqual([true, false, false, true, false]);
  });

  it("toString uses the builtin tag and @@toStringTag", () => {
    expect(
      run(
        `var ts = Object.prototype.toString; [ts.call(undefined), ts.call(null), ts.call(1), ts.call(""), ts.call(true), ts.call([]), ts.call(function () {}), ts.call(() => 1), ts.call(new Error()), ts.call(new TypeError()), ts.call({}), ts.call(Symbol()), ts.call(1n), ts.call(new Date(0)), ts.call(/x/), ts.call(Math), ts.call(JSON), ts.call(Reflect), ts.call(new Map())]`,
      ),
    ).toEqual([
      "[object Undefined]",
      "[object Null]",
      "[object Number]",
      "[object String]",
      "[object Boolean]",
      "[object Array]",
      "[object Function]",
      "[object Function]",
      "[object Error]",
      "[object Error]",
      "[object Object]",
      "[object Symbol]",
      "[object BigInt]",
      "[object Date]",
      "[object RegExp]",
      "[object Math]",
      "[object JSON]",
      "[object Reflect]",
      "[object Map]",
    ]);
    expect(run(`(function () { return Object.prototype.toString.call(arguments); })()`)).toBe(
      "[object Arguments]",
    );
    expect(
      run(
        `var ts = Object.prototype.toString; [ts.call(new Proxy([], {})), ts.call(new Proxy(function () {}, {})), ts.call(new Proxy(new Error(), {})), ts.call(Error.prototype), ts.call(Boolean.prototype)]`,
      ),
    ).toEqual([
      "[object Array]",
      "[object Function]",
      "[object Object]",
      "[object Object]",
      "[object Boolean]",
    ]);
    expect(
      run(
        `var o = { [Symbol.toStringTag]: "Custom" }; var a = []; a[Symbol.toStringTag] = "NotArray"; [String(o), Object.prototype.toString.call(a), Object.prototype.toString.call({ [Symbol.toStringTag]: 1 })]`,
      ),
    ).toEqual(["[object Custom]", "[object NotArray]", "[object Object]"]);
    expect(
      run(
        `var r = Proxy.revocable([], {}); r.revoke(); thrown(() => Object.prototype.toString.call(r.proxy))`,
      ),
    ).toBe("TypeError");
  });

  it("toLocaleString invokes toString on the unconverted this", () => {
    expect(run(`({ toString() { return "me"; } }).toLocaleString()`)).toBe("me");
    expect(
      run(
        `Object.defineProperty(Number.prototype, "toString", { value: function () { "use strict"; return typeof this; } }); Object.prototype.toLocaleString.call(5)`,
      ),
    ).toBe("number");
    expect(run(`thrown(() => Object.prototype.toLocaleString.call(undefined))`)).toBe("TypeError");
  });

  it("valueOf", () => {
    expect(run(`var o = {}; o.valueOf() === o`)).toBe(true);
    expect(run(`typeof Object.prototype.valueOf.call(1)`)).toBe("object");
    expect(run(`thrown(() => Object.prototype.valueOf.call(null))`)).toBe("TypeError");
  });

  it("__proto__ accessor", () => {
    expect(
      run(
        `var d = Object.getOwnPropertyDescriptor(Object.prototype, "__proto__"); [typeof d.get, typeof d.set, d.enumerable, d.configurable, d.get.name, d.set.name]`,
      ),
    ).toEqual(["function", "function", false, true, "get __proto__", "set __proto__"]);
    expect(
      run(
        `var p = { x: 1 }; var o = {}; o.__proto__ = p; [o.x, o.__proto__ === p, (1).__proto__ === Number.prototype]`,
      ),
    ).toEqual([1, true, true]);
    expect(run(`var o = {}; o.__proto__ = 5; Object.getPrototypeOf(o) === Object.prototype`)).toBe(
      true,
    );
    expect(
      run(
        `var set = Object.getOwnPropertyDescriptor(Object.prototype, "__proto__").set; [thrown(() => set.call(undefined, {})), set.call(1, {})]`,
      ),
    ).toEqual(["TypeError", undefined]);
    expect(run(`thrown(() => { Object.preventExtensions({}).__proto__ = {}; })`)).toBe("TypeError");
    expect(run(`var o = Object.create(null); o.__proto__ = 1; o.__proto__`)).toBe(1);
  });

  it("legacy accessor methods", () => {
    expect(
      run(`var o = {}; o.__defineGetter__("x", function () { return 7; }); [o.x, desc(o, "x")]`),
    ).toEqual([7, "gec"]);
    expect(
      run(`var o = {}; var v; o.__defineSetter__("x", function (a) { v = a; }); o.x = 3; v`),
    ).toBe(3);
    expect(run(`thrown(() => ({}).__defineGetter__("x", 1))`)).toBe("TypeError");
    expect(
      run(`var o = Object.freeze({}); thrown(() => o.__defineGetter__("x", function () {}))`),
    ).toBe("TypeError");
    expect(
      run(
        `var g = function () {}; var p = {}; p.__defineGetter__("x", g); var o = Object.create(p); [o.__lookupGetter__("x") === g, o.__lookupSetter__("x"), ({ x: 1 }).__lookupGetter__("x")]`,
      ),
    ).toEqual([true, undefined, undefined]);
    // An own data property shadows an inherited accessor.
    expect(
      run(
        `var p = {}; p.__defineGetter__("x", function () {}); var o = Object.create(p); o.x = 1; Object.defineProperty(o, "x", { value: 1 }); o.__lookupGetter__("x")`,
      ),
    ).toBe(undefined);
  });

  it("method lengths and names", () => {
    expect(
      run(
        `["hasOwnProperty","isPrototypeOf","propertyIsEnumerable","toLocaleString","toString","valueOf","__defineGetter__","__defineSetter__","__lookupGetter__","__lookupSetter__"].map((k) => Object.prototype[k].name + Object.prototype[k].length + desc(Object.prototype, k)).join()`,
      ),
    ).toBe(
      "hasOwnProperty1vwc,isPrototypeOf1vwc,propertyIsEnumerable1vwc,toLocaleString0vwc,toString0vwc,valueOf0vwc,__defineGetter__2vwc,__defineSetter__2vwc,__lookupGetter__1vwc,__lookupSetter__1vwc",
    );
    expect(
      run(`Object.prototype.constructor === Object && desc(Object.prototype, "constructor")`),
    ).toBe("vwc");
  });
});
