/**
 * Creates a realm: the core objects every other intrinsic hangs off, then each intrinsic file's
 * installer in dependency order, then the global object's value properties.
 */

import { installArray } from "../intrinsics/Array.js";
import { installArrayBuffer } from "../intrinsics/ArrayBuffer.js";
import { installBigInt } from "../intrinsics/BigInt.js";
import { installBoolean } from "../intrinsics/Boolean.js";
import { installDataView } from "../intrinsics/DataView.js";
import { installDate } from "../intrinsics/Date.js";
import { installError } from "../intrinsics/Error.js";
import { installFinalizationRegistry } from "../intrinsics/FinalizationRegistry.js";
// Intrinsic installers (one file per built-in). Keep this list in dependency order.
// INSTALLER-IMPORTS-BEGIN
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
import { Realm } from "./realm.js";
// INSTALLER-IMPORTS-END

export function createRealm(): Realm {
  const realm = new Realm();
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
  realm.global = global;
  global.defineData("globalThis", global, WC);
  global.defineData("undefined", undefined, 0);
  global.defineData("NaN", Number.NaN, 0);
  global.defineData("Infinity", Number.POSITIVE_INFINITY, 0);

  // INSTALLER-CALLS-BEGIN
  installFunction(realm);
  installObject(realm);
  installError(realm);
  installNativeErrors(realm);
  installSymbol(realm);
  installArray(realm);
  installMap(realm);
  installSet(realm);
  installWeakMap(realm);
  installWeakSet(realm);
  installBoolean(realm);
  installReflect(realm);
  installProxy(realm);
  installGlobalFunctions(realm);
  installArrayBuffer(realm);
  installTypedArray(realm);
  installDataView(realm);
  installString(realm);
  installNumber(realm);
  installBigInt(realm);
  installMath(realm);
  installJSON(realm);
  installDate(realm);
  installRegExp(realm);
  installGenerator(realm);
  installPromise(realm);
  installWeakRef(realm);
  installFinalizationRegistry(realm);
  // INSTALLER-CALLS-END
  // Originals that fast paths compare against (see isPristineArrayIteration).
  const values = i.ArrayPrototype?.storageGet("values");
  if (values instanceof JSObject) i.ArrayPrototypeValues = values;
  const next = i.ArrayIteratorPrototype?.storageGet("next");
  if (next instanceof JSObject) i.ArrayIteratorPrototypeNext = next;
  return realm;
}
