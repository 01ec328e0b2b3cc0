/**
 * Attack class 6: `with`, `eval`, `Function`, `import()` and descriptor extraction. With the
 * eval policy off (the default) no code can be compiled from a string — through any Function
 * constructor, `eval`, indirect eval, string timers or `import()`; with it on, such code is
 * compiled into the same sandbox and finds nothing of the host. Property descriptors of host
 * functions and imported data hold only guest values; `caller`/`callee`/`arguments` expose no
 * frames.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSandbox, type Sandbox, SandboxError, SandboxSyntaxError } from "../../src/index.js";
import {
  assertHostIntrinsicsUnchanged,
  assertNoHostObjectReachable,
  assertNoHostPathInGuestText,
  type HostIntrinsicsSnapshot,
  snapshotHostIntrinsics,
} from "./invariants.js";

const hostGlobals = () => ({
  hostFn: function hostFn(a: unknown, b: unknown) {
    return [a, b];
  },
  hostData: { list: [1, 2], nested: { fn: () => 1 }, when: new Date(0), map: new Map([["k", 1]]) },
});

let snap: HostIntrinsicsSnapshot;
const sandboxes: Sandbox[] = [];
function make(evalOn: boolean): Sandbox {
  const sb = createSandbox({ globals: hostGlobals(), policy: { eval: evalOn } });
  sandboxes.push(sb);
  return sb;
}
beforeEach(() => {
  snap = snapshotHostIntrinsics();
  sandboxes.length = 0;
});
afterEach(() => {
  for (const sb of sandboxes) assertNoHostObjectReachable(sb);
  assertHostIntrinsicsUnchanged(snap);
});

/** Every way guest code might compile a string, as guest expressions. */
const COMPILERS: [string, string][] = [
  ["Function", "Function('return typeof process')()"],
  ["new Function", "new Function('return typeof process')()"],
  ["Function.prototype.constructor", "Function.prototype.constructor('return typeof process')()"],
  ["a function's constructor", "(() => 1).constructor('return typeof process')()"],
  [
    "GeneratorFunction",
    "Object.getPrototypeOf(function* () {}).constructor('yield typeof process')().next().value",
  ],
  ["AsyncFunction", "typeof Object.getPrototypeOf(async () => {}).constructor('return 1')"],
  [
    "AsyncGeneratorFunction",
    "typeof Object.getPrototypeOf(async function* () {}).constructor('yield 1')",
  ],
  ["Reflect.construct", "Reflect.construct(Function, ['return typeof process'])()"],
  ["Function.apply", "Function.apply(null, ['return typeof process'])()"],
  ["bound Function", "Function.bind(null, 'return typeof process')()()"],
  ["eval", "eval('typeof process')"],
  ["indirect eval", "(0, eval)('typeof process')"],
  ["globalThis.eval", "globalThis.eval('typeof process')"],
  ["eval via a Proxy-wrapped Function", "new Proxy(Function, {})('return typeof process')()"],
];

