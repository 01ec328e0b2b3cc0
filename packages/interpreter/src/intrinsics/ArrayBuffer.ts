/**
 * The ArrayBuffer constructor and ArrayBuffer.prototype
 * (https://tc39.es/ecma262/#sec-arraybuffer-objects, ES2023: fixed-length buffers only).
 */
import {
  type AccessorRow,
  defineAccessors,
  defineGlobal,
  defineMethods,
  type MethodRow,
  makeConstructor,
} from "../realm/bootstrap.js";
import type { Realm } from "../realm/realm.js";
import { toIndex, toIntegerOrInfinity } from "../runtime/conversions.js";
import { BYTES_OBJECT } from "../runtime/costs.js";
import {
  construct,
  getPrototypeFromConstructor,
  speciesConstructor,
} from "../runtime/object-ops.js";
import type { Run } from "../runtime/run.js";
import { throwRangeError, throwTypeError } from "../runtime/throw.js";
import { ArrayBufferObject, byteFuel, MAX_BYTE_LENGTH } from "../values/array-buffer.js";
import { DataViewObject } from "../values/data-view.js";
import { JSObject } from "../values/object.js";
import { CONFIGURABLE } from "../values/property.js";
import { TypedArrayObject } from "../values/typed-array.js";
import type { Value } from "../values/value.js";

/**
 * https://tc39.es/ecma262/#sec-createbytedatablock — a zeroed block, charged to the run before
 * the host allocates it. Lengths the host cannot hold are a RangeError, as the spec allows.
 */
export function createByteDataBlock(run: Run, size: number): Uint8Array {
  if (size > MAX_BYTE_LENGTH) throwRangeError(run, "Array buffer allocation failed");
  run.alloc(size);
  run.charge(byteFuel(size));
  try {
    return new Uint8Array(size);
  } catch {
    return throwRangeError(run, "Array buffer allocation failed");
  }
}

/** https://tc39.es/ecma262/#sec-allocatearraybuffer */
export function allocateArrayBuffer(
  run: Run,
  ctor: JSObject,
  byteLength: number,
): ArrayBufferObject {
  const proto = getPrototypeFromConstructor(run, ctor, "ArrayBufferPrototype");
  run.alloc(BYTES_OBJECT);
  const block = createByteDataBlock(run, byteLength);
  return new ArrayBufferObject(run.realm.emptyShape, proto, block);
}

/**
 * https://tc39.es/ecma262/#sec-clonearraybuffer — a new %ArrayBuffer% holding a copy of
 * `length` bytes of `src` from `offset`. The caller has checked that `src` is not detached.
 */
export function cloneArrayBuffer(
  run: Run,
  src: ArrayBufferObject,
  offset: number,
  length: number,
): ArrayBufferObject {
  const target = allocateArrayBuffer(run, run.realm.intrinsics.ArrayBuffer as JSObject, length);
  target.data.set(src.data.subarray(offset, offset + length));
  return target;
}

function thisBuffer(run: Run, v: Value, method: string): ArrayBufferObject {
  if (v instanceof ArrayBufferObject) return v;
  return throwTypeError(run, `ArrayBuffer.prototype.${method} called on an incompatible receiver`);
}

/**
 * ToIntegerOrInfinity of a relative start/end argument, resolved against `len` (the steps the
 * slice, fill, copyWithin and subarray methods share).
 */
export function relativeIndex(run: Run, v: Value, len: number): number {
  const rel = toIntegerOrInfinity(run, v);
  if (rel === -Infinity) return 0;
  if (rel < 0) return Math.max(len + rel, 0);
  return Math.min(rel, len);
}

/** https://tc39.es/ecma262/#sec-arraybuffer-length */
function ArrayBufferConstructor(
  run: Run,
  _this: Value,
  args: Value[],
  newTarget: JSObject | undefined,
): Value {
  if (newTarget === undefined) return throwTypeError(run, "Constructor ArrayBuffer requires 'new'");
  const byteLength = toIndex(run, args[0]);
  return allocateArrayBuffer(run, newTarget, byteLength);
}

/** https://tc39.es/ecma262/#sec-arraybuffer.isview */
function isView(_run: Run, _this: Value, args: Value[]): Value {
  const arg = args[0];
  return arg instanceof JSObject && isViewObject(arg);
}

/** Whether `o` has a [[ViewedArrayBuffer]] slot (a typed array or a DataView). */
export function isViewObject(o: JSObject): boolean {
  return o instanceof TypedArrayObject || o instanceof DataViewObject;
}

/** https://tc39.es/ecma262/#sec-get-arraybuffer.prototype.bytelength */
function byteLength(run: Run, thisArg: Value): Value {
  return thisBuffer(run, thisArg, "byteLength").byteLength;
}

/** https://tc39.es/ecma262/#sec-arraybuffer.prototype.slice */
function slice(run: Run, thisArg: Value, args: Value[]): Value {
  const o = thisBuffer(run, thisArg, "slice");
  if (o.detached) return throwTypeError(run, "Cannot slice a detached ArrayBuffer");
  const len = o.byteLength;
  const first = relativeIndex(run, args[0], len);
  const end = args[1];
  const final = end === undefined ? len : relativeIndex(run, end, len);
  const newLen = Math.max(final - first, 0);
  const ctor = speciesConstructor(run, o, run.realm.intrinsics.ArrayBuffer as JSObject);
  const created = construct(run, ctor, [newLen]);
  if (!(created instanceof ArrayBufferObject)) {
    return throwTypeError(run, "Species constructor did not return an ArrayBuffer");
  }
  if (created.detached)
    return throwTypeError(run, "Species constructor returned a detached ArrayBuffer");
  if (created === o)
    return throwTypeError(run, "ArrayBuffer subclass returned this from species constructor");
  if (created.byteLength < newLen) {
    return throwTypeError(run, "Species constructor returned a too small ArrayBuffer");
  }
  if (o.detached) return throwTypeError(run, "Cannot slice a detached ArrayBuffer");
  run.charge(byteFuel(newLen));
  created.data.set(o.data.subarray(first, first + newLen), 0);
  return created;
}

const statics: MethodRow[] = [["isView", isView, 1]];
const prototypeMethods: MethodRow[] = [["slice", slice, 2]];
const prototypeAccessors: AccessorRow[] = [["byteLength", byteLength]];

export function installArrayBuffer(realm: Realm): void {
  const i = realm.intrinsics;
  const proto = new JSObject(realm.emptyShape, i.ObjectPrototype);
  const ctor = makeConstructor(realm, "ArrayBuffer", ArrayBufferConstructor, 1, proto);
  defineMethods(realm, ctor, statics);
  defineAccessors(realm, ctor, [[Symbol.species, (_run, thisArg) => thisArg]]);
  defineAccessors(realm, proto, prototypeAccessors);
  defineMethods(realm, proto, prototypeMethods);
  proto.defineData(Symbol.toStringTag, "ArrayBuffer", CONFIGURABLE);
  i.ArrayBuffer = ctor;
  i.ArrayBufferPrototype = proto;
  defineGlobal(realm, "ArrayBuffer", ctor);
}
