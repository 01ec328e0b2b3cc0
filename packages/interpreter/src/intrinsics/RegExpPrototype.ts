/**
 * RegExp.prototype (https://tc39.es/ecma262/#sec-properties-of-the-regexp-prototype-object):
 * exec, test, toString, compile (Annex B), the flag accessors, and the Symbol.match / matchAll /
 * replace / search / split methods String.prototype dispatches to.
 */

import type { AccessorRow, MethodRow } from "../realm/bootstrap.js";
import type { RegExpMatcher } from "../regexp/index.js";
import {
  isCallable,
  sameValue,
  toBoolean,
  toIntegerOrInfinity,
  toLength,
  toObject,
  toString,
  toUint32,
} from "../runtime/conversions.js";
import { BYTES_ELEMENT } from "../runtime/costs.js";
import {
  call,
  construct,
  createArray,
  createDataPropertyOrThrow,
  lengthOfArrayLike,
  setOrThrow,
  speciesConstructor,
} from "../runtime/object-ops.js";
import type { Run } from "../runtime/run.js";
import { throwTypeError } from "../runtime/throw.js";
import { type ABSENT, JSObject } from "../values/object.js";
import type { Stored } from "../values/property.js";
import { RegExpObject } from "../values/regexp-object.js";
import type { Value } from "../values/value.js";
import {
  isRegExp,
  regExpBuiltinExec,
  regExpCreate,
  regExpExec,
  regExpInitialize,
  regExpMatcher,
  regExpTest,
  thisRegExp,
} from "./RegExp.js";
import { createRegExpStringIterator } from "./RegExpStringIteratorPrototype.js";
import { advanceStringIndex, allocString, getSubstitution, StringBuilder } from "./string-ops.js";

function thisObject(run: Run, v: Value, name: string): JSObject {
  if (v instanceof JSObject) return v;
  return throwTypeError(run, `RegExp.prototype.${name} called on incompatible receiver`);
}

/** https://tc39.es/ecma262/#sec-regexp.prototype.exec */
function exec(run: Run, thisArg: Value, args: Value[]): Value {
  const r = thisRegExp(run, thisArg, "exec");
  const s = toString(run, args[0]);
  return regExpBuiltinExec(run, r, s);
}

/** https://tc39.es/ecma262/#sec-regexp.prototype.test */
function test(run: Run, thisArg: Value, args: Value[]): Value {
  const r = thisObject(run, thisArg, "test");
  const s = toString(run, args[0]);
  return regExpTest(run, r, s);
}

/** https://tc39.es/ecma262/#sec-regexp.prototype.tostring */
function toStringMethod(run: Run, thisArg: Value): Value {
  const r = thisObject(run, thisArg, "toString");
  const pattern = toString(run, r.get(run, "source", r));
  const flags = toString(run, r.get(run, "flags", r));
  allocString(run, pattern.length + flags.length + 2);
  return `/${pattern}/${flags}`;
}

/** https://tc39.es/ecma262/#sec-regexp.prototype.compile (Annex B) */
function compile(run: Run, thisArg: Value, args: Value[]): Value {
  const o = thisRegExp(run, thisArg, "compile");
  const [pattern, flags] = args;
  let p: Value;
  let f: Value;
  if (pattern instanceof RegExpObject) {
    if (flags !== undefined)
      throwTypeError(run, "Cannot supply flags when constructing one RegExp from another");
    p = pattern.originalSource;
    f = pattern.originalFlags;
  } else {
    p = pattern;
    f = flags;
  }
  return regExpInitialize(run, o, p, f);
}

/** Whether matching works on code points: the `u` or (ES2024) `v` flag. */
function isFullUnicode(flags: string): boolean {
  return flags.includes("u") || flags.includes("v");
}

const FLAG_PROPERTIES: readonly (readonly [string, string])[] = [
  ["hasIndices", "d"],
  ["global", "g"],
  ["ignoreCase", "i"],
  ["multiline", "m"],
  ["dotAll", "s"],
  ["unicode", "u"],
  ["unicodeSets", "v"],
  ["sticky", "y"],
];

