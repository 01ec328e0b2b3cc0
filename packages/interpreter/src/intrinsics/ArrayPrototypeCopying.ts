/**
 * Array.prototype methods that build a new array from the receiver
 * (https://tc39.es/ecma262/#sec-properties-of-the-array-prototype-object): concat, flat, flatMap,
 * slice (through ArraySpeciesCreate), and the change-array-by-copy methods toReversed, toSpliced
 * and with (always a plain Array). The plain Array a by-copy method creates is not observable
 * until it is returned, so those collect the elements into a host list (charged as it grows)
 * and make the array at the end.
 */
import type { MethodRow } from "../realm/bootstrap.js";
import { isCallable, toIntegerOrInfinity, toObject } from "../runtime/conversions.js";
import { BYTES_ELEMENT, BYTES_OBJECT } from "../runtime/costs.js";
import { lengthOfArrayLike } from "../runtime/object-ops.js";
import type { Run } from "../runtime/run.js";
import { makeError, ThrowSignal, throwRangeError, throwTypeError } from "../runtime/throw.js";
import { JSArray } from "../values/array.js";
import type { NativeImpl } from "../values/function.js";
import type { JSObject } from "../values/object.js";
import type { Value } from "../values/value.js";
import {
  arrayFromList,
  arraySpeciesCreate,
  createElement,
  getElement,
  hasElement,
  isArray,
  isConcatSpreadable,
  MAX_ARRAY_LENGTH,
  MAX_SAFE_LENGTH,
  relativeIndex,
  setLength,
} from "./array-ops.js";

/** https://tc39.es/ecma262/#sec-array.prototype.concat */
const concat: NativeImpl = (run, thisArg, args) => {
  const o = toObject(run, thisArg);
  const a = arraySpeciesCreate(run, o, 0);
  let n = 0;
  for (let i = -1; i < args.length; i++) {
    const e = i < 0 ? o : args[i];
    if (isConcatSpreadable(run, e)) {
      const eo = e as JSObject;
      const len = lengthOfArrayLike(run, eo);
      if (n + len > MAX_SAFE_LENGTH)
        throwTypeError(run, "Array.prototype.concat: result is too long");
      for (let k = 0; k < len; k++, n++) {
        run.charge(1);
        if (hasElement(run, eo, k)) createElement(run, a, n, getElement(run, eo, k));
      }
    } else {
      if (n >= MAX_SAFE_LENGTH) throwTypeError(run, "Array.prototype.concat: result is too long");
      run.charge(1);
      createElement(run, a, n, e);
      n++;
    }
  }
  setLength(run, a, n);
  return a;
};

interface FlattenFrame {
  source: JSObject;
  len: number;
  index: number;
  depth: number;
}

/**
 * https://tc39.es/ecma262/#sec-flattenintoarray, with an explicit stack instead of recursion so
 * that nesting is bounded by the call-depth limit (as the recursion would be) and never by the
 * host stack. `mapper` applies to the elements of the top-level source only.
 */
function flattenIntoArray(
  run: Run,
  target: JSObject,
  source: JSObject,
  sourceLen: number,
  depth: number,
  mapper?: JSObject,
  thisArg?: Value,
): number {
  const stack: FlattenFrame[] = [{ source, len: sourceLen, index: 0, depth }];
  let targetIndex = 0;
  while (stack.length > 0) {
    const f = stack[stack.length - 1] as FlattenFrame;
    if (f.index >= f.len) {
      stack.pop();
      continue;
    }
    run.charge(1);
    const sourceIndex = f.index++;
    if (!hasElement(run, f.source, sourceIndex)) continue;
    let element = getElement(run, f.source, sourceIndex);
    if (mapper !== undefined && stack.length === 1) {
      element = mapper.call(run, thisArg, [element, sourceIndex, f.source]);
    }
    if (f.depth > 0 && isArray(run, element)) {
      const newDepth = f.depth === Number.POSITIVE_INFINITY ? f.depth : f.depth - 1;
      const elementLen = lengthOfArrayLike(run, element as JSObject);
      if (stack.length >= run.limits.callDepth) {
        throw new ThrowSignal(makeError(run, "RangeError", "Maximum call stack size exceeded"));
      }
      run.alloc(BYTES_OBJECT);
      stack.push({ source: element as JSObject, len: elementLen, index: 0, depth: newDepth });
    } else {
      if (targetIndex >= MAX_SAFE_LENGTH)
        throwTypeError(run, "Array.prototype.flat: result is too long");
      createElement(run, target, targetIndex, element);
      targetIndex++;
    }
  }
  return targetIndex;
}

/** https://tc39.es/ecma262/#sec-array.prototype.flat */
const flat: NativeImpl = (run, thisArg, args) => {
  const o = toObject(run, thisArg);
  const sourceLen = lengthOfArrayLike(run, o);
  let depthNum = 1;
  if (args[0] !== undefined) {
    depthNum = toIntegerOrInfinity(run, args[0]);
    if (depthNum < 0) depthNum = 0;
  }
  const a = arraySpeciesCreate(run, o, 0);
  flattenIntoArray(run, a, o, sourceLen, depthNum);
  return a;
};

