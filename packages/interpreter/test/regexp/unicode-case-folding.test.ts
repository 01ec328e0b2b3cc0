/**
 * Case folding (src/regexp/unicode/case-folding.ts): Canonicalize, the equivalence classes and
 * the /i closure of character sets, against the host's own case-insensitive RegExp, which the
 * tables were generated from, plus spot checks of CaseFolding.txt's simple foldings.
 */
import { describe, expect, it } from "vitest";
import {
  canonicalize,
  caseClosure,
  caseEquivalents,
  caseFoldedCharacters,
  simpleCaseFold,
  wordCharacters,
} from "../../src/regexp/unicode/case-folding.js";
import { CharSet, WORD } from "../../src/regexp/unicode/charset.js";
import { classBody, esc, HOST_MATCHES_TABLES, hostRanges, rng } from "./unicode-host.js";

/** https://tc39.es/ecma262/#sec-runtime-semantics-canonicalize-ch, non-unicode, by the host. */
function specUppercase(cu: number): number {
  const u = String.fromCharCode(cu).toUpperCase();
  if (u.length !== 1) return cu;
  const c = u.charCodeAt(0);
  return cu >= 128 && c < 128 ? cu : c;
}

describe("canonicalize", () => {
  it("follows CaseFolding.txt (C + S) with u/v", () => {
    const scf: [number, number][] = [
      [0x41, 0x61],
      [0x61, 0x61],
      [0xc5, 0xe5],
      [0x130, 0x130], // only T and F foldings: unchanged by simple folding
      [0x131, 0x131],
      [0x17f, 0x73],
      [0x345, 0x3b9],
      [0x3c2, 0x3c3],
      [0x3f4, 0x3b8],
      [0x1e9b, 0x1e61],
      [0x1e9e, 0xdf], // 1E9E; S; 00DF
      [0x1fd3, 0x390], // 1FD3; S; 0390
      [0x1fe3, 0x3b0],
      [0xfb05, 0xfb06],
      [0x212a, 0x6b],
      [0x212b, 0xe5],
      [0x13a0, 0x13a0], // Cherokee folds to uppercase
      [0xab70, 0x13a0],
      [0x13f8, 0x13f0],
      [0x10400, 0x10428],
      [0x1e900, 0x1e922],
      [0x10ffff, 0x10ffff],
    ];
    for (const [ch, folded] of scf) expect([ch, canonicalize(ch, true)]).toEqual([ch, folded]);
  });

  it("is the toUppercase rule on every code unit without u/v", () => {
    for (let cu = 0; cu <= 0xffff; cu++) {
      const c = canonicalize(cu, false);
      if (c !== specUppercase(cu)) expect([cu, c]).toEqual([cu, specUppercase(cu)]);
    }
    expect(canonicalize(0x17f, false)).toBe(0x17f); // ſ -> S would map non-ASCII into ASCII
    expect(canonicalize(0xdf, false)).toBe(0xdf); // ß -> "SS" is not one code unit
    expect(canonicalize(0x10400 + 0x28, false)).toBe(0x10428); // no code unit above 0xFFFF
  });

  it("is constant on each class and picks a member", () => {
    for (const unicode of [false, true]) {
      for (let ch = 0; ch <= 0x1ffff; ch++) {
        const cls = caseEquivalents(ch, unicode);
        const c = canonicalize(ch, unicode);
        const ok =
          cls.includes(ch) &&
          cls.every((m) => canonicalize(m, unicode) === c) &&
          (!unicode || cls.includes(c));
        if (!ok) expect({ ch, unicode, cls, canonical: c }).toBeUndefined();
      }
    }
  });
});

