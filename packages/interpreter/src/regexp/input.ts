/**
 * Reading the input for the regex VM (matcher.ts): characters as code units or, in u/v mode, as
 * code points (a surrogate pair is one character, a lone surrogate is itself), class membership
 * through a program's Latin-1 bitmap and its sets, and the text comparisons of backreferences.
 */
import { canonicalize } from "./unicode/case-folding.js";
import type { CharSet } from "./unicode/charset.js";

/** LineTerminator: https://tc39.es/ecma262/#prod-LineTerminator */
export function isLineTerminator(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

/** Whether code unit or code point `c` is in set `s` of a program. */
export function isIn(c: number, s: number, latin: Uint8Array, sets: readonly CharSet[]): boolean {
  return c < 256 ? latin[(s << 8) | c] === 1 : (sets[s] as CharSet).has(c);
}

/** Code units of the character at `pos` (u/v mode): 2 for a surrogate pair, 0 at the end. */
export function widthAt(input: string, pos: number, end: number): number {
  if (pos >= end) return 0;
  if ((input.charCodeAt(pos) & 0xfc00) === 0xd800 && pos + 1 < end) {
    if ((input.charCodeAt(pos + 1) & 0xfc00) === 0xdc00) return 2;
  }
  return 1;
}

/** Code units of the character before `pos` (u/v mode): 2 for a surrogate pair, 0 at 0. */
export function widthBefore(input: string, pos: number): number {
  if (pos <= 0) return 0;
  if ((input.charCodeAt(pos - 1) & 0xfc00) === 0xdc00 && pos >= 2) {
    if ((input.charCodeAt(pos - 2) & 0xfc00) === 0xd800) return 2;
  }
  return 1;
}

/** The code point of width `w` at `pos`. */
export function codePointAt(input: string, pos: number, w: number): number {
  const c = input.charCodeAt(pos);
  return w === 2 ? ((c - 0xd800) << 10) + (input.charCodeAt(pos + 1) - 0xdc00) + 0x10000 : c;
}

/** The code point of width `w` before `pos`. */
export function codePointBefore(input: string, pos: number, w: number): number {
  return w === 2 ? codePointAt(input, pos - 2, 2) : input.charCodeAt(pos - 1);
}

/** Whether `input[a, a+len)` equals `input[b, b+len)`. */
export function sameText(input: string, a: number, b: number, len: number): boolean {
  for (let i = 0; i < len; i++)
    if (input.charCodeAt(a + i) !== input.charCodeAt(b + i)) return false;
  return true;
}

/**
 * The same comparison under Canonicalize (https://tc39.es/ecma262/#sec-backreference-matcher
 * step 2.f): character by character, code points in u/v mode.
 */
export function sameTextIgnoringCase(
  input: string,
  a: number,
  b: number,
  len: number,
  unicode: boolean,
): boolean {
  const end = a + len;
  let i = a;
  let j = b;
  while (i < end) {
    const wa = unicode ? widthAt(input, i, end) : 1;
    const wb = unicode ? widthAt(input, j, b + len) : 1;
    const ca = unicode ? codePointAt(input, i, wa) : input.charCodeAt(i);
    const cb = unicode ? codePointAt(input, j, wb) : input.charCodeAt(j);
    if (ca !== cb && canonicalize(ca, unicode) !== canonicalize(cb, unicode)) return false;
    i += wa;
    j += wb;
  }
  return j === b + len;
}
