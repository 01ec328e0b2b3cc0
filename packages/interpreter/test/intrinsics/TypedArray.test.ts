import { describe, expect, it } from "vitest";
import { ResourceExhaustedError } from "../../src/errors.js";
import { run, tinyFuel, tinyMemory } from "./binary-helpers.js";

/** The eleven concrete constructors, for tests that cover them all. */
const ARR = `var ctors = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
  Float32Array, Float64Array, BigInt64Array, BigUint64Array];
`;
const t = (code: string, options?: Parameters<typeof run>[1]) => run(ARR + code, options);

describe("%TypedArray%", () => {
  it("is abstract, with from, of and @@species", () => {
    expect(
      t(
        `var TA = Object.getPrototypeOf(Int8Array); [TA.name, TA.length, thrown(() => TA()), thrown(() => new TA())]`,
      ),
    ).toEqual(["TypedArray", 0, "TypeError", "TypeError"]);
    expect(
      t(
        `var TA = Object.getPrototypeOf(Int8Array); [TA.from.length, TA.of.length, TA[Symbol.species] === TA, desc(TA, "prototype"), "TypedArray" in globalThis]`,
      ),
    ).toEqual([1, 0, true, "v", false]);
    expect(
      t(
        `var TA = Object.getPrototypeOf(Int8Array); ctors.every((C) => Object.getPrototypeOf(C) === TA && Object.getPrototypeOf(C.prototype) === TA.prototype)`,
      ),
    ).toBe(true);
    expect(
      t(`Object.getPrototypeOf(Object.getPrototypeOf(Int8Array).prototype) === Object.prototype`),
    ).toBe(true);
  });
});

