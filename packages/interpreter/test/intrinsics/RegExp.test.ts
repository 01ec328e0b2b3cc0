import { describe, expect, it } from "vitest";
import { run, tinyFuel } from "./text-helpers.js";

describe("RegExp", () => {
  it("has the spec's shape", () => {
    expect(
      run(
        `[sig(RegExp), desc(globalThis, "RegExp"), desc(RegExp, "prototype"), RegExp.prototype.constructor === RegExp, desc(RegExp, Symbol.species), RegExp[Symbol.species] === RegExp, Object.getOwnPropertyDescriptor(RegExp, Symbol.species).get.name, Object.prototype.toString.call(RegExp.prototype), Object.prototype.toString.call(/x/)]`,
      ),
    ).toEqual([
      "RegExp/2",
      "vwc",
      "v",
      true,
      "gc",
      true,
      "get [Symbol.species]",
      "[object Object]",
      "[object RegExp]",
    ]);
    expect(
      run(
        `["compile/2", "exec/1", "test/1", "toString/0"].filter((s) => { var n = s.split("/")[0]; return !(sig(RegExp.prototype[n]) === s && desc(RegExp.prototype, n) === "vwc"); })`,
      ),
    ).toEqual([]);
    expect(
      run(
        `[Symbol.match, Symbol.matchAll, Symbol.replace, Symbol.search, Symbol.split].map((s) => sig(RegExp.prototype[s]) + desc(RegExp.prototype, s))`,
      ),
    ).toEqual([
      "[Symbol.match]/1vwc",
      "[Symbol.matchAll]/1vwc",
      "[Symbol.replace]/2vwc",
      "[Symbol.search]/1vwc",
      "[Symbol.split]/2vwc",
    ]);
    expect(
      run(
        `["dotAll", "flags", "global", "hasIndices", "ignoreCase", "multiline", "source", "sticky", "unicode", "unicodeSets"].map((k) => desc(RegExp.prototype, k) + Object.getOwnPropertyDescriptor(RegExp.prototype, k).get.name)`,
      ),
    ).toEqual([
      "gcget dotAll",
      "gcget flags",
      "gcget global",
      "gcget hasIndices",
      "gcget ignoreCase",
      "gcget multiline",
      "gcget source",
      "gcget sticky",
      "gcget unicode",
      "gcget unicodeSets",
    ]);
  });

  it("constructs from strings and RegExp objects", () => {
    expect(
      run(
        `var r = new RegExp("a+", "gi"); [r.source, r.flags, r.global, r.ignoreCase, r.multiline, r.lastIndex, desc(r, "lastIndex"), Object.keys(r).length]`,
      ),
    ).toEqual(["a+", "gi", true, true, false, 0, "vw", 0]);
    expect(
      run(
        `var r = /x/g; [RegExp(r) === r, new RegExp(r) === r, RegExp(r, "i") === r, RegExp(r, "i").flags, new RegExp(r).flags, new RegExp(r, "y").source, new RegExp().source, new RegExp(undefined, "g").flags, String(new RegExp("a", undefined)), RegExp("\\\\d").test("5")]`,
      ),
    ).toEqual([true, false, false, "i", "g", "x", "(?:)", "g", "/a/", true]);
    expect(
      run(
        `var fake = { [Symbol.match]: true, source: "b+", flags: "g", constructor: RegExp }; [RegExp(fake) === fake, new RegExp(fake).source, new RegExp(fake).flags, new RegExp(fake, "m").flags]`,
      ),
    ).toEqual([true, "b+", "g", "m"]);
    expect(run(`var r = /x/; r.constructor = null; [RegExp(r) === r, RegExp(r).source]`)).toEqual([
      false,
      "x",
    ]);
  });

  it("throws SyntaxError for bad patterns and flags", () => {
    expect(
      run(`["(", "[", "a**", "\\\\", "(?<a>x)(?<a>y)"].map((p) => thrown(() => new RegExp(p)))`),
    ).toEqual(Array(5).fill("SyntaxError"));
    expect(
      run(`["gg", "x", "G", "uv", "uu"].map((f) => thrown(() => new RegExp("a", f)))`),
    ).toEqual(Array(5).fill("SyntaxError"));
    expect(
      run(`try { new RegExp("(") } catch (e) { [e instanceof SyntaxError, e.message] }`),
    ).toEqual([true, "Invalid regular expression: /(/: Unterminated group"]);
    expect(
      run(`[thrown(() => new RegExp(Symbol())), thrown(() => new RegExp("a", Symbol()))]`),
    ).toEqual(["TypeError", "TypeError"]);
  });

  it("supports subclassing and new.target", () => {
    expect(
      run(
        `class R extends RegExp { exec(s) { this.calls = (this.calls || 0) + 1; return super.exec(s); } } var r = new R("a", "g"); ["aXa".replace(r, "b"), r.calls, r instanceof RegExp, r.flags, Object.getPrototypeOf(r) === R.prototype]`,
      ),
    ).toEqual(["bXb", 3, true, "g", true]);
  });

  it("exec builds result arrays with index, input, groups and indices", () => {
    expect(
      run(
        `var m = /(?<y>\\d{4})-(\\d\\d)(x)?/.exec("on 2024-05!"); [Array.from(m), m.index, m.input, m.groups.y, Object.getPrototypeOf(m.groups), Object.keys(m), "indices" in m]`,
      ),
    ).toEqual([
      ["2024-05", "2024", "05", undefined],
      3,
      "on 2024-05!",
      "2024",
      null,
      ["0", "1", "2", "3", "index", "input", "groups"],
      false,
    ]);
    expect(
      run(
        `var m = /a(?<z>b)?(c)/d.exec("xac"); [m.indices.map((p) => p && Array.from(p)), m.indices.groups.z, Object.getPrototypeOf(m.indices.groups), m.groups.z, /a/.exec("b"), /a/.exec("a").groups, Object.keys(/a/d.exec("a").indices)]`,
      ),
    ).toEqual([
      [[1, 3], undefined, [2, 3]],
      undefined,
      null,
      undefined,
      null,
      undefined,
      ["0", "groups"],
    ]);
    expect(
      run(
        `[thrown(() => RegExp.prototype.exec.call({}, "")), thrown(() => RegExp.prototype.exec.call(RegExp.prototype, ""))]`,
      ),
    ).toEqual(["TypeError", "TypeError"]);
  });

  it("honours lastIndex for global and sticky patterns", () => {
    expect(
      run(
        `var r = /a/g; var out = []; var m; while ((m = r.exec("aXaa")) !== null) out.push(m.index + ":" + r.lastIndex); out.push(r.lastIndex); out`,
      ),
    ).toEqual(["0:1", "2:3", "3:4", 0]);
    expect(
      run(
        `var r = /a/y; [r.test("ba"), r.lastIndex, (r.lastIndex = 1, r.test("ba")), r.lastIndex, r.test("ba"), r.lastIndex]`,
      ),
    ).toEqual([false, 0, true, 2, false, 0]);
    expect(run(`var r = /a/; r.lastIndex = 5; [r.test("a"), r.lastIndex]`)).toEqual([true, 5]);
    expect(
      run(
        `var log = []; var r = /a/; r.lastIndex = { valueOf() { log.push("li"); return 0; } }; r.exec("a"); log`,
      ),
    ).toEqual(["li"]);
    expect(
      run(
        `var r = /a/g; Object.defineProperty(r, "lastIndex", { writable: false }); [thrown(() => r.exec("b")), thrown(() => r.exec("a"))]`,
      ),
    ).toEqual(["TypeError", "TypeError"]);
    expect(
      run(`var r = /\\udf06/u; [r.exec("\\ud834\\udf06"), /./gu.exec("\\ud834\\udf06")[0].length]`),
    ).toEqual([null, 2]);
  });

  it("flag getters and flags", () => {
    expect(
      run(
        `var r = /a/dgimsuy; [r.flags, r.hasIndices, r.global, r.ignoreCase, r.multiline, r.dotAll, r.unicode, r.sticky, /a/.flags]`,
      ),
    ).toEqual(["dgimsuy", true, true, true, true, true, true, true, ""]);
    expect(
      run(
        `[RegExp.prototype.global, RegExp.prototype.source, RegExp.prototype.flags, thrown(() => Object.getOwnPropertyDescriptor(RegExp.prototype, "global").get.call({})), thrown(() => Object.getOwnPropertyDescriptor(RegExp.prototype, "source").get.call(1))]`,
      ),
    ).toEqual([undefined, "(?:)", "", "TypeError", "TypeError"]);
    expect(
      run(
        `var log = []; var o = {}; ["hasIndices", "global", "ignoreCase", "multiline", "dotAll", "unicode", "unicodeSets", "sticky"].forEach((k) => Object.defineProperty(o, k, { get() { log.push(k); return k === "global" || k === "sticky"; } })); [Object.getOwnPropertyDescriptor(RegExp.prototype, "flags").get.call(o), log.join()]`,
      ),
    ).toEqual(["gy", "hasIndices,global,ignoreCase,multiline,dotAll,unicode,unicodeSets,sticky"]);
  });

  it("supports the ES2024 v flag (unicodeSets)", () => {
    expect(
      run(
        `var r = /[\\p{L}--[a-z]]/v; [r.unicodeSets, r.unicode, r.flags, r.test("A"), r.test("a"), "😀😀".split(/(?:)/v).length, /./v.unicodeSets, /./u.unicodeSets, "a😀".replace(/(?:)/gv, "-")]`,
      ),
    ).toEqual([true, false, "v", true, false, 2, true, false, "-a-😀-"]);
    expect(run(`var m = /[[a-z]--[b]](?<n>x)/v.exec("bax"); [m[0], m.groups.n]`)).toEqual([
      "ax",
      "x",
    ]);
  });

  it("source escapes slashes and line terminators", () => {
    expect(
      run(
        `[new RegExp("/").source, /\\//.source, new RegExp("\\n").source, new RegExp("a\\u2028").source, new RegExp("[/]").source, new RegExp("").source, String(new RegExp("/", "g")), new RegExp(new RegExp("\\n").source).test("\\n")]`,
      ),
    ).toEqual(["\\/", "\\/", "\\n", "a\\u2028", "[/]", "(?:)", "/\\//g", true]);
  });

  it("toString and test are generic", () => {
    expect(
      run(
        `[RegExp.prototype.toString.call({ source: "a", flags: "b" }), thrown(() => RegExp.prototype.toString.call(1)), RegExp.prototype.test.call({ exec() { return {}; } }, "x"), RegExp.prototype.test.call({ exec() { return null; } }, "x"), thrown(() => RegExp.prototype.test.call({ exec() { return 1; } }, "x"))]`,
      ),
    ).toEqual(["/a/b", "TypeError", true, false, "TypeError"]);
  });

  it("Symbol.match", () => {
    expect(
      run(
        `["a1b22".match(/\\d+/g), "abc".match(/x/g), "abc".match(/b/).index, "aaa".match(/a*?/g), "😀".match(/(?:)/gu).length, "😀".match(/(?:)/g).length]`,
      ),
    ).toEqual([["1", "22"], null, 1, ["", "", "", ""], 2, 3]);
    expect(
      run(
        `var log = []; var r = /a/g; r.exec = function (s) { log.push(this.lastIndex); return log.length > 2 ? null : { 0: "a" }; }; [RegExp.prototype[Symbol.match].call(r, "aa"), log]`,
      ),
    ).toEqual([
      ["a", "a"],
      [0, 0, 0],
    ]);
  });

  it("Symbol.replace with templates, functions and named groups", () => {
    expect(
      run(
        `["2024-05".replace(/(?<y>\\d+)-(?<m>\\d+)/, "$<m>/$<y> $2$1 $& $\` $' $$ $3 $<q>"), "aaa".replace(/a/g, "b"), "aaa".replace(/a/, "b"), "abc".replace(/(?:)/g, "-"), "x".replace(/(y)?x/, "[$1]"), "abc".replace(/b/, "$0 $00 $10"), "abcdefghijk".replace(/(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)/, "$11-$10-$1")]`,
      ),
    ).toEqual([
      "05/2024 052024 2024-05   $ $3 ",
      "bbb",
      "baa",
      "-a-b-c-",
      "[]",
      "a$0 $00 $10c",
      "k-j-a",
    ]);
    expect(
      run(
        `var calls = []; var r = "a1b2".replace(/(?<d>\\d)/g, function () { "use strict"; calls.push([].slice.call(arguments, 0, 4).concat([typeof arguments[4], this === undefined])); return "<" + arguments[1] + ">"; }); [r, calls]`,
      ),
    ).toEqual([
      "a<1>b<2>",
      [
        ["1", "1", 1, "a1b2", "object", true],
        ["2", "2", 3, "a1b2", "object", true],
      ],
    ]);
    expect(
      run(
        `var r = /x/g; r.exec = function () { if (this.done) return null; this.done = true; return { 0: "x", index: 10, length: 1, groups: { n: "G" } }; }; r.flags; "axb".replace(r, "[$<n>]")`,
      ),
    ).toBe("axb[G]");
    expect(
      run(
        `var r = /./g; var n = 0; r.exec = function () { return n++ < 2 ? { 0: "", index: 0, length: 1 } : null; }; [RegExp.prototype[Symbol.replace].call(r, "ab", "-"), r.lastIndex]`,
      ),
    ).toEqual(["--ab", 2]);
  });

  it("Symbol.search restores lastIndex", () => {
    expect(
      run(
        `var r = /b/g; r.lastIndex = 2; ["abc".search(r), r.lastIndex, "xyz".search(/b/), "abc".search(/c/y)]`,
      ),
    ).toEqual([1, 2, -1, -1]);
  });

  it("Symbol.split uses a sticky clone from the species constructor", () => {
    expect(
      run(
        `["a1b22c".split(/\\d+/), "a1b".split(/(\\d)/), "abc".split(/(?:)/), "".split(/a/), "".split(/(?:)/), "a,b,c".split(/,/, 2), "😀😀".split(/(?:)/u).length, "😀".split(/(?:)/).length, "aXbXc".split(/x/i)]`,
      ),
    ).toEqual([
      ["a", "b", "c"],
      ["a", "1", "b"],
      ["a", "b", "c"],
      [""],
      [],
      ["a", "b"],
      2,
      2,
      ["a", "b", "c"],
    ]);
    expect(
      run(
        `var log = []; class R extends RegExp { constructor(p, f) { log.push("ctor " + (p instanceof RegExp ? "re" : typeof p) + " " + f); super(p, f); } } var r = new R("-", "g"); log.length = 0; ["a-b".split(r), log]`,
      ),
    ).toEqual([["a", "b"], ["ctor re gy"]]);
    expect(
      run(
        `var r = /-/; r.constructor = { [Symbol.species]: function (p, f) { return /x/y; } }; "a-b".split(r)`,
      ),
    ).toEqual(["a-b"]);
  });

  it("Symbol.matchAll and the RegExp String Iterator", () => {
    expect(
      run(
        `var it = "a1b2".matchAll(/\\d/g); var p = Object.getPrototypeOf(it); [Array.from(it, (m) => m[0] + m.index), p[Symbol.toStringTag], sig(p.next), Object.getPrototypeOf(p) === Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())), thrown(() => p.next.call({})), it.next().done]`,
      ),
    ).toEqual([["11", "23"], "RegExp String Iterator", "next/0", true, "TypeError", true]);
    expect(
      run(
        `var r = /a/; var it = RegExp.prototype[Symbol.matchAll].call(r, "aa"); var first = it.next(); [first.value[0], first.done, it.next().done]`,
      ),
    ).toEqual(["a", false, true]);
    expect(
      run(
        `var r = /a/g; r.lastIndex = 1; var it = r[Symbol.matchAll]("aaa"); [Array.from(it, (m) => m.index), r.lastIndex]`,
      ),
    ).toEqual([[1, 2], 1]);
    expect(run(`Array.from("ab".matchAll(/(?:)/g), (m) => m.index)`)).toEqual([0, 1, 2]);
  });

  it("Annex B compile reinitializes in place", () => {
    expect(
      run(
        `var r = /a/g; r.lastIndex = 3; var same = r.compile("b", "i"); [same === r, r.source, r.flags, r.lastIndex, r.compile(/c/m).flags, thrown(() => r.compile(/c/, "g")), thrown(() => RegExp.prototype.compile.call({}))]`,
      ),
    ).toEqual([true, "b", "i", 0, "m", "TypeError", "TypeError"]);
  });

  it("charges fuel in proportion to the input scanned", () => {
    expect(() =>
      run(`var s = "a".repeat(1e5); for (var i = 0; i < 100; i++) /b/.test(s);`, tinyFuel),
    ).toThrow(/fuel/);
  });
});