/**
 * For each realm's %RegExp.prototype%: its `flags` accessor and the flag accessors the `flags`
 * getter reads, as installed.
 */
const pristineAccessors = new WeakMap<JSObject, readonly (Stored | typeof ABSENT)[]>();
const FLAGS_READ: readonly string[] = ["flags", ...FLAG_PROPERTIES.map(([name]) => name)];

/** Records the accessors of a freshly installed %RegExp.prototype% (see getFlags). */
export function recordRegExpPrototype(proto: JSObject): void {
  pristineAccessors.set(
    proto,
    FLAGS_READ.map((name) => proto.storageGet(name)),
  );
}

/**
 * `? ToString(? Get(rx, "flags"))` when its result is known without running anything: for a
 * RegExp with no own property but lastIndex whose prototype still has the built-in `flags` and
 * flag accessors, that Get only runs built-in getters that read the RegExp's own flags.
 * Undefined otherwise.
 */
function knownFlags(rx: JSObject): string | undefined {
  if (!(rx instanceof RegExpObject) || rx.matcher === undefined || rx.shape?.size !== 1) {
    return undefined;
  }
  const proto = rx.proto;
  const accessors = proto === null ? undefined : pristineAccessors.get(proto);
  if (accessors === undefined) return undefined;
  for (let i = 0; i < FLAGS_READ.length; i++) {
    if ((proto as JSObject).storageGet(FLAGS_READ[i] as string) !== accessors[i]) return undefined;
  }
  return rx.matcher.flags;
}

/** Reads `flags` as RegExp.prototype methods do: `? ToString(? Get(rx, "flags"))`. */
function getFlags(run: Run, rx: JSObject): string {
  return knownFlags(rx) ?? toString(run, rx.get(run, "flags", rx));
}

/** Step shared by @@match, @@replace and the RegExp String Iterator after an empty match. */
export function advanceAfterEmptyMatch(
  run: Run,
  rx: JSObject,
  s: string,
  fullUnicode: boolean,
): void {
  const thisIndex = toLength(run, rx.get(run, "lastIndex", rx));
  setOrThrow(run, rx, "lastIndex", advanceStringIndex(s, thisIndex, fullUnicode));
}

/** https://tc39.es/ecma262/#sec-regexp.prototype-@@match */
function symbolMatch(run: Run, thisArg: Value, args: Value[]): Value {
  const rx = thisObject(run, thisArg, "[Symbol.match]");
  const s = toString(run, args[0]);
  const flags = getFlags(run, rx);
  if (!flags.includes("g")) return regExpExec(run, rx, s);
  const fullUnicode = isFullUnicode(flags);
  setOrThrow(run, rx, "lastIndex", 0);
  const list: Value[] = [];
  for (;;) {
    const result = regExpExec(run, rx, s);
    if (result === null) return list.length === 0 ? null : createArray(run, list);
    run.charge(1);
    run.alloc(BYTES_ELEMENT);
    const matchStr = toString(run, result.get(run, "0", result));
    list.push(matchStr);
    if (matchStr === "") advanceAfterEmptyMatch(run, rx, s, fullUnicode);
  }
}

/** https://tc39.es/ecma262/#sec-regexp-prototype-matchall */
function symbolMatchAll(run: Run, thisArg: Value, args: Value[]): Value {
  const r = thisObject(run, thisArg, "[Symbol.matchAll]");
  const s = toString(run, args[0]);
  const c = speciesConstructor(run, r, run.realm.intrinsics.RegExp as JSObject);
  const flags = getFlags(run, r);
  const matcher = construct(run, c, [r, flags]);
  const lastIndex = toLength(run, r.get(run, "lastIndex", r));
  setOrThrow(run, matcher, "lastIndex", lastIndex);
  return createRegExpStringIterator(run, matcher, s, flags.includes("g"), isFullUnicode(flags));
}

