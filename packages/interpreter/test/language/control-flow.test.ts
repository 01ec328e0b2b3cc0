import { describe, expect, it } from "vitest";
import { run } from "./helpers.js";

describe("control flow", () => {
  it("handles labeled break and continue", () => {
    expect(
      run(
        "const out = []; outer: for (let i = 0; i < 3; i++) { for (let j = 0; j < 3; j++) { if (j === 1) continue outer; if (i === 2) break outer; out.push(i + '' + j); } } out.join()",
      ),
    ).toBe("00,10");
    expect(run("let r = 0; block: { r = 1; break block; r = 2; } r")).toBe(1);
  });

  it("runs switch with fall-through and default in the middle", () => {
    expect(
      run(
        "function f(x) { const o = []; switch (x) { case 1: o.push(1); case 2: o.push(2); break; default: o.push('d'); case 3: o.push(3); } return o.join(); } [f(1), f(2), f(3), f(9)]",
      ),
    ).toEqual(["1,2", "2", "3", "d,3"]);
  });

  it("runs finally on every exit and lets it override", () => {
    expect(
      run("function f() { try { return 'try'; } finally { globalThis.ran = true; } } [f(), ran]"),
    ).toEqual(["try", true]);
    expect(
      run("function f() { try { throw 1; } catch (e) { return 'c' + e; } finally { } } f()"),
    ).toBe("c1");
    expect(run("function f() { try { return 1; } finally { return 2; } } f()")).toBe(2);
    expect(
      run(
        "let n = 0; for (const x of [1, 2, 3]) { try { if (x === 2) continue; n += x; } finally { n += 10; } } n",
      ),
    ).toBe(34);
  });

  it("iterates with for-in over own and inherited enumerable keys", () => {
    expect(
      run(
        "const p = { a: 1 }; const o = Object.create(p); o.b = 2; Object.defineProperty(o, 'h', { value: 1 }); const k = []; for (const x in o) k.push(x); k.join()",
      ),
    ).toBe("b,a");
    expect(
      run(
        "const o = { a: 1, b: 2 }; const k = []; for (const x in o) { delete o.b; k.push(x); } k.join()",
      ),
    ).toBe("a");
  });

  it("closes iterators when for-of exits early", () => {
    const code = `
      let closed = 0;
      const it = { [Symbol.iterator]() { let i = 0; return { next: () => ({ value: i++, done: i > 5 }), return() { closed++; return {}; } }; } };
      for (const x of it) { if (x === 1) break; }
      try { for (const x of it) { throw new Error('x'); } } catch {}
      for (const x of it) {}
      closed`;
    expect(run(code)).toBe(2);
  });

  it("supports with in sloppy mode", () => {
    expect(run("const o = { a: 1 }; let a = 5; with (o) { a = 2; } [o.a, a]")).toEqual([2, 5]);
    expect(
      run(
        "const o = { x: 1, [Symbol.unscopables]: { x: true } }; var x = 'outer'; with (o) { x; }",
      ),
    ).toBe("outer");
  });

  it("builds tagged template objects once per site", () => {
    expect(
      run(
        "function tag(s, ...v) { return s; } const a = []; for (let i = 0; i < 2; i++) a.push(tag`x${i}y`); [a[0] === a[1], a[0].raw.join('|'), Object.isFrozen(a[0])]",
      ),
    ).toEqual([true, "x|y", true]);
  });
});

describe("with and assignment order", () => {
  it("resolves the left side before evaluating the right (regression)", () => {
    expect(run(`var o = { x: 1 }; with (o) { x = (delete o.x, 2); } [o.x, typeof x]`)).toEqual([
      2,
      "undefined",
    ]);
    expect(
      run(`var env = {}; Object.defineProperty(env, "NaN", { configurable: true, value: 1 }); var r;
        try { with (env) { (function () { "use strict"; NaN = (delete env.NaN, 0); })(); } } catch (e) { r = e.name } r`),
    ).toBe("ReferenceError");
  });
});
