/**
 * %TypedArray% (https://tc39.es/ecma262/#sec-%typedarray%-intrinsic-object), its statics, the
 * eleven concrete constructors (https://tc39.es/ecma262/#sec-typedarray-constructors) and the
 * abstract operations that create typed arrays. The prototype's methods are in
 * TypedArrayPrototype.ts.
 */
import {
  defineAccessors,
  defineConstants,
  defineGlobal,
  defineMethods,
  type MethodRow,
  makeConstructor,
} from "../realm/bootstrap.js";
import type { Intrinsics, Realm } from "../realm/realm.js";
import { isCallable, isConstructor, toIndex, toObject } from "../runtime/conversions.js";
import { BYTES_ELEMENT, BYTES_OBJECT } from "../runtime/costs.js";
import { iterableToList } from "../runtime/iteration.js";
import {
  call,
  construct,
  getMethod,
  getPrototypeFromConstructor,
  lengthOfArrayLike,
  speciesConstructor,
} from "../runtime/object-ops.js";
import type { Run } from "../runtime/run.js";
import { throwRangeError, throwTypeError } from "../runtime/throw.js";
import { JSArray } from "../values/array.js";
import { ArrayBufferObject } from "../values/array-buffer.js";
import type { NativeImpl } from "../values/function.js";
import { ABSENT, JSObject } from "../values/object.js";
import { ACCESSOR, Accessor } from "../values/property.js";
import { ELEMENT_TYPES, type ElementType, TypedArrayObject } from "../values/typed-array.js";
import { HOLE, type Value } from "../values/value.js";
import { allocateArrayBuffer, cloneArrayBuffer } from "./ArrayBuffer.js";
import { protoChainHasNoElements } from "./array-ops.js";
import { installTypedArrayPrototype } from "./TypedArrayPrototype.js";

/** Each realm's original %ArrayIteratorPrototype%.next, captured when typed arrays are installed. */
const originalArrayIteratorNext = new WeakMap<Realm, unknown>();

/**
 * IteratorToList(GetIteratorFromMethod(o, method)). When `o` is a plain dense array iterated by
 * the realm's original Array.prototype.values and %ArrayIteratorPrototype%.next, no guest code
 * can observe the iteration (no getters, no proxies, no patched `next`), so the elements are
 * read directly; holes read as undefined, as Get returns them through an element-free chain.
 */
function iterableValues(run: Run, o: Value, method: JSObject): Value[] {
  const realm = run.realm;
  if (
    o instanceof JSArray &&
    method === realm.intrinsics.ArrayProto_values &&
    protoChainHasNoElements(o) &&
    hasOriginalArrayIteratorNext(realm)
  ) {
    const len = o.length;
    run.charge(len);
    run.alloc(len * BYTES_ELEMENT);
    if (!o.sparse) return o.dense.map((v) => (v === HOLE ? undefined : v));
    const out: Value[] = [];
    for (let i = 0; i < len; i++) {
      const v = o.storageGet(String(i));
      // An accessor element would run guest code: iterate for real (nothing happened yet).
      if (v instanceof Accessor) return iterableToList(run, o, method);
      out.push(v === ABSENT ? undefined : v);
    }
    return out;
  }
  const values = iterableToList(run, o, method);
  run.alloc(values.length * BYTES_ELEMENT);
  return values;
}

function hasOriginalArrayIteratorNext(realm: Realm): boolean {
  const proto = realm.intrinsics.ArrayIteratorPrototype;
  const attrs = proto.storageAttrs("next");
  return (
    attrs >= 0 &&
    !(attrs & ACCESSOR) &&
    proto.storageGet("next") === originalArrayIteratorNext.get(realm)
  );
}

/** https://tc39.es/ecma262/#sec-validatetypedarray */
export function validateTypedArray(run: Run, o: Value, method: string): TypedArrayObject {
  if (!(o instanceof TypedArrayObject)) {
    return throwTypeError(run, `${method}: this is not a typed array`);
  }
  if (o.buffer.detached)
    return throwTypeError(run, `${method}: the typed array's buffer is detached`);
  return o;
}

function protoName(type: ElementType): keyof Intrinsics {
  return `${type.ctorName}Prototype`;
}

/** https://tc39.es/ecma262/#sec-typedarraycreate */
export function typedArrayCreate(run: Run, ctor: JSObject, args: Value[]): TypedArrayObject {
  const created = construct(run, ctor, args);
  const ta = validateTypedArray(run, created, "TypedArray constructor");
  if (args.length === 1 && typeof args[0] === "number" && ta.arrayLength < args[0]) {
    return throwTypeError(
      run,
      "Derived TypedArray constructor created an array which was too small",
    );
  }
  return ta;
}

/** https://tc39.es/ecma262/#sec-typedarray-species-create */
export function typedArraySpeciesCreate(
  run: Run,
  exemplar: TypedArrayObject,
  args: Value[],
): TypedArrayObject {
  const defaultCtor = run.realm.intrinsics[exemplar.type.ctorName] as JSObject;
  const ctor = speciesConstructor(run, exemplar, defaultCtor);
  const result = typedArrayCreate(run, ctor, args);
  if (result.type.bigint !== exemplar.type.bigint) {
    return throwTypeError(
      run,
      "TypedArray species constructor returned an array of another content type",
    );
  }
  return result;
}

