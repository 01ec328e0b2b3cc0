import { describe, expect, it } from "vitest";
import { run, tinyFuel, tinyMemory } from "./text-helpers.js";

describe("String.prototype", () => {
  it("has every ES2023 method with the spec's name, length and attributes", () => {
    const methods =
      "at/1 charAt/1 charCodeAt/1 codePointAt/1 concat/1 endsWith/1 includes/1 indexOf/1 lastIndexOf/1 localeCompare/1 match/1 matchAll/1 normalize/0 padEnd/1 padStart/1 repeat/1 replace/2 replaceAll/2 search/1 slice/2 split/2 startsWith/1 substring/2 toLocaleLowerCase/0 toLocaleUpperCase/0 toLowerCase/0 toString/0 toUpperCase/0 trim/0 trimEnd/0 trimStart/0 valueOf/0 substr/2 anchor/1 big/0 blink/0 bold/0 fixed/0 fontcolor/1 fontsize/1 italics/0 link/1 small/0 strike/0 sub/0 sup/0";
    expect(
      run(
        `${JSON.stringify(methods)}.split(" ").filter((s) => { var [n, l] = s.split("/"); var f = String.prototype[n]; return !(f.name === n && f.length === +l && desc(String.prototype, n) === "vwc"); })`,
      ),
    ).toEqual([]);
    expect(
      run(`[sig(String.prototype[Symbol.iterator]), desc(String.prototype, Symbol.iterator)]`),
    ).toEqual(["[Symbol.iterator]/0", "vwc"]);
    expect(
      run(
        `[String.prototype.trimLeft === String.prototype.trimStart, String.prototype.trimRight === String.prototype.trimEnd, String.prototype.trimLeft.name, String.prototype.trimRight.name]`,
      ),
    ).toEqual([true, true, "trimStart", "trimEnd"]);
    expect(
      run(
        `[String.prototype.length, desc(String.prototype, "length"), String.prototype.valueOf(), Object.prototype.toString.call(String.prototype)]`,
      ),
    ).toEqual([0, "v", "", "[object String]"]);
  });

  it("coerces this with RequireObjectCoercible then ToString", () => {
    expect(
      run(
        `["at", "trim", "slice", "padEnd", "repeat", "split", "replace", "match", "normalize", "substr", "anchor", "concat"].map((m) => thrown(() => String.prototype[m].call(undefined)) + thrown(() => String.prototype[m].call(null)))`,
      ),
    ).toEqual(Array(12).fill("TypeErrorTypeError"));
    expect(
      run(
        `[String.prototype.at.call(123, 0), String.prototype.slice.call(true, 1), String.prototype.toUpperCase.call({ toString() { return "obj"; } }), String.prototype.concat.call(1, 2, [3, 4])]`,
      ),
    ).toEqual(["1", "rue", "OBJ", "123,4"]);
    expect(run(`thrown(() => String.prototype.trim.call(Symbol()))`)).toBe("TypeError");
  });

  it("toString and valueOf require a String value", () => {
    expect(
      run(
        `[new String("a").toString(), "b".valueOf(), thrown(() => String.prototype.toString.call({})), thrown(() => String.prototype.valueOf.call(1)), thrown(() => String.prototype.toString.call(Object.create(String.prototype)))]`,
      ),
    ).toEqual(["a", "b", "TypeError", "TypeError", "TypeError"]);
  });

  it("character access: at, charAt, charCodeAt, codePointAt", () => {
    expect(
      run(
        `var s = "a😀b"; [s.at(0), s.at(-1), s.at(9), s.at(-9), s.at("1"), s.at(NaN), s.charAt(1), s.charAt(-1), s.charAt(1.9), s.charCodeAt(1), s.charCodeAt(10), s.codePointAt(1), s.codePointAt(2), s.codePointAt(4), s.codePointAt(-1)]`,
      ),
    ).toEqual([
      "a",
      "b",
      undefined,
      undefined,
      "\ud83d",
      "a",
      "\ud83d",
      "",
      "\ud83d",
      0xd83d,
      Number.NaN,
      0x1f600,
      0xde00,
      undefined,
      undefined,
    ]);
  });

  it("searching: indexOf, lastIndexOf, includes, startsWith, endsWith", () => {
    expect(
      run(
        `var s = "canal"; [s.indexOf("a"), s.indexOf("a", 2), s.indexOf("", 3), s.indexOf("", 99), s.indexOf("x"), s.lastIndexOf("a"), s.lastIndexOf("a", 2), s.lastIndexOf("a", 0), s.lastIndexOf(""), s.lastIndexOf("", 2), s.lastIndexOf("a", NaN), s.lastIndexOf("canals"), s.includes("nal"), s.includes("c", 1), s.startsWith("ca"), s.startsWith("na", 2), s.startsWith("", 99), s.endsWith("al"), s.endsWith("an", 3), s.endsWith("c", -1), s.endsWith("")]`,
      ),
    ).toEqual([
      1,
      3,
      3,
      5,
      -1,
      3,
      1,
      -1,
      5,
      2,
      3,
      -1,
      true,
      false,
      true,
      true,
      true,
      true,
      true,
      false,
      true,
    ]);
    expect(
      run(`["includes", "startsWith", "endsWith"].map((m) => thrown(() => "abc"[m](/a/)))`),
    ).toEqual(["TypeError", "TypeError", "TypeError"]);
    expect(
      run(`var r = /a/; r[Symbol.match] = false; ["/a/".includes(r), "/a/".startsWith(r)]`),
    ).toEqual([true, true]);
    expect(
      run(
        `var log = []; "abc".includes({ toString() { log.push("search"); return "b"; } }, { valueOf() { log.push("pos"); return 0; } }); log`,
      ),
    ).toEqual(["search", "pos"]);
  });

  it("slice, substring and substr clamp their arguments", () => {
    expect(
      run(
        `var s = "abcdef"; [s.slice(1, 3), s.slice(-2), s.slice(2, -1), s.slice(4, 2), s.slice(-Infinity, Infinity), s.substring(3, 1), s.substring(-5, 2), s.substring(4), s.substring(NaN, 2), s.substr(1, 2), s.substr(-3, 2), s.substr(-Infinity, 1), s.substr(2), s.substr(1, -1)]`,
      ),
    ).toEqual([
      "bc",
      "ef",
      "cde",
      "",
      "abcdef",
      "bc",
      "ab",
      "ef",
      "ab",
      "bc",
      "de",
      "a",
      "cdef",
      "",
    ]);
  });

  it("padStart, padEnd and repeat", () => {
    expect(
      run(
        `["5".padStart(3, "0"), "abc".padEnd(6, "12"), "abc".padStart(2), "x".padEnd(3), "x".padEnd(4, ""), "ab".repeat(3), "ab".repeat(0), "".repeat(1e9)]`,
      ),
    ).toEqual(["005", "abc121", "abc", "x  ", "x", "ababab", "", ""]);
    expect(
      run(
        `[thrown(() => "a".repeat(-1)), thrown(() => "a".repeat(Infinity)), thrown(() => "".repeat(-1))]`,
      ),
    ).toEqual(["RangeError", "RangeError", "RangeError"]);
    expect(
      run(
        `var log = []; "abc".padEnd({ valueOf() { log.push("len"); return 2; } }, { toString() { log.push("fill"); return "x"; } }); log`,
      ),
    ).toEqual(["len"]);
  });

  it("concat, case mapping, trimming and normalize", () => {
    expect(
      run(
        `["a".concat("b", 1, null, undefined), "İSTANBUL".toLowerCase().length, "ß".toUpperCase(), "Ab".toLocaleUpperCase(), "Ab".toLocaleLowerCase(), " \\t\\n x \\u00a0\\ufeff".trim(), "  x ".trimStart(), "  x ".trimEnd()]`,
      ),
    ).toEqual(["ab1nullundefined", 9, "SS", "AB", "ab", "x", "x ", "  x"]);
    expect(
      run(
        `var s = "\\u1E9B\\u0323"; [s.normalize("NFC") === "\\u1E9B\\u0323", s.normalize("NFD") === "\\u017F\\u0323\\u0307", s.normalize("NFKC") === "\\u1E69", s.normalize().length, thrown(() => s.normalize("nfc"))]`,
      ),
    ).toEqual([true, true, true, 2, "RangeError"]);
  });

  it("localeCompare orders strings and treats canonical equivalents as equal", () => {
    expect(
      run(
        `["a".localeCompare("b") < 0, "b".localeCompare("a") > 0, "a".localeCompare("a"), "o\\u0308".localeCompare("ö"), ["c", "a", "B"].sort((x, y) => x.localeCompare(y)).join("")]`,
      ),
    ).toEqual([true, true, 0, 0, "aBc"]);
  });

  it("split with strings and limits", () => {
    expect(
      run(
        `["a,b,,c".split(","), "abc".split(""), "a,b,c".split(",", 2), "abc".split(), "abc".split(undefined, 0), "".split(","), "".split(""), "a--b--".split("--"), "abc".split("", 2), "ab".split("", -1)]`,
      ),
    ).toEqual([
      ["a", "b", "", "c"],
      ["a", "b", "c"],
      ["a", "b"],
      ["abc"],
      [],
      [""],
      [],
      ["a", "b", ""],
      ["a", "b"],
      ["a", "b"],
    ]);
    expect(
      run(
        `var log = []; "a,b".split({ toString() { log.push("sep"); return ","; } }, { valueOf() { log.push("lim"); return 5; } }); log`,
      ),
    ).toEqual(["lim", "sep"]);
  });

  it("replace and replaceAll with strings and GetSubstitution patterns", () => {
    expect(
      run(
        `["aXbX".replace("X", "[$&|$\`|$'|$$|$1|$<n>]"), "aXbX".replaceAll("X", "-"), "abc".replaceAll("", "-"), "abc".replace("", "-"), "aaa".replaceAll("aa", "b"), "x".replace("y", "z"), "a.b.c".replaceAll(".", "$$")]`,
      ),
    ).toEqual(["a[X|a|bX|$|$1|$<n>]bX", "a-b-", "-a-b-c-", "-abc", "ba", "x", "a$b$c"]);
    expect(
      run(
        `var calls = []; var r = "abab".replaceAll("b", function (m, p, s) { "use strict"; calls.push([m, p, s, this === undefined]); return p; }); [r, calls]`,
      ),
    ).toEqual([
      "a1a3",
      [
        ["b", 1, "abab", true],
        ["b", 3, "abab", true],
      ],
    ]);
    expect(run(`"abc".replace("b", () => ({ toString() { return "B"; } }))`)).toBe("aBc");
  });

  it("pattern methods dispatch to Symbol.match/matchAll/replace/search/split on the argument", () => {
    expect(
      run(
        `var log = []; var p = { flags: "g" }; p[Symbol.match] = function (s) { log.push("match:" + s); return 1; }; p[Symbol.matchAll] = function (s) { log.push("matchAll:" + s); return 2; }; p[Symbol.replace] = function (s, r) { log.push("replace:" + s + r); return 3; }; p[Symbol.search] = function (s) { log.push("search:" + s); return 4; }; p[Symbol.split] = function (s, l) { log.push("split:" + s + l); return 5; }; [ "x".match(p), "x".matchAll(p), "x".replace(p, "r"), "x".replaceAll(p, "r"), "x".search(p), "x".split(p, 7), log ]`,
      ),
    ).toEqual([
      1,
      2,
      3,
      3,
      4,
      5,
      ["match:x", "matchAll:x", "replace:xr", "replace:xr", "search:x", "split:x7"],
    ]);
    expect(
      run(
        `var o = { [Symbol.replace]: null, toString() { return "b"; } }; ["abc".replace(o, "B"), thrown(() => "a".replace({ [Symbol.replace]: 1 }, ""))]`,
      ),
    ).toEqual(["aBc", "TypeError"]);
    expect(
      run(
        `var r = /a/; [thrown(() => "a".replaceAll(r, "b")), thrown(() => "a".matchAll(r)), "aa".replaceAll(/a/g, "b")]`,
      ),
    ).toEqual(["TypeError", "TypeError", "bb"]);
    expect(
      run(
        `var fake = { [Symbol.match]: true, flags: "x", [Symbol.replace]() { return "ok"; } }; [thrown(() => "a".replaceAll(fake, "")), thrown(() => "a".replaceAll({ [Symbol.match]: true, flags: undefined }, ""))]`,
      ),
    ).toEqual(["TypeError", "TypeError"]);
    expect(
      run(
        `["a1b2".match(/\\d/g), "a1b2".search(/\\d/), "a1b2".match("\\\\d").index, [..."a1b2".matchAll(/\\d/g)].map((m) => m[0] + m.index), "a1b2".split(/\\d/)]`,
      ),
    ).toEqual([["1", "2"], 1, 1, ["11", "23"], ["a", "b", ""]]);
    expect(
      run(
        `["abc".match(undefined)[0], "abc".search(), [..."ab".matchAll()].length, "a.c".search(".")]`,
      ),
    ).toEqual(["", 0, 3, 0]);
  });

  it("iterates by code point", () => {
    expect(
      run(
        `var it = "a😀\\ud800b"[Symbol.iterator](); var out = []; for (var r = it.next(); !r.done; r = it.next()) out.push(r.value); [out, it.next().done, Object.getPrototypeOf(Object.getPrototypeOf(it)) === Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()))]`,
      ),
    ).toEqual([["a", "😀", "\ud800", "b"], true, true]);
    expect(
      run(
        `var p = Object.getPrototypeOf(""[Symbol.iterator]()); [p[Symbol.toStringTag], desc(p, Symbol.toStringTag), sig(p.next), thrown(() => p.next.call({})), thrown(() => String.prototype[Symbol.iterator].call(null)), [..."xyz"].length]`,
      ),
    ).toEqual(["String Iterator", "vc", "next/0", "TypeError", "TypeError", 3]);
  });

  it("Annex B HTML methods", () => {
    expect(
      run(
        `["x".anchor('a"b'), "x".big(), "x".blink(), "x".bold(), "x".fixed(), "x".fontcolor("red"), "x".fontsize(7), "x".italics(), "x".link("u"), "x".small(), "x".strike(), "x".sub(), "x".sup(), "x".anchor()]`,
      ),
    ).toEqual([
      '<a name="a&quot;b">x</a>',
      "<big>x</big>",
      "<blink>x</blink>",
      "<b>x</b>",
      "<tt>x</tt>",
      '<font color="red">x</font>',
      '<font size="7">x</font>',
      "<i>x</i>",
      '<a href="u">x</a>',
      "<small>x</small>",
      "<strike>x</strike>",
      "<sub>x</sub>",
      "<sup>x</sup>",
      '<a name="undefined">x</a>',
    ]);
  });

  it("charges memory before building huge strings", () => {
    expect(() => run(`"x".repeat(2 ** 28)`, tinyMemory)).toThrow(/memory/);
    expect(() => run(`"x".padStart(2 ** 28)`, tinyMemory)).toThrow(/memory/);
    expect(() =>
      run(
        `var s = "x".repeat(1000); var t = s; for (var i = 0; i < 20; i++) t = t.concat(t); t.length`,
        tinyMemory,
      ),
    ).toThrow(/memory/);
    expect(() => run(`"ab".repeat(1e5).replaceAll("a", "$&$&$&$&")`, tinyMemory)).toThrow(/memory/);
    expect(() => run(`"x".repeat(2 ** 29)`)).toThrow(/RangeError|memory/);
  });

  it("charges fuel in proportion to the characters processed", () => {
    expect(() =>
      run(`var s = "a".repeat(1e5); for (var i = 0; i < 100; i++) s.indexOf("b");`, tinyFuel),
    ).toThrow(/fuel/);
    expect(() =>
      run(`var s = "ab".repeat(5e4); for (var i = 0; i < 20; i++) s.split("");`, tinyFuel),
    ).toThrow(/fuel|memory/);
  });
});
