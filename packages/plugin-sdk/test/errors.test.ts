import { describe, expect, it } from "vitest";
import { ManifestInvalidError, validateManifest } from "../src/index.js";

describe("ManifestInvalidError", () => {
  it("carries the code, the plugin id and the problems, and lists them in its message", () => {
    const result = validateManifest({});
    if (result.ok) throw new Error("expected problems");
    const error = new ManifestInvalidError("acme.word-count", result.problems);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("ManifestInvalidError");
    expect(error.code).toBe("COVE_MANIFEST_INVALID");
    expect(error.pluginId).toBe("acme.word-count");
    expect(error.problems).toBe(result.problems);
    expect(error.message.split("\n")).toEqual([
      'The manifest of plugin "acme.word-count" is invalid (7 problems); fix it and load the plugin again:',
      "acme.word-count: manifestVersion: is required",
      "acme.word-count: id: is required",
      "acme.word-count: name: is required",
      "acme.word-count: version: is required",
      "acme.word-count: engines: is required",
      "acme.word-count: main: is required",
      "acme.word-count: activation: is required",
      "See docs/errors/COVE_MANIFEST_INVALID.md and docs/manifest.md.",
    ]);
  });
});
