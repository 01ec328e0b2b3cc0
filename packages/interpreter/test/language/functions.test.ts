import { describe, expect, it } from "vitest";
import { run } from "./helpers.js";

describe("functions", () => {
  it("binds parameters with defaults, rest and destructuring", () => {
    expect(
      run(
        "function f(a, b = a + 1, ...rest) { return [a, b, rest.length]; } f(1).concat(f(1, 5, 6, 7))",
      ),
    ).toEqual([1, 2, 0, 1, 5, 2]);
    expect(
      run("function f({x, y: [z] = [9]}, [p, , q] = [1, 2, 3]) { return [x, z, p, q]; } f({x: 1})"),
    ).toEqual([1, 9, 1, 3]);
    expect(run("(function (a, b = 2) {}).length")).toBe(1);
  });

  it("evaluates default parameters in their own scope", () => {
    expect(
      run("var x = 'outer'; function f(a = () => x) { var x = 'inner'; return a(); } f()"),
    ).toBe("outer");
  });

  it("initializes parameters with expressions in order: a later one or itself is in TDZ", () => {
    const caught = (src: string) =>
      run(`try { ${src}; 'no error' } catch (e) { e instanceof ReferenceError ? 'ReferenceError' : String(e) }`);
    expect(caught("(function (a = b, b) {})()")).toBe("ReferenceError");
    expect(caught("(function (a = a) {})()")).toBe("ReferenceError");
    expect(caught("({ m(a = b, b) {} }).m()")).toBe("ReferenceError");
    expect(caught("(class { static m([a] = [b], b) {} }).m()")).toBe("ReferenceError");
    expect(caught("((a = b, b) => 0)()")).toBe("ReferenceError");
    expect(run("(function (a, b = a, c = () => b) { return c(); })(5)")).toBe(5);
    expect(run("(function (a = 1, b) { return [a, b]; })(undefined, 2)")).toEqual([1, 2]);
  });

  it("maps arguments to parameters in sloppy functions only", () => {
    expect(run("function f(a) { arguments[0] = 2; return a; } f(1)")).toBe(2);
    expect(run("function f(a) { 'use strict'; arguments[0] = 2; return a; } f(1)")).toBe(1);
    expect(run("function f(a) { a = 3; return arguments[0]; } f(1)")).toBe(3);
    expect(
      run(
        "function f() { return arguments.length + Array.prototype.slice.call(arguments).join(); } f(1, 2)",
      ),
    ).toBe("21,2");
    expect(() => run("function f() { 'use strict'; return arguments.callee; } f()")).toThrow(
      /TypeError/,
    );
  });

  it("computes this for every call form", () => {
    expect(run("const o = { m() { return this === o; } }; o.m()")).toBe(true);
    expect(run("function f() { return this; } f() === globalThis")).toBe(true);
    expect(run("function f() { 'use strict'; return this; } f()")).toBe(undefined);
    expect(run("const o = { m() { return [1].map(() => this === o)[0]; } }; o.m()")).toBe(true);
    expect(run("function f() { return typeof this; } f.call(5)")).toBe("object");
  });

  it("supports call, apply and bind", () => {
    expect(
      run(
        "function f(a, b) { return this.k + a + b; } f.call({k: 1}, 2, 3) + f.apply({k: 1}, [2, 3])",
      ),
    ).toBe(12);
    expect(
      run(
        "function f(a, b) { return this.k + a + b; } const g = f.bind({k: 10}, 1); [g(2), g.name, g.length]",
      ),
    ).toEqual([13, "bound f", 1]);
    expect(
      run(
        "function P(x) { this.x = x; } const B = P.bind(null, 4); new B() instanceof P && new B().x",
      ),
    ).toBe(4);
  });

  it("infers function names", () => {
    expect(
      run(
        "const a = () => {}; let b = function () {}; const o = { c() {}, ['d' + 1]: () => {}, get e() {} }; [a.name, b.name, o.c.name, o.d1.name, Object.getOwnPropertyDescriptor(o, 'e').get.name]",
      ),
    ).toEqual(["a", "b", "c", "d1", "get e"]);
  });

  it("creates prototype objects lazily but faithfully", () => {
    expect(
      run("function F() {} F.prototype.constructor === F && Object.getOwnPropertyNames(F).join()"),
    ).toBe("length,name,prototype");
    expect(run("const arrow = () => {}; 'prototype' in arrow")).toBe(false);
    expect(
      run("function F() { this.a = 1; } F.prototype.b = 2; const o = new F(); o.a + o.b"),
    ).toBe(3);
  });

  it("turns deep recursion into a guest RangeError", () => {
    expect(
      run("function r() { return r(); } try { r(); } catch (e) { e instanceof RangeError }"),
    ).toBe(true);
  });

  it("prints guest source for Function.prototype.toString", () => {
    expect(run("function add(a, b) { return a + b; } add.toString()")).toBe(
      "function add(a, b) { return a + b; }",
    );
  });
});
