/**
 * %AsyncFromSyncIteratorPrototype% and CreateAsyncFromSyncIterator
 * (https://tc39.es/ecma262/#sec-async-from-sync-iterator-objects): the async iterator that
 * `for await` and `yield*` in async generators use over a synchronous iterable. Each method calls
 * the sync iterator, then answers with a promise of an iterator result whose value has been
 * awaited; a rejected value closes the sync iterator (AsyncFromSyncIteratorContinuation). The
 * object itself is never handed to guest code, only its answers.
 */
import { defineMethods } from "../realm/bootstrap.js";
import type { Realm } from "../realm/realm.js";
import { toBoolean } from "../runtime/conversions.js";
import { BYTES_OBJECT } from "../runtime/costs.js";
import {
  createIterResult,
  getIterator,
  type IteratorRecord,
  iteratorClose,
} from "../runtime/iteration.js";
import { call, getMethod, getV } from "../runtime/object-ops.js";
import type { Run } from "../runtime/run.js";
import { makeError, ThrowSignal, throwTypeError } from "../runtime/throw.js";
import type { BuiltinFunction, NativeImpl } from "../values/function.js";
import { JSObject } from "../values/object.js";
import type { PromiseCapability, PromiseObject } from "../values/promise-object.js";
import type { Value } from "../values/value.js";
import {
  newInternalCapability,
  performPromiseThen,
  promiseResolve,
  rejectPromise,
  resolvePromise,
} from "./promise-ops.js";

class AsyncFromSyncIterator extends JSObject {
  syncIteratorRecord!: IteratorRecord;
}

/** https://tc39.es/ecma262/#sec-createasyncfromsynciterator */
export function createAsyncFromSyncIterator(run: Run, syncRec: IteratorRecord): IteratorRecord {
  run.alloc(BYTES_OBJECT);
  const proto = run.realm.intrinsics.AsyncFromSyncIteratorPrototype as JSObject;
  const it = new AsyncFromSyncIterator(run.realm.emptyShape, proto);
  it.syncIteratorRecord = syncRec;
  return { iterator: it, next: proto.storageGet("next") as JSObject, done: false };
}

/**
 * https://tc39.es/ecma262/#sec-getiterator with kind async: the object's @@asyncIterator, or its
 * sync iterator wrapped by CreateAsyncFromSyncIterator.
 */
export function getAsyncIterator(run: Run, v: Value): IteratorRecord {
  const method = getMethod(run, v, Symbol.asyncIterator);
  if (method === undefined) return createAsyncFromSyncIterator(run, getIterator(run, v));
  const iterator = method.call(run, v, []);
  if (!(iterator instanceof JSObject)) {
    return throwTypeError(run, "Result of the Symbol.asyncIterator method is not an object");
  }
  return { iterator, next: getV(run, iterator, "next"), done: false };
}

function capability(run: Run): PromiseCapability {
  return newInternalCapability(run, run.realm.intrinsics.Promise as BuiltinFunction);
}

/** Runs `f`; a guest exception rejects `cap` (IfAbruptRejectPromise) and returns undefined. */
function orReject<T>(rejected: { error?: Value }, f: () => T): T | undefined {
  try {
    return f();
  } catch (e) {
    if (!(e instanceof ThrowSignal)) throw e;
    rejected.error = e.value;
    return undefined;
  }
}

function receiver(run: Run, thisArg: Value): AsyncFromSyncIterator {
  if (!(thisArg instanceof AsyncFromSyncIterator)) {
    return throwTypeError(
      run,
      "%AsyncFromSyncIteratorPrototype% method called on an incompatible receiver",
    );
  }
  return thisArg;
}

