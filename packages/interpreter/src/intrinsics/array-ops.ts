/**
 * Abstract operations shared by the Array constructor, Array.prototype and other built-ins that
 * create or walk arrays (https://tc39.es/ecma262/#sec-array-objects), plus the element helpers
 * the array methods use: each helper takes the dense fast path only where it is observably
 * equivalent to the internal-method call it replaces, and falls back to that call otherwise.
 */

import { isConstructor, toBoolean } from "../runtime/conversions.js";
import { BYTES_ELEMENT, BYTES_OBJECT, BYTES_PROPERTY } from "../runtime/costs.js";
import {
  createDataPropertyOrThrow,
  deletePropertyOrThrow,
  setOrThrow,
} from "../runtime/object-ops.js";
import type { Run } from "../runtime/run.js";
import { throwRangeError, throwTypeError } from "../runtime/throw.js";
import { JSArray } from "../values/array.js";
import { ImmutablePrototypeObject } from "../values/immutable-prototype-object.js";
import { JSObject } from "../values/object.js";
import { ProxyObject } from "../values/proxy.js";
import { HOLE, type Value } from "../values/value.js";

/** 2⁵³ − 1: the largest length of an array-like. */
export const MAX_SAFE_LENGTH = Number.MAX_SAFE_INTEGER;
/** 2³² − 1: the largest length of an Array. */
export const MAX_ARRAY_LENGTH = 4294967295;
/**
 * Lengths up to which ArrayCreate preallocates dense storage when the caller has no elements in
 * hand yet (`new Array(n)`, `Array.from({ length: n })`): always up to the first, and up to the
 * second while it takes at most an eighth of the run's remaining memory budget. Beyond that the
 * array starts sparse, so a huge length costs nothing until elements are actually stored.
 */
export const DENSE_PREALLOC_MAX = 1 << 16;
const DENSE_PREALLOC_LIMIT = 1 << 24;

/** Whether a new array of `length` should start with dense (preallocated) storage. */
export function preferDense(run: Run, length: number): boolean {
  if (length <= DENSE_PREALLOC_MAX) return true;
  if (length > DENSE_PREALLOC_LIMIT) return false;
  return length * BYTES_ELEMENT * 8 <= run.limits.memoryBytes - run.memoryUsed;
}

/** https://tc39.es/ecma262/#sec-isarray */
export function isArray(run: Run, v: Value): boolean {
  for (;;) {
    if (v instanceof JSArray) return true;
    if (!(v instanceof ProxyObject)) return false;
    const target = v.target;
    if (target === null || v.handler === null) {
      return throwTypeError(run, "Cannot perform 'IsArray' on a proxy that has been revoked");
    }
    v = target;
  }
}

/**
 * https://tc39.es/ecma262/#sec-arraycreate. `dense` preallocates element storage (charged
 * first); callers pass it only when the elements will exist anyway (a copy of a dense source) or
 * the length is small.
 */
export function arrayCreate(
  run: Run,
  length: number,
  proto: JSObject = run.realm.intrinsics.ArrayPrototype,
  dense = preferDense(run, length),
): JSArray {
  if (length > MAX_ARRAY_LENGTH) throwRangeError(run, "Invalid array length");
  run.alloc(BYTES_OBJECT);
  if (dense && length > 0) {
    run.alloc(length * BYTES_ELEMENT);
    const elements = new Array<Value | typeof HOLE>(length).fill(HOLE);
    return new JSArray(run.realm.emptyShape, proto, elements);
  }
  const a = new JSArray(run.realm.emptyShape, proto);
  if (length > 0) a.setLength(run, length);
  return a;
}

/**
 * A new Array from a host list the caller owns, charging its memory first unless the caller
 * already charged the elements as it built the list.
 */
export function arrayFromList(run: Run, list: (Value | typeof HOLE)[], charged = false): JSArray {
  run.alloc(charged ? BYTES_OBJECT : BYTES_OBJECT + list.length * BYTES_ELEMENT);
  return new JSArray(run.realm.emptyShape, run.realm.intrinsics.ArrayPrototype, list);
}

/** https://tc39.es/ecma262/#sec-arrayspeciescreate */
export function arraySpeciesCreate(
  run: Run,
  original: JSObject,
  length: number,
  dense?: boolean,
): JSObject {
  // 1–2. Not an array: a plain Array.
  if (!isArray(run, original)) return arrayCreate(run, length, undefined, dense);
  // 3. C = Get(originalArray, "constructor").
  let c = original.get(run, "constructor", original);
  // 4. A constructor of another realm's %Array% counts as undefined.
  if (isConstructor(c)) {
    const realmC = (c as { realm?: { intrinsics: { Array: JSObject } } }).realm;
    if (realmC !== undefined && realmC !== run.realm && c === realmC.intrinsics.Array)
      c = undefined;
  }
  // 5. C = C[@@species], null counting as undefined.
  if (c instanceof JSObject) {
    c = c.get(run, Symbol.species, c);
    if (c === null) c = undefined;
  }
  // 6. undefined: a plain Array.
  if (c === undefined) return arrayCreate(run, length, undefined, dense);
  // 7. Not a constructor.
  if (!isConstructor(c))
    return throwTypeError(run, "object.constructor[Symbol.species] is not a constructor");
  // 8. Construct(C, « 𝔽(length) »).
  return c.construct(run, [length], c);
}

