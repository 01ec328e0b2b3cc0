/**
 * %MapIteratorPrototype% (https://tc39.es/ecma262/#sec-%mapiteratorprototype%-object) and
 * CreateMapIterator. The iterator holds a Cursor into the map's entry list, so entries deleted
 * before they are reached are skipped and entries added before the end are visited.
 */
import { defineMethods } from "../realm/bootstrap.js";
import type { Realm } from "../realm/realm.js";
import { BYTES_OBJECT } from "../runtime/costs.js";
import { createIterResult, DONE } from "../runtime/iteration.js";
import type { Run } from "../runtime/run.js";
import { throwTypeError } from "../runtime/throw.js";
import type { BuiltinFunction, IteratorStep, NativeImpl } from "../values/function.js";
import type { MapObject } from "../values/map-object.js";
import { JSObject } from "../values/object.js";
import { Cursor } from "../values/ordered-table.js";
import { CONFIGURABLE } from "../values/property.js";
import type { Shape } from "../values/shape.js";
import type { Value } from "../values/value.js";
import { arrayFromList } from "./array-ops.js";

export type MapIterationKind = "key" | "value" | "key+value";

/** A Map Iterator: the state of the spec's CreateMapIterator closure. */
export class MapIterator extends JSObject {
  constructor(
    shape: Shape,
    proto: JSObject,
    /** Position in the map's entries; null once the iterator has finished. */
    public cursor: Cursor | null,
    readonly iterationKind: MapIterationKind,
  ) {
    super(shape, proto);
  }
}

/** https://tc39.es/ecma262/#sec-createmapiterator */
export function createMapIterator(run: Run, map: MapObject, kind: MapIterationKind): MapIterator {
  run.alloc(BYTES_OBJECT);
  const proto = run.realm.intrinsics.MapIteratorPrototype as JSObject;
  return new MapIterator(run.realm.emptyShape, proto, new Cursor(map.data), kind);
}

/** https://tc39.es/ecma262/#sec-%mapiteratorprototype%.next, without the result object. */
const step: IteratorStep = (run, thisArg) => {
  if (!(thisArg instanceof MapIterator)) {
    return throwTypeError(run, "%MapIteratorPrototype%.next called on an incompatible receiver");
  }
  const cursor = thisArg.cursor;
  if (cursor === null) return DONE;
  const i = cursor.next();
  if (i < 0) {
    thisArg.cursor = null;
    return DONE;
  }
  const s = cursor.current;
  const key = s.keys[i] as Value;
  const kind = thisArg.iterationKind;
  if (kind === "key") return key;
  const value = s.values[i] as Value;
  if (kind === "value") return value;
  return arrayFromList(run, [key, value]);
};

/** https://tc39.es/ecma262/#sec-%mapiteratorprototype%.next */
const next: NativeImpl = (run, thisArg) => {
  const v = step(run, thisArg);
  return v === DONE ? createIterResult(run, undefined, true) : createIterResult(run, v, false);
};

export function installMapIteratorPrototype(realm: Realm): void {
  const proto = new JSObject(realm.emptyShape, realm.intrinsics.IteratorPrototype);
  defineMethods(realm, proto, [["next", next, 0]]);
  (proto.storageGet("next") as BuiltinFunction).step = step;
  proto.defineData(Symbol.toStringTag, "Map Iterator", CONFIGURABLE);
  realm.intrinsics.MapIteratorPrototype = proto;
}
