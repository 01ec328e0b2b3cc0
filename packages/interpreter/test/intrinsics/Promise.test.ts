import { describe, expect, it } from "vitest";
import { createSandbox, ResourceExhaustedError } from "../../src/index.js";

const PRELUDE = `
var log = [];
function thrown(f) { try { f(); return "none"; } catch (e) { return e === null || typeof e !== "object" ? String(e) : e.name; } }
function desc(o, k) { var d = Object.getOwnPropertyDescriptor(o, k); if (d === undefined) return "none"; return ("value" in d ? "v" : "") + ("get" in d ? "g" : "") + (d.writable ? "w" : "") + (d.enumerable ? "e" : "") + (d.configurable ? "c" : ""); }
function fnInfo(f) { return f.name + "/" + f.length; }
function iter(values, onReturn) {
  var i = 0;
  return { [Symbol.iterator]() { return { next() { return i < values.length ? { value: values[i++], done: false } : { done: true }; }, return() { log.push("return"); if (onReturn) onReturn(); return {}; } }; } };
}
`;

type Options = NonNullable<Parameters<typeof createSandbox>[0]>;

/** Runs `code` (the job queue drains after it) and returns the guest `log` array afterwards. */
function settled(code: string, options?: Options): unknown {
  const sb = createSandbox(options);
  sb.runSync(PRELUDE + code);
  return sb.runSync("log");
}

describe("Promise: shape", () => {
  it("has the spec's properties, lengths and names", () => {
    const sb = createSandbox();
    expect(
      sb.runSync(`${PRELUDE}
        var P = Promise.prototype;
        [fnInfo(Promise), desc(globalThis, "Promise"), desc(Promise, "prototype"),
         ["all", "allSettled", "any", "race", "reject", "resolve", "withResolvers"].map((k) => fnInfo(Promise[k]) + desc(Promise, k)).join(),
         ["catch", "finally", "then"].map((k) => fnInfo(P[k]) + desc(P, k)).join(),
         desc(P, "constructor"), P.constructor === Promise,
         P[Symbol.toStringTag], desc(P, Symbol.toStringTag),
         Promise[Symbol.species] === Promise, Object.getOwnPropertyDescriptor(Promise, Symbol.species).get.name,
         Object.prototype.toString.call(Promise.resolve()), Object.getPrototypeOf(P) === Object.prototype,
         Object.getPrototypeOf(Promise) === Function.prototype]`),
    ).toEqual([
      "Promise/1",
      "vwc",
      "v",
      "all/1vwc,allSettled/1vwc,any/1vwc,race/1vwc,reject/1vwc,resolve/1vwc,withResolvers/0vwc",
      "catch/1vwc,finally/1vwc,then/2vwc",
      "vwc",
      true,
      "Promise",
      "vc",
      true,
      "get [Symbol.species]",
      "[object Promise]",
      true,
      true,
    ]);
  });

  it("gives the executor anonymous, non-constructor resolving functions", () => {
    expect(
      settled(`var res, rej; new Promise((a, b) => { res = a; rej = b; });
        log.push(fnInfo(res), fnInfo(rej), desc(res, "name"), "prototype" in res, thrown(() => new res()));`),
    ).toEqual(["/1", "/1", "vc", false, "TypeError"]);
  });

  it("requires new, a callable executor and promise receivers", () => {
    expect(
      settled(`log.push(thrown(() => Promise(() => {})), thrown(() => new Promise()), thrown(() => new Promise({})),
        thrown(() => Promise.prototype.then.call({}, () => {})), thrown(() => Promise.prototype.then.call(Promise.prototype)),
        thrown(() => Promise.resolve.call(1)), thrown(() => Promise.reject.call({})), thrown(() => Promise.all.call(undefined, [])),
        thrown(() => Promise.prototype.finally.call(1)), thrown(() => Promise.withResolvers.call(() => {})));`),
    ).toEqual(Array(10).fill("TypeError"));
  });
});

