import { describe, expect, it } from "vitest";
import {
  harnessFilesFor,
  runId,
  STRICT_PREFIX,
  testSourceFor,
  variantsFor,
} from "../../test262/variants.js";

describe("variants", () => {
  it("runs an unflagged test in both modes, non-strict first", () => {
    expect(variantsFor([])).toEqual(["non-strict", "strict"]);
    expect(variantsFor(["generated"])).toEqual(["non-strict", "strict"]);
  });

  it("honours onlyStrict, noStrict, raw and module", () => {
    expect(variantsFor(["onlyStrict"])).toEqual(["strict"]);
    expect(variantsFor(["noStrict"])).toEqual(["non-strict"]);
    expect(variantsFor(["raw"])).toEqual(["non-strict"]);
    expect(variantsFor(["module"])).toEqual(["module"]);
    expect(variantsFor(["module", "async"])).toEqual(["module"]);
  });

  it("rejects contradictory flags", () => {
    expect(() => variantsFor(["onlyStrict", "noStrict"])).toThrow();
    expect(() => variantsFor(["onlyStrict", "raw"])).toThrow();
  });

  it("prefixes only strict runs with the directive", () => {
    expect(STRICT_PREFIX).toBe('"use strict";\n');
    expect(testSourceFor("x = 1;", "strict", [])).toBe('"use strict";\nx = 1;');
    expect(testSourceFor("x = 1;", "non-strict", [])).toBe("x = 1;");
    expect(testSourceFor("export {};", "module", ["module"])).toBe("export {};");
  });

  it("puts harness files in INTERPRETING.md order", () => {
    expect(harnessFilesFor({ flags: [], includes: [] })).toEqual(["assert.js", "sta.js"]);
    expect(
      harnessFilesFor({ flags: ["async"], includes: ["asyncHelpers.js", "compareArray.js"] }),
    ).toEqual(["assert.js", "sta.js", "doneprintHandle.js", "asyncHelpers.js", "compareArray.js"]);
    expect(harnessFilesFor({ flags: [], includes: ["sta.js", "propertyHelper.js"] })).toEqual([
      "assert.js",
      "sta.js",
      "propertyHelper.js",
    ]);
  });

  it("evaluates nothing before a raw test", () => {
    expect(harnessFilesFor({ flags: ["raw"], includes: [] })).toEqual([]);
  });

  it("names runs as path and variant", () => {
    expect(runId("test/language/a.js", "strict")).toBe("test/language/a.js strict");
  });
});
