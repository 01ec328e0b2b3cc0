import { describe, expect, it } from "vitest";
import {
  compareWithKnown,
  findSkip,
  formatKnownFailures,
  ListError,
  parseKnownFailures,
  parseSkipList,
  pathOf,
} from "../../test262/expectations.js";
import { makeFilter } from "../../test262/filter.js";

const A = "test/language/a.js";
const B = "test/language/b.js";
const C = "test/built-ins/Array/c.js";

function results(...rows: [id: string, pass: boolean][]) {
  return rows.map(([id, pass]) => ({ id, path: pathOf(id), pass }));
}

describe("known failures", () => {
  it("parses ids and ignores comments and blank lines", () => {
    const known = parseKnownFailures(`# header\n\n${A} strict\n${B} non-strict  # why\n`);
    expect([...known]).toEqual([`${A} strict`, `${B} non-strict`]);
  });

  it("rejects lines without a valid variant", () => {
    expect(() => parseKnownFailures(`${A}\n`)).toThrow(ListError);
    expect(() => parseKnownFailures(`${A} sloppy\n`)).toThrow(/known-failures.txt:1/);
  });

  it("formats sorted by code unit, deduplicated, after a comment header", () => {
    const text = formatKnownFailures([
      `${B} strict`,
      `${A} strict`,
      `${A} non-strict`,
      `${B} strict`,
    ]);
    const lines = text.split("\n").filter((l) => l !== "" && !l.startsWith("#"));
    expect(lines).toEqual([`${A} non-strict`, `${A} strict`, `${B} strict`]);
    expect(text.endsWith("\n")).toBe(true);
    expect([...parseKnownFailures(text)]).toEqual(lines);
    // Upper case sorts before lower case whatever the locale.
    const cased = formatKnownFailures(["test/b.js strict", "test/B.js strict"]).split("\n");
    expect(cased.filter((l) => l.startsWith("test/"))).toEqual([
      "test/B.js strict",
      "test/b.js strict",
    ]);
  });

  it("reports an unlisted failure as a regression and a passing listed run as stale", () => {
    const known = new Set([`${A} strict`, `${B} strict`]);
    const cmp = compareWithKnown(
      known,
      results(
        [`${A} strict`, false],
        [`${B} strict`, true],
        [`${C} non-strict`, false],
        [`${C} strict`, true],
      ),
      makeFilter([]),
    );
    expect(cmp.regressions).toEqual([`${C} non-strict`]);
    expect(cmp.stale).toEqual([`${B} strict`]);
    expect([...cmp.updated].sort()).toEqual([`${C} non-strict`, `${A} strict`].sort());
  });

  it("reports nothing when the run matches the list", () => {
    const known = new Set([`${A} strict`]);
    const cmp = compareWithKnown(
      known,
      results([`${A} strict`, false], [`${A} non-strict`, true]),
      makeFilter([]),
    );
    expect(cmp.regressions).toEqual([]);
    expect(cmp.stale).toEqual([]);
  });

  it("treats listed runs that did not run at all as stale inside the selection", () => {
    // The test was skipped, deleted or moved out of scope: the entry no longer describes a failure.
    const cmp = compareWithKnown(new Set([`${A} strict`]), [], makeFilter([]));
    expect(cmp.stale).toEqual([`${A} strict`]);
    expect(cmp.updated.size).toBe(0);
  });

  it("leaves entries outside a filtered run alone", () => {
    const known = new Set([`${A} strict`, `${C} strict`]);
    const cmp = compareWithKnown(
      known,
      results([`${C} strict`, true]),
      makeFilter(["test/built-ins"]),
    );
    expect(cmp.stale).toEqual([`${C} strict`]);
    expect(cmp.regressions).toEqual([]);
    expect([...cmp.updated]).toEqual([`${A} strict`]);
  });
});

describe("skip list", () => {
  const skips = parseSkipList(`# comment
test/language/statements/for/hang.js  # loops for minutes
test/built-ins/RegExp/property-escapes/generated strict  # slow: 500 ms each
test/built-ins/Array/**/length-near-*.js  # allocates 2^32 elements
`);

  it("matches exact paths, prefixes, globs and variants", () => {
    expect(findSkip(skips, "test/language/statements/for/hang.js", "strict")?.reason).toBe(
      "loops for minutes",
    );
    const p = "test/built-ins/RegExp/property-escapes/generated/Script_-_Latin.js";
    expect(findSkip(skips, p, "strict")?.reason).toBe("slow: 500 ms each");
    expect(findSkip(skips, p, "non-strict")).toBeUndefined();
    expect(
      findSkip(skips, "test/built-ins/Array/prototype/push/length-near-integer-limit.js", "strict"),
    ).toBeDefined();
    expect(findSkip(skips, "test/language/statements/for/hang2.js", "strict")).toBeUndefined();
  });

  it("requires a reason and a valid variant", () => {
    expect(() => parseSkipList("test/a.js\n")).toThrow(/skip.txt:1: add "# <reason>"/);
    expect(() => parseSkipList("test/a.js sloppy # x\n")).toThrow(ListError);
  });
});
