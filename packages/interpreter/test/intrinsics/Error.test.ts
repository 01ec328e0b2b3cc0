import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/index.js";
import { run, tinyMemory } from "./core-helpers.js";

const NATIVE = [
  "EvalError",
  "RangeError",
  "ReferenceError",
  "SyntaxError",
  "TypeError",
  "URIError",
];

describe("Error", () => {
  it("creates error objects with message only when given", () => {
    expect(
      run(
        `var e = new Error("m"); [e.message, desc(e, "message"), e instanceof Error, Object.prototype.toString.call(e), Object.getOwnPropertyNames(e).includes("message")]`,
      ),
    ).toEqual(["m", "vwc", true, "[object Error]", true]);
    expect(
      run(
        `var e = new Error(); [Object.prototype.hasOwnProperty.call(e, "message"), e.message, new Error(undefined).hasOwnProperty("message")]`,
      ),
    ).toEqual([false, "", false]);
    expect(run(`var e = Error("called"); [e instanceof Error, e.message]`)).toEqual([
      true,
      "called",
    ]);
    expect(
      run(
        `[new Error(42).message, new Error({ toString() { return "obj"; } }).message, thrown(() => new Error(Symbol()))]`,
      ),
    ).toEqual(["42", "obj", "TypeError"]);
  });

  it("installs cause through HasProperty", () => {
    expect(run(`var e = new Error("m", { cause: 0 }); [e.cause, desc(e, "cause")]`)).toEqual([
      0,
      "vwc",
    ]);
    expect(
      run(
        `[new Error("m", { cause: undefined }).hasOwnProperty("cause"), new Error("m", {}).hasOwnProperty("cause"), new Error("m", 1).hasOwnProperty("cause")]`,
      ),
    ).toEqual([true, false, false]);
    expect(run(`new Error("m", Object.create({ cause: "inherited" })).cause`)).toBe("inherited");
    expect(
      run(
        `var log = []; new Error({ toString() { log.push("msg"); return ""; } }, new Proxy({}, { has(t, k) { log.push("has " + k); return true; }, get(t, k) { log.push("get " + k); } })); log`,
      ),
    ).toEqual(["msg", "has cause", "get cause"]);
    expect(run(`new TypeError("m", { cause: "c" }).cause`)).toBe("c");
  });

  it("supports subclassing", () => {
    expect(
      run(
        `class MyErr extends Error { constructor(m) { super(m); this.name = "MyErr"; } } var e = new MyErr("x"); [e instanceof MyErr, e instanceof Error, String(e), Object.prototype.toString.call(e)]`,
      ),
    ).toEqual([true, true, "MyErr: x", "[object Error]"]);
    expect(
      run(
        `class E2 extends RangeError {} var e = new E2("r"); [e instanceof RangeError, e.name, e.constructor === E2]`,
      ),
    ).toEqual([true, "RangeError", true]);
    expect(
      run(
        `function F() {} F.prototype = null; Object.getPrototypeOf(Reflect.construct(TypeError, [], F)) === TypeError.prototype`,
      ),
    ).toBe(true);
  });

  it("Error.prototype", () => {
    expect(
      run(
        `[Object.prototype.toString.call(Error.prototype), Error.prototype.name, Error.prototype.message, desc(Error.prototype, "name"), desc(Error.prototype, "message"), Object.getPrototypeOf(Error.prototype) === Object.prototype, Error.prototype.constructor === Error, Error.length, Error.name]`,
      ),
    ).toEqual(["[object Object]", "Error", "", "vwc", "vwc", true, true, 1, "Error"]);
    expect(
      run(
        `var ts = Error.prototype.toString; [ts.call({}), ts.call({ name: "N" }), ts.call({ message: "M" }), ts.call({ name: "", message: "M" }), ts.call({ name: "N", message: "" }), ts.call({ name: undefined, message: undefined }), ts.call({ name: 1, message: 2 }), ts.length]`,
      ),
    ).toEqual(["Error", "N", "Error: M", "M", "N", "Error", "1: 2", 0]);
    expect(
      run(
        `[thrown(() => Error.prototype.toString.call(1)), thrown(() => Error.prototype.toString.call(undefined))]`,
      ),
    ).toEqual(["TypeError", "TypeError"]);
  });

  it("native errors", () => {
    expect(
      run(`${JSON.stringify(NATIVE)}.map((n) => { var C = globalThis[n]; var e = new C("x"); return [
        C.name, C.length, Object.getPrototypeOf(C) === Error, Object.getPrototypeOf(C.prototype) === Error.prototype,
        C.prototype.name, C.prototype.message, C.prototype.hasOwnProperty("toString"), e.name, String(e), e instanceof C, e instanceof Error,
        Object.prototype.toString.call(C.prototype), desc(globalThis, n)
      ].join(); })`),
    ).toEqual(
      NATIVE.map((n) =>
        [n, 1, true, true, n, "", false, n, `${n}: x`, true, true, "[object Object]", "vwc"].join(),
      ),
    );
    expect(
      run(
        `[thrown(() => null.x), thrown(() => undefinedVariable), thrown(() => { "use strict"; Object.freeze([]).push(1); })]`,
      ),
    ).toEqual(["TypeError", "ReferenceError", "TypeError"]);
    expect(
      run(
        `try { null.x } catch (e) { [e instanceof TypeError, e.constructor === TypeError, Object.getPrototypeOf(e) === TypeError.prototype] }`,
      ),
    ).toEqual([true, true, true]);
  });

  it("AggregateError", () => {
    expect(
      run(
        `var e = new AggregateError(new Set([1, 2]), "many", { cause: 3 }); [e.errors, e.message, e.cause, e.name, desc(e, "errors"), Object.getOwnPropertyNames(e).filter((k) => k !== "stack"), AggregateError.length, Object.getPrototypeOf(AggregateError) === Error]`,
      ),
    ).toEqual([
      [1, 2],
      "many",
      3,
      "AggregateError",
      "vwc",
      ["message", "cause", "errors"],
      2,
      true,
    ]);
    expect(
      run(
        `var e = AggregateError([]); [e instanceof AggregateError, e.hasOwnProperty("message"), e.errors.length]`,
      ),
    ).toEqual([true, false, 0]);
    expect(
      run(`[thrown(() => new AggregateError()), thrown(() => new AggregateError(1))]`),
    ).toEqual(["TypeError", "TypeError"]);
    expect(
      run(
        `var log = []; try { new AggregateError({ [Symbol.iterator]() { log.push("iter"); return [][Symbol.iterator](); } }, { toString() { log.push("msg"); return "m"; } }); } catch (e) {} log`,
      ),
    ).toEqual(["msg", "iter"]);
  });

  it("has a guest-only stack", () => {
    const stack = run(
      `function inner() { return new Error("boom"); }\nfunction outer() { return inner(); }\nouter().stack`,
    ) as string;
    expect(stack.split("\n")[0]).toBe("Error: boom");
    expect(stack).toMatch(/at inner \(.*:\d+:\d+\)/);
    expect(stack).toMatch(/at outer/);
    expect(stack).not.toMatch(/node_modules|\.ts:|file:\/\//);
  });

  it("captureStackTrace defines a guest stack and nothing else", () => {
    expect(
      run(
        `var o = { message: "hi" }; Error.captureStackTrace(o); [typeof o.stack, o.stack.split("\\n")[0], desc(o, "stack")]`,
      ),
    ).toEqual(["string", "Error: hi", "vwc"]);
    expect(
      run(
        `function a() { var o = {}; Error.captureStackTrace(o, a); return o.stack; } function b() { return a(); } var s = b(); [/at a /.test(s), /at b /.test(s)]`,
      ),
    ).toEqual([false, true]);
    expect(
      run(
        `[thrown(() => Error.captureStackTrace(1)), Error.captureStackTrace.length, typeof Error.prepareStackTrace, typeof Error.stackTraceLimit]`,
      ),
    ).toEqual(["TypeError", 2, "undefined", "undefined"]);
    // A guest prepareStackTrace is never consulted.
    expect(
      run(
        `Error.prepareStackTrace = function () { return "hijacked"; }; var o = {}; Error.captureStackTrace(o); [o.stack === "hijacked", new Error("x").stack === "hijacked"]`,
      ),
    ).toEqual([false, false]);
    expect(run(`var o = Object.freeze({}); thrown(() => Error.captureStackTrace(o))`)).toBe(
      "TypeError",
    );
  });

  it("errors thrown by built-ins are the sandbox's own", () => {
    const sb = createSandbox();
    expect(
      sb.runSync(
        `var caught; try { Object.defineProperty(1, "x", {}); } catch (e) { caught = e; } caught.constructor === TypeError && Object.getPrototypeOf(caught) === TypeError.prototype`,
      ),
    ).toBe(true);
    expect(() => sb.runSync(`throw new RangeError("out")`)).toThrow(/RangeError: out/);
  });

  it("is metered", () => {
    expect(() =>
      run(
        `new AggregateError({ [Symbol.iterator]() { return { next() { return { value: 1, done: false }; } }; } })`,
        tinyMemory,
      ),
    ).toThrow(/memory|fuel/);
  });
});
