/**
 * %TypedArray%.prototype.sort and .toSorted (https://tc39.es/ecma262/#sec-%typedarray%.prototype.sort,
 * ES2023). Without a comparator the order is CompareTypedArrayElements' numeric order, which is
 * the host typed arrays' default sort: it runs on a host view over the bytes (pure work on
 * primitives, charged first). With one, the comparator is guest code, so the elements are
 * sorted here by a stable merge sort that calls it.
 */
import type { MethodRow } from "../realm/bootstrap.js";
import { isCallable, toNumber } from "../runtime/conversions.js";
import { BYTES_ELEMENT } from "../runtime/costs.js";
import type { Run } from "../runtime/run.js";
import { throwTypeError } from "../runtime/throw.js";
import { byteFuel } from "../values/array-buffer.js";
import type { JSObject } from "../values/object.js";
import type { TypedArrayObject } from "../values/typed-array.js";
import type { Value } from "../values/value.js";
import { typedArrayCreateSameType, validateTypedArray } from "./TypedArray.js";

type Numeric = number | bigint;

/**
 * https://tc39.es/ecma262/#sec-comparetypedarrayelements with a comparator: the comparator is
 * guest code, so sorting runs here as a stable merge sort, one fuel unit per comparison.
 */
function compareWith(run: Run, comparefn: JSObject, x: Numeric, y: Numeric): number {
  run.charge(1);
  const v = toNumber(run, comparefn.call(run, undefined, [x, y]));
  return Number.isNaN(v) ? 0 : v;
}

function mergeSort(run: Run, items: Numeric[], comparefn: JSObject): void {
  const n = items.length;
  if (n < 2) return;
  run.alloc(n * BYTES_ELEMENT);
  let src = items;
  let dst: Numeric[] = new Array(n);
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        const a = src[i] as Numeric;
        const b = src[j] as Numeric;
        if (compareWith(run, comparefn, a, b) > 0) {
          dst[k++] = b;
          j++;
        } else {
          dst[k++] = a;
          i++;
        }
      }
      while (i < mid) dst[k++] = src[i++] as Numeric;
      while (j < hi) dst[k++] = src[j++] as Numeric;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  if (src !== items) for (let i = 0; i < n; i++) items[i] = src[i] as Numeric;
}

/**
 * SortIndexedProperties over a typed array's elements, returning the sorted list
 * (https://tc39.es/ecma262/#sec-sortindexedproperties).
 */
function sortedElements(run: Run, o: TypedArrayObject, comparefn: JSObject): Numeric[] {
  const len = o.arrayLength;
  run.charge(len);
  run.alloc(len * BYTES_ELEMENT);
  const items: Numeric[] = [];
  for (let k = 0; k < len; k++) items.push(o.read(k));
  mergeSort(run, items, comparefn);
  return items;
}

/** Fuel for a host sort of `n` elements by the default numeric order. */
function sortFuel(n: number): number {
  return n < 2 ? 1 : Math.ceil(n * Math.log2(n));
}

/** https://tc39.es/ecma262/#sec-%typedarray%.prototype.sort */
function sort(run: Run, thisArg: Value, args: Value[]): Value {
  const comparefn = args[0];
  if (comparefn !== undefined && !isCallable(comparefn)) {
    return throwTypeError(run, "The comparison function must be either a function or undefined");
  }
  const o = validateTypedArray(run, thisArg, "TypedArray.prototype.sort");
  if (comparefn === undefined) {
    // CompareTypedArrayElements without a comparator is the host typed arrays' default order.
    run.charge(sortFuel(o.arrayLength));
    o.hostView().sort();
    return o;
  }
  const sorted = sortedElements(run, o, comparefn);
  for (let j = 0; j < sorted.length; j++) {
    if (o.isValidIndex(j)) o.write(j, sorted[j] as Numeric);
  }
  return o;
}

/** https://tc39.es/ecma262/#sec-%typedarray%.prototype.tosorted */
function toSorted(run: Run, thisArg: Value, args: Value[]): Value {
  const comparefn = args[0];
  if (comparefn !== undefined && !isCallable(comparefn)) {
    return throwTypeError(run, "The comparison function must be either a function or undefined");
  }
  const o = validateTypedArray(run, thisArg, "TypedArray.prototype.toSorted");
  const len = o.arrayLength;
  const a = typedArrayCreateSameType(run, o, len);
  if (comparefn === undefined) {
    run.charge(byteFuel(o.byteLength) + sortFuel(len));
    const view = a.hostView();
    view.set(o.hostView() as never);
    view.sort();
    return a;
  }
  const sorted = sortedElements(run, o, comparefn);
  for (let j = 0; j < len; j++) a.write(j, sorted[j] as Numeric);
  return a;
}

export const sortingMethods: MethodRow[] = [
  ["sort", sort, 1],
  ["toSorted", toSorted, 1],
];
