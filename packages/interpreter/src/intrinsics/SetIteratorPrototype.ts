/**
 * %SetIteratorPrototype% (https://tc39.es/ecma262/#sec-%setiteratorprototype%-object) and
 * CreateSetIterator. Like Map iterators, the iterator holds a Cursor into the set's entry list.
 */
import { defineMethods } from "../realm/bootstrap.js";
import type { Realm } from "../realm/realm.js";
import { BYTES_OBJECT } from "../runtime/costs.js";
import { createIterResult, DONE } from "../runtime/iteration.js";
import type { Run } from "../runtime/run.js";
import { throwTypeError } from "../runtime/throw.js";
import type { BuiltinFunction, IteratorStep, NativeImpl } from "../values/function.js";
import type { SetObject } from "../values/map-object.js";
import { JSObject } from "../values/object.js";
import { Cursor } from "../values/ordered-table.js";
import { CONFIGURABLE } from "../values/property.js";
import type { Shape } from "../values/shape.js";
import type { Value } from "../values/value.js";
import { arrayFromList } from "./array-ops.js";

export type SetIterationKind = "value" | "key+value";

/** A Set Iterator: the state of the spec's CreateSetIterator closure. */
export class SetIterator extends JSObject {
  constructor(
    shape: Shape,
    proto: JSObject,
    /** Position in the set's entries; null once the iterator has finished. */
    public cursor: Cursor | null,
    readonly iterationKind: SetIterationKind,
  ) {
    super(shape, proto);
  }
}

/** https://tc39.es/ecma262/#sec-createsetiterator */
export function createSetIterator(run: Run, set: SetObject, kind: SetIterationKind): SetIterator {
  run.alloc(BYTES_OBJECT);
  const proto = run.realm.intrinsics.SetIteratorPrototype as JSObject;
  return new SetIterator(run.realm.emptyShape, proto, new Cursor(set.data), kind);
}

/** https://tc39.es/ecma262/#sec-%setiteratorprototype%.next, without the result object. */
const step: IteratorStep = (run, thisArg) => {
  if (!(thisArg instanceof SetIterator)) {
    return throwTypeError(run, "%SetIteratorPrototype%.next called on an incompatible receiver");
  }
  const cursor = thisArg.cursor;
  if (cursor === null) return DONE;
  const i = cursor.next();
  if (i < 0) {
    thisArg.cursor = null;
    return DONE;
  }
  const value = cursor.current.keys[i] as Value;
  if (thisArg.iterationKind === "value") return value;
  return arrayFromList(run, [value, value]);
};

/** https://tc39.es/ecma262/#sec-%setiteratorprototype%.next */
const next: NativeImpl = (run, thisArg) => {
  const v = step(run, thisArg);
  return v === DONE ? createIterResult(run, undefined, true) : createIterResult(run, v, false);
};

export function installSetIteratorPrototype(realm: Realm): void {
  const proto = new JSObject(realm.emptyShape, realm.intrinsics.IteratorPrototype);
  defineMethods(realm, proto, [["next", next, 0]]);
  (proto.storageGet("next") as BuiltinFunction).step = step;
  proto.defineData(Symbol.toStringTag, "Set Iterator", CONFIGURABLE);
  realm.intrinsics.SetIteratorPrototype = proto;
}
