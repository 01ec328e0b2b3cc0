import { describe, expect, it } from "vitest";
import { run, tinyFuel } from "./text-helpers.js";

describe("Math", () => {
  it("has the spec's shape", () => {
    expect(
      run(
        `[desc(globalThis, "Math"), Object.getPrototypeOf(Math) === Object.prototype, typeof Math, Math[Symbol.toStringTag], desc(Math, Symbol.toStringTag), Object.prototype.toString.call(Math), thrown(() => Math()), thrown(() => new Math())]`,
      ),
    ).toEqual(["vwc", true, "object", "Math", "vc", "[object Math]", "TypeError", "TypeError"]);
    const fns =
      "abs/1 acos/1 acosh/1 asin/1 asinh/1 atan/1 atanh/1 atan2/2 cbrt/1 ceil/1 clz32/1 cos/1 cosh/1 exp/1 expm1/1 floor/1 fround/1 hypot/2 imul/2 log/1 log1p/1 log10/1 log2/1 max/2 min/2 pow/2 random/0 round/1 sign/1 sin/1 sinh/1 sqrt/1 tan/1 tanh/1 trunc/1";
    expect(
      run(
        `${JSON.stringify(fns)}.split(" ").filter((s) => { var [n, l] = s.split("/"); return !(sig(Math[n]) === s && desc(Math, n) === "vwc" && !("prototype" in Math[n])); })`,
      ),
    ).toEqual([]);
    expect(
      run(
        `["E", "LN10", "LN2", "LOG10E", "LOG2E", "PI", "SQRT1_2", "SQRT2"].map((k) => desc(Math, k) + Math[k])`,
      ),
    ).toEqual(
      [Math.E, Math.LN10, Math.LN2, Math.LOG10E, Math.LOG2E, Math.PI, Math.SQRT1_2, Math.SQRT2].map(
        (v) => `v${v}`,
      ),
    );
  });

  it("computes like the spec", () => {
    expect(
      run(
        `[Math.abs(-3), Math.ceil(-0.5), Math.floor(-0.5), Math.round(2.5), Math.round(-2.5), Math.round(0.49999999999999994), Math.trunc(-1.7), Math.sign(-3), Math.sqrt(16), Math.cbrt(-27), Math.pow(2, 10), Math.pow(1, Infinity), Math.atan2(1, 1) === Math.PI / 4, Math.hypot(3, 4), Math.hypot(), Math.hypot(NaN, Infinity), Math.clz32(1), Math.clz32(-1), Math.imul(0xffffffff, 5), Math.fround(5.5), Math.fround(5.05) === 5.050000190734863, Math.log2(8), Math.log10(1000), Math.expm1(0), Math.log1p(0)]`,
      ),
    ).toEqual([
      3,
      -0,
      -1,
      3,
      -2,
      0,
      -1,
      -1,
      4,
      -3,
      1024,
      Number.NaN,
      true,
      5,
      0,
      Infinity,
      31,
      0,
      -5,
      5.5,
      true,
      3,
      3,
      0,
      0,
    ]);
    expect(
      run(
        `[Object.is(Math.round(-0.2), -0), Object.is(Math.ceil(-0.5), -0), Object.is(Math.sign(-0), -0), Object.is(Math.atan2(-0, 1), -0)]`,
      ),
    ).toEqual([true, true, true, true]);
  });

  it("max and min handle NaN and signed zeros, converting every argument first", () => {
    expect(
      run(
        `[Math.max(), Math.min(), Math.max(1, 3, 2), Math.min(1, -3, 2), Math.max(1, NaN, 2), Math.min("4", 3), Object.is(Math.max(-0, 0), 0), Object.is(Math.max(0, -0), 0), Object.is(Math.min(0, -0), -0), Object.is(Math.min(-0, 0), -0)]`,
      ),
    ).toEqual([-Infinity, Infinity, 3, -3, Number.NaN, 3, true, true, true, true]);
    expect(
      run(
        `var log = []; var a = { valueOf() { log.push("a"); return NaN; } }; var b = { valueOf() { log.push("b"); return 1; } }; Math.max(a, b); Math.min(b, a); Math.hypot(a, b); log`,
      ),
    ).toEqual(["a", "b", "b", "a", "a", "b"]);
    expect(
      run(
        `[thrown(() => Math.max(1, Symbol())), thrown(() => Math.abs(1n)), thrown(() => Math.max(1n))]`,
      ),
    ).toEqual(["TypeError", "TypeError", "TypeError"]);
  });

  it("converts two-argument functions' arguments in order", () => {
    expect(
      run(
        `var log = []; var x = { valueOf() { log.push("x"); return 2; } }; var y = { valueOf() { log.push("y"); return 3; } }; [Math.pow(x, y), Math.atan2(y, x) > 0, Math.imul(x, y), log]`,
      ),
    ).toEqual([8, true, 6, ["x", "y", "y", "x", "x", "y"]]);
  });

  it("random is a per-sandbox generator in [0, 1)", () => {
    expect(
      run(
        `var seen = new Set(); var ok = true; for (var i = 0; i < 1000; i++) { var r = Math.random(); if (!(r >= 0 && r < 1)) ok = false; seen.add(r); } [ok, seen.size > 990]`,
      ),
    ).toEqual([true, true]);
    expect(
      run(
        `var s = 0; for (var i = 0; i < 10000; i++) s += Math.random(); s / 10000 > 0.45 && s / 10000 < 0.55`,
      ),
    ).toBe(true);
    const a = run(`[Math.random(), Math.random()]`);
    const b = run(`[Math.random(), Math.random()]`);
    expect(a).not.toEqual(b);
  });

  it("charges fuel per argument", () => {
    expect(() =>
      run(
        `var a = new Array(5000).fill(1); for (var i = 0; i < 100; i++) Math.max.apply(null, a);`,
        tinyFuel,
      ),
    ).toThrow(/fuel/);
  });
});
