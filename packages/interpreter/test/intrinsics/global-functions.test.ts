import { describe, expect, it } from "vitest";
import { run, tinyFuel, tinyMemory } from "./core-helpers.js";

describe("global functions", () => {
  it("are installed with the right attributes, names and lengths", () => {
    expect(
      run(
        `["parseInt","parseFloat","isNaN","isFinite","encodeURI","encodeURIComponent","decodeURI","decodeURIComponent"].map((n) => n + globalThis[n].name + globalThis[n].length + desc(globalThis, n)).join()`,
      ),
    ).toBe(
      "parseIntparseInt2vwc,parseFloatparseFloat1vwc,isNaNisNaN1vwc,isFiniteisFinite1vwc,encodeURIencodeURI1vwc,encodeURIComponentencodeURIComponent1vwc,decodeURIdecodeURI1vwc,decodeURIComponentdecodeURIComponent1vwc",
    );
    expect(run(`[thrown(() => new parseInt("1")), "prototype" in parseInt]`)).toEqual([
      "TypeError",
      false,
    ]);
  });

  it("parseInt", () => {
    expect(
      run(
        `[parseInt("42"), parseInt("  -0x1F"), parseInt("0x"), parseInt("z", 36), parseInt("12", 1), parseInt("12", 37), parseInt("11", 2), parseInt("1e3"), parseInt(""), parseInt("\\u00a0\\ufeff 7"), parseInt("08"), parseInt(null), parseInt("123", 4294967306)]`,
      ),
    ).toEqual([
      42,
      -31,
      Number.NaN,
      35,
      Number.NaN,
      Number.NaN,
      3,
      1,
      Number.NaN,
      7,
      8,
      Number.NaN,
      123,
    ]);
    expect(run(`Object.is(parseInt("-0"), -0)`)).toBe(true);
    expect(
      run(
        `var log = []; parseInt({ toString() { log.push("s"); return "1"; } }, { valueOf() { log.push("r"); return 10; } }); log`,
      ),
    ).toEqual(["s", "r"]);
    expect(run(`thrown(() => parseInt(Symbol()))`)).toBe("TypeError");
  });

  it("parseFloat", () => {
    expect(
      run(
        `[parseFloat("3.14abc"), parseFloat("  -.5e1"), parseFloat("Infinityx"), parseFloat("0x10"), parseFloat("e5"), parseFloat({ toString() { return "2.5"; } })]`,
      ),
    ).toEqual([3.14, -5, Infinity, 0, Number.NaN, 2.5]);
  });

  it("isNaN and isFinite coerce with ToNumber", () => {
    expect(
      run(
        `[isNaN("x"), isNaN("1"), isNaN(undefined), isNaN(null), isFinite("1e3"), isFinite(Infinity), isFinite(null), isFinite("x")]`,
      ),
    ).toEqual([true, false, true, false, true, false, true, false]);
    expect(run(`[thrown(() => isNaN(1n)), thrown(() => isFinite(Symbol()))]`)).toEqual([
      "TypeError",
      "TypeError",
    ]);
  });

  it("encodeURI and encodeURIComponent", () => {
    const samples = [
      "a b",
      "http://x.y/p?q=1&r=ä#h",
      ";/?:@&=+$,#",
      "-_.!~*'()",
      "€😀",
      "\u0000\u007f",
      "[]",
    ];
    expect(
      run(`${JSON.stringify(samples)}.map((s) => [encodeURI(s), encodeURIComponent(s)])`),
    ).toEqual(samples.map((s) => [encodeURI(s), encodeURIComponent(s)]));
    expect(
      run(
        `[thrown(() => encodeURI("\\ud800")), thrown(() => encodeURIComponent("\\udc00x")), thrown(() => encodeURI("a\\ud800b")), encodeURIComponent("\\ud83d\\ude00")]`,
      ),
    ).toEqual(["URIError", "URIError", "URIError", "%F0%9F%98%80"]);
  });

  it("decodeURI and decodeURIComponent", () => {
    const samples = [
      "%20",
      "%3B%2F%3F%23",
      "%C3%A4",
      "%E2%82%AC",
      "%F0%9F%98%80",
      "a%25b",
      "%41%42",
      "%3b",
    ];
    expect(
      run(`${JSON.stringify(samples)}.map((s) => [decodeURI(s), decodeURIComponent(s)])`),
    ).toEqual(samples.map((s) => [decodeURI(s), decodeURIComponent(s)]));
    const malformed = [
      "%",
      "%4",
      "%G0",
      "%80",
      "%C3",
      "%C3%",
      "%C3%2",
      "%C3A4",
      "%C3%C3",
      "%C0%80",
      "%E0%80%80",
      "%ED%A0%80",
      "%F4%90%80%80",
      "%F8%80%80%80%80",
      "%FF",
    ];
    expect(
      run(
        `${JSON.stringify(malformed)}.map((s) => thrown(() => decodeURIComponent(s)) + thrown(() => decodeURI(s)))`,
      ),
    ).toEqual(malformed.map(() => "URIErrorURIError"));
    expect(
      run(
        `var e; try { decodeURI("%") } catch (x) { e = x; } [e instanceof URIError, e.constructor === URIError]`,
      ),
    ).toEqual([true, true]);
  });

  it("are metered", () => {
    expect(() => run(`var s = "é".repeat(1e6); encodeURIComponent(s);`, tinyFuel)).toThrow(/fuel/);
    expect(() => run(`var s = "é".repeat(2e5); encodeURIComponent(s);`, tinyMemory)).toThrow(
      /memory/,
    );
    expect(() => run(`var s = "1".repeat(1e6); parseInt(s);`, tinyFuel)).toThrow(/fuel/);
  });
});
