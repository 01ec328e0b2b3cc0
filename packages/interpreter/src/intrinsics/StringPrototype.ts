/**
 * String.prototype methods that work on the string alone
 * (https://tc39.es/ecma262/#sec-properties-of-the-string-prototype-object). The methods that
 * dispatch to a pattern object (match, replace, split, ...) are in string-pattern-methods.ts and
 * the Annex B ones in string-annex-b.ts. After `this` and the arguments are coerced in spec order
 * the work is pure string work on primitives, done by the host after charging for it.
 */

import type { MethodRow } from "../realm/bootstrap.js";
import { toIntegerOrInfinity, toLength, toNumber, toString } from "../runtime/conversions.js";
import type { Run } from "../runtime/run.js";
import { throwRangeError, throwTypeError } from "../runtime/throw.js";
import { StringObject } from "../runtime/wrappers.js";
import type { Value } from "../values/value.js";
import { isRegExp } from "./RegExp.js";
import { createStringIterator } from "./StringIteratorPrototype.js";
import {
  allocString,
  chargeChars,
  codePointAt,
  requireThis,
  StringBuilder,
  stringIndexOf,
  thisString,
} from "./string-ops.js";

const clamp = (x: number, lo: number, hi: number): number => Math.min(Math.max(x, lo), hi);

/** https://tc39.es/ecma262/#sec-thisstringvalue */
export function thisStringValue(run: Run, v: Value, name: string): string {
  if (typeof v === "string") return v;
  if (v instanceof StringObject) return v.primitive;
  return throwTypeError(run, `String.prototype.${name} requires that 'this' be a String`);
}

/** A substring, charged as a new string. */
function substring(run: Run, s: string, from: number, to: number): string {
  if (from === 0 && to === s.length) return s;
  if (to <= from) return "";
  chargeChars(run, to - from);
  allocString(run, to - from);
  return s.slice(from, to);
}

function notRegExp(run: Run, v: Value, name: string): void {
  if (isRegExp(run, v)) {
    throwTypeError(
      run,
      `First argument to String.prototype.${name} must not be a regular expression`,
    );
  }
}

/** https://tc39.es/ecma262/#sec-string.prototype.at */
function at(run: Run, thisArg: Value, args: Value[]): Value {
  const s = thisString(run, thisArg, "at");
  const len = s.length;
  const rel = toIntegerOrInfinity(run, args[0]);
  const k = rel >= 0 ? rel : len + rel;
  if (k < 0 || k >= len) return undefined;
  return s[k];
}

/** https://tc39.es/ecma262/#sec-string.prototype.charat */
function charAt(run: Run, thisArg: Value, args: Value[]): Value {
  const s = thisString(run, thisArg, "charAt");
  const pos = toIntegerOrInfinity(run, args[0]);
  if (pos < 0 || pos >= s.length) return "";
  return s[pos];
}

/** https://tc39.es/ecma262/#sec-string.prototype.charcodeat */
function charCodeAt(run: Run, thisArg: Value, args: Value[]): Value {
  const s = thisString(run, thisArg, "charCodeAt");
  const pos = toIntegerOrInfinity(run, args[0]);
  if (pos < 0 || pos >= s.length) return Number.NaN;
  return s.charCodeAt(pos);
}

/** https://tc39.es/ecma262/#sec-string.prototype.codepointat */
function codePointAtMethod(run: Run, thisArg: Value, args: Value[]): Value {
  const s = thisString(run, thisArg, "codePointAt");
  const pos = toIntegerOrInfinity(run, args[0]);
  if (pos < 0 || pos >= s.length) return undefined;
  return codePointAt(s, pos).cp;
}

/** https://tc39.es/ecma262/#sec-string.prototype.concat */
function concat(run: Run, thisArg: Value, args: Value[]): Value {
  const s = thisString(run, thisArg, "concat");
  const out = new StringBuilder(run);
  out.append(s);
  for (const a of args) {
    run.charge(1);
    out.append(toString(run, a));
  }
  return out.build();
}

/** https://tc39.es/ecma262/#sec-string.prototype.endswith */
function endsWith(run: Run, thisArg: Value, args: Value[]): Value {
  const s = thisString(run, thisArg, "endsWith");
  notRegExp(run, args[0], "endsWith");
  const searchStr = toString(run, args[0]);
  const len = s.length;
  const endPosition = args[1];
  const pos = endPosition === undefined ? len : toIntegerOrInfinity(run, endPosition);
  const end = clamp(pos, 0, len);
  const searchLength = searchStr.length;
  if (searchLength === 0) return true;
  const start = end - searchLength;
  if (start < 0) return false;
  chargeChars(run, searchLength);
  return s.startsWith(searchStr, start);
}

/** https://tc39.es/ecma262/#sec-string.prototype.includes */
function includes(run: Run, thisArg: Value, args: Value[]): Value {
  const s = thisString(run, thisArg, "includes");
  notRegExp(run, args[0], "includes");
  const searchStr = toString(run, args[0]);
  const pos = toIntegerOrInfinity(run, args[1]);
  const start = clamp(pos, 0, s.length);
  return stringIndexOf(run, s, searchStr, start) !== -1;
}

