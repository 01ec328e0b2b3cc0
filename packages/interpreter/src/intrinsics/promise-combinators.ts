/**
 * Promise.all, Promise.allSettled, Promise.any and Promise.race
 * (https://tc39.es/ecma262/#sec-promise.all and following). Each shares the same frame: a
 * capability of `this`, its `resolve` read once, the iterable's iterator closed when a step
 * after it fails, every failure turned into a rejection of the result promise.
 */
import type { MethodRow } from "../realm/bootstrap.js";
import { isCallable } from "../runtime/conversions.js";
import { BYTES_ELEMENT } from "../runtime/costs.js";
import {
  DONE,
  getIterator,
  type IteratorRecord,
  iteratorClose,
  iteratorStepValue,
} from "../runtime/iteration.js";
import { call, createArray, createObject, invoke } from "../runtime/object-ops.js";
import type { Run } from "../runtime/run.js";
import { makeError, ThrowSignal, throwTypeError } from "../runtime/throw.js";
import type { NativeImpl } from "../values/function.js";
import type { JSObject } from "../values/object.js";
import { WC, WEC } from "../values/property.js";
import type { Value } from "../values/value.js";
import { builtinClosure, newPromiseCapability, type PromiseCapability } from "./promise-ops.js";

type Perform = (
  run: Run,
  rec: IteratorRecord,
  c: JSObject,
  capability: PromiseCapability,
  promiseResolve: JSObject,
) => Value;

/** https://tc39.es/ecma262/#sec-getpromiseresolve */
function getPromiseResolve(run: Run, c: JSObject): JSObject {
  const resolve = c.get(run, "resolve", c);
  if (!isCallable(resolve)) return throwTypeError(run, "Promise resolve is not a function");
  return resolve;
}

/** https://tc39.es/ecma262/#sec-ifabruptrejectpromise */
function rejectWith(run: Run, e: unknown, capability: PromiseCapability): Value {
  if (!(e instanceof ThrowSignal)) throw e;
  call(run, capability.reject, undefined, [e.value]);
  return capability.promise;
}

/** Steps 1-9 shared by the four combinators. */
function combinator(perform: Perform): NativeImpl {
  return (run, thisArg, args) => {
    const capability = newPromiseCapability(run, thisArg);
    const c = thisArg as JSObject;
    let promiseResolve: JSObject;
    let rec: IteratorRecord;
    try {
      promiseResolve = getPromiseResolve(run, c);
      rec = getIterator(run, args[0]);
    } catch (e) {
      return rejectWith(run, e, capability);
    }
    try {
      return perform(run, rec, c, capability, promiseResolve);
    } catch (e) {
      if (e instanceof ThrowSignal && !rec.done) iteratorClose(run, rec, true);
      return rejectWith(run, e, capability);
    }
  };
}

/** https://tc39.es/ecma262/#sec-performpromiseall */
const performAll: Perform = (run, rec, c, capability, promiseResolve) => {
  const values: Value[] = [];
  let remaining = 1;
  for (let index = 0; ; index++) {
    const next = iteratorStepValue(run, rec);
    if (next === DONE) {
      if (--remaining === 0) call(run, capability.resolve, undefined, [createArray(run, values)]);
      return capability.promise;
    }
    run.alloc(BYTES_ELEMENT);
    values.push(undefined);
    const nextPromise = call(run, promiseResolve, c, [next]);
    const i = index;
    let alreadyCalled = false;
    // https://tc39.es/ecma262/#sec-promise.all-resolve-element-functions
    const onFulfilled = builtinClosure(
      run,
      (r, _this, a) => {
        if (alreadyCalled) return undefined;
        alreadyCalled = true;
        values[i] = a[0];
        if (--remaining === 0)
          return call(r, capability.resolve, undefined, [createArray(r, values)]);
        return undefined;
      },
      1,
    );
    remaining++;
    invoke(run, nextPromise, "then", [onFulfilled, capability.reject]);
  }
};

