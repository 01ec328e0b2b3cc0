import { describe, expect, it } from "vitest";
import { run } from "./collection-helpers.js";

describe("WeakSet", () => {
  it("has the spec's shape", () => {
    expect(
      run(`var P = WeakSet.prototype; [fnInfo(WeakSet), desc(globalThis, "WeakSet"), ["add", "delete", "has"].map((k) => fnInfo(P[k]) + desc(P, k)).join(),
        P[Symbol.toStringTag], Object.getOwnPropertyNames(P).join(), Object.prototype.toString.call(new WeakSet())]`),
    ).toEqual([
      "WeakSet/0",
      "vwc",
      "add/1vwc,delete/1vwc,has/1vwc",
      "WeakSet",
      "constructor,add,delete,has",
      "[object WeakSet]",
    ]);
  });

  it("values are objects and non-registered symbols", () => {
    expect(
      run(`var ws = new WeakSet(); var o = {}; var s = Symbol();
        [ws.add(o) === ws, ws.add(s).has(s), ws.has(o), ws.has({}), ws.delete(o), ws.has(o), ws.delete(1), ws.has(1),
         thrown(() => ws.add(1)), thrown(() => ws.add(Symbol.for("x"))), thrown(() => WeakSet.prototype.add.call(new Set(), o))]`),
    ).toEqual([
      true,
      true,
      true,
      false,
      true,
      false,
      false,
      false,
      "TypeError",
      "TypeError",
      "TypeError",
    ]);
  });

  it("the constructor uses this.add", () => {
    expect(
      run(
        `var a = {}; var ws = new WeakSet([a]); [ws.has(a), thrown(() => WeakSet()), thrown(() => new WeakSet([1])), new WeakSet(null).has(a)]`,
      ),
    ).toEqual([true, "TypeError", "TypeError", false]);
  });
});
