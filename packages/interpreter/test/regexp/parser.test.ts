/**
 * The pattern parser's early errors (https://tc39.es/ecma262/#sec-patterns-static-semantics-early-errors):
 * for each pattern and flags, whether compileMatcher reports a SyntaxError must agree with the
 * host's RegExp (Node's V8, the oracle here only), across Annex B leniency without `u`, `u`-mode
 * strictness and `v`-mode class syntax.
 */
import { describe, expect, it } from "vitest";
import { compileMatcher } from "../../src/regexp/index.js";

function isError(pattern: string, flags: string): boolean {
  return typeof compileMatcher(pattern, flags) === "string";
}

function hostIsError(pattern: string, flags: string): boolean {
  try {
    new RegExp(pattern, flags);
    return false;
  } catch {
    return true;
  }
}

const ANNEX_B = [
  "a{",
  "a{1",
  "a{1,",
  "{",
  "}",
  "]",
  "x{,2}",
  "\\c",
  "\\c1",
  "[\\c1]",
  "[\\c_]",
  "\\c_",
  "\\8",
  "\\1",
  "\\k",
  "\\u{41}",
  "\\p{L}",
  "[\\d-z]",
  "[z-\\d]",
  "[\\s-\\d]",
  "(?=a)*",
  "(?!a)+",
  "\\x4",
  "\\u004",
  "\\00",
  "\\07",
  "\\377",
  "\\400",
  "(a)\\10",
  "\\a",
  "[\\b-\\n]",
  "[^]",
  "[]",
  "[a-]",
  "[-a]",
  "x{99999999999999999999}",
  "a{1}?",
  "()",
  "(?:)",
  "a|",
];
const ANNEX_B_ERRORS = [
  "a{2,1}",
  "a**",
  "a+*",
  "*",
  "+a",
  "?",
  "(",
  ")",
  "a)",
  "[",
  "[b-a]",
  "(?<=a)*",
  "(?<!a)+",
  "^*",
  "$+",
  "\\b+",
  "\\B{2}",
  "(?x)",
  "(?",
  "(?:",
  "(?=",
  "{1}",
  "{1,}",
  "a{1}{2}",
  "\\",
  "[\\]",
  "a|*",
  "(?<a>.)(?<a>.)",
  "(?<a>.)|(?<a>.)",
  "(?<a>.)\\k<b>",
  "\\k<a>(?<b>.)",
  "(?<a>a)\\k",
  "(?<a>a)\\k<a",
  "(?<a>a)[\\k]",
  "(?<>a)",
  "(?<1a>a)",
  "(?<a-b>a)",
  "a{1}??",
];
const GROUP_NAMES = [
  "(?<a\\u0062>.)\\k<ab>",
  "(?<\\u{1d4d1}>.)",
  "(?<a\\uD835\\uDC9C>.)",
  "(?<𝒜>.)",
  "(?<$_>.)",
  "(?<a\\u200c>.)",
  "(?<\\u0031>.)",
  "(?<a\\x41>.)",
  "(?<π>.)\\k<π>",
];
const UNICODE = [
  "a{",
  "a{1",
  "{",
  "}",
  "]",
  "\\c",
  "\\c1",
  "[\\c1]",
  "\\8",
  "\\1",
  "(a)\\1",
  "(a)\\2",
  "\\k",
  "\\k<a>",
  "(?<a>.)\\k<a>",
  "\\u{110000}",
  "\\u{10FFFF}",
  "\\u{",
  "\\p{Foo}",
  "\\p{L}",
  "\\p{Script=Latin}",
  "\\p{sc=Latn}",
  "\\p{scx=Grek}",
  "\\p{Lu=x}",
  "\\p{General_Category=Lu}",
  "\\P{Any}",
  "\\p{ASCII}",
  "\\p{L",
  "\\p",
  "\\p{RGI_Emoji}",
  "[\\d-z]",
  "[a-\\d]",
  "(?=a)*",
  "\\-",
  "[\\-]",
  "\\a",
  "\\x4",
  "\\u004",
  "\\00",
  "\\0",
  "[\\0]",
  "[\\00]",
  "[\\1]",
  "\\/",
  "\\ud83d\\ude00",
  "[\\ud83d\\ude00-\\ud83d\\ude4f]",
  "[😀-😏]",
  "[😏-😀]",
];
const UNICODE_SETS = [
  "[a&&b]",
  "[a--b]",
  "[[a-z]--[aeiou]]",
  "[a-z&&[aeiou]]",
  "[\\q{abc}]",
  "[\\q{a|}]",
  "[^\\q{ab}]",
  "[^\\q{a}]",
  "[(]",
  "[a-]",
  "[&&a]",
  "[a&&&b]",
  "[a&&b--c]",
  "[ab&&c]",
  "[\\p{RGI_Emoji}]",
  "\\p{RGI_Emoji}",
  "[^\\p{RGI_Emoji}]",
  "\\P{RGI_Emoji}",
  "[a!!b]",
  "[a!b]",
  "[\\!]",
  "[|]",
  "[\\|]",
  "\\q{a}",
  "[]",
  "[^]",
  "[[]]",
  "[\\w--_]",
  "[\\w--\\d]",
  "[[a]&&[b]]",
  "[[^a]--b]",
  "[\\p{L}--\\p{Lu}]",
];

