/**
 * The Error constructor and prototype (https://tc39.es/ecma262/#sec-error-objects), plus the
 * shared construction steps of the NativeError constructors (NativeErrors.ts).
 *
 * `Error.captureStackTrace(obj)` is provided for code written for V8: it defines a guest-only
 * `stack` string on obj from the run's guest frames. There is no `prepareStackTrace`: nothing
 * in the host's stack machinery is ever consulted or exposed.
 */
import {
  defineGlobal,
  defineMethods,
  type MethodRow,
  makeConstructor,
} from "../realm/bootstrap.js";
import type { Realm } from "../realm/realm.js";
import { toString } from "../runtime/conversions.js";
import { BYTES_OBJECT, charFuel, stringBytes } from "../runtime/costs.js";
import type { Frame } from "../runtime/frame.js";
import { definePropertyOrThrow, getPrototypeFromConstructor } from "../runtime/object-ops.js";
import type { Run } from "../runtime/run.js";
import type { NativeErrorName } from "../runtime/throw.js";
import { throwTypeError } from "../runtime/throw.js";
import {
  type CapturedFrame,
  captureStack,
  ErrorObject,
  formatFrames,
} from "../values/error-object.js";
import type { NativeImpl } from "../values/function.js";
import { JSObject } from "../values/object.js";
import { WC } from "../values/property.js";
import type { Value } from "../values/value.js";

/**
 * The steps shared by Error and the NativeError constructors
 * (https://tc39.es/ecma262/#sec-error-message, #sec-nativeerror): create the object from
 * NewTarget (or the constructor itself for a call), then `message` only when given, then `cause`.
 */
export function createErrorFromConstructor(
  run: Run,
  name: NativeErrorName,
  newTarget: JSObject,
  message: Value,
  options: Value,
): ErrorObject {
  const proto = getPrototypeFromConstructor(run, newTarget, `${name}Prototype`);
  run.alloc(BYTES_OBJECT);
  const o = new ErrorObject(run.realm.emptyShape, proto, captureStack(run));
  if (message !== undefined) {
    const msg = toString(run, message);
    o.defineData("message", msg, WC);
  }
  installErrorCause(run, o, options);
  return o;
}

/** https://tc39.es/ecma262/#sec-installerrorcause */
function installErrorCause(run: Run, o: JSObject, options: Value): void {
  if (options instanceof JSObject && options.hasProperty(run, "cause")) {
    const cause = options.get(run, "cause", options);
    o.defineData("cause", cause, WC);
  }
}

/** Creates a NativeError-style constructor and its prototype (name, message, constructor). */
export function makeErrorConstructor(
  realm: Realm,
  name: NativeErrorName,
  length: number,
  proto: JSObject,
  protoOfCtor: JSObject | undefined,
  construct: (run: Run, args: Value[], newTarget: JSObject) => JSObject,
): JSObject {
  let ctor: JSObject | undefined;
  const impl: NativeImpl = (run, _this, args, newTarget) =>
    construct(run, args, newTarget ?? (ctor as JSObject));
  ctor = makeConstructor(realm, name, impl, length, proto, protoOfCtor);
  proto.defineData("message", "", WC);
  proto.defineData("name", name, WC);
  realm.intrinsics[name] = ctor;
  realm.intrinsics[`${name}Prototype`] = proto;
  defineGlobal(realm, name, ctor);
  return ctor;
}

/** https://tc39.es/ecma262/#sec-error.prototype.tostring */
export function errorToString(run: Run, o: Value): string {
  if (!(o instanceof JSObject)) {
    return throwTypeError(run, "Error.prototype.toString called on non-object");
  }
  const nameV = o.get(run, "name", o);
  const name = nameV === undefined ? "Error" : toString(run, nameV);
  const msgV = o.get(run, "message", o);
  const msg = msgV === undefined ? "" : toString(run, msgV);
  if (name === "") return msg;
  if (msg === "") return name;
  const len = name.length + msg.length + 2;
  run.charge(charFuel(len));
  run.alloc(stringBytes(len));
  return `${name}: ${msg}`;
}

/** The guest frames of the run, leaving out everything up to the topmost call of `fn`. */
function framesBelow(run: Run, fn: Value): CapturedFrame[] {
  if (!(fn instanceof JSObject) || !fn.isCallable()) return captureStack(run);
  for (let f: Frame | null = run.frame; f !== null; f = f.caller) {
    if (f.fn === fn) {
      const out: CapturedFrame[] = [];
      for (let g = f.caller; g !== null && out.length < 32; g = g.caller) {
        out.push({ code: g.code, pos: g.pos });
      }
      return out;
    }
  }
  return [];
}

/** V8's Error.captureStackTrace(targetObject[, constructorOpt]), guest frames only. */
const captureStackTrace: NativeImpl = (run, _this, args) => {
  const target = args[0];
  if (!(target instanceof JSObject)) {
    return throwTypeError(run, "Error.captureStackTrace called on non-object");
  }
  const frames = framesBelow(run, args[1]);
  const head = errorToString(run, target);
  const trace = formatFrames(frames);
  run.charge(charFuel(trace.length));
  run.alloc(stringBytes(head.length + trace.length + 1));
  const stack = trace ? `${head}\n${trace}` : head;
  definePropertyOrThrow(run, target, "stack", {
    value: stack,
    writable: true,
    enumerable: false,
    configurable: true,
  });
  return undefined;
};

const prototypeMethods: MethodRow[] = [
  ["toString", (run, thisArg) => errorToString(run, thisArg), 0],
];

export function installError(realm: Realm): void {
  const proto = new JSObject(realm.emptyShape, realm.intrinsics.ObjectPrototype);
  const ctor = makeErrorConstructor(realm, "Error", 1, proto, undefined, (run, args, newTarget) =>
    createErrorFromConstructor(run, "Error", newTarget, args[0], args[1]),
  );
  defineMethods(realm, proto, prototypeMethods);
  defineMethods(realm, ctor, [["captureStackTrace", captureStackTrace, 2]]);
}
