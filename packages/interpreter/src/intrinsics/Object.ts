/**
 * The Object constructor and its static methods (https://tc39.es/ecma262/#sec-object-constructor).
 * Object.prototype's methods are in ObjectPrototype.ts.
 */
import {
  defineGlobal,
  defineMethods,
  type MethodRow,
  makeConstructor,
} from "../realm/bootstrap.js";
import type { Realm } from "../realm/realm.js";
import { sameValue, toObject, toPropertyKey } from "../runtime/conversions.js";
import { BYTES_ELEMENT } from "../runtime/costs.js";
import { DONE, getIterator, iteratorClose, iteratorStepValue } from "../runtime/iteration.js";
import {
  createArray,
  createDataPropertyOrThrow,
  createObject,
  definePropertyOrThrow,
  fromPropertyDescriptor,
  ordinaryCreateFromConstructor,
  setOrThrow,
  toPropertyDescriptor,
} from "../runtime/object-ops.js";
import type { Run } from "../runtime/run.js";
import { ThrowSignal, throwTypeError } from "../runtime/throw.js";
import type { NativeImpl } from "../values/function.js";
import { JSObject } from "../values/object.js";
import { type Descriptor, isDataDescriptor } from "../values/property.js";
import type { Key, Value } from "../values/value.js";
import { installObjectPrototype } from "./ObjectPrototype.js";

/** https://tc39.es/ecma262/#sec-object-value */
function makeObjectImpl(realm: Realm): { impl: NativeImpl; self: { ctor: JSObject | undefined } } {
  const self: { ctor: JSObject | undefined } = { ctor: undefined };
  const impl: NativeImpl = (run, _this, args, newTarget) => {
    if (newTarget !== undefined && newTarget !== self.ctor) {
      return ordinaryCreateFromConstructor(run, newTarget, "ObjectPrototype");
    }
    const value = args[0];
    if (value === undefined || value === null)
      return createObject(run, realm.intrinsics.ObjectPrototype);
    return toObject(run, value);
  };
  return { impl, self };
}

/** https://tc39.es/ecma262/#sec-object.assign */
const assign: NativeImpl = (run, _this, args) => {
  const to = toObject(run, args[0]);
  for (let i = 1; i < args.length; i++) {
    const source = args[i];
    if (source === undefined || source === null) continue;
    const from = toObject(run, source);
    const keys = from.ownKeys(run);
    for (const key of keys) {
      run.charge(1);
      const desc = from.getOwnProperty(run, key);
      if (desc !== undefined && desc.enumerable === true) {
        setOrThrow(run, to, key, from.get(run, key, from));
      }
    }
  }
  return to;
};

/** https://tc39.es/ecma262/#sec-objectdefineproperties */
function objectDefineProperties(run: Run, o: JSObject, properties: Value): JSObject {
  const props = toObject(run, properties);
  const keys = props.ownKeys(run);
  run.alloc(keys.length * BYTES_ELEMENT);
  const descriptors: [Key, Descriptor][] = [];
  for (const key of keys) {
    run.charge(1);
    const propDesc = props.getOwnProperty(run, key);
    if (propDesc !== undefined && propDesc.enumerable === true) {
      descriptors.push([key, toPropertyDescriptor(run, props.get(run, key, props))]);
    }
  }
  for (const [key, desc] of descriptors) {
    run.charge(1);
    definePropertyOrThrow(run, o, key, desc);
  }
  return o;
}

/** https://tc39.es/ecma262/#sec-object.create */
const create: NativeImpl = (run, _this, args) => {
  const proto = args[0];
  if (proto !== null && !(proto instanceof JSObject)) {
    return throwTypeError(run, "Object prototype may only be an Object or null");
  }
  const obj = createObject(run, proto);
  const properties = args[1];
  if (properties === undefined) return obj;
  return objectDefineProperties(run, obj, properties);
};

/** https://tc39.es/ecma262/#sec-object.defineproperties */
const defineProperties: NativeImpl = (run, _this, args) => {
  const o = args[0];
  if (!(o instanceof JSObject))
    return throwTypeError(run, "Object.defineProperties called on non-object");
  return objectDefineProperties(run, o, args[1]);
};

/** https://tc39.es/ecma262/#sec-object.defineproperty */
const defineProperty: NativeImpl = (run, _this, args) => {
  const o = args[0];
  if (!(o instanceof JSObject))
    return throwTypeError(run, "Object.defineProperty called on non-object");
  const key = toPropertyKey(run, args[1]);
  const desc = toPropertyDescriptor(run, args[2]);
  definePropertyOrThrow(run, o, key, desc);
  return o;
};

