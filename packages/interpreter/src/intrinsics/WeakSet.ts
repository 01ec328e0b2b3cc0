/**
 * WeakSet (https://tc39.es/ecma262/#sec-weakset-objects): the constructor and
 * %WeakSet.prototype%. Values are those for which CanBeHeldWeakly is true.
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
import { DONE, getIterator, iteratorClose, iteratorStepValue } from "../runtime/iteration.js";
import { describe, getPrototypeFromConstructor } from "../runtime/object-ops.js";
import type { Run } from "../runtime/run.js";
import { ThrowSignal, throwTypeError } from "../runtime/throw.js";
import type { NativeImpl } from "../values/function.js";
import { JSObject } from "../values/object.js";
import { CONFIGURABLE } from "../values/property.js";
import type { Value } from "../values/value.js";
import { WeakSetObject } from "../values/weak-collection.js";
import { canBeHeldWeakly } from "./WeakMap.js";

const ENTRY_BYTES = BYTES_ELEMENT + BYTES_PROPERTY;

/** RequireInternalSlot(S, [[WeakSetData]]). */
function thisWeakSet(run: Run, v: Value, name: string): WeakSetObject {
  if (v instanceof WeakSetObject) return v;
  return throwTypeError(run, `Method WeakSet.prototype.${name} called on incompatible receiver`);
}

/** https://tc39.es/ecma262/#sec-weakset.prototype.add */
const add: NativeImpl = (run, thisArg, args) => {
  const s = thisWeakSet(run, thisArg, "add");
  const value = args[0];
  if (!canBeHeldWeakly(run, value)) {
    return throwTypeError(run, `Invalid value used in weak set: ${describe(value)}`);
  }
  if (!s.data.has(value)) run.alloc(ENTRY_BYTES);
  s.data.add(value);
  return s;
};

/** https://tc39.es/ecma262/#sec-weakset.prototype.delete */
const deleteImpl: NativeImpl = (run, thisArg, args) => {
  const s = thisWeakSet(run, thisArg, "delete");
  const value = args[0];
  return canBeHeldWeakly(run, value) ? s.data.delete(value) : false;
};

/** https://tc39.es/ecma262/#sec-weakset.prototype.has */
const has: NativeImpl = (run, thisArg, args) => {
  const s = thisWeakSet(run, thisArg, "has");
  const value = args[0];
  return canBeHeldWeakly(run, value) ? s.data.has(value) : false;
};

const methods: readonly MethodRow[] = [
  ["add", add, 1],
  ["delete", deleteImpl, 1],
  ["has", has, 1],
];

/** https://tc39.es/ecma262/#sec-weakset-iterable */
const weakSetConstructor: NativeImpl = (run, _thisArg, args, newTarget) => {
  if (newTarget === undefined) return throwTypeError(run, "Constructor WeakSet requires 'new'");
  const proto = getPrototypeFromConstructor(run, newTarget, "WeakSetPrototype");
  run.alloc(BYTES_OBJECT);
  const set = new WeakSetObject(run.realm.emptyShape, proto);
  const iterable = args[0];
  if (iterable === undefined || iterable === null) return set;
  const adder = set.get(run, "add", set);
  if (!isCallable(adder)) return throwTypeError(run, "'add' returned for WeakSet is not callable");
  const rec = getIterator(run, iterable);
  for (;;) {
    const next = iteratorStepValue(run, rec);
    if (next === DONE) return set;
    run.charge(1);
    try {
      adder.call(run, set, [next]);
    } catch (e) {
      if (e instanceof ThrowSignal) iteratorClose(run, rec, true);
      throw e;
    }
  }
};

export function installWeakSet(realm: Realm): void {
  const proto = new JSObject(realm.emptyShape, realm.intrinsics.ObjectPrototype);
  const ctor = makeConstructor(realm, "WeakSet", weakSetConstructor, 0, proto);
  defineMethods(realm, proto, methods);
  proto.defineData(Symbol.toStringTag, "WeakSet", CONFIGURABLE);
  realm.intrinsics.WeakSet = ctor;
  realm.intrinsics.WeakSetPrototype = proto;
  defineGlobal(realm, "WeakSet", ctor);
}
