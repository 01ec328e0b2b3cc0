import { describe, expect, it } from "vitest";
import { run, tinyFuel, tinyMemory } from "./text-helpers.js";

describe("JSON", () => {
  it("has the spec's shape", () => {
    expect(
      run(
        `[desc(globalThis, "JSON"), JSON[Symbol.toStringTag], desc(JSON, Symbol.toStringTag), Object.prototype.toString.call(JSON), sig(JSON.parse), sig(JSON.stringify), desc(JSON, "parse"), desc(JSON, "stringify"), Object.getPrototypeOf(JSON) === Object.prototype]`,
      ),
    ).toEqual(["vwc", "JSON", "vc", "[object JSON]", "parse/2", "stringify/3", "vwc", "vwc", true]);
  });

  describe("parse", () => {
    it("builds guest objects and arrays", () => {
      expect(
        run(
          `JSON.parse('{"a":[1,-2.5e3,true,false,null,"x\\\\u0041\\\\n\\\\"\\\\\\\\\\\\/"],"b":{"c":{}},"d":[]}')`,
        ),
      ).toEqual({
        a: [1, -2500, true, false, null, 'xA\n"\\/'],
        b: { c: {} },
        d: [],
      });
      expect(
        run(
          `var o = JSON.parse('{"__proto__": 1, "b": 2, "a": 3, "b": 4, "1": 5}'); [Object.keys(o), Object.getPrototypeOf(o) === Object.prototype, o.b, desc(o, "__proto__")]`,
        ),
      ).toEqual([["1", "__proto__", "b", "a"], true, 4, "vwec"]);
      expect(
        run(
          `var a = JSON.parse("[1,[2,[3]]]"); [Array.isArray(a), Array.isArray(a[1][1]), a[1][1][0], JSON.parse(" \\t\\n\\r 7 "), JSON.parse('"\\\\ud800"').length, Object.is(JSON.parse("-0"), -0), JSON.parse("1E2")]`,
        ),
      ).toEqual([true, true, 3, 7, 1, true, 100]);
    });

    it("converts its argument with ToString", () => {
      expect(
        run(
          `[JSON.parse(1), JSON.parse(true), JSON.parse(null), JSON.parse({ toString() { return "[2]"; } })[0], thrown(() => JSON.parse()), thrown(() => JSON.parse(Symbol()))]`,
        ),
      ).toEqual([1, true, null, 2, "SyntaxError", "TypeError"]);
    });

    it("throws SyntaxErrors with positions", () => {
      const cases = [
        "[1,]",
        "{",
        "",
        "01",
        "1.",
        "-",
        ".5",
        "{'a':1}",
        '{"a" 1}',
        "[1 2]",
        '"\t"',
        '"\\x"',
        '"abc',
        "tru",
        "nul",
        "1 2",
        "+1",
        "[,]",
        '{"a":1,}',
        "\u00a01",
        "NaN",
        "1e",
        '"\\u12"',
      ];
      const out = run(
        `${JSON.stringify(cases)}.map((s) => { try { JSON.parse(s); return "none"; } catch (e) { return e.name + ":" + e.message; } })`,
      ) as string[];
      for (const [i, message] of out.entries()) {
        expect(message, cases[i]).toMatch(/^SyntaxError:/);
      }
      expect(out[0]).toBe("SyntaxError:Unexpected token ']' in JSON at position 3");
      expect(out[1]).toBe("SyntaxError:Unexpected end of JSON input");
      expect(out[15]).toBe(
        "SyntaxError:Unexpected non-whitespace character after JSON at position 2",
      );
    });

    it("walks the result with a reviver, deleting undefined results", () => {
      expect(
        run(
          `var calls = []; var r = JSON.parse('{"a":[1,2],"b":{"c":3},"d":4}', function (k, v) { calls.push(k + "=" + JSON.stringify(v) + ":" + (this === undefined ? "u" : Array.isArray(this) ? "arr" : typeof this)); if (k === "d") return undefined; if (typeof v === "number") return v * 10; return v; }); [r, calls]`,
        ),
      ).toEqual([
        { a: [10, 20], b: { c: 30 } },
        [
          "0=1:arr",
          "1=2:arr",
          "a=[10,20]:object",
          "c=3:object",
          'b={"c":30}:object',
          "d=4:object",
          '={"a":[10,20],"b":{"c":30}}:object',
        ],
      ]);
      expect(
        run(
          `var holder; var r = JSON.parse("[1,2]", function (k, v) { if (k === "") holder = this; if (k === "0") { delete this[1]; } return v; }); [r.length, 1 in r, Object.keys(holder), holder[""] === r]`,
        ),
      ).toEqual([2, false, [""], true]);
      expect(run(`JSON.parse('{"a":1}', (k, v) => (k === "a" ? undefined : v))`)).toEqual({});
      expect(run(`JSON.parse("5", 1)`)).toBe(5);
    });

    it("revives proxies and arrays through their internal methods", () => {
      expect(
        run(
          `var log = []; JSON.parse('[{"x":1}]', function (k, v) { if (k === "0") return new Proxy(v, { get(t, p, r) { log.push("get " + String(p)); return Reflect.get(t, p, r); } }); return v; }); log`,
        ),
      ).toEqual([]);
      expect(
        run(
          `var r = JSON.parse('{"a":{"b":1}}', function (k, v) { if (k === "b") { Object.defineProperty(this, "z", { value: 9, enumerable: true }); } return v; }); Object.keys(r.a)`,
        ),
      ).toEqual(["b", "z"]);
    });

    it("handles deep nesting without exhausting the host stack", () => {
      expect(
        run(
          `var s = "[".repeat(50000) + "]".repeat(50000); var a = JSON.parse(s); var d = 0; while (Array.isArray(a) && a.length) { a = a[0]; d++; } d`,
        ),
      ).toBe(49999);
      expect(
        run(
          `var s = "[".repeat(20000) + "1" + "]".repeat(20000); JSON.parse(s, (k, v) => v) !== undefined`,
        ),
      ).toBe(true);
    });

    it("meters tokens and allocation", () => {
      expect(() => run(`var s = "[" + "1,".repeat(2e5) + "1]"; JSON.parse(s)`, tinyFuel)).toThrow(
        /fuel/,
      );
      expect(() =>
        run(`var s = "[" + "{},".repeat(1e5) + "1]"; JSON.parse(s)`, tinyMemory),
      ).toThrow(/memory/);
    });
  });

  describe("stringify", () => {
    it("serializes primitives, objects and arrays", () => {
      expect(
        run(
          `[JSON.stringify(1), JSON.stringify("a\\"b\\n\\u0001"), JSON.stringify(null), JSON.stringify(true), JSON.stringify(NaN), JSON.stringify(-0), JSON.stringify(Infinity), JSON.stringify(undefined), JSON.stringify(() => 1), JSON.stringify(Symbol()), JSON.stringify({ a: 1, b: [1, "x", null, undefined, () => 1, Symbol()], c: undefined, d: { e: {} } }), JSON.stringify([]), JSON.stringify({})]`,
        ),
      ).toEqual([
        "1",
        '"a\\"b\\n\\u0001"',
        "null",
        "true",
        "null",
        "0",
        "null",
        undefined,
        undefined,
        undefined,
        '{"a":1,"b":[1,"x",null,null,null,null],"d":{"e":{}}}',
        "[]",
        "{}",
      ]);
    });

    it("quotes lone surrogates as escapes (well-formed JSON.stringify)", () => {
      expect(
        run(
          `[JSON.stringify("\\ud800"), JSON.stringify("\\udc00x"), JSON.stringify("😀"), JSON.stringify("\\u2028\\u007f")]`,
        ),
      ).toEqual(['"\\ud800"', '"\\udc00x"', '"😀"', '"\u2028\u007f"']);
    });

    it("unwraps primitive wrappers and skips symbol keys and non-enumerables", () => {
      expect(
        run(
          `var o = { s: new String("x"), n: new Number(2), b: new Boolean(false), [Symbol()]: 1 }; Object.defineProperty(o, "hidden", { value: 1 }); JSON.stringify(o)`,
        ),
      ).toBe('{"s":"x","n":2,"b":false}');
      expect(
        run(
          `var n = new Number(3); n.valueOf = () => 4; n.toString = () => "s"; var s = new String("a"); s.toString = () => "b"; JSON.stringify([n, s])`,
        ),
      ).toBe('[4,"b"]');
      expect(run(`JSON.stringify({ b: 1, a: 2, 2: 3, 1: 4 })`)).toBe('{"1":4,"2":3,"b":1,"a":2}');
    });

    it("calls toJSON with the key, then the replacer function with the holder", () => {
      expect(
        run(
          `var log = []; var o = { a: { toJSON(k) { log.push("toJSON:" + k); return { v: 1 }; } }, b: [{ toJSON(k) { log.push("toJSON:" + k + typeof k); return 2; } }] }; var s = JSON.stringify(o, function (k, v) { log.push("r:" + k + ":" + (this === o ? "o" : Array.isArray(this) ? "arr" : typeof this)); return v; }); [s, log]`,
        ),
      ).toEqual([
        '{"a":{"v":1},"b":[2]}',
        ["r::object", "toJSON:a", "r:a:o", "r:v:object", "r:b:o", "toJSON:0string", "r:0:arr"],
      ]);
      expect(
        run(
          `[JSON.stringify(new Date(0)), JSON.stringify({ d: new Date(NaN) }), JSON.stringify(1, (k, v) => v + 1), JSON.stringify({ a: 1, b: 2 }, (k, v) => (k === "a" ? undefined : v))]`,
        ),
      ).toEqual(['"1970-01-01T00:00:00.000Z"', '{"d":null}', "2", '{"b":2}']);
      expect(
        run(
          `BigInt.prototype.toJSON = function () { return this.toString(); }; JSON.stringify({ n: 10n })`,
        ),
      ).toBe('{"n":"10"}');
    });

    it("uses a replacer array as the property list", () => {
      expect(
        run(
          `[JSON.stringify({ a: 1, b: 2, c: { a: 3, d: 4 }, 1: 5 }, ["a", "c", 1, new String("a"), new Number(1), {}, true]), JSON.stringify([{ a: 1, b: 2 }], ["b"])]`,
        ),
      ).toEqual(['{"a":1,"c":{"a":3},"1":5}', '[{"b":2}]']);
    });

    it("indents with a gap from a number or a string", () => {
      expect(
        run(
          `var v = { a: [1, { b: 2 }], c: [], d: {} }; [JSON.stringify(v, null, 2), JSON.stringify(v, null, "--"), JSON.stringify([1], null, 20), JSON.stringify([1], null, "abcdefghijkl"), JSON.stringify([1], null, 0), JSON.stringify([1], null, new Number(1)), JSON.stringify([1], null, new String("\\t")), JSON.stringify([1], null, true)]`,
        ),
      ).toEqual([
        JSON.stringify({ a: [1, { b: 2 }], c: [], d: {} }, null, 2),
        JSON.stringify({ a: [1, { b: 2 }], c: [], d: {} }, null, "--"),
        "[\n          1\n]",
        "[\nabcdefghij1\n]",
        "[1]",
        "[\n 1\n]",
        "[\n\t1\n]",
        "[1]",
      ]);
    });

    it("throws on cycles and BigInts", () => {
      expect(
        run(
          `var a = {}; a.self = a; var b = []; b.push([b]); [thrown(() => JSON.stringify(a)), thrown(() => JSON.stringify(b)), thrown(() => JSON.stringify(1n)), thrown(() => JSON.stringify({ x: [Object(2n)] }))]`,
        ),
      ).toEqual(["TypeError", "TypeError", "TypeError", "TypeError"]);
      expect(run(`var shared = { x: 1 }; JSON.stringify([shared, shared, { y: shared }])`)).toBe(
        '[{"x":1},{"x":1},{"y":{"x":1}}]',
      );
    });

    it("serializes proxies through their traps", () => {
      expect(
        run(
          `var log = []; var p = new Proxy({ a: 1, b: 2 }, { ownKeys(t) { log.push("ownKeys"); return ["b", "a"]; }, getOwnPropertyDescriptor(t, k) { log.push("gopd " + k); return Reflect.getOwnPropertyDescriptor(t, k); }, get(t, k, r) { log.push("get " + String(k)); return Reflect.get(t, k, r); } }); [JSON.stringify(p), log]`,
        ),
      ).toEqual(['{"b":2,"a":1}', ["get toJSON", "ownKeys", "gopd b", "gopd a", "get b", "get a"]]);
      expect(run(`JSON.stringify(new Proxy([1, 2], {}))`)).toBe("[1,2]");
      expect(
        run(`var r = Proxy.revocable([], {}); r.revoke(); thrown(() => JSON.stringify(r.proxy))`),
      ).toBe("TypeError");
    });

    it("handles deep nesting without exhausting the host stack", () => {
      expect(
        run(`var a = []; for (var i = 0; i < 50000; i++) a = [a]; JSON.stringify(a).length`),
      ).toBe(100002);
    });

    it("meters output memory and per-value fuel", () => {
      expect(() =>
        run(
          `var x = "x".repeat(1000); var a = []; for (var i = 0; i < 1000; i++) a.push(x); JSON.stringify(a)`,
          tinyMemory,
        ),
      ).toThrow(/memory/);
      expect(() =>
        run(
          `var a = new Array(3e4).fill(0); for (var i = 0; i < 10; i++) JSON.stringify(a);`,
          tinyFuel,
        ),
      ).toThrow(/fuel/);
    });
  });
});
