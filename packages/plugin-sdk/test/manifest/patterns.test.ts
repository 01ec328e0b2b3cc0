import { describe, expect, it } from "vitest";
import { isValidPluginId } from "../src/index.js";

describe("isValidPluginId", () => {
  it("accepts lowercase ids made of letters, digits, dots, underscores and dashes", () => {
    for (const id of ["word-count", "acme.formatter", "todo_finder2", "a", "x".repeat(214)]) {
      expect(isValidPluginId(id)).toBe(true);
    }
  });

  it("rejects empty, overlong, uppercase, path-like and punctuation-led ids", () => {
    for (const id of ["", "x".repeat(215), "WordCount", "../etc", "a/b", ".hidden", "-x", "a b"]) {
      expect(isValidPluginId(id)).toBe(false);
    }
  });
});
