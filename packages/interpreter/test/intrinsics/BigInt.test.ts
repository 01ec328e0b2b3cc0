import { describe, expect, it } from "vitest";
import { run, tinyFuel, tinyMemory } from "./text-helpers.js";

describe("BigInt", () => {
  it("has the spec's shape", () => {
    expect(
      run(
        `[sig(BigInt), desc(globalThis, "BigInt"), desc(BigInt, "prototype"), BigInt.prototype.constructor === BigInt, sig(BigInt.asIntN), sig(BigInt.asUintN), sig(BigInt.prototype.toString), sig(BigInt.prototype.toLocaleString), sig(BigInt.prototype.valueOf), BigInt.prototype[Symbol.toStringTag], desc(BigInt.prototype, Symbol.toStringTag), Object.prototype.toString.call(1n)]`,
      ),
    ).toEqual([
      "BigInt/1",
      "vwc",
      "v",
      true,
      "asIntN/2",
      "asUintN/2",
      "toString/0",
      "toLocaleString/0",
      "valueOf/0",
      "BigInt",
      "vc",
      "[object BigInt]",
    ]);
    expect(
      run(
        `[thrown(() => BigInt.prototype.valueOf()), Object.getPrototypeOf(BigInt.prototype) === Object.prototype]`,
      ),
    ).toEqual(["TypeError", true]);
  });

  it("converts numbers, strings and booleans", () => {
    expect(
      run(
        `[BigInt(5), BigInt(-0), BigInt(2 ** 60), BigInt("123"), BigInt("  -42 "), BigInt("0x1f"), BigInt("0b101"), BigInt("0o17"), BigInt(""), BigInt(true), BigInt(false), BigInt({ valueOf() { return 9; } }), BigInt(Object(7n))]`,
      ),
    ).toEqual([5n, 0n, 1152921504606846976n, 123n, -42n, 31n, 5n, 15n, 0n, 1n, 0n, 9n, 7n]);
    expect(
      run(
        `[thrown(() => BigInt(1.5)), thrown(() => BigInt(NaN)), thrown(() => BigInt(Infinity)), thrown(() => BigInt("1.5")), thrown(() => BigInt("1e3")), thrown(() => BigInt("-0x1")), thrown(() => BigInt("1n")), thrown(() => BigInt(undefined)), thrown(() => BigInt(null)), thrown(() => BigInt(Symbol())), thrown(() => new BigInt(1))]`,
      ),
    ).toEqual([
      "RangeError",
      "RangeError",
      "RangeError",
      "SyntaxError",
      "SyntaxError",
      "SyntaxError",
      "SyntaxError",
      "TypeError",
      "TypeError",
      "TypeError",
      "TypeError",
    ]);
  });

  it("asIntN and asUintN", () => {
    expect(
      run(
        `[BigInt.asIntN(8, 255n), BigInt.asIntN(8, 128n), BigInt.asIntN(8, -129n), BigInt.asIntN(0, 5n), BigInt.asIntN(64, 2n ** 63n), BigInt.asUintN(8, -1n), BigInt.asUintN(8, 257n), BigInt.asUintN(0, -5n), BigInt.asUintN(64, -1n), BigInt.asIntN(2 ** 53 - 1, 5n), BigInt.asUintN("3", "9")]`,
      ),
    ).toEqual([
      -1n,
      -128n,
      127n,
      0n,
      -9223372036854775808n,
      255n,
      1n,
      0n,
      18446744073709551615n,
      5n,
      1n,
    ]);
    expect(
      run(
        `[thrown(() => BigInt.asIntN(-1, 1n)), thrown(() => BigInt.asIntN(2 ** 53, 1n)), thrown(() => BigInt.asUintN(8, 1)), thrown(() => BigInt.asUintN(8, "x"))]`,
      ),
    ).toEqual(["RangeError", "RangeError", "TypeError", "SyntaxError"]);
    expect(
      run(
        `var log = []; BigInt.asIntN({ valueOf() { log.push("bits"); return 8; } }, { valueOf() { log.push("n"); return 1n; } }); log`,
      ),
    ).toEqual(["bits", "n"]);
  });

  it("toString with radix, valueOf and toLocaleString", () => {
    expect(
      run(
        `[(255n).toString(16), (-255n).toString(2), (10n ** 30n).toString(), (0n).toString(36), Object(5n).toString(), (5n).valueOf(), (1234n).toLocaleString(), thrown(() => (1n).toString(1)), thrown(() => (1n).toString(37)), thrown(() => BigInt.prototype.toString.call(1)), thrown(() => BigInt.prototype.valueOf.call({}))]`,
      ),
    ).toEqual([
      "ff",
      "-11111111",
      "1000000000000000000000000000000",
      "0",
      "5",
      5n,
      "1234",
      "RangeError",
      "RangeError",
      "TypeError",
      "TypeError",
    ]);
  });

  it("meters conversions of huge values", () => {
    expect(() => run(`BigInt.asUintN(2 ** 40, -1n)`, tinyMemory)).toThrow(/memory/);
    expect(() =>
      run(`var s = "9".repeat(2e5); for (var i = 0; i < 5; i++) BigInt(s);`, tinyFuel),
    ).toThrow(/fuel/);
  });
});
