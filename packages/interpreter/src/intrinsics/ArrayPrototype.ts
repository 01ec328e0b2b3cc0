/**
 * %Array.prototype% (https://tc39.es/ecma262/#sec-properties-of-the-array-prototype-object):
 * the installer, and the methods that search or stringify (at, includes, indexOf, lastIndexOf,
 * join, toLocaleString, toString) or iterate (entries, keys, values, @@iterator). The other
 * methods are in ArrayPrototypeCopying.ts, ArrayPrototypeIteration.ts, ArrayPrototypeMutation.ts
 * and ArrayPrototypeSorting.ts.
 */
import { defineMethods, type MethodRow } from "../realm/bootstrap.js";
import type { Realm } from "../realm/realm.js";
import {
  isCallable,
  sameValueZero,
  toIntegerOrInfinity,
  toObject,
  toString,
} from "../runtime/conversions.js";
import { call, invoke, lengthOfArrayLike } from "../runtime/object-ops.js";
import type { Run } from "../runtime/run.js";
import { makeError, ThrowSignal } from "../runtime/throw.js";
import type { JSArray } from "../values/array.js";
import type { NativeImpl } from "../values/function.js";
import { JSObject } from "../values/object.js";
import { CONFIGURABLE, WC } from "../values/property.js";
import { HOLE, type Value } from "../values/value.js";
import { createArrayIterator } from "./ArrayIteratorPrototype.js";
import { copyingMethods } from "./ArrayPrototypeCopying.js";
import { iterationMethods } from "./ArrayPrototypeIteration.js";
import { mutationMethods } from "./ArrayPrototypeMutation.js";
import { sortingMethods } from "./ArrayPrototypeSorting.js";
import { getElement, hasElement, isPlainDense } from "./array-ops.js";
import { StringBuilder } from "./string-ops.js";

/** https://tc39.es/ecma262/#sec-array.prototype.at */
const at: NativeImpl = (run, thisArg, args) => {
  const o = toObject(run, thisArg);
  const len = lengthOfArrayLike(run, o);
  const rel = toIntegerOrInfinity(run, args[0]);
  const k = rel >= 0 ? rel : len + rel;
  if (k < 0 || k >= len) return undefined;
  return getElement(run, o, k);
};

/** The start index of includes/indexOf (steps 4–10): -1 when the search is empty. */
function searchStart(run: Run, fromIndex: Value, len: number): number {
  const n = toIntegerOrInfinity(run, fromIndex);
  if (n === Number.POSITIVE_INFINITY) return -1;
  if (n >= 0) return n;
  return Math.max(len + n, 0);
}

/** https://tc39.es/ecma262/#sec-array.prototype.includes */
const includes: NativeImpl = (run, thisArg, args) => {
  const o = toObject(run, thisArg);
  const len = lengthOfArrayLike(run, o);
  if (len === 0) return false;
  let k = searchStart(run, args[1], len);
  if (k < 0) return false;
  const target = args[0];
  if (isPlainDense(o) && len <= o.dense.length) {
    // Holes read as undefined; reading elements runs no guest code.
    const d = o.dense;
    for (; k < len; k++) {
      run.charge(1);
      const v = d[k];
      if (sameValueZero(v === HOLE ? undefined : (v as Value), target)) return true;
    }
    return false;
  }
  for (; k < len; k++) {
    run.charge(1);
    if (sameValueZero(getElement(run, o, k), target)) return true;
  }
  return false;
};

/** https://tc39.es/ecma262/#sec-array.prototype.indexof */
const indexOf: NativeImpl = (run, thisArg, args) => {
  const o = toObject(run, thisArg);
  const len = lengthOfArrayLike(run, o);
  if (len === 0) return -1;
  let k = searchStart(run, args[1], len);
  if (k < 0) return -1;
  const target = args[0];
  if (isPlainDense(o) && len <= o.dense.length) {
    const d = o.dense;
    for (; k < len; k++) {
      run.charge(1);
      // HOLE is never strictly equal to a guest value, so holes are skipped.
      if (d[k] === target) return k;
    }
    return -1;
  }
  for (; k < len; k++) {
    run.charge(1);
    if (hasElement(run, o, k) && getElement(run, o, k) === target) return k;
  }
  return -1;
};

/** https://tc39.es/ecma262/#sec-array.prototype.lastindexof */
const lastIndexOf: NativeImpl = (run, thisArg, args) => {
  const o = toObject(run, thisArg);
  const len = lengthOfArrayLike(run, o);
  if (len === 0) return -1;
  const n = args.length > 1 ? toIntegerOrInfinity(run, args[1]) : len - 1;
  if (n === Number.NEGATIVE_INFINITY) return -1;
  let k = n >= 0 ? Math.min(n, len - 1) : len + n;
  const target = args[0];
  if (isPlainDense(o) && len <= o.dense.length) {
    const d = o.dense;
    for (; k >= 0; k--) {
      run.charge(1);
      if (d[k] === target) return k;
    }
    return -1;
  }
  for (; k >= 0; k--) {
    run.charge(1);
    if (hasElement(run, o, k) && getElement(run, o, k) === target) return k;
  }
  return -1;
};

