import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/index.js";
import { run } from "./core-helpers.js";

describe("Symbol", () => {
  it("creates unique symbols and is not constructible with new", () => {
    expect(
      run(
        `var a = Symbol("x"); var b = Symbol("x"); [typeof a, a === b, a.description, Symbol().description, Symbol(undefined).description, Symbol(null).description, Symbol({ toString() { return "o"; } }).description]`,
      ),
    ).toEqual(["symbol", false, "x", undefined, undefined, "null", "o"]);
    expect(
      run(
        `[Symbol.length, Symbol.name, thrown(() => new Symbol()), thrown(() => Symbol(Symbol()))]`,
      ),
    ).toEqual([0, "Symbol", "TypeError", "TypeError"]);
    expect(run(`class S extends Symbol {} thrown(() => new S())`)).toBe("TypeError");
  });

  it("has the well-known symbols as constants, the same ones the language uses", () => {
    const names = [
      "asyncIterator",
      "hasInstance",
      "isConcatSpreadable",
      "iterator",
      "match",
      "matchAll",
      "replace",
      "search",
      "species",
      "split",
      "toPrimitive",
      "toStringTag",
      "unscopables",
    ];
    expect(
      run(
        `${JSON.stringify(names)}.map((n) => typeof Symbol[n] + desc(Symbol, n) + Symbol[n].description).join()`,
      ),
    ).toBe(names.map((n) => `symbolvSymbol.${n}`).join());
    expect(
      run(
        `var o = { [Symbol.iterator]() { var i = 0; return { next() { i++; return { value: i, done: i > 2 }; } }; } }; [...o]`,
      ),
    ).toEqual([1, 2]);
    expect(
      run(
        `var o = { [Symbol.toPrimitive](h) { return h; } }; [\`\${o}\`, o + "", +{ [Symbol.toPrimitive]() { return 4; } }]`,
      ),
    ).toEqual(["string", "default", 4]);
    expect(
      run(
        `var C = { [Symbol.hasInstance](v) { return v === 1; } }; [1 instanceof C, 2 instanceof C]`,
      ),
    ).toEqual([true, false]);
  });

  it("Symbol.for and keyFor use the sandbox's own registry", () => {
    expect(
      run(
        `var a = Symbol.for("k"); [a === Symbol.for("k"), Symbol.keyFor(a), a.description, Symbol.keyFor(Symbol("k")), Symbol.keyFor(Symbol.iterator), Symbol.for().description, Symbol.keyFor(Symbol.for(""))]`,
      ),
    ).toEqual([true, "k", "k", undefined, undefined, "undefined", ""]);
    expect(
      run(`[thrown(() => Symbol.keyFor("k")), Symbol.for.length, Symbol.keyFor.length]`),
    ).toEqual(["TypeError", 1, 1]);
    // Registries are per sandbox: a registered symbol is not the host's, nor another sandbox's.
    const host = Symbol.for("cove-test");
    const a = createSandbox().runSync(`Symbol.for("cove-test")`);
    const b = createSandbox().runSync(`Symbol.for("cove-test")`);
    expect(a).not.toBe(host);
    expect(a).not.toBe(b);
    const sb = createSandbox();
    expect(sb.runSync(`globalThis.s = Symbol.for("same"); 1`)).toBe(1);
    expect(sb.runSync(`s === Symbol.for("same")`)).toBe(true);
    expect(createSandbox().runSync(`Symbol.keyFor(Symbol.for("x")) === "x"`)).toBe(true);
  });

  it("Symbol.prototype", () => {
    expect(
      run(
        `var s = Symbol("d"); [s.toString(), Symbol().toString(), Object(s).toString(), s.valueOf() === s, Object(s).valueOf() === s, Object(s).description, String(s)]`,
      ),
    ).toEqual(["Symbol(d)", "Symbol()", "Symbol(d)", true, true, "d", "Symbol(d)"]);
    expect(
      run(
        `[thrown(() => Symbol.prototype.toString.call("x")), thrown(() => Symbol.prototype.valueOf.call({})), thrown(() => Symbol.prototype.description), thrown(() => Symbol.prototype[Symbol.toPrimitive].call(1))]`,
      ),
    ).toEqual(["TypeError", "TypeError", "TypeError", "TypeError"]);
    expect(
      run(
        `var tp = Symbol.prototype[Symbol.toPrimitive]; [tp.name, tp.length, desc(Symbol.prototype, Symbol.toPrimitive), Symbol.prototype[Symbol.toStringTag], desc(Symbol.prototype, Symbol.toStringTag)]`,
      ),
    ).toEqual(["[Symbol.toPrimitive]", 1, "vc", "Symbol", "vc"]);
    expect(
      run(
        `var d = Object.getOwnPropertyDescriptor(Symbol.prototype, "description"); [typeof d.get, d.set, d.get.name, d.enumerable, d.configurable]`,
      ),
    ).toEqual(["function", undefined, "get description", false, true]);
    expect(
      run(
        `[Object.getPrototypeOf(Symbol.prototype) === Object.prototype, Object.prototype.toString.call(Symbol.prototype), Symbol.prototype.constructor === Symbol, thrown(() => Symbol() + "")]`,
      ),
    ).toEqual([true, "[object Symbol]", true, "TypeError"]);
    expect(run(`Object(Symbol.iterator) == Symbol.iterator`)).toBe(true);
  });
});
