import { describe, expect, it } from "vitest";
import { run } from "./helpers.js";

describe("generators", () => {
  it("yields values and receives next() arguments", () => {
    expect(
      run(
        "function* g() { const a = yield 1; const b = yield a + 1; return a + b; } const it = g(); [it.next().value, it.next(10).value, JSON.stringify(it.next(5)), it.next().done]",
      ),
    ).toEqual([1, 11, '{"value":15,"done":true}', true]);
  });

  it("spreads and iterates generators with for-of", () => {
    expect(
      run(
        "function* range(n) { for (let i = 0; i < n; i++) yield i; } [...range(4)].join() + '|' + Array.from(range(2)).join()",
      ),
    ).toBe("0,1,2,3|0,1");
    expect(
      run(
        "function* g() { try { yield 1; yield 2; } finally { globalThis.cleaned = true; } } for (const x of g()) { break; } cleaned",
      ),
    ).toBe(true);
  });

  it("supports throw() and return() through try/finally", () => {
    expect(
      run(
        "function* g() { try { yield 1; } catch (e) { yield 'caught ' + e; } } const it = g(); it.next(); it.throw('boom').value",
      ),
    ).toBe("caught boom");
    expect(
      run(
        "const log = []; function* g() { try { yield 1; } finally { log.push('finally'); } } const it = g(); it.next(); const r = it.return(7); [r.value, r.done, log.join()]",
      ),
    ).toEqual([7, true, "finally"]);
    expect(
      run(
        "function* g() { try { yield 1; } finally { return 'override'; } } const it = g(); it.next(); it.return(7).value",
      ),
    ).toBe("override");
    expect(() =>
      run("function* g() { yield 1; } const it = g(); it.throw(new TypeError('t'));"),
    ).toThrow(/TypeError: t/);
  });

  it("delegates with yield*", () => {
    expect(
      run(
        "function* inner() { const x = yield 'a'; return 'ret' + x; } function* outer() { const r = yield* inner(); yield r; yield* [1, 2]; } const it = outer(); [it.next().value, it.next('!').value, it.next().value, it.next().value, it.next().done]",
      ),
    ).toEqual(["a", "ret!", 1, 2, true]);
  });

  it("yields inside expressions, loops, switch and object literals in order", () => {
    const code = `
      function* g() {
        const o = { a: yield 'k', b: 1 + (yield 'j') };
        let s = 0;
        while ((yield 'loop') !== 'stop') s++;
        switch (yield 'sw') { case 1: return [o.a, o.b, s, 'one']; default: return 'other'; }
      }
      const it = g(); const seen = [];
      seen.push(it.next().value, it.next(5).value, it.next(6).value, it.next('x').value, it.next('stop').value);
      const last = it.next(1);
      [seen.join(), last.value.join(), last.done]`;
    expect(run(code)).toEqual(["k,j,loop,loop,sw", "5,7,1,one", true]);
  });

  it("keeps the generator's own this, arguments and closures", () => {
    expect(
      run(
        "const o = { *g(a) { yield this === o; yield arguments[0]; yield (() => this === o)(); } }; [...o.g(9)].join()",
      ),
    ).toBe("true,9,true");
  });

  it("rejects re-entrant next and is not constructible", () => {
    expect(
      run(
        "let it; function* g() { try { it.next(); } catch (e) { yield e.constructor.name; } } it = g(); it.next().value",
      ),
    ).toBe("TypeError");
    expect(() => run("function* g() {} new g()")).toThrow(/not a constructor/);
  });

  it("has the generator prototype chain", () => {
    expect(
      run(
        "function* g() {} const it = g(); [Object.getPrototypeOf(it) === g.prototype, Object.getPrototypeOf(g.prototype) === Object.getPrototypeOf(function* () {}).prototype, Object.prototype.toString.call(it), typeof it[Symbol.iterator]]",
      ),
    ).toEqual([true, true, "[object Generator]", "function"]);
  });
});
