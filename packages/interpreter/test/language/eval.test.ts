import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/index.js";

/** Direct eval needs the sandbox's policy to allow dynamic code. */
const run = (src: string): unknown => createSandbox({ policy: { eval: true } }).runSync(src);

describe("direct eval", () => {
  it("may not declare `arguments` among a function's parameter expressions", () => {
    const caught = (src: string) => run(`try { ${src}; 'no error' } catch (e) { e.name }`);
    expect(caught(`(function (p = eval("var arguments")) {})()`)).toBe("SyntaxError");
    expect(caught(`({ m(p = eval("var arguments = 1"), q) {} }).m()`)).toBe("SyntaxError");
    expect(caught(`(function (p = eval("var x = 1"), q = x) { return q; })()`)).toBe("no error");
    expect(run(`(function (p = eval("var x = 2"), q = x) { return q; })()`)).toBe(2);
  });

  it("declares vars of eval code in the function body in the caller's var scope", () => {
    expect(run(`(function () { eval("var arguments = 'mine'"); return arguments; })()`)).toBe(
      "mine",
    );
  });
});