/** https://tc39.es/ecma262/#sec-asyncfromsynciteratorcontinuation */
function continuation(
  run: Run,
  result: JSObject,
  cap: PromiseCapability,
  syncRec: IteratorRecord,
  closeOnRejection: boolean,
): Value {
  const abrupt: { error?: Value } = {};
  const fail = (): Value => rejectNow(run, cap, abrupt.error);
  const done = orReject(abrupt, () => toBoolean(result.get(run, "done", result)));
  if ("error" in abrupt) return fail();
  const value = orReject(abrupt, () => result.get(run, "value", result));
  if ("error" in abrupt) return fail();
  const wrapper = orReject(abrupt, () =>
    promiseResolve(run, run.realm.intrinsics.Promise as JSObject, value as Value),
  );
  if ("error" in abrupt) {
    if (!done && closeOnRejection) iteratorClose(run, syncRec, true);
    return fail();
  }
  const onFulfilled = (r: Run, v: Value): Value => createIterResult(r, v, done as boolean);
  const onRejected =
    done || !closeOnRejection
      ? undefined
      : (r: Run, e: Value): Value => {
          iteratorClose(r, syncRec, true);
          throw new ThrowSignal(e);
        };
  performPromiseThen(run, wrapper as PromiseObject, onFulfilled, onRejected, cap);
  return cap.promise;
}

/** IfAbruptRejectPromise's rejection: the capability is internal, so it settles directly. */
function rejectNow(run: Run, cap: PromiseCapability, error: Value): Value {
  rejectPromise(run, cap.promise as PromiseObject, error);
  return cap.promise;
}

/** https://tc39.es/ecma262/#sec-%asyncfromsynciteratorprototype%.next */
const next: NativeImpl = (run, thisArg, args) => {
  const o = receiver(run, thisArg);
  const cap = capability(run);
  const syncRec = o.syncIteratorRecord;
  const abrupt: { error?: Value } = {};
  const result = orReject(abrupt, () => {
    const r = call(run, syncRec.next, syncRec.iterator, args.length > 0 ? [args[0]] : []);
    if (!(r instanceof JSObject)) throwTypeError(run, "Iterator result is not an object");
    return r as JSObject;
  });
  if ("error" in abrupt) return rejectNow(run, cap, abrupt.error);
  return continuation(run, result as JSObject, cap, syncRec, true);
};

/**
 * https://tc39.es/ecma262/#sec-%asyncfromsynciteratorprototype%.return and
 * https://tc39.es/ecma262/#sec-%asyncfromsynciteratorprototype%.throw: forward to the sync
 * iterator's method of that name. Without one, `return` answers { value, done: true } and
 * `throw` closes the sync iterator and rejects with a TypeError.
 */
function forward(name: "return" | "throw"): NativeImpl {
  return (run, thisArg, args) => {
    const syncRec = receiver(run, thisArg).syncIteratorRecord;
    const syncIterator = syncRec.iterator;
    const cap = capability(run);
    const abrupt: { error?: Value } = {};
    const method = orReject(abrupt, () => getMethod(run, syncIterator, name));
    if ("error" in abrupt) return rejectNow(run, cap, abrupt.error);
    if (method === undefined) {
      if (name === "return") {
        resolvePromise(run, cap.promise as PromiseObject, createIterResult(run, args[0], true));
        return cap.promise;
      }
      orReject(abrupt, () => iteratorClose(run, syncRec, false));
      if ("error" in abrupt) return rejectNow(run, cap, abrupt.error);
      const error = makeError(run, "TypeError", "The iterator does not provide a 'throw' method");
      return rejectNow(run, cap, error);
    }
    const result = orReject(abrupt, () =>
      method.call(run, syncIterator, args.length > 0 ? [args[0]] : []),
    );
    if ("error" in abrupt) return rejectNow(run, cap, abrupt.error);
    if (!(result instanceof JSObject)) {
      const error = makeError(run, "TypeError", `iterator.${name}() did not return an object`);
      return rejectNow(run, cap, error);
    }
    return continuation(run, result, cap, syncRec, name === "throw");
  };
}

export function installAsyncFromSyncIteratorPrototype(realm: Realm): void {
  const proto = new JSObject(realm.emptyShape, realm.intrinsics.AsyncIteratorPrototype as JSObject);
  defineMethods(realm, proto, [
    ["next", next, 1],
    ["return", forward("return"), 1],
    ["throw", forward("throw"), 1],
  ]);
  realm.intrinsics.AsyncFromSyncIteratorPrototype = proto;
}