/** https://tc39.es/ecma262/#sec-isconcatspreadable */
export function isConcatSpreadable(run: Run, o: Value): boolean {
  if (!(o instanceof JSObject)) return false;
  const spreadable = o.get(run, Symbol.isConcatSpreadable, o);
  if (spreadable !== undefined) return toBoolean(spreadable);
  return isArray(run, o);
}

/**
 * True when no object on `o`'s prototype chain can have an array-index property or a getter
 * for one: only ordinary objects and empty arrays, none of which ever stored an index key. Then a
 * hole in `o` reads as absent/undefined without running guest code.
 */
export function protoChainHasNoElements(o: JSObject): boolean {
  for (let p = o.proto; p !== null; p = p.proto) {
    if (p.indexed) return false;
    const cls = Object.getPrototypeOf(p);
    if (cls === JSArray.prototype) {
      if ((p as JSArray).length !== 0) return false;
    } else if (cls !== JSObject.prototype && cls !== ImmutablePrototypeObject.prototype) {
      return false;
    }
  }
  return true;
}

/**
 * A dense array whose elements can be read, holes included, without running guest code:
 * a hole reads as absent (HasProperty false, Get undefined).
 */
export function isPlainDense(o: JSObject): o is JSArray {
  return o instanceof JSArray && !o.sparse && protoChainHasNoElements(o);
}

/**
 * A dense array whose elements can also be written and removed directly: elements are plain
 * data properties, and the length can change.
 */
export function isWritableDense(o: JSObject): o is JSArray {
  return isPlainDense(o) && o.extensible && o.lengthWritable;
}

/** HasProperty(O, ! ToString(𝔽(i))). */
export function hasElement(run: Run, o: JSObject, i: number): boolean {
  if (o instanceof JSArray && !o.sparse) {
    const d = o.dense;
    if (i < d.length && d[i] !== HOLE) return true;
  }
  return o.hasProperty(run, String(i));
}

/** Get(O, ! ToString(𝔽(i))). */
export function getElement(run: Run, o: JSObject, i: number): Value {
  if (o instanceof JSArray && !o.sparse) {
    const d = o.dense;
    if (i < d.length) {
      const v = d[i];
      if (v !== HOLE) return v as Value;
    }
  }
  return o.get(run, String(i), o);
}

/** Set(O, ! ToString(𝔽(i)), v, true). */
export function setElement(run: Run, o: JSObject, i: number, v: Value): void {
  if (o instanceof JSArray && !o.sparse) {
    const d = o.dense;
    if (i < d.length && d[i] !== HOLE) {
      d[i] = v;
      return;
    }
  }
  if (!(o instanceof JSArray) || o.sparse) run.alloc(BYTES_PROPERTY);
  setOrThrow(run, o, String(i), v);
}

/** CreateDataPropertyOrThrow(A, ! ToString(𝔽(i)), v). */
export function createElement(run: Run, a: JSObject, i: number, v: Value): void {
  if (a instanceof JSArray && !a.sparse) {
    const d = a.dense;
    if (i < d.length) {
      if (d[i] !== HOLE || a.extensible) {
        d[i] = v;
        return;
      }
    } else if (i === d.length && a.extensible && a.lengthWritable) {
      run.alloc(BYTES_ELEMENT);
      d.push(v);
      return;
    }
  } else run.alloc(BYTES_PROPERTY);
  createDataPropertyOrThrow(run, a, String(i), v);
}

/** DeletePropertyOrThrow(O, ! ToString(𝔽(i))). */
export function deleteElement(run: Run, o: JSObject, i: number): void {
  if (o instanceof JSArray && !o.sparse) {
    const d = o.dense;
    if (i < d.length) d[i] = HOLE;
    return;
  }
  deletePropertyOrThrow(run, o, String(i));
}

/** Set(O, "length", 𝔽(len), true), with ArraySetLength's range check for arrays. */
export function setLength(run: Run, o: JSObject, len: number): void {
  if (o instanceof JSArray) {
    if (len > MAX_ARRAY_LENGTH) throwRangeError(run, "Invalid array length");
    if (!o.sparse && o.lengthWritable && len === o.dense.length) return;
  }
  setOrThrow(run, o, "length", len);
}

/** Clamps a relative index as the slice-like methods do (steps "If relativeX = -∞ ..."). */
export function relativeIndex(rel: number, len: number): number {
  if (rel === Number.NEGATIVE_INFINITY) return 0;
  if (rel < 0) return Math.max(len + rel, 0);
  return Math.min(rel, len);
}
