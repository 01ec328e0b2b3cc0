import { describe, expect, it } from "vitest";
import {
  extractFrontmatter,
  FrontmatterError,
  parseFrontmatter,
  parseYamlSubset,
} from "../../test262/frontmatter.js";

const header = "// Copyright (C) 2016 the V8 project authors. All rights reserved.\n";

describe("frontmatter", () => {
  it("reads flow lists, a negative map and folded descriptions", () => {
    const src = `${header}/*---
esid: sec-let-and-const-declarations
description: >
    It is a Syntax Error if the BoundNames of BindingList
    contains "let".
negative:
  phase: parse
  type: SyntaxError
flags: [noStrict]
features: [let, destructuring-binding]
---*/

$DONOTEVALUATE();
let let = 1;
`;
    const meta = parseFrontmatter(src);
    expect(meta.negative).toEqual({ phase: "parse", type: "SyntaxError" });
    expect(meta.flags).toEqual(["noStrict"]);
    expect(meta.features).toEqual(["let", "destructuring-binding"]);
    expect(meta.includes).toEqual([]);
    expect(meta.description).toBe(
      'It is a Syntax Error if the BoundNames of BindingList contains "let".',
    );
  });

  it("reads block lists", () => {
    const meta = parseFrontmatter(`/*---
description: x
includes: [propertyHelper.js, compareArray.js]
features:
  - Symbol.toStringTag
  - Symbol.iterator
---*/`);
    expect(meta.features).toEqual(["Symbol.toStringTag", "Symbol.iterator"]);
    expect(meta.includes).toEqual(["propertyHelper.js", "compareArray.js"]);
  });

  it("keeps literal block scalars verbatim and does not read keys inside them", () => {
    const yaml = parseYamlSubset(`
info: |
    [[Get]] (P, Receiver)

    flags: [module]
    1. Return ? OrdinaryGet(O, P, Receiver).
flags: [onlyStrict]
`);
    expect(yaml.info).toBe(
      "[[Get]] (P, Receiver)\n\nflags: [module]\n1. Return ? OrdinaryGet(O, P, Receiver).",
    );
    expect(yaml.flags).toEqual(["onlyStrict"]);
  });

  it("accepts a block indented as a whole", () => {
    const meta = parseFrontmatter(`/*---
 description: >
    Functions created using Function.prototype.bind()
 flags: [onlyStrict]
---*/`);
    expect(meta.flags).toEqual(["onlyStrict"]);
    expect(meta.description).toBe("Functions created using Function.prototype.bind()");
  });

  it("strips comments and quotes in lists", () => {
    const yaml = parseYamlSubset(`features: ["a", 'b', c] # trailing comment\n`);
    expect(yaml.features).toEqual(["a", "b", "c"]);
  });

  it("gives empty metadata to a file without frontmatter", () => {
    expect(extractFrontmatter("var x = 1;")).toBeUndefined();
    expect(parseFrontmatter("var x = 1;")).toEqual({
      includes: [],
      flags: [],
      features: [],
      negative: undefined,
      description: "",
    });
  });

  it("rejects malformed metadata instead of guessing", () => {
    expect(() => parseFrontmatter("/*--- flags: [raw]")).toThrow(FrontmatterError);
    expect(() =>
      parseFrontmatter("/*---\nnegative:\n  phase: early\n  type: SyntaxError\n---*/"),
    ).toThrow(/unknown negative phase/);
    expect(() => parseFrontmatter("/*---\nnegative:\n  phase: parse\n---*/")).toThrow(/no "type"/);
    expect(() => parseFrontmatter("/*---\nflags: [raw\n---*/")).toThrow(/unterminated list/);
  });
});