/** https://tc39.es/ecma262/#sec-string.prototype.indexof */
function indexOf(run: Run, thisArg: Value, args: Value[]): Value {
  const s = thisString(run, thisArg, "indexOf");
  const searchStr = toString(run, args[0]);
  const pos = toIntegerOrInfinity(run, args[1]);
  const start = clamp(pos, 0, s.length);
  return stringIndexOf(run, s, searchStr, start);
}

/** https://tc39.es/ecma262/#sec-string.prototype.lastindexof */
function lastIndexOf(run: Run, thisArg: Value, args: Value[]): Value {
  const s = thisString(run, thisArg, "lastIndexOf");
  const searchStr = toString(run, args[0]);
  const numPos = toNumber(run, args[1]);
  const pos = Number.isNaN(numPos) ? Infinity : toIntegerOrInfinity(run, numPos);
  const len = s.length;
  const start = clamp(pos, 0, len - searchStr.length);
  if (searchStr === "") return start;
  if (start < 0) return -1;
  chargeChars(run, start + searchStr.length);
  return s.lastIndexOf(searchStr, start);
}

/** Created on first use: building a collator costs more than most sandboxes ever need. */
let collator: Intl.Collator | undefined;

/** https://tc39.es/ecma262/#sec-string.prototype.localecompare (locale fixed, not the host's). */
function localeCompare(run: Run, thisArg: Value, args: Value[]): Value {
  const s = thisString(run, thisArg, "localeCompare");
  const that = toString(run, args[0]);
  chargeChars(run, s.length + that.length);
  collator ??= new Intl.Collator("en");
  return collator.compare(s, that);
}

const FORMS = ["NFC", "NFD", "NFKC", "NFKD"];

/** https://tc39.es/ecma262/#sec-string.prototype.normalize */
function normalize(run: Run, thisArg: Value, args: Value[]): Value {
  const s = thisString(run, thisArg, "normalize");
  const f = args[0] === undefined ? "NFC" : toString(run, args[0]);
  if (!FORMS.includes(f))
    throwRangeError(run, `The normalization form should be one of NFC, NFD, NFKC, NFKD.`);
  chargeChars(run, s.length * 4);
  // A normalized string is at most a few times longer (NFKD of U+FDFA is 18 code units).
  allocString(run, s.length);
  const r = s.normalize(f);
  if (r.length > s.length) allocString(run, r.length - s.length);
  return r;
}

/** https://tc39.es/ecma262/#sec-stringpaddingbuiltinsimpl */
function pad(run: Run, thisArg: Value, args: Value[], atStart: boolean): Value {
  const s = thisString(run, thisArg, atStart ? "padStart" : "padEnd");
  const intMaxLength = toLength(run, args[0]);
  const stringLength = s.length;
  if (intMaxLength <= stringLength) return s;
  const filler = args[1] === undefined ? " " : toString(run, args[1]);
  if (filler === "") return s;
  allocString(run, intMaxLength);
  chargeChars(run, intMaxLength);
  return atStart ? s.padStart(intMaxLength, filler) : s.padEnd(intMaxLength, filler);
}

/** https://tc39.es/ecma262/#sec-string.prototype.repeat */
function repeat(run: Run, thisArg: Value, args: Value[]): Value {
  const s = thisString(run, thisArg, "repeat");
  const n = toIntegerOrInfinity(run, args[0]);
  if (n < 0 || n === Infinity) throwRangeError(run, `Invalid count value: ${n}`);
  if (n === 0 || s === "") return "";
  allocString(run, s.length * n);
  chargeChars(run, s.length * n);
  return s.repeat(n);
}

/** https://tc39.es/ecma262/#sec-string.prototype.slice */
function slice(run: Run, thisArg: Value, args: Value[]): Value {
  const s = thisString(run, thisArg, "slice");
  const len = s.length;
  const intStart = toIntegerOrInfinity(run, args[0]);
  const from = intStart < 0 ? Math.max(len + intStart, 0) : Math.min(intStart, len);
  const intEnd = args[1] === undefined ? len : toIntegerOrInfinity(run, args[1]);
  const to = intEnd < 0 ? Math.max(len + intEnd, 0) : Math.min(intEnd, len);
  return substring(run, s, from, to);
}

/** https://tc39.es/ecma262/#sec-string.prototype.startswith */
function startsWith(run: Run, thisArg: Value, args: Value[]): Value {
  const s = thisString(run, thisArg, "startsWith");
  notRegExp(run, args[0], "startsWith");
  const searchStr = toString(run, args[0]);
  const len = s.length;
  const pos = toIntegerOrInfinity(run, args[1]);
  const start = clamp(pos, 0, len);
  const searchLength = searchStr.length;
  if (searchLength === 0) return true;
  if (start + searchLength > len) return false;
  chargeChars(run, searchLength);
  return s.startsWith(searchStr, start);
}

