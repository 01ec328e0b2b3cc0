/**
 * String abstract operations shared by String, String.prototype and RegExp.prototype
 * (https://tc39.es/ecma262/#sec-string-objects): `this` coercion, StringIndexOf, CodePointAt,
 * AdvanceStringIndex, GetSubstitution, and the metering helpers every string built-in uses before
 * it asks the host to build a string.
 */

import { toString } from "../runtime/conversions.js";
import { charFuel, stringBytes } from "../runtime/costs.js";
import type { Run } from "../runtime/run.js";
import { throwRangeError, throwTypeError } from "../runtime/throw.js";
import type { JSObject } from "../values/object.js";
import type { Value } from "../values/value.js";

/** What one concatenation costs the host besides the characters (a V8 ConsString). */
const ROPE_NODE_BYTES = 32;

/** The longest string the host can build (V8's String::kMaxLength on 64-bit hosts). */
export const MAX_STRING_LENGTH = 2 ** 29 - 24;

/**
 * Charges the memory of a new string of `length` code units before it is built, and turns a
 * length the host cannot represent into the guest RangeError engines throw.
 */
export function allocString(run: Run, length: number): void {
  run.alloc(stringBytes(length));
  if (length > MAX_STRING_LENGTH) throwRangeError(run, "Invalid string length");
}

/**
 * Accumulates the pieces of a string a built-in produces, charging memory for each piece as it
 * is added and refusing a total longer than the host allows.
 */
export class StringBuilder {
  /** The pieces so far, concatenated (the host keeps them as a rope until the string is read). */
  private s = "";

  constructor(private readonly run: Run) {}

  get length(): number {
    return this.s.length;
  }

  append(piece: string): void {
    const n = piece.length;
    if (n === 0) return;
    if (this.s.length + n > MAX_STRING_LENGTH) throwRangeError(this.run, "Invalid string length");
    // Each append leaves a rope node behind in the host until the string is flattened: charged
    // too, or joining many one-character pieces would use many times the memory it was charged.
    this.run.alloc(2 * n + ROPE_NODE_BYTES);
    this.s += piece;
  }

  build(): string {
    chargeChars(this.run, this.s.length);
    return this.s;
  }
}

/** Charges fuel for touching `chars` characters. */
export function chargeChars(run: Run, chars: number): void {
  run.charge(charFuel(chars));
}

/** RequireObjectCoercible(this value) for String.prototype.`name`. */
export function requireThis(run: Run, thisArg: Value, name: string): Value {
  if (thisArg === undefined || thisArg === null) {
    const member = name.startsWith("[") ? name : `.${name}`;
    throwTypeError(run, `String.prototype${member} called on null or undefined`);
  }
  return thisArg;
}

/** `? ToString(? RequireObjectCoercible(this value))`, the first steps of most methods. */
export function thisString(run: Run, thisArg: Value, name: string): string {
  if (typeof thisArg === "string") return thisArg;
  return toString(run, requireThis(run, thisArg, name));
}

/** https://tc39.es/ecma262/#sec-stringindexof */
export function stringIndexOf(run: Run, s: string, search: string, from: number): number {
  const len = s.length;
  if (search === "") return from <= len ? from : -1;
  if (from + search.length > len) return -1;
  const r = s.indexOf(search, from);
  chargeChars(run, (r < 0 ? len : r + search.length) - from);
  return r;
}

/** https://tc39.es/ecma262/#sec-codepointat: the code point at `i` and its code unit count. */
export function codePointAt(s: string, i: number): { cp: number; units: 1 | 2 } {
  const first = s.charCodeAt(i);
  if (first < 0xd800 || first > 0xdfff || first >= 0xdc00 || i + 1 === s.length) {
    return { cp: first, units: 1 };
  }
  const second = s.charCodeAt(i + 1);
  if (second < 0xdc00 || second > 0xdfff) return { cp: first, units: 1 };
  return { cp: (first - 0xd800) * 0x400 + (second - 0xdc00) + 0x10000, units: 2 };
}

/** https://tc39.es/ecma262/#sec-advancestringindex */
export function advanceStringIndex(s: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= s.length) return index + 1;
  return index + codePointAt(s, index).units;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * https://tc39.es/ecma262/#sec-getsubstitution. `captures` are already strings or undefined;
 * `namedCaptures` is an object or undefined. Reading a named capture runs guest code.
 */
export function getSubstitution(
  run: Run,
  matched: string,
  str: string,
  position: number,
  captures: readonly (string | undefined)[],
  namedCaptures: JSObject | undefined,
  template: string,
): string {
  const stringLength = str.length;
  const out = new StringBuilder(run);
  chargeChars(run, template.length);
  let i = 0;
  let literalStart = 0;
  const n = template.length;
  while (i < n) {
    const dollar = template.indexOf("$", i);
    if (dollar < 0 || dollar + 1 >= n) break;
    run.charge(1);
    const c = template.charCodeAt(dollar + 1);
    let refLength = 0;
    let replacement = "";
    if (c === 36 /* $ */) {
      refLength = 2;
      replacement = "$";
    } else if (c === 96 /* ` */) {
      refLength = 2;
      replacement = str.slice(0, position);
    } else if (c === 38 /* & */) {
      refLength = 2;
      replacement = matched;
    } else if (c === 39 /* ' */) {
      refLength = 2;
      replacement = str.slice(Math.min(position + matched.length, stringLength));
    } else if (isDigit(c)) {
      let digitCount = dollar + 2 < n && isDigit(template.charCodeAt(dollar + 2)) ? 2 : 1;
      let index = Number(template.slice(dollar + 1, dollar + 1 + digitCount));
      const captureLen = captures.length;
      if (index > captureLen && digitCount === 2) {
        digitCount = 1;
        index = c - 48;
      }
      refLength = 1 + digitCount;
      if (index >= 1 && index <= captureLen) {
        replacement = captures[index - 1] ?? "";
      } else {
        replacement = template.slice(dollar, dollar + refLength);
      }
    } else if (c === 60 /* < */) {
      const gtPos = template.indexOf(">", dollar);
      if (gtPos < 0 || namedCaptures === undefined) {
        refLength = 2;
        replacement = "$<";
      } else {
        refLength = gtPos + 1 - dollar;
        const groupName = template.slice(dollar + 2, gtPos);
        const capture = namedCaptures.get(run, groupName, namedCaptures);
        replacement = capture === undefined ? "" : toString(run, capture);
      }
    } else {
      i = dollar + 1;
      continue;
    }
    out.append(template.slice(literalStart, dollar));
    out.append(replacement);
    i = literalStart = dollar + refLength;
  }
  out.append(template.slice(literalStart));
  return out.build();
}
