/**
 * Number.prototype methods (https://tc39.es/ecma262/#sec-properties-of-the-number-prototype-object).
 * Formatting is pure work on a number primitive and is done by the host once the arguments are
 * converted and range-checked in spec order.
 */

import type { MethodRow } from "../realm/bootstrap.js";
import { toIntegerOrInfinity } from "../runtime/conversions.js";
import type { Run } from "../runtime/run.js";
import { throwRangeError, throwTypeError } from "../runtime/throw.js";
import { PrimitiveObject } from "../runtime/wrappers.js";
import type { Value } from "../values/value.js";

/** https://tc39.es/ecma262/#sec-thisnumbervalue */
export function thisNumberValue(run: Run, v: Value, name: string): number {
  if (typeof v === "number") return v;
  if (v instanceof PrimitiveObject && typeof v.primitive === "number") return v.primitive;
  return throwTypeError(run, `Number.prototype.${name} requires that 'this' be a Number`);
}

/** https://tc39.es/ecma262/#sec-number.prototype.toexponential */
function toExponential(run: Run, thisArg: Value, args: Value[]): Value {
  const x = thisNumberValue(run, thisArg, "toExponential");
  const f = toIntegerOrInfinity(run, args[0]);
  if (!Number.isFinite(x)) return String(x);
  if (f < 0 || f > 100) throwRangeError(run, "toExponential() argument must be between 0 and 100");
  run.charge(1 + (f >> 4));
  return args[0] === undefined ? x.toExponential() : x.toExponential(f);
}

/** https://tc39.es/ecma262/#sec-number.prototype.tofixed */
function toFixed(run: Run, thisArg: Value, args: Value[]): Value {
  const x = thisNumberValue(run, thisArg, "toFixed");
  const f = toIntegerOrInfinity(run, args[0]);
  if (!Number.isFinite(f) || f < 0 || f > 100) {
    throwRangeError(run, "toFixed() digits argument must be between 0 and 100");
  }
  if (!Number.isFinite(x)) return String(x);
  run.charge(1 + (f >> 4));
  return x.toFixed(f);
}

/** https://tc39.es/ecma262/#sec-number.prototype.toprecision */
function toPrecision(run: Run, thisArg: Value, args: Value[]): Value {
  const x = thisNumberValue(run, thisArg, "toPrecision");
  if (args[0] === undefined) return String(x);
  const p = toIntegerOrInfinity(run, args[0]);
  if (!Number.isFinite(x)) return String(x);
  if (p < 1 || p > 100) throwRangeError(run, "toPrecision() argument must be between 1 and 100");
  run.charge(1 + (p >> 4));
  return x.toPrecision(p);
}

/** https://tc39.es/ecma262/#sec-number.prototype.tostring */
function toStringMethod(run: Run, thisArg: Value, args: Value[]): Value {
  const x = thisNumberValue(run, thisArg, "toString");
  const radix = args[0] === undefined ? 10 : toIntegerOrInfinity(run, args[0]);
  if (radix < 2 || radix > 36) throwRangeError(run, "toString() radix must be between 2 and 36");
  if (radix === 10) return String(x);
  run.charge(4);
  return x.toString(radix);
}

/**
 * https://tc39.es/ecma262/#sec-number.prototype.tolocalestring. The format is implementation-
 * defined; Cove formats like toString so guest output never depends on the host's locale.
 */
function toLocaleStringMethod(run: Run, thisArg: Value): Value {
  return String(thisNumberValue(run, thisArg, "toLocaleString"));
}

export const numberPrototypeMethods: readonly MethodRow[] = [
  ["toExponential", toExponential, 1],
  ["toFixed", toFixed, 1],
  ["toLocaleString", toLocaleStringMethod, 0],
  ["toPrecision", toPrecision, 1],
  ["toString", toStringMethod, 1],
  ["valueOf", (run, thisArg) => thisNumberValue(run, thisArg, "valueOf"), 0],
];