/** https://tc39.es/ecma262/#sec-enumerableownproperties */
export function enumerableOwnProperties(
  run: Run,
  o: JSObject,
  kind: "key" | "value" | "key+value",
): Value[] {
  const keys = o.ownKeys(run);
  run.alloc(keys.length * BYTES_ELEMENT);
  const out: Value[] = [];
  for (const key of keys) {
    run.charge(1);
    if (typeof key !== "string") continue;
    const desc = o.getOwnProperty(run, key);
    if (desc === undefined || desc.enumerable !== true) continue;
    if (kind === "key") {
      out.push(key);
      continue;
    }
    const value = o.get(run, key, o);
    out.push(kind === "value" ? value : createArray(run, [key, value]));
  }
  return out;
}

const keys: NativeImpl = (run, _this, args) =>
  createArray(run, enumerableOwnProperties(run, toObject(run, args[0]), "key"));

const values: NativeImpl = (run, _this, args) =>
  createArray(run, enumerableOwnProperties(run, toObject(run, args[0]), "value"));

const entries: NativeImpl = (run, _this, args) =>
  createArray(run, enumerableOwnProperties(run, toObject(run, args[0]), "key+value"));

/** https://tc39.es/ecma262/#sec-setintegritylevel */
export function setIntegrityLevel(run: Run, o: JSObject, level: "sealed" | "frozen"): boolean {
  if (!o.preventExtensions(run)) return false;
  const keys = o.ownKeys(run);
  if (level === "sealed") {
    for (const k of keys) {
      run.charge(1);
      definePropertyOrThrow(run, o, k, { configurable: false });
    }
    return true;
  }
  for (const k of keys) {
    run.charge(1);
    const current = o.getOwnProperty(run, k);
    if (current === undefined) continue;
    const desc: Descriptor = isDataDescriptor(current)
      ? { configurable: false, writable: false }
      : { configurable: false };
    definePropertyOrThrow(run, o, k, desc);
  }
  return true;
}

/** https://tc39.es/ecma262/#sec-testintegritylevel */
export function testIntegrityLevel(run: Run, o: JSObject, level: "sealed" | "frozen"): boolean {
  if (o.isExtensible(run)) return false;
  for (const k of o.ownKeys(run)) {
    run.charge(1);
    const current = o.getOwnProperty(run, k);
    if (current === undefined) continue;
    if (current.configurable === true) return false;
    if (level === "frozen" && isDataDescriptor(current) && current.writable === true) return false;
  }
  return true;
}

/** https://tc39.es/ecma262/#sec-object.freeze */
const freeze: NativeImpl = (run, _this, args) => {
  const o = args[0];
  if (!(o instanceof JSObject)) return o;
  if (!setIntegrityLevel(run, o, "frozen")) return throwTypeError(run, "Cannot freeze object");
  return o;
};

/** https://tc39.es/ecma262/#sec-object.seal */
const seal: NativeImpl = (run, _this, args) => {
  const o = args[0];
  if (!(o instanceof JSObject)) return o;
  if (!setIntegrityLevel(run, o, "sealed")) return throwTypeError(run, "Cannot seal object");
  return o;
};

/** https://tc39.es/ecma262/#sec-object.preventextensions */
const preventExtensions: NativeImpl = (run, _this, args) => {
  const o = args[0];
  if (!(o instanceof JSObject)) return o;
  if (!o.preventExtensions(run)) return throwTypeError(run, "Cannot prevent extensions");
  return o;
};

/** https://tc39.es/ecma262/#sec-object.isfrozen */
const isFrozen: NativeImpl = (run, _this, args) => {
  const o = args[0];
  return o instanceof JSObject ? testIntegrityLevel(run, o, "frozen") : true;
};

/** https://tc39.es/ecma262/#sec-object.issealed */
const isSealed: NativeImpl = (run, _this, args) => {
  const o = args[0];
  return o instanceof JSObject ? testIntegrityLevel(run, o, "sealed") : true;
};

/** https://tc39.es/ecma262/#sec-object.isextensible */
const isExtensible: NativeImpl = (run, _this, args) => {
  const o = args[0];
  return o instanceof JSObject ? o.isExtensible(run) : false;
};

/** https://tc39.es/ecma262/#sec-object.fromentries */
const fromEntries: NativeImpl = (run, _this, args) => {
  const iterable = args[0];
  if (iterable === undefined || iterable === null) {
    return throwTypeError(run, `${iterable} is not iterable`);
  }
  const obj = createObject(run);
  const rec = getIterator(run, iterable);
  for (;;) {
    const next = iteratorStepValue(run, rec);
    if (next === DONE) return obj;
    run.charge(1);
    try {
      if (!(next instanceof JSObject)) {
        throwTypeError(run, "Iterator value is not an entry object");
      }
      const k = next.get(run, "0", next);
      const v = next.get(run, "1", next);
      createDataPropertyOrThrow(run, obj, toPropertyKey(run, k), v);
    } catch (e) {
      if (e instanceof ThrowSignal) iteratorClose(run, rec, true);
      throw e;
    }
  }
};

