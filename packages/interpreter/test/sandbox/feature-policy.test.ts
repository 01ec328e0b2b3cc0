import { describe, expect, it } from "vitest";
import { createSandbox, FeatureDisallowedError } from "../../src/index.js";

describe("feature policy and validators", () => {
  it("refuses node types the sandbox disallows, with file:line:column", () => {
    const sb = createSandbox({ features: { disallow: ["WithStatement", "ClassDeclaration"] } });
    expect(sb.runSync("1 + 1")).toBe(2);
    let err: FeatureDisallowedError | undefined;
    try {
      sb.runSync("var o = {};\nwith (o) {}", { filename: "p.js" });
    } catch (e) {
      err = e as FeatureDisallowedError;
    }
    expect(err).toBeInstanceOf(FeatureDisallowedError);
    expect([err?.code, err?.file, err?.line, err?.column]).toEqual([
      "COVE_FEATURE_DISALLOWED",
      "p.js",
      2,
      1,
    ]);
  });

  it("limits syntax to an ECMAScript edition", () => {
    const es5 = createSandbox({ features: { edition: 5 } });
    expect(es5.runSync("var x = [1, 2]; x.length")).toBe(2);
    expect(() => es5.runSync("let y = 1;")).toThrow(/ES2015/);
    expect(() => es5.runSync("var f = () => 1;")).toThrow(FeatureDisallowedError);
    const es2019 = createSandbox({ features: { edition: 2019 } });
    expect(() => es2019.runSync("var z = a?.b;")).toThrow(/ChainExpression/);
  });

  it("combines the sandbox's policy with a run's own, without leaking between runs", () => {
    const sb = createSandbox();
    expect(() =>
      sb.runSync("for (const x of []) {}", { features: { disallow: ["ForOfStatement"] } }),
    ).toThrow(FeatureDisallowedError);
    expect(sb.runSync("for (const x of []) {} 'ok'")).toBe("ok");
  });

  it("runs validators on every program, eval code included", () => {
    const seen: string[] = [];
    const sb = createSandbox({
      policy: { eval: true },
      validator: (program, file) => {
        seen.push(file);
        return program.body.length > 3 ? "too many statements" : true;
      },
    });
    expect(sb.runSync("eval('1; 2')")).toBe(2);
    expect(() => sb.runSync("1; 2; 3; 4;")).toThrow(/too many statements/);
    expect(sb.runSync("try { eval('1;2;3;4;5') } catch (e) { e.name + ': ' + e.message }")).toBe(
      "SyntaxError: too many statements",
    );
    expect(seen).toContain("eval");
  });

  it("applies to modules", async () => {
    const sb = createSandbox({ features: { disallow: ["ImportExpression", "ClassDeclaration"] } });
    await expect(sb.runModule("export class A {}", { path: "a.js" })).rejects.toThrow(
      FeatureDisallowedError,
    );
  });
});