describe("dynamic code with the eval policy off (default)", () => {
  it.each(COMPILERS)("%s refuses to compile, with a guest error", (_how, expr) => {
    const sb = make(false);
    const out = sb.runSync(`
      (() => { try { return ["compiled", ${expr}]; } catch (e) { return [e.name, e instanceof Error, e.constructor.constructor === Function]; } })()
    `) as unknown[];
    expect(out[0]).not.toBe("compiled");
    expect(["TypeError", "ReferenceError", "EvalError"]).toContain(out[0]);
    expect(out.slice(1)).toEqual([true, true]);
  });

  it("eval is absent from the global object, and string arguments to timers do not exist", () => {
    const sb = make(false);
    expect(
      sb.runSync("[typeof eval, 'eval' in globalThis, typeof setTimeout, typeof setInterval]"),
    ).toEqual(["undefined", false, "undefined", "undefined"]);
  });

  it("import() in a script loads nothing from the host; import.meta does not parse", async () => {
    const sb = make(false);
    for (const spec of ["fs", "node:child_process", "/etc/passwd", "../../src/sandbox.ts"]) {
      let outcome: unknown;
      try {
        outcome = await sb.run(
          `import(${JSON.stringify(spec)}).then(() => "loaded", (e) => [e.name, e instanceof Error])`,
        );
      } catch (e) {
        outcome = e;
      }
      if (outcome instanceof Error) expect(outcome).toBeInstanceOf(SandboxSyntaxError);
      else expect((outcome as unknown[])[0]).not.toBe("loaded");
    }
    expect(() => sb.runSync("import.meta")).toThrow(SandboxSyntaxError);
  });

  it("import() inside a module is refused or resolved only through the module resolver", async () => {
    const sb = make(false);
    let outcome: unknown;
    try {
      outcome = await sb.runModule(
        "export default await import('node:fs').then(() => 'loaded', () => 'refused');",
        {
          path: "m.js",
          resolver: { files: {} },
        },
      );
    } catch (e) {
      outcome = e;
    }
    if (outcome instanceof Error) {
      expect(outcome instanceof SandboxSyntaxError || outcome instanceof SandboxError).toBe(true);
    } else expect((outcome as { default: string }).default).toBe("refused");
  });

  it("static imports resolve only through the resolver (no host module loading)", async () => {
    const sb = make(false);
    for (const spec of [
      "fs",
      "node:fs",
      "/etc/passwd",
      "../../../src/sandbox.ts",
      "file:///etc/passwd",
      "data:text/javascript,export default 1",
    ]) {
      await expect(
        sb.runModule(`import x from ${JSON.stringify(spec)}; export default x;`, {
          path: "m.js",
          resolver: { files: {} },
        }),
        spec,
      ).rejects.toThrow();
    }
  });

  it("`with` over guest objects, proxies and Symbol.unscopables only reaches guest values", () => {
    const sb = make(false);
    const out = sb.runSync(`
      const results = [];
      const p = new Proxy({}, { has: (t, k) => k !== "results", get: (t, k) => k === Symbol.unscopables ? undefined : "shadow:" + String(k) });
      with (p) { results.push(process, require, globalThis); }
      const proto = {}; proto[Symbol.unscopables] = {};
      const obj = { __proto__: {} };
      try { with (proto) { isPrototypeOf(obj); } } catch (e) { results.push(e.constructor.constructor === Function ? e.name : "HOST"); }
      with (hostData) { results.push(typeof list, typeof nested.fn); }
      with (hostFn) { results.push(typeof constructor, constructor === Function); }
      results
    `) as unknown[];
    expect(out).toEqual([
      "shadow:process",
      "shadow:require",
      "shadow:globalThis",
      out[3],
      "object",
      "function",
      "function",
      true,
    ]);
    expect(out[3]).not.toBe("HOST");
  });
});

describe("dynamic code with the eval policy on", () => {
  it.each(COMPILERS)("%s compiles into the same sandbox and finds no host names", (_how, expr) => {
    const sb = make(true);
    const out = sb.runSync(expr);
    expect(["undefined", "function"]).toContain(out);
  });

  it("eval'd code sees the sandbox's globals, its own realm's intrinsics, and copies of host data", () => {
    const sb = make(true);
    expect(
      sb.runSync(`[
        eval("this") === globalThis,
        eval("Object.getPrototypeOf({}) === Object.prototype"),
        (0, eval)("typeof hostFn"),
        Function("return hostData")() === hostData,
        eval("hostFn.constructor === Function"),
        eval("Function('return this')()") === globalThis,
        eval("typeof globalThis.process + typeof globalThis.require + typeof globalThis.module"),
      ]`),
    ).toEqual([true, true, "function", true, true, true, "undefinedundefinedundefined"]);
  });

  it("direct eval sees the caller's scope but no host frames; its errors are guest errors with guest stacks", () => {
    const sb = make(true);
    const out = sb.runSync(`
      function f() { const secret = 1; return eval("secret + 1"); }
      let stack;
      try { eval("null.x"); } catch (e) { stack = [e.name, e.stack]; }
      [f(), stack]
    `) as [number, [string, string]];
    expect(out[0]).toBe(2);
    expect(out[1][0]).toBe("TypeError");
    assertNoHostPathInGuestText(out[1][1], ["eval"]);
  });

  it("eval'd syntax errors are guest SyntaxErrors (no host SyntaxError objects)", () => {
    const sb = make(true);
    expect(
      sb.runSync(`
        try { eval("{{{"); } catch (e) { [e.name, e instanceof SyntaxError, e.constructor === SyntaxError, Object.getPrototypeOf(e) === SyntaxError.prototype] }
      `),
    ).toEqual(["SyntaxError", true, true, true]);
    expect(
      sb.runSync(
        "try { Function('return', '}'); } catch (e) { [e.name, e instanceof SyntaxError] }",
      ),
    ).toEqual(["SyntaxError", true]);
  });

  it("eval'd code is metered like any other code", () => {
    const sb = createSandbox({ policy: { eval: true }, limits: { perRun: { fuel: 50_000 } } });
    expect(() => sb.runSync("eval('for (;;) {}')")).toThrow(/fuel/);
    expect(() => sb.runSync("Function('for (;;) {}')()")).toThrow(/fuel/);
    expect(() =>
      sb.runSync(
        "let s = 'for (;;) {}'; for (let i = 0; i < 5; i++) s = 'eval(' + JSON.stringify(s) + ')'; eval(s)",
      ),
    ).toThrow(/fuel/);
    expect(sb.runSync("eval('1 + 1')")).toBe(2);
  });
});

