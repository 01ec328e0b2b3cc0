import { describe, expect, it } from "vitest";
import { run, tinyFuel, tinyMemory } from "./text-helpers.js";

describe("String constructor", () => {
  it("has the spec's shape", () => {
    expect(
      run(
        `[sig(String), desc(globalThis, "String"), desc(String, "prototype"), String.prototype.constructor === String, Object.getPrototypeOf(String) === Function.prototype, sig(String.fromCharCode), sig(String.fromCodePoint), sig(String.raw), desc(String, "raw")]`,
      ),
    ).toEqual([
      "String/1",
      "vwc",
      "v",
      true,
      true,
      "fromCharCode/1",
      "fromCodePoint/1",
      "raw/1",
      "vwc",
    ]);
  });

  it("converts when called", () => {
    expect(
      run(
        `[String(), String(undefined), String(null), String(12.5), String(-0), String(1n), String(true), String([1, [2, 3]]), String({}), String(Symbol("d")), String(Symbol()), String({ toString() { return "t"; }, valueOf() { return "v"; } })]`,
      ),
    ).toEqual([
      "",
      "undefined",
      "null",
      "12.5",
      "0",
      "1",
      "true",
      "1,2,3",
      "[object Object]",
      "Symbol(d)",
      "Symbol()",
      "t",
    ]);
    expect(
      run(`thrown(() => String({ toString() { return {}; }, valueOf() { return {}; } }))`),
    ).toBe("TypeError");
  });

  it("wraps when constructed, as a String exotic object", () => {
    expect(
      run(
        `var s = new String("ab"); [typeof s, s.length, s[0], s[1], s[2], Object.keys(s), desc(s, "0"), desc(s, "length"), 1 in s, s instanceof String, Object.prototype.toString.call(s), String(s)]`,
      ),
    ).toEqual([
      "object",
      2,
      "a",
      "b",
      undefined,
      ["0", "1"],
      "ve",
      "v",
      true,
      true,
      "[object String]",
      "ab",
    ]);
    expect(
      run(
        `[thrown(() => new String(Symbol())), new String().length, "use strict", thrown(() => { "use strict"; var s = new String("a"); s[0] = "b"; })]`,
      ),
    ).toEqual(["TypeError", 0, "use strict", "TypeError"]);
    expect(run(`var s = new String("ab"); s.x = 1; s[5] = 2; Reflect.ownKeys(s)`)).toEqual([
      "0",
      "1",
      "5",
      "length",
      "x",
    ]);
  });

  it("supports subclassing through newTarget", () => {
    expect(
      run(
        `class S extends String { shout() { return this.toUpperCase() + "!"; } } var s = new S("hi"); [s.shout(), s.length, s instanceof S, s instanceof String, Object.prototype.toString.call(s)]`,
      ),
    ).toEqual(["HI!", 2, true, true, "[object String]"]);
    expect(
      run(
        `function F() {} F.prototype = Array.prototype; var s = Reflect.construct(String, ["x"], F); [Array.isArray(s), Object.getPrototypeOf(s) === Array.prototype, String.prototype.valueOf.call(s)]`,
      ),
    ).toEqual([false, true, "x"]);
  });

  it("fromCharCode converts with ToUint16", () => {
    expect(
      run(
        `[String.fromCharCode(), String.fromCharCode(65, 66.7, 65536 + 67, -1), String.fromCharCode("0x41"), String.fromCharCode(NaN, Infinity).length]`,
      ),
    ).toEqual(["", "ABC\uffff", "A", 2]);
  });

  it("fromCodePoint validates code points in order", () => {
    expect(
      run(
        `[String.fromCodePoint(0x1f600, 97), String.fromCodePoint(), String.fromCodePoint("65"), thrown(() => String.fromCodePoint(1.5)), thrown(() => String.fromCodePoint(-1)), thrown(() => String.fromCodePoint(0x110000)), thrown(() => String.fromCodePoint(NaN)), thrown(() => String.fromCodePoint(Infinity))]`,
      ),
    ).toEqual([
      "😀a",
      "",
      "A",
      "RangeError",
      "RangeError",
      "RangeError",
      "RangeError",
      "RangeError",
    ]);
    expect(
      run(
        `var log = []; thrown(() => String.fromCodePoint({ valueOf() { log.push(1); return -1; } }, { valueOf() { log.push(2); return 65; } })); log`,
      ),
    ).toEqual([1]);
  });

  it("raw interleaves raw strings and substitutions", () => {
    expect(
      run(
        `[String.raw\`a\\n\${1}b\${2}\`, String.raw({ raw: ["x", "y", "z"] }, 1), String.raw({ raw: { length: 2, 0: "p", 1: "q" } }, 7, 8), String.raw({ raw: [] }), String.raw({ raw: "abc" }, "-", "+"), thrown(() => String.raw({})), thrown(() => String.raw())]`,
      ),
    ).toEqual(["a\\n1b2", "x1yz", "p7q", "", "a-b+c", "TypeError", "TypeError"]);
  });

  it("meters huge conversions", () => {
    expect(() => run(`String.raw({ raw: { length: 1e9 } })`, tinyFuel)).toThrow(/fuel|memory/);
    expect(() =>
      run(
        `var a = []; for (var i = 0; i < 2e4; i++) a.push(65); var s = String.fromCharCode.apply(null, a); for (var j = 0; j < 10; j++) s = s + s; s.toLowerCase()`,
        tinyMemory,
      ),
    ).toThrow(/memory/);
  });
});
