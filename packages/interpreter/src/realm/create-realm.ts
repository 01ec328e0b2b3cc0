/**
 * Creates a realm: the core objects every other intrinsic hangs off, then each intrinsic file's
 * installer in dependency order, then the global object's value properties.
 */

import { installArray } from "../intrinsics/Array.js";
import { installArrayBuffer } from "../intrinsics/ArrayBuffer.js";
import { installAsyncFromSyncIteratorPrototype } from "../intrinsics/AsyncFromSyncIteratorPrototype.js";
import { installBigInt } from "../intrinsics/BigInt.js";
import { installBoolean } from "../intrinsics/Boolean.js";
import { installDataView } from "../intrinsics/DataView.js";
import { installDate } from "../intrinsics/Date.js";
import { installError } from "../intrinsics/Error.js";
import { installFinalizationRegistry } from "../intrinsics/FinalizationRegistry.js";
import { installFunction } from "../intrinsics/Function.js";
import { installGenerator } from "../intrinsics/Generator.js";
import { installGlobalFunctions } from "../intrinsics/global-functions.js";
import { installJSON } from "../intrinsics/JSON.js";
import { installMap } from "../intrinsics/Map.js";
import { installMath } from "../intrinsics/Math.js";
import { installNativeErrors } from "../intrinsics/NativeErrors.js";
import { installNumber } from "../intrinsics/Number.js";
import { installObject } from "../intrinsics/Object.js";
import { installPromise } from "../intrinsics/Promise.js";
import { installProxy } from "../intrinsics/Proxy.js";
import { installReflect } from "../intrinsics/Reflect.js";
import { installRegExp } from "../intrinsics/RegExp.js";
import { installSet } from "../intrinsics/Set.js";
import { installString } from "../intrinsics/String.js";
import { installSymbol } from "../intrinsics/Symbol.js";
import { installTypedArray } from "../intrinsics/TypedArray.js";
import { installWeakMap } from "../intrinsics/WeakMap.js";
import { installWeakRef } from "../intrinsics/WeakRef.js";
import { installWeakSet } from "../intrinsics/WeakSet.js";
import { throwTypeError } from "../runtime/throw.js";
import { BuiltinFunction } from "../values/function.js";
import { ImmutablePrototypeObject } from "../values/immutable-prototype-object.js";
import { JSObject } from "../values/object.js";
import { WC } from "../values/property.js";
import { defineMethods } from "./bootstrap.js";
import {
  addPlaceholders,
  finishRecording,
  LazyGlobalDict,
  lazyGroupsRecorded,
  prepareLazyRealm,
  recordGroup,
} from "./lazy-intrinsics.js";
import { Realm } from "./realm.js";

type Installer = (realm: Realm) => void;

/**
 * The installers in dependency order, each marked lazy when its built-ins are made on first use
 * (realm/lazy-intrinsics.ts). Eager: what the evaluator itself needs on every run (functions,
 * objects, errors, arrays, primitives' prototypes, generators, promises).
 */
const INSTALLERS: readonly (readonly [Installer, boolean])[] = [
  [installFunction, false],
  [installObject, false],
  [installError, false],
  [installNativeErrors, false],
  [installSymbol, false],
  [installArray, false],
  [installMap, true],
  [installSet, true],
  [installWeakMap, true],
  [installWeakSet, true],
  [installBoolean, false],
  [installReflect, true],
  [installProxy, true],
  [installGlobalFunctions, false],
  [installArrayBuffer, true],
  [installTypedArray, true],
  [installDataView, true],
  [installString, false],
  [installNumber, false],
  [installBigInt, true],
  [installMath, true],
  [installJSON, true],
  [installDate, true],
  [installRegExp, true],
  [installGenerator, false],
  [installAsyncFromSyncIteratorPrototype, false],
  [installPromise, false],
  [installWeakRef, true],
  [installFinalizationRegistry, true],
];

export interface CreateRealmOptions {
  /** Create every built-in now (the process's first realm always is: it records the groups). */
  eager?: boolean;
}

export function createRealm(options: CreateRealmOptions = {}): Realm {
  const realm = new Realm();
  const lazy = !options.eager && lazyGroupsRecorded();
  if (lazy) prepareLazyRealm(realm);
  const i = realm.intrinsics;
  const objectProto = new ImmutablePrototypeObject(realm.emptyShape, null);
  i.ObjectPrototype = objectProto;
  const functionProto = new BuiltinFunction(realm, () => undefined, "", 0, false, objectProto);
  i.FunctionPrototype = functionProto;

  const thrower = new BuiltinFunction(
    realm,
    (run) =>
      throwTypeError(run, "'caller', 'callee', and 'arguments' properties may not be accessed"),
    "",
    0,
    false,
    functionProto,
  );
  thrower.preventExtensions(undefined as never);
  thrower.toDictionary();
  for (const k of ["length", "name"]) {
    const e = thrower.dict!.get(k)!;
    e.attrs = 0;
  }
  i.ThrowTypeError = thrower;

  const iteratorProto = new JSObject(realm.emptyShape, objectProto);
  defineMethods(realm, iteratorProto, [[Symbol.iterator, (_run, thisArg) => thisArg, 0]]);
  i.IteratorPrototype = iteratorProto;

  const global = new JSObject(realm.emptyShape, objectProto);
  global.toDictionary();
  if (lazy) global.dict = new LazyGlobalDict(realm);
  realm.global = global;
  global.defineData("globalThis", global, WC);
  global.defineData("undefined", undefined, 0);
  global.defineData("NaN", Number.NaN, 0);
  global.defineData("Infinity", Number.POSITIVE_INFINITY, 0);

  const record = !lazy && !options.eager && !lazyGroupsRecorded();
  let group = 0;
  for (const [install, isLazy] of INSTALLERS) {
    if (!isLazy) install(realm);
    else if (lazy) addPlaceholders(realm, group++);
    else if (record) recordGroup(realm, install);
    else install(realm);
  }
  if (record) finishRecording();
  // Originals that fast paths compare against (see isPristineArrayIteration).
  const values = i.ArrayPrototype?.storageGet("values");
  if (values instanceof JSObject) i.ArrayPrototypeValues = values;
  const next = i.ArrayIteratorPrototype?.storageGet("next");
  if (next instanceof JSObject) i.ArrayIteratorPrototypeNext = next;
  return realm;
}
