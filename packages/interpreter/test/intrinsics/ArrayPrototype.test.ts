import { describe, expect, it } from "vitest";
import { run, tinyFuel, tinyMemory } from "./collection-helpers.js";

const METHODS =
  "at/1 concat/1 copyWithin/2 entries/0 every/1 fill/1 filter/1 find/1 findIndex/1 findLast/1 findLastIndex/1 flat/0 flatMap/1 forEach/1 includes/1 indexOf/1 join/1 keys/0 lastIndexOf/1 map/1 pop/0 push/1 reduce/1 reduceRight/1 reverse/0 shift/0 slice/2 some/1 sort/1 splice/2 toLocaleString/0 toReversed/0 toSorted/1 toSpliced/2 toString/0 unshift/1 values/0 with/2";

describe("Array.prototype shape", () => {
  it("has every ES2023 method with its name and length, as writable configurable properties", () => {
    const names = METHODS.split(" ").map((m) => m.split("/")[0]);
    expect(run(`${JSON.stringify(names)}.map((n) => fnInfo(Array.prototype[n])).join(" ")`)).toBe(
      METHODS,
    );
    expect(run(`${JSON.stringify(names)}.every((n) => desc(Array.prototype, n) === "vwc")`)).toBe(
      true,
    );
  });

  it("@@iterator is values; @@unscopables lists the ES2023 names", () => {
    expect(
      run(`var u = Array.prototype[Symbol.unscopables];
        [Array.prototype[Symbol.iterator] === Array.prototype.values, desc(Array.prototype, Symbol.iterator),
         desc(Array.prototype, Symbol.unscopables), Object.getPrototypeOf(u), Object.keys(u).join(), desc(u, "flat")]`),
    ).toEqual([
      true,
      "vwc",
      "vc",
      null,
      "at,copyWithin,entries,fill,find,findIndex,findLast,findLastIndex,flat,flatMap,includes,keys,toReversed,toSorted,toSpliced,values",
      "vwec",
    ]);
  });

  it("methods are not constructors and coerce this", () => {
    expect(
      run(
        `[thrown(() => new Array.prototype.map(() => 1)), thrown(() => Array.prototype.map.call(null, () => 1)), thrown(() => Array.prototype.join.call(undefined))]`,
      ),
    ).toEqual(["TypeError", "TypeError", "TypeError"]);
    expect(run(`Array.prototype.map.call("ab", (c) => c + c).join()`)).toBe("aa,bb");
  });
});

describe("accessors and search", () => {
  it("at", () => {
    expect(
      run(
        `var a = [1, 2, 3]; [a.at(0), a.at(-1), a.at(3), a.at(-4), a.at("1"), a.at(1.7), a.at(), Array.prototype.at.call({ length: 2, 1: "x" }, -1)]`,
      ),
    ).toEqual([1, 3, undefined, undefined, 2, 2, 1, "x"]);
  });

  it("includes uses SameValueZero and reads holes as undefined", () => {
    expect(
      run(
        `[[NaN].includes(NaN), [0].includes(-0), [1, , 3].includes(undefined), [1, 2, 3].includes(1, 1), [1, 2, 3].includes(3, -1), [1].includes(1, Infinity), [].includes(undefined)]`,
      ),
    ).toEqual([true, true, true, false, true, false, false]);
  });

  it("indexOf / lastIndexOf use strict equality and skip holes", () => {
    expect(
      run(`[[NaN].indexOf(NaN), [1, , 3].indexOf(undefined), [1, 2, 1].indexOf(1, 1), [1, 2, 1].indexOf(1, -1), [1, 2, 1].lastIndexOf(1), [1, 2, 1].lastIndexOf(1, -2),
        [1, 2, 1].lastIndexOf(1, -Infinity), [0].indexOf(-0), [1, 2].lastIndexOf(2, undefined), [1].indexOf(1, -Infinity)]`),
    ).toEqual([-1, -1, 2, 2, 2, 0, -1, 0, -1, 0]);
  });

  it("holes read through the prototype chain", () => {
    expect(
      run(`Array.prototype[1] = "P"; Object.prototype[2] = "O"; var a = [0, , , 3];
        var r = [a.indexOf("P"), a.includes("O"), a.join(), a.at(1), a.map((x) => x).join(), a.lastIndexOf("O"), a.slice(0, 3).join()];
        delete Array.prototype[1]; delete Object.prototype[2]; r`),
    ).toEqual([1, true, "0,P,O,3", "P", "0,P,O,3", 2, "0,P,O"]);
  });

  it("getters on elements run in order", () => {
    expect(
      run(
        `var log = []; var a = [1, 2]; Object.defineProperty(a, 0, { get() { log.push("g0"); return 1; } }); a.indexOf(2); a.includes(9); log.join()`,
      ),
    ).toBe("g0,g0");
  });

  it("work on array-likes and proxies", () => {
    expect(
      run(
        `var o = { length: 3, 0: "a", 1: "b", 2: "c" }; [Array.prototype.indexOf.call(o, "c"), Array.prototype.join.call(o, "+"), Array.prototype.includes.call(o, "b")]`,
      ),
    ).toEqual([2, "a+b+c", true]);
    expect(
      run(`var log = []; var p = new Proxy([1, 2], { get(t, k, r) { log.push(String(k)); return Reflect.get(t, k, r); }, has(t, k) { log.push("has:" + String(k)); return Reflect.has(t, k); } });
        Array.prototype.indexOf.call(p, 2); log.join()`),
    ).toBe("length,has:0,0,has:1,1");
  });
});

