/**
 * Array.prototype.sort and Array.prototype.toSorted
 * (https://tc39.es/ecma262/#sec-array.prototype.sort): the elements are read into a host list,
 * sorted by a stable bottom-up merge sort whose comparisons are SortCompare — the guest
 * comparator called as guest code, or the default string order — and written back.
 */
import type { MethodRow } from "../realm/bootstrap.js";
import { isCallable, toNumber, toObject, toString } from "../runtime/conversions.js";
import { BYTES_ELEMENT, charFuel, stringBytes } from "../runtime/costs.js";
import { lengthOfArrayLike } from "../runtime/object-ops.js";
import type { Run } from "../runtime/run.js";
import { throwRangeError, throwTypeError } from "../runtime/throw.js";
import type { NativeImpl } from "../values/function.js";
import { JSObject } from "../values/object.js";
import { HOLE, type Value } from "../values/value.js";
import {
  arrayFromList,
  deleteElement,
  getElement,
  hasElement,
  isPlainDense,
  MAX_ARRAY_LENGTH,
  setElement,
} from "./array-ops.js";

type Compare = (x: Value, y: Value) => number;

/**
 * https://tc39.es/ecma262/#sec-sortcompare as a closure over the comparator. Undefined sorts
 * after everything and is never passed to the comparator.
 */
function makeSortCompare(run: Run, comparefn: JSObject | undefined): Compare {
  return (x, y) => {
    if (x === undefined) return y === undefined ? 0 : 1;
    if (y === undefined) return -1;
    if (comparefn !== undefined) {
      const v = toNumber(run, comparefn.call(run, undefined, [x, y]));
      return Number.isNaN(v) ? 0 : v;
    }
    const xs = toString(run, x);
    const ys = toString(run, y);
    run.charge(charFuel(Math.min(xs.length, ys.length)));
    return xs < ys ? -1 : xs > ys ? 1 : 0;
  };
}

/**
 * A stable bottom-up merge sort of `items` (in place). Each comparison costs one unit of fuel on
 * top of what the comparator itself costs; a comparator that throws leaves the list unsorted,
 * and nothing has been written back yet.
 */
export function mergeSort<T>(run: Run, items: T[], cmp: (x: T, y: T) => number): void {
  const n = items.length;
  if (n < 2) return;
  run.alloc(n * BYTES_ELEMENT);
  let src = items;
  let dst: T[] = new Array<T>(n);
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      // Already ordered runs (a sorted input) are copied after a single comparison.
      if (j < hi) {
        run.charge(1);
        if (cmp(src[j] as T, src[j - 1] as T) >= 0) j = hi + 1;
      }
      if (j > hi) {
        run.charge((hi - lo) >> 4);
        for (let m = lo; m < hi; m++) dst[m] = src[m] as T;
        continue;
      }
      while (i < mid && j < hi) {
        run.charge(1);
        if (cmp(src[j] as T, src[i] as T) < 0) dst[k++] = src[j++] as T;
        else dst[k++] = src[i++] as T;
      }
      while (i < mid) dst[k++] = src[i++] as T;
      while (j < hi) dst[k++] = src[j++] as T;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  if (src !== items) for (let m = 0; m < n; m++) items[m] = src[m] as T;
}

/**
 * Sorts with the default order. When every element is a primitive other than a symbol, ToString
 * runs no guest code and cannot throw, so each string is computed once instead of per comparison.
 */
function sortDefault(run: Run, items: Value[]): void {
  const n = items.length;
  for (let m = 0; m < n; m++) {
    const v = items[m];
    if (v instanceof JSObject || typeof v === "symbol") {
      mergeSort(run, items, makeSortCompare(run, undefined));
      return;
    }
  }
  run.charge(n);
  run.alloc(2 * n * BYTES_ELEMENT);
  const strings: string[] = new Array<string>(n);
  const order: number[] = new Array<number>(n);
  for (let m = 0; m < n; m++) {
    const v = items[m];
    if (typeof v === "string") strings[m] = v;
    else {
      const s = String(v);
      run.alloc(stringBytes(s.length));
      strings[m] = s;
    }
    order[m] = m;
  }
  mergeSort(run, order, (a, b) => {
    const x = strings[a] as string;
    const y = strings[b] as string;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const copy = items.slice();
  for (let m = 0; m < n; m++) items[m] = copy[order[m] as number];
}

/**
 * https://tc39.es/ecma262/#sec-sortindexedproperties: reads the elements (skipping holes or
 * reading through them) and sorts them with SortCompare.
 */
function sortIndexedProperties(
  run: Run,
  obj: JSObject,
  len: number,
  comparefn: JSObject | undefined,
  skipHoles: boolean,
): Value[] {
  const items: Value[] = [];
  if (isPlainDense(obj) && len <= obj.dense.length) {
    // No guest code can run while reading, and a hole reads as absent / undefined.
    run.charge(len);
    run.alloc(len * BYTES_ELEMENT);
    const d = obj.dense;
    for (let k = 0; k < len; k++) {
      const v = d[k];
      if (v !== HOLE) items.push(v as Value);
      else if (!skipHoles) items.push(undefined);
    }
  } else {
    for (let k = 0; k < len; k++) {
      run.charge(1);
      if (skipHoles && !hasElement(run, obj, k)) continue;
      run.alloc(BYTES_ELEMENT);
      items.push(getElement(run, obj, k));
    }
  }
  // SortCompare orders undefined after everything else and never passes it to the comparator,
  // so undefined elements are set aside and appended after sorting the rest.
  let w = 0;
  for (let r = 0; r < items.length; r++) {
    const v = items[r];
    if (v !== undefined) items[w++] = v;
  }
  const undefinedCount = items.length - w;
  items.length = w;
  if (comparefn === undefined) sortDefault(run, items);
  else mergeSort(run, items, makeSortCompare(run, comparefn));
  for (let u = 0; u < undefinedCount; u++) items.push(undefined);
  return items;
}

function checkComparator(run: Run, comparefn: Value, name: string): JSObject | undefined {
  if (comparefn !== undefined && !isCallable(comparefn)) {
    return throwTypeError(
      run,
      `Array.prototype.${name}: the comparison function must be either a function or undefined`,
    );
  }
  return comparefn;
}

/** https://tc39.es/ecma262/#sec-array.prototype.sort */
const sort: NativeImpl = (run, thisArg, args) => {
  const comparefn = checkComparator(run, args[0], "sort");
  const obj = toObject(run, thisArg);
  const len = lengthOfArrayLike(run, obj);
  const sortedList = sortIndexedProperties(run, obj, len, comparefn, true);
  const itemCount = sortedList.length;
  let j = 0;
  for (; j < itemCount; j++) {
    run.charge(1);
    setElement(run, obj, j, sortedList[j]);
  }
  for (; j < len; j++) {
    run.charge(1);
    deleteElement(run, obj, j);
  }
  return obj;
};

/** https://tc39.es/ecma262/#sec-array.prototype.tosorted */
const toSorted: NativeImpl = (run, thisArg, args) => {
  const comparefn = checkComparator(run, args[0], "toSorted");
  const o = toObject(run, thisArg);
  const len = lengthOfArrayLike(run, o);
  if (len > MAX_ARRAY_LENGTH) throwRangeError(run, "Invalid array length");
  // A = ArrayCreate(len) is not observable until returned, so it is built from the sorted list.
  const sortedList = sortIndexedProperties(run, o, len, comparefn, false);
  return arrayFromList(run, sortedList, true);
};

export const sortingMethods: readonly MethodRow[] = [
  ["sort", sort, 1],
  ["toSorted", toSorted, 1],
];
