/**
 * The methods of %Promise.prototype% (https://tc39.es/ecma262/#sec-properties-of-the-promise-prototype-object).
 */
import type { MethodRow } from "../realm/bootstrap.js";
import { isCallable } from "../runtime/conversions.js";
import { describe, invoke, speciesConstructor } from "../runtime/object-ops.js";
import { ThrowSignal, throwTypeError } from "../runtime/throw.js";
import type { NativeImpl } from "../values/function.js";
import { JSObject } from "../values/object.js";
import {
  builtinClosure,
  isIntrinsicPromise,
  isPromise,
  newInternalCapability,
  newPromiseCapability,
  performPromiseThen,
  promiseResolve,
} from "./promise-ops.js";

/** https://tc39.es/ecma262/#sec-promise.prototype.then */
const then: NativeImpl = (run, thisArg, args) => {
  if (!isPromise(thisArg)) {
    return throwTypeError(run, `Promise.prototype.then called on ${describe(thisArg)}`);
  }
  const c = speciesConstructor(run, thisArg, run.realm.intrinsics.Promise as JSObject);
  const capability = isIntrinsicPromise(c)
    ? newInternalCapability(run, c)
    : newPromiseCapability(run, c);
  return performPromiseThen(run, thisArg, args[0], args[1], capability);
};

/** https://tc39.es/ecma262/#sec-promise.prototype.catch */
const catchMethod: NativeImpl = (run, thisArg, args) =>
  invoke(run, thisArg, "then", [undefined, args[0]]);

/** https://tc39.es/ecma262/#sec-promise.prototype.finally */
const finallyMethod: NativeImpl = (run, thisArg, args) => {
  const promise = thisArg;
  if (!(promise instanceof JSObject)) {
    return throwTypeError(run, `Promise.prototype.finally called on ${describe(promise)}`);
  }
  const c = speciesConstructor(run, promise, run.realm.intrinsics.Promise as JSObject);
  const onFinally = args[0];
  if (!isCallable(onFinally)) return invoke(run, promise, "then", [onFinally, onFinally]);
  const thenFinally = builtinClosure(
    run,
    (r, _this, a) => {
      const value = a[0];
      const result = onFinally.call(r, undefined, []);
      const p = promiseResolve(r, c, result);
      const valueThunk = builtinClosure(r, () => value, 0);
      return invoke(r, p, "then", [valueThunk]);
    },
    1,
  );
  const catchFinally = builtinClosure(
    run,
    (r, _this, a) => {
      const reason = a[0];
      const result = onFinally.call(r, undefined, []);
      const p = promiseResolve(r, c, result);
      const thrower = builtinClosure(
        r,
        () => {
          throw new ThrowSignal(reason);
        },
        0,
      );
      return invoke(r, p, "then", [thrower]);
    },
    1,
  );
  return invoke(run, promise, "then", [thenFinally, catchFinally]);
};

export const promisePrototypeMethods: readonly MethodRow[] = [
  ["catch", catchMethod, 1],
  ["finally", finallyMethod, 1],
  ["then", then, 2],
];
