/**
 * Guest exceptions inside the interpreter. A guest `throw` is a host exception of class
 * ThrowSignal carrying the guest value; guest try/catch catches only ThrowSignal, so host errors
 * (budget exhaustion, aborts) pass through guest handlers untouched.
 */
import { captureStack, ErrorObject } from "../values/error-object.js";
import type { JSObject } from "../values/object.js";
import { WC } from "../values/property.js";
import type { Value } from "../values/value.js";
import type { Run } from "./run.js";

export class ThrowSignal {
  constructor(readonly value: Value) {}
}

export type NativeErrorName =
  | "Error"
  | "TypeError"
  | "RangeError"
  | "ReferenceError"
  | "SyntaxError"
  | "EvalError"
  | "URIError"
  | "AggregateError";

/** Creates a guest error of the run's realm, with the guest stack at this point. */
export function makeError(run: Run, name: NativeErrorName, message: string): JSObject {
  const proto = run.realm.intrinsics[`${name}Prototype`] ?? null;
  const e = new ErrorObject(run.realm.emptyShape, proto, captureStack(run));
  e.defineData("message", message, WC);
  return e;
}

export function throwError(run: Run, name: NativeErrorName, message: string): never {
  throw new ThrowSignal(makeError(run, name, message));
}

export function throwTypeError(run: Run, message: string): never {
  throw new ThrowSignal(makeError(run, "TypeError", message));
}

export function throwRangeError(run: Run, message: string): never {
  throw new ThrowSignal(makeError(run, "RangeError", message));
}

export function throwReferenceError(run: Run, message: string): never {
  throw new ThrowSignal(makeError(run, "ReferenceError", message));
}

export function throwSyntaxError(run: Run, message: string): never {
  throw new ThrowSignal(makeError(run, "SyntaxError", message));
}

/**
 * The guest exception `e` stands for, or undefined for host errors guest code must not see
 * (budgets, aborts). A host stack overflow inside guest code is the guest's RangeError, as in any
 * engine: guest `catch` and `finally` handle it where it happens.
 */
export function asGuestThrow(run: Run, e: unknown): ThrowSignal | undefined {
  if (e instanceof ThrowSignal) return e;
  if (e instanceof RangeError && e.message.includes("call stack")) {
    return new ThrowSignal(makeError(run, "RangeError", "Maximum call stack size exceeded"));
  }
  return undefined;
}
