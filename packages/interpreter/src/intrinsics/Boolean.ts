/**
 * The Boolean constructor and prototype (https://tc39.es/ecma262/#sec-boolean-objects).
 * %Boolean.prototype% is itself a Boolean object whose [[BooleanData]] is false.
 */
import {
  defineGlobal,
  defineMethods,
  type MethodRow,
  makeConstructor,
} from "../realm/bootstrap.js";
import type { Realm } from "../realm/realm.js";
import { toBoolean } from "../runtime/conversions.js";
import { BYTES_OBJECT } from "../runtime/costs.js";
import { getPrototypeFromConstructor } from "../runtime/object-ops.js";
import type { Run } from "../runtime/run.js";
import { throwTypeError } from "../runtime/throw.js";
import { PrimitiveObject } from "../runtime/wrappers.js";
import type { NativeImpl } from "../values/function.js";
import type { Value } from "../values/value.js";

/** https://tc39.es/ecma262/#sec-boolean-constructor-boolean-value */
const booleanImpl: NativeImpl = (run, _this, args, newTarget) => {
  const b = toBoolean(args[0]);
  if (newTarget === undefined) return b;
  const proto = getPrototypeFromConstructor(run, newTarget, "BooleanPrototype");
  run.alloc(BYTES_OBJECT);
  return new PrimitiveObject(run.realm.emptyShape, proto, b);
};

/** https://tc39.es/ecma262/#sec-thisbooleanvalue */
function thisBooleanValue(run: Run, v: Value, method: string): boolean {
  if (typeof v === "boolean") return v;
  if (v instanceof PrimitiveObject && typeof v.primitive === "boolean") return v.primitive;
  return throwTypeError(run, `${method} requires that 'this' be a Boolean`);
}

const methods: MethodRow[] = [
  // https://tc39.es/ecma262/#sec-boolean.prototype.tostring
  [
    "toString",
    (run, thisArg) =>
      thisBooleanValue(run, thisArg, "Boolean.prototype.toString") ? "true" : "false",
    0,
  ],
  // https://tc39.es/ecma262/#sec-boolean.prototype.valueof
  ["valueOf", (run, thisArg) => thisBooleanValue(run, thisArg, "Boolean.prototype.valueOf"), 0],
];

export function installBoolean(realm: Realm): void {
  const proto = new PrimitiveObject(realm.emptyShape, realm.intrinsics.ObjectPrototype, false);
  const ctor = makeConstructor(realm, "Boolean", booleanImpl, 1, proto);
  defineMethods(realm, proto, methods);
  realm.intrinsics.Boolean = ctor;
  realm.intrinsics.BooleanPrototype = proto;
  defineGlobal(realm, "Boolean", ctor);
}
