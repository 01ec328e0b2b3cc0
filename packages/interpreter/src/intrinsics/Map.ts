/**
 * The Map constructor (https://tc39.es/ecma262/#sec-map-constructor) and the installer of Map,
 * %Map.prototype% and %MapIteratorPrototype%.
 */
import {
  defineAccessors,
  defineGlobal,
  defineMethods,
  makeConstructor,
} from "../realm/bootstrap.js";
import type { Realm } from "../realm/realm.js";
import { isCallable } from "../runtime/conversions.js";
import { BYTES_OBJECT } from "../runtime/costs.js";
import { DONE, getIterator, iteratorClose, iteratorStepValue } from "../runtime/iteration.js";
import { describe, getPrototypeFromConstructor } from "../runtime/object-ops.js";
import type { Run } from "../runtime/run.js";
import { makeError, ThrowSignal, throwTypeError } from "../runtime/throw.js";
import type { NativeImpl } from "../values/function.js";
import { MapObject } from "../values/map-object.js";
import { JSObject } from "../values/object.js";
import { CONFIGURABLE, WC } from "../values/property.js";
import type { Value } from "../values/value.js";
import { getElement } from "./array-ops.js";
import { installMapIteratorPrototype } from "./MapIteratorPrototype.js";
import { mapPrototypeAccessors, mapPrototypeMethods } from "./MapPrototype.js";

/**
 * https://tc39.es/ecma262/#sec-add-entries-from-iterable: calls `adder` on `target` with the
 * "0" and "1" properties of each entry the iterable yields (Map and WeakMap constructors).
 */
export function addEntriesFromIterable(
  run: Run,
  target: JSObject,
  iterable: Value,
  adder: JSObject,
): JSObject {
  const rec = getIterator(run, iterable);
  for (;;) {
    const next = iteratorStepValue(run, rec);
    if (next === DONE) return target;
    run.charge(1);
    if (!(next instanceof JSObject)) {
      const error = new ThrowSignal(
        makeError(run, "TypeError", `Iterator value ${describe(next)} is not an entry object`),
      );
      iteratorClose(run, rec, true);
      throw error;
    }
    try {
      const k = getElement(run, next, 0);
      const v = getElement(run, next, 1);
      adder.call(run, target, [k, v]);
    } catch (e) {
      if (e instanceof ThrowSignal) iteratorClose(run, rec, true);
      throw e;
    }
  }
}

/** https://tc39.es/ecma262/#sec-map-iterable */
const mapConstructor: NativeImpl = (run, _thisArg, args, newTarget) => {
  if (newTarget === undefined) return throwTypeError(run, "Constructor Map requires 'new'");
  const proto = getPrototypeFromConstructor(run, newTarget, "MapPrototype");
  run.alloc(BYTES_OBJECT);
  const map = new MapObject(run.realm.emptyShape, proto);
  const iterable = args[0];
  if (iterable === undefined || iterable === null) return map;
  const adder = map.get(run, "set", map);
  if (!isCallable(adder)) return throwTypeError(run, "'set' returned for Map is not callable");
  return addEntriesFromIterable(run, map, iterable, adder);
};

/** https://tc39.es/ecma262/#sec-get-map-@@species */
const getSpecies: NativeImpl = (_run, thisArg) => thisArg;

export function installMap(realm: Realm): void {
  installMapIteratorPrototype(realm);
  const proto = new JSObject(realm.emptyShape, realm.intrinsics.ObjectPrototype);
  const ctor = makeConstructor(realm, "Map", mapConstructor, 0, proto);
  defineAccessors(realm, ctor, [[Symbol.species, getSpecies]]);
  defineMethods(realm, proto, mapPrototypeMethods);
  defineAccessors(realm, proto, mapPrototypeAccessors);
  proto.defineData(Symbol.iterator, proto.storageGet("entries") as JSObject, WC);
  proto.defineData(Symbol.toStringTag, "Map", CONFIGURABLE);
  realm.intrinsics.Map = ctor;
  realm.intrinsics.MapPrototype = proto;
  defineGlobal(realm, "Map", ctor);
}
