import { describe, expect, it } from "vitest";
import { isValidPluginId } from "../../src/index.js";

describe("isValidPluginId", () => {
  it("accepts publisher.name ids: lowercase dot-separated segments of letters, digits, - and _", () => {
    for (const id of [
      "acme.word-count",
      "com.acme.formatter",
      "acme.todo_finder2",
      "a.b",
      "3d.viewer",
      `a.${"x".repeat(212)}`,
    ]) {
      expect(isValidPluginId(id), id).toBe(true);
    }
  });

  it("rejects ids without a publisher, overlong, uppercase, path-like or punctuation-led", () => {
    for (const id of [
      "",
      "word-count",
      `a.${"x".repeat(213)}`,
      "Acme.WordCount",
      "../etc",
      "acme/word-count",
      ".acme.x",
      "acme..x",
      "acme.x.",
      "acme.-x",
      "acme.word count",
      "acme.wörd",
    ]) {
      expect(isValidPluginId(id), id).toBe(false);
    }
  });
});
