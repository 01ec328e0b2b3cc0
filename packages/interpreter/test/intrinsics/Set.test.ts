import { describe, expect, it } from "vitest";
import { run, tinyMemory } from "./collection-helpers.js";

describe("Set", () => {
  it("has the spec's shape", () => {
    expect(
      run(`var P = Set.prototype;
        [fnInfo(Set), desc(globalThis, "Set"), ["add", "clear", "delete", "entries", "forEach", "has", "values"].map((k) => fnInfo(P[k]) + desc(P, k)).join(),
         P.keys === P.values, P[Symbol.iterator] === P.values, P[Symbol.toStringTag], desc(P, "size"), Object.getOwnPropertyDescriptor(P, "size").get.name,
         Set[Symbol.species] === Set, Object.prototype.toString.call(new Set()), Object.getPrototypeOf(new Set().values())[Symbol.toStringTag]]`),
    ).toEqual([
      "Set/0",
      "vwc",
      "add/1vwc,clear/0vwc,delete/1vwc,entries/0vwc,forEach/1vwc,has/1vwc,values/0vwc",
      true,
      true,
      "Set",
      "gc",
      "get size",
      true,
      "[object Set]",
      "Set Iterator",
    ]);
  });

  it("requires new and brand-checks receivers", () => {
    expect(
      run(
        `[thrown(() => Set()), thrown(() => Set.prototype.add.call(new Map(), 1)), thrown(() => Set.prototype.has.call([], 1)), thrown(() => new Set().values().next.call(new Map().keys()))]`,
      ),
    ).toEqual(["TypeError", "TypeError", "TypeError", "TypeError"]);
  });

  it("stores by SameValueZero, -0 as +0", () => {
    expect(
      run(
        `var s = new Set([NaN, NaN, 0, -0, "0", 1]); [s.size, s.has(NaN), s.has(-0), Object.is([...s][1], 0), s.delete(-0), s.has(0), s.add(2) === s]`,
      ),
    ).toEqual([4, true, true, true, true, false, true]);
  });

  it("the constructor calls this.add per value and closes the iterator on error", () => {
    expect(
      run(
        `var seen = []; class S extends Set { add(v) { seen.push(v); return super.add(v); } } var s = new S("aba"); [seen.join(), s.size, s instanceof S]`,
      ),
    ).toEqual(["a,b,a", 2, true]);
    expect(
      run(`var closed = 0; var it = { [Symbol.iterator]() { return { next() { return { value: 1, done: false }; }, return() { closed++; return {}; } }; } };
        var orig = Set.prototype.add; Set.prototype.add = function () { throw new RangeError(); };
        var r = [thrown(() => new Set(it)), closed]; Set.prototype.add = 5; r.push(thrown(() => new Set([])), thrown(() => new Set())); Set.prototype.add = orig; r`),
    ).toEqual(["RangeError", 1, "TypeError", "none"]);
  });

  it("forEach passes (value, value, set) and visits values added during iteration", () => {
    expect(
      run(
        `var s = new Set([1, 2]); var seen = []; s.forEach(function (v, k, set) { seen.push(v + "/" + k + "/" + (set === s) + this.x); if (v === 1) { s.delete(2); s.add(3); } }, { x: "!" }); seen.join()`,
      ),
    ).toBe("1/1/true!,3/3/true!");
  });

  it("entries yield [v, v]; iterators survive clear and compaction", () => {
    expect(
      run(`var s = new Set(["a"]); var e = [...s.entries()][0];
        var big = new Set(); for (var i = 0; i < 50; i++) big.add(i); var it = big.values(); it.next();
        for (var i = 0; i < 49; i++) big.delete(i); var r = [e.join(), it.next().value, it.next().done];
        var it2 = s.values(); s.clear(); s.add("z"); r.push(it2.next().value, it2.next().done, s.size); r`),
    ).toEqual(["a,a", 49, true, "z", true, 1]);
  });

  it("growth is metered", () => {
    expect(() => run(`var s = new Set(); for (var i = 0; ; i++) s.add(i);`, tinyMemory)).toThrow(
      /memory/,
    );
  });
});
