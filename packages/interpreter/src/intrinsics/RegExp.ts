/**
 * The RegExp constructor (https://tc39.es/ecma262/#sec-regexp-constructor) and the RegExp
 * abstract operations other built-ins share: IsRegExp, RegExpCreate, RegExpAlloc,
 * RegExpInitialize, RegExpExec and RegExpBuiltinExec. Matching itself goes through the
 * `RegExpMatcher` interface (src/regexp/index.ts), the metered engine that charges its own steps;
 * everything else is spec code over guest objects.
 */

import {
  defineAccessors,
  defineGlobal,
  defineMethods,
  makeConstructor,
} from "../realm/bootstrap.js";
import type { Realm } from "../realm/realm.js";
import { compileMatcher, type RegExpMatcher, validFlags } from "../regexp/index.js";
import { isCallable, toBoolean, toLength, toString } from "../runtime/conversions.js";
import { BYTES_ELEMENT, BYTES_OBJECT, charFuel, stringBytes } from "../runtime/costs.js";
import { getPrototypeFromConstructor, setOrThrow } from "../runtime/object-ops.js";
import type { Run } from "../runtime/run.js";
import { throwError, throwTypeError } from "../runtime/throw.js";
import { JSArray } from "../values/array.js";
import { JSObject } from "../values/object.js";
import { WEC, WRITABLE } from "../values/property.js";
import { RegExpObject } from "../values/regexp-object.js";
import type { Shape } from "../values/shape.js";
import type { Value } from "../values/value.js";
import {
  recordRegExpPrototype,
  regExpPrototypeAccessors,
  regExpPrototypeMethods,
} from "./RegExpPrototype.js";
import { installRegExpStringIteratorPrototype } from "./RegExpStringIteratorPrototype.js";

/** https://tc39.es/ecma262/#sec-isregexp */
export function isRegExp(run: Run, v: Value): boolean {
  if (!(v instanceof JSObject)) return false;
  const matcher = v.get(run, Symbol.match, v);
  if (matcher !== undefined) return toBoolean(matcher);
  return v instanceof RegExpObject;
}

/** https://tc39.es/ecma262/#sec-regexpalloc */
export function regExpAlloc(run: Run, newTarget: JSObject): RegExpObject {
  const proto = getPrototypeFromConstructor(run, newTarget, "RegExpPrototype");
  run.alloc(BYTES_OBJECT);
  const obj = new RegExpObject(run.realm.emptyShape, proto);
  obj.defineData("lastIndex", undefined, WRITABLE);
  return obj;
}

/**
 * Compiled matchers by flags, then source (two levels, so a lookup builds no key string);
 * matchers hold no guest state, so they are shared.
 */
const cache = new Map<string, Map<string, RegExpMatcher>>();
let cached = 0;
const CACHE_MAX = 512;

/** The compiled matcher of a pattern and valid flags, from the cache or compiled (and charged). */
export function regExpMatcher(run: Run, p: string, f: string): RegExpMatcher {
  let byFlags = cache.get(f);
  const matcher = byFlags?.get(p);
  if (matcher !== undefined) return matcher;
  run.charge(charFuel(p.length * 4));
  const compiled = compileMatcher(p, f);
  if (typeof compiled === "string") return throwError(run, "SyntaxError", compiled);
  // Large classes (\p{…}, case closures, v-mode set operations) cost more than their text.
  run.charge(charFuel(compiled.size));
  if (cached >= CACHE_MAX) {
    cache.clear();
    cached = 0;
  }
  if (byFlags === undefined) {
    byFlags = new Map();
    cache.set(f, byFlags);
  }
  byFlags.set(p, compiled);
  cached++;
  return compiled;
}

/** https://tc39.es/ecma262/#sec-regexpinitialize */
export function regExpInitialize(
  run: Run,
  obj: RegExpObject,
  pattern: Value,
  flags: Value,
): RegExpObject {
  const p = pattern === undefined ? "" : toString(run, pattern);
  const f = flags === undefined ? "" : toString(run, flags);
  if (!validFlags(f))
    throwError(run, "SyntaxError", `Invalid flags supplied to RegExp constructor '${f}'`);
  const matcher = regExpMatcher(run, p, f);
  obj.originalSource = p;
  obj.originalFlags = f;
  obj.matcher = matcher;
  setOrThrow(run, obj, "lastIndex", 0);
  return obj;
}

