import { describe, expect, it } from "vitest";
import { run } from "./helpers.js";

describe("declarations and scoping", () => {
  it("hoists var and function declarations", () => {
    expect(run("var r = typeof f + typeof v; function f() {} var v = 1; r")).toBe(
      "functionundefined",
    );
  });

  it("enforces the temporal dead zone", () => {
    expect(() => run("x; let x = 1;")).toThrow(/Cannot access 'x' before initialization/);
    expect(() => run("{ f(); let y = 1; function f() { return y; } }")).toThrow(
      /before initialization/,
    );
    expect(run("let t = typeof undeclared; t")).toBe("undefined");
    expect(() => run("typeof z; let z;")).toThrow(/before initialization/);
  });

  it("rejects assignment to const", () => {
    expect(() => run("const c = 1; c = 2;")).toThrow(/Assignment to constant variable/);
  });

  it("gives each loop iteration its own let binding when captured", () => {
    expect(
      run("const fs = []; for (let i = 0; i < 3; i++) fs.push(() => i); fs.map(f => f()).join()"),
    ).toBe("0,1,2");
    expect(
      run("const fs = []; for (var i = 0; i < 3; i++) fs.push(() => i); fs.map(f => f()).join()"),
    ).toBe("3,3,3");
    expect(
      run("const fs = []; for (const k of ['a','b']) fs.push(() => k); fs.map(f => f()).join()"),
    ).toBe("a,b");
  });

  it("resets block bindings on each entry", () => {
    expect(() => run("for (let i = 0; i < 2; i++) { if (i === 1) x; let x = i; }")).toThrow(
      /before initialization/,
    );
  });

  it("closes over variables, not values", () => {
    expect(
      run(
        "function counter() { let n = 0; return { inc: () => ++n, get: () => n }; } const c = counter(); c.inc(); c.inc(); c.get()",
      ),
    ).toBe(2);
  });

  it("shares global lexical bindings across scripts of one sandbox", async () => {
    const { createSandbox } = await import("../../src/index.js");
    const sb = createSandbox();
    sb.runSync("let shared = 41; var gv = 1;");
    expect(sb.runSync("shared + gv")).toBe(42);
    expect(() => sb.runSync("let shared = 1;")).toThrow(/already been declared/);
    expect(sb.runSync("typeof globalThis.gv + typeof globalThis.shared")).toBe("numberundefined");
  });

  it("implicitly creates globals in sloppy mode only", () => {
    expect(run("function f() { implicitG = 5; } f(); implicitG")).toBe(5);
    expect(() => run("'use strict'; function f() { implicitS = 5; } f();")).toThrow(
      /implicitS is not defined/,
    );
  });

  it("supports named function expressions binding their own name immutably", () => {
    expect(run("const f = function g(n) { return n ? g(n - 1) + 1 : 0; }; f(3)")).toBe(3);
    expect(run("var g2 = function g2x() { g2x = 1; return typeof g2x; }; g2()")).toBe("function");
    expect(() => run("'use strict'; (function h() { h = 1; })()")).toThrow(/TypeError/);
  });

  it("implements Annex B function-in-block hoisting in sloppy mode", () => {
    expect(run("{ function inner() { return 1; } } typeof inner")).toBe("function");
    expect(run("'use strict'; { function inner2() {} } typeof inner2")).toBe("undefined");
  });
});

describe("completion values", () => {
  it("returns the value of the last expression statement", () => {
    expect(run("1; 2; 3")).toBe(3);
    expect(run("var a = 1;")).toBe(undefined);
    expect(run("if (true) { 'yes' } else { 'no' }")).toBe("yes");
    expect(run("let i = 0; while (i < 3) { i++; } ")).toBe(2);
    expect(run("try { 1 } finally { 2 }")).toBe(1);
  });
});
