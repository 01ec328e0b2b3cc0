/**
 * (Just over 600 lines: the %TypedArray%.prototype method table and the methods it names; sorting
 * already lives in TypedArrayPrototypeSorting.ts.)
 *
 * %TypedArray%.prototype (https://tc39.es/ecma262/#sec-properties-of-the-%typedarrayprototype%-object,
 * ES2023). Methods that call guest code (callbacks, comparators, species constructors) follow the
 * spec step by step over the typed array's internal methods; bulk work on the elements alone
 * (fill, reverse, search, copies, sorting without a comparator) runs on a host view over the
 * bytes, charged first. sort and toSorted are in TypedArrayPrototypeSorting.ts.
 */
import {
  type AccessorRow,
  defineAccessors,
  defineMethods,
  type MethodRow,
} from "../realm/bootstrap.js";
import type { Realm } from "../realm/realm.js";
import {
  isCallable,
  toBoolean,
  toIntegerOrInfinity,
  toObject,
  toString as toStringValue,
} from "../runtime/conversions.js";
import { BYTES_ELEMENT, stringBytes } from "../runtime/costs.js";
import { invoke, lengthOfArrayLike } from "../runtime/object-ops.js";
import type { Run } from "../runtime/run.js";
import { throwRangeError, throwTypeError } from "../runtime/throw.js";
import { byteFuel } from "../values/array-buffer.js";
import { JSObject } from "../values/object.js";
import { WC } from "../values/property.js";
import { TypedArrayObject, toElementValue } from "../values/typed-array.js";
import type { Value } from "../values/value.js";
import { relativeIndex } from "./ArrayBuffer.js";
import { createArrayIterator } from "./ArrayIteratorPrototype.js";
import {
  typedArrayCreateSameType,
  typedArraySpeciesCreate,
  validateTypedArray,
} from "./TypedArray.js";
import { sortingMethods } from "./TypedArrayPrototypeSorting.js";

type Numeric = number | bigint;

/** Fuel for a host loop over `n` elements (a search or a conversion). */
function elementFuel(n: number): number {
  return 1 + Math.floor(n / 16);
}

function callback(run: Run, v: Value, method: string): JSObject {
  if (!isCallable(v))
    return throwTypeError(run, `TypedArray.prototype.${method}: callback is not a function`);
  return v;
}

/** Whether `v` can equal an element of `o` (a Number for Number arrays, a BigInt for BigInt ones). */
function sameContent(o: TypedArrayObject, v: Value): v is Numeric {
  return typeof v === (o.type.bigint ? "bigint" : "number");
}

// ---- accessors ------------------------------------------------------------------------------

function thisTypedArray(run: Run, v: Value, name: string): TypedArrayObject {
  if (v instanceof TypedArrayObject) return v;
  return throwTypeError(run, `get TypedArray.prototype.${name}: this is not a typed array`);
}

/** https://tc39.es/ecma262/#sec-get-%typedarray%.prototype.buffer */
function getBuffer(run: Run, thisArg: Value): Value {
  return thisTypedArray(run, thisArg, "buffer").buffer;
}

/** https://tc39.es/ecma262/#sec-get-%typedarray%.prototype.bytelength */
function getByteLength(run: Run, thisArg: Value): Value {
  const o = thisTypedArray(run, thisArg, "byteLength");
  return o.detached ? 0 : o.byteLength;
}

/** https://tc39.es/ecma262/#sec-get-%typedarray%.prototype.byteoffset */
function getByteOffset(run: Run, thisArg: Value): Value {
  const o = thisTypedArray(run, thisArg, "byteOffset");
  return o.detached ? 0 : o.byteOffset;
}

/** https://tc39.es/ecma262/#sec-get-%typedarray%.prototype.length */
function getLength(run: Run, thisArg: Value): Value {
  const o = thisTypedArray(run, thisArg, "length");
  return o.detached ? 0 : o.arrayLength;
}

/** https://tc39.es/ecma262/#sec-get-%typedarray%.prototype-@@tostringtag */
function getToStringTag(_run: Run, thisArg: Value): Value {
  return thisArg instanceof TypedArrayObject ? thisArg.type.ctorName : undefined;
}

// ---- element access and iteration -----------------------------------------------------------

