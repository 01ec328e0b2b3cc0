/**
 * The String.prototype methods that take a pattern: match, matchAll, replace, replaceAll, search
 * and split. Each first looks for the argument's Symbol.match/matchAll/replace/search/split
 * method (so RegExp objects and any guest object can take over), then falls back to the
 * string algorithm of the spec. As in ES2025 (tc39/ecma262#3009, which test262 tests), only an
 * object argument is asked for that method: a primitive never reaches its prototype's.
 */

import type { MethodRow } from "../realm/bootstrap.js";
import { isCallable, toString, toUint32 } from "../runtime/conversions.js";
import { BYTES_ELEMENT, stringBytes } from "../runtime/costs.js";
import { call, createArray, getMethod, getV, invoke } from "../runtime/object-ops.js";
import type { Run } from "../runtime/run.js";
import { throwTypeError } from "../runtime/throw.js";
import { JSObject } from "../values/object.js";
import type { Value } from "../values/value.js";
import { isRegExp, regExpCreate } from "./RegExp.js";
import {
  allocString,
  chargeChars,
  getSubstitution,
  requireThis,
  StringBuilder,
  stringIndexOf,
} from "./string-ops.js";

const isNullish = (v: Value): boolean => v === undefined || v === null;

/** https://tc39.es/ecma262/#sec-string.prototype.match */
function match(run: Run, thisArg: Value, args: Value[]): Value {
  const o = requireThis(run, thisArg, "match");
  const regexp = args[0];
  if (regexp instanceof JSObject) {
    const matcher = getMethod(run, regexp, Symbol.match);
    if (matcher !== undefined) return matcher.call(run, regexp, [o]);
  }
  const s = toString(run, o);
  const rx = regExpCreate(run, regexp, undefined);
  return invoke(run, rx, Symbol.match, [s]);
}

/** Throws unless a RegExp-like argument's flags contain "g" (matchAll, replaceAll). */
function requireGlobal(run: Run, regexp: Value, name: string): void {
  if (!isRegExp(run, regexp)) return;
  const flags = getV(run, regexp, "flags");
  if (isNullish(flags)) throwTypeError(run, `String.prototype.${name} called with invalid flags`);
  if (!toString(run, flags).includes("g")) {
    throwTypeError(run, `String.prototype.${name} called with a non-global RegExp argument`);
  }
}

/** https://tc39.es/ecma262/#sec-string.prototype.matchall */
function matchAll(run: Run, thisArg: Value, args: Value[]): Value {
  const o = requireThis(run, thisArg, "matchAll");
  const regexp = args[0];
  if (regexp instanceof JSObject) {
    requireGlobal(run, regexp, "matchAll");
    const matcher = getMethod(run, regexp, Symbol.matchAll);
    if (matcher !== undefined) return matcher.call(run, regexp, [o]);
  }
  const s = toString(run, o);
  const rx = regExpCreate(run, regexp, "g");
  return invoke(run, rx, Symbol.matchAll, [s]);
}

/** https://tc39.es/ecma262/#sec-string.prototype.replace */
function replace(run: Run, thisArg: Value, args: Value[]): Value {
  const o = requireThis(run, thisArg, "replace");
  const [searchValue, replaceValue] = args;
  if (searchValue instanceof JSObject) {
    const replacer = getMethod(run, searchValue, Symbol.replace);
    if (replacer !== undefined) return replacer.call(run, searchValue, [o, replaceValue]);
  }
  const string = toString(run, o);
  const searchString = toString(run, searchValue);
  const functional = isCallable(replaceValue);
  const template = functional ? "" : toString(run, replaceValue);
  const position = stringIndexOf(run, string, searchString, 0);
  if (position === -1) return string;
  const replacement = functional
    ? toString(run, call(run, replaceValue, undefined, [searchString, position, string]))
    : getSubstitution(run, searchString, string, position, [], undefined, template);
  const out = new StringBuilder(run);
  out.append(string.slice(0, position));
  out.append(replacement);
  out.append(string.slice(position + searchString.length));
  return out.build();
}

