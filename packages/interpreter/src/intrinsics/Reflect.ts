/**
 * The Reflect object (https://tc39.es/ecma262/#sec-reflect-object): each method is a thin
 * wrapper over one internal method of its target.
 */
import { defineGlobal, defineMethods, type MethodRow } from "../realm/bootstrap.js";
import type { Realm } from "../realm/realm.js";
import { isCallable, isConstructor, toPropertyKey } from "../runtime/conversions.js";
import {
  createArray,
  createListFromArrayLike,
  fromPropertyDescriptor,
  toPropertyDescriptor,
} from "../runtime/object-ops.js";
import type { Run } from "../runtime/run.js";
import { throwTypeError } from "../runtime/throw.js";
import type { NativeImpl } from "../values/function.js";
import { JSObject } from "../values/object.js";
import { CONFIGURABLE } from "../values/property.js";
import type { Value } from "../values/value.js";

function requireTarget(run: Run, v: Value, method: string): JSObject {
  if (!(v instanceof JSObject))
    return throwTypeError(run, `Reflect.${method} called on non-object`);
  return v;
}

/** https://tc39.es/ecma262/#sec-reflect.apply */
const apply: NativeImpl = (run, _this, args) => {
  const target = args[0];
  if (!isCallable(target)) return throwTypeError(run, "Reflect.apply target is not a function");
  const list = createListFromArrayLike(run, args[2]);
  return target.call(run, args[1], list);
};

/** https://tc39.es/ecma262/#sec-reflect.construct */
const construct: NativeImpl = (run, _this, args) => {
  const target = args[0];
  if (!isConstructor(target))
    return throwTypeError(run, "Reflect.construct target is not a constructor");
  let newTarget = target;
  if (args.length > 2) {
    const nt = args[2];
    if (!isConstructor(nt))
      return throwTypeError(run, "Reflect.construct newTarget is not a constructor");
    newTarget = nt;
  }
  const list = createListFromArrayLike(run, args[1]);
  return target.construct(run, list, newTarget);
};

/** https://tc39.es/ecma262/#sec-reflect.defineproperty */
const defineProperty: NativeImpl = (run, _this, args) => {
  const target = requireTarget(run, args[0], "defineProperty");
  const key = toPropertyKey(run, args[1]);
  const desc = toPropertyDescriptor(run, args[2]);
  return target.defineOwnProperty(run, key, desc);
};

/** https://tc39.es/ecma262/#sec-reflect.deleteproperty */
const deleteProperty: NativeImpl = (run, _this, args) => {
  const target = requireTarget(run, args[0], "deleteProperty");
  return target.delete(run, toPropertyKey(run, args[1]));
};

/** https://tc39.es/ecma262/#sec-reflect.get */
const get: NativeImpl = (run, _this, args) => {
  const target = requireTarget(run, args[0], "get");
  const key = toPropertyKey(run, args[1]);
  const receiver = args.length > 2 ? args[2] : target;
  return target.get(run, key, receiver);
};

/** https://tc39.es/ecma262/#sec-reflect.getownpropertydescriptor */
const getOwnPropertyDescriptor: NativeImpl = (run, _this, args) => {
  const target = requireTarget(run, args[0], "getOwnPropertyDescriptor");
  const key = toPropertyKey(run, args[1]);
  return fromPropertyDescriptor(run, target.getOwnProperty(run, key));
};

/** https://tc39.es/ecma262/#sec-reflect.getprototypeof */
const getPrototypeOf: NativeImpl = (run, _this, args) =>
  requireTarget(run, args[0], "getPrototypeOf").getPrototypeOf(run);

/** https://tc39.es/ecma262/#sec-reflect.has */
const has: NativeImpl = (run, _this, args) => {
  const target = requireTarget(run, args[0], "has");
  return target.hasProperty(run, toPropertyKey(run, args[1]));
};

/** https://tc39.es/ecma262/#sec-reflect.isextensible */
const isExtensible: NativeImpl = (run, _this, args) =>
  requireTarget(run, args[0], "isExtensible").isExtensible(run);

/** https://tc39.es/ecma262/#sec-reflect.ownkeys */
const ownKeys: NativeImpl = (run, _this, args) => {
  const keys = requireTarget(run, args[0], "ownKeys").ownKeys(run);
  run.charge(keys.length);
  return createArray(run, keys.slice());
};

/** https://tc39.es/ecma262/#sec-reflect.preventextensions */
const preventExtensions: NativeImpl = (run, _this, args) =>
  requireTarget(run, args[0], "preventExtensions").preventExtensions(run);

/** https://tc39.es/ecma262/#sec-reflect.set */
const set: NativeImpl = (run, _this, args) => {
  const target = requireTarget(run, args[0], "set");
  const key = toPropertyKey(run, args[1]);
  const receiver = args.length > 3 ? args[3] : target;
  return target.set(run, key, args[2], receiver);
};

/** https://tc39.es/ecma262/#sec-reflect.setprototypeof */
const setPrototypeOf: NativeImpl = (run, _this, args) => {
  const target = requireTarget(run, args[0], "setPrototypeOf");
  const proto = args[1];
  if (proto !== null && !(proto instanceof JSObject)) {
    return throwTypeError(run, "Object prototype may only be an Object or null");
  }
  return target.setPrototypeOf(run, proto);
};

const methods: MethodRow[] = [
  ["apply", apply, 3],
  ["construct", construct, 2],
  ["defineProperty", defineProperty, 3],
  ["deleteProperty", deleteProperty, 2],
  ["get", get, 2],
  ["getOwnPropertyDescriptor", getOwnPropertyDescriptor, 2],
  ["getPrototypeOf", getPrototypeOf, 1],
  ["has", has, 2],
  ["isExtensible", isExtensible, 1],
  ["ownKeys", ownKeys, 1],
  ["preventExtensions", preventExtensions, 1],
  ["set", set, 3],
  ["setPrototypeOf", setPrototypeOf, 2],
];

export function installReflect(realm: Realm): void {
  const reflect = new JSObject(realm.emptyShape, realm.intrinsics.ObjectPrototype);
  defineMethods(realm, reflect, methods);
  reflect.defineData(Symbol.toStringTag, "Reflect", CONFIGURABLE);
  realm.intrinsics.Reflect = reflect;
  defineGlobal(realm, "Reflect", reflect);
}