/** https://tc39.es/ecma262/#sec-typedarray-create-same-type */
export function typedArrayCreateSameType(
  run: Run,
  exemplar: TypedArrayObject,
  length: number,
): TypedArrayObject {
  const ctor = run.realm.intrinsics[exemplar.type.ctorName] as JSObject;
  return typedArrayCreate(run, ctor, [length]);
}

/** A typed array object over `buffer` (its slots set as the Initialize* operations do). */
function makeTypedArray(
  run: Run,
  type: ElementType,
  proto: JSObject,
  buffer: ArrayBufferObject,
  byteOffset: number,
  length: number,
): TypedArrayObject {
  run.alloc(BYTES_OBJECT);
  return new TypedArrayObject(run.realm.emptyShape, proto, type, buffer, byteOffset, length);
}

/** https://tc39.es/ecma262/#sec-allocatetypedarraybuffer on a fresh object. */
function allocateWithBuffer(
  run: Run,
  type: ElementType,
  proto: JSObject,
  length: number,
): TypedArrayObject {
  const buffer = allocateArrayBuffer(
    run,
    run.realm.intrinsics.ArrayBuffer as JSObject,
    length * type.size,
  );
  return makeTypedArray(run, type, proto, buffer, 0, length);
}

/** https://tc39.es/ecma262/#sec-initializetypedarrayfromtypedarray */
function initializeFromTypedArray(
  run: Run,
  type: ElementType,
  proto: JSObject,
  src: TypedArrayObject,
): TypedArrayObject {
  if (src.buffer.detached)
    return throwTypeError(run, "Cannot construct from a detached typed array");
  const elementLength = src.arrayLength;
  const byteLength = type.size * elementLength;
  if (type === src.type) {
    const data = cloneArrayBuffer(run, src.buffer, src.byteOffset, byteLength);
    return makeTypedArray(run, type, proto, data, 0, elementLength);
  }
  const data = allocateArrayBuffer(run, run.realm.intrinsics.ArrayBuffer as JSObject, byteLength);
  if (src.type.bigint !== type.bigint) {
    return throwTypeError(run, "Cannot mix BigInt and other types in a typed array conversion");
  }
  const o = makeTypedArray(run, type, proto, data, 0, elementLength);
  run.charge(elementLength);
  for (let k = 0; k < elementLength; k++) o.write(k, src.read(k));
  return o;
}

/** https://tc39.es/ecma262/#sec-initializetypedarrayfromarraybuffer */
function initializeFromArrayBuffer(
  run: Run,
  type: ElementType,
  proto: JSObject,
  buffer: ArrayBufferObject,
  byteOffset: Value,
  length: Value,
): TypedArrayObject {
  const size = type.size;
  const offset = toIndex(run, byteOffset);
  if (offset % size !== 0) {
    return throwRangeError(run, `Start offset of ${type.ctorName} should be a multiple of ${size}`);
  }
  const newLength = length === undefined ? 0 : toIndex(run, length);
  if (buffer.detached)
    return throwTypeError(run, "Cannot construct a typed array on a detached ArrayBuffer");
  const bufferByteLength = buffer.byteLength;
  let newByteLength: number;
  if (length === undefined) {
    if (bufferByteLength % size !== 0) {
      return throwRangeError(
        run,
        `Byte length of ${type.ctorName} should be a multiple of ${size}`,
      );
    }
    newByteLength = bufferByteLength - offset;
    if (newByteLength < 0) {
      return throwRangeError(run, `Start offset ${offset} is outside the bounds of the buffer`);
    }
  } else {
    newByteLength = newLength * size;
    if (offset + newByteLength > bufferByteLength) {
      return throwRangeError(run, `Invalid typed array length: ${newLength}`);
    }
  }
  return makeTypedArray(run, type, proto, buffer, offset, newByteLength / size);
}

/** https://tc39.es/ecma262/#sec-initializetypedarrayfromlist */
function initializeFromList(
  run: Run,
  type: ElementType,
  proto: JSObject,
  values: Value[],
): TypedArrayObject {
  const len = values.length;
  const o = allocateWithBuffer(run, type, proto, len);
  for (let k = 0; k < len; k++) {
    run.charge(1);
    o.elementSet(run, k, values[k]);
  }
  return o;
}

/** https://tc39.es/ecma262/#sec-initializetypedarrayfromarraylike */
function initializeFromArrayLike(
  run: Run,
  type: ElementType,
  proto: JSObject,
  arrayLike: JSObject,
): TypedArrayObject {
  const len = lengthOfArrayLike(run, arrayLike);
  const o = allocateWithBuffer(run, type, proto, len);
  for (let k = 0; k < len; k++) {
    run.charge(1);
    o.elementSet(run, k, arrayLike.get(run, String(k), arrayLike));
  }
  return o;
}