/**
 * Objects whose join/toLocaleString is in progress. A cyclic array joins as "" where it refers
 * to itself, as every engine does, instead of recursing until the stack overflows.
 */
const joining = new WeakSet<JSObject>();

/**
 * Runs `body` as one nested level of join/toLocaleString: the nesting counts against the call
 * depth like a guest call, since join → toString → join recurses through built-ins only.
 */
function nested(run: Run, o: JSObject, body: () => string): string {
  if (joining.has(o)) return "";
  if (++run.depth > run.limits.callDepth) {
    run.depth--;
    throw new ThrowSignal(makeError(run, "RangeError", "Maximum call stack size exceeded"));
  }
  joining.add(o);
  try {
    return body();
  } finally {
    joining.delete(o);
    run.depth--;
  }
}

/** https://tc39.es/ecma262/#sec-array.prototype.join */
const join: NativeImpl = (run, thisArg, args) => {
  const o = toObject(run, thisArg);
  const len = lengthOfArrayLike(run, o);
  const separator = args[0];
  const sep = separator === undefined ? "," : toString(run, separator);
  return nested(run, o, () => {
    const r = new StringBuilder(run);
    for (let k = 0; k < len; k++) {
      run.charge(1);
      if (k > 0) r.append(sep);
      const element = getElement(run, o, k);
      if (element !== undefined && element !== null) r.append(toString(run, element));
    }
    return r.build();
  });
};

/** https://tc39.es/ecma262/#sec-array.prototype.tolocalestring (without ECMA-402). */
const toLocaleStringImpl: NativeImpl = (run, thisArg) => {
  const array = toObject(run, thisArg);
  const len = lengthOfArrayLike(run, array);
  return nested(run, array, () => {
    const r = new StringBuilder(run);
    for (let k = 0; k < len; k++) {
      run.charge(1);
      if (k > 0) r.append(",");
      const next = getElement(run, array, k);
      if (next !== undefined && next !== null) {
        r.append(toString(run, invoke(run, next, "toLocaleString", [])));
      }
    }
    return r.build();
  });
};

/** https://tc39.es/ecma262/#sec-array.prototype.tostring */
const toStringImpl: NativeImpl = (run, thisArg) => {
  const array = toObject(run, thisArg);
  let func = array.get(run, "join", array);
  if (!isCallable(func)) func = run.realm.intrinsics.ObjectProto_toString;
  return call(run, func, array, []);
};

/** https://tc39.es/ecma262/#sec-array.prototype.entries */
const entries: NativeImpl = (run, thisArg) =>
  createArrayIterator(run, toObject(run, thisArg), "key+value");

/** https://tc39.es/ecma262/#sec-array.prototype.keys */
const keys: NativeImpl = (run, thisArg) => createArrayIterator(run, toObject(run, thisArg), "key");

/** https://tc39.es/ecma262/#sec-array.prototype.values */
const values: NativeImpl = (run, thisArg) =>
  createArrayIterator(run, toObject(run, thisArg), "value");

const ownMethods: readonly MethodRow[] = [
  ["at", at, 1],
  ["entries", entries, 0],
  ["includes", includes, 1],
  ["indexOf", indexOf, 1],
  ["join", join, 1],
  ["keys", keys, 0],
  ["lastIndexOf", lastIndexOf, 1],
  ["toLocaleString", toLocaleStringImpl, 0],
  ["toString", toStringImpl, 0],
  ["values", values, 0],
];

/** The names in %Array.prototype%[@@unscopables], in the spec's order (ES2023). */
const UNSCOPABLES = [
  "at",
  "copyWithin",
  "entries",
  "fill",
  "find",
  "findIndex",
  "findLast",
  "findLastIndex",
  "flat",
  "flatMap",
  "includes",
  "keys",
  "toReversed",
  "toSorted",
  "toSpliced",
  "values",
];

/** https://tc39.es/ecma262/#sec-array.prototype-@@unscopables */
function makeUnscopables(realm: Realm): JSObject {
  const list = new JSObject(realm.emptyShape, null);
  for (const name of UNSCOPABLES) list.defineData(name, true);
  return list;
}

/** Defines the methods of %Array.prototype% (an Array created by installArray). */
export function installArrayPrototype(realm: Realm, proto: JSArray): void {
  const rows = [
    ...ownMethods,
    ...copyingMethods,
    ...iterationMethods,
    ...mutationMethods,
    ...sortingMethods,
  ].sort((a, b) => ((a[0] as string) < (b[0] as string) ? -1 : 1));
  defineMethods(realm, proto, rows);
  const valuesFn = proto.storageGet("values") as JSObject;
  proto.defineData(Symbol.iterator, valuesFn, WC);
  proto.defineData(Symbol.unscopables, makeUnscopables(realm), CONFIGURABLE);
  realm.intrinsics.ArrayProto_values = valuesFn;
  realm.intrinsics.ArrayProto_toString = proto.storageGet("toString") as JSObject;
}