/** https://tc39.es/ecma262/#sec-performpromiseallsettled */
const performAllSettled: Perform = (run, rec, c, capability, promiseResolve) => {
  const values: Value[] = [];
  let remaining = 1;
  for (let index = 0; ; index++) {
    const next = iteratorStepValue(run, rec);
    if (next === DONE) {
      if (--remaining === 0) call(run, capability.resolve, undefined, [createArray(run, values)]);
      return capability.promise;
    }
    run.alloc(BYTES_ELEMENT);
    values.push(undefined);
    const nextPromise = call(run, promiseResolve, c, [next]);
    const i = index;
    // One [[AlreadyCalled]] record shared by the element's two functions.
    let alreadyCalled = false;
    const settle =
      (status: "fulfilled" | "rejected", key: "value" | "reason"): NativeImpl =>
      (r, _this, a) => {
        if (alreadyCalled) return undefined;
        alreadyCalled = true;
        const obj = createObject(r);
        obj.defineData("status", status, WEC);
        obj.defineData(key, a[0], WEC);
        values[i] = obj;
        if (--remaining === 0)
          return call(r, capability.resolve, undefined, [createArray(r, values)]);
        return undefined;
      };
    // https://tc39.es/ecma262/#sec-promise.allsettled-resolve-element-functions
    const onFulfilled = builtinClosure(run, settle("fulfilled", "value"), 1);
    // https://tc39.es/ecma262/#sec-promise.allsettled-reject-element-functions
    const onRejected = builtinClosure(run, settle("rejected", "reason"), 1);
    remaining++;
    invoke(run, nextPromise, "then", [onFulfilled, onRejected]);
  }
};

/** A new AggregateError whose `errors` is an array of `errors` (Promise.any). */
function aggregateError(run: Run, errors: Value[]): JSObject {
  const error = makeError(run, "AggregateError", "All promises were rejected");
  error.defineData("errors", createArray(run, errors), WC);
  return error;
}

/** https://tc39.es/ecma262/#sec-performpromiseany */
const performAny: Perform = (run, rec, c, capability, promiseResolve) => {
  const errors: Value[] = [];
  let remaining = 1;
  for (let index = 0; ; index++) {
    const next = iteratorStepValue(run, rec);
    if (next === DONE) {
      if (--remaining === 0) throw new ThrowSignal(aggregateError(run, errors));
      return capability.promise;
    }
    run.alloc(BYTES_ELEMENT);
    errors.push(undefined);
    const nextPromise = call(run, promiseResolve, c, [next]);
    const i = index;
    let alreadyCalled = false;
    // https://tc39.es/ecma262/#sec-promise.any-reject-element-functions
    const onRejected = builtinClosure(
      run,
      (r, _this, a) => {
        if (alreadyCalled) return undefined;
        alreadyCalled = true;
        errors[i] = a[0];
        if (--remaining === 0) {
          return call(r, capability.reject, undefined, [aggregateError(r, errors)]);
        }
        return undefined;
      },
      1,
    );
    remaining++;
    invoke(run, nextPromise, "then", [capability.resolve, onRejected]);
  }
};

/** https://tc39.es/ecma262/#sec-performpromiserace */
const performRace: Perform = (run, rec, c, capability, promiseResolve) => {
  for (;;) {
    const next = iteratorStepValue(run, rec);
    if (next === DONE) return capability.promise;
    run.charge(1);
    const nextPromise = call(run, promiseResolve, c, [next]);
    invoke(run, nextPromise, "then", [capability.resolve, capability.reject]);
  }
};

export const promiseCombinators: readonly MethodRow[] = [
  ["all", combinator(performAll), 1],
  ["allSettled", combinator(performAllSettled), 1],
  ["any", combinator(performAny), 1],
  ["race", combinator(performRace), 1],
];
