import { describe, expect, it } from "vitest";
import { parseOptions, UsageError } from "../../test262/args.js";

describe("runner options", () => {
  it("has defaults", () => {
    const o = parseOptions([]);
    expect(o.filters).toEqual([]);
    expect(o.timeoutMs).toBe(10_000);
    expect(o.workers).toBeGreaterThanOrEqual(1);
    expect(o.update).toBe(false);
    expect(o.json).toBeUndefined();
  });

  it("reads filters and options in any order", () => {
    const o = parseOptions([
      "test/language/expressions",
      "--workers",
      "3",
      "--timeout",
      "2.5",
      "--update",
      "--json",
      "out.json",
      "built-ins/Array",
    ]);
    expect(o.filters).toEqual(["test/language/expressions", "built-ins/Array"]);
    expect(o.workers).toBe(3);
    expect(o.timeoutMs).toBe(2500);
    expect(o.update).toBe(true);
    expect(o.json).toBe("out.json");
  });

  it("rejects bad values and unknown options", () => {
    expect(() => parseOptions(["--workers", "0"])).toThrow(UsageError);
    expect(() => parseOptions(["--workers", "1.5"])).toThrow(UsageError);
    expect(() => parseOptions(["--timeout", "soon"])).toThrow(UsageError);
    expect(() => parseOptions(["--frobnicate"])).toThrow(UsageError);
  });
});
