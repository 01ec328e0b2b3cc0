/**
 * Array.prototype methods that change the receiver in place
 * (https://tc39.es/ecma262/#sec-properties-of-the-array-prototype-object): copyWithin, fill, pop,
 * push, reverse, shift, splice, unshift. Each follows the spec's loop over the internal methods;
 * on a dense Array that can be written directly (isWritableDense: plain elements, no indexed
 * property or exotic object on its prototype chain, extensible, writable length) and whose whole
 * length is in dense storage, the same effect is applied to the storage in one host operation,
 * since no guest code could run or observe the intermediate steps.
 */
import type { MethodRow } from "../realm/bootstrap.js";
import { toIntegerOrInfinity, toObject } from "../runtime/conversions.js";
import { BYTES_ELEMENT, BYTES_PROPERTY, charFuel } from "../runtime/costs.js";
import { lengthOfArrayLike } from "../runtime/object-ops.js";
import type { Run } from "../runtime/run.js";
import { throwTypeError } from "../runtime/throw.js";
import { JSArray } from "../values/array.js";
import type { NativeImpl } from "../values/function.js";
import type { JSObject } from "../values/object.js";
import { HOLE, type Value } from "../values/value.js";
import {
  arraySpeciesCreate,
  createElement,
  deleteElement,
  getElement,
  hasElement,
  isWritableDense,
  MAX_SAFE_LENGTH,
  relativeIndex,
  setElement,
  setLength,
} from "./array-ops.js";

/** A dense array holding its whole `len` in dense storage, writable directly. */
function fastArray(o: JSObject, len: number): o is JSArray {
  return isWritableDense(o) && o.dense.length === len;
}

/**
 * Fuel for a bulk move of `n` elements in dense storage (one host memmove, or less: V8 trims
 * the front of a large array in place), counted like characters in a string built-in.
 */
function bulkFuel(n: number): number {
  return charFuel(n);
}

function unhole(v: Value | typeof HOLE | undefined): Value {
  return v === HOLE ? undefined : v;
}

/**
 * Moves the element at `from` to `to` as the shifting loops of shift/splice/unshift do:
 * Set when `from` exists, DeletePropertyOrThrow otherwise.
 */
function moveElement(run: Run, o: JSObject, from: number, to: number): void {
  run.charge(1);
  if (hasElement(run, o, from)) setElement(run, o, to, getElement(run, o, from));
  else deleteElement(run, o, to);
}

/** https://tc39.es/ecma262/#sec-array.prototype.copywithin */
const copyWithin: NativeImpl = (run, thisArg, args) => {
  const o = toObject(run, thisArg);
  const len = lengthOfArrayLike(run, o);
  let to = relativeIndex(toIntegerOrInfinity(run, args[0]), len);
  let from = relativeIndex(toIntegerOrInfinity(run, args[1]), len);
  const end = args[2];
  const final = end === undefined ? len : relativeIndex(toIntegerOrInfinity(run, end), len);
  let count = Math.min(final - from, len - to);
  if (count <= 0) return o;
  if (fastArray(o, len)) {
    run.charge(bulkFuel(count));
    o.dense.copyWithin(to, from, from + count);
    return o;
  }
  let direction = 1;
  if (from < to && to < from + count) {
    direction = -1;
    from = from + count - 1;
    to = to + count - 1;
  }
  for (; count > 0; count--, from += direction, to += direction) moveElement(run, o, from, to);
  return o;
};

/** https://tc39.es/ecma262/#sec-array.prototype.fill */
const fill: NativeImpl = (run, thisArg, args) => {
  const o = toObject(run, thisArg);
  const len = lengthOfArrayLike(run, o);
  const value = args[0];
  let k = relativeIndex(toIntegerOrInfinity(run, args[1]), len);
  const end = args[2];
  const final = end === undefined ? len : relativeIndex(toIntegerOrInfinity(run, end), len);
  if (k < final && fastArray(o, len)) {
    run.charge(bulkFuel(final - k));
    o.dense.fill(value, k, final);
    return o;
  }
  // Filling a sparse array creates a property per index: charge that memory up front, so
  // `new Array(1e9).fill(0)` fails fast instead of after millions of properties.
  if (o instanceof JSArray && o.sparse && k < final) run.alloc((final - k) * BYTES_PROPERTY);
  for (; k < final; k++) {
    run.charge(1);
    setElement(run, o, k, value);
  }
  return o;
};

