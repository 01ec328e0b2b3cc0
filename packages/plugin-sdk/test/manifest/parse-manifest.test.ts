import { describe, expect, it } from "vitest";
import { formatProblems, type ManifestProblem, parseManifest } from "../../src/index.js";
import { minimalManifest } from "./fixtures.js";

function problemsOf(text: string, file?: string): ManifestProblem[] {
  const result = parseManifest(text, file);
  if (result.ok) throw new Error("expected problems");
  return result.problems;
}

describe("parseManifest", () => {
  it("parses and validates a manifest", () => {
    const text = JSON.stringify(minimalManifest(), null, 2);
    expect(parseManifest(text)).toEqual({ ok: true, manifest: minimalManifest() });
    expect(parseManifest(`\uFEFF${text}`).ok).toBe(true);
  });

  it("reports a syntax error with its line and column, in words", () => {
    const cases: [string, number, number, string][] = [
      ['{\n  "id": "a.b",\n}', 3, 1, "trailing commas are not allowed in JSON"],
      [
        '{\n  "a": 1\n  "b": 2\n}',
        3,
        3,
        `unexpected '"', expected "," or "}" after a property value`,
      ],
      ["[1, 2", 1, 6, 'unexpected end of file, expected "," or "]" after an array item'],
      [
        '{"a": "line\nbreak"}',
        1,
        12,
        "line breaks and control characters must be escaped in strings",
      ],
      ["// comment\n{}", 1, 1, "comments are not allowed in JSON"],
      ['{"a": tru}', 1, 7, "unexpected 't', expected a value"],
      ["", 1, 1, "unexpected end of file, expected a value"],
      ['{"a": "\\q"}', 1, 8, "invalid escape sequence in a string"],
      ['{"a": "open', 1, 7, "this string is never closed"],
      ["{a: 1}", 1, 2, "unexpected 'a', expected a property name in double quotes"],
      ["{} {}", 1, 4, "unexpected '{', expected the end of the file after the value"],
      ["[01]", 1, 3, `unexpected '1', expected "," or "]" after an array item`],
      ["\t\u0001", 1, 2, "unexpected '\\u0001', expected a value"],
    ];
    for (const [text, line, column, detail] of cases) {
      expect(problemsOf(text, "plugins/x/cove-plugin.json"), text).toEqual([
        {
          path: "",
          message: `invalid JSON: ${detail}`,
          file: "plugins/x/cove-plugin.json",
          line,
          column,
        },
      ]);
    }
  });

  it("locates each validation problem at its key, or at the enclosing object if missing", () => {
    const text = [
      "{",
      '  "manifestVersion": 1,',
      '  "id": "acme.word-count",',
      '  "name": "Word count",',
      '  "version": "1.0",',
      '  "engines": {},',
      '  "main": "main.js",',
      '  "activation": ["onStartup", "onFoo"]',
      "}",
    ].join("\n");
    const problems = problemsOf(text);
    expect(problems.map(({ path, line, column, file }) => ({ path, line, column, file }))).toEqual([
      { path: "version", line: 5, column: 3, file: "cove-plugin.json" },
      { path: "engines.host", line: 6, column: 3, file: "cove-plugin.json" },
      { path: "activation[1]", line: 8, column: 31, file: "cove-plugin.json" },
    ]);
    expect(formatProblems("acme.word-count", problems)).toBe(
      [
        'acme.word-count: cove-plugin.json:5:3: version: "1.0" is not a valid semver version (such as "1.2.3")',
        "acme.word-count: cove-plugin.json:6:3: engines.host: is required",
        'acme.word-count: cove-plugin.json:8:31: activation[1]: "onFoo" is not valid. Use "onStartup", "onCommand:<command id>" or "onEvent:<event name>"',
      ].join("\n"),
    );
  });

  it("reports a key given twice, which JSON.parse would resolve silently", () => {
    const base = JSON.stringify(minimalManifest(), null, 2).slice(0, -2);
    const text = `${base},\n  "main": "other.js"\n}`;
    expect(problemsOf(text)).toEqual([
      {
        path: "main",
        message:
          '"main" is given twice in the same object; JSON keeps only the last, so remove one',
        file: "cove-plugin.json",
        line: 13,
        column: 3,
      },
    ]);
  });

  it("refuses text nested too deeply or too long, and input that is not text", () => {
    expect(problemsOf("[".repeat(100_000))[0]?.message).toBe(
      "invalid JSON: nested more than 64 levels deep",
    );
    expect(problemsOf(" ".repeat(1_000_001))[0]?.message).toBe(
      "the manifest's text is longer than 1000000 characters",
    );
    expect(problemsOf(42 as unknown as string)[0]?.message).toBe(
      "the manifest text must be a string, not 42",
    );
  });

  it("passes the expected plugin id on to validation", () => {
    const text = JSON.stringify(minimalManifest());
    expect(parseManifest(text, "cove-plugin.json", { pluginId: "acme.other" }).ok).toBe(false);
  });
});