describe("concrete constructors", () => {
  it("have names, lengths, BYTES_PER_ELEMENT and fixed prototypes", () => {
    expect(
      t(`ctors.map((C) => [C.name, C.length, C.BYTES_PER_ELEMENT, C.prototype.BYTES_PER_ELEMENT])`),
    ).toEqual([
      ["Int8Array", 3, 1, 1],
      ["Uint8Array", 3, 1, 1],
      ["Uint8ClampedArray", 3, 1, 1],
      ["Int16Array", 3, 2, 2],
      ["Uint16Array", 3, 2, 2],
      ["Int32Array", 3, 4, 4],
      ["Uint32Array", 3, 4, 4],
      ["Float32Array", 3, 4, 4],
      ["Float64Array", 3, 8, 8],
      ["BigInt64Array", 3, 8, 8],
      ["BigUint64Array", 3, 8, 8],
    ]);
    expect(
      t(
        `[desc(Int16Array, "BYTES_PER_ELEMENT"), desc(Int16Array.prototype, "BYTES_PER_ELEMENT"), desc(Int16Array, "prototype"), desc(Int16Array.prototype, "constructor"), desc(globalThis, "Int16Array")]`,
      ),
    ).toEqual(["v", "v", "v", "vwc", "vwc"]);
    expect(
      t(
        `ctors.every((C) => C.prototype.constructor === C && !C.prototype.hasOwnProperty("length"))`,
      ),
    ).toBe(true);
  });

  it("require new", () => {
    expect(t(`ctors.map((C) => thrown(() => C(1)))`)).toEqual(Array(11).fill("TypeError"));
  });

  it("accept a length", () => {
    expect(
      t(
        `var a = new Float64Array(3); [a.length, a.byteLength, a.byteOffset, a[0], a.buffer.byteLength]`,
      ),
    ).toEqual([3, 24, 0, 0, 24]);
    expect(
      t(
        `[new Int8Array().length, new Int8Array(undefined).length, new Int8Array(null).length, new Int8Array("2").length, new Int8Array(1.7).length]`,
      ),
    ).toEqual([0, 0, 0, 2, 1]);
    expect(
      t(
        `[thrown(() => new Int8Array(-1)), thrown(() => new Int8Array(2 ** 53)), thrown(() => new Float64Array(2 ** 50)), thrown(() => new Int8Array(Symbol()))]`,
      ),
    ).toEqual(["RangeError", "RangeError", "RangeError", "TypeError"]);
    expect(t(`new BigInt64Array(2)[1]`)).toBe(0n);
  });

  it("copy another typed array, converting elements", () => {
    expect(
      t(
        `var s = new Float64Array([1.5, -1, 300, NaN]); [arr(new Int8Array(s)), arr(new Uint8ClampedArray(s)), arr(new Uint16Array(s))]`,
      ),
    ).toEqual([
      [1, -1, 44, 0],
      [2, 0, 255, 0],
      [1, 65535, 300, 0],
    ]);
    expect(
      t(
        `var s = new Int16Array([1, 2]); var c = new Int16Array(s); c[0] = 9; [s[0], c.buffer !== s.buffer, c.length]`,
      ),
    ).toEqual([1, true, 2]);
    expect(
      t(`var s = new Uint8Array([1, 2, 3, 4]).subarray(1, 3); arr(new Uint8Array(s))`),
    ).toEqual([2, 3]);
    expect(t(`arr(new BigUint64Array(new BigInt64Array([-1n])))`)).toEqual([2n ** 64n - 1n]);
    expect(
      t(
        `[thrown(() => new Int8Array(new BigInt64Array(1))), thrown(() => new BigInt64Array(new Int8Array(1)))]`,
      ),
    ).toEqual(["TypeError", "TypeError"]);
    // The copy's buffer is a plain %ArrayBuffer%, whatever the source's buffer constructor.
    expect(
      t(
        `class B extends ArrayBuffer {} var s = new Uint8Array(new B(2)); Object.getPrototypeOf(new Int8Array(s).buffer) === ArrayBuffer.prototype`,
      ),
    ).toBe(true);
  });

  it("view an ArrayBuffer with offset and length", () => {
    expect(
      t(
        `var b = new ArrayBuffer(8); var a = new Int16Array(b, 2, 2); a[0] = -2; [a.length, a.byteOffset, a.byteLength, a.buffer === b, new Uint8Array(b)[2], new Uint8Array(b)[3]]`,
      ),
    ).toEqual([2, 2, 4, true, 254, 255]);
    expect(
      t(
        `var b = new ArrayBuffer(8); [new Int16Array(b).length, new Int16Array(b, 4).length, new Int16Array(b, 8).length, new Int16Array(b, undefined, 1).length]`,
      ),
    ).toEqual([4, 2, 0, 1]);
    expect(
      t(
        `var b = new ArrayBuffer(8); [thrown(() => new Int16Array(b, 1)), thrown(() => new Int16Array(new ArrayBuffer(7))), thrown(() => new Int16Array(b, 10)), thrown(() => new Int16Array(b, 2, 4)), thrown(() => new Int16Array(b, -2))]`,
      ),
    ).toEqual(["RangeError", "RangeError", "RangeError", "RangeError", "RangeError"]);
    // Offset is converted before length.
    expect(
      t(
        `var log = []; new Int8Array(new ArrayBuffer(4), { valueOf() { log.push("o"); return 0; } }, { valueOf() { log.push("l"); return 1; } }); log.join()`,
      ),
    ).toBe("o,l");
  });

  it("take iterables and array-likes", () => {
    expect(t(`arr(new Int8Array([1, 2, 3]))`)).toEqual([1, 2, 3]);
    expect(t(`arr(new Int8Array(new Set([5, 6])))`)).toEqual([5, 6]);
    expect(t(`arr(new Uint8Array({ length: 3, 0: 7, 2: "9" }))`)).toEqual([7, 0, 9]);
    expect(
      t(
        `var it = { [Symbol.iterator]() { var v = [1, "2"], i = 0; return { next() { return { done: i >= v.length, value: v[i++] }; } }; } }; arr(new Float32Array(it))`,
      ),
    ).toEqual([1, 2]);
    expect(t(`arr(new BigInt64Array([1n, true, "3"]))`)).toEqual([1n, 1n, 3n]);
    expect(
      t(
        `[thrown(() => new BigInt64Array([1])), thrown(() => new BigInt64Array(["x"])), thrown(() => new Int8Array([1n]))]`,
      ),
    ).toEqual(["TypeError", "SyntaxError", "TypeError"]);
    // @@iterator is read before length; a non-callable @@iterator is a TypeError.
    expect(
      t(
        `var log = []; var o = { get length() { log.push("len"); return 0; }, get [Symbol.iterator]() { log.push("it"); return undefined; } }; new Int8Array(o); log.join()`,
      ),
    ).toBe("it,len");
    expect(t(`thrown(() => new Int8Array({ [Symbol.iterator]: 1 }))`)).toBe("TypeError");
    // The prototype is read from newTarget before the argument is inspected.
    expect(
      t(`var log = []; var nt = new Proxy(function () {}, { get(t, k) { log.push(String(k)); return t[k]; } });
      Reflect.construct(Int8Array, [{ get length() { log.push("length"); return 0; } }], nt); log.join()`),
    ).toBe("prototype,length");
  });

  it("read arrays exactly as their iterator would (fast path guards)", () => {
    expect(
      t(
        `var a = []; a.length = 3000; a[1500] = 3; var x = new Int8Array(a); [x.length, x[1500], x[0]]`,
      ),
    ).toEqual([3000, 3, 0]);
    expect(t(`var a = [1, , 3]; arr(new Float64Array(a))`)).toEqual([1, Number.NaN, 3]);
    expect(
      t(
        `var a = []; a.length = 2000; Object.defineProperty(a, 5, { get() { return 9; } }); new Int8Array(a)[5]`,
      ),
    ).toBe(9);
    expect(t(`Array.prototype[1] = 5; arr(new Int8Array([1, , 3]))`)).toEqual([1, 5, 3]);
    expect(
      t(
        `var P = Object.getPrototypeOf([].values()); var n = P.next; P.next = function () { var r = n.call(this); if (!r.done) r.value *= 10; return r; }; arr(new Int8Array([1, 2]))`,
      ),
    ).toEqual([10, 20]);
    expect(
      t(
        `var a = [1, 2]; a[Symbol.iterator] = function () { var i = 0; return { next() { return { done: i > 0, value: i++ }; } }; }; arr(new Int8Array(a))`,
      ),
    ).toEqual([0]);
    // Elements are collected before any is converted.
    expect(
      t(
        `var log = []; var a = [{ valueOf() { log.push("v0"); a[1] = 7; return 1; } }, 2]; var x = new Int8Array(a); [log.join(), x[1]]`,
      ),
    ).toEqual(["v0", 2]);
  });

  it("support subclassing", () => {
    expect(
      t(
        `class A extends Uint8Array { sum() { var s = 0; for (var i = 0; i < this.length; i++) s += this[i]; return s; } } var a = new A([1, 2, 3]); [a.sum(), a instanceof Uint8Array, a.constructor === A, Object.prototype.toString.call(a)]`,
      ),
    ).toEqual([6, true, true, "[object Uint8Array]"]);
  });

  it("meter allocation and per-element work", () => {
    expect(() => t(`new Float64Array(2 ** 27)`, tinyMemory)).toThrow(ResourceExhaustedError);
    expect(() => t(`new Uint8Array({ length: 1e6 })`, tinyFuel)).toThrow(ResourceExhaustedError);
  });
});

