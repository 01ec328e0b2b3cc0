import { describe, expect, it } from "vitest";
import { run } from "./collection-helpers.js";

describe("WeakMap", () => {
  it("has the spec's shape", () => {
    expect(
      run(`var P = WeakMap.prototype; [fnInfo(WeakMap), desc(globalThis, "WeakMap"), ["delete", "get", "has", "set"].map((k) => fnInfo(P[k]) + desc(P, k)).join(),
        P[Symbol.toStringTag], desc(P, Symbol.toStringTag), Object.getOwnPropertyNames(P).join(), Object.prototype.toString.call(new WeakMap()), WeakMap[Symbol.species]]`),
    ).toEqual([
      "WeakMap/0",
      "vwc",
      "delete/1vwc,get/1vwc,has/1vwc,set/2vwc",
      "WeakMap",
      "vc",
      "constructor,delete,get,has,set",
      "[object WeakMap]",
      undefined,
    ]);
  });

  it("keys are objects and non-registered symbols", () => {
    expect(
      run(`var wm = new WeakMap(); var o = {}; var s = Symbol("s");
        wm.set(o, 1).set(s, 2).set(Symbol.iterator, 3);
        [wm.get(o), wm.get(s), wm.get(Symbol.iterator), wm.has({}), wm.get(1), wm.has("x"), wm.delete(1), wm.delete(o), wm.has(o),
         thrown(() => wm.set(1, 1)), thrown(() => wm.set("s", 1)), thrown(() => wm.set(Symbol.for("r"), 1)), thrown(() => wm.set(null, 1)), wm.has(Symbol.for("r"))]`),
    ).toEqual([
      1,
      2,
      3,
      false,
      undefined,
      false,
      false,
      true,
      false,
      "TypeError",
      "TypeError",
      "TypeError",
      "TypeError",
      false,
    ]);
  });

  it("the constructor uses this.set and validates", () => {
    expect(
      run(`var a = {}, b = {}; var wm = new WeakMap([[a, 1], [b, 2]]);
        [wm.get(b), thrown(() => WeakMap()), thrown(() => new WeakMap([[1, 1]])), thrown(() => new WeakMap([1])), thrown(() => WeakMap.prototype.get.call(new Map(), a)),
         new (class extends WeakMap {})([[a, 1]]).has(a)]`),
    ).toEqual([2, "TypeError", "TypeError", "TypeError", "TypeError", true]);
  });
});