describe("join, toString, toLocaleString", () => {
  it("join", () => {
    expect(
      run(
        `[[1, null, undefined, 2].join(), [1, 2].join(undefined), [1, 2].join(""), [[1, 2], [3]].join(";"), [].join(), [1, 2].join({ toString() { return "|"; } })]`,
      ),
    ).toEqual(["1,,,2", "1,2", "12", "1,2;3", "", "1|2"]);
  });

  it("a cyclic array joins as empty where it recurs", () => {
    expect(run(`var a = [1, 2]; a.push(a); [a.join(), String(a)]`)).toEqual(["1,2,", "1,2,"]);
  });

  it("deep nesting is bounded by the call depth", () => {
    expect(
      run(`var a = []; for (var i = 0; i < 100000; i++) a = [a]; thrown(() => a.join())`),
    ).toBe("RangeError");
  });

  it("toString falls back to Object.prototype.toString", () => {
    expect(
      run(
        `[[1, 2].toString(), Array.prototype.toString.call({ join: null }), Array.prototype.toString.call({ join() { return "J"; } })]`,
      ),
    ).toEqual(["1,2", "[object Object]", "J"]);
  });

  it("toLocaleString invokes toLocaleString on each element", () => {
    expect(
      run(
        `[[1, null, { toLocaleString() { return "L"; } }].toLocaleString(), thrown(() => [{ toLocaleString: 1 }].toLocaleString())]`,
      ),
    ).toEqual(["1,,L", "TypeError"]);
  });

  it("a huge join is metered", () => {
    expect(() => run(`var a = new Array(2 ** 30); a.join("xxxxxxxx")`, tinyFuel)).toThrow(
      /fuel|memory/,
    );
  });
});