describe("Promise: settlement and job order", () => {
  it("runs the executor synchronously and reactions later, first settlement wins", () => {
    expect(
      settled(`var p = new Promise((resolve, reject) => { log.push("exec"); resolve(1); resolve(2); reject(3); });
        p.then((v) => log.push("then " + v));
        log.push("sync");
        new Promise(() => { throw new RangeError("x"); }).catch((e) => log.push(e.name));
        new Promise((resolve) => { resolve("ok"); throw new Error("ignored"); }).then((v) => log.push(v));`),
    ).toEqual(["exec", "sync", "then 1", "RangeError", "ok"]);
  });

  it("interleaves then-chains one job at a time, FIFO", () => {
    expect(
      settled(`Promise.resolve().then(() => log.push("a1")).then(() => log.push("a2")).then(() => log.push("a3"));
        Promise.resolve().then(() => log.push("b1")).then(() => log.push("b2")).then(() => log.push("b3"));`),
    ).toEqual(["a1", "b1", "a2", "b2", "a3", "b3"]);
  });

  it("takes two extra ticks to adopt a thenable or a promise", () => {
    expect(
      settled(`var p = Promise.resolve(0);
        new Promise((r) => r(p)).then(() => log.push("adopted"));
        p.then(() => log.push("t1")).then(() => log.push("t2")).then(() => log.push("t3"));`),
    ).toEqual(["t1", "t2", "adopted", "t3"]);
    expect(
      settled(`Promise.resolve().then(() => Promise.resolve("r")).then((v) => log.push(v));
        Promise.resolve().then(() => log.push(1)).then(() => log.push(2)).then(() => log.push(3)).then(() => log.push(4));`),
    ).toEqual([1, 2, 3, "r", 4]);
  });

  it("reads a resolution's then once, calls it in a job, and survives a throwing getter", () => {
    expect(
      settled(`var reads = 0;
        var thenable = { get then() { reads++; log.push("get"); return (f) => { log.push("call"); f("T"); f("again"); }; } };
        new Promise((r) => { r(thenable); log.push("after resolve"); }).then((v) => log.push(v, reads));
        var bad = { get then() { throw new TypeError("then getter"); } };
        Promise.resolve(bad).catch((e) => log.push(e.message));
        log.push("sync");`),
    ).toEqual(["get", "after resolve", "sync", "call", "then getter", "T", 1]);
  });

  it("rejects a promise resolved with itself", () => {
    expect(
      settled(`var resolve; var p = new Promise((r) => { resolve = r; }); resolve(p);
        p.catch((e) => log.push(e instanceof TypeError));
        var q = Promise.resolve().then(() => q); q.catch((e) => log.push(e.name));`),
    ).toEqual([true, "TypeError"]);
  });

  it("passes values and reasons through missing handlers", () => {
    expect(
      settled(`Promise.resolve(1).then(null, null).then(5).then((v) => log.push(v));
        Promise.reject(2).then((v) => log.push("no")).then(undefined, (e) => { log.push(e); return "recovered"; }).then((v) => log.push(v));
        Promise.resolve(3).then(() => { throw 4; }).catch((e) => log.push("caught " + e));`),
    ).toEqual([2, "caught 4", 1, "recovered"]);
  });

  it("resolve returns the same promise for a %Promise% instance and wraps others", () => {
    expect(
      settled(`var p = Promise.resolve(1);
        log.push(Promise.resolve(p) === p, Promise.reject(p) === p);
        Promise.reject(p).catch((e) => log.push(e === p));
        class Sub extends Promise {}
        log.push(Sub.resolve(p) === p, Sub.resolve(p) instanceof Sub);`),
    ).toEqual([true, false, false, true, true]);
  });
});

