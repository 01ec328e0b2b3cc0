/**
 * CharSet: an immutable set of code points, the "CharSet" of the RegExp semantics
 * (https://tc39.es/ecma262/#sec-pattern-semantics). Stored as a sorted flat array of disjoint,
 * non-adjacent inclusive ranges `[lo0, hi0, lo1, hi1, ...]`, so a class like `[^a-z]` or
 * `\p{L}` costs a few hundred numbers instead of a bitmap over 0x110000 code points, and set
 * algebra (union, intersection, difference for the `v` flag's `&&` / `--`) is a linear merge.
 *
 * Also the spec's built-in sets: \d, \w (basic word characters), \s (WhiteSpace plus
 * LineTerminator) and the line terminators that `.` excludes. They are small literal range
 * lists, so defining them at import time costs nothing measurable.
 */

/** The largest code point. */
export const MAX_CODE_POINT = 0x10ffff;

/** Sets with at most this many ranges are probed linearly; larger ones by binary search. */
const LINEAR_PROBE_RANGES = 4;

export class CharSet {
  /** Sorted, disjoint, non-adjacent inclusive ranges: `[lo0, hi0, lo1, hi1, ...]`. */
  readonly ranges: readonly number[];

  /** Takes ownership of `ranges`, which must already be normalized. */
  private constructor(ranges: readonly number[]) {
    this.ranges = ranges;
  }

  static readonly EMPTY: CharSet = new CharSet([]);

  /** The set of the given code points, in any order, duplicates allowed. */
  static of(...codePoints: number[]): CharSet {
    const ranges: number[] = [];
    for (const cp of codePoints) ranges.push(cp, cp);
    return CharSet.fromRanges(ranges);
  }

  /** The code points `lo..hi` inclusive; empty when `lo > hi`. */
  static range(lo: number, hi: number): CharSet {
    return lo > hi ? CharSet.EMPTY : new CharSet([lo, hi]);
  }

  /**
   * The union of the inclusive ranges `[lo0, hi0, lo1, hi1, ...]`, given in any order,
   * overlapping or not. Ranges with `lo > hi` are ignored.
   */
  static fromRanges(ranges: readonly number[]): CharSet {
    const n = ranges.length >> 1;
    if (n === 0) return CharSet.EMPTY;
    let sorted = true;
    for (let i = 0; i < n; i++) {
      const lo = ranges[2 * i] as number;
      const hi = ranges[2 * i + 1] as number;
      if (lo > hi || (i > 0 && lo <= (ranges[2 * i - 1] as number) + 1)) {
        sorted = false;
        break;
      }
    }
    if (sorted) return new CharSet(ranges.slice(0, 2 * n));
    const order: number[] = [];
    for (let i = 0; i < n; i++) {
      if ((ranges[2 * i] as number) <= (ranges[2 * i + 1] as number)) order.push(i);
    }
    order.sort((a, b) => (ranges[2 * a] as number) - (ranges[2 * b] as number));
    const out: number[] = [];
    for (const i of order) {
      const lo = ranges[2 * i] as number;
      const hi = ranges[2 * i + 1] as number;
      const last = out.length - 1;
      if (last > 0 && lo <= (out[last] as number) + 1) {
        if (hi > (out[last] as number)) out[last] = hi;
      } else {
        out.push(lo, hi);
      }
    }
    return out.length === 0 ? CharSet.EMPTY : new CharSet(out);
  }

  /** Whether the set has no member. */
  get isEmpty(): boolean {
    return this.ranges.length === 0;
  }

  /** The number of code points in the set. */
  get size(): number {
    const r = this.ranges;
    let total = 0;
    for (let i = 0; i < r.length; i += 2) total += (r[i + 1] as number) - (r[i] as number) + 1;
    return total;
  }

  /** The smallest member, or -1 for the empty set. */
  get min(): number {
    return this.ranges.length === 0 ? -1 : (this.ranges[0] as number);
  }

  /** The largest member, or -1 for the empty set. */
  get max(): number {
    const r = this.ranges;
    return r.length === 0 ? -1 : (r[r.length - 1] as number);
  }

  /** The single member when the set has exactly one, else -1. */
  get single(): number {
    const r = this.ranges;
    return r.length === 2 && r[0] === r[1] ? (r[0] as number) : -1;
  }