/** https://tc39.es/ecma262/#sec-%typedarray%.prototype.at */
function at(run: Run, thisArg: Value, args: Value[]): Value {
  const o = validateTypedArray(run, thisArg, "TypedArray.prototype.at");
  const len = o.arrayLength;
  const rel = toIntegerOrInfinity(run, args[0]);
  const k = rel >= 0 ? rel : len + rel;
  if (k < 0 || k >= len) return undefined;
  return o.elementGet(k);
}

/** https://tc39.es/ecma262/#sec-%typedarray%.prototype.entries */
function entries(run: Run, thisArg: Value): Value {
  return createArrayIterator(
    run,
    validateTypedArray(run, thisArg, "TypedArray.prototype.entries"),
    "key+value",
  );
}

/** https://tc39.es/ecma262/#sec-%typedarray%.prototype.keys */
function keys(run: Run, thisArg: Value): Value {
  return createArrayIterator(
    run,
    validateTypedArray(run, thisArg, "TypedArray.prototype.keys"),
    "key",
  );
}

/** https://tc39.es/ecma262/#sec-%typedarray%.prototype.values */
function values(run: Run, thisArg: Value): Value {
  return createArrayIterator(
    run,
    validateTypedArray(run, thisArg, "TypedArray.prototype.values"),
    "value",
  );
}

// ---- callbacks ------------------------------------------------------------------------------

/** https://tc39.es/ecma262/#sec-%typedarray%.prototype.every */
function every(run: Run, thisArg: Value, args: Value[]): Value {
  const o = validateTypedArray(run, thisArg, "TypedArray.prototype.every");
  const len = o.arrayLength;
  const fn = callback(run, args[0], "every");
  for (let k = 0; k < len; k++) {
    run.charge(1);
    if (!toBoolean(fn.call(run, args[1], [o.elementGet(k), k, o]))) return false;
  }
  return true;
}

/** https://tc39.es/ecma262/#sec-%typedarray%.prototype.some */
function some(run: Run, thisArg: Value, args: Value[]): Value {
  const o = validateTypedArray(run, thisArg, "TypedArray.prototype.some");
  const len = o.arrayLength;
  const fn = callback(run, args[0], "some");
  for (let k = 0; k < len; k++) {
    run.charge(1);
    if (toBoolean(fn.call(run, args[1], [o.elementGet(k), k, o]))) return true;
  }
  return false;
}

/** https://tc39.es/ecma262/#sec-%typedarray%.prototype.foreach */
function forEach(run: Run, thisArg: Value, args: Value[]): Value {
  const o = validateTypedArray(run, thisArg, "TypedArray.prototype.forEach");
  const len = o.arrayLength;
  const fn = callback(run, args[0], "forEach");
  for (let k = 0; k < len; k++) {
    run.charge(1);
    fn.call(run, args[1], [o.elementGet(k), k, o]);
  }
  return undefined;
}

/**
 * https://tc39.es/ecma262/#sec-findviapredicate: the index and value of the first element (in
 * the given direction) the predicate accepts, or [-1, undefined].
 */
function findViaPredicate(
  run: Run,
  o: TypedArrayObject,
  ascending: boolean,
  predicate: Value,
  thisArg: Value,
  method: string,
): [number, Value] {
  const fn = callback(run, predicate, method);
  const len = o.arrayLength;
  for (let i = 0; i < len; i++) {
    run.charge(1);
    const k = ascending ? i : len - 1 - i;
    const kValue = o.elementGet(k);
    if (toBoolean(fn.call(run, thisArg, [kValue, k, o]))) return [k, kValue];
  }
  return [-1, undefined];
}

/** https://tc39.es/ecma262/#sec-%typedarray%.prototype.find */
function find(run: Run, thisArg: Value, args: Value[]): Value {
  const o = validateTypedArray(run, thisArg, "TypedArray.prototype.find");
  return findViaPredicate(run, o, true, args[0], args[1], "find")[1];
}

/** https://tc39.es/ecma262/#sec-%typedarray%.prototype.findindex */
function findIndex(run: Run, thisArg: Value, args: Value[]): Value {
  const o = validateTypedArray(run, thisArg, "TypedArray.prototype.findIndex");
  return findViaPredicate(run, o, true, args[0], args[1], "findIndex")[0];
}

/** https://tc39.es/ecma262/#sec-%typedarray%.prototype.findlast */
function findLast(run: Run, thisArg: Value, args: Value[]): Value {
  const o = validateTypedArray(run, thisArg, "TypedArray.prototype.findLast");
  return findViaPredicate(run, o, false, args[0], args[1], "findLast")[1];
}