describe("Promise: subclassing and species", () => {
  it("constructs subclasses and follows the species constructor in then", () => {
    expect(
      settled(`class MyPromise extends Promise { static get [Symbol.species]() { log.push("species"); return Promise; } }
        var p = new MyPromise((r) => r(1));
        log.push(p instanceof MyPromise, Object.prototype.toString.call(p));
        var q = p.then((v) => v);
        log.push(q instanceof MyPromise, q instanceof Promise);
        class Keep extends Promise {}
        var k = Keep.resolve(2).then((v) => v).finally(() => {});
        log.push(k instanceof Keep);
        Keep.all([1]).then((v) => log.push("all", v[0]));`),
    ).toEqual([true, "[object Promise]", "species", false, true, true, "all", 1]);
  });

  it("uses NewPromiseCapability with a custom constructor (executor checks)", () => {
    expect(
      settled(`function NotCallable(executor) { executor(1, 2); }
        log.push(thrown(() => Promise.resolve.call(NotCallable, 1)));
        function Twice(executor) { executor(() => {}, () => {}); executor(() => {}, () => {}); }
        log.push(thrown(() => Promise.resolve.call(Twice, 1)));
        var seen;
        function Custom(executor) { executor((v) => { seen = v; }, () => {}); }
        Promise.resolve.call(Custom, 42);
        log.push(seen);
        var p = Promise.resolve(1);
        p.constructor = { [Symbol.species]: Custom };
        log.push(p.then(() => 3) instanceof Custom);`),
    ).toEqual(["TypeError", "TypeError", 42, true]);
  });

  it("withResolvers returns a fresh capability of this", () => {
    expect(
      settled(`var r = Promise.withResolvers();
        log.push(Object.keys(r).join(), r.promise instanceof Promise, fnInfo(r.resolve));
        r.promise.then((v) => log.push(v));
        r.resolve("done"); r.reject("ignored");
        class Sub extends Promise {}
        log.push(Sub.withResolvers().promise instanceof Sub);`),
    ).toEqual(["promise,resolve,reject", true, "/1", true, "done"]);
  });
});

describe("Promise.prototype.finally", () => {
  it("keeps the value or reason, waits for the callback's promise, lets it override with a rejection", () => {
    expect(
      settled(`Promise.resolve(1).finally(() => { log.push("f1"); return 99; }).then((v) => log.push("v" + v));
        Promise.reject(2).finally(() => { log.push("f2"); }).catch((e) => log.push("e" + e));
        Promise.resolve(3).finally(() => { throw "override"; }).catch((e) => log.push(e));
        Promise.reject(4).finally(() => Promise.reject("later")).catch((e) => log.push(e));
        Promise.resolve(5).finally((...args) => log.push("args " + args.length));
        Promise.resolve(6).finally("not callable").then((v) => log.push("nc" + v));`),
    ).toEqual(["f1", "f2", "args 0", "override", "nc6", "v1", "e2", "later"]);
  });

  it("calls then with closures of length 1 and passes non-callables through", () => {
    expect(
      settled(`var p = Promise.resolve(1);
        p.then = function (a, b) { log.push(typeof a, a.length, typeof b, b.length); return "ret"; };
        log.push(p.finally(() => {}));
        p.then = function (a, b) { log.push(a, b); };
        p.finally(7);`),
    ).toEqual(["function", 1, "function", 1, "ret", 7, 7]);
  });
});

