/**
 * %Map.prototype% methods (https://tc39.es/ecma262/#sec-properties-of-the-map-prototype-object).
 * Keys compare by SameValueZero; the entry list keeps insertion order and survives deletion
 * during iteration (see values/ordered-table.ts).
 */
import type { AccessorRow, MethodRow } from "../realm/bootstrap.js";
import { isCallable } from "../runtime/conversions.js";
import { BYTES_ELEMENT, BYTES_PROPERTY } from "../runtime/costs.js";
import type { Run } from "../runtime/run.js";
import { throwTypeError } from "../runtime/throw.js";
import type { NativeImpl } from "../values/function.js";
import { MapObject } from "../values/map-object.js";
import { Cursor } from "../values/ordered-table.js";
import type { Value } from "../values/value.js";
import { createMapIterator } from "./MapIteratorPrototype.js";

/** Memory of one entry: key, value, and its slot in the index. */
export const ENTRY_BYTES = 2 * BYTES_ELEMENT + BYTES_PROPERTY;

/** RequireInternalSlot(M, [[MapData]]). */
function thisMap(run: Run, v: Value, name: string): MapObject {
  if (v instanceof MapObject) return v;
  return throwTypeError(run, `Method Map.prototype.${name} called on incompatible receiver`);
}

/** https://tc39.es/ecma262/#sec-map.prototype.clear */
const clear: NativeImpl = (run, thisArg) => {
  const m = thisMap(run, thisArg, "clear");
  run.charge(1 + (m.data.storage.keys.length >> 4));
  m.data.clear();
  return undefined;
};

/** https://tc39.es/ecma262/#sec-map.prototype.delete */
const deleteImpl: NativeImpl = (run, thisArg, args) => {
  const m = thisMap(run, thisArg, "delete");
  run.charge(2);
  return m.data.delete(args[0]);
};

/** https://tc39.es/ecma262/#sec-map.prototype.entries */
const entries: NativeImpl = (run, thisArg) =>
  createMapIterator(run, thisMap(run, thisArg, "entries"), "key+value");

/** https://tc39.es/ecma262/#sec-map.prototype.foreach */
const forEach: NativeImpl = (run, thisArg, args) => {
  const m = thisMap(run, thisArg, "forEach");
  const cb = args[0];
  if (!isCallable(cb))
    return throwTypeError(run, "Map.prototype.forEach: callback is not a function");
  const t = args[1];
  const cursor = new Cursor(m.data);
  for (;;) {
    run.charge(1);
    const i = cursor.next();
    if (i < 0) return undefined;
    const s = cursor.current;
    cb.call(run, t, [s.values[i], s.keys[i] as Value, m]);
  }
};

/** https://tc39.es/ecma262/#sec-map.prototype.get */
const get: NativeImpl = (run, thisArg, args) => thisMap(run, thisArg, "get").data.get(args[0]);

/** https://tc39.es/ecma262/#sec-map.prototype.has */
const has: NativeImpl = (run, thisArg, args) => thisMap(run, thisArg, "has").data.has(args[0]);

/** https://tc39.es/ecma262/#sec-map.prototype.keys */
const keys: NativeImpl = (run, thisArg) =>
  createMapIterator(run, thisMap(run, thisArg, "keys"), "key");

/** https://tc39.es/ecma262/#sec-map.prototype.set */
const set: NativeImpl = (run, thisArg, args) => {
  const m = thisMap(run, thisArg, "set");
  const key = args[0];
  const i = m.data.lookup(key);
  if (i >= 0) m.data.setAt(i, args[1]);
  else {
    run.alloc(ENTRY_BYTES);
    m.data.append(key, args[1]);
  }
  return m;
};

/** https://tc39.es/ecma262/#sec-get-map.prototype.size */
const size: NativeImpl = (run, thisArg) => thisMap(run, thisArg, "size").data.size;

/** https://tc39.es/ecma262/#sec-map.prototype.values */
const values: NativeImpl = (run, thisArg) =>
  createMapIterator(run, thisMap(run, thisArg, "values"), "value");

export const mapPrototypeMethods: readonly MethodRow[] = [
  ["clear", clear, 0],
  ["delete", deleteImpl, 1],
  ["entries", entries, 0],
  ["forEach", forEach, 1],
  ["get", get, 1],
  ["has", has, 1],
  ["keys", keys, 0],
  ["set", set, 2],
  ["values", values, 0],
];

export const mapPrototypeAccessors: readonly AccessorRow[] = [["size", size]];
