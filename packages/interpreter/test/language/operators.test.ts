import { describe, expect, it } from "vitest";
import { run } from "./helpers.js";

describe("operators", () => {
  it("follows addition and coercion rules", () => {
    expect(run("[1 + '2', '3' * '4', true + 1, null + 1, [] + {}, 1 + undefined]")).toEqual([
      "12",
      12,
      2,
      1,
      "[object Object]",
      Number.NaN,
    ]);
    expect(run("({ valueOf() { return 5; } }) + 1")).toBe(6);
    expect(run("({ [Symbol.toPrimitive](h) { return h; } }) + ''")).toBe("default");
    expect(run("`${{ [Symbol.toPrimitive](h) { return h; } }}`")).toBe("string");
  });

  it("compares loosely and strictly", () => {
    expect(
      run(
        "[null == undefined, 0 == '', '1' == 1, NaN == NaN, 1n == 1, 1n == '1', ({}) == '[object Object]', null == 0]",
      ),
    ).toEqual([true, true, true, false, true, true, true, false]);
    expect(
      run("[1 === 1, NaN === NaN, 'a' < 'b', 2 < '10', '2' < '10', 1n < 2, 2n > 1.5]"),
    ).toEqual([true, false, true, true, false, true, true]);
  });

  it("supports BigInt arithmetic and refuses mixing", () => {
    expect(run("String(2n ** 64n + 1n)")).toBe("18446744073709551617");
    expect(run("String(-7n / 2n) + ',' + String(-7n % 2n)")).toBe("-3,-1");
    expect(() => run("1n + 1")).toThrow(/Cannot mix BigInt/);
    expect(() => run("1n / 0n")).toThrow(/RangeError/);
  });

  it("implements typeof, void, delete and in", () => {
    expect(
      run("[typeof null, typeof [], typeof (() => 1), typeof 1n, typeof Symbol(), void 1]"),
    ).toEqual(["object", "object", "function", "bigint", "symbol", undefined]);
    expect(run("const o = { a: 1 }; [delete o.a, 'a' in o, delete o.nope]")).toEqual([
      true,
      false,
      true,
    ]);
    expect(() => run("'use strict'; delete Object.prototype;")).toThrow(/Cannot delete/);
    expect(() => run("'x' in 5")).toThrow(/Cannot use 'in'/);
  });

  it("short-circuits logical, nullish and optional operators", () => {
    expect(
      run("let n = 0; const f = () => ++n; [0 && f(), 1 || f(), null ?? 3, 0 ?? 3, n]"),
    ).toEqual([0, 1, 3, 0, 0]);
    expect(
      run("const o = { a: { b: () => 7 } }; [o?.a?.b(), o.x?.y.z, o.x?.(), o.a.c?.()]"),
    ).toEqual([7, undefined, undefined, undefined]);
    expect(run("let a = null; a ??= 5; let b = 1; b &&= 2; let c = 0; c ||= 3; [a, b, c]")).toEqual(
      [5, 2, 3],
    );
  });

  it("updates and assigns compoundly", () => {
    expect(
      run(
        "let i = 1; const o = { k: 1 }; const a = [1]; [i++, ++i, o.k += 2, a[0] *= 5, o.k--, o.k]",
      ),
    ).toEqual([1, 3, 3, 5, 3, 2]);
    expect(run("let x = 5; x **= 2; x >>= 1; x")).toBe(12);
  });

  it("evaluates instanceof with Symbol.hasInstance", () => {
    expect(
      run("class A {} [new A() instanceof A, [] instanceof Object, ({}) instanceof A]"),
    ).toEqual([true, true, false]);
    expect(
      run(
        "const Even = { [Symbol.hasInstance](n) { return n % 2 === 0; } }; [2 instanceof Even, 3 instanceof Even]",
      ),
    ).toEqual([true, false]);
  });
});