  has(cp: number): boolean {
    const r = this.ranges;
    const n = r.length;
    if (n <= 2 * LINEAR_PROBE_RANGES) {
      for (let i = 0; i < n; i += 2) {
        if (cp < (r[i] as number)) return false;
        if (cp <= (r[i + 1] as number)) return true;
      }
      return false;
    }
    // Binary search for the last range whose lo <= cp.
    let lo = 0;
    let hi = (n >> 1) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((r[2 * mid] as number) <= cp) lo = mid + 1;
      else hi = mid - 1;
    }
    return hi >= 0 && cp <= (r[2 * hi + 1] as number);
  }

  union(o: CharSet): CharSet {
    if (o.ranges.length === 0) return this;
    if (this.ranges.length === 0) return o;
    return CharSet.fromRanges(mergeSorted(this.ranges, o.ranges));
  }

  intersect(o: CharSet): CharSet {
    const a = this.ranges;
    const b = o.ranges;
    const out: number[] = [];
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
      const lo = Math.max(a[i] as number, b[j] as number);
      const ahi = a[i + 1] as number;
      const bhi = b[j + 1] as number;
      const hi = Math.min(ahi, bhi);
      if (lo <= hi) out.push(lo, hi);
      if (ahi < bhi) i += 2;
      else j += 2;
    }
    return out.length === 0 ? CharSet.EMPTY : new CharSet(out);
  }

  subtract(o: CharSet): CharSet {
    if (o.ranges.length === 0 || this.ranges.length === 0) return this;
    return this.intersect(o.complement(Math.max(this.max, o.max)));
  }

  /** The code points `0..max` that are not in the set. */
  complement(max: number = MAX_CODE_POINT): CharSet {
    const r = this.ranges;
    const out: number[] = [];
    let next = 0;
    for (let i = 0; i < r.length && next <= max; i += 2) {
      const lo = r[i] as number;
      if (lo > next) out.push(next, Math.min(lo - 1, max));
      next = (r[i + 1] as number) + 1;
    }
    if (next <= max) out.push(next, max);
    return out.length === 0 ? CharSet.EMPTY : new CharSet(out);
  }

  equals(o: CharSet): boolean {
    const a = this.ranges;
    const b = o.ranges;
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }

  /** Calls `f(lo, hi)` for each range in ascending order. */
  forEachRange(f: (lo: number, hi: number) => void): void {
    const r = this.ranges;
    for (let i = 0; i < r.length; i += 2) f(r[i] as number, r[i + 1] as number);
  }

  /** A debugging rendering such as `[0x30-0x39,0x5f]`. */
  toString(): string {
    const parts: string[] = [];
    this.forEachRange((lo, hi) => {
      parts.push(lo === hi ? hex(lo) : `${hex(lo)}-${hex(hi)}`);
    });
    return `[${parts.join(",")}]`;
  }

  /** For trusted, already normalized range lists (the generated tables). */
  static fromNormalizedRanges(ranges: readonly number[]): CharSet {
    return ranges.length === 0 ? CharSet.EMPTY : new CharSet(ranges);
  }
}

function hex(cp: number): string {
  return `0x${cp.toString(16)}`;
}

/** Merges two sorted range lists by their `lo` (not yet coalesced). */
function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && (a[i] as number) <= (b[j] as number))) {
      out.push(a[i] as number, a[i + 1] as number);
      i += 2;
    } else {
      out.push(b[j] as number, b[j + 1] as number);
      j += 2;
    }
  }
  return out;
}

/** \d: https://tc39.es/ecma262/#sec-compiletocharset (CharacterClassEscape :: d). */
export const DIGIT: CharSet = CharSet.fromNormalizedRanges([0x30, 0x39]);

/**
 * \w without the /iu extras: the basic word characters
 * (https://tc39.es/ecma262/#sec-wordcharacters step 1). Under /iu also U+017F and U+212A
 * qualify; see `wordCharacters` in case-folding.ts.
 */
export const WORD: CharSet = CharSet.fromNormalizedRanges([
  0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a,
]);

/** LineTerminator: https://tc39.es/ecma262/#sec-line-terminators (LF, CR, LS, PS). */
export const LINE_TERMINATORS: CharSet = CharSet.fromNormalizedRanges([
  0x0a, 0x0a, 0x0d, 0x0d, 0x2028, 0x2029,
]);

/**
 * \s: WhiteSpace (https://tc39.es/ecma262/#sec-white-space: TAB, VT, FF, ZWNBSP and the
 * Space_Separator (Zs) characters) plus LineTerminator, as CharacterClassEscape :: s says.
 */
export const SPACE: CharSet = CharSet.fromNormalizedRanges([
  0x09, 0x0d, 0x20, 0x20, 0xa0, 0xa0, 0x1680, 0x1680, 0x2000, 0x200a, 0x2028, 0x2029, 0x202f,
  0x202f, 0x205f, 0x205f, 0x3000, 0x3000, 0xfeff, 0xfeff,
]);