/** https://tc39.es/ecma262/#sec-%typedarray%.prototype.findlastindex */
function findLastIndex(run: Run, thisArg: Value, args: Value[]): Value {
  const o = validateTypedArray(run, thisArg, "TypedArray.prototype.findLastIndex");
  return findViaPredicate(run, o, false, args[0], args[1], "findLastIndex")[0];
}

/** https://tc39.es/ecma262/#sec-%typedarray%.prototype.filter */
function filter(run: Run, thisArg: Value, args: Value[]): Value {
  const o = validateTypedArray(run, thisArg, "TypedArray.prototype.filter");
  const len = o.arrayLength;
  const fn = callback(run, args[0], "filter");
  const kept: Value[] = [];
  for (let k = 0; k < len; k++) {
    run.charge(1);
    const kValue = o.elementGet(k);
    if (toBoolean(fn.call(run, args[1], [kValue, k, o]))) {
      run.alloc(BYTES_ELEMENT);
      kept.push(kValue);
    }
  }
  const a = typedArraySpeciesCreate(run, o, [kept.length]);
  for (let n = 0; n < kept.length; n++) {
    run.charge(1);
    a.elementSet(run, n, kept[n]);
  }
  return a;
}

/** https://tc39.es/ecma262/#sec-%typedarray%.prototype.map */
function map(run: Run, thisArg: Value, args: Value[]): Value {
  const o = validateTypedArray(run, thisArg, "TypedArray.prototype.map");
  const len = o.arrayLength;
  const fn = callback(run, args[0], "map");
  const a = typedArraySpeciesCreate(run, o, [len]);
  for (let k = 0; k < len; k++) {
    run.charge(1);
    const mapped = fn.call(run, args[1], [o.elementGet(k), k, o]);
    a.elementSet(run, k, mapped);
  }
  return a;
}

/** https://tc39.es/ecma262/#sec-%typedarray%.prototype.reduce */
function reduce(run: Run, thisArg: Value, args: Value[]): Value {
  const o = validateTypedArray(run, thisArg, "TypedArray.prototype.reduce");
  const len = o.arrayLength;
  const fn = callback(run, args[0], "reduce");
  if (len === 0 && args.length < 2) {
    return throwTypeError(run, "Reduce of empty array with no initial value");
  }
  let k = 0;
  let acc: Value;
  if (args.length >= 2) acc = args[1];
  else acc = o.elementGet(k++);
  for (; k < len; k++) {
    run.charge(1);
    acc = fn.call(run, undefined, [acc, o.elementGet(k), k, o]);
  }
  return acc;
}

/** https://tc39.es/ecma262/#sec-%typedarray%.prototype.reduceright */
function reduceRight(run: Run, thisArg: Value, args: Value[]): Value {
  const o = validateTypedArray(run, thisArg, "TypedArray.prototype.reduceRight");
  const len = o.arrayLength;
  const fn = callback(run, args[0], "reduceRight");
  if (len === 0 && args.length < 2) {
    return throwTypeError(run, "Reduce of empty array with no initial value");
  }
  let k = len - 1;
  let acc: Value;
  if (args.length >= 2) acc = args[1];
  else acc = o.elementGet(k--);
  for (; k >= 0; k--) {
    run.charge(1);
    acc = fn.call(run, undefined, [acc, o.elementGet(k), k, o]);
  }
  return acc;
}

// ---- search ---------------------------------------------------------------------------------

/** https://tc39.es/ecma262/#sec-%typedarray%.prototype.includes */
function includes(run: Run, thisArg: Value, args: Value[]): Value {
  const o = validateTypedArray(run, thisArg, "TypedArray.prototype.includes");
  const len = o.arrayLength;
  if (len === 0) return false;
  const n = toIntegerOrInfinity(run, args[1]);
  if (n === Infinity) return false;
  const k = n >= 0 ? n : Math.max(len + n, 0);
  if (k >= len) return false;
  const search = args[0];
  // A detached buffer reads as undefined everywhere (! Get returns undefined).
  if (o.detached) return search === undefined;
  if (!sameContent(o, search)) return false;
  run.charge(elementFuel(len - k));
  return o.hostView().includes(search as never, k);
}

