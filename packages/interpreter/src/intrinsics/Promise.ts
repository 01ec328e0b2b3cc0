/**
 * The Promise constructor (https://tc39.es/ecma262/#sec-promise-constructor), its static methods
 * and the installer of Promise and %Promise.prototype%. The abstract operations are in
 * promise-ops.ts (re-exported here for the compiler and the membrane), the combinators in
 * promise-combinators.ts, the prototype methods in PromisePrototype.ts.
 */
import {
  defineAccessors,
  defineGlobal,
  defineMethods,
  makeConstructor,
} from "../realm/bootstrap.js";
import type { Realm } from "../realm/realm.js";
import { isCallable } from "../runtime/conversions.js";
import {
  call,
  createDataPropertyOrThrow,
  createObject,
  describe,
  getPrototypeFromConstructor,
} from "../runtime/object-ops.js";
import { ThrowSignal, throwTypeError } from "../runtime/throw.js";
import type { NativeImpl } from "../values/function.js";
import { JSObject } from "../values/object.js";
import { CONFIGURABLE } from "../values/property.js";
import { promisePrototypeMethods } from "./PromisePrototype.js";
import { promiseCombinators } from "./promise-combinators.js";
import {
  createResolvingFunctions,
  newPromise,
  newPromiseCapability,
  promiseResolve,
} from "./promise-ops.js";

export {
  createResolvingFunctions,
  fulfillPromise,
  type HostContinuation,
  isPromise,
  newPromiseCapability,
  type PromiseCapability,
  performPromiseThen,
  promiseResolve,
  rejectPromise,
  resolvePromise,
  thenHost,
} from "./promise-ops.js";

/** https://tc39.es/ecma262/#sec-promise-executor */
const promiseConstructor: NativeImpl = (run, _thisArg, args, newTarget) => {
  if (newTarget === undefined) return throwTypeError(run, "Constructor Promise requires 'new'");
  const executor = args[0];
  if (!isCallable(executor)) {
    return throwTypeError(run, `Promise resolver ${describe(executor)} is not a function`);
  }
  const promise = newPromise(run, getPrototypeFromConstructor(run, newTarget, "PromisePrototype"));
  const { resolve, reject } = createResolvingFunctions(run, promise);
  try {
    executor.call(run, undefined, [resolve, reject]);
  } catch (e) {
    if (!(e instanceof ThrowSignal)) throw e;
    reject.call(run, undefined, [e.value]);
  }
  return promise;
};

/** https://tc39.es/ecma262/#sec-promise.reject */
const reject: NativeImpl = (run, thisArg, args) => {
  const capability = newPromiseCapability(run, thisArg);
  call(run, capability.reject, undefined, [args[0]]);
  return capability.promise;
};

/** https://tc39.es/ecma262/#sec-promise.resolve */
const resolve: NativeImpl = (run, thisArg, args) => {
  if (!(thisArg instanceof JSObject)) {
    return throwTypeError(run, `Promise.resolve called on ${describe(thisArg)}`);
  }
  return promiseResolve(run, thisArg, args[0]);
};

/** https://tc39.es/proposal-promise-with-resolvers/ (ES2024 Promise.withResolvers) */
const withResolvers: NativeImpl = (run, thisArg) => {
  const capability = newPromiseCapability(run, thisArg);
  const obj = createObject(run);
  createDataPropertyOrThrow(run, obj, "promise", capability.promise);
  createDataPropertyOrThrow(run, obj, "resolve", capability.resolve);
  createDataPropertyOrThrow(run, obj, "reject", capability.reject);
  return obj;
};

/** https://tc39.es/ecma262/#sec-get-promise-@@species */
const getSpecies: NativeImpl = (_run, thisArg) => thisArg;

export function installPromise(realm: Realm): void {
  const proto = new JSObject(realm.emptyShape, realm.intrinsics.ObjectPrototype);
  const ctor = makeConstructor(realm, "Promise", promiseConstructor, 1, proto);
  defineMethods(realm, ctor, [
    ...promiseCombinators,
    ["reject", reject, 1],
    ["resolve", resolve, 1],
    ["withResolvers", withResolvers, 0],
  ]);
  defineAccessors(realm, ctor, [[Symbol.species, getSpecies]]);
  defineMethods(realm, proto, promisePrototypeMethods);
  proto.defineData(Symbol.toStringTag, "Promise", CONFIGURABLE);
  realm.intrinsics.Promise = ctor;
  realm.intrinsics.PromisePrototype = proto;
  realm.intrinsics.PromisePrototypeThen = proto.storageGet("then") as JSObject;
  defineGlobal(realm, "Promise", ctor);
}
