import { describe, expect, it } from "vitest";
import { run } from "./helpers.js";

describe("objects", () => {
  it("builds literals with computed keys, spread, accessors and __proto__", () => {
    expect(
      run(
        "const k = 'x'; const o = { [k + 1]: 1, ...{ y: 2 }, get z() { return 3; }, __proto__: { p: 4 } }; [o.x1, o.y, o.z, o.p, Object.keys(o).join()]",
      ),
    ).toEqual([1, 2, 3, 4, "x1,y,z"]);
  });

  it("orders own keys: indices, strings, symbols", () => {
    expect(
      run(
        "const o = { b: 1, 2: 1, a: 1, 1: 1, [Symbol('s')]: 1 }; Reflect.ownKeys(o).map(String).join()",
      ),
    ).toBe("1,2,b,a,Symbol(s)");
  });

  it("reads prototype chains and shadows", () => {
    expect(
      run(
        "const base = { v: 1 }; const d = Object.create(base); const r1 = d.v; d.v = 2; [r1, d.v, base.v]",
      ),
    ).toEqual([1, 2, 1]);
    expect(
      run(
        "const p = { set v(x) { this.seen = x; } }; const o = Object.create(p); o.v = 5; [o.seen, Object.keys(o).join()]",
      ),
    ).toEqual([5, "seen"]);
  });

  it("keeps a cached property access correct when shapes change", () => {
    expect(
      run(
        "function get(o) { return o.x; } const r = []; const a = { x: 1 }; const b = { y: 0, x: 2 }; for (let i = 0; i < 3; i++) { r.push(get(a), get(b)); } delete a.x; r.push(get(a)); Object.defineProperty(b, 'x', { get() { return 9; } }); r.push(get(b)); r.join()",
      ),
    ).toBe("1,2,1,2,1,2,,9");
    expect(
      run(
        "function g(o) { return o.m; } const P = { m: 1 }; const o = Object.create(P); const r = [g(o), g(o)]; P.m = 2; r.push(g(o)); o.m = 3; r.push(g(o)); r.join()",
      ),
    ).toBe("1,1,2,3");
  });

  it("respects non-writable and frozen objects", () => {
    expect(
      run("const o = Object.freeze({ a: 1 }); o.a = 2; o.b = 3; [o.a, o.b, Object.isFrozen(o)]"),
    ).toEqual([1, undefined, true]);
    expect(() => run("'use strict'; const o = Object.freeze({ a: 1 }); o.a = 2;")).toThrow(
      /read only/,
    );
  });

  it("destructures objects and arrays", () => {
    expect(
      run(
        "const { a, b: { c = 5 } = {}, ...rest } = { a: 1, d: 4, e: 5 }; [a, c, Object.keys(rest).join()]",
      ),
    ).toEqual([1, 5, "d,e"]);
    expect(run("const [x, , y = 3, ...z] = 'abcde'; [x, y, z.join('')]")).toEqual(["a", "c", "de"]);
    expect(run("let p, q; [p, q] = [1, 2]; [p, q] = [q, p]; [p, q]")).toEqual([2, 1]);
    expect(() => run("const { a } = null;")).toThrow(/TypeError/);
  });
});

describe("classes", () => {
  it("supports fields, private members, accessors and statics", () => {
    const code = `
      class Counter {
        static created = 0;
        #count = 0;
        static #secret() { return 'S'; }
        constructor(start) { this.#count = start; Counter.created++; }
        get value() { return this.#count; }
        #bump() { this.#count++; }
        inc() { this.#bump(); return this; }
        static reveal() { return Counter.#secret(); }
        static isCounter(o) { return #count in o; }
        static { this.tag = 'ok'; }
      }
      const c = new Counter(5).inc().inc();
      [c.value, Counter.created, Counter.reveal(), Counter.isCounter(c), Counter.isCounter({}), Counter.tag]`;
    expect(run(code)).toEqual([7, 1, "S", true, false, "ok"]);
  });

  it("rejects private access on foreign objects", () => {
    expect(() => run("class A { #x = 1; static get(o) { return o.#x; } } A.get({})")).toThrow(
      /private member #x/,
    );
  });

  it("inherits with super calls and super properties", () => {
    const code = `
      class A { constructor(x) { this.x = x; } hello() { return 'A' + this.x; } static make() { return new this(1); } }
      class B extends A { constructor(x) { super(x * 2); } hello() { return 'B' + super.hello(); } }
      const b = B.make();
      [b.hello(), b instanceof A, Object.getPrototypeOf(B) === A, b.constructor.name]`;
    expect(run(code)).toEqual(["BA2", true, true, "B"]);
  });

  it("extends built-ins", () => {
    expect(
      run(
        "class E extends Error { constructor(m) { super(m); this.name = 'E'; } } const e = new E('boom'); [e instanceof Error, e.message, String(e)]",
      ),
    ).toEqual([true, "boom", "E: boom"]);
    expect(
      run(
        "class L extends Array { sum() { return this.reduce((a, b) => a + b, 0); } } const l = L.from([1, 2, 3]); [l.sum(), l instanceof L, l.length]",
      ),
    ).toEqual([6, true, 3]);
  });

  it("requires new and super before this", () => {
    expect(() => run("class A {} A()")).toThrow(/cannot be invoked without 'new'/);
    expect(() =>
      run("class A {} class B extends A { constructor() { this.x = 1; } } new B()"),
    ).toThrow(/super constructor/);
  });
});