/** https://tc39.es/ecma262/#sec-object.getownpropertydescriptor */
const getOwnPropertyDescriptor: NativeImpl = (run, _this, args) => {
  const obj = toObject(run, args[0]);
  const key = toPropertyKey(run, args[1]);
  return fromPropertyDescriptor(run, obj.getOwnProperty(run, key));
};

/** https://tc39.es/ecma262/#sec-object.getownpropertydescriptors */
const getOwnPropertyDescriptors: NativeImpl = (run, _this, args) => {
  const obj = toObject(run, args[0]);
  const keys = obj.ownKeys(run);
  const descriptors = createObject(run);
  for (const key of keys) {
    run.charge(1);
    const descriptor = fromPropertyDescriptor(run, obj.getOwnProperty(run, key));
    if (descriptor !== undefined) createDataPropertyOrThrow(run, descriptors, key, descriptor);
  }
  return descriptors;
};

/** https://tc39.es/ecma262/#sec-getownpropertykeys */
function getOwnPropertyKeys(run: Run, v: Value, type: "string" | "symbol"): Value {
  const keys = toObject(run, v).ownKeys(run);
  run.charge(keys.length);
  const list: Value[] = [];
  for (const k of keys) if (typeof k === type) list.push(k);
  return createArray(run, list);
}

const getOwnPropertyNames: NativeImpl = (run, _this, args) =>
  getOwnPropertyKeys(run, args[0], "string");

const getOwnPropertySymbols: NativeImpl = (run, _this, args) =>
  getOwnPropertyKeys(run, args[0], "symbol");

/** https://tc39.es/ecma262/#sec-object.getprototypeof */
const getPrototypeOf: NativeImpl = (run, _this, args) => toObject(run, args[0]).getPrototypeOf(run);

/** https://tc39.es/ecma262/#sec-object.setprototypeof */
const setPrototypeOf: NativeImpl = (run, _this, args) => {
  const o = args[0];
  if (o === undefined || o === null) {
    return throwTypeError(run, "Object.setPrototypeOf called on null or undefined");
  }
  const proto = args[1];
  if (proto !== null && !(proto instanceof JSObject)) {
    return throwTypeError(run, "Object prototype may only be an Object or null");
  }
  if (!(o instanceof JSObject)) return o;
  if (!o.setPrototypeOf(run, proto)) return throwTypeError(run, "Cannot set prototype of object");
  return o;
};

/** https://tc39.es/ecma262/#sec-object.hasown */
const hasOwn: NativeImpl = (run, _this, args) => {
  const obj = toObject(run, args[0]);
  const key = toPropertyKey(run, args[1]);
  return obj.getOwnProperty(run, key) !== undefined;
};

/** https://tc39.es/ecma262/#sec-object.is */
const is: NativeImpl = (_run, _this, args) => sameValue(args[0], args[1]);

const statics: MethodRow[] = [
  ["assign", assign, 2],
  ["create", create, 2],
  ["defineProperties", defineProperties, 2],
  ["defineProperty", defineProperty, 3],
  ["entries", entries, 1],
  ["freeze", freeze, 1],
  ["fromEntries", fromEntries, 1],
  ["getOwnPropertyDescriptor", getOwnPropertyDescriptor, 2],
  ["getOwnPropertyDescriptors", getOwnPropertyDescriptors, 1],
  ["getOwnPropertyNames", getOwnPropertyNames, 1],
  ["getOwnPropertySymbols", getOwnPropertySymbols, 1],
  ["getPrototypeOf", getPrototypeOf, 1],
  ["hasOwn", hasOwn, 2],
  ["is", is, 2],
  ["isExtensible", isExtensible, 1],
  ["isFrozen", isFrozen, 1],
  ["isSealed", isSealed, 1],
  ["keys", keys, 1],
  ["preventExtensions", preventExtensions, 1],
  ["seal", seal, 1],
  ["setPrototypeOf", setPrototypeOf, 2],
  ["values", values, 1],
];

export function installObject(realm: Realm): void {
  const proto = realm.intrinsics.ObjectPrototype;
  const { impl, self } = makeObjectImpl(realm);
  const ctor = makeConstructor(realm, "Object", impl, 1, proto);
  self.ctor = ctor;
  defineMethods(realm, ctor, statics);
  installObjectPrototype(realm, proto);
  realm.intrinsics.Object = ctor;
  defineGlobal(realm, "Object", ctor);
}