/** https://tc39.es/ecma262/#sec-%typedarray%.prototype.indexof */
function indexOf(run: Run, thisArg: Value, args: Value[]): Value {
  const o = validateTypedArray(run, thisArg, "TypedArray.prototype.indexOf");
  const len = o.arrayLength;
  if (len === 0) return -1;
  const n = toIntegerOrInfinity(run, args[1]);
  if (n === Infinity) return -1;
  const k = n >= 0 ? n : Math.max(len + n, 0);
  const search = args[0];
  if (k >= len || o.detached || !sameContent(o, search)) return -1;
  run.charge(elementFuel(len - k));
  return o.hostView().indexOf(search as never, k);
}

/** https://tc39.es/ecma262/#sec-%typedarray%.prototype.lastindexof */
function lastIndexOf(run: Run, thisArg: Value, args: Value[]): Value {
  const o = validateTypedArray(run, thisArg, "TypedArray.prototype.lastIndexOf");
  const len = o.arrayLength;
  if (len === 0) return -1;
  const n = args.length > 1 ? toIntegerOrInfinity(run, args[1]) : len - 1;
  if (n === -Infinity) return -1;
  const k = n >= 0 ? Math.min(n, len - 1) : len + n;
  const search = args[0];
  if (k < 0 || o.detached || !sameContent(o, search)) return -1;
  run.charge(elementFuel(k + 1));
  return o.hostView().lastIndexOf(search as never, k);
}

// ---- strings --------------------------------------------------------------------------------

/** https://tc39.es/ecma262/#sec-%typedarray%.prototype.join */
function join(run: Run, thisArg: Value, args: Value[]): Value {
  const o = validateTypedArray(run, thisArg, "TypedArray.prototype.join");
  const len = o.arrayLength;
  const separator = args[0];
  const sep = separator === undefined ? "," : toStringValue(run, separator);
  if (len === 0) return "";
  run.alloc(stringBytes(sep.length * (len - 1)));
  let r = "";
  for (let k = 0; k < len; k++) {
    run.charge(1);
    if (k > 0) r += sep;
    const element = o.elementGet(k);
    if (element !== undefined) {
      const next = String(element);
      run.alloc(next.length * 2);
      r += next;
    }
  }
  return r;
}

/**
 * https://tc39.es/ecma262/#sec-%typedarray%.prototype.tolocalestring (Array.prototype.toLocaleString
 * over the validated typed array; the list separator is ",").
 */
function toLocaleStringMethod(run: Run, thisArg: Value): Value {
  const o = validateTypedArray(run, thisArg, "TypedArray.prototype.toLocaleString");
  const len = o.arrayLength;
  let r = "";
  for (let k = 0; k < len; k++) {
    run.charge(1);
    if (k > 0) r += ",";
    const next = o.get(run, String(k), o);
    if (next !== undefined && next !== null) {
      const s = toStringValue(run, invoke(run, next, "toLocaleString", []));
      run.alloc(s.length * 2 + 2);
      r += s;
    }
  }
  return r;
}

// ---- in-place changes -----------------------------------------------------------------------

/** https://tc39.es/ecma262/#sec-%typedarray%.prototype.copywithin */
function copyWithin(run: Run, thisArg: Value, args: Value[]): Value {
  const o = validateTypedArray(run, thisArg, "TypedArray.prototype.copyWithin");
  const len = o.arrayLength;
  const to = relativeIndex(run, args[0], len);
  const from = relativeIndex(run, args[1], len);
  const end = args[2];
  const final = end === undefined ? len : relativeIndex(run, end, len);
  const count = Math.min(final - from, len - to);
  if (count > 0) {
    if (o.detached)
      return throwTypeError(run, "TypedArray.prototype.copyWithin: the buffer is detached");
    const size = o.type.size;
    const countBytes = count * size;
    const fromByte = from * size + o.byteOffset;
    run.charge(byteFuel(countBytes));
    o.buffer.data.copyWithin(to * size + o.byteOffset, fromByte, fromByte + countBytes);
  }
  return o;
}

/** https://tc39.es/ecma262/#sec-%typedarray%.prototype.fill */
function fill(run: Run, thisArg: Value, args: Value[]): Value {
  const o = validateTypedArray(run, thisArg, "TypedArray.prototype.fill");
  const len = o.arrayLength;
  const value = toElementValue(run, o.type, args[0]);
  const k = relativeIndex(run, args[1], len);
  const end = args[2];
  const final = end === undefined ? len : relativeIndex(run, end, len);
  if (o.detached) return throwTypeError(run, "TypedArray.prototype.fill: the buffer is detached");
  if (k < final) {
    run.charge(byteFuel((final - k) * o.type.size));
    o.hostView().fill(value as never, k, final);
  }
  return o;
}

