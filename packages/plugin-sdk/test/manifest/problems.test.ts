import { describe, expect, it } from "vitest";
import { formatProblems } from "../../src/index.js";
import { formatPath } from "../../src/manifest/problems.js";

describe("formatPath", () => {
  it("writes paths as JavaScript accessors, quoting keys that are not identifiers", () => {
    expect(formatPath([])).toBe("");
    expect(formatPath(["engines", "host"])).toBe("engines.host");
    expect(formatPath(["capabilities", 2, "scope", 0])).toBe("capabilities[2].scope[0]");
    expect(formatPath(["dependencies", "acme.base"])).toBe('dependencies["acme.base"]');
    expect(formatPath(["x-extra"])).toBe('["x-extra"]');
    expect(formatPath(["$schema"])).toBe("$schema");
  });
});

describe("formatProblems", () => {
  it("prefixes each problem with the plugin id, and the file position when known", () => {
    expect(
      formatProblems("acme.word-count", [
        { path: "engines.host", message: 'must be a semver range other than "*"' },
        { path: "", message: "must be an object, not null", file: "cove-plugin.json" },
        { path: "main", message: "is required", file: "a/cove-plugin.json", line: 1, column: 1 },
      ]),
    ).toBe(
      [
        'acme.word-count: engines.host: must be a semver range other than "*"',
        "acme.word-count: cove-plugin.json: must be an object, not null",
        "acme.word-count: a/cove-plugin.json:1:1: main: is required",
      ].join("\n"),
    );
    expect(formatProblems("acme.x", [])).toBe("");
  });
});