describe("descriptor extraction and caller/callee", () => {
  it("descriptors of host-wrapped functions hold only guest values", () => {
    const sb = make(false);
    const out = sb.runSync(`
      const all = [];
      for (const f of [hostFn, hostData.nested.fn]) {
        for (const [k, d] of Object.entries(Object.getOwnPropertyDescriptors(f))) {
          all.push([k, typeof d.value, "get" in d]);
        }
        all.push(["proto", Object.getPrototypeOf(f) === Function.prototype]);
        all.push(["prototype", typeof f.prototype]);
      }
      all
    `);
    expect(out).toEqual([
      ["length", "number", false],
      ["name", "string", false],
      ["proto", true],
      ["prototype", "undefined"],
      ["length", "number", false],
      ["name", "string", false],
      ["proto", true],
      ["prototype", "undefined"],
    ]);
  });

  it("descriptors of imported data are plain guest data properties of guest objects", () => {
    const sb = make(false);
    const out = sb.runSync(`
      const d = Object.getOwnPropertyDescriptors(hostData);
      [
        Object.keys(d).join(),
        Object.values(d).every((x) => "value" in x && x.writable && x.enumerable && x.configurable),
        Object.getPrototypeOf(hostData) === Object.prototype,
        Object.getPrototypeOf(hostData.list) === Array.prototype,
        Object.getPrototypeOf(hostData.when) === Date.prototype,
        Object.getPrototypeOf(hostData.map) === Map.prototype,
        Object.getOwnPropertyDescriptor(hostData.list, "length").writable,
        Object.isExtensible(hostData),
      ]
    `);
    expect(out).toEqual(["list,nested,when,map", true, true, true, true, true, true, true]);
  });

  it("caller, callee and arguments of every kind of function expose no frames", () => {
    const sb = make(false);
    const out = sb.runSync(`
      const results = [];
      function sloppy() { return [typeof arguments.callee, (() => { try { return arguments.callee.caller; } catch (e) { return e.name; } })()]; }
      function strictFn() { "use strict"; try { return arguments.callee; } catch (e) { return e.name; } }
      results.push(sloppy(), strictFn());
      for (const f of [hostFn, Array.prototype.map, function () {}, () => {}, class {}, function* () {}, hostFn.bind(null)]) {
        for (const k of ["caller", "arguments"]) {
          try { const v = f[k]; results.push(v === null || v === undefined ? String(v) : typeof v); }
          catch (e) { results.push(e.name); }
        }
      }
      const d = Object.getOwnPropertyDescriptor(Function.prototype, "caller");
      results.push(typeof d.get, d.get === d.set);
      try { d.get.call(hostFn); } catch (e) { results.push(e.name); }
      function outer() { return inner(); }
      function inner() { try { return inner.caller; } catch (e) { return e.name; } }
      results.push(outer());
      results
    `) as unknown[];
    const flat = JSON.stringify(out);
    expect(flat).not.toContain("function outer");
    for (const v of out.flat()) {
      expect(["function", "TypeError", "null", "undefined", "object", true, false]).toContain(v);
    }
  });
});
