import { describe, expect, it } from "vitest";
import { Shape } from "../../src/values/shape.js";

const ALL = 7;

function chain(from: Shape, keys: string[], attrs = ALL): Shape {
  let s = from;
  for (const k of keys) s = s.add(k, attrs);
  return s;
}

describe("Shape", () => {
  it("shares shapes between objects built by the same additions", () => {
    const root = Shape.root();
    expect(chain(root, ["a", "b", "c"])).toBe(chain(root, ["a", "b", "c"]));
  });

  it("keeps each branch's keys when two branches leave one parent (shared key lists)", () => {
    const root = Shape.root();
    const ab = chain(root, ["a", "b"]);
    const abc = ab.add("c", ALL);
    const abd = ab.add("d", ALL);
    const x = root.add("x", ALL);
    expect(ab.keys()).toEqual(["a", "b"]);
    expect(abc.keys()).toEqual(["a", "b", "c"]);
    expect(abd.keys()).toEqual(["a", "b", "d"]);
    expect(x.keys()).toEqual(["x"]);
    expect(ab.indexOf("c")).toBe(-1);
    expect(abd.indexOf("c")).toBe(-1);
    expect(abd.indexOf("d")).toBe(2);
    expect(root.indexOf("a")).toBe(-1);
  });

  it("distinguishes transitions by attributes", () => {
    const root = Shape.root();
    const writable = root.add("a", ALL);
    const frozen = root.add("a", 0);
    expect(writable).not.toBe(frozen);
    expect(writable.attrsAt(0)).toBe(ALL);
    expect(frozen.attrsAt(0)).toBe(0);
    expect(root.add("a", 0)).toBe(frozen);
    expect(root.add("a", ALL)).toBe(writable);
  });

  it("finds keys in large shapes before and after building the hash table", () => {
    const keys = Array.from({ length: 40 }, (_, i) => `k${i}`);
    const big = chain(Shape.root(), keys);
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < keys.length; i++) expect(big.indexOf(keys[i] as string)).toBe(i);
      expect(big.indexOf("missing")).toBe(-1);
    }
  });

  it("adds a table of keys at once without recording a transition", () => {
    const root = Shape.root();
    const base = root.add("constructor", 5);
    const many = base.addMany(["x", "y"], [5, 1]);
    expect(many.keys()).toEqual(["constructor", "x", "y"]);
    expect(many.attrsAt(2)).toBe(1);
    const one = base.add("x", 5);
    expect(one).not.toBe(many);
    expect(one.keys()).toEqual(["constructor", "x"]);
  });
});
