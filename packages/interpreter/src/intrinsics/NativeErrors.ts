/**
 * The NativeError constructors (https://tc39.es/ecma262/#sec-native-error-types-used-in-this-standard)
 * and AggregateError (https://tc39.es/ecma262/#sec-aggregate-error-objects). Each constructor's
 * [[Prototype]] is %Error% and each prototype's [[Prototype]] is %Error.prototype%.
 */
import type { Realm } from "../realm/realm.js";
import { BYTES_ELEMENT } from "../runtime/costs.js";
import { DONE, getIterator, iteratorStepValue } from "../runtime/iteration.js";
import { createArray } from "../runtime/object-ops.js";
import type { Run } from "../runtime/run.js";
import type { NativeErrorName } from "../runtime/throw.js";
import { JSObject } from "../values/object.js";
import { WC } from "../values/property.js";
import type { Value } from "../values/value.js";
import { createErrorFromConstructor, makeErrorConstructor } from "./Error.js";

const NATIVE_ERRORS: readonly NativeErrorName[] = [
  "EvalError",
  "RangeError",
  "ReferenceError",
  "SyntaxError",
  "TypeError",
  "URIError",
];

/** https://tc39.es/ecma262/#sec-iterabletolist, charging each element as the list grows. */
function iterableToList(run: Run, items: Value): Value[] {
  const rec = getIterator(run, items);
  const out: Value[] = [];
  for (;;) {
    const v = iteratorStepValue(run, rec);
    if (v === DONE) return out;
    run.charge(1);
    run.alloc(BYTES_ELEMENT);
    out.push(v);
  }
}

export function installNativeErrors(realm: Realm): void {
  const errorCtor = realm.intrinsics.Error;
  const errorProto = realm.intrinsics.ErrorPrototype;
  for (const name of NATIVE_ERRORS) {
    const proto = new JSObject(realm.emptyShape, errorProto);
    // https://tc39.es/ecma262/#sec-nativeerror
    makeErrorConstructor(realm, name, 1, proto, errorCtor, (run, args, newTarget) =>
      createErrorFromConstructor(run, name, newTarget, args[0], args[1]),
    );
  }
  const proto = new JSObject(realm.emptyShape, errorProto);
  // https://tc39.es/ecma262/#sec-aggregate-error
  makeErrorConstructor(realm, "AggregateError", 2, proto, errorCtor, (run, args, newTarget) => {
    const o = createErrorFromConstructor(run, "AggregateError", newTarget, args[1], args[2]);
    const errors = iterableToList(run, args[0]);
    o.defineData("errors", createArray(run, errors), WC);
    return o;
  });
}