/** https://tc39.es/ecma262/#sec-array.prototype.pop */
const pop: NativeImpl = (run, thisArg) => {
  const o = toObject(run, thisArg);
  const len = lengthOfArrayLike(run, o);
  if (len === 0) {
    setLength(run, o, 0);
    return undefined;
  }
  const newLen = len - 1;
  if (fastArray(o, len)) {
    const v = o.dense[newLen];
    o.dense.length = newLen;
    return unhole(v);
  }
  const element = getElement(run, o, newLen);
  deleteElement(run, o, newLen);
  setLength(run, o, newLen);
  return element;
};

/** https://tc39.es/ecma262/#sec-array.prototype.push */
const push: NativeImpl = (run, thisArg, args) => {
  const o = toObject(run, thisArg);
  let len = lengthOfArrayLike(run, o);
  const argCount = args.length;
  if (len + argCount > MAX_SAFE_LENGTH)
    throwTypeError(run, "Array.prototype.push: result is too long");
  run.charge(argCount);
  if (fastArray(o, len)) {
    run.alloc(argCount * BYTES_ELEMENT);
    const d = o.dense;
    for (let i = 0; i < argCount; i++) d.push(args[i]);
    return len + argCount;
  }
  for (let i = 0; i < argCount; i++) setElement(run, o, len++, args[i]);
  setLength(run, o, len);
  return len;
};

/** https://tc39.es/ecma262/#sec-array.prototype.reverse */
const reverse: NativeImpl = (run, thisArg) => {
  const o = toObject(run, thisArg);
  const len = lengthOfArrayLike(run, o);
  if (fastArray(o, len)) {
    run.charge(bulkFuel(len));
    o.dense.reverse();
    return o;
  }
  const middle = Math.floor(len / 2);
  for (let lower = 0; lower !== middle; lower++) {
    run.charge(1);
    const upper = len - lower - 1;
    const lowerExists = hasElement(run, o, lower);
    const lowerValue = lowerExists ? getElement(run, o, lower) : undefined;
    const upperExists = hasElement(run, o, upper);
    const upperValue = upperExists ? getElement(run, o, upper) : undefined;
    if (lowerExists && upperExists) {
      setElement(run, o, lower, upperValue);
      setElement(run, o, upper, lowerValue);
    } else if (upperExists) {
      setElement(run, o, lower, upperValue);
      deleteElement(run, o, upper);
    } else if (lowerExists) {
      deleteElement(run, o, lower);
      setElement(run, o, upper, lowerValue);
    }
  }
  return o;
};

/** https://tc39.es/ecma262/#sec-array.prototype.shift */
const shift: NativeImpl = (run, thisArg) => {
  const o = toObject(run, thisArg);
  const len = lengthOfArrayLike(run, o);
  if (len === 0) {
    setLength(run, o, 0);
    return undefined;
  }
  if (fastArray(o, len)) {
    run.charge(bulkFuel(len));
    return unhole(o.dense.shift());
  }
  const first = getElement(run, o, 0);
  for (let k = 1; k < len; k++) moveElement(run, o, k, k - 1);
  deleteElement(run, o, len - 1);
  setLength(run, o, len - 1);
  return first;
};

