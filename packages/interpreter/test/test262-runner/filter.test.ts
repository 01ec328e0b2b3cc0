import { describe, expect, it } from "vitest";
import { globToRegExp, makeFilter, normalizePattern } from "../../test262/filter.js";

describe("path filters", () => {
  it("matches a prefix on whole segments", () => {
    const f = makeFilter(["test/language/expressions/add"]);
    expect(f("test/language/expressions/add/a.js")).toBe(true);
    expect(f("test/language/expressions/addition/a.js")).toBe(false);
    expect(
      makeFilter(["test/language/expressions/addition/"])(
        "test/language/expressions/addition/x.js",
      ),
    ).toBe(true);
  });

  it("matches an exact file", () => {
    const f = makeFilter(["test/language/a.js"]);
    expect(f("test/language/a.js")).toBe(true);
    expect(f("test/language/a.json")).toBe(false);
  });

  it("accepts paths without test/ and with ./", () => {
    expect(normalizePattern("language/expressions")).toBe("test/language/expressions");
    expect(normalizePattern("./test/language")).toBe("test/language");
    expect(makeFilter(["built-ins/Array"])("test/built-ins/Array/from/a.js")).toBe(true);
  });

  it("supports *, ** and ? globs", () => {
    expect(globToRegExp("test/*/a.js").test("test/language/a.js")).toBe(true);
    expect(globToRegExp("test/*/a.js").test("test/language/x/a.js")).toBe(false);
    expect(globToRegExp("test/**/a.js").test("test/language/x/a.js")).toBe(true);
    expect(globToRegExp("test/**/a.js").test("test/a.js")).toBe(true);
    expect(globToRegExp("test/?.js").test("test/a.js")).toBe(true);
    expect(globToRegExp("test/?.js").test("test/ab.js")).toBe(false);
    expect(globToRegExp("test/a.js").test("test/aXjs")).toBe(false);
    const f = makeFilter(["test/built-ins/Array/**/from*.js"]);
    expect(f("test/built-ins/Array/from/from-array.js")).toBe(true);
    expect(f("test/built-ins/Array/of/of.js")).toBe(false);
  });

  it("accepts everything without patterns and anything matching one of several", () => {
    expect(makeFilter([])("test/x.js")).toBe(true);
    const f = makeFilter(["test/language/a", "test/built-ins/B"]);
    expect(f("test/built-ins/B/x.js")).toBe(true);
    expect(f("test/built-ins/C/x.js")).toBe(false);
  });
});