/** https://tc39.es/ecma262/#sec-regexp.prototype-@@replace */
function symbolReplace(run: Run, thisArg: Value, args: Value[]): Value {
  const rx = thisObject(run, thisArg, "[Symbol.replace]");
  const s = toString(run, args[0]);
  const lengthS = s.length;
  let replaceValue = args[1];
  const functional = isCallable(replaceValue);
  if (!functional) replaceValue = toString(run, replaceValue);
  const flags = getFlags(run, rx);
  const global = flags.includes("g");
  let fullUnicode = false;
  if (global) {
    fullUnicode = isFullUnicode(flags);
    setOrThrow(run, rx, "lastIndex", 0);
  }
  const results: JSObject[] = [];
  for (;;) {
    const result = regExpExec(run, rx, s);
    if (result === null) break;
    run.charge(1);
    run.alloc(BYTES_ELEMENT);
    results.push(result);
    if (!global) break;
    const matchStr = toString(run, result.get(run, "0", result));
    if (matchStr === "") advanceAfterEmptyMatch(run, rx, s, fullUnicode);
  }
  const out = new StringBuilder(run);
  let nextSourcePosition = 0;
  for (const result of results) {
    run.charge(1);
    const resultLength = lengthOfArrayLike(run, result);
    const nCaptures = Math.max(resultLength - 1, 0);
    const matched = toString(run, result.get(run, "0", result));
    const matchLength = matched.length;
    const rawPosition = toIntegerOrInfinity(run, result.get(run, "index", result));
    const position = Math.max(Math.min(rawPosition, lengthS), 0);
    run.charge(nCaptures);
    run.alloc(nCaptures * BYTES_ELEMENT);
    const captures: (string | undefined)[] = [];
    for (let n = 1; n <= nCaptures; n++) {
      const capN = result.get(run, String(n), result);
      captures.push(capN === undefined ? undefined : toString(run, capN));
    }
    const namedCaptures = result.get(run, "groups", result);
    let replacement: string;
    if (functional) {
      const replacerArgs: Value[] = [matched, ...captures, position, s];
      if (namedCaptures !== undefined) replacerArgs.push(namedCaptures);
      replacement = toString(run, call(run, replaceValue, undefined, replacerArgs));
    } else {
      const named = namedCaptures === undefined ? undefined : toObject(run, namedCaptures);
      replacement = getSubstitution(
        run,
        matched,
        s,
        position,
        captures,
        named,
        replaceValue as string,
      );
    }
    if (position >= nextSourcePosition) {
      out.append(s.slice(nextSourcePosition, position));
      out.append(replacement);
      nextSourcePosition = position + matchLength;
    }
  }
  if (nextSourcePosition >= lengthS) return out.build();
  out.append(s.slice(nextSourcePosition));
  return out.build();
}

/** https://tc39.es/ecma262/#sec-regexp.prototype-@@search */
function symbolSearch(run: Run, thisArg: Value, args: Value[]): Value {
  const rx = thisObject(run, thisArg, "[Symbol.search]");
  const s = toString(run, args[0]);
  const previousLastIndex = rx.get(run, "lastIndex", rx);
  if (!sameValue(previousLastIndex, 0)) setOrThrow(run, rx, "lastIndex", 0);
  const result = regExpExec(run, rx, s);
  const currentLastIndex = rx.get(run, "lastIndex", rx);
  if (!sameValue(currentLastIndex, previousLastIndex)) {
    setOrThrow(run, rx, "lastIndex", previousLastIndex);
  }
  if (result === null) return -1;
  return result.get(run, "index", result);
}

