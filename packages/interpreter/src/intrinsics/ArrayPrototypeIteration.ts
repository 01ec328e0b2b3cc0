/**
 * Array.prototype methods that call a guest callback per element
 * (https://tc39.es/ecma262/#sec-properties-of-the-array-prototype-object): every, filter, find,
 * findIndex, findLast, findLastIndex, forEach, map, reduce, reduceRight, some. The callback may
 * change the array, its prototypes or its length at any time, so each element goes through
 * hasElement/getElement (own dense elements directly, everything else through the internal
 * methods) rather than a snapshot.
 */
import type { MethodRow } from "../realm/bootstrap.js";
import { isCallable, toBoolean, toObject } from "../runtime/conversions.js";
import { lengthOfArrayLike } from "../runtime/object-ops.js";
import type { Run } from "../runtime/run.js";
import { throwTypeError } from "../runtime/throw.js";
import { JSArray } from "../values/array.js";
import type { NativeImpl } from "../values/function.js";
import type { JSObject } from "../values/object.js";
import type { Value } from "../values/value.js";
import { arraySpeciesCreate, createElement, getElement, hasElement } from "./array-ops.js";

/** Steps 1–3 shared by the callback methods: O, len, and the checked callback. */
function prelude(run: Run, thisArg: Value, cb: Value, name: string): [JSObject, number, JSObject] {
  const o = toObject(run, thisArg);
  const len = lengthOfArrayLike(run, o);
  if (!isCallable(cb))
    return throwTypeError(run, `Array.prototype.${name}: callback is not a function`);
  return [o, len, cb];
}

/** https://tc39.es/ecma262/#sec-array.prototype.every */
const every: NativeImpl = (run, thisArg, args) => {
  const [o, len, cb] = prelude(run, thisArg, args[0], "every");
  const t = args[1];
  for (let k = 0; k < len; k++) {
    run.charge(1);
    if (!hasElement(run, o, k)) continue;
    const kValue = getElement(run, o, k);
    if (!toBoolean(cb.call(run, t, [kValue, k, o]))) return false;
  }
  return true;
};

/** https://tc39.es/ecma262/#sec-array.prototype.some */
const some: NativeImpl = (run, thisArg, args) => {
  const [o, len, cb] = prelude(run, thisArg, args[0], "some");
  const t = args[1];
  for (let k = 0; k < len; k++) {
    run.charge(1);
    if (!hasElement(run, o, k)) continue;
    const kValue = getElement(run, o, k);
    if (toBoolean(cb.call(run, t, [kValue, k, o]))) return true;
  }
  return false;
};

/** https://tc39.es/ecma262/#sec-array.prototype.foreach */
const forEach: NativeImpl = (run, thisArg, args) => {
  const [o, len, cb] = prelude(run, thisArg, args[0], "forEach");
  const t = args[1];
  for (let k = 0; k < len; k++) {
    run.charge(1);
    if (!hasElement(run, o, k)) continue;
    const kValue = getElement(run, o, k);
    cb.call(run, t, [kValue, k, o]);
  }
  return undefined;
};

/** https://tc39.es/ecma262/#sec-array.prototype.map */
const map: NativeImpl = (run, thisArg, args) => {
  const [o, len, cb] = prelude(run, thisArg, args[0], "map");
  const t = args[1];
  // A dense source already holds `len` elements, so a dense result costs no more than it.
  const dense = o instanceof JSArray && !o.sparse && len <= o.dense.length;
  const a = arraySpeciesCreate(run, o, len, dense);
  for (let k = 0; k < len; k++) {
    run.charge(1);
    if (!hasElement(run, o, k)) continue;
    const kValue = getElement(run, o, k);
    const mapped = cb.call(run, t, [kValue, k, o]);
    createElement(run, a, k, mapped);
  }
  return a;
};

