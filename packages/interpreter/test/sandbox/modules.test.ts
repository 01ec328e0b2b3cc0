import { describe, expect, it } from "vitest";
import { createSandbox, SandboxSyntaxError } from "../../src/index.js";

describe("runModule", () => {
  const files = {
    "lib/math.js":
      "export const pi = 3; export function sq(x) { return x * x; } export let counter = 0; export function inc() { counter++; }",
    "lib/index.js":
      "export * from './math.js'; export { default as greet } from './greet.js'; export * as math from './math.js';",
    "lib/greet.js": "export default function (n) { return 'hi ' + n; }",
    "cycle/a.js": "import { b } from './b.js'; export function a() { return 'a' + b(); }",
    "cycle/b.js":
      "import { a } from './a.js'; export function b() { return 'b'; } export const viaA = () => a();",
  };

  it("links imports and exports with live bindings", async () => {
    const sb = createSandbox();
    const ns = (await sb.runModule(
      "import { sq, pi, counter, inc, greet, math } from './lib/index.js'; import * as m from './lib/math.js'; inc(); export const r = [sq(pi), counter, m.counter, greet('x'), math.pi];",
      { path: "main.js", resolver: { files } },
    )) as { r: unknown[] };
    expect(ns.r).toEqual([9, 1, 1, "hi x", 3]);
  });

  it("handles cycles and host-provided externals", async () => {
    const sb = createSandbox();
    const ns = (await sb.runModule(
      "import { viaA } from './cycle/b.js'; import api, { twice } from 'app'; export default [viaA(), api.k, twice(4)];",
      {
        resolver: { files, externals: { app: { default: { k: 7 }, twice: (n: number) => n * 2 } } },
      },
    )) as { default: unknown[] };
    expect(ns.default).toEqual(["ab", 7, 8]);
  });

  it("exports functions callable from the host", async () => {
    const sb = createSandbox();
    const ns = (await sb.runModule("export function activate(ctx) { return ctx.n + 1; }")) as {
      activate: (c: object) => number;
    };
    expect(ns.activate({ n: 41 })).toBe(42);
  });

  it("reports missing modules and bad imports", async () => {
    const sb = createSandbox();
    await expect(sb.runModule("import x from './nope.js';")).rejects.toThrow(/Cannot find module/);
    await expect(
      sb.runModule("import { nothing } from './lib/math.js';", { resolver: { files } }),
    ).rejects.toThrow(/does not provide an export named 'nothing'/);
    await expect(sb.runModule("export const = 1;", { path: "bad.js" })).rejects.toThrow(
      SandboxSyntaxError,
    );
  });
});

describe("top-level await and import()", () => {
  const files = {
    "lib/slow.js": "export const value = await Promise.resolve(41).then((v) => v + 1);",
    "lib/lazy.js": "export default 'lazy ' + import.meta.url;",
  };

  it("waits for top-level await in the graph", async () => {
    const sb = createSandbox();
    const ns = (await sb.runModule(
      "import { value } from './lib/slow.js'; export const doubled = value * 2; await null; export const meta = import.meta.url;",
      {
        path: "main.js",
        resolver: { files },
      },
    )) as { doubled: number; meta: string };
    expect(ns).toEqual({ doubled: 84, meta: "main.js" });
  });

  it("awaits host promises at top level", async () => {
    const sb = createSandbox({
      globals: { later: () => new Promise((r) => setTimeout(() => r(7), 5)) },
    });
    const ns = (await sb.runModule("export const v = await later();")) as { v: number };
    expect(ns.v).toBe(7);
  });

  it("loads modules with import() from modules and scripts", async () => {
    const sb = createSandbox({ modules: { files } });
    const ns = (await sb.runModule(
      "const m = await import('./lib/lazy.js'); export const text = m.default;",
      { path: "main.js", resolver: { files } },
    )) as { text: string };
    expect(ns.text).toBe("lazy lib/lazy.js");
    await sb.run("var got; import('lib/slow.js').then((m) => { got = m.value; });");
    expect(sb.runSync("got")).toBe(42);
    await sb.run("var err; import('./missing.js').catch((e) => { err = e.name; });");
    expect(sb.runSync("err")).toBe("SyntaxError");
  });

  it("reports a top-level await that can never settle", async () => {
    const sb = createSandbox();
    await expect(
      sb.runModule("await new Promise(() => {});", { path: "stuck.js" }),
    ).rejects.toThrow(/can never settle/);
  });
});
