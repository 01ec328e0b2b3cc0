/**
 * Promise abstract operations (https://tc39.es/ecma262/#sec-promise-abstract-operations), in
 * interpreter terms: guest promises are PromiseObjects, their jobs go through the sandbox's job
 * queue (runtime/jobs.ts), never through host promises. Exported for the Promise built-ins, the
 * compiler (Await, async functions) and the membrane.
 *
 * Two internal shortcuts, both unobservable: a capability of %Promise% made by `then` or
 * PromiseResolve has no resolving-function objects (guest code could never reach them), and
 * host continuations (Await, the membrane) are reaction handlers without a function object.
 */
import { isCallable, isConstructor, sameValue } from "../runtime/conversions.js";
import { BYTES_FUNCTION, BYTES_OBJECT } from "../runtime/costs.js";
import { enqueueJob, trackRejection } from "../runtime/jobs.js";
import { call, describe } from "../runtime/object-ops.js";
import type { Run } from "../runtime/run.js";
import { makeError, ThrowSignal, throwTypeError } from "../runtime/throw.js";
import { BuiltinFunction, type NativeImpl } from "../values/function.js";
import { JSObject } from "../values/object.js";
import {
  type PromiseCapability,
  PromiseObject,
  type PromiseReaction,
  type ReactionHandler,
} from "../values/promise-object.js";
import type { Value } from "../values/value.js";

export type { PromiseCapability } from "../values/promise-object.js";

/** A host continuation: receives the settled value and the run the job executes under. */
export type HostContinuation = (value: Value, run: Run) => void;

/** https://tc39.es/ecma262/#sec-ispromise */
export function isPromise(v: Value): v is PromiseObject {
  return v instanceof PromiseObject;
}

/** Whether `c` is the %Promise% intrinsic of its realm (so constructing it runs no guest code). */
export function isIntrinsicPromise(c: Value): c is BuiltinFunction {
  return c instanceof BuiltinFunction && c.realm.intrinsics.Promise === c;
}

/** A new pending promise with prototype `proto` (the run's %Promise.prototype% by default). */
export function newPromise(
  run: Run,
  proto: JSObject = run.realm.intrinsics.PromisePrototype as JSObject,
): PromiseObject {
  run.alloc(BYTES_OBJECT);
  return new PromiseObject(run.realm.emptyShape, proto);
}

/** An anonymous built-in closure (CreateBuiltinFunction with name ""). */
export function builtinClosure(run: Run, impl: NativeImpl, length: number): BuiltinFunction {
  run.alloc(BYTES_FUNCTION);
  return new BuiltinFunction(run.realm, impl, "", length, false);
}

/** https://tc39.es/ecma262/#sec-createresolvingfunctions */
export function createResolvingFunctions(
  run: Run,
  promise: PromiseObject,
): { resolve: BuiltinFunction; reject: BuiltinFunction } {
  let alreadyResolved = false;
  // https://tc39.es/ecma262/#sec-promise-resolve-functions
  const resolve = builtinClosure(
    run,
    (r, _this, args) => {
      if (alreadyResolved) return undefined;
      alreadyResolved = true;
      resolvePromise(r, promise, args[0]);
      return undefined;
    },
    1,
  );
  // https://tc39.es/ecma262/#sec-promise-reject-functions
  const reject = builtinClosure(
    run,
    (r, _this, args) => {
      if (alreadyResolved) return undefined;
      alreadyResolved = true;
      rejectPromise(r, promise, args[0]);
      return undefined;
    },
    1,
  );
  return { resolve, reject };
}

/**
 * Steps 7-16 of https://tc39.es/ecma262/#sec-promise-resolve-functions: what a resolve function
 * does once it is known not to have resolved already. The `then` of an object resolution is read
 * exactly once; a callable `then` is called in a later job (NewPromiseResolveThenableJob).
 */
