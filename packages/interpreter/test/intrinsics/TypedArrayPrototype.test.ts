import { describe, expect, it } from "vitest";
import { ResourceExhaustedError } from "../../src/errors.js";
import { run, tinyFuel } from "./binary-helpers.js";

const ARR = `var TAP = Object.getPrototypeOf(Int8Array.prototype);
`;
const t = (code: string, options?: Parameters<typeof run>[1]) => run(ARR + code, options);

describe("%TypedArray%.prototype shape", () => {
  it("has every ES2023 method with its length", () => {
    expect(
      t(`["at", "copyWithin", "entries", "every", "fill", "filter", "find", "findIndex", "findLast", "findLastIndex",
        "forEach", "includes", "indexOf", "join", "keys", "lastIndexOf", "map", "reduce", "reduceRight", "reverse",
        "set", "slice", "some", "sort", "subarray", "toLocaleString", "toReversed", "toSorted", "toString", "values", "with"]
        .map((k) => k + ":" + TAP[k].length + ":" + desc(TAP, k) + ":" + (TAP[k].name === k)).join()`),
    ).toBe(
      "at:1:vwc:true,copyWithin:2:vwc:true,entries:0:vwc:true,every:1:vwc:true,fill:1:vwc:true,filter:1:vwc:true," +
        "find:1:vwc:true,findIndex:1:vwc:true,findLast:1:vwc:true,findLastIndex:1:vwc:true,forEach:1:vwc:true," +
        "includes:1:vwc:true,indexOf:1:vwc:true,join:1:vwc:true,keys:0:vwc:true,lastIndexOf:1:vwc:true,map:1:vwc:true," +
        "reduce:1:vwc:true,reduceRight:1:vwc:true,reverse:0:vwc:true,set:1:vwc:true,slice:2:vwc:true,some:1:vwc:true," +
        "sort:1:vwc:true,subarray:2:vwc:true,toLocaleString:0:vwc:true,toReversed:0:vwc:true,toSorted:1:vwc:true," +
        "toString:0:vwc:true,values:0:vwc:true,with:2:vwc:true",
    );
  });

  it("shares values with @@iterator and toString with Array.prototype", () => {
    expect(
      t(
        `[TAP[Symbol.iterator] === TAP.values, TAP.toString === Array.prototype.toString, new Int8Array([1, 2]).toString(), String(new Float32Array([0.5]))]`,
      ),
    ).toEqual([true, true, "1,2", "0.5"]);
  });

  it("has accessors that check their receiver", () => {
    expect(
      t(
        `["buffer", "byteLength", "byteOffset", "length"].map((k) => { var d = Object.getOwnPropertyDescriptor(TAP, k); return [d.get.name, d.set, d.enumerable, d.configurable, thrown(() => d.get.call({})), thrown(() => d.get.call(new DataView(new ArrayBuffer(1))))]; })`,
      ),
    ).toEqual(
      ["buffer", "byteLength", "byteOffset", "length"].map((k) => [
        `get ${k}`,
        undefined,
        false,
        true,
        "TypeError",
        "TypeError",
      ]),
    );
    expect(
      t(
        `var a = new Int32Array(new ArrayBuffer(16), 4, 2); [a.length, a.byteLength, a.byteOffset, a.buffer.byteLength]`,
      ),
    ).toEqual([2, 8, 4, 16]);
  });

  it("@@toStringTag returns the name or undefined, never throws", () => {
    expect(
      t(`var g = Object.getOwnPropertyDescriptor(TAP, Symbol.toStringTag).get;
      [g.name, g.call(new BigUint64Array(0)), g.call({}), g.call(3), g.call(undefined), TAP[Symbol.toStringTag]]`),
    ).toEqual([
      "get [Symbol.toStringTag]",
      "BigUint64Array",
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(t(`Object.prototype.toString.call(new Uint8ClampedArray(1))`)).toBe(
      "[object Uint8ClampedArray]",
    );
  });

  it("methods reject non-typed-array receivers", () => {
    expect(
      t(
        `["at", "fill", "join", "map", "sort", "slice", "subarray", "set", "values", "with", "toReversed"].map((k) => thrown(() => TAP[k].call([1], () => 0))).join()`,
      ),
    ).toBe(Array(11).fill("TypeError").join());
  });
});

describe("element access and iteration", () => {
  it("at", () => {
    expect(
      t(
        `var a = new Int8Array([1, 2, 3]); [a.at(0), a.at(-1), a.at(3), a.at(-4), a.at("1"), a.at()]`,
      ),
    ).toEqual([1, 3, undefined, undefined, 2, 1]);
  });

  it("entries, keys, values", () => {
    expect(
      t(`var a = new Int8Array([5, 6]); [[...a.keys()], [...a.values()], [...a.entries()]]`),
    ).toEqual([
      [0, 1],
      [5, 6],
      [
        [0, 5],
        [1, 6],
      ],
    ]);
    expect(
      t(`Object.getPrototypeOf(new Int8Array(1).values()) === Object.getPrototypeOf([].values())`),
    ).toBe(true);
    // The iterator sees writes made during iteration.
    expect(
      t(
        `var a = new Int8Array(3); var out = []; for (var v of a) { out.push(v); if (out.length < 3) a[out.length] = out.length * 10; } out`,
      ),
    ).toEqual([0, 10, 20]);
  });
});

describe("callback methods", () => {
  it("every, some, forEach pass (value, index, array) and thisArg", () => {
    expect(
      t(
        `var a = new Int8Array([1, 2, 3]); var log = []; a.forEach(function (v, k, o) { log.push(v, k, o === a, this.x); }, { x: "t" }); log`,
      ),
    ).toEqual([1, 0, true, "t", 2, 1, true, "t", 3, 2, true, "t"]);
    expect(
      t(
        `var a = new Int8Array([1, 2, 3]); [a.every((v) => v > 0), a.every((v) => v > 1), a.some((v) => v > 2), a.some((v) => v > 3), new Int8Array(0).every(() => false)]`,
      ),
    ).toEqual([true, false, true, false, true]);
    expect(t(`var n = 0; new Int8Array(5).some(() => ++n === 2); n`)).toBe(2);
    expect(
      t(`[thrown(() => new Int8Array(1).every()), thrown(() => new Int8Array(0).forEach(1))]`),
    ).toEqual(["TypeError", "TypeError"]);
  });

  it("find, findIndex, findLast, findLastIndex", () => {
    expect(
      t(`var a = new Int8Array([1, 2, 3, 2]);
      [a.find((v) => v === 2), a.findIndex((v) => v === 2), a.findLast((v) => v === 2), a.findLastIndex((v) => v === 2),
       a.find((v) => v > 9), a.findIndex((v) => v > 9), a.findLast((v) => v > 9), a.findLastIndex((v) => v > 9)]`),
    ).toEqual([2, 1, 2, 3, undefined, -1, undefined, -1]);
    expect(
      t(
        `var seen = []; new Int8Array([1, 2, 3]).findLast((v, k) => { seen.push(k); return false; }); seen`,
      ),
    ).toEqual([2, 1, 0]);
    expect(t(`thrown(() => new Int8Array(0).find({}))`)).toBe("TypeError");
  });

  it("map and filter create through the species constructor", () => {
    expect(
      t(
        `var m = new Int16Array([1, 2]).map((v, k) => v * 1000 + k); [arr(m), m instanceof Int16Array]`,
      ),
    ).toEqual([[1000, 2001], true]);
    expect(t(`arr(new Uint8Array([1, 2]).map((v) => v * 200))`)).toEqual([200, 144]);
    expect(t(`arr(new Int8Array([1, 2, 3, 4]).filter((v) => v % 2 === 0))`)).toEqual([2, 4]);
    expect(
      t(
        `class S extends Int8Array {} var s = new S([1, 2]); [s.map((x) => x) instanceof S, s.filter(() => true) instanceof S, s.slice() instanceof S, s.subarray() instanceof S]`,
      ),
    ).toEqual([true, true, true, true]);
    expect(
      t(
        `var a = new Int8Array([1, 2]); a.constructor = { [Symbol.species]: Float64Array }; var m = a.map((v) => v + 0.5); [m instanceof Float64Array, arr(m)]`,
      ),
    ).toEqual([true, [1.5, 2.5]]);
    // Species must produce a typed array of the same content type, long enough.
    expect(
      t(
        `var a = new Int8Array([1, 2]); a.constructor = { [Symbol.species]: BigInt64Array }; thrown(() => a.map((v) => v))`,
      ),
    ).toBe("TypeError");
    expect(
      t(
        `var a = new Int8Array([1, 2]); a.constructor = { [Symbol.species]: function () { return new Int8Array(1); } }; thrown(() => a.map((v) => v))`,
      ),
    ).toBe("TypeError");
    expect(
      t(
        `var a = new Int8Array([1, 2]); a.constructor = { [Symbol.species]: function () { return [0, 0]; } }; thrown(() => a.filter(() => true))`,
      ),
    ).toBe("TypeError");
    // filter calls the callback for every element before creating the result.
    expect(
      t(`var log = []; var a = new Int8Array([1, 2]); a.constructor = { [Symbol.species]: function (n) { log.push("create " + n); return new Int8Array(n); } };
      a.filter((v) => { log.push("cb " + v); return v > 1; }); log.join()`),
    ).toBe("cb 1,cb 2,create 1");
  });

  it("reduce and reduceRight", () => {
    expect(
      t(
        `var a = new Int8Array([1, 2, 3]); [a.reduce((acc, v) => acc + "" + v), a.reduceRight((acc, v) => acc + "" + v), a.reduce((acc, v, k) => acc + k, 10), a.reduceRight((acc, v, k, o) => acc + (o === a), "")]`,
      ),
    ).toEqual(["123", "321", 13, "truetruetrue"]);
    expect(
      t(
        `[thrown(() => new Int8Array(0).reduce((a, b) => a)), new Int8Array(0).reduce((a, b) => a, "init"), thrown(() => new Int8Array(0).reduceRight((a, b) => a)), thrown(() => new Int8Array(1).reduce())]`,
      ),
    ).toEqual(["TypeError", "init", "TypeError", "TypeError"]);
    // An explicit undefined initial value counts as present.
    expect(t(`new Int8Array([1]).reduce((acc, v) => acc, undefined)`)).toBe(undefined);
  });

  it("meter guest callbacks and element loops", () => {
    expect(() => t(`new Uint8Array(1e6).forEach(() => {})`, tinyFuel)).toThrow(
      ResourceExhaustedError,
    );
    expect(() =>
      t(`var a = new Uint8Array(1e5); for (var i = 0; i < 100; i++) a.fill(1); 1`, tinyFuel),
    ).toThrow(ResourceExhaustedError);
  });
});

describe("search", () => {
  it("includes uses SameValueZero, indexOf/lastIndexOf strict equality", () => {
    expect(
      t(`var f = new Float64Array([1, NaN, -0, 3]);
      [f.includes(NaN), f.indexOf(NaN), f.includes(0), f.indexOf(0), f.lastIndexOf(0), f.includes("1"), f.indexOf(1n), f.includes(3, 4), f.includes(1, -4), f.includes()]`),
    ).toEqual([true, -1, true, 2, 2, false, -1, false, true, false]);
    expect(
      t(`var a = new Int8Array([1, 2, 1, 2]);
      [a.indexOf(2), a.indexOf(2, 2), a.indexOf(2, -1), a.indexOf(1, -100), a.indexOf(1, Infinity), a.lastIndexOf(1), a.lastIndexOf(2, 2), a.lastIndexOf(2, -3), a.lastIndexOf(1, -5), a.lastIndexOf(1, -Infinity), a.lastIndexOf(2, undefined)]`),
    ).toEqual([1, 3, 3, 0, -1, 2, 1, 1, -1, -1, -1]);
    expect(
      t(
        `var b = new BigInt64Array([5n, -1n]); [b.includes(5n), b.includes(5), b.indexOf(-1n), b.lastIndexOf(5n)]`,
      ),
    ).toEqual([true, false, 1, 0]);
    expect(
      t(
        `[new Int8Array(0).includes(undefined), new Int8Array(1).includes(undefined), new Int8Array(1).indexOf(undefined)]`,
      ),
    ).toEqual([false, false, -1]);
  });

  it("converts fromIndex only when the array is not empty", () => {
    expect(
      t(
        `var n = 0; var f = { valueOf() { n++; return 0; } }; new Int8Array(0).indexOf(0, f); new Int8Array(0).includes(0, f); new Int8Array(0).lastIndexOf(0, f); n`,
      ),
    ).toBe(0);
  });
});

describe("strings", () => {
  it("join converts the separator once and elements with ToString", () => {
    expect(
      t(
        `[new Int8Array([1, -2, 3]).join(), new Int8Array([1, 2]).join(""), new Int8Array([1, 2]).join(undefined), new Int8Array([1, 2]).join(null), new Float64Array([-0, 1e21, NaN]).join(), new BigInt64Array([1n, -2n]).join("+"), new Int8Array(0).join("x")]`,
      ),
    ).toEqual(["1,-2,3", "12", "1,2", "1null2", "0,1e+21,NaN", "1+-2", ""]);
    expect(t(`thrown(() => new Int8Array(2).join(Symbol()))`)).toBe("TypeError");
  });

  it("toLocaleString invokes each element's toLocaleString", () => {
    expect(
      t(
        `Number.prototype.toLocaleString = function () { return "<" + this + ">"; }; new Int8Array([1, 2]).toLocaleString()`,
      ),
    ).toBe("<1>,<2>");
    expect(
      t(
        `BigInt.prototype.toLocaleString = function () { return "b" + this; }; new BigUint64Array([3n]).toLocaleString()`,
      ),
    ).toBe("b3");
    expect(t(`new Int8Array(0).toLocaleString()`)).toBe("");
  });

  it("metering: a huge separator exhausts memory instead of building the string", () => {
    expect(() =>
      t(`new Uint8Array(1e4).join("x".repeat(1e4))`, { limits: { perRun: { memoryBytes: 1e7 } } }),
    ).toThrow(ResourceExhaustedError);
  });
});

describe("in-place changes", () => {
  it("copyWithin moves bytes like memmove, with relative indices", () => {
    expect(t(`arr(new Int8Array([1, 2, 3, 4, 5]).copyWithin(0, 3))`)).toEqual([4, 5, 3, 4, 5]);
    expect(t(`arr(new Int8Array([1, 2, 3, 4, 5]).copyWithin(1, 0))`)).toEqual([1, 1, 2, 3, 4]);
    expect(t(`arr(new Int16Array([1, 2, 3, 4, 5]).copyWithin(-2, -4, -3))`)).toEqual([
      1, 2, 3, 2, 5,
    ]);
    expect(t(`arr(new Float64Array([1, 2, 3]).copyWithin(0, 1, 99))`)).toEqual([2, 3, 3]);
    expect(
      t(`var s = new Int8Array([1, 2, 3, 4]).subarray(1); s.copyWithin(0, 1); arr(s)`),
    ).toEqual([3, 4, 4]);
    expect(t(`var a = new Int8Array(2); a.copyWithin(0, 0) === a`)).toBe(true);
  });

  it("fill converts the value once, then the range", () => {
    expect(
      t(
        `[arr(new Int8Array(4).fill(300)), arr(new Int8Array(4).fill(7, 1, -1)), arr(new Uint8ClampedArray(2).fill(2.5)), arr(new Float32Array(2).fill(0.1, -1))]`,
      ),
    ).toEqual([
      [44, 44, 44, 44],
      [0, 7, 7, 0],
      [2, 2],
      [0, Math.fround(0.1)],
    ]);
    expect(t(`arr(new BigInt64Array(2).fill(3n))`)).toEqual([3n, 3n]);
    expect(
      t(`[thrown(() => new BigInt64Array(1).fill(1)), thrown(() => new Int8Array(1).fill(1n))]`),
    ).toEqual(["TypeError", "TypeError"]);
    expect(
      t(
        `var log = []; new Int8Array(2).fill({ valueOf() { log.push("v"); return 1; } }, { valueOf() { log.push("s"); return 0; } }, { valueOf() { log.push("e"); return 1; } }); log.join()`,
      ),
    ).toBe("v,s,e");
  });

  it("reverse", () => {
    expect(
      t(
        `[arr(new Int8Array([1, 2, 3]).reverse()), arr(new Float64Array([1, 2]).reverse()), arr(new Int8Array(0).reverse())]`,
      ),
    ).toEqual([[3, 2, 1], [2, 1], []]);
  });

  it("set from arrays and array-likes", () => {
    expect(
      t(`var a = new Int8Array(4); a.set([1, 2]); a.set({ length: 1, 0: 300 }, 3); arr(a)`),
    ).toEqual([1, 2, 0, 44]);
    expect(
      t(
        `var a = new Int8Array(2); [thrown(() => a.set([1, 2, 3])), thrown(() => a.set([1], 2)), thrown(() => a.set([1], -1)), thrown(() => a.set([], Infinity)), a.set([], 2)]`,
      ),
    ).toEqual(["RangeError", "RangeError", "RangeError", "RangeError", undefined]);
    expect(t(`var a = new Int8Array(2); a.set("12"); arr(a)`)).toEqual([1, 2]);
    expect(
      t(`var a = new Int8Array(2); [thrown(() => a.set(null)), thrown(() => a.set(undefined))]`),
    ).toEqual(["TypeError", "TypeError"]);
    // Elements are read and converted one at a time.
    expect(
      t(
        `var log = []; var src = { length: 2, get 0() { log.push("g0"); return { valueOf() { log.push("v0"); return 1; } }; }, get 1() { log.push("g1"); return 2; } }; new Int8Array(2).set(src); log.join()`,
      ),
    ).toBe("g0,v0,g1");
    expect(
      t(`var a = new BigInt64Array(1); [thrown(() => a.set([1])), (a.set([5n]), a[0])]`),
    ).toEqual(["TypeError", 5n]);
  });

  it("set from typed arrays converts and handles overlap within one buffer", () => {
    expect(t(`var a = new Float64Array(3); a.set(new Int8Array([-1, 2]), 1); arr(a)`)).toEqual([
      0, -1, 2,
    ]);
    expect(t(`var a = new Uint8Array(2); a.set(new Float32Array([1.5, 300])); arr(a)`)).toEqual([
      1, 44,
    ]);
    expect(
      t(`var a = new Uint8ClampedArray(2); a.set(new Float32Array([1.5, 300])); arr(a)`),
    ).toEqual([2, 255]);
    expect(
      t(`var b = new ArrayBuffer(8); var u8 = new Uint8Array(b); u8.set([1, 2, 3, 4, 5, 6, 7, 8]);
      var u16 = new Uint16Array(b, 0, 2); u8.set(u16, 2); arr(u8)`),
    ).toEqual([1, 2, 1, 3, 5, 6, 7, 8]);
    expect(t(`var u = new Int8Array([1, 2, 3, 4, 5]); u.set(u.subarray(0, 3), 2); arr(u)`)).toEqual(
      [1, 2, 1, 2, 3],
    );
    expect(t(`var u = new Int8Array([1, 2, 3, 4, 5]); u.set(u.subarray(2), 0); arr(u)`)).toEqual([
      3, 4, 5, 4, 5,
    ]);
    expect(
      t(
        `[thrown(() => new Int8Array(2).set(new BigInt64Array(1))), thrown(() => new BigInt64Array(2).set(new Int8Array(1))), thrown(() => new Int8Array(2).set(new Int8Array(3)))]`,
      ),
    ).toEqual(["TypeError", "TypeError", "RangeError"]);
    expect(t(`var a = new BigUint64Array(1); a.set(new BigInt64Array([-1n])); a[0]`)).toBe(
      2n ** 64n - 1n,
    );
  });
});

describe("copies", () => {
  it("slice with relative indices and species", () => {
    expect(
      t(
        `var a = new Int8Array([1, 2, 3, 4]); [arr(a.slice(1, 3)), arr(a.slice(-2)), arr(a.slice(3, 1)), arr(a.slice()), a.slice().buffer !== a.buffer]`,
      ),
    ).toEqual([[2, 3], [3, 4], [], [1, 2, 3, 4], true]);
    expect(
      t(
        `var a = new Float64Array([1.5, 2.5]); a.constructor = { [Symbol.species]: Int8Array }; var s = a.slice(); [s instanceof Int8Array, arr(s)]`,
      ),
    ).toEqual([true, [1, 2]]);
    // Every NaN is stored with one encoding, whichever expression produced it.
    expect(
      t(`var n = [NaN, -(0 / 0), Math.pow(-1, 0.5), Infinity / Infinity]; var a = new Float64Array(n); var b = a.map((v, k) => n[k]);
      var x = new Uint8Array(a.buffer), y = new Uint8Array(b.buffer); var same = true; for (var i = 0; i < x.length; i++) if (x[i] !== y[i] || x[i] !== x[i % 8]) same = false; same`),
    ).toBe(true);
    // Same element type: bytes are copied as they are (-0 stays -0).
    expect(t(`var a = new Float64Array([-0]); Object.is(a.slice()[0], -0)`)).toBe(true);
    // A species result sharing the buffer gets the spec's byte-by-byte forward copy.
    expect(
      t(`var b = new ArrayBuffer(6); var a = new Uint8Array(b); a.set([1, 2, 3, 4, 5, 6]);
      a.constructor = { [Symbol.species]: function (n) { return new Uint8Array(b, 1, n); } };
      a.slice(0, 4); arr(a)`),
    ).toEqual([1, 1, 1, 1, 1, 6]);
  });

  it("subarray shares the buffer", () => {
    expect(
      t(
        `var a = new Int16Array([1, 2, 3, 4]); var s = a.subarray(1, -1); s[0] = 9; [arr(s), a[1], s.buffer === a.buffer, s.byteOffset, s.length]`,
      ),
    ).toEqual([[9, 3], 9, true, 2, 2]);
    expect(
      t(
        `var a = new Int8Array(4); [a.subarray(3, 1).length, a.subarray(-1).byteOffset, a.subarray(10).length, a.subarray().length]`,
      ),
    ).toEqual([0, 3, 0, 4]);
    // The species constructor receives (buffer, byteOffset, length).
    expect(
      t(
        `var args; var a = new Int32Array(4); a.constructor = { [Symbol.species]: function (b, o, n) { args = [b === a.buffer, o, n]; return new Int32Array(b, o, n); } }; a.subarray(1, 3); args`,
      ),
    ).toEqual([true, 4, 2]);
  });

  it("toReversed, toSorted and with leave the original alone", () => {
    expect(
      t(
        `var a = new Int8Array([3, 1, 2]); var r = a.toReversed(); var s = a.toSorted(); [arr(r), arr(s), arr(a), r.constructor === Int8Array]`,
      ),
    ).toEqual([[2, 1, 3], [1, 2, 3], [3, 1, 2], true]);
    expect(
      t(
        `var a = new Int8Array([1, 2, 3]); [arr(a.with(0, 9)), arr(a.with(-1, 300)), arr(a), thrown(() => a.with(3, 0)), thrown(() => a.with(-4, 0))]`,
      ),
    ).toEqual([[9, 2, 3], [1, 2, 44], [1, 2, 3], "RangeError", "RangeError"]);
    expect(
      t(`[thrown(() => new BigInt64Array(1).with(0, 1)), new BigInt64Array(1).with(0, 2n)[0]]`),
    ).toEqual(["TypeError", 2n]);
    // These ignore species: the result is always the intrinsic constructor's.
    expect(
      t(
        `class S extends Int8Array {} var s = new S([2, 1]); [s.toReversed().constructor === Int8Array, s.toSorted().constructor === Int8Array, s.with(0, 1).constructor === Int8Array]`,
      ),
    ).toEqual([true, true, true]);
    expect(t(`arr(new Int8Array([1, 2, 3]).toSorted((a, b) => b - a))`)).toEqual([3, 2, 1]);
    expect(t(`thrown(() => new Int8Array(1).toSorted(1))`)).toBe("TypeError");
    // with converts the value before checking the index.
    expect(
      t(
        `var log = []; thrown(() => new Int8Array(1).with(5, { valueOf() { log.push("v"); return 1; } })); log.join()`,
      ),
    ).toBe("v");
  });
});

describe("sort", () => {
  it("sorts numerically by default, with -0 before +0 and NaN last", () => {
    expect(t(`arr(new Int8Array([10, 9, 1, -5, 100]).sort())`)).toEqual([-5, 1, 9, 10, 100]);
    expect(
      t(
        `var s = new Float64Array([NaN, 1, -0, 0, -Infinity, NaN, -1]).sort(); arr(s).map((x) => Object.is(x, -0) ? "-0" : String(x)).join()`,
      ),
    ).toBe("-Infinity,-1,-0,0,1,NaN,NaN");
    expect(t(`arr(new BigInt64Array([3n, -(2n ** 63n), 0n]).sort())`)).toEqual([
      -(2n ** 63n),
      0n,
      3n,
    ]);
    expect(t(`arr(new Uint32Array([2 ** 32 - 1, 0, 5]).sort())`)).toEqual([0, 5, 2 ** 32 - 1]);
  });

  it("calls a guest comparator and is stable", () => {
    expect(t(`arr(new Int8Array([1, 3, 2]).sort((a, b) => b - a))`)).toEqual([3, 2, 1]);
    // Stability: comparing only the tens digit keeps equal elements in input order.
    expect(
      t(
        `arr(new Int16Array([21, 11, 22, 12, 23, 13]).sort((a, b) => Math.floor(a / 10) - Math.floor(b / 10)))`,
      ),
    ).toEqual([11, 12, 13, 21, 22, 23]);
    // NaN from the comparator counts as 0; the result is converted with ToNumber.
    expect(t(`arr(new Int8Array([2, 1]).sort(() => NaN))`)).toEqual([2, 1]);
    expect(
      t(`arr(new Int8Array([1, 2]).sort((a, b) => ({ valueOf() { return b - a; } })))`),
    ).toEqual([2, 1]);
    expect(
      t(`[thrown(() => new Int8Array(1).sort(null)), thrown(() => new Int8Array(1).sort({}))]`),
    ).toEqual(["TypeError", "TypeError"]);
    // The comparator is checked before the receiver.
    expect(t(`thrown(() => TAP.sort.call({}, 1))`)).toBe("TypeError");
    expect(t(`var a = new Int8Array([1, 2]); a.sort((x, y) => 0) === a`)).toBe(true);
  });

  it("leaves the array unchanged when the comparator throws", () => {
    expect(
      t(
        `var a = new Int8Array([3, 2, 1]); var n = 0; var r = thrown(() => a.sort(() => { if (++n === 2) throw new RangeError("x"); return -1; })); [r, arr(a)]`,
      ),
    ).toEqual(["RangeError", [3, 2, 1]]);
  });

  it("meters comparisons", () => {
    expect(() => t(`new Int32Array(5e4).sort((a, b) => a - b)`, tinyFuel)).toThrow(
      ResourceExhaustedError,
    );
    expect(() =>
      t(`var a = new Float64Array(1e5); for (var i = 0; i < 50; i++) a.sort(); 1`, tinyFuel),
    ).toThrow(ResourceExhaustedError);
  });
});