/** https://tc39.es/ecma262/#sec-array.prototype.filter */
const filter: NativeImpl = (run, thisArg, args) => {
  const [o, len, cb] = prelude(run, thisArg, args[0], "filter");
  const t = args[1];
  const a = arraySpeciesCreate(run, o, 0);
  let to = 0;
  for (let k = 0; k < len; k++) {
    run.charge(1);
    if (!hasElement(run, o, k)) continue;
    const kValue = getElement(run, o, k);
    if (toBoolean(cb.call(run, t, [kValue, k, o]))) createElement(run, a, to++, kValue);
  }
  return a;
};

/**
 * https://tc39.es/ecma262/#sec-findviapredicate: the first (or last) element for which the
 * predicate holds, holes read as undefined. Returns [index, value], index -1 when none.
 */
function findViaPredicate(
  run: Run,
  thisArg: Value,
  args: Value[],
  ascending: boolean,
  name: string,
): [number, Value] {
  const [o, len, predicate] = prelude(run, thisArg, args[0], name);
  const t = args[1];
  for (let i = 0; i < len; i++) {
    run.charge(1);
    const k = ascending ? i : len - 1 - i;
    const kValue = getElement(run, o, k);
    if (toBoolean(predicate.call(run, t, [kValue, k, o]))) return [k, kValue];
  }
  return [-1, undefined];
}

/** https://tc39.es/ecma262/#sec-array.prototype.find */
const find: NativeImpl = (run, thisArg, args) =>
  findViaPredicate(run, thisArg, args, true, "find")[1];

/** https://tc39.es/ecma262/#sec-array.prototype.findindex */
const findIndex: NativeImpl = (run, thisArg, args) =>
  findViaPredicate(run, thisArg, args, true, "findIndex")[0];

/** https://tc39.es/ecma262/#sec-array.prototype.findlast */
const findLast: NativeImpl = (run, thisArg, args) =>
  findViaPredicate(run, thisArg, args, false, "findLast")[1];

/** https://tc39.es/ecma262/#sec-array.prototype.findlastindex */
const findLastIndex: NativeImpl = (run, thisArg, args) =>
  findViaPredicate(run, thisArg, args, false, "findLastIndex")[0];

/**
 * https://tc39.es/ecma262/#sec-array.prototype.reduce and
 * https://tc39.es/ecma262/#sec-array.prototype.reduceright (`step` is +1 or −1).
 */
function reduceImpl(run: Run, thisArg: Value, args: Value[], step: 1 | -1): Value {
  const name = step === 1 ? "reduce" : "reduceRight";
  const [o, len, cb] = prelude(run, thisArg, args[0], name);
  const hasInitial = args.length >= 2;
  if (len === 0 && !hasInitial) {
    return throwTypeError(run, `Array.prototype.${name} of empty array with no initial value`);
  }
  let k = step === 1 ? 0 : len - 1;
  const inRange = (i: number) => (step === 1 ? i < len : i >= 0);
  let accumulator: Value;
  if (hasInitial) {
    accumulator = args[1];
  } else {
    let kPresent = false;
    while (!kPresent && inRange(k)) {
      run.charge(1);
      kPresent = hasElement(run, o, k);
      if (kPresent) accumulator = getElement(run, o, k);
      k += step;
    }
    if (!kPresent) {
      return throwTypeError(run, `Array.prototype.${name} of empty array with no initial value`);
    }
  }
  for (; inRange(k); k += step) {
    run.charge(1);
    if (!hasElement(run, o, k)) continue;
    const kValue = getElement(run, o, k);
    accumulator = cb.call(run, undefined, [accumulator, kValue, k, o]);
  }
  return accumulator;
}

const reduce: NativeImpl = (run, thisArg, args) => reduceImpl(run, thisArg, args, 1);
const reduceRight: NativeImpl = (run, thisArg, args) => reduceImpl(run, thisArg, args, -1);

export const iterationMethods: readonly MethodRow[] = [
  ["every", every, 1],
  ["filter", filter, 1],
  ["find", find, 1],
  ["findIndex", findIndex, 1],
  ["findLast", findLast, 1],
  ["findLastIndex", findLastIndex, 1],
  ["forEach", forEach, 1],
  ["map", map, 1],
  ["reduce", reduce, 1],
  ["reduceRight", reduceRight, 1],
  ["some", some, 1],
];
