import { describe, expect, it } from "vitest";
import { run } from "./collection-helpers.js";

describe("%ArrayIteratorPrototype%", () => {
  it("has next and @@toStringTag, and inherits from %IteratorPrototype%", () => {
    expect(
      run(`var AIP = Object.getPrototypeOf([][Symbol.iterator]()); var IP = Object.getPrototypeOf(AIP);
        [fnInfo(AIP.next), desc(AIP, "next"), AIP[Symbol.toStringTag], desc(AIP, Symbol.toStringTag), IP[Symbol.iterator].call(5) === 5,
         Object.getPrototypeOf(IP) === Object.prototype, Object.prototype.toString.call([].keys()), Object.getOwnPropertyNames(AIP).join()]`),
    ).toEqual([
      "next/0",
      "vwc",
      "Array Iterator",
      "vc",
      true,
      true,
      "[object Array Iterator]",
      "next",
    ]);
  });

  it("iterates keys, values and entries", () => {
    expect(
      run(`var it = ["a", "b"].entries(); var r = [];
        for (var s = it.next(); !s.done; s = it.next()) r.push(s.value.join("="));
        var last = it.next(); r.push(last.done, last.value, Object.keys(last).join());
        r`),
    ).toEqual(["0=a", "1=b", true, undefined, "value,done"]);
  });

  it("sees length changes until it is done, then stays done", () => {
    expect(
      run(
        `var a = [1]; var it = a.values(); var r = [it.next().value]; a.push(2); r.push(it.next().value, it.next().done); a.push(3); r.push(it.next().done); r`,
      ),
    ).toEqual([1, 2, true, true]);
  });

  it("next brand-checks its receiver", () => {
    expect(
      run(
        `var next = [].values().next; [thrown(() => next.call({})), thrown(() => next.call(new Map().entries())), thrown(() => next.call(undefined))]`,
      ),
    ).toEqual(["TypeError", "TypeError", "TypeError"]);
  });

  it("iterates array-likes and typed arrays", () => {
    expect(run(`[...Array.prototype.values.call({ length: 2, 0: "x", 1: "y" })].join()`)).toBe(
      "x,y",
    );
    expect(run(`[...new Uint8Array([1, 2]).entries()].map((e) => e.join(":")).join()`)).toBe(
      "0:1,1:2",
    );
  });

  it("reads elements through getters and the prototype chain", () => {
    expect(
      run(`Array.prototype[1] = "P"; var r = [...[0, , 2]]; delete Array.prototype[1]; r`),
    ).toEqual([0, "P", 2]);
  });
});
