import { describe, expect, it } from "vitest";
import { classify, type Reference, sameChecksum, showChecksum } from "../src/classify.js";

const reference: Reference = { ok: true, value: 6111308 };

describe("classify", () => {
  it("times a run whose checksum matches native", () => {
    expect(classify({ ok: true, ms: 12.5, value: 6111308 }, reference)).toEqual({
      status: "ok",
      ms: 12.5,
    });
  });

  it("reports a different checksum as WRONG, without its time", () => {
    const verdict = classify({ ok: true, ms: 3, value: 0 }, reference);
    expect(verdict).toEqual({ status: "wrong", value: 0 });
    expect(verdict).not.toHaveProperty("ms");
  });

  it("reports a checksum of another type as WRONG", () => {
    expect(classify({ ok: true, ms: 3, value: "6111308" }, reference).status).toBe("wrong");
    expect(classify({ ok: true, ms: 3, value: undefined }, reference).status).toBe("wrong");
  });

  it("reports an exception or a timeout as FAIL with its message", () => {
    const outcome = { ok: false, unsupported: false, message: "timed out after 300 s" } as const;
    expect(classify(outcome, reference)).toEqual({
      status: "fail",
      message: "timed out after 300 s",
    });
  });

  it("reports what the engine cannot parse by design as n/a", () => {
    const outcome = {
      ok: false,
      unsupported: true,
      message: "ES5 parser: Unexpected token",
    } as const;
    expect(classify(outcome, reference).status).toBe("n/a");
  });

  it("fails a run that has no native checksum to be compared with", () => {
    const verdict = classify({ ok: true, ms: 1, value: 1 }, { ok: false, message: "boom" });
    expect(verdict).toEqual({ status: "fail", message: "no native reference: boom" });
  });
});

describe("sameChecksum and showChecksum", () => {
  it("compares primitives with Object.is and other values by their JSON text", () => {
    expect(sameChecksum(Number.NaN, Number.NaN)).toBe(true);
    expect(sameChecksum(0, -0)).toBe(false);
    expect(sameChecksum({ nonPrimitive: "[1,2]" }, { nonPrimitive: "[1,2]" })).toBe(true);
    expect(sameChecksum({ nonPrimitive: "[1,2]" }, null)).toBe(false);
  });

  it("shows strings quoted and non-primitives as their JSON text", () => {
    expect(showChecksum("7")).toBe('"7"');
    expect(showChecksum(7)).toBe("7");
    expect(showChecksum({ nonPrimitive: "[1,2]" })).toBe("[1,2]");
  });
});