describe("callback methods", () => {
  it("forEach / map / filter / every / some skip holes and pass (value, index, array)", () => {
    expect(
      run(`var a = [1, , 3]; var seen = []; a.forEach(function (v, i, arr) { seen.push(v + ":" + i + ":" + (arr === a) + ":" + this.t); }, { t: "T" });
        [seen.join(), show(a.map((x) => x * 2)), a.filter(() => true).length, a.every((x) => x !== undefined), a.some((x) => x === undefined)]`),
    ).toEqual(["1:0:true:T,3:2:true:T", [2, "<hole>", 6], 2, true, false]);
  });

  it("find / findIndex / findLast / findLastIndex visit holes", () => {
    expect(
      run(`var a = [1, , 3]; var n = 0; a.find(() => { n++; return false; });
        [n, a.find((x) => x > 1), a.findIndex((x) => x === undefined), a.findLast((x) => x < 3), a.findLastIndex((x) => x === 9), a.findLast((x, i) => i === 1)]`),
    ).toEqual([3, 3, 1, 1, -1, undefined]);
  });

  it("the length is read once; elements added later are not visited, deleted ones are skipped", () => {
    expect(
      run(
        `var a = [1, 2, 3]; var seen = []; a.forEach((x, i) => { if (i === 0) { a.push(4); a.pop(); a.pop(); } seen.push(x); }); seen.join()`,
      ),
    ).toBe("1,2");
    expect(
      run(
        `var a = [1, 2, 3]; var seen = []; a.map((x) => { a.push(0); seen.push(x); return x; }).length + ":" + seen.join()`,
      ),
    ).toBe("3:1,2,3");
  });

  it("reduce / reduceRight", () => {
    expect(
      run(`[[1, 2, 3].reduce((a, b) => a + b), [1, 2, 3].reduce((a, b) => a + b, 10), ["a", "b", "c"].reduceRight((a, b) => a + b), [, 1, , 2, ,].reduce((a, b) => a + b),
        thrown(() => [].reduce((a, b) => a)), thrown(() => [, ,].reduceRight((a, b) => a)), [].reduce((a) => a, "init"), [1].reduce(function () { "use strict"; return this; }, 0)]`),
    ).toEqual([6, 16, "cba", 3, "TypeError", "TypeError", "init", undefined]);
    expect(
      run(
        `var args; [5, 6].reduce(function () { args = Array.from(arguments); }, 0); [args.length, args[2], args[3].length]`,
      ),
    ).toEqual([4, 1, 2]);
  });

  it("non-callable callbacks throw TypeError after reading length", () => {
    expect(
      run(`var log = []; var o = { get length() { log.push("len"); return 0; } };
        ["forEach", "map", "filter", "every", "some", "find", "findIndex", "findLast", "findLastIndex", "reduce", "reduceRight", "flatMap"]
          .map((m) => thrown(() => Array.prototype[m].call(o, 1))).join() + " " + log.length`),
    ).toBe(
      "TypeError,TypeError,TypeError,TypeError,TypeError,TypeError,TypeError,TypeError,TypeError,TypeError,TypeError,TypeError 12",
    );
  });

  it("map/filter use species", () => {
    expect(
      run(`var a = [1, 2]; a.constructor = {}; a.constructor[Symbol.species] = function (n) { this.n = n; return this; };
        var m = a.map((x) => x); var f = a.filter(() => true);
        [Array.isArray(m), m.n, m[1], f.n, f[0]]`),
    ).toEqual([false, 2, 2, 0, 1]);
    expect(run(`var a = [1]; a.constructor = undefined; Array.isArray(a.map((x) => x))`)).toBe(
      true,
    );
    expect(
      run(
        `var a = [1]; a.constructor = { [Symbol.species]: null }; Object.getPrototypeOf(a.map((x) => x)) === Array.prototype`,
      ),
    ).toBe(true);
    expect(run(`var a = [1]; a.constructor = 1; thrown(() => a.map((x) => x))`)).toBe("TypeError");
    expect(
      run(`var a = [1]; a.constructor = { [Symbol.species]: 1 }; thrown(() => a.map((x) => x))`),
    ).toBe("TypeError");
    expect(
      run(
        `var o = { length: 1, 0: 1, constructor: { [Symbol.species]: function () { throw 1; } } }; Array.isArray(Array.prototype.map.call(o, (x) => x))`,
      ),
    ).toBe(true);
    expect(
      run(
        `var a = [1]; a.constructor = {}; a.constructor[Symbol.species] = function () { return Object.freeze({}); }; thrown(() => a.map((x) => x))`,
      ),
    ).toBe("TypeError");
  });

  it("a callback loop is metered", () => {
    expect(() =>
      run(`var a = new Array(5e4).fill(1); for (;;) a.forEach(() => {});`, tinyFuel),
    ).toThrow(/fuel/);
  });
});

describe("concat", () => {
  it("spreads arrays and respects isConcatSpreadable", () => {
    expect(
      run(`var o = { length: 2, 0: "x", 1: "y", [Symbol.isConcatSpreadable]: true }; var arr = [9]; arr[Symbol.isConcatSpreadable] = false;
        [show([1].concat([2, [3]], 4, o)), [1].concat(arr).length, show([1, , 3].concat([, 5])), [].concat("ab").length]`),
    ).toEqual([[1, 2, [3], 4, "x", "y"], 2, [1, "<hole>", 3, "<hole>", 5], 1]);
  });

  it("spreads proxies of arrays and throws on revoked ones", () => {
    expect(run(`[].concat(new Proxy([1, 2], {})).length`)).toBe(2);
    expect(
      run(`var r = Proxy.revocable([], {}); r.revoke(); thrown(() => [].concat(r.proxy))`),
    ).toBe("TypeError");
  });

  it("throws TypeError past 2^53 - 1 elements", () => {
    expect(
      run(
        `var o = { length: 2 ** 53 - 1, [Symbol.isConcatSpreadable]: true }; thrown(() => [1].concat(o))`,
      ),
    ).toBe("TypeError");
  });

  it("the result length is set even with trailing holes", () => {
    expect(run(`[, ,].concat([, ,]).length`)).toBe(4);
  });
});