/** https://tc39.es/ecma262/#sec-array.prototype.flatmap */
const flatMap: NativeImpl = (run, thisArg, args) => {
  const o = toObject(run, thisArg);
  const sourceLen = lengthOfArrayLike(run, o);
  const mapper = args[0];
  if (!isCallable(mapper))
    return throwTypeError(run, "Array.prototype.flatMap: mapper is not a function");
  const a = arraySpeciesCreate(run, o, 0);
  flattenIntoArray(run, a, o, sourceLen, 1, mapper, args[1]);
  return a;
};

/** https://tc39.es/ecma262/#sec-array.prototype.slice */
const slice: NativeImpl = (run, thisArg, args) => {
  const o = toObject(run, thisArg);
  const len = lengthOfArrayLike(run, o);
  let k = relativeIndex(toIntegerOrInfinity(run, args[0]), len);
  const end = args[1];
  const final = end === undefined ? len : relativeIndex(toIntegerOrInfinity(run, end), len);
  const count = Math.max(final - k, 0);
  const dense = o instanceof JSArray && !o.sparse && final <= o.dense.length;
  const a = arraySpeciesCreate(run, o, count, dense);
  let n = 0;
  for (; k < final; k++, n++) {
    run.charge(1);
    if (hasElement(run, o, k)) createElement(run, a, n, getElement(run, o, k));
  }
  setLength(run, a, n);
  return a;
};

/** The list a by-copy method fills, charged one element at a time as it grows. */
function pushCharged(run: Run, list: Value[], v: Value): void {
  run.charge(1);
  run.alloc(BYTES_ELEMENT);
  list.push(v);
}

/** https://tc39.es/ecma262/#sec-array.prototype.toreversed */
const toReversed: NativeImpl = (run, thisArg) => {
  const o = toObject(run, thisArg);
  const len = lengthOfArrayLike(run, o);
  if (len > MAX_ARRAY_LENGTH) throwRangeError(run, "Invalid array length");
  const list: Value[] = [];
  for (let k = 0; k < len; k++) pushCharged(run, list, getElement(run, o, len - k - 1));
  return arrayFromList(run, list, true);
};

/** https://tc39.es/ecma262/#sec-array.prototype.tospliced */
const toSpliced: NativeImpl = (run, thisArg, args) => {
  const o = toObject(run, thisArg);
  const len = lengthOfArrayLike(run, o);
  const actualStart = relativeIndex(toIntegerOrInfinity(run, args[0]), len);
  const insertCount = Math.max(args.length - 2, 0);
  let actualSkipCount: number;
  if (args.length === 0) actualSkipCount = 0;
  else if (args.length === 1) actualSkipCount = len - actualStart;
  else {
    const sc = toIntegerOrInfinity(run, args[1]);
    actualSkipCount = Math.min(Math.max(sc, 0), len - actualStart);
  }
  const newLen = len + insertCount - actualSkipCount;
  if (newLen > MAX_SAFE_LENGTH)
    throwTypeError(run, "Array.prototype.toSpliced: result is too long");
  if (newLen > MAX_ARRAY_LENGTH) throwRangeError(run, "Invalid array length");
  const list: Value[] = [];
  let i = 0;
  let r = actualStart + actualSkipCount;
  for (; i < actualStart; i++) pushCharged(run, list, getElement(run, o, i));
  for (let j = 2; j < args.length; j++, i++) pushCharged(run, list, args[j]);
  for (; i < newLen; i++, r++) pushCharged(run, list, getElement(run, o, r));
  return arrayFromList(run, list, true);
};

/** https://tc39.es/ecma262/#sec-array.prototype.with */
const withImpl: NativeImpl = (run, thisArg, args) => {
  const o = toObject(run, thisArg);
  const len = lengthOfArrayLike(run, o);
  const rel = toIntegerOrInfinity(run, args[0]);
  const actualIndex = rel >= 0 ? rel : len + rel;
  if (actualIndex >= len || actualIndex < 0)
    throwRangeError(run, "Array.prototype.with: index out of range");
  if (len > MAX_ARRAY_LENGTH) throwRangeError(run, "Invalid array length");
  const value = args[1];
  const list: Value[] = [];
  for (let k = 0; k < len; k++) {
    pushCharged(run, list, k === actualIndex ? value : getElement(run, o, k));
  }
  return arrayFromList(run, list, true);
};

export const copyingMethods: readonly MethodRow[] = [
  ["concat", concat, 1],
  ["flat", flat, 0],
  ["flatMap", flatMap, 1],
  ["slice", slice, 2],
  ["toReversed", toReversed, 0],
  ["toSpliced", toSpliced, 2],
  ["with", withImpl, 2],
];
