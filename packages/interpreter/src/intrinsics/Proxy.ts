/**
 * The Proxy constructor (https://tc39.es/ecma262/#sec-proxy-objects). The exotic object itself
 * is values/proxy.ts.
 */
import { defineGlobal, defineMethods, makeConstructor, makeFunction } from "../realm/bootstrap.js";
import type { Realm } from "../realm/realm.js";
import { BYTES_FUNCTION, BYTES_OBJECT } from "../runtime/costs.js";
import { createDataPropertyOrThrow, createObject } from "../runtime/object-ops.js";
import type { Run } from "../runtime/run.js";
import { throwTypeError } from "../runtime/throw.js";
import type { NativeImpl } from "../values/function.js";
import { JSObject } from "../values/object.js";
import { ProxyObject } from "../values/proxy.js";
import type { Value } from "../values/value.js";

/** https://tc39.es/ecma262/#sec-proxycreate */
export function proxyCreate(run: Run, target: Value, handler: Value): ProxyObject {
  if (!(target instanceof JSObject)) {
    return throwTypeError(run, "Cannot create proxy with a non-object as target or handler");
  }
  if (!(handler instanceof JSObject)) {
    return throwTypeError(run, "Cannot create proxy with a non-object as target or handler");
  }
  run.alloc(BYTES_OBJECT);
  return new ProxyObject(run.realm.emptyShape, target, handler);
}

/** https://tc39.es/ecma262/#sec-proxy-target-handler */
const proxy: NativeImpl = (run, _this, args, newTarget) => {
  if (newTarget === undefined) return throwTypeError(run, "Constructor Proxy requires 'new'");
  return proxyCreate(run, args[0], args[1]);
};

/** https://tc39.es/ecma262/#sec-proxy.revocable */
const revocable: NativeImpl = (run, _this, args) => {
  const p = proxyCreate(run, args[0], args[1]);
  run.alloc(BYTES_FUNCTION);
  let revocableProxy: ProxyObject | null = p;
  // https://tc39.es/ecma262/#sec-proxy-revocation-functions
  const revoke = makeFunction(
    run.realm,
    () => {
      if (revocableProxy === null) return undefined;
      revocableProxy.revoke();
      revocableProxy = null;
      return undefined;
    },
    "",
    0,
  );
  const result = createObject(run);
  createDataPropertyOrThrow(run, result, "proxy", p);
  createDataPropertyOrThrow(run, result, "revoke", revoke);
  return result;
};

export function installProxy(realm: Realm): void {
  const ctor = makeConstructor(realm, "Proxy", proxy, 2, undefined);
  defineMethods(realm, ctor, [["revocable", revocable, 2]]);
  realm.intrinsics.Proxy = ctor;
  defineGlobal(realm, "Proxy", ctor);
}