/** https://tc39.es/ecma262/#sec-string.prototype.replaceall */
function replaceAll(run: Run, thisArg: Value, args: Value[]): Value {
  const o = requireThis(run, thisArg, "replaceAll");
  const [searchValue, replaceValue] = args;
  if (searchValue instanceof JSObject) {
    requireGlobal(run, searchValue, "replaceAll");
    const replacer = getMethod(run, searchValue, Symbol.replace);
    if (replacer !== undefined) return replacer.call(run, searchValue, [o, replaceValue]);
  }
  const string = toString(run, o);
  const searchString = toString(run, searchValue);
  const functional = isCallable(replaceValue);
  const template = functional ? "" : toString(run, replaceValue);
  const searchLength = searchString.length;
  const advanceBy = Math.max(1, searchLength);
  const positions: number[] = [];
  let position = stringIndexOf(run, string, searchString, 0);
  while (position !== -1) {
    run.charge(1);
    run.alloc(BYTES_ELEMENT);
    positions.push(position);
    position = stringIndexOf(run, string, searchString, position + advanceBy);
  }
  let endOfLastMatch = 0;
  const out = new StringBuilder(run);
  for (const p of positions) {
    const preserved = string.slice(endOfLastMatch, p);
    const replacement = functional
      ? toString(run, call(run, replaceValue, undefined, [searchString, p, string]))
      : getSubstitution(run, searchString, string, p, [], undefined, template);
    out.append(preserved);
    out.append(replacement);
    endOfLastMatch = p + searchLength;
  }
  if (endOfLastMatch < string.length) out.append(string.slice(endOfLastMatch));
  return out.build();
}

/** https://tc39.es/ecma262/#sec-string.prototype.search */
function search(run: Run, thisArg: Value, args: Value[]): Value {
  const o = requireThis(run, thisArg, "search");
  const regexp = args[0];
  if (regexp instanceof JSObject) {
    const searcher = getMethod(run, regexp, Symbol.search);
    if (searcher !== undefined) return searcher.call(run, regexp, [o]);
  }
  const string = toString(run, o);
  const rx = regExpCreate(run, regexp, undefined);
  return invoke(run, rx, Symbol.search, [string]);
}

/** https://tc39.es/ecma262/#sec-string.prototype.split */
function split(run: Run, thisArg: Value, args: Value[]): Value {
  const o = requireThis(run, thisArg, "split");
  const [separator, limit] = args;
  if (separator instanceof JSObject) {
    const splitter = getMethod(run, separator, Symbol.split);
    if (splitter !== undefined) return splitter.call(run, separator, [o, limit]);
  }
  const s = toString(run, o);
  const lim = limit === undefined ? 4294967295 : toUint32(run, limit);
  const r = toString(run, separator);
  if (lim === 0) return createArray(run, []);
  if (separator === undefined) return createArray(run, [s]);
  const separatorLength = r.length;
  if (separatorLength === 0) {
    const n = Math.min(lim, s.length);
    chargeChars(run, n * 16);
    run.alloc(n * stringBytes(1));
    const units: Value[] = [];
    for (let i = 0; i < n; i++) units.push(s[i]);
    return createArray(run, units);
  }
  if (s === "") return createArray(run, [s]);
  const substrings: Value[] = [];
  let i = 0;
  let j = stringIndexOf(run, s, r, 0);
  while (j !== -1) {
    run.charge(1);
    allocString(run, j - i);
    substrings.push(s.slice(i, j));
    if (substrings.length === lim) return createArray(run, substrings);
    i = j + separatorLength;
    j = stringIndexOf(run, s, r, i);
  }
  allocString(run, s.length - i);
  substrings.push(s.slice(i));
  return createArray(run, substrings);
}

export const stringPatternMethods: readonly MethodRow[] = [
  ["match", match, 1],
  ["matchAll", matchAll, 1],
  ["replace", replace, 2],
  ["replaceAll", replaceAll, 2],
  ["search", search, 1],
  ["split", split, 2],
];
