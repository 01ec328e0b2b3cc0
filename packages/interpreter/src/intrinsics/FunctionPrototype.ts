/**
 * Properties of the Function prototype object
 * (https://tc39.es/ecma262/#sec-properties-of-the-function-prototype-object).
 */
import { defineMethods, type MethodRow, makeFunction } from "../realm/bootstrap.js";
import type { Realm } from "../realm/realm.js";
import { isCallable, toIntegerOrInfinity } from "../runtime/conversions.js";
import { BYTES_ELEMENT, BYTES_FUNCTION, stringBytes } from "../runtime/costs.js";
import { createListFromArrayLike, ordinaryHasInstance } from "../runtime/object-ops.js";
import { throwTypeError } from "../runtime/throw.js";
import { BoundFunction, type NativeImpl } from "../values/function.js";
import type { JSObject } from "../values/object.js";
import { CONFIGURABLE } from "../values/property.js";
import { getFunctionRealm } from "../values/proxy.js";

/** https://tc39.es/ecma262/#sec-function.prototype.apply */
const apply: NativeImpl = (run, thisArg, args) => {
  if (!isCallable(thisArg))
    return throwTypeError(run, "Function.prototype.apply was called on a non-function");
  const argArray = args[1];
  if (argArray === undefined || argArray === null) return thisArg.call(run, args[0], []);
  return thisArg.call(run, args[0], createListFromArrayLike(run, argArray));
};

/** https://tc39.es/ecma262/#sec-function.prototype.bind */
const bind: NativeImpl = (run, thisArg, args) => {
  const target = thisArg;
  if (!isCallable(target)) return throwTypeError(run, "Bind must be called on a function");
  const boundArgs = args.slice(1);
  run.alloc(BYTES_FUNCTION + boundArgs.length * BYTES_ELEMENT);
  // https://tc39.es/ecma262/#sec-boundfunctioncreate
  const proto = target.getPrototypeOf(run);
  // A bound function has no [[Realm]]: GetFunctionRealm looks through it to its target.
  const f = new BoundFunction(getFunctionRealm(run, target), target, args[0], boundArgs, proto);
  let length = 0;
  if (target.getOwnProperty(run, "length") !== undefined) {
    const targetLen = target.get(run, "length", target);
    if (typeof targetLen === "number") {
      if (targetLen === Infinity) length = Infinity;
      else if (targetLen !== -Infinity) {
        length = Math.max(toIntegerOrInfinity(run, targetLen) - boundArgs.length, 0);
      }
    }
  }
  f.defineData("length", length, CONFIGURABLE);
  const targetName = target.get(run, "name", target);
  const name = typeof targetName === "string" ? targetName : "";
  run.alloc(stringBytes(name.length + 6));
  f.defineData("name", `bound ${name}`, CONFIGURABLE);
  return f;
};

/** https://tc39.es/ecma262/#sec-function.prototype.call */
const call: NativeImpl = (run, thisArg, args) => {
  if (!isCallable(thisArg))
    return throwTypeError(run, "Function.prototype.call was called on a non-function");
  return thisArg.call(run, args[0], args.slice(1));
};

/** A name usable in NativeFunction syntax (a PropertyName, optionally after get/set). */
const NATIVE_NAME =
  /^(?:(?:get|set) )?(?:[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*|\[[^\]\n]*\])$/u;

/** https://tc39.es/ecma262/#sec-function.prototype.tostring */
const toString: NativeImpl = (run, thisArg) => {
  if (!isCallable(thisArg)) {
    return throwTypeError(run, "Function.prototype.toString requires that 'this' be a Function");
  }
  const source = (thisArg as { sourceText?: string }).sourceText;
  if (typeof source === "string") return source;
  if (thisArg instanceof BoundFunction) return "function () { [native code] }";
  const name = thisArg.storageAttrs("name") >= 0 ? thisArg.storageGet("name") : undefined;
  const shown = typeof name === "string" && NATIVE_NAME.test(name) ? name : "";
  run.alloc(2 * shown.length + 64);
  return `function ${shown}() { [native code] }`;
};

/** https://tc39.es/ecma262/#sec-function.prototype-@@hasinstance */
const hasInstance: NativeImpl = (run, thisArg, args) => ordinaryHasInstance(run, thisArg, args[0]);

const methods: MethodRow[] = [
  ["apply", apply, 2],
  ["bind", bind, 1],
  ["call", call, 1],
  ["toString", toString, 0],
];

export function installFunctionPrototype(realm: Realm, proto: JSObject): void {
  defineMethods(realm, proto, methods);
  proto.defineData(Symbol.hasInstance, makeFunction(realm, hasInstance, Symbol.hasInstance, 1), 0);
  // https://tc39.es/ecma262/#sec-addrestrictedfunctionproperties
  const thrower = realm.intrinsics.ThrowTypeError;
  proto.defineAccessor("caller", thrower, thrower, CONFIGURABLE);
  proto.defineAccessor("arguments", thrower, thrower, CONFIGURABLE);
}