/** https://tc39.es/ecma262/#sec-%typedarray%.prototype.reverse */
function reverse(run: Run, thisArg: Value): Value {
  const o = validateTypedArray(run, thisArg, "TypedArray.prototype.reverse");
  run.charge(byteFuel(o.byteLength));
  o.hostView().reverse();
  return o;
}

/** https://tc39.es/ecma262/#sec-%typedarray%.prototype.set */
function set(run: Run, thisArg: Value, args: Value[]): Value {
  const target = thisArg;
  if (!(target instanceof TypedArrayObject)) {
    return throwTypeError(run, "TypedArray.prototype.set: this is not a typed array");
  }
  const targetOffset = toIntegerOrInfinity(run, args[1]);
  if (targetOffset < 0) return throwRangeError(run, "offset is out of bounds");
  const source = args[0];
  if (source instanceof TypedArrayObject) setFromTypedArray(run, target, targetOffset, source);
  else setFromArrayLike(run, target, targetOffset, source);
  return undefined;
}

/** https://tc39.es/ecma262/#sec-settypedarrayfromtypedarray */
function setFromTypedArray(
  run: Run,
  target: TypedArrayObject,
  targetOffset: number,
  source: TypedArrayObject,
): void {
  if (target.detached)
    throwTypeError(run, "TypedArray.prototype.set: the target's buffer is detached");
  const targetLength = target.arrayLength;
  if (source.detached)
    throwTypeError(run, "TypedArray.prototype.set: the source's buffer is detached");
  const srcLength = source.arrayLength;
  if (targetOffset === Infinity || srcLength + targetOffset > targetLength) {
    throwRangeError(run, "offset is out of bounds");
  }
  if (target.type.bigint !== source.type.bigint) {
    throwTypeError(run, "Cannot mix BigInt and other types in TypedArray.prototype.set");
  }
  // Same buffer: the host copies the source first (CloneArrayBuffer), so charge that copy too.
  if (source.buffer === target.buffer) run.alloc(source.byteLength);
  run.charge(byteFuel(srcLength * Math.max(source.type.size, target.type.size)));
  target.hostView().set(source.hostView() as never, targetOffset);
}

/** https://tc39.es/ecma262/#sec-settypedarrayfromarraylike */
function setFromArrayLike(
  run: Run,
  target: TypedArrayObject,
  targetOffset: number,
  source: Value,
): void {
  if (target.detached)
    throwTypeError(run, "TypedArray.prototype.set: the target's buffer is detached");
  const targetLength = target.arrayLength;
  const src = toObject(run, source);
  const srcLength = lengthOfArrayLike(run, src);
  if (targetOffset === Infinity || srcLength + targetOffset > targetLength) {
    throwRangeError(run, "offset is out of bounds");
  }
  for (let k = 0; k < srcLength; k++) {
    run.charge(1);
    const value = src.get(run, String(k), src);
    target.elementSet(run, targetOffset + k, value);
  }
}

// ---- copies ---------------------------------------------------------------------------------

/** https://tc39.es/ecma262/#sec-%typedarray%.prototype.slice */
function slice(run: Run, thisArg: Value, args: Value[]): Value {
  const o = validateTypedArray(run, thisArg, "TypedArray.prototype.slice");
  const len = o.arrayLength;
  let k = relativeIndex(run, args[0], len);
  const end = args[1];
  const final = end === undefined ? len : relativeIndex(run, end, len);
  const count = Math.max(final - k, 0);
  const a = typedArraySpeciesCreate(run, o, [count]);
  if (count > 0) {
    if (o.detached)
      return throwTypeError(run, "TypedArray.prototype.slice: the buffer is detached");
    if (o.type === a.type) {
      const size = o.type.size;
      let srcByte = k * size + o.byteOffset;
      let targetByte = a.byteOffset;
      const limit = targetByte + size * count;
      run.charge(byteFuel(size * count));
      const src = o.buffer.data;
      const dst = a.buffer.data;
      if (src === dst) {
        // Byte by byte in ascending order, as the spec copies, when both views share a buffer.
        while (targetByte < limit) dst[targetByte++] = src[srcByte++] as number;
      } else {
        dst.set(src.subarray(srcByte, srcByte + size * count), targetByte);
      }
    } else {
      for (let n = 0; k < final; k++, n++) {
        run.charge(1);
        a.elementSet(run, n, o.elementGet(k));
      }
    }
  }
  return a;
}

