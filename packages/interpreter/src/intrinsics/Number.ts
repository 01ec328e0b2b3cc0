/**
 * The Number constructor (https://tc39.es/ecma262/#sec-number-constructor), its constants and
 * static methods, and the installer of Number.prototype. Number.parseFloat / parseInt are the
 * global functions' objects, so installNumber runs after installGlobalFunctions.
 */

import {
  defineConstants,
  defineGlobal,
  defineMethods,
  type MethodRow,
  makeConstructor,
} from "../realm/bootstrap.js";
import type { Realm } from "../realm/realm.js";
import { toNumeric } from "../runtime/conversions.js";
import { BYTES_OBJECT } from "../runtime/costs.js";
import { getPrototypeFromConstructor } from "../runtime/object-ops.js";
import type { Run } from "../runtime/run.js";
import { PrimitiveObject } from "../runtime/wrappers.js";
import { ABSENT, type JSObject } from "../values/object.js";
import { WC } from "../values/property.js";
import type { Value } from "../values/value.js";
import { numberPrototypeMethods } from "./NumberPrototype.js";

/** https://tc39.es/ecma262/#sec-number-constructor-number-value */
function NumberConstructor(
  run: Run,
  _thisArg: Value,
  args: Value[],
  newTarget: JSObject | undefined,
): Value {
  let n = 0;
  if (args.length > 0) {
    const prim = toNumeric(run, args[0]);
    n = typeof prim === "bigint" ? Number(prim) : prim;
  }
  if (newTarget === undefined) return n;
  const proto = getPrototypeFromConstructor(run, newTarget, "NumberPrototype");
  run.alloc(BYTES_OBJECT);
  return new PrimitiveObject(run.realm.emptyShape, proto, n);
}

const staticMethods: readonly MethodRow[] = [
  /** https://tc39.es/ecma262/#sec-number.isfinite */
  ["isFinite", (_run, _t, args) => typeof args[0] === "number" && Number.isFinite(args[0]), 1],
  /** https://tc39.es/ecma262/#sec-number.isinteger */
  ["isInteger", (_run, _t, args) => typeof args[0] === "number" && Number.isInteger(args[0]), 1],
  /** https://tc39.es/ecma262/#sec-number.isnan */
  ["isNaN", (_run, _t, args) => typeof args[0] === "number" && Number.isNaN(args[0]), 1],
  /** https://tc39.es/ecma262/#sec-number.issafeinteger */
  [
    "isSafeInteger",
    (_run, _t, args) => typeof args[0] === "number" && Number.isSafeInteger(args[0]),
    1,
  ],
];

export function installNumber(realm: Realm): void {
  const i = realm.intrinsics;
  const proto = new PrimitiveObject(realm.emptyShape, i.ObjectPrototype, 0);
  i.NumberPrototype = proto;
  const ctor = makeConstructor(realm, "Number", NumberConstructor, 1, proto);
  i.Number = ctor;
  defineConstants(ctor, [
    ["EPSILON", Number.EPSILON],
    ["MAX_SAFE_INTEGER", Number.MAX_SAFE_INTEGER],
    ["MAX_VALUE", Number.MAX_VALUE],
    ["MIN_SAFE_INTEGER", Number.MIN_SAFE_INTEGER],
    ["MIN_VALUE", Number.MIN_VALUE],
    ["NaN", Number.NaN],
    ["NEGATIVE_INFINITY", Number.NEGATIVE_INFINITY],
    ["POSITIVE_INFINITY", Number.POSITIVE_INFINITY],
  ]);
  defineMethods(realm, ctor, staticMethods);
  // Number.parseFloat and Number.parseInt are the same function objects as the globals.
  for (const name of ["parseFloat", "parseInt"]) {
    const fn = realm.global.storageGet(name);
    if (fn !== ABSENT) ctor.defineData(name, fn as Value, WC);
  }
  defineMethods(realm, proto, numberPrototypeMethods);
  defineGlobal(realm, "Number", ctor);
}