/** https://tc39.es/ecma262/#sec-regexpcreate */
export function regExpCreate(run: Run, pattern: Value, flags: Value): RegExpObject {
  const obj = regExpAlloc(run, run.realm.intrinsics.RegExp as JSObject);
  return regExpInitialize(run, obj, pattern, flags);
}

/** RequireInternalSlot(R, [[RegExpMatcher]]) for RegExp.prototype.`name`. */
export function thisRegExp(run: Run, v: Value, name: string): RegExpObject {
  if (v instanceof RegExpObject) return v;
  return throwTypeError(run, `RegExp.prototype.${name} requires that 'this' be a RegExp object`);
}

/** https://tc39.es/ecma262/#sec-regexpexec */
export function regExpExec(run: Run, r: JSObject, s: string): JSObject | null {
  const exec = r.get(run, "exec", r);
  if (exec === run.realm.intrinsics.RegExpPrototypeExec && r instanceof RegExpObject) {
    // The built-in exec on a RegExp does only RegExpBuiltinExec (its string is one already).
    run.charge(1);
    return regExpBuiltinExec(run, r, s);
  }
  if (isCallable(exec)) {
    const result = exec.call(run, r, [s]);
    if (result !== null && !(result instanceof JSObject)) {
      throwTypeError(run, "The result of a RegExp exec method must be an object or null");
    }
    return result;
  }
  return regExpBuiltinExec(run, thisRegExp(run, r, "exec"), s);
}

/**
 * Whether RegExpExec(r, s) returns a match, for callers that only test it (RegExp.prototype.test):
 * the same steps, but when exec is the built-in one the match array it would make is never
 * observed, so it is not made.
 */
export function regExpTest(run: Run, r: JSObject, s: string): boolean {
  const exec = r.get(run, "exec", r);
  if (exec === run.realm.intrinsics.RegExpPrototypeExec && r instanceof RegExpObject) {
    run.charge(1);
    return builtinMatch(run, r, s) !== null;
  }
  if (isCallable(exec)) {
    const result = exec.call(run, r, [s]);
    if (result !== null && !(result instanceof JSObject)) {
      throwTypeError(run, "The result of a RegExp exec method must be an object or null");
    }
    return result !== null;
  }
  return regExpBuiltinExec(run, thisRegExp(run, r, "exec"), s) !== null;
}

/**
 * https://tc39.es/ecma262/#sec-regexpbuiltinexec steps 1–17: reads lastIndex, matches and
 * updates lastIndex; the capture registers (the matcher's buffer) or null.
 */
function builtinMatch(run: Run, r: RegExpObject, s: string): Int32Array | null {
  const length = s.length;
  let lastIndex = toLength(run, r.get(run, "lastIndex", r));
  const matcher = r.matcher;
  if (matcher === undefined) return throwTypeError(run, "RegExp object is not initialized");
  const { global, sticky } = matcher;
  if (!global && !sticky) lastIndex = 0;
  // The matcher charges its own steps as it runs (see REGEX_STEPS_PER_FUEL in costs.ts).
  const m = lastIndex > length ? null : matcher.exec(s, lastIndex, run);
  if (m === null) {
    if (global || sticky) setOrThrow(run, r, "lastIndex", 0);
    return null;
  }
  if (global || sticky) setOrThrow(run, r, "lastIndex", m[1] as number);
  return m;
}

/** https://tc39.es/ecma262/#sec-regexpbuiltinexec */
export function regExpBuiltinExec(run: Run, r: RegExpObject, s: string): JSObject | null {
  const m = builtinMatch(run, r, s);
  if (m === null) return null;
  const matcher = r.matcher as RegExpMatcher;
  const lastIndex = m[0] as number;
  const e = m[1] as number;
  const n = matcher.groupCount;
  run.alloc(BYTES_OBJECT + (n + 1) * BYTES_ELEMENT + stringBytes(e - lastIndex));
  const elements: Value[] = [s.slice(lastIndex, e)];
  const names = matcher.groupNames;
  const hasGroups = matcher.hasNamedGroups;
  let groups: JSObject | undefined;
  if (hasGroups) {
    run.alloc(BYTES_OBJECT);
    groups = new JSObject(run.realm.emptyShape, null);
  }
  for (let i = 1; i <= n; i++) {
    const start = m[2 * i] as number;
    const end = m[2 * i + 1] as number;
    let value: Value;
    if (start < 0) value = undefined;
    else {
      run.alloc(stringBytes(end - start));
      value = s.slice(start, end);
    }
    elements.push(value);
    const name = names[i - 1];
    if (name !== undefined) (groups as JSObject).defineData(name, value, WEC);
  }
  const realm = run.realm;
  const a = new JSArray(realm.emptyShape, realm.intrinsics.ArrayPrototype, elements);
  // index, input and groups, added as defineData would, in one step (a is fresh).
  a.shape = execResultShape(realm.emptyShape);
  a.slots = [lastIndex, s, groups];
  if (matcher.hasIndices) {
    a.defineData("indices", makeIndicesArray(run, m, n + 1, names, hasGroups), WEC);
  }
  return a;
}

