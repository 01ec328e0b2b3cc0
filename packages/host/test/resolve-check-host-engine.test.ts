import { describe, expect, it } from "vitest";
import { checkHostEngine } from "../src/index.js";

describe("checkHostEngine", () => {
  it("accepts a host version inside the range", () => {
    expect(checkHostEngine("^1.2.0", "1.4.0")).toEqual({ ok: true });
  });

  it("refuses a host version outside the range and says which", () => {
    expect(checkHostEngine("^1.2.0", "2.0.0")).toEqual({
      ok: false,
      reason: 'host 2.0.0 does not satisfy engines.host "^1.2.0"',
    });
  });

  it("refuses ranges that accept any host", () => {
    for (const range of ["*", "", "x", ">=0.0.0-0 || *"]) {
      expect(checkHostEngine(range, "1.0.0").ok).toBe(false);
    }
  });

  it("refuses an invalid range", () => {
    expect(checkHostEngine("not a range", "1.0.0")).toEqual({
      ok: false,
      reason: 'engines.host "not a range" is not a valid semver range',
    });
  });
});