describe("Promise combinators", () => {
  it("all resolves in input order, rejects with the first rejection", () => {
    expect(
      settled(`var d = Promise.withResolvers();
        Promise.all([d.promise, 2, Promise.resolve(3), { then(f) { f(4); } }]).then((v) => log.push(v.join()));
        d.resolve(1);
        Promise.all([]).then((v) => log.push("empty " + Array.isArray(v) + v.length));
        Promise.all([Promise.reject("first"), Promise.reject("second")]).catch((e) => log.push(e));
        Promise.all("ab").then((v) => log.push(v.join("+")));`),
    ).toEqual(["empty true0", "first", "a+b", "1,2,3,4"]);
  });

  it("allSettled reports every outcome", () => {
    expect(
      settled(
        `Promise.allSettled([1, Promise.reject("no"), new Promise((r) => r("later"))]).then((v) => log.push(JSON.stringify(v)));`,
      ),
    ).toEqual([
      '[{"status":"fulfilled","value":1},{"status":"rejected","reason":"no"},{"status":"fulfilled","value":"later"}]',
    ]);
  });

  it("any resolves with the first fulfilment or rejects with an AggregateError", () => {
    expect(
      settled(`Promise.any([Promise.reject(1), Promise.resolve(2), Promise.resolve(3)]).then((v) => log.push(v));
        Promise.any([Promise.reject("a"), Promise.reject("b")]).catch((e) => log.push(e.constructor === AggregateError, e.errors.join(), desc(e, "errors"), e instanceof Error));
        Promise.any([]).catch((e) => log.push(e.name, e.errors.length));`),
    ).toEqual(["AggregateError", 0, 2, true, "a,b", "vwc", true]);
  });

  it("race settles with the first to settle", () => {
    expect(
      settled(`var slow = Promise.withResolvers();
        Promise.race([slow.promise, Promise.resolve("fast")]).then((v) => log.push(v));
        Promise.race([new Promise(() => {}), Promise.reject("boom")]).catch((e) => log.push(e));
        var never = Promise.race([]); never.then(() => log.push("never"));
        slow.resolve("slow");`),
    ).toEqual(["fast", "boom"]);
  });

  it("reads resolve once and calls it with the constructor as this", () => {
    expect(
      settled(`var calls = 0; var orig = Promise.resolve;
        Object.defineProperty(Promise, "resolve", { configurable: true, get() { calls++; return function (v) { log.push(this === Promise); return orig.call(this, v); }; } });
        Promise.all([1, 2, 3]); Promise.race([1]);
        log.push("reads " + calls);
        Object.defineProperty(Promise, "resolve", { configurable: true, writable: true, value: orig });`),
    ).toEqual([true, true, true, true, "reads 2"]);
  });

  it("close the iterator when a step after it fails, not when the iterator itself fails", () => {
    expect(
      settled(`
        // resolve throws: the iterator is closed, the result rejects
        var orig = Promise.resolve;
        Promise.resolve = function () { throw new Error("resolve failed"); };
        for (const m of ["all", "allSettled", "any", "race"]) Promise[m](iter([1])).catch((e) => log.push(m + ": " + e.message));
        Promise.resolve = orig;
        // then throws: closed too
        var bad = Promise.resolve(1); bad.then = () => { throw new Error("then failed"); };
        Promise.all(iter([bad])).catch((e) => log.push("all then: " + e.message));
        // next throws: not closed
        var throwingIter = { [Symbol.iterator]() { return { next() { throw new Error("next failed"); }, return() { log.push("wrong return"); return {}; } }; } };
        Promise.race(throwingIter).catch((e) => log.push("race: " + e.message));
        // not iterable
        Promise.all(5).catch((e) => log.push(e.name));
        // resolve is not callable: rejects before getting the iterator
        Promise.resolve = 1;
        Promise.allSettled(iter([1])).catch((e) => log.push("allSettled: " + e.name));
        Promise.resolve = orig;`),
    ).toEqual([
      "return",
      "return",
      "return",
      "return",
      "return",
      "all: resolve failed",
      "allSettled: resolve failed",
      "any: resolve failed",
      "race: resolve failed",
      "all then: then failed",
      "race: next failed",
      "TypeError",
      "allSettled: TypeError",
    ]);
  });

  it("calls each element function once and resolves with a fresh array", () => {
    expect(
      settled(`var fns = [];
        var thenable = { then(f, r) { fns.push(f); } };
        var res;
        Promise.all([thenable, thenable]).then((v) => { res = v; log.push(v.join()); });
        Promise.resolve().then(() => Promise.resolve()).then(() => { fns[0]("a"); fns[0]("again"); fns[1]("b"); fns[1]("again"); });`),
    ).toEqual(["a,b"]);
  });
});

describe("Promise metering", () => {
  it("ends a microtask flood with ResourceExhaustedError and keeps the sandbox usable", () => {
    const sb = createSandbox({ limits: { perRun: { fuel: 1e5 } } });
    expect(() => sb.runSync("function f() { Promise.resolve().then(f); } f(); 'done'")).toThrow(
      ResourceExhaustedError,
    );
    expect(sb.runSync("1 + 1")).toBe(2);
    expect(sb.runSync("var n = 0; Promise.resolve().then(() => n++); n")).toBe(0);
    expect(sb.runSync("n")).toBe(1);
  });

  it("drops the queued jobs of a run that exhausted its budget", () => {
    const sb = createSandbox({ limits: { perRun: { fuel: 1e5 } } });
    expect(() =>
      sb.runSync(
        "var ticks = 0; function f() { ticks++; Promise.resolve().then(f); Promise.resolve().then(f); } f();",
      ),
    ).toThrow(ResourceExhaustedError);
    const ticks = sb.runSync("ticks") as number;
    expect(ticks).toBeGreaterThan(100);
    expect(sb.runSync("ticks")).toBe(ticks);
  });

  it("charges promise memory against the run", () => {
    const sb = createSandbox({ limits: { perRun: { memoryBytes: 1e6 } } });
    expect(() =>
      sb.runSync("for (var i = 0; i < 1e6; i++) Promise.resolve(i).then(() => {});"),
    ).toThrow(/memory/);
  });
});