/** Per realm (by its empty shape): the shape of an exec result's own index, input, groups. */
const execResultShapes = new WeakMap<Shape, Shape>();

function execResultShape(empty: Shape): Shape {
  let shape = execResultShapes.get(empty);
  if (shape === undefined) {
    shape = empty.add("index", WEC).add("input", WEC).add("groups", WEC);
    execResultShapes.set(empty, shape);
  }
  return shape;
}

/** https://tc39.es/ecma262/#sec-makematchindicesindexpairarray */
function makeIndicesArray(
  run: Run,
  m: Int32Array,
  count: number,
  names: readonly (string | undefined)[],
  hasGroups: boolean,
): JSArray {
  const realm = run.realm;
  run.alloc(BYTES_OBJECT + count * (BYTES_OBJECT + 3 * BYTES_ELEMENT));
  let groups: JSObject | undefined;
  if (hasGroups) {
    run.alloc(BYTES_OBJECT);
    groups = new JSObject(realm.emptyShape, null);
  }
  const elements: Value[] = [];
  for (let i = 0; i < count; i++) {
    const start = m[2 * i] as number;
    const pair =
      start < 0
        ? undefined
        : new JSArray(realm.emptyShape, realm.intrinsics.ArrayPrototype, [
            start,
            m[2 * i + 1] as number,
          ]);
    elements.push(pair);
    const name = i > 0 ? names[i - 1] : undefined;
    if (name !== undefined) (groups as JSObject).defineData(name, pair, WEC);
  }
  const a = new JSArray(realm.emptyShape, realm.intrinsics.ArrayPrototype, elements);
  a.defineData("groups", groups, WEC);
  return a;
}

/** https://tc39.es/ecma262/#sec-regexp-pattern-flags */
function RegExpConstructor(
  run: Run,
  _thisArg: Value,
  args: Value[],
  newTarget: JSObject | undefined,
): Value {
  const pattern = args[0];
  const flags = args[1];
  const patternIsRegExp = isRegExp(run, pattern);
  let nt: JSObject;
  if (newTarget === undefined) {
    nt = run.realm.intrinsics.RegExp as JSObject;
    if (patternIsRegExp && flags === undefined) {
      const p = pattern as JSObject;
      if (p.get(run, "constructor", p) === nt) return p;
    }
  } else nt = newTarget;
  let p: Value;
  let f: Value;
  if (pattern instanceof RegExpObject) {
    p = pattern.originalSource;
    f = flags === undefined ? pattern.originalFlags : flags;
  } else if (patternIsRegExp) {
    const o = pattern as JSObject;
    p = o.get(run, "source", o);
    f = flags === undefined ? o.get(run, "flags", o) : flags;
  } else {
    p = pattern;
    f = flags;
  }
  const obj = regExpAlloc(run, nt);
  return regExpInitialize(run, obj, p, f);
}

export function installRegExp(realm: Realm): void {
  const i = realm.intrinsics;
  const proto = new JSObject(realm.emptyShape, i.ObjectPrototype);
  i.RegExpPrototype = proto;
  const ctor = makeConstructor(realm, "RegExp", RegExpConstructor, 2, proto);
  i.RegExp = ctor;
  defineAccessors(realm, ctor, [[Symbol.species, (_run, thisArg) => thisArg]]);
  defineMethods(realm, proto, regExpPrototypeMethods);
  defineAccessors(realm, proto, regExpPrototypeAccessors);
  recordRegExpPrototype(proto);
  i.RegExpPrototypeExec = proto.storageGet("exec") as JSObject;
  installRegExpStringIteratorPrototype(realm);
  defineGlobal(realm, "RegExp", ctor);
}