describe("TypedArray.from and TypedArray.of", () => {
  it("build from iterables and array-likes, with a mapper", () => {
    expect(
      t(
        `arr(Int16Array.from([1, 2, 3], function (v, k) { return v * 10 + k + this.d; }, { d: 0.5 }))`,
      ),
    ).toEqual([10, 21, 32]);
    expect(t(`arr(Uint8Array.from({ length: 2, 0: 4, 1: 5 }))`)).toEqual([4, 5]);
    expect(t(`arr(Uint8Array.from("12"))`)).toEqual([1, 2]);
    expect(t(`arr(Int8Array.of(1, 2, 300))`)).toEqual([1, 2, 44]);
    expect(t(`arr(BigInt64Array.of(1n, -2n))`)).toEqual([1n, -2n]);
    expect(
      t(
        `[thrown(() => Int8Array.from.call({}, [])), thrown(() => Int8Array.of.call(Math.max, 1)), thrown(() => Int8Array.from([], 1)), thrown(() => Int8Array.from(null))]`,
      ),
    ).toEqual(["TypeError", "TypeError", "TypeError", "TypeError"]);
  });

  it("use TypedArrayCreate on this (length check, typed-array check)", () => {
    expect(
      t(`function C(n) { return new Int8Array(n + 1); } arr(Int8Array.of.call(C, 5))`),
    ).toEqual([5, 0]);
    expect(
      t(`function C() { return new Int8Array(1); } thrown(() => Int8Array.of.call(C, 1, 2))`),
    ).toBe("TypeError");
    expect(t(`function C() { return {}; } thrown(() => Int8Array.from.call(C, []))`)).toBe(
      "TypeError",
    );
    // Values are collected from the iterator before the target is created.
    expect(
      t(`var log = []; function C(n) { log.push("create " + n); return new Int8Array(n); }
      var it = { [Symbol.iterator]() { var i = 0; return { next() { log.push("next"); return { done: i++ >= 2, value: i }; } }; } };
      Int8Array.from.call(C, it); log.join()`),
    ).toBe("next,next,next,create 2");
  });
});

