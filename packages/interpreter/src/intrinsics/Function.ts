/**
 * The Function constructor (https://tc39.es/ecma262/#sec-function-constructor) and the wiring of
 * %Function.prototype% (created by create-realm; its methods are in FunctionPrototype.ts).
 *
 * Compiling source text at run time is the compiler's business: when the realm has
 * `hooks.createDynamicFunction` (installed by the sandbox when its policy allows code generation)
 * the constructor delegates to it; otherwise code generation is refused with a guest TypeError.
 */
import { defineGlobal, makeConstructor } from "../realm/bootstrap.js";
import type { Realm, RealmHooks } from "../realm/realm.js";
import type { Run } from "../runtime/run.js";
import { throwTypeError } from "../runtime/throw.js";
import type { NativeImpl } from "../values/function.js";
import type { JSObject } from "../values/object.js";
import type { Value } from "../values/value.js";
import { installFunctionPrototype } from "./FunctionPrototype.js";

export type DynamicFunctionKind = Parameters<NonNullable<RealmHooks["createDynamicFunction"]>>[1];

/**
 * https://tc39.es/ecma262/#sec-createdynamicfunction, delegated to the hook of `realm` (the
 * realm of the constructor being called). `newTarget` is already defaulted to the constructor.
 */
export function createDynamicFunction(
  run: Run,
  realm: Realm,
  kind: DynamicFunctionKind,
  args: Value[],
  newTarget: JSObject,
): JSObject {
  const hook = realm.hooks.createDynamicFunction;
  if (hook === undefined) {
    return throwTypeError(run, "Code generation from strings is disallowed by the sandbox policy");
  }
  return hook(run, kind, args, newTarget);
}

export function installFunction(realm: Realm): void {
  const proto = realm.intrinsics.FunctionPrototype;
  installFunctionPrototype(realm, proto);
  let ctor: JSObject | undefined;
  /** https://tc39.es/ecma262/#sec-function-p1-p2-pn-body */
  const impl: NativeImpl = (run, _this, args, newTarget) =>
    createDynamicFunction(run, realm, "normal", args, newTarget ?? (ctor as JSObject));
  ctor = makeConstructor(realm, "Function", impl, 1, proto);
  realm.intrinsics.Function = ctor;
  defineGlobal(realm, "Function", ctor);
}
