import { describe, expect, it } from "vitest";
import { formatKB, formatMicros, formatMs, formatRatio } from "../src/format.js";

describe("formatRatio", () => {
  it("shows two significant digits below 1, one decimal below 100 and none above", () => {
    expect(formatRatio(0.004)).toBe("×0.004");
    expect(formatRatio(0.0347)).toBe("×0.035");
    expect(formatRatio(0.4249)).toBe("×0.42");
    expect(formatRatio(1.94)).toBe("×1.9");
    expect(formatRatio(11.31)).toBe("×11.3");
    expect(formatRatio(92.04)).toBe("×92.0");
    expect(formatRatio(567.6)).toBe("×568");
  });

  it("never shows a rounding that crosses its own threshold", () => {
    expect(formatRatio(0.999)).toBe("×1.0");
    expect(formatRatio(99.97)).toBe("×100");
  });

  it("shows a dash for a missing ratio", () => {
    expect(formatRatio(Number.NaN)).toBe("—");
    expect(formatRatio(Number.POSITIVE_INFINITY)).toBe("—");
    expect(formatRatio(0)).toBe("—");
  });
});

describe("formatMs, formatMicros, formatKB", () => {
  it("keeps about three significant digits of a time", () => {
    expect(formatMs(0.2449)).toBe("0.24 ms");
    expect(formatMs(2.491)).toBe("2.49 ms");
    expect(formatMs(12.74)).toBe("12.7 ms");
    expect(formatMs(933.7)).toBe("934 ms");
  });

  it("shows host-call overhead in µs, negative noise included", () => {
    expect(formatMicros(7.71)).toBe("7.7 µs");
    expect(formatMicros(0.354)).toBe("0.35 µs");
    expect(formatMicros(-0.1)).toBe("-0.10 µs");
  });

  it("shows memory in KB of 1024 bytes", () => {
    expect(formatKB(8 * 1024 + 400)).toBe("8.4 KB");
    expect(formatKB(65 * 1024)).toBe("65 KB");
  });
});