describe("copyWithin and fill", () => {
  it("copyWithin", () => {
    expect(
      run(`[show([1, 2, 3, 4, 5].copyWithin(0, 3)), show([1, 2, 3, 4, 5].copyWithin(1, 0)), show([1, 2, 3, 4, 5].copyWithin(-2, -4, -3)), show([1, , 3].copyWithin(0, 1)),
        show(Array.prototype.copyWithin.call({ length: 3, 0: "a", 2: "c" }, 1, 0)), show([1, 2, 3].copyWithin(0, 1, Infinity))]`),
    ).toEqual([
      [4, 5, 3, 4, 5],
      [1, 1, 2, 3, 4],
      [1, 2, 3, 2, 5],
      ["<hole>", 3, 3],
      ["a", "a", "<hole>"],
      [2, 3, 3],
    ]);
    expect(
      run(
        `var o = Array.prototype.copyWithin.call({ length: 3, 0: "a", 2: "c" }, 1, 0); [o[1], 2 in o]`,
      ),
    ).toEqual(["a", false]);
  });

  it("fill", () => {
    expect(
      run(
        `[show([1, 2, 3].fill(0)), show([1, 2, 3].fill(0, 1, 2)), show([1, 2, 3].fill(0, -1)), show(new Array(3).fill("x")), show(Array.prototype.fill.call({ length: 2 }, 7))]`,
      ),
    ).toEqual([
      [0, 0, 0],
      [1, 0, 3],
      [1, 2, 0],
      ["x", "x", "x"],
      [7, 7],
    ]);
    expect(run(`thrown(() => Object.freeze([1]).fill(0))`)).toBe("TypeError");
    expect(run(`Object.freeze([]).fill(0).length`)).toBe(0);
  });

  it("fill runs setters on the prototype chain for holes", () => {
    expect(
      run(
        `var log = []; Object.defineProperty(Array.prototype, "1", { set(v) { log.push(v); }, configurable: true }); var a = [0, , 2]; a.fill(9); delete Array.prototype[1]; [log.join(), show(a)]`,
      ),
    ).toEqual(["9", [9, "<hole>", 9]]);
  });
});

describe("push, pop, shift, unshift", () => {
  it("behave as in the spec on arrays", () => {
    expect(
      run(`var a = [1, 2]; var r = [a.push(3, 4), a.pop(), a.shift(), a.unshift(0, 0.5), show(a), [].pop(), [].shift(), a.push(), a.unshift()];
        r.concat([show([, 1].concat()), [, 1].shift(), [1, ,].pop()])`),
    ).toEqual([
      4,
      4,
      1,
      4,
      [0, 0.5, 2, 3],
      undefined,
      undefined,
      4,
      4,
      ["<hole>", 1],
      undefined,
      undefined,
    ]);
  });

  it("work generically on array-likes", () => {
    expect(
      run(`var o = { length: "2", 0: "a", 1: "b" };
        var r = [Array.prototype.push.call(o, "c"), o.length, Array.prototype.pop.call(o), o.length, 2 in o, Array.prototype.shift.call(o), o[0], o.length, 1 in o,
          Array.prototype.unshift.call(o, "x", "y"), o[0], o[2], o.length];
        var e = {}; Array.prototype.pop.call(e); r.concat([e.length])`),
    ).toEqual([3, 3, "c", 2, false, "a", "b", 1, false, 3, "x", "b", 3, 0]);
  });

  it("length overflow throws TypeError", () => {
    expect(
      run(
        `var o = { length: 2 ** 53 - 1 }; [thrown(() => Array.prototype.push.call(o, 1)), thrown(() => Array.prototype.unshift.call(o, 1)), Array.prototype.unshift.call(o)]`,
      ),
    ).toEqual(["TypeError", "TypeError", 2 ** 53 - 1]);
    expect(
      run(`var a = []; a.length = 2 ** 32 - 1; [thrown(() => a.push(1)), a[4294967295], a.length]`),
    ).toEqual(["RangeError", 1, 4294967295]);
  });

  it("non-writable length throws TypeError", () => {
    expect(
      run(
        `var a = [1]; Object.defineProperty(a, "length", { writable: false }); [thrown(() => a.push(2)), thrown(() => a.pop()), thrown(() => a.shift()), thrown(() => a.unshift(0)), show(a)]`,
      ),
    ).toEqual(["TypeError", "TypeError", "TypeError", "TypeError", [0]]);
  });

  it("frozen arrays reject changes", () => {
    expect(
      run(
        `var a = Object.freeze([1, 2]); [thrown(() => a.push(3)), thrown(() => a.pop()), thrown(() => a.shift()), thrown(() => a.reverse()), thrown(() => a.sort()), a.join()]`,
      ),
    ).toEqual(["TypeError", "TypeError", "TypeError", "TypeError", "TypeError", "1,2"]);
  });

  it("shift/unshift move holes through the prototype chain", () => {
    expect(
      run(
        `Array.prototype[1] = "P"; var a = [0, , 2]; var s = a.shift(); var r = [s, a.hasOwnProperty(0), a[0], a.length]; delete Array.prototype[1]; r`,
      ),
    ).toEqual([0, true, "P", 2]);
  });

  it("push is metered by memory", () => {
    expect(() => run(`var a = []; for (;;) a.push(1, 2, 3, 4, 5, 6, 7, 8);`, tinyMemory)).toThrow(
      /memory/,
    );
  });
});