/** https://tc39.es/ecma262/#sec-string.prototype.substring */
function substringMethod(run: Run, thisArg: Value, args: Value[]): Value {
  const s = thisString(run, thisArg, "substring");
  const len = s.length;
  const intStart = toIntegerOrInfinity(run, args[0]);
  const intEnd = args[1] === undefined ? len : toIntegerOrInfinity(run, args[1]);
  const finalStart = clamp(intStart, 0, len);
  const finalEnd = clamp(intEnd, 0, len);
  return substring(run, s, Math.min(finalStart, finalEnd), Math.max(finalStart, finalEnd));
}

/** Case mapping (https://tc39.es/ecma262/#sec-string.prototype.tolowercase); may lengthen. */
function mapCase(run: Run, thisArg: Value, name: string, upper: boolean): Value {
  const s = thisString(run, thisArg, name);
  chargeChars(run, s.length);
  allocString(run, s.length);
  const r = upper ? s.toUpperCase() : s.toLowerCase();
  if (r.length > s.length) allocString(run, r.length - s.length);
  return r;
}

/** https://tc39.es/ecma262/#sec-trimstring */
function trim(run: Run, thisArg: Value, name: string, where: "start" | "end" | "both"): Value {
  const s = thisString(run, thisArg, name);
  chargeChars(run, s.length);
  const r = where === "start" ? s.trimStart() : where === "end" ? s.trimEnd() : s.trim();
  if (r.length !== s.length) allocString(run, r.length);
  return r;
}

/** https://tc39.es/ecma262/#sec-string.prototype-@@iterator */
function iterator(run: Run, thisArg: Value): Value {
  const o = requireThis(run, thisArg, "[Symbol.iterator]");
  return createStringIterator(run, toString(run, o));
}

function isLoneSurrogateAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) return false;
  return codePointAt(s, i).units === 1 && !(c >= 0xdc00 && i > 0 && isLead(s.charCodeAt(i - 1)));
}

function isLead(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** String.prototype.isWellFormed (ES2024; https://tc39.es/ecma262/#sec-string.prototype.iswellformed). */
function isWellFormed(run: Run, thisArg: Value): Value {
  const s = thisString(run, thisArg, "isWellFormed");
  chargeChars(run, s.length);
  for (let i = 0; i < s.length; i++) if (isLoneSurrogateAt(s, i)) return false;
  return true;
}

/** String.prototype.toWellFormed (ES2024; https://tc39.es/ecma262/#sec-string.prototype.towellformed). */
function toWellFormed(run: Run, thisArg: Value): Value {
  const s = thisString(run, thisArg, "toWellFormed");
  chargeChars(run, s.length);
  let out: string | undefined;
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    if (!isLoneSurrogateAt(s, i)) continue;
    if (out === undefined) {
      allocString(run, s.length);
      out = "";
    }
    out += `${s.slice(last, i)}\ufffd`;
    last = i + 1;
  }
  return out === undefined ? s : out + s.slice(last);
}

export const stringPrototypeMethods: readonly MethodRow[] = [
  ["at", at, 1],
  ["charAt", charAt, 1],
  ["charCodeAt", charCodeAt, 1],
  ["codePointAt", codePointAtMethod, 1],
  ["concat", concat, 1],
  ["endsWith", endsWith, 1],
  ["includes", includes, 1],
  ["indexOf", indexOf, 1],
  ["isWellFormed", isWellFormed, 0],
  ["lastIndexOf", lastIndexOf, 1],
  ["localeCompare", localeCompare, 1],
  ["normalize", normalize, 0],
  ["padEnd", (run, t, a) => pad(run, t, a, false), 1],
  ["padStart", (run, t, a) => pad(run, t, a, true), 1],
  ["repeat", repeat, 1],
  ["slice", slice, 2],
  ["startsWith", startsWith, 1],
  ["substring", substringMethod, 2],
  ["toLocaleLowerCase", (run, t) => mapCase(run, t, "toLocaleLowerCase", false), 0],
  ["toLocaleUpperCase", (run, t) => mapCase(run, t, "toLocaleUpperCase", true), 0],
  ["toLowerCase", (run, t) => mapCase(run, t, "toLowerCase", false), 0],
  ["toString", (run, t) => thisStringValue(run, t, "toString"), 0],
  ["toUpperCase", (run, t) => mapCase(run, t, "toUpperCase", true), 0],
  ["toWellFormed", toWellFormed, 0],
  ["trim", (run, t) => trim(run, t, "trim", "both"), 0],
  ["trimEnd", (run, t) => trim(run, t, "trimEnd", "end"), 0],
  ["trimStart", (run, t) => trim(run, t, "trimStart", "start"), 0],
  ["valueOf", (run, t) => thisStringValue(run, t, "valueOf"), 0],
  [Symbol.iterator, iterator, 0],
];
