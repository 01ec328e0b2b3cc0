/**
 * WeakMap (https://tc39.es/ecma262/#sec-weakmap-objects): the constructor, %WeakMap.prototype%,
 * and CanBeHeldWeakly, shared with WeakSet. Keys are objects or symbols that are not in the
 * sandbox's Symbol.for registry (ES2023 symbols-as-weakmap-keys).
 */
import {
  defineGlobal,
  defineMethods,
  type MethodRow,
  makeConstructor,
} from "../realm/bootstrap.js";
import type { Realm } from "../realm/realm.js";
import { isCallable } from "../runtime/conversions.js";
import { BYTES_ELEMENT, BYTES_OBJECT, BYTES_PROPERTY } from "../runtime/costs.js";
import { describe, getPrototypeFromConstructor } from "../runtime/object-ops.js";
import type { Run } from "../runtime/run.js";
import { throwTypeError } from "../runtime/throw.js";
import type { NativeImpl } from "../values/function.js";
import { JSObject } from "../values/object.js";
import { CONFIGURABLE } from "../values/property.js";
import type { Value } from "../values/value.js";
import { type GuestWeakKey, WeakMapObject } from "../values/weak-collection.js";
import { addEntriesFromIterable } from "./Map.js";

/** Memory of one entry: key, value and the host table's slot. */
const ENTRY_BYTES = 2 * BYTES_ELEMENT + BYTES_PROPERTY;

/**
 * https://tc39.es/ecma262/#sec-canbeheldweakly: objects, and symbols for which KeyForSymbol is
 * undefined (registered symbols live as long as the registry, so they cannot be weak keys).
 */
export function canBeHeldWeakly(run: Run, v: Value): v is GuestWeakKey {
  if (v instanceof JSObject) return true;
  if (typeof v !== "symbol") return false;
  const key = v.description;
  if (key !== undefined && run.realm.symbolRegistry.get(key) === v) return false;
  // A symbol of the host's own registry could not be a host WeakMap key either.
  return Symbol.keyFor(v) === undefined;
}

/** RequireInternalSlot(M, [[WeakMapData]]). */
function thisWeakMap(run: Run, v: Value, name: string): WeakMapObject {
  if (v instanceof WeakMapObject) return v;
  return throwTypeError(run, `Method WeakMap.prototype.${name} called on incompatible receiver`);
}

/** https://tc39.es/ecma262/#sec-weakmap.prototype.delete */
const deleteImpl: NativeImpl = (run, thisArg, args) => {
  const m = thisWeakMap(run, thisArg, "delete");
  const key = args[0];
  return canBeHeldWeakly(run, key) ? m.data.delete(key) : false;
};

/** https://tc39.es/ecma262/#sec-weakmap.prototype.get */
const get: NativeImpl = (run, thisArg, args) => {
  const m = thisWeakMap(run, thisArg, "get");
  const key = args[0];
  return canBeHeldWeakly(run, key) ? m.data.get(key) : undefined;
};

/** https://tc39.es/ecma262/#sec-weakmap.prototype.has */
const has: NativeImpl = (run, thisArg, args) => {
  const m = thisWeakMap(run, thisArg, "has");
  const key = args[0];
  return canBeHeldWeakly(run, key) ? m.data.has(key) : false;
};

/** https://tc39.es/ecma262/#sec-weakmap.prototype.set */
const set: NativeImpl = (run, thisArg, args) => {
  const m = thisWeakMap(run, thisArg, "set");
  const key = args[0];
  if (!canBeHeldWeakly(run, key)) {
    return throwTypeError(run, `Invalid value used as weak map key: ${describe(key)}`);
  }
  if (!m.data.has(key)) run.alloc(ENTRY_BYTES);
  m.data.set(key, args[1]);
  return m;
};

const methods: readonly MethodRow[] = [
  ["delete", deleteImpl, 1],
  ["get", get, 1],
  ["has", has, 1],
  ["set", set, 2],
];

/** https://tc39.es/ecma262/#sec-weakmap-iterable */
const weakMapConstructor: NativeImpl = (run, _thisArg, args, newTarget) => {
  if (newTarget === undefined) return throwTypeError(run, "Constructor WeakMap requires 'new'");
  const proto = getPrototypeFromConstructor(run, newTarget, "WeakMapPrototype");
  run.alloc(BYTES_OBJECT);
  const map = new WeakMapObject(run.realm.emptyShape, proto);
  const iterable = args[0];
  if (iterable === undefined || iterable === null) return map;
  const adder = map.get(run, "set", map);
  if (!isCallable(adder)) return throwTypeError(run, "'set' returned for WeakMap is not callable");
  return addEntriesFromIterable(run, map, iterable, adder);
};

export function installWeakMap(realm: Realm): void {
  const proto = new JSObject(realm.emptyShape, realm.intrinsics.ObjectPrototype);
  const ctor = makeConstructor(realm, "WeakMap", weakMapConstructor, 0, proto);
  defineMethods(realm, proto, methods);
  proto.defineData(Symbol.toStringTag, "WeakMap", CONFIGURABLE);
  realm.intrinsics.WeakMap = ctor;
  realm.intrinsics.WeakMapPrototype = proto;
  defineGlobal(realm, "WeakMap", ctor);
}