describe.runIf(HOST_MATCHES_TABLES)("against the host's /i", () => {
  it("case classes equal the host's, without u", () => {
    for (let cu = 0; cu <= 0xffff; cu++) {
      const cls = caseEquivalents(cu, false);
      if (cls.length === 1 && cu % 97 !== 0) continue; // every class, and a sample of singletons
      expect([cu, hostRanges(esc(cu, false), "i")]).toEqual([cu, CharSet.of(...cls).ranges]);
    }
  }, 120_000);

  it("case classes equal the host's, with u and with v", () => {
    // Everything that folds, as one class: the host's closure of it adds nothing...
    const foldable: number[] = [];
    for (let ch = 0; ch <= 0x10ffff; ch++) {
      if (caseEquivalents(ch, true).length > 1) foldable.push(ch, ch);
    }
    const all = CharSet.fromRanges(foldable);
    expect(hostRanges(`[${classBody(all.ranges)}]`, "iu")).toEqual(all.ranges);
    // ... and inside it each character's host class is ours.
    const members: number[] = [];
    all.forEachRange((lo, hi) => {
      for (let c = lo; c <= hi; c++) members.push(c);
    });
    const text = String.fromCodePoint(...members);
    for (const c of members) {
      const host = [...text.matchAll(new RegExp(esc(c), "giu"))].map((m) => m[0].codePointAt(0));
      expect([c, host]).toEqual([c, caseEquivalents(c, true)]);
    }
    for (const flags of ["iu", "iv"]) {
      const next = rng(3);
      for (let k = 0; k < 40; k++) {
        const ch = Math.floor(next() * 0x20000);
        const cls = caseEquivalents(ch, true);
        for (const m of cls)
          expect(new RegExp(`^${esc(ch)}$`, flags).test(String.fromCodePoint(m))).toBe(true);
      }
    }
  }, 120_000);

  it("caseClosure of random sets equals the host's /i class", () => {
    const next = rng(11);
    const sets: CharSet[] = [WORD, CharSet.range(0x80, 0x24f), CharSet.range(0x370, 0x3ff)];
    for (let k = 0; k < 12; k++) {
      const r: number[] = [];
      for (let j = 0; j < 6; j++) {
        const lo = Math.floor(next() * (k < 6 ? 0x3000 : 0x1f000));
        r.push(lo, lo + Math.floor(next() * 300));
      }
      sets.push(CharSet.fromRanges(r));
    }
    for (const set of sets) {
      expect(caseClosure(set, true).ranges).toEqual(hostRanges(`[${classBody(set.ranges)}]`, "iu"));
      const bmp = set.intersect(CharSet.range(0, 0xffff));
      expect(caseClosure(bmp, false).ranges).toEqual(
        hostRanges(`[${classBody(bmp.ranges, false)}]`, "i"),
      );
    }
  }, 120_000);

  it("word characters are \\w's", () => {
    expect(wordCharacters(true, true).ranges).toEqual(hostRanges("\\w", "iu"));
    expect(wordCharacters(true, false).ranges).toEqual(hostRanges("\\w", "i"));
    expect(wordCharacters(false, true).ranges).toEqual(hostRanges("\\w", "u"));
    expect(wordCharacters(true, true).has(0x17f)).toBe(true);
    expect(wordCharacters(true, true).has(0x212a)).toBe(true);
    expect(wordCharacters(true, false).has(0x212a)).toBe(false);
  }, 60_000);
});

describe("/iv helpers", () => {
  it("simpleCaseFold maps each member to its simple case folding", () => {
    const next = rng(5);
    for (let k = 0; k < 20; k++) {
      const r: number[] = [];
      for (let j = 0; j < 5; j++) {
        const lo = Math.floor(next() * 0x2000);
        r.push(lo, lo + Math.floor(next() * 200));
      }
      const set = CharSet.fromRanges(r);
      const expected: number[] = [];
      set.forEachRange((lo, hi) => {
        for (let c = lo; c <= hi; c++) expected.push(canonicalize(c, true), canonicalize(c, true));
      });
      expect(simpleCaseFold(set).ranges).toEqual(CharSet.fromRanges(expected).ranges);
    }
    expect(simpleCaseFold(CharSet.of(0x41, 0x212a, 0x1e9e)).ranges).toEqual([
      0x61, 0x61, 0x6b, 0x6b, 0xdf, 0xdf,
    ]);
  });

  it("caseFoldedCharacters are the fixed points of simple case folding", () => {
    const all = caseFoldedCharacters();
    for (let c = 0; c <= 0x1ffff; c++) {
      if (all.has(c) !== (canonicalize(c, true) === c)) expect(c).toBe(-1);
    }
    expect(all.has(0x10ffff)).toBe(true);
  });
});