/** https://tc39.es/ecma262/#sec-regexp.prototype-@@split */
function symbolSplit(run: Run, thisArg: Value, args: Value[]): Value {
  const rx = thisObject(run, thisArg, "[Symbol.split]");
  const s = toString(run, args[0]);
  const limit = args[1];
  const intrinsics = run.realm.intrinsics;
  const c = speciesConstructor(run, rx, intrinsics.RegExp as JSObject);
  const known = knownFlags(rx);
  const flags = known ?? toString(run, rx.get(run, "flags", rx));
  const unicodeMatching = isFullUnicode(flags);
  const newFlags = flags.includes("y") ? flags : `${flags}y`;
  if (known !== undefined && c === intrinsics.RegExp) {
    // Constructing the splitter, `new %RegExp%(rx, newFlags)`, observes only IsRegExp(rx).
    isRegExp(run, rx);
    const proto = intrinsics.RegExpPrototype as JSObject;
    if (proto.storageGet("exec") === intrinsics.RegExpPrototypeExec) {
      // The splitter would be internal with the built-in exec, so the spec loop's sticky tries
      // at each position are unobservable: search for the next match instead.
      const searcher = regExpMatcher(
        run,
        (rx as RegExpObject).originalSource,
        newFlags.replace("y", ""),
      );
      const lim = limit === undefined ? 4294967295 : toUint32(run, limit);
      if (lim === 0) return createArray(run, []);
      if (s === "") return createArray(run, searcher.exec(s, 0, run) === null ? [s] : []);
      return splitBySearch(run, s, searcher, lim, unicodeMatching);
    }
    return splitByExec(
      run,
      s,
      limit,
      unicodeMatching,
      regExpCreate(run, (rx as RegExpObject).originalSource, newFlags),
    );
  }
  return splitByExec(run, s, limit, unicodeMatching, construct(run, c, [rx, newFlags]));
}

/** @@split from step 12 on, with the splitter made: the spec's loop of sticky execs. */
function splitByExec(
  run: Run,
  s: string,
  limit: Value,
  unicodeMatching: boolean,
  splitter: JSObject,
): JSObject {
  const a = createArray(run, []);
  let lengthA = 0;
  const lim = limit === undefined ? 4294967295 : toUint32(run, limit);
  if (lim === 0) return a;
  const push = (v: Value): void => {
    run.charge(1);
    createDataPropertyOrThrow(run, a, String(lengthA), v);
    lengthA++;
  };
  if (s === "") {
    const z = regExpExec(run, splitter, s);
    if (z !== null) return a;
    push(s);
    return a;
  }
  const size = s.length;
  let p = 0;
  let q = p;
  while (q < size) {
    run.charge(1);
    setOrThrow(run, splitter, "lastIndex", q);
    const z = regExpExec(run, splitter, s);
    if (z === null) {
      q = advanceStringIndex(s, q, unicodeMatching);
      continue;
    }
    const e = Math.min(toLength(run, splitter.get(run, "lastIndex", splitter)), size);
    if (e === p) {
      q = advanceStringIndex(s, q, unicodeMatching);
      continue;
    }
    allocString(run, q - p);
    push(s.slice(p, q));
    if (lengthA === lim) return a;
    p = e;
    const numberOfCaptures = Math.max(lengthOfArrayLike(run, z) - 1, 0);
    for (let i = 1; i <= numberOfCaptures; i++) {
      push(z.get(run, String(i), z));
      if (lengthA === lim) return a;
    }
    q = p;
  }
  allocString(run, size - p);
  push(s.slice(p, size));
  return a;
}

/**
 * @@split's loop (https://tc39.es/ecma262/#sec-regexp.prototype-@@split steps 19–25) for a
 * pristine splitter: each search finds the first position from q where the spec's sticky exec
 * would match, so the positions in between, where it would fail, are skipped.
 */
function splitBySearch(
  run: Run,
  s: string,
  searcher: RegExpMatcher,
  lim: number,
  unicodeMatching: boolean,
): JSObject {
  const size = s.length;
  const list: Value[] = [];
  const add = (start: number, end: number): void => {
    run.charge(1);
    allocString(run, end - start);
    list.push(s.slice(start, end));
  };
  let p = 0;
  let q = 0;
  while (q < size) {
    const m = searcher.exec(s, q, run);
    if (m === null || (m[0] as number) >= size) break;
    q = m[0] as number;
    const e = Math.min(m[1] as number, size);
    if (e === p) {
      q = advanceStringIndex(s, q, unicodeMatching);
      continue;
    }
    add(p, q);
    if (list.length === lim) return createArray(run, list);
    p = e;
    for (let i = 1; i <= searcher.groupCount; i++) {
      const start = m[2 * i] as number;
      if (start < 0) {
        run.charge(1);
        list.push(undefined);
      } else add(start, m[2 * i + 1] as number);
      if (list.length === lim) return createArray(run, list);
    }
    q = p;
  }
  add(p, size);
  return createArray(run, list);
}

