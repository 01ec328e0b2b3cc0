import { describe, expect, it } from "vitest";
import { geomean, median } from "../src/stats.js";

describe("median", () => {
  it("takes the middle value of an odd count, whatever the order", () => {
    expect(median([7, 1, 3])).toBe(3);
    expect(median([5])).toBe(5);
  });

  it("averages the two middle values of an even count", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("does not reorder its input", () => {
    const times = [3, 1, 2];
    median(times);
    expect(times).toEqual([3, 1, 2]);
  });

  it("is NaN for no values", () => {
    expect(median([])).toBeNaN();
  });
});

describe("geomean", () => {
  it("is the n-th root of the product", () => {
    expect(geomean([2, 8])).toBeCloseTo(4, 12);
    expect(geomean([1, 10, 100])).toBeCloseTo(10, 12);
  });

  it("is NaN for no values or a value that is not positive", () => {
    expect(geomean([])).toBeNaN();
    expect(geomean([2, 0])).toBeNaN();
    expect(geomean([2, Number.NaN])).toBeNaN();
  });
});