export function resolvePromise(run: Run, promise: PromiseObject, resolution: Value): void {
  if (resolution === promise) {
    rejectPromise(run, promise, makeError(run, "TypeError", "Chaining cycle detected for promise"));
    return;
  }
  if (!(resolution instanceof JSObject)) {
    fulfillPromise(run, promise, resolution);
    return;
  }
  let then: Value;
  try {
    then = resolution.get(run, "then", resolution);
  } catch (e) {
    if (!(e instanceof ThrowSignal)) throw e;
    rejectPromise(run, promise, e.value);
    return;
  }
  if (!isCallable(then)) {
    fulfillPromise(run, promise, resolution);
    return;
  }
  enqueueJob(run, (r) => promiseResolveThenableJob(r, promise, resolution, then));
}

/** https://tc39.es/ecma262/#sec-newpromiseresolvethenablejob (the job's steps) */
function promiseResolveThenableJob(
  run: Run,
  promise: PromiseObject,
  thenable: JSObject,
  then: JSObject,
): void {
  const { resolve, reject } = createResolvingFunctions(run, promise);
  try {
    then.call(run, thenable, [resolve, reject]);
  } catch (e) {
    if (!(e instanceof ThrowSignal)) throw e;
    reject.call(run, undefined, [e.value]);
  }
}

/** https://tc39.es/ecma262/#sec-fulfillpromise */
export function fulfillPromise(run: Run, promise: PromiseObject, value: Value): void {
  if (promise.state !== "pending") return;
  const reactions = promise.fulfillReactions as PromiseReaction[];
  promise.result = value;
  promise.fulfillReactions = null;
  promise.rejectReactions = null;
  promise.state = "fulfilled";
  triggerPromiseReactions(run, reactions, value);
}

/** https://tc39.es/ecma262/#sec-rejectpromise */
export function rejectPromise(run: Run, promise: PromiseObject, reason: Value): void {
  if (promise.state !== "pending") return;
  const reactions = promise.rejectReactions as PromiseReaction[];
  promise.result = reason;
  promise.fulfillReactions = null;
  promise.rejectReactions = null;
  promise.state = "rejected";
  if (!promise.isHandled) trackRejection(run, promise, "reject");
  triggerPromiseReactions(run, reactions, reason);
}

/** https://tc39.es/ecma262/#sec-triggerpromisereactions */
function triggerPromiseReactions(run: Run, reactions: PromiseReaction[], argument: Value): void {
  for (const reaction of reactions) {
    enqueueJob(run, (r) => promiseReactionJob(r, reaction, argument));
  }
}

/** https://tc39.es/ecma262/#sec-newpromisereactionjob (the job's steps) */
function promiseReactionJob(run: Run, reaction: PromiseReaction, argument: Value): void {
  const { capability, type, handler } = reaction;
  let value: Value;
  let ok: boolean;
  if (handler === undefined) {
    value = argument;
    ok = type === "fulfill";
  } else {
    try {
      value =
        typeof handler === "function"
          ? handler(run, argument)
          : handler.call(run, undefined, [argument]);
      ok = true;
    } catch (e) {
      if (!(e instanceof ThrowSignal)) throw e;
      value = e.value;
      ok = false;
    }
  }
  if (capability === undefined) return;
  if (capability.internal) {
    const p = capability.promise as PromiseObject;
    if (ok) resolvePromise(run, p, value);
    else rejectPromise(run, p, value);
    return;
  }
  call(run, ok ? capability.resolve : capability.reject, undefined, [value]);
}

/**
 * A capability of %Promise% whose resolving functions are never handed to guest code (the
 * result of `then` when the species is %Promise%): the reaction job settles it directly.
 */
export function newInternalCapability(run: Run, c: BuiltinFunction): PromiseCapability {
  const promise = newPromise(run, c.realm.intrinsics.PromisePrototype as JSObject);
  return { promise, resolve: undefined, reject: undefined, internal: true };
}

