/**
 * Decoders for the generated Unicode tables (*-data.ts, written by scripts/gen-unicode.mjs,
 * whose header describes the encoding). The tables are strings so that importing them costs
 * only a few string literals; a table is decoded when a pattern first needs it.
 *
 * Numbers are base-32 varints: every digit but the last is one of CONT, the last one of LAST.
 */

const LAST = "0123456789abcdefghijklmnopqrstuv";
const CONT = "ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&*";

let digitTable: Int8Array | undefined;

/** Char code -> digit value, +32 for continuation digits, -1 for anything else. */
function digits(): Int8Array {
  if (digitTable === undefined) {
    digitTable = new Int8Array(128).fill(-1);
    for (let i = 0; i < 32; i++) {
      digitTable[LAST.charCodeAt(i)] = i;
      digitTable[CONT.charCodeAt(i)] = 32 + i;
    }
  }
  return digitTable;
}

/** The unsigned integers encoded in `text`. */
export function decodeNumbers(text: string): number[] {
  const table = digits();
  const out: number[] = [];
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const d = table[text.charCodeAt(i)] ?? -1;
    if (d < 0) throw new Error(`corrupt Unicode table at ${i}`);
    if (d >= 32) {
      n = n * 32 + (d - 32);
    } else {
      out.push(n * 32 + d);
      n = 0;
    }
  }
  return out;
}

/** A range list `[lo0, hi0, ...]` from its (gap, length) encoding. */
export function decodeRanges(text: string): number[] {
  const numbers = decodeNumbers(text);
  const out: number[] = [];
  let cursor = 0;
  for (let i = 0; i + 1 < numbers.length; i += 2) {
    const lo = cursor + (numbers[i] as number);
    const hi = lo + (numbers[i + 1] as number);
    out.push(lo, hi);
    cursor = hi + 2;
  }
  return out;
}

function unzigzag(n: number): number {
  return n % 2 === 0 ? n / 2 : -(n + 1) / 2;
}

/**
 * A code point mapping from its runs (gap, count - 1, stride - 1, zigzag(offset)): calls
 * `f(from, to)` for every entry, in ascending order of `from`.
 */
export function decodeMapping(text: string, f: (from: number, to: number) => void): void {
  const numbers = decodeNumbers(text);
  let cursor = 0;
  for (let i = 0; i + 3 < numbers.length; i += 4) {
    const start = cursor + (numbers[i] as number);
    const count = (numbers[i + 1] as number) + 1;
    const stride = (numbers[i + 2] as number) + 1;
    const offset = unzigzag(numbers[i + 3] as number);
    for (let k = 0; k < count; k++) {
      const cp = start + k * stride;
      f(cp, cp + offset);
    }
    cursor = start + (count - 1) * stride + 1;
  }
}

/**
 * Strings from their encoding: each string's length in code points, then its code points as
 * zigzag deltas from the code point at the same position in the previous string (or that
 * string's last code point, or 0).
 */
export function decodeStrings(text: string): string[] {
  const numbers = decodeNumbers(text);
  const out: string[] = [];
  let prev: number[] = [];
  for (let i = 0; i < numbers.length; ) {
    const length = numbers[i++] as number;
    const cps: number[] = [];
    for (let k = 0; k < length; k++) {
      const base = prev[k] ?? prev[prev.length - 1] ?? 0;
      cps.push(base + unzigzag(numbers[i++] as number));
    }
    out.push(String.fromCodePoint(...cps));
    prev = cps;
  }
  return out;
}
