/**
 * Iterator protocol operations (https://tc39.es/ecma262/#sec-iterator-records).
 */
import { BuiltinFunction } from "../values/function.js";
import { JSObject } from "../values/object.js";
import { WEC } from "../values/property.js";
import type { Value } from "../values/value.js";
import { isCallable, toBoolean } from "./conversions.js";
import { call, createObject, getMethod, getV } from "./object-ops.js";
import type { Run } from "./run.js";
import { ThrowSignal, throwTypeError } from "./throw.js";

export interface IteratorRecord {
  iterator: JSObject;
  next: Value;
  done: boolean;
}

/** Returned by iteratorStepValue when the iterator is done; never a guest value. */
export const DONE: unique symbol = Symbol("done");

/** https://tc39.es/ecma262/#sec-getiterator (sync) */
export function getIterator(run: Run, v: Value): IteratorRecord {
  const method = getMethod(run, v, Symbol.iterator);
  if (method === undefined) return throwTypeError(run, "object is not iterable");
  return getIteratorFromMethod(run, v, method);
}

export function getIteratorFromMethod(run: Run, v: Value, method: JSObject): IteratorRecord {
  const iterator = method.call(run, v, []);
  if (!(iterator instanceof JSObject))
    return throwTypeError(run, "Result of the Symbol.iterator method is not an object");
  return { iterator, next: getV(run, iterator, "next"), done: false };
}

/** https://tc39.es/ecma262/#sec-iteratorstepvalue */
export function iteratorStepValue(run: Run, rec: IteratorRecord): Value | typeof DONE {
  const next = rec.next;
  if (next instanceof BuiltinFunction && next.step !== undefined) {
    run.charge(1);
    let v: Value | typeof DONE;
    try {
      v = next.step(run, rec.iterator);
    } catch (e) {
      rec.done = true;
      throw e;
    }
    if (v === DONE) rec.done = true;
    return v;
  }
  let result: Value;
  try {
    result = call(run, rec.next, rec.iterator, []);
    if (!(result instanceof JSObject)) throwTypeError(run, "Iterator result is not an object");
  } catch (e) {
    rec.done = true;
    throw e;
  }
  let done: boolean;
  try {
    done = toBoolean(result.get(run, "done", result));
  } catch (e) {
    rec.done = true;
    throw e;
  }
  if (done) {
    rec.done = true;
    return DONE;
  }
  try {
    return result.get(run, "value", result);
  } catch (e) {
    rec.done = true;
    throw e;
  }
}

/**
 * https://tc39.es/ecma262/#sec-iteratorclose. With `throwing` the original exception wins and
 * errors from `return` are swallowed; otherwise they propagate.
 */
export function iteratorClose(run: Run, rec: IteratorRecord, throwing: boolean): void {
  const it = rec.iterator;
  let ret: Value;
  try {
    const m = getV(run, it, "return");
    if (m === undefined || m === null) return;
    if (!isCallable(m)) throwTypeError(run, "iterator.return is not a function");
    ret = m.call(run, it, []);
  } catch (e) {
    if (throwing && e instanceof ThrowSignal) return;
    throw e;
  }
  if (!throwing && !(ret instanceof JSObject))
    throwTypeError(run, "iterator.return() did not return an object");
}

/** Collects an iterable into a host list, charging fuel per element. */
export function iterableToList(run: Run, v: Value, method?: JSObject): Value[] {
  const rec = method ? getIteratorFromMethod(run, v, method) : getIterator(run, v);
  const out: Value[] = [];
  for (;;) {
    const x = iteratorStepValue(run, rec);
    if (x === DONE) return out;
    run.charge(1);
    out.push(x);
  }
}

/** https://tc39.es/ecma262/#sec-createiterresultobject */
export function createIterResult(run: Run, value: Value, done: boolean): JSObject {
  const o = createObject(run);
  o.defineData("value", value, WEC);
  o.defineData("done", done, WEC);
  return o;
}
