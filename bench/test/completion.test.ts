import { describe, expect, it } from "vitest";
import { rewriteCompletion } from "../src/completion.js";

describe("rewriteCompletion", () => {
  const store = (e: string) => `exports.r = (${e});`;

  it("stores the value of the last expression statement, keeping comments and the rest", () => {
    const source = "// header\nvar a = 1;\n(function () { return a; })();\n// end\n";
    expect(rewriteCompletion(source, store)).toBe(
      "// header\nvar a = 1;\nexports.r = ((function () { return a; })());\n// end\n",
    );
  });

  it("refuses a script that does not end with an expression statement", () => {
    expect(() => rewriteCompletion("var a = 1;", store)).toThrow(/expression statement/);
  });
});