/** https://tc39.es/ecma262/#sec-newpromisecapability */
export function newPromiseCapability(run: Run, c: Value): PromiseCapability {
  if (!isConstructor(c)) {
    return throwTypeError(
      run,
      `Promise capability constructor ${describe(c)} is not a constructor`,
    );
  }
  if (isIntrinsicPromise(c)) {
    // Construct(%Promise%, «executor») with NewTarget %Promise% runs no guest code and gives the
    // executor exactly these functions.
    const promise = newPromise(run, c.realm.intrinsics.PromisePrototype as JSObject);
    const { resolve, reject } = createResolvingFunctions(run, promise);
    return { promise, resolve, reject };
  }
  let resolve: Value;
  let reject: Value;
  // https://tc39.es/ecma262/#sec-getcapabilitiesexecutor-functions
  const executor = builtinClosure(
    run,
    (r, _this, args) => {
      if (resolve !== undefined) return throwTypeError(r, "Promise executor already called");
      if (reject !== undefined) return throwTypeError(r, "Promise executor already called");
      resolve = args[0];
      reject = args[1];
      return undefined;
    },
    2,
  );
  const promise = c.construct(run, [executor], c);
  if (!isCallable(resolve)) return throwTypeError(run, "Promise resolve function is not callable");
  if (!isCallable(reject)) return throwTypeError(run, "Promise reject function is not callable");
  return { promise, resolve, reject };
}

/** https://tc39.es/ecma262/#sec-promise-resolve */
export function promiseResolve(run: Run, c: JSObject, x: Value): JSObject {
  if (isPromise(x)) {
    const xConstructor = x.get(run, "constructor", x);
    if (sameValue(xConstructor, c)) return x;
  }
  if (isIntrinsicPromise(c)) {
    const promise = newPromise(run, c.realm.intrinsics.PromisePrototype as JSObject);
    resolvePromise(run, promise, x);
    return promise;
  }
  const capability = newPromiseCapability(run, c);
  call(run, capability.resolve, undefined, [x]);
  return capability.promise;
}

function toHandler(v: Value | ReactionHandler): ReactionHandler | undefined {
  if (typeof v === "function") return v;
  return isCallable(v) ? v : undefined;
}

/** https://tc39.es/ecma262/#sec-performpromisethen */
export function performPromiseThen(
  run: Run,
  promise: PromiseObject,
  onFulfilled: Value | ReactionHandler,
  onRejected: Value | ReactionHandler,
  resultCapability?: PromiseCapability,
): Value {
  run.alloc(BYTES_OBJECT);
  const fulfillReaction: PromiseReaction = {
    capability: resultCapability,
    type: "fulfill",
    handler: toHandler(onFulfilled),
  };
  const rejectReaction: PromiseReaction = {
    capability: resultCapability,
    type: "reject",
    handler: toHandler(onRejected),
  };
  switch (promise.state) {
    case "pending":
      (promise.fulfillReactions as PromiseReaction[]).push(fulfillReaction);
      (promise.rejectReactions as PromiseReaction[]).push(rejectReaction);
      break;
    case "fulfilled": {
      const value = promise.result;
      enqueueJob(run, (r) => promiseReactionJob(r, fulfillReaction, value));
      break;
    }
    case "rejected": {
      const reason = promise.result;
      if (!promise.isHandled) trackRejection(run, promise, "handle");
      enqueueJob(run, (r) => promiseReactionJob(r, rejectReaction, reason));
      break;
    }
  }
  promise.isHandled = true;
  return resultCapability === undefined ? undefined : resultCapability.promise;
}

/**
 * The core of Await (https://tc39.es/ecma262/#await) for host code: PromiseResolve(%Promise%,
 * value), then PerformPromiseThen with host continuations, which run in a later job under the
 * run that job is charged to. The continuations must not throw guest exceptions (they are
 * dropped, as the spec asserts a handler of a reaction without capability cannot fail).
 */
export function thenHost(
  run: Run,
  value: Value,
  onFulfilled: HostContinuation,
  onRejected: HostContinuation,
): void {
  const promise = promiseResolve(run, run.realm.intrinsics.Promise as JSObject, value);
  performPromiseThen(
    run,
    promise as PromiseObject,
    (r, v) => {
      onFulfilled(v, r);
      return undefined;
    },
    (r, e) => {
      onRejected(e, r);
      return undefined;
    },
  );
}
