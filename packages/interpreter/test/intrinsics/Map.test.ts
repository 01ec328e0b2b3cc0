import { describe, expect, it } from "vitest";
import { run, tinyMemory } from "./collection-helpers.js";

describe("Map", () => {
  it("has the spec's shape", () => {
    expect(
      run(`var P = Map.prototype; var sz = Object.getOwnPropertyDescriptor(P, "size");
        [fnInfo(Map), desc(globalThis, "Map"), desc(Map, "prototype"), ["clear", "delete", "entries", "forEach", "get", "has", "keys", "set", "values"].map((k) => fnInfo(P[k]) + desc(P, k)).join(),
         sz.get.name, sz.set, desc(P, "size"), P[Symbol.iterator] === P.entries, P[Symbol.toStringTag], desc(P, Symbol.toStringTag),
         Map[Symbol.species] === Map, Object.getOwnPropertyDescriptor(Map, Symbol.species).get.name, Object.prototype.toString.call(new Map()), Object.getPrototypeOf(P) === Object.prototype]`),
    ).toEqual([
      "Map/0",
      "vwc",
      "v",
      "clear/0vwc,delete/1vwc,entries/0vwc,forEach/1vwc,get/1vwc,has/1vwc,keys/0vwc,set/2vwc,values/0vwc",
      "get size",
      undefined,
      "gc",
      true,
      "Map",
      "vc",
      true,
      "get [Symbol.species]",
      "[object Map]",
      true,
    ]);
  });

  it("requires new and brand-checks receivers", () => {
    expect(
      run(
        `[thrown(() => Map()), thrown(() => Map.prototype.get.call({}, 1)), thrown(() => Map.prototype.set.call(new Set(), 1, 1)), thrown(() => Object.getOwnPropertyDescriptor(Map.prototype, "size").get.call(new WeakMap())), thrown(() => Map.prototype.has.call(Map.prototype, 1))]`,
      ),
    ).toEqual(["TypeError", "TypeError", "TypeError", "TypeError", "TypeError"]);
  });

  it("stores by SameValueZero, -0 as +0", () => {
    expect(
      run(`var m = new Map(); var o = {}; m.set(NaN, "nan").set(-0, "zero").set(o, "obj").set("1", "str").set(1, "num");
        [m.get(NaN), m.get(0), m.get(+0), Object.is([...m.keys()][1], 0), m.get(o), m.get({}), m.get("1"), m.get(1), m.size, m.has(-0), m.delete(0), m.has(0), m.size]`),
    ).toEqual([
      "nan",
      "zero",
      "zero",
      true,
      "obj",
      undefined,
      "str",
      "num",
      5,
      true,
      true,
      false,
      4,
    ]);
  });

  it("keeps insertion order; re-setting keeps the position", () => {
    expect(
      run(
        `var m = new Map([["a", 1], ["b", 2], ["c", 3]]); m.set("a", 9); m.delete("b"); m.set("b", 4); [...m].map((e) => e.join(":")).join()`,
      ),
    ).toBe("a:9,c:3,b:4");
  });

  it("the constructor calls this.set per entry, looked up once", () => {
    expect(
      run(`var calls = 0; class M extends Map { set(k, v) { calls++; return super.set(k, v * 2); } } var m = new M([[1, 1], [2, 2]]);
        [calls, m.get(2), m instanceof M, Object.getPrototypeOf(m) === M.prototype]`),
    ).toEqual([2, 4, true, true]);
    expect(
      run(
        `var orig = Map.prototype.set; Map.prototype.set = 1; var r = [thrown(() => new Map([])), thrown(() => new Map()), thrown(() => new Map(null))]; Map.prototype.set = orig; r`,
      ),
    ).toEqual(["TypeError", "none", "none"]);
  });

  it("the constructor rejects non-object entries and closes the iterator", () => {
    expect(
      run(`var closed = 0; var it = { [Symbol.iterator]() { return { next() { return { value: 1, done: false }; }, return() { closed++; return {}; } }; } };
        [thrown(() => new Map(it)), closed, thrown(() => new Map([1])), thrown(() => new Map(1))]`),
    ).toEqual(["TypeError", 1, "TypeError", "TypeError"]);
    expect(
      run(`var closed = 0; var it = { [Symbol.iterator]() { return { next() { return { value: { get 0() { throw new RangeError(); } }, done: false }; }, return() { closed++; return {}; } }; } };
        [thrown(() => new Map(it)), closed]`),
    ).toEqual(["RangeError", 1]);
    expect(run(`thrown(() => new Map(["ab"]))`)).toBe("TypeError");
  });

  it("forEach passes (value, key, map) and thisArg, and sees changes during iteration", () => {
    expect(
      run(`var m = new Map([[1, "a"], [2, "b"], [3, "c"]]); var seen = [];
        m.forEach(function (v, k, map) { seen.push(k + v + (map === m) + this.t); if (k === 1) { m.delete(2); m.set(4, "d"); } }, { t: "!" });
        [seen.join(), thrown(() => m.forEach(1))]`),
    ).toEqual(["1atrue!,3ctrue!,4dtrue!", "TypeError"]);
  });

  it("iterators survive deletion, clear and compaction", () => {
    expect(
      run(`var m = new Map(); for (var i = 0; i < 100; i++) m.set(i, i);
        var it = m.keys(); var r = [it.next().value, it.next().value];
        for (var i = 0; i < 98; i++) m.delete(i);
        r.push(it.next().value, it.next().value, it.next().done);
        m.set("x", 1); r.push(it.next().done);
        var it2 = m.entries(); it2.next(); m.clear(); m.set("y", 2); r.push(it2.next().value.join(":"), it2.next().done, m.size);
        var it3 = m.values(); m.delete("y"); m.set("y", 3); r.push(it3.next().value);
        r`),
    ).toEqual([0, 1, 98, 99, true, true, "y:2", true, 1, 3]);
  });

  it("deleting and re-adding while iterating visits the re-added entry again", () => {
    expect(
      run(
        `var m = new Map([[1, 1], [2, 2]]); var seen = []; for (var [k] of m) { seen.push(k); if (seen.length < 4) { m.delete(k); m.set(k, 0); } } seen.join()`,
      ),
    ).toBe("1,2,1,2,1");
  });

  it("iterator objects", () => {
    expect(
      run(`var MIP = Object.getPrototypeOf(new Map().entries());
        [MIP[Symbol.toStringTag], desc(MIP, Symbol.toStringTag), fnInfo(MIP.next), Object.getPrototypeOf(MIP) === Object.getPrototypeOf(Object.getPrototypeOf([].values())),
         thrown(() => MIP.next.call([].values())), thrown(() => MIP.next.call(new Set().values()))]`),
    ).toEqual(["Map Iterator", "vc", "next/0", true, "TypeError", "TypeError"]);
  });

  it("growth is metered", () => {
    expect(() => run(`var m = new Map(); for (var i = 0; ; i++) m.set(i, i);`, tinyMemory)).toThrow(
      /memory/,
    );
  });
});
