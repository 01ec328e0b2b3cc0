/**
 * The Array constructor and its static methods (https://tc39.es/ecma262/#sec-array-constructor),
 * and the installer that creates %Array.prototype% (an Array exotic object) with the method tables
 * of ArrayPrototype*.ts.
 */

import {
  defineAccessors,
  defineGlobal,
  defineMethods,
  type MethodRow,
  makeConstructor,
} from "../realm/bootstrap.js";
import type { Realm } from "../realm/realm.js";
import { isCallable, isConstructor, toObject, toUint32 } from "../runtime/conversions.js";
import { BYTES_PROPERTY } from "../runtime/costs.js";
import {
  DONE,
  getIteratorFromMethod,
  iteratorClose,
  iteratorStepValue,
} from "../runtime/iteration.js";
import {
  getMethod,
  getPrototypeFromConstructor,
  lengthOfArrayLike,
} from "../runtime/object-ops.js";
import type { Run } from "../runtime/run.js";
import { makeError, ThrowSignal, throwRangeError, throwTypeError } from "../runtime/throw.js";
import { JSArray } from "../values/array.js";
import type { NativeImpl } from "../values/function.js";
import type { JSObject } from "../values/object.js";
import type { Value } from "../values/value.js";
import { installArrayIteratorPrototype } from "./ArrayIteratorPrototype.js";
import { installArrayPrototype } from "./ArrayPrototype.js";
import {
  arrayCreate,
  createElement,
  getElement,
  isArray,
  MAX_SAFE_LENGTH,
  setLength,
} from "./array-ops.js";

/** https://tc39.es/ecma262/#sec-array */
function arrayConstructor(realm: Realm): NativeImpl {
  return (run, _thisArg, args, newTarget) => {
    // 1. A plain call behaves as `new` with the active function (%Array%) as NewTarget.
    const nt = newTarget ?? realm.intrinsics.Array;
    // 2. proto = GetPrototypeFromConstructor(newTarget, "%Array.prototype%").
    const proto = getPrototypeFromConstructor(run, nt, "ArrayPrototype");
    const n = args.length;
    // 4. No arguments.
    if (n === 0) return arrayCreate(run, 0, proto);
    // 5. One argument: a length, or the single element.
    if (n === 1) {
      const len = args[0];
      if (typeof len !== "number") {
        const array = arrayCreate(run, 0, proto);
        createElement(run, array, 0, len);
        return array;
      }
      const intLen = toUint32(run, len);
      if (intLen !== len) throwRangeError(run, "Invalid array length");
      return arrayCreate(run, intLen, proto);
    }
    // 6. Several arguments: the elements.
    run.charge(n);
    const array = arrayCreate(run, 0, proto);
    for (let k = 0; k < n; k++) createElement(run, array, k, args[k]);
    return array;
  };
}

/** https://tc39.es/ecma262/#sec-array.from */
const from: NativeImpl = (run, thisArg, args) => {
  const items = args[0];
  const mapfn = args[1];
  const t = args[2];
  const c = thisArg;
  // 2–3. mapfn must be callable when present.
  const mapping = mapfn !== undefined;
  if (mapping && !isCallable(mapfn)) throwTypeError(run, "Array.from: mapper is not a function");
  // 4. An iterable.
  const usingIterator = getMethod(run, items, Symbol.iterator);
  if (usingIterator !== undefined) {
    const a = isConstructor(c) ? constructArray(run, c, []) : arrayCreate(run, 0);
    const rec = getIteratorFromMethod(run, items, usingIterator);
    let k = 0;
    for (;;) {
      run.charge(1);
      if (k >= MAX_SAFE_LENGTH) {
        const error = new ThrowSignal(makeError(run, "TypeError", "Array.from: too many elements"));
        iteratorClose(run, rec, true);
        throw error;
      }
      const next = iteratorStepValue(run, rec);
      if (next === DONE) {
        setLength(run, a, k);
        return a;
      }
      try {
        const mapped = mapping ? (mapfn as JSObject).call(run, t, [next, k]) : next;
        createElement(run, a, k, mapped);
      } catch (e) {
        if (e instanceof ThrowSignal) iteratorClose(run, rec, true);
        throw e;
      }
      k++;
    }
  }
  // 5. An array-like.
  const arrayLike = toObject(run, items);
  const len = lengthOfArrayLike(run, arrayLike);
  const a = isConstructor(c) ? constructArray(run, c, [len]) : arrayCreate(run, len);
  // Every element will exist: charge the memory before the loop, so a huge length fails fast.
  if (a instanceof JSArray && a.sparse) run.alloc(len * BYTES_PROPERTY);
  for (let k = 0; k < len; k++) {
    run.charge(1);
    const kValue = getElement(run, arrayLike, k);
    const mapped = mapping ? (mapfn as JSObject).call(run, t, [kValue, k]) : kValue;
    createElement(run, a, k, mapped);
  }
  setLength(run, a, len);
  return a;
};

/**
 * Construct(C, args). For the realm's own %Array% this is ArrayCreate (its `prototype` is fixed,
 * so nothing observable differs), which lets `Array.from({ length: n })` start dense.
 */
function constructArray(run: Run, c: JSObject, args: Value[]): JSObject {
  if (c === run.realm.intrinsics.Array) {
    if (args.length === 0) return arrayCreate(run, 0);
    const len = args[0] as number;
    if (toUint32(run, len) !== len) throwRangeError(run, "Invalid array length");
    return arrayCreate(run, len);
  }
  return c.construct(run, args, c);
}

/** https://tc39.es/ecma262/#sec-array.isarray */
const isArrayImpl: NativeImpl = (run, _thisArg, args) => isArray(run, args[0]);

/** https://tc39.es/ecma262/#sec-array.of */
const of: NativeImpl = (run, thisArg, args) => {
  const len = args.length;
  run.charge(len);
  const a = isConstructor(thisArg) ? constructArray(run, thisArg, [len]) : arrayCreate(run, len);
  for (let k = 0; k < len; k++) createElement(run, a, k, args[k]);
  setLength(run, a, len);
  return a;
};

/** https://tc39.es/ecma262/#sec-get-array-@@species */
const getSpecies: NativeImpl = (_run, thisArg) => thisArg;

const staticMethods: readonly MethodRow[] = [
  ["from", from, 1],
  ["isArray", isArrayImpl, 1],
  ["of", of, 0],
];

export function installArray(realm: Realm): void {
  const i = realm.intrinsics;
  installArrayIteratorPrototype(realm);
  // https://tc39.es/ecma262/#sec-properties-of-the-array-prototype-object: an Array exotic object.
  const proto = new JSArray(realm.emptyShape, i.ObjectPrototype);
  i.ArrayPrototype = proto;
  const ctor = makeConstructor(realm, "Array", arrayConstructor(realm), 1, proto);
  i.Array = ctor;
  defineMethods(realm, ctor, staticMethods);
  defineAccessors(realm, ctor, [[Symbol.species, getSpecies]]);
  installArrayPrototype(realm, proto);
  defineGlobal(realm, "Array", ctor);
}
