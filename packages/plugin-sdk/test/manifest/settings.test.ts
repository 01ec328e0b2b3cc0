import { describe, expect, it } from "vitest";
import { type ManifestProblem, validateManifest } from "../../src/index.js";
import { minimalManifest } from "./fixtures.js";

function withSettings(settings: Record<string, unknown>) {
  return validateManifest({ ...minimalManifest(), contributes: { settings } });
}

function problemsOf(settings: Record<string, unknown>): ManifestProblem[] {
  const result = withSettings(settings);
  if (result.ok) throw new Error("expected the settings to be invalid");
  return result.problems;
}

describe("contributes.settings", () => {
  it("accepts settings whose defaults match their schemas", () => {
    const result = withSettings({
      "format.tabs": { type: "boolean", default: true },
      "format.width": { type: "integer", minimum: 20, maximum: 200, multipleOf: 2, default: 80 },
      "format.style": { type: "string", enum: ["a", "b"], default: "a", title: "Style" },
      "format.skip": { type: "array", items: { type: "string" }, maxItems: 3, default: [] },
      "format.rules": {
        type: "object",
        properties: { quotes: { type: "string", enum: ["single", "double"] } },
        additionalProperties: false,
        default: { quotes: "double" },
      },
    });
    expect(result.ok).toBe(true);
  });

  it("catches a default that does not match its own schema, at the path inside the default", () => {
    expect(
      problemsOf({
        "format.width": { type: "integer", maximum: 200, default: 500 },
        "format.tabs": { type: "boolean", default: "yes" },
        "format.style": { type: "string", enum: ["a", "b"], default: "c" },
        "format.skip": { type: "array", items: { type: "string" }, default: ["ok", 3] },
        "format.rules": {
          type: "object",
          properties: { quotes: { type: "string" } },
          required: ["quotes"],
          additionalProperties: false,
          default: { quote: "double" },
        },
      }),
    ).toEqual([
      {
        path: 'contributes.settings["format.width"].default',
        message: "must be at most 200, not 500",
      },
      {
        path: 'contributes.settings["format.tabs"].default',
        message: 'must be a boolean, not "yes"',
      },
      {
        path: 'contributes.settings["format.style"].default',
        message: 'must be one of "a", "b", not "c"',
      },
      {
        path: 'contributes.settings["format.skip"].default[1]',
        message: "must be a string, not 3",
      },
      {
        path: 'contributes.settings["format.rules"].default.quotes',
        message: "is required",
      },
      {
        path: 'contributes.settings["format.rules"].default.quote',
        message: 'is not a known field; did you mean "quotes"?',
      },
    ]);
  });

  it("requires a type and a default, and only the safe subset of JSON Schema", () => {
    expect(
      problemsOf({
        a: { default: 1 },
        b: { type: "string" },
        c: { type: "string", pattern: "^(a+)+$", default: "a" },
        d: { type: "string", format: "email", default: "a@b.c" },
        e: { type: "array", items: { $ref: "#" }, default: [] },
      }),
    ).toEqual([
      { path: "contributes.settings.a.type", message: "is required" },
      { path: "contributes.settings.b.default", message: "is required" },
      {
        path: "contributes.settings.c.pattern",
        message:
          "is not supported in a setting schema (a regular expression from a plugin could stall the host); docs/manifest.md lists the keywords a setting may use",
      },
      {
        path: "contributes.settings.d.format",
        message:
          "is not supported in a setting schema; docs/manifest.md lists the keywords a setting may use",
      },
      { path: "contributes.settings.e.items.type", message: "is required" },
      {
        path: "contributes.settings.e.items.$ref",
        message:
          "is not supported in a setting schema; docs/manifest.md lists the keywords a setting may use",
      },
    ]);
  });

  it("reports a schema whose keywords cannot apply to its type, instead of ignoring them", () => {
    const [problem, ...rest] = problemsOf({ s: { type: "string", minimum: 3, default: "x" } });
    expect(rest).toEqual([]);
    expect(problem?.path).toBe("contributes.settings.s");
    expect(problem?.message).toMatch(/^is not a usable setting schema: .*minimum/);
  });

  it("refuses setting keys that are not dot-separated names", () => {
    expect(problemsOf({ "a b": { type: "string", default: "" } })).toEqual([
      {
        path: 'contributes.settings["a b"]',
        message: expect.stringMatching(/^"a b" is not valid\. Use dot-separated segments/),
      },
    ]);
  });

  it("does not keep compiled setting schemas alive between validations", () => {
    // Each validation compiles fresh setting schemas; a cache that kept them would grow forever.
    for (let i = 0; i < 200; i++) {
      expect(withSettings({ n: { type: "integer", maximum: i, default: i } }).ok).toBe(true);
    }
  });
});
