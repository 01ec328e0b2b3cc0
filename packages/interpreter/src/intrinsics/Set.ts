/**
 * The Set constructor (https://tc39.es/ecma262/#sec-set-constructor) and the installer of Set,
 * %Set.prototype% and %SetIteratorPrototype%.
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
import { getPrototypeFromConstructor } from "../runtime/object-ops.js";
import { ThrowSignal, throwTypeError } from "../runtime/throw.js";
import type { NativeImpl } from "../values/function.js";
import { SetObject } from "../values/map-object.js";
import { JSObject } from "../values/object.js";
import { CONFIGURABLE, WC } from "../values/property.js";
import { installSetIteratorPrototype } from "./SetIteratorPrototype.js";
import { setPrototypeAccessors, setPrototypeMethods } from "./SetPrototype.js";

/** https://tc39.es/ecma262/#sec-set-iterable */
const setConstructor: NativeImpl = (run, _thisArg, args, newTarget) => {
  if (newTarget === undefined) return throwTypeError(run, "Constructor Set requires 'new'");
  const proto = getPrototypeFromConstructor(run, newTarget, "SetPrototype");
  run.alloc(BYTES_OBJECT);
  const set = new SetObject(run.realm.emptyShape, proto);
  const iterable = args[0];
  if (iterable === undefined || iterable === null) return set;
  const adder = set.get(run, "add", set);
  if (!isCallable(adder)) return throwTypeError(run, "'add' returned for Set is not callable");
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

/** https://tc39.es/ecma262/#sec-get-set-@@species */
const getSpecies: NativeImpl = (_run, thisArg) => thisArg;

export function installSet(realm: Realm): void {
  installSetIteratorPrototype(realm);
  const proto = new JSObject(realm.emptyShape, realm.intrinsics.ObjectPrototype);
  const ctor = makeConstructor(realm, "Set", setConstructor, 0, proto);
  defineAccessors(realm, ctor, [[Symbol.species, getSpecies]]);
  defineMethods(realm, proto, setPrototypeMethods);
  defineAccessors(realm, proto, setPrototypeAccessors);
  const values = proto.storageGet("values") as JSObject;
  proto.defineData("keys", values, WC);
  proto.defineData(Symbol.iterator, values, WC);
  proto.defineData(Symbol.toStringTag, "Set", CONFIGURABLE);
  realm.intrinsics.Set = ctor;
  realm.intrinsics.SetPrototype = proto;
  defineGlobal(realm, "Set", ctor);
}
