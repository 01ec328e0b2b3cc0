import { describe, expect, it } from "vitest";
import { countWords } from "../src/index.js";

describe("countWords (guest code in a Cove sandbox)", () => {
  it("counts words separated by spaces", () => {
    expect(countWords("the quick  brown fox")).toBe(4);
  });

  it("counts no words in an empty document", () => {
    expect(countWords("")).toBe(0);
  });

  it("treats the document as data, never as code", () => {
    expect(countWords('"); throw new Error("escaped"); ("')).toBe(5);
  });
});
