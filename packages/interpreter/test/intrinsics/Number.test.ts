import { describe, expect, it } from "vitest";
import { run } from "./text-helpers.js";

describe("Number", () => {
  it("has the spec's shape and constants", () => {
    expect(
      run(
        `[sig(Number), desc(globalThis, "Number"), desc(Number, "prototype"), Number.prototype.constructor === Number, ["EPSILON", "MAX_SAFE_INTEGER", "MAX_VALUE", "MIN_SAFE_INTEGER", "MIN_VALUE", "NaN", "NEGATIVE_INFINITY", "POSITIVE_INFINITY"].map((k) => desc(Number, k)).join()]`,
      ),
    ).toEqual(["Number/1", "vwc", "v", true, "v,v,v,v,v,v,v,v"]);
    expect(
      run(
        `[Number.EPSILON === 2 ** -52, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, Number.MAX_VALUE, Number.MIN_VALUE, Number.NaN, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY]`,
      ),
    ).toEqual([
      true,
      9007199254740991,
      -9007199254740991,
      Number.MAX_VALUE,
      5e-324,
      Number.NaN,
      -Infinity,
      Infinity,
    ]);
    expect(
      run(
        `["isFinite", "isInteger", "isNaN", "isSafeInteger", "parseFloat", "parseInt"].map((k) => sig(Number[k]) + desc(Number, k))`,
      ),
    ).toEqual([
      "isFinite/1vwc",
      "isInteger/1vwc",
      "isNaN/1vwc",
      "isSafeInteger/1vwc",
      "parseFloat/1vwc",
      "parseInt/2vwc",
    ]);
  });

  it("parseFloat and parseInt are the global function objects", () => {
    expect(
      run(
        `[Number.parseFloat === parseFloat, Number.parseInt === parseInt, Number.parseInt("0x10"), Number.parseFloat("1.5e2x")]`,
      ),
    ).toEqual([true, true, 16, 150]);
  });

  it("converts with ToNumeric when called, BigInt included", () => {
    expect(
      run(
        `[Number(), Number(undefined), Number(null), Number(""), Number(" 12 "), Number("0x1F"), Number("0b11"), Number("1e3"), Number("1_000"), Number(true), Number(12n), Number(-(2n ** 64n)), Number([5]), Number({ valueOf() { return 7; } }), Number(new Date(5))]`,
      ),
    ).toEqual([
      0,
      Number.NaN,
      0,
      0,
      12,
      31,
      3,
      1000,
      Number.NaN,
      1,
      12,
      -18446744073709552000,
      5,
      7,
      5,
    ]);
    expect(
      run(`[thrown(() => Number(Symbol())), Object.is(Number(-0), -0), Number(Object(3n))]`),
    ).toEqual(["TypeError", true, 3]);
  });

  it("wraps when constructed and supports subclassing", () => {
    expect(
      run(
        `var n = new Number(4); [typeof n, n + 1, n.valueOf(), Object.prototype.toString.call(n), new Number().valueOf()]`,
      ),
    ).toEqual(["object", 5, 4, "[object Number]", 0]);
    expect(
      run(
        `class N extends Number { twice() { return this * 2; } } var n = new N("21"); [n.twice(), n instanceof Number, n.toFixed(1)]`,
      ),
    ).toEqual([42, true, "21.0"]);
    expect(
      run(
        `[Number.prototype.valueOf(), Object.prototype.toString.call(Number.prototype), Object.getPrototypeOf(Number.prototype) === Object.prototype]`,
      ),
    ).toEqual([0, "[object Number]", true]);
  });

  it("static predicates do not coerce", () => {
    expect(
      run(
        `[Number.isFinite(1), Number.isFinite("1"), Number.isFinite(Infinity), Number.isInteger(5.0), Number.isInteger(5.5), Number.isInteger("5"), Number.isNaN(NaN), Number.isNaN("NaN"), Number.isSafeInteger(2 ** 53 - 1), Number.isSafeInteger(2 ** 53), Number.isSafeInteger(1.5), Number.isInteger(-0)]`,
      ),
    ).toEqual([true, false, false, true, false, false, true, false, true, false, false, true]);
  });

  it("prototype methods have the spec's names and lengths", () => {
    expect(
      run(
        `["toExponential", "toFixed", "toLocaleString", "toPrecision", "toString", "valueOf"].map((k) => sig(Number.prototype[k]) + desc(Number.prototype, k))`,
      ),
    ).toEqual([
      "toExponential/1vwc",
      "toFixed/1vwc",
      "toLocaleString/0vwc",
      "toPrecision/1vwc",
      "toString/1vwc",
      "valueOf/0vwc",
    ]);
  });

  it("toString(radix)", () => {
    expect(
      run(
        `[(255).toString(16), (255).toString(2), (-255).toString(36), (0.5).toString(2), (1e21).toString(), (123).toString(undefined), NaN.toString(2), (-0).toString(), thrown(() => (1).toString(1)), thrown(() => (1).toString(37)), thrown(() => Number.prototype.toString.call("1"))]`,
      ),
    ).toEqual([
      "ff",
      "11111111",
      "-73",
      "0.1",
      "1e+21",
      "123",
      "NaN",
      "0",
      "RangeError",
      "RangeError",
      "TypeError",
    ]);
  });

  it("toFixed", () => {
    expect(
      run(
        `[(1.005).toFixed(2), (1.45).toFixed(1), (0).toFixed(2), (1e21).toFixed(2), (-1.5).toFixed(0), (123.456).toFixed(), NaN.toFixed(2), (0.000001).toFixed(7), thrown(() => (1).toFixed(101)), thrown(() => (1).toFixed(-1)), thrown(() => NaN.toFixed(Infinity)), (1).toFixed(100).length]`,
      ),
    ).toEqual([
      "1.00",
      "1.4",
      "0.00",
      "1e+21",
      "-2",
      "123",
      "NaN",
      "0.0000010",
      "RangeError",
      "RangeError",
      "RangeError",
      102,
    ]);
  });

  it("toExponential", () => {
    expect(
      run(
        `[(123456).toExponential(2), (0).toExponential(), (1.5).toExponential(), (-0.00015).toExponential(1), Infinity.toExponential(1000), NaN.toExponential(-5), thrown(() => (1).toExponential(101)), thrown(() => (1).toExponential(-1))]`,
      ),
    ).toEqual([
      "1.23e+5",
      "0e+0",
      "1.5e+0",
      "-1.5e-4",
      "Infinity",
      "NaN",
      "RangeError",
      "RangeError",
    ]);
  });

  it("toPrecision", () => {
    expect(
      run(
        `[(123.456).toPrecision(4), (0.00001).toPrecision(1), (123456).toPrecision(2), (1).toPrecision(), (1.5).toPrecision(undefined), (-Infinity).toPrecision(0), thrown(() => (1).toPrecision(0)), thrown(() => (1).toPrecision(101))]`,
      ),
    ).toEqual(["123.5", "0.00001", "1.2e+5", "1", "1.5", "-Infinity", "RangeError", "RangeError"]);
    expect(
      run(
        `var log = []; (1).toPrecision({ valueOf() { log.push("p"); return 2; } }); thrown(() => NaN.toPrecision({ valueOf() { log.push("q"); return 0; } })); log`,
      ),
    ).toEqual(["p", "q"]);
  });

  it("valueOf and toLocaleString check their receiver", () => {
    expect(
      run(
        `[(5).valueOf(), new Number(6).valueOf(), (1234.5).toLocaleString(), thrown(() => Number.prototype.valueOf.call("5")), thrown(() => Number.prototype.toFixed.call({})), thrown(() => Number.prototype.valueOf.call(Object(1n)))]`,
      ),
    ).toEqual([5, 6, "1234.5", "TypeError", "TypeError", "TypeError"]);
  });
});