/** https://tc39.es/ecma262/#sec-regexphasflag */
function flagGetter(flag: string, name: string): AccessorRow {
  return [
    name,
    (run, thisArg) => {
      if (!(thisArg instanceof JSObject)) {
        return throwTypeError(run, `RegExp.prototype.${name} getter called on non-object`);
      }
      if (!(thisArg instanceof RegExpObject)) {
        if (thisArg === run.realm.intrinsics.RegExpPrototype) return undefined;
        return throwTypeError(run, `RegExp.prototype.${name} getter called on non-RegExp object`);
      }
      return thisArg.originalFlags.includes(flag);
    },
  ];
}

/** https://tc39.es/ecma262/#sec-get-regexp.prototype.flags */
function flagsGetter(run: Run, thisArg: Value): Value {
  if (!(thisArg instanceof JSObject)) {
    return throwTypeError(run, "RegExp.prototype.flags getter called on non-object");
  }
  let result = "";
  for (const [name, flag] of FLAG_PROPERTIES) {
    if (toBoolean(thisArg.get(run, name, thisArg))) result += flag;
  }
  return result;
}

const LINE_TERMINATOR_ESCAPES: Record<string, string> = {
  "\n": "n",
  "\r": "r",
  "\u2028": "u2028",
  "\u2029": "u2029",
};

/**
 * https://tc39.es/ecma262/#sec-escaperegexppattern: escapes `/` outside classes and line
 * terminators so that `/${source}/${flags}` parses back to the same pattern.
 */
export function escapeRegExpPattern(src: string): string {
  if (src === "") return "(?:)";
  let out = "";
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i] as string;
    const lt = LINE_TERMINATOR_ESCAPES[c];
    if (c === "\\" && i + 1 < src.length) {
      const next = src[++i] as string;
      out += `\\${LINE_TERMINATOR_ESCAPES[next] ?? next}`;
    } else if (lt !== undefined) out += `\\${lt}`;
    else if (c === "/" && !inClass) out += "\\/";
    else {
      if (c === "[") inClass = true;
      else if (c === "]") inClass = false;
      out += c;
    }
  }
  return out;
}

/** https://tc39.es/ecma262/#sec-get-regexp.prototype.source */
function sourceGetter(run: Run, thisArg: Value): Value {
  if (!(thisArg instanceof JSObject)) {
    return throwTypeError(run, "RegExp.prototype.source getter called on non-object");
  }
  if (!(thisArg instanceof RegExpObject)) {
    if (thisArg === run.realm.intrinsics.RegExpPrototype) return "(?:)";
    return throwTypeError(run, "RegExp.prototype.source getter called on non-RegExp object");
  }
  run.charge(1 + (thisArg.originalSource.length >> 4));
  return escapeRegExpPattern(thisArg.originalSource);
}

export const regExpPrototypeMethods: readonly MethodRow[] = [
  ["compile", compile, 2],
  ["exec", exec, 1],
  ["test", test, 1],
  ["toString", toStringMethod, 0],
  [Symbol.match, symbolMatch, 1],
  [Symbol.matchAll, symbolMatchAll, 1],
  [Symbol.replace, symbolReplace, 2],
  [Symbol.search, symbolSearch, 1],
  [Symbol.split, symbolSplit, 2],
];

export const regExpPrototypeAccessors: readonly AccessorRow[] = [
  ...FLAG_PROPERTIES.map(([name, flag]) => flagGetter(flag, name)),
  ["flags", flagsGetter],
  ["source", sourceGetter],
];
