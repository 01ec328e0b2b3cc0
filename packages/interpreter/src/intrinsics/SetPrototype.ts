/**
 * %Set.prototype% methods (https://tc39.es/ecma262/#sec-properties-of-the-set-prototype-object).
 * Values compare by SameValueZero; the entry list keeps insertion order and survives deletion
 * during iteration (see values/ordered-table.ts).
 */
import type { AccessorRow, MethodRow } from "../realm/bootstrap.js";
import { isCallable } from "../runtime/conversions.js";
import { BYTES_ELEMENT, BYTES_PROPERTY } from "../runtime/costs.js";
import type { Run } from "../runtime/run.js";
import { throwTypeError } from "../runtime/throw.js";
import type { NativeImpl } from "../values/function.js";
import { SetObject } from "../values/map-object.js";
import { Cursor } from "../values/ordered-table.js";
import type { Value } from "../values/value.js";
import { createSetIterator } from "./SetIteratorPrototype.js";

/** Memory of one entry: the value and its slot in the index. */
export const ENTRY_BYTES = BYTES_ELEMENT + BYTES_PROPERTY;

/** RequireInternalSlot(S, [[SetData]]). */
function thisSet(run: Run, v: Value, name: string): SetObject {
  if (v instanceof SetObject) return v;
  return throwTypeError(run, `Method Set.prototype.${name} called on incompatible receiver`);
}

/** https://tc39.es/ecma262/#sec-set.prototype.add */
const add: NativeImpl = (run, thisArg, args) => {
  const s = thisSet(run, thisArg, "add");
  const value = args[0];
  if (s.data.lookup(value) < 0) {
    run.alloc(ENTRY_BYTES);
    s.data.append(value, undefined);
  }
  return s;
};

/** https://tc39.es/ecma262/#sec-set.prototype.clear */
const clear: NativeImpl = (run, thisArg) => {
  const s = thisSet(run, thisArg, "clear");
  run.charge(1 + (s.data.storage.keys.length >> 4));
  s.data.clear();
  return undefined;
};

/** https://tc39.es/ecma262/#sec-set.prototype.delete */
const deleteImpl: NativeImpl = (run, thisArg, args) => {
  const s = thisSet(run, thisArg, "delete");
  run.charge(2);
  return s.data.delete(args[0]);
};

/** https://tc39.es/ecma262/#sec-set.prototype.entries */
const entries: NativeImpl = (run, thisArg) =>
  createSetIterator(run, thisSet(run, thisArg, "entries"), "key+value");

/** https://tc39.es/ecma262/#sec-set.prototype.foreach */
const forEach: NativeImpl = (run, thisArg, args) => {
  const s = thisSet(run, thisArg, "forEach");
  const cb = args[0];
  if (!isCallable(cb))
    return throwTypeError(run, "Set.prototype.forEach: callback is not a function");
  const t = args[1];
  const cursor = new Cursor(s.data);
  for (;;) {
    run.charge(1);
    const i = cursor.next();
    if (i < 0) return undefined;
    const e = cursor.current.keys[i] as Value;
    cb.call(run, t, [e, e, s]);
  }
};

/** https://tc39.es/ecma262/#sec-set.prototype.has */
const has: NativeImpl = (run, thisArg, args) => thisSet(run, thisArg, "has").data.has(args[0]);

/** https://tc39.es/ecma262/#sec-get-set.prototype.size */
const size: NativeImpl = (run, thisArg) => thisSet(run, thisArg, "size").data.size;

/** https://tc39.es/ecma262/#sec-set.prototype.values (also Set.prototype.keys) */
const values: NativeImpl = (run, thisArg) =>
  createSetIterator(run, thisSet(run, thisArg, "values"), "value");

export const setPrototypeMethods: readonly MethodRow[] = [
  ["add", add, 1],
  ["clear", clear, 0],
  ["delete", deleteImpl, 1],
  ["entries", entries, 0],
  ["forEach", forEach, 1],
  ["has", has, 1],
  ["values", values, 0],
];

export const setPrototypeAccessors: readonly AccessorRow[] = [["size", size]];