describe("reverse", () => {
  it("reverses with holes", () => {
    expect(
      run(
        `[show([1, 2, 3].reverse()), show([1, , 3, ,].reverse()), show(Array.prototype.reverse.call({ length: 3, 0: "a" }))]`,
      ),
    ).toEqual([
      [3, 2, 1],
      ["<hole>", 3, "<hole>", 1],
      ["<hole>", "<hole>", "a"],
    ]);
  });
});

describe("slice and splice", () => {
  it("slice", () => {
    expect(
      run(
        `var a = [1, 2, 3, 4]; [show(a.slice()), show(a.slice(1, 3)), show(a.slice(-2)), show(a.slice(2, -1)), show(a.slice(3, 1)), show([1, , 3].slice(1)), show(a.slice(-Infinity, Infinity))]`,
      ),
    ).toEqual([[1, 2, 3, 4], [2, 3], [3, 4], [3], [], ["<hole>", 3], [1, 2, 3, 4]]);
    expect(
      run(
        `var s = Array.prototype.slice.call({ length: 3, 0: 1, 2: 3 }); [Array.isArray(s), s.length, 1 in s]`,
      ),
    ).toEqual([true, 3, false]);
    expect(run(`Array.prototype.slice.call("abc", 1).join("")`)).toBe("bc");
  });

  it("splice", () => {
    expect(
      run(`var a = [1, 2, 3, 4, 5]; var r = [show(a.splice(1, 2)), show(a)];
        var b = [1, 2, 3]; r.push(show(b.splice(1, 0, "x", "y")), show(b));
        var c = [1, 2, 3]; r.push(show(c.splice(-1)), show(c));
        var d = [1, 2, 3]; r.push(show(d.splice()), show(d));
        var e = [1, 2, 3]; r.push(show(e.splice(0, 1, "a", "b", "c")), show(e));
        var f = [1, , 3, , 5]; r.push(show(f.splice(1, 2)), show(f));
        var g = [1, 2]; r.push(show(g.splice(1, undefined)), show(g));
        r`),
    ).toEqual([
      [2, 3],
      [1, 4, 5],
      [],
      [1, "x", "y", 2, 3],
      [3],
      [1, 2],
      [],
      [1, 2, 3],
      [1],
      ["a", "b", "c", 2, 3],
      ["<hole>", 3],
      [1, "<hole>", 5],
      [],
      [1, 2],
    ]);
  });

  it("splice on array-likes deletes the tail", () => {
    expect(
      run(
        `var o = { length: 4, 0: "a", 1: "b", 2: "c", 3: "d" }; var r = Array.prototype.splice.call(o, 1, 2); [show(r), o.length, o[1], 2 in o, 3 in o]`,
      ),
    ).toEqual([["b", "c"], 2, "d", false, false]);
  });

  it("slice and splice use species", () => {
    expect(
      run(`class A extends Array {} var a = A.from([1, 2, 3]);
        [a.slice(1) instanceof A, a.splice(0, 1) instanceof A, a.concat([]) instanceof A, a.flat() instanceof A, a.flatMap((x) => [x]) instanceof A, show(a)]`),
    ).toEqual([true, true, true, true, true, [2, 3]]);
    expect(
      run(
        `var a = [1, 2, 3]; a.constructor = { [Symbol.species]: function (n) { return { length: 0, n }; } }; var r = a.splice(0, 2); [r.n, r.length, r[1], show(a)]`,
      ),
    ).toEqual([2, 2, 2, [3]]);
  });
});