/** https://tc39.es/ecma262/#sec-typedarray: the behaviour shared by the eleven constructors. */
function constructTypedArray(
  run: Run,
  type: ElementType,
  args: Value[],
  newTarget: JSObject | undefined,
): TypedArrayObject {
  if (newTarget === undefined)
    return throwTypeError(run, `Constructor ${type.ctorName} requires 'new'`);
  const fallback = protoName(type);
  if (args.length === 0) {
    return allocateWithBuffer(run, type, getPrototypeFromConstructor(run, newTarget, fallback), 0);
  }
  const first = args[0];
  if (!(first instanceof JSObject)) {
    const elementLength = toIndex(run, first);
    const proto = getPrototypeFromConstructor(run, newTarget, fallback);
    return allocateWithBuffer(run, type, proto, elementLength);
  }
  const proto = getPrototypeFromConstructor(run, newTarget, fallback);
  if (first instanceof TypedArrayObject) return initializeFromTypedArray(run, type, proto, first);
  if (first instanceof ArrayBufferObject) {
    return initializeFromArrayBuffer(run, type, proto, first, args[1], args[2]);
  }
  const usingIterator = getMethod(run, first, Symbol.iterator);
  if (usingIterator !== undefined) {
    return initializeFromList(run, type, proto, iterableValues(run, first, usingIterator));
  }
  return initializeFromArrayLike(run, type, proto, first);
}

/** https://tc39.es/ecma262/#sec-%typedarray% */
function TypedArrayConstructor(run: Run): Value {
  return throwTypeError(run, "Abstract class TypedArray not directly constructable");
}

/** https://tc39.es/ecma262/#sec-%typedarray%.from */
function from(run: Run, thisArg: Value, args: Value[]): Value {
  const c = thisArg;
  if (!isConstructor(c)) return throwTypeError(run, "TypedArray.from: this is not a constructor");
  const [source, mapfn, mapThis] = args;
  const mapping = mapfn !== undefined;
  if (mapping && !isCallable(mapfn))
    return throwTypeError(run, "TypedArray.from: mapper is not a function");
  const usingIterator = getMethod(run, source, Symbol.iterator);
  if (usingIterator !== undefined) {
    const values = iterableValues(run, source, usingIterator);
    const len = values.length;
    const target = typedArrayCreate(run, c, [len]);
    for (let k = 0; k < len; k++) {
      run.charge(1);
      const kValue = values[k];
      const mapped = mapping ? call(run, mapfn, mapThis, [kValue, k]) : kValue;
      setElementOrThrow(run, target, k, mapped);
    }
    return target;
  }
  const arrayLike = toObject(run, source);
  const len = lengthOfArrayLike(run, arrayLike);
  const target = typedArrayCreate(run, c, [len]);
  for (let k = 0; k < len; k++) {
    run.charge(1);
    const kValue = arrayLike.get(run, String(k), arrayLike);
    const mapped = mapping ? call(run, mapfn, mapThis, [kValue, k]) : kValue;
    setElementOrThrow(run, target, k, mapped);
  }
  return target;
}

/** https://tc39.es/ecma262/#sec-%typedarray%.of */
function of(run: Run, thisArg: Value, args: Value[]): Value {
  const len = args.length;
  const c = thisArg;
  if (!isConstructor(c)) return throwTypeError(run, "TypedArray.of: this is not a constructor");
  const target = typedArrayCreate(run, c, [len]);
  for (let k = 0; k < len; k++) {
    run.charge(1);
    setElementOrThrow(run, target, k, args[k]);
  }
  return target;
}

/** Set(O, ! ToString(k), v, true) on a typed array: [[Set]] with O as receiver never fails. */
function setElementOrThrow(run: Run, o: TypedArrayObject, k: number, v: Value): void {
  o.elementSet(run, k, v);
}

const statics: MethodRow[] = [
  ["from", from, 1],
  ["of", of, 0],
];

function concreteConstructor(type: ElementType): NativeImpl {
  return (run, _this, args, newTarget) => constructTypedArray(run, type, args, newTarget);
}

export function installTypedArray(realm: Realm): void {
  const i = realm.intrinsics;
  const proto = new JSObject(realm.emptyShape, i.ObjectPrototype);
  const ctor = makeConstructor(realm, "TypedArray", TypedArrayConstructor, 0, proto);
  defineMethods(realm, ctor, statics);
  defineAccessors(realm, ctor, [[Symbol.species, (_run, thisArg) => thisArg]]);
  i.TypedArray = ctor;
  i.TypedArrayPrototype = proto;
  originalArrayIteratorNext.set(realm, i.ArrayIteratorPrototype?.storageGet("next"));
  installTypedArrayPrototype(realm, proto);

  for (const type of ELEMENT_TYPES) {
    const p = new JSObject(realm.emptyShape, proto);
    const c = makeConstructor(realm, type.ctorName, concreteConstructor(type), 3, p, ctor);
    defineConstants(c, [["BYTES_PER_ELEMENT", type.size]]);
    defineConstants(p, [["BYTES_PER_ELEMENT", type.size]]);
    i[type.ctorName] = c;
    i[protoName(type)] = p;
    defineGlobal(realm, type.ctorName, c);
  }
}