describe("integer-indexed exotic behaviour", () => {
  it("reads and writes elements with conversion", () => {
    expect(t(`var a = new Uint8Array(2); a[0] = 257; a[1] = "3"; arr(a)`)).toEqual([1, 3]);
    expect(
      t(
        `var a = new Uint8ClampedArray(6); a[0] = 1.5; a[1] = 2.5; a[2] = -5; a[3] = 1e9; a[4] = NaN; a[5] = 0.5000001; arr(a)`,
      ),
    ).toEqual([2, 2, 0, 255, 0, 1]);
    expect(t(`var a = new Float32Array(1); a[0] = 0.1; a[0] === Math.fround(0.1)`)).toBe(true);
    expect(t(`var a = new Int32Array(1); a[0] = 2 ** 31; a[0]`)).toBe(-(2 ** 31));
    expect(t(`var a = new Uint32Array(1); a[0] = -1; a[0]`)).toBe(2 ** 32 - 1);
    expect(t(`var a = new BigInt64Array(2); a[0] = 2n ** 63n; a[1] = -1n; arr(a)`)).toEqual([
      -(2n ** 63n),
      -1n,
    ]);
    expect(t(`var a = new BigUint64Array(1); a[0] = -1n; a[0]`)).toBe(2n ** 64n - 1n);
    expect(
      t(
        `var a = new BigInt64Array(1); [thrown(() => { a[0] = 1; }), thrown(() => { a[0] = "1.5"; }), thrown(() => { a[5] = 1; })]`,
      ),
    ).toEqual(["TypeError", "SyntaxError", "TypeError"]);
  });

  it("treats canonical numeric strings as element keys, never as ordinary properties", () => {
    expect(
      t(`var a = new Int8Array(2); a[2] = 1; a[-1] = 1; a["-0"] = 1; a[1.5] = 1; a["Infinity"] = 1; a.NaN = 1;
      [a[2], a[-1], a["-0"], a[1.5], a.Infinity, a.NaN, Object.keys(a).join()]`),
    ).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, "0,1"]);
    // Non-canonical numeric strings are ordinary keys.
    expect(
      t(
        `var a = new Int8Array(2); a["01"] = 5; a["1.0"] = 6; a["+1"] = 7; [a["01"], a["1.0"], a["+1"], Object.keys(a).join()]`,
      ),
    ).toEqual([5, 6, 7, "0,1,01,1.0,+1"]);
    expect(
      t(
        `var a = new Int8Array(1); [0 in a, 1 in a, "-0" in a, "0.5" in a, "foo" in a, "length" in a]`,
      ),
    ).toEqual([true, false, false, false, false, true]);
    // Out-of-range numeric keys are not looked up on the prototype.
    expect(
      t(
        `Int8Array.prototype[5] = "proto"; Object.prototype[6] = "obj"; var a = new Int8Array(1); [a[5], a[6], 5 in a]`,
      ),
    ).toEqual([undefined, undefined, false]);
  });

  it("describes elements and restricts their definition", () => {
    expect(
      t(`var a = new Int8Array([7]); [desc(a, "0"), desc(a, "1"), a.propertyIsEnumerable(0)]`),
    ).toEqual(["vwec", "none", true]);
    expect(
      t(`var a = new Int8Array(2);
      [Reflect.defineProperty(a, "0", { value: 3 }), a[0],
       Reflect.defineProperty(a, "1", { value: 4, writable: true, enumerable: true, configurable: true }), a[1],
       Reflect.defineProperty(a, "0", { configurable: false }), Reflect.defineProperty(a, "0", { enumerable: false }),
       Reflect.defineProperty(a, "0", { writable: false }), Reflect.defineProperty(a, "0", { get() {} }),
       Reflect.defineProperty(a, "2", { value: 1 }), Reflect.defineProperty(a, "-0", { value: 1 }),
       Reflect.defineProperty(a, "x", { value: 1 }), a.x]`),
    ).toEqual([true, 3, true, 4, false, false, false, false, false, false, true, 1]);
    expect(
      t(
        `var a = new Int8Array(1); thrown(() => Object.defineProperty(a, "0", { value: 1, configurable: false }))`,
      ),
    ).toBe("TypeError");
    expect(t(`var a = new Int8Array(1); Object.defineProperty(a, "0", { value: 300 }); a[0]`)).toBe(
      44,
    );
  });

  it("deletes: elements cannot be deleted, out-of-range keys can", () => {
    expect(
      t(
        `var a = new Int8Array(1); [Reflect.deleteProperty(a, "0"), Reflect.deleteProperty(a, "1"), Reflect.deleteProperty(a, "-0"), thrown(() => { "use strict"; delete a[0]; }), delete a[0]]`,
      ),
    ).toEqual([false, true, true, "TypeError", false]);
  });

  it("lists own keys: indices, then strings, then symbols", () => {
    expect(
      t(
        `var a = new Int8Array(3); a.b = 1; a[Symbol.iterator] = 2; a.a = 3; Reflect.ownKeys(a).map(String).join()`,
      ),
    ).toBe("0,1,2,b,a,Symbol(Symbol.iterator)");
    expect(t(`Object.getOwnPropertyNames(new Uint8Array(new ArrayBuffer(8), 4)).join()`)).toBe(
      "0,1,2,3",
    );
  });

  it("[[Set]] with another receiver", () => {
    // A valid index on a typed array in the prototype chain defines on the receiver.
    expect(
      t(
        `var a = new Int8Array(1); var o = Object.create(a); o[0] = 5; [a[0], o.hasOwnProperty("0"), o[0]]`,
      ),
    ).toEqual([0, true, 5]);
    // An invalid index is silently ignored (returns true) and nothing is created.
    expect(
      t(
        `var a = new Int8Array(1); var o = Object.create(a); o[3] = 5; [o.hasOwnProperty("3"), Reflect.set(a, "3", 1, {})]`,
      ),
    ).toEqual([false, true]);
    expect(
      t(`var a = new Int8Array(1); var r = {}; [Reflect.set(a, "0", 9, r), r[0], a[0]]`),
    ).toEqual([true, 9, 0]);
    // Writing with the array itself as receiver converts even when the index is invalid.
    expect(
      t(
        `var log = []; var a = new Int8Array(1); a[7] = { valueOf() { log.push("v"); return 1; } }; log.join()`,
      ),
    ).toBe("v");
  });

  it("can be frozen only when empty", () => {
    expect(
      t(
        `[thrown(() => Object.freeze(new Int8Array(1))), Object.isFrozen(Object.freeze(new Int8Array(0))), Object.isSealed(Object.seal(new Int8Array(0)))]`,
      ),
    ).toEqual(["TypeError", true, true]);
  });

  it("works with spread, for-of and destructuring", () => {
    expect(
      t(
        `var a = new Int16Array([3, -4]); var [x, y] = a; var s = []; for (var v of a) s.push(v); [[...a], x, y, s]`,
      ),
    ).toEqual([[3, -4], 3, -4, [3, -4]]);
  });
});