describe("flat and flatMap", () => {
  it("flat", () => {
    expect(
      run(
        `var a = [1, [2, [3, [4]]], , 5]; [show(a.flat()), show(a.flat(2)), show(a.flat(Infinity)), show(a.flat(0)), show(a.flat(-1)), show([[1, , 2]].flat())]`,
      ),
    ).toEqual([
      [1, 2, [3, [4]], 5],
      [1, 2, 3, [4], 5],
      [1, 2, 3, 4, 5],
      [1, [2, [3, [4]]], 5],
      [1, [2, [3, [4]]], 5],
      [1, 2],
    ]);
    expect(run(`[].flat.call({ length: 2, 0: [1], 1: new Proxy([2], {}) }).join()`)).toBe("1,2");
  });

  it("flatMap flattens one level and passes thisArg", () => {
    expect(
      run(
        `[show([1, 2].flatMap(function (x, i) { return [x * this.k, [i]]; }, { k: 10 })), show([1].flatMap(() => 5)), [1].flatMap((x, i, a) => [a.length])[0]]`,
      ),
    ).toEqual([[10, [0], 20, [1]], [5], 1]);
  });

  it("a cyclic flat(Infinity) stops at the call depth", () => {
    expect(run(`var a = [1]; a.push(a); thrown(() => a.flat(Infinity))`)).toBe("RangeError");
  });
});

describe("change-array-by-copy", () => {
  it("toReversed / toSpliced / with never mutate and read holes as undefined", () => {
    expect(
      run(`var a = [1, , 3];
        [show(a.toReversed()), show(a.toSpliced(1, 1, "x", "y")), show(a.with(1, "w")), show(a.with(-1, "z")), show(a), show(a.toSpliced()), show(a.toSpliced(1)),
         thrown(() => a.with(3, 0)), thrown(() => a.with(-4, 0)), Object.getPrototypeOf(a.toReversed()) === Array.prototype]`),
    ).toEqual([
      [3, undefined, 1],
      [1, "x", "y", 3],
      [1, "w", 3],
      [1, undefined, "z"],
      [1, "<hole>", 3],
      [1, undefined, 3],
      [1],
      "RangeError",
      "RangeError",
      true,
    ]);
  });

  it("do not use species", () => {
    expect(
      run(
        `class A extends Array {} var a = A.from([2, 1]); [a.toReversed() instanceof A, a.toSorted() instanceof A, a.toSpliced(0) instanceof A, a.with(0, 1) instanceof A]`,
      ),
    ).toEqual([false, false, false, false]);
  });

  it("throw RangeError for lengths above 2^32 - 1", () => {
    expect(
      run(
        `var o = { length: 2 ** 32 }; [thrown(() => Array.prototype.toReversed.call(o)), thrown(() => Array.prototype.toSorted.call(o)), thrown(() => Array.prototype.with.call(o, 0, 0)), thrown(() => Array.prototype.toSpliced.call(o, 0, 0))]`,
      ),
    ).toEqual(["RangeError", "RangeError", "RangeError", "RangeError"]);
    expect(
      run(`thrown(() => Array.prototype.toSpliced.call({ length: 2 ** 53 - 1 }, 0, 0, 1))`),
    ).toBe("TypeError");
  });
});