/** https://tc39.es/ecma262/#sec-%typedarray%.prototype.subarray */
function subarray(run: Run, thisArg: Value, args: Value[]): Value {
  const o = thisArg;
  if (!(o instanceof TypedArrayObject)) {
    return throwTypeError(run, "TypedArray.prototype.subarray: this is not a typed array");
  }
  const buffer = o.buffer;
  const srcLength = o.arrayLength;
  const begin = relativeIndex(run, args[0], srcLength);
  const end = args[1];
  const endIndex = end === undefined ? srcLength : relativeIndex(run, end, srcLength);
  const beginByteOffset = o.byteOffset + begin * o.type.size;
  const newLength = Math.max(endIndex - begin, 0);
  return typedArraySpeciesCreate(run, o, [buffer, beginByteOffset, newLength]);
}

/** https://tc39.es/ecma262/#sec-%typedarray%.prototype.toreversed */
function toReversed(run: Run, thisArg: Value): Value {
  const o = validateTypedArray(run, thisArg, "TypedArray.prototype.toReversed");
  const a = typedArrayCreateSameType(run, o, o.arrayLength);
  run.charge(byteFuel(o.byteLength) * 2);
  const view = a.hostView();
  view.set(o.hostView() as never);
  view.reverse();
  return a;
}

/** https://tc39.es/ecma262/#sec-%typedarray%.prototype.with */
function withMethod(run: Run, thisArg: Value, args: Value[]): Value {
  const o = validateTypedArray(run, thisArg, "TypedArray.prototype.with");
  const len = o.arrayLength;
  const rel = toIntegerOrInfinity(run, args[0]);
  const actual = rel >= 0 ? rel : len + rel;
  const value = toElementValue(run, o.type, args[1]);
  if (!o.isValidIndex(actual)) return throwRangeError(run, "Invalid typed array index");
  const a = typedArrayCreateSameType(run, o, len);
  run.charge(byteFuel(o.byteLength));
  a.hostView().set(o.hostView() as never);
  a.write(actual, value);
  return a;
}

const accessors: AccessorRow[] = [
  ["buffer", getBuffer],
  ["byteLength", getByteLength],
  ["byteOffset", getByteOffset],
  ["length", getLength],
];

const methods: MethodRow[] = [
  ["at", at, 1],
  ["copyWithin", copyWithin, 2],
  ["entries", entries, 0],
  ["every", every, 1],
  ["fill", fill, 1],
  ["filter", filter, 1],
  ["find", find, 1],
  ["findIndex", findIndex, 1],
  ["findLast", findLast, 1],
  ["findLastIndex", findLastIndex, 1],
  ["forEach", forEach, 1],
  ["includes", includes, 1],
  ["indexOf", indexOf, 1],
  ["join", join, 1],
  ["keys", keys, 0],
  ["lastIndexOf", lastIndexOf, 1],
  ["map", map, 1],
  ["reduce", reduce, 1],
  ["reduceRight", reduceRight, 1],
  ["reverse", reverse, 0],
  ["set", set, 1],
  ["slice", slice, 2],
  ["some", some, 1],
  ["subarray", subarray, 2],
  ["toLocaleString", toLocaleStringMethod, 0],
  ["toReversed", toReversed, 0],
  ["values", values, 0],
  ["with", withMethod, 2],
];

/**
 * Fills %TypedArray%.prototype. `toString` is Array.prototype.toString itself
 * (https://tc39.es/ecma262/#sec-%typedarray%.prototype.tostring), so Array must be installed first.
 */
export function installTypedArrayPrototype(realm: Realm, proto: JSObject): void {
  defineAccessors(realm, proto, accessors);
  defineMethods(
    realm,
    proto,
    [...methods, ...sortingMethods].sort((a, b) => ((a[0] as string) < (b[0] as string) ? -1 : 1)),
  );
  proto.defineData(Symbol.iterator, proto.storageGet("values") as JSObject, WC);
  const arrayProto = realm.intrinsics.ArrayPrototype as JSObject | undefined;
  const arrayToString = realm.intrinsics.ArrayProto_toString ?? arrayProto?.storageGet("toString");
  if (arrayToString instanceof JSObject) proto.defineData("toString", arrayToString, WC);
  defineAccessors(realm, proto, [[Symbol.toStringTag, getToStringTag]]);
}