/** https://tc39.es/ecma262/#sec-array.prototype.unshift */
const unshift: NativeImpl = (run, thisArg, args) => {
  const o = toObject(run, thisArg);
  const len = lengthOfArrayLike(run, o);
  const argCount = args.length;
  if (argCount > 0) {
    if (len + argCount > MAX_SAFE_LENGTH)
      throwTypeError(run, "Array.prototype.unshift: result is too long");
    if (fastArray(o, len)) {
      run.charge(argCount + bulkFuel(len));
      run.alloc(argCount * BYTES_ELEMENT);
      o.dense = (args as (Value | typeof HOLE)[]).concat(o.dense);
      return len + argCount;
    }
    for (let k = len; k > 0; k--) moveElement(run, o, k - 1, k + argCount - 1);
    for (let j = 0; j < argCount; j++) {
      run.charge(1);
      setElement(run, o, j, args[j]);
    }
  }
  setLength(run, o, len + argCount);
  return len + argCount;
};

/** https://tc39.es/ecma262/#sec-array.prototype.splice */
const splice: NativeImpl = (run, thisArg, args) => {
  const o = toObject(run, thisArg);
  const len = lengthOfArrayLike(run, o);
  const actualStart = relativeIndex(toIntegerOrInfinity(run, args[0]), len);
  const itemCount = Math.max(args.length - 2, 0);
  let actualDeleteCount: number;
  if (args.length === 0) actualDeleteCount = 0;
  else if (args.length === 1) actualDeleteCount = len - actualStart;
  else {
    const dc = toIntegerOrInfinity(run, args[1]);
    actualDeleteCount = Math.min(Math.max(dc, 0), len - actualStart);
  }
  if (len + itemCount - actualDeleteCount > MAX_SAFE_LENGTH) {
    throwTypeError(run, "Array.prototype.splice: result is too long");
  }
  const dense = o instanceof JSArray && !o.sparse && len <= o.dense.length;
  const a = arraySpeciesCreate(run, o, actualDeleteCount, dense);
  const newLen = len - actualDeleteCount + itemCount;
  // After ArraySpeciesCreate no guest code runs on the fast path: A is an Array (no traps) and O
  // is checked only now, after the species lookup could have changed it.
  if (a instanceof JSArray && a !== o && fastArray(o, len)) {
    run.charge(actualDeleteCount + itemCount + bulkFuel(len - actualStart));
    const d = o.dense;
    for (let k = 0; k < actualDeleteCount; k++) {
      const v = d[actualStart + k];
      if (v !== HOLE) createElement(run, a, k, v as Value);
    }
    setLength(run, a, actualDeleteCount);
    run.alloc(itemCount * BYTES_ELEMENT);
    const items = args.slice(2);
    if (itemCount <= 1024) d.splice(actualStart, actualDeleteCount, ...items);
    else o.dense = d.slice(0, actualStart).concat(items, d.slice(actualStart + actualDeleteCount));
    return a;
  }
  for (let k = 0; k < actualDeleteCount; k++) {
    run.charge(1);
    const from = actualStart + k;
    if (hasElement(run, o, from)) createElement(run, a, k, getElement(run, o, from));
  }
  setLength(run, a, actualDeleteCount);
  if (itemCount < actualDeleteCount) {
    for (let k = actualStart; k < len - actualDeleteCount; k++) {
      moveElement(run, o, k + actualDeleteCount, k + itemCount);
    }
    for (let k = len; k > newLen; k--) {
      run.charge(1);
      deleteElement(run, o, k - 1);
    }
  } else if (itemCount > actualDeleteCount) {
    for (let k = len - actualDeleteCount; k > actualStart; k--) {
      moveElement(run, o, k + actualDeleteCount - 1, k + itemCount - 1);
    }
  }
  for (let j = 0; j < itemCount; j++) {
    run.charge(1);
    setElement(run, o, actualStart + j, args[j + 2]);
  }
  setLength(run, o, newLen);
  return a;
};

export const mutationMethods: readonly MethodRow[] = [
  ["copyWithin", copyWithin, 2],
  ["fill", fill, 1],
  ["pop", pop, 0],
  ["push", push, 1],
  ["reverse", reverse, 0],
  ["shift", shift, 0],
  ["splice", splice, 2],
  ["unshift", unshift, 1],
];