describe("sort and toSorted", () => {
  it("default order compares strings; undefined last; holes removed to the end", () => {
    expect(
      run(
        `[show([10, 9, 1, undefined, 2].sort()), show([3, , undefined, 1].sort()), show(["b", "a", "B"].sort()), show([true, false].sort()), [-0, 0, -1].sort().map((x) => 1 / x)]`,
      ),
    ).toEqual([
      [1, 10, 2, 9, undefined],
      [1, 3, undefined, "<hole>"],
      ["B", "a", "b"],
      [false, true],
      [-1, -Infinity, Infinity],
    ]);
  });

  it("comparator: numeric, stable, NaN counts as equal", () => {
    expect(
      run(`var people = []; for (var i = 0; i < 30; i++) people.push({ age: i % 3, id: i });
        people.sort((a, b) => a.age - b.age);
        var stable = people.every((p, i) => i === 0 || people[i - 1].age < p.age || people[i - 1].id < p.id);
        [stable, show([5, 1, 4].sort((a, b) => b - a)), show([3, 1, 2].sort(() => NaN)), show([3, 1, 2].sort((a, b) => ({ valueOf() { return a - b; } })))]`),
    ).toEqual([true, [5, 4, 1], [3, 1, 2], [1, 2, 3]]);
  });

  it("the comparator is not called with undefined, and errors abort before writing", () => {
    expect(
      run(
        `var calls = []; [2, undefined, 1].sort((a, b) => { calls.push(typeof a, typeof b); return a - b; }); calls.includes("undefined")`,
      ),
    ).toBe(false);
    expect(
      run(`var a = [3, 2, 1]; [thrown(() => a.sort(() => { throw new RangeError(); })), show(a)]`),
    ).toEqual(["RangeError", [3, 2, 1]]);
    expect(
      run(
        `[thrown(() => [1].sort(1)), thrown(() => [1].sort(null)), thrown(() => [].toSorted("x"))]`,
      ),
    ).toEqual(["TypeError", "TypeError", "TypeError"]);
    expect(
      run(
        `var log = []; var o = { get length() { log.push("len"); return 0; } }; thrown(() => Array.prototype.sort.call(o, 1)); log.length`,
      ),
    ).toBe(0);
  });

  it("default order calls toString on objects; symbols throw", () => {
    expect(
      run(
        `show([{ toString() { return "b"; } }, "a", { toString() { return "c"; } }].sort().map(String))`,
      ),
    ).toEqual(["a", "b", "c"]);
    expect(run(`[thrown(() => [Symbol(), Symbol()].sort()), [Symbol()].sort().length]`)).toEqual([
      "TypeError",
      1,
    ]);
  });

  it("sorts array-likes and reads holes through the prototype", () => {
    expect(
      run(
        `var o = { length: 4, 0: "d", 1: "a", 3: "c" }; Array.prototype.sort.call(o); [o[0], o[1], o[2], 3 in o, o.length]`,
      ),
    ).toEqual(["a", "c", "d", false, 4]);
    expect(
      run(
        `Array.prototype[1] = "P"; var a = ["z", , "a"]; a.sort(); var r = [show(a), a.hasOwnProperty(1)]; delete Array.prototype[1]; r`,
      ),
    ).toEqual([["P", "a", "z"], true]);
  });

  it("toSorted reads holes as undefined and leaves the source alone", () => {
    expect(
      run(`var a = [3, , 1]; [show(a.toSorted()), show(a), show(a.toSorted((x, y) => y - x))]`),
    ).toEqual([
      [1, 3, undefined],
      [3, "<hole>", 1],
      [3, 1, undefined],
    ]);
  });

  it("sorting is metered", () => {
    expect(() =>
      run(
        `var a = []; for (var i = 0; i < 20000; i++) a.push((i * 7919) % 20000); a.sort((x, y) => x - y);`,
        tinyFuel,
      ),
    ).toThrow(/fuel/);
  });

  it("sorts a larger input correctly", () => {
    expect(
      run(
        `var a = []; for (var i = 0; i < 2000; i++) a.push((i * 7919) % 2003); var s = a.slice().sort((x, y) => x - y); s.every((v, i) => i === 0 || s[i - 1] <= v) && s.length === 2000`,
      ),
    ).toBe(true);
  });
});

describe("iteration methods", () => {
  it("keys / values / entries", () => {
    expect(
      run(
        `var a = ["a", , "c"]; [[...a.keys()], [...a.values()], [...a.entries()].map((e) => e.join(":")), [...Array.prototype.keys.call({ length: 2 })]]`,
      ),
    ).toEqual([
      [0, 1, 2],
      ["a", undefined, "c"],
      ["0:a", "1:", "2:c"],
      [0, 1],
    ]);
  });
});