describe("pattern early errors agree with the host", () => {
  const table: [string, string][] = [
    ...ANNEX_B.map((p) => [p, ""] as [string, string]),
    ...ANNEX_B_ERRORS.map((p) => [p, ""] as [string, string]),
    ...GROUP_NAMES.map((p) => [p, ""] as [string, string]),
    ...GROUP_NAMES.map((p) => [p, "u"] as [string, string]),
    ...UNICODE.map((p) => [p, "u"] as [string, string]),
    ...UNICODE.map((p) => [p, "v"] as [string, string]),
    ...UNICODE_SETS.map((p) => [p, "v"] as [string, string]),
  ];
  it.each(table)("/%s/%s", (pattern, flags) => {
    expect(isError(pattern, flags)).toBe(hostIsError(pattern, flags));
  });

  it("the tables exercise both outcomes in every mode", () => {
    expect(ANNEX_B.every((p) => !isError(p, ""))).toBe(true);
    for (const [list, flags] of [
      [UNICODE, "u"],
      [UNICODE_SETS, "v"],
    ] as const) {
      const errors = list.filter((p) => isError(p, flags)).length;
      expect(errors).toBeGreaterThan(3);
      expect(list.length - errors).toBeGreaterThan(3);
    }
    expect(ANNEX_B_ERRORS.every((p) => isError(p, ""))).toBe(true);
  });
});

describe("messages", () => {
  it("name the pattern, the flags and the reason", () => {
    expect(compileMatcher("a**", "g")).toBe(
      "Invalid regular expression: /a**/g: Nothing to repeat",
    );
    expect(compileMatcher("(", "")).toBe("Invalid regular expression: /(/: Unterminated group");
    expect(compileMatcher("[b-a]", "")).toBe(
      "Invalid regular expression: /[b-a]/: Range out of order in character class",
    );
    expect(compileMatcher("(?<a>.)(?<a>.)", "")).toBe(
      "Invalid regular expression: /(?<a>.)(?<a>.)/: Duplicate capture group name",
    );
    expect(compileMatcher("\\p{Nope}", "u")).toBe(
      "Invalid regular expression: /\\p{Nope}/u: Invalid property name",
    );
  });
});

describe("limits", () => {
  it("a deeply nested pattern is a SyntaxError, not a host stack overflow", () => {
    const deep = `${"(".repeat(100_000)}a${")".repeat(100_000)}`;
    expect(compileMatcher(deep, "")).toMatch(/too large/);
    const classes = `${"[".repeat(100_000)}a${"]".repeat(100_000)}`;
    expect(compileMatcher(classes, "v")).toMatch(/too large/);
  });

  it("nesting within the limit compiles and matches", () => {
    const m = compileMatcher(`${"(?:".repeat(300)}a${")".repeat(300)}`, "");
    expect(typeof m).toBe("object");
  });

  it("huge counts compile to counter loops, not unrolled code", () => {
    for (const p of [
      "a{1000000}",
      "(?:ab){0,1000000}",
      "(?:(?:a{1000}){1000}){1000}",
      "(a|b){4294967295}",
    ]) {
      expect(typeof compileMatcher(p, "")).toBe("object");
    }
  });
});
