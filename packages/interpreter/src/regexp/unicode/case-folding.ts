/**
 * Case-insensitive matching: the spec's Canonicalize and what the compiler derives from it.
 * A pattern with the `i` flag compares Canonicalize(ch) of input and pattern characters
 * (https://tc39.es/ecma262/#sec-runtime-semantics-canonicalize-ch). Rather than canonicalizing
 * at every step, the compiler closes each character set under case equivalence once
 * (`caseClosure`), so an /i class test is a plain `has`.
 *
 * The tables (case-folding-data.ts) are generated, not taken from the host at run time, so the
 * answers do not depend on the Node version. Each mode's table is decoded on first use.
 */

import { SIMPLE_CASE_FOLDING, UPPERCASE_CANONICAL } from "./case-folding-data.js";
import { CharSet, WORD } from "./charset.js";
import { decodeMapping } from "./codec.js";

/** One mode's decoded table. */
interface Folding {
  /** ch -> Canonicalize(ch), for the characters it changes. */
  readonly canonical: Map<number, number>;
  /** Canonicalize over the BMP as a table (folding never leaves the BMP from inside it). */
  readonly bmp: Uint16Array;
  /** Each character of a class of two or more -> the class's members, ascending. */
  readonly classes: Map<number, readonly number[]>;
  /** Every character with a class of two or more. */
  readonly foldable: CharSet;
}

let unicodeFolding: Folding | undefined;
let legacyFolding: Folding | undefined;

function decode(text: string): Folding {
  const canonical = new Map<number, number>();
  const byTarget = new Map<number, number[]>();
  const bmp = new Uint16Array(0x10000);
  for (let ch = 0; ch < 0x10000; ch++) bmp[ch] = ch;
  decodeMapping(text, (from, to) => {
    canonical.set(from, to);
    if (from < 0x10000) {
      if (to >= 0x10000) throw new Error("case folding table: BMP character folds out of the BMP");
      bmp[from] = to;
    }
    const members = byTarget.get(to);
    if (members === undefined) byTarget.set(to, [from]);
    else members.push(from);
  });
  const classes = new Map<number, readonly number[]>();
  const all: number[] = [];
  for (const [target, members] of byTarget) {
    if (!canonical.has(target)) members.push(target);
    if (members.length < 2) continue;
    members.sort((a, b) => a - b);
    for (const m of members) {
      classes.set(m, members);
      all.push(m, m);
    }
  }
  return { canonical, bmp, classes, foldable: CharSet.fromRanges(all) };
}

function folding(unicode: boolean): Folding {
  if (unicode) {
    unicodeFolding ??= decode(SIMPLE_CASE_FOLDING);
    return unicodeFolding;
  }
  legacyFolding ??= decode(UPPERCASE_CANONICAL);
  return legacyFolding;
}

/**
 * Canonicalize(rer, ch) for a pattern with the `i` flag
 * (https://tc39.es/ecma262/#sec-runtime-semantics-canonicalize-ch): with `u` or `v`
 * (`unicode`), simple case folding; otherwise the single code unit toUppercase gives, unless
 * it is not one code unit or maps a non-ASCII character into ASCII.
 */
export function canonicalize(ch: number, unicode: boolean): number {
  if (ch < 0x80) {
    if (unicode) return ch >= 0x41 && ch <= 0x5a ? ch + 0x20 : ch;
    return ch >= 0x61 && ch <= 0x7a ? ch - 0x20 : ch;
  }
  const table = folding(unicode);
  if (ch < 0x10000) return table.bmp[ch] as number;
  return table.canonical.get(ch) ?? ch;
}

/** Every character whose Canonicalize equals that of `ch`, ascending (at least `ch` itself). */
export function caseEquivalents(ch: number, unicode: boolean): readonly number[] {
  return folding(unicode).classes.get(ch) ?? [ch];
}

/**
 * The characters an /i CharacterSetMatcher over `set` accepts
 * (https://tc39.es/ecma262/#sec-compiletocharset with
 * https://tc39.es/ecma262/#sec-runtime-semantics-charactersetmatcher-abstract-operation step
 * 3.a–b): every character whose Canonicalize equals that of some member.
 */
export function caseClosure(set: CharSet, unicode: boolean): CharSet {
  const { classes, foldable } = folding(unicode);
  const touched = set.intersect(foldable);
  if (touched.isEmpty) return set;
  const extra: number[] = [];
  touched.forEachRange((lo, hi) => {
    for (let ch = lo; ch <= hi; ch++) {
      for (const m of classes.get(ch) ?? []) if (!set.has(m)) extra.push(m, m);
    }
  });
  return extra.length === 0 ? set : set.union(CharSet.fromRanges(extra));
}

/**
 * MaybeSimpleCaseFolding's code point part (https://tc39.es/ecma262/#sec-maybesimplecasefolding),
 * for /iv classes: the set of scf(c) for every member c.
 */
export function simpleCaseFold(set: CharSet): CharSet {
  const { canonical, foldable } = folding(true);
  const touched = set.intersect(foldable);
  if (touched.isEmpty) return set;
  const folded: number[] = [];
  touched.forEachRange((lo, hi) => {
    for (let ch = lo; ch <= hi; ch++) {
      const c = canonical.get(ch) ?? ch;
      folded.push(c, c);
    }
  });
  return set.subtract(touched).union(CharSet.fromRanges(folded));
}

let unfoldedCharacters: CharSet | undefined;

/**
 * AllCharacters(rer) for /iv (https://tc39.es/ecma262/#sec-allcharacters step 1): the
 * characters that simple case folding leaves unchanged, the universe a complemented /iv class
 * is taken in.
 */
export function caseFoldedCharacters(): CharSet {
  if (unfoldedCharacters === undefined) {
    const { canonical } = folding(true);
    const changed: number[] = [];
    for (const ch of canonical.keys()) changed.push(ch, ch);
    unfoldedCharacters = CharSet.fromRanges(changed).complement();
  }
  return unfoldedCharacters;
}

let unicodeIgnoreCaseWord: CharSet | undefined;

/**
 * WordCharacters(rer) (https://tc39.es/ecma262/#sec-wordcharacters), used by \w, \W, \b and
 * \B: the basic word characters, plus, when case-insensitive with `u` or `v`, the characters
 * that canonicalize into them (U+017F and U+212A). Without `u`/`v` no extra character
 * qualifies: the toUppercase rule never maps non-ASCII into ASCII.
 */
export function wordCharacters(ignoreCase: boolean, unicode: boolean): CharSet {
  if (!ignoreCase || !unicode) return WORD;
  unicodeIgnoreCaseWord ??= caseClosure(WORD, true);
  return unicodeIgnoreCaseWord;
}
