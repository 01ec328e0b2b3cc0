/**
 * CharSet: construction normalizes, membership, and set algebra, checked against a brute-force
 * model over a small universe (0..199) for many random sets; the built-in sets against the
 * host's \d \w \s.
 */
import { describe, expect, it } from "vitest";
import { CharSet, DIGIT, LINE_TERMINATORS, SPACE, WORD } from "../../src/regexp/unicode/charset.js";

const UNIVERSE = 200;

/** A deterministic pseudo-random generator (mulberry32), so failures reproduce. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomRanges(next: () => number): number[] {
  const out: number[] = [];
  const count = Math.floor(next() * 8);
  for (let i = 0; i < count; i++) {
    const lo = Math.floor(next() * UNIVERSE);
    const hi = lo + Math.floor(next() * 20) - 2; // sometimes lo > hi: ignored
    out.push(lo, Math.min(hi, UNIVERSE - 1));
  }
  return out;
}

function model(ranges: number[]): Set<number> {
  const s = new Set<number>();
  for (let i = 0; i < ranges.length; i += 2) {
    for (let c = ranges[i] as number; c <= (ranges[i + 1] as number); c++) s.add(c);
  }
  return s;
}

function members(set: CharSet): number[] {
  const out: number[] = [];
  set.forEachRange((lo, hi) => {
    for (let c = lo; c <= hi; c++) out.push(c);
  });
  return out;
}

function sorted(s: Set<number>): number[] {
  return [...s].sort((a, b) => a - b);
}

function expectNormalized(set: CharSet): void {
  const r = set.ranges;
  expect(r.length % 2).toBe(0);
  for (let i = 0; i < r.length; i += 2) {
    expect(r[i] as number).toBeLessThanOrEqual(r[i + 1] as number);
    if (i > 0) expect(r[i] as number).toBeGreaterThan((r[i - 1] as number) + 1);
  }
}

describe("CharSet", () => {
  it("normalizes unsorted, overlapping and adjacent ranges", () => {
    const s = CharSet.fromRanges([10, 12, 1, 3, 4, 5, 11, 20, 30, 29]);
    expect(s.ranges).toEqual([1, 5, 10, 20]);
    expect(CharSet.of(5, 3, 4, 9, 3).ranges).toEqual([3, 5, 9, 9]);
    expect(CharSet.range(7, 6).isEmpty).toBe(true);
    expect(CharSet.EMPTY.size).toBe(0);
    expect(CharSet.range(0, 0x10ffff).size).toBe(0x110000);
    expect(CharSet.of(0x41).single).toBe(0x41);
    expect(CharSet.of(0x41, 0x42).single).toBe(-1);
  });

  it("agrees with a brute-force model on has/union/intersect/subtract/complement", () => {
    const next = rng(7);
    for (let round = 0; round < 400; round++) {
      const ra = randomRanges(next);
      const rb = randomRanges(next);
      const a = CharSet.fromRanges(ra);
      const b = CharSet.fromRanges(rb);
      const ma = model(ra);
      const mb = model(rb);
      for (const s of [a, b]) expectNormalized(s);
      expect(members(a)).toEqual(sorted(ma));
      expect(a.size).toBe(ma.size);
      expect(a.isEmpty).toBe(ma.size === 0);
      for (let c = -1; c <= UNIVERSE; c++) expect(a.has(c)).toBe(ma.has(c));
      const union = a.union(b);
      const inter = a.intersect(b);
      const diff = a.subtract(b);
      const comp = a.complement(UNIVERSE - 1);
      for (const s of [union, inter, diff, comp]) expectNormalized(s);
      expect(members(union)).toEqual(sorted(new Set([...ma, ...mb])));
      expect(members(inter)).toEqual(sorted(new Set([...ma].filter((c) => mb.has(c)))));
      expect(members(diff)).toEqual(sorted(new Set([...ma].filter((c) => !mb.has(c)))));
      const all = Array.from({ length: UNIVERSE }, (_, i) => i);
      expect(members(comp)).toEqual(all.filter((c) => !ma.has(c)));
      expect(comp.complement(UNIVERSE - 1).equals(a)).toBe(true);
    }
  });

  it("binary-searches large sets correctly", () => {
    const ranges: number[] = [];
    for (let i = 0; i < 1000; i++) ranges.push(i * 10, i * 10 + 3);
    const s = CharSet.fromRanges(ranges);
    for (let c = -5; c < 10_010; c++) expect(s.has(c)).toBe(c >= 0 && c < 10_000 && c % 10 <= 3);
  });

  it("complements over the whole code point space by default, or the BMP", () => {
    expect(CharSet.EMPTY.complement().ranges).toEqual([0, 0x10ffff]);
    expect(CharSet.range(0, 0x10ffff).complement().isEmpty).toBe(true);
    expect(CharSet.of(0x61).complement(0xffff).ranges).toEqual([0, 0x60, 0x62, 0xffff]);
    expect(CharSet.range(0x10000, 0x10ffff).complement(0xffff).ranges).toEqual([0, 0xffff]);
  });

  it("defines \\d \\w \\s and the line terminators as the host does", () => {
    const cases: [CharSet, RegExp][] = [
      [DIGIT, /\d/],
      [WORD, /\w/],
      [SPACE, /\s/],
    ];
    for (let c = 0; c <= 0xffff; c++) {
      const s = String.fromCharCode(c);
      for (const [set, re] of cases) expect(set.has(c)).toBe(re.test(s));
      expect(LINE_TERMINATORS.has(c)).toBe(!/./.test(s));
    }
  });
});
