/**
 * BigInt.prototype methods (https://tc39.es/ecma262/#sec-properties-of-the-bigint-prototype-object).
 */

import type { MethodRow } from "../realm/bootstrap.js";
import { toIntegerOrInfinity } from "../runtime/conversions.js";
import type { Run } from "../runtime/run.js";
import { throwRangeError, throwTypeError } from "../runtime/throw.js";
import { PrimitiveObject } from "../runtime/wrappers.js";
import type { Value } from "../values/value.js";
import { bigintToString } from "./BigInt.js";

/** https://tc39.es/ecma262/#sec-thisbigintvalue */
export function thisBigIntValue(run: Run, v: Value, name: string): bigint {
  if (typeof v === "bigint") return v;
  if (v instanceof PrimitiveObject && typeof v.primitive === "bigint") return v.primitive;
  return throwTypeError(run, `BigInt.prototype.${name} requires that 'this' be a BigInt`);
}

/** https://tc39.es/ecma262/#sec-bigint.prototype.tostring */
function toStringMethod(run: Run, thisArg: Value, args: Value[]): Value {
  const x = thisBigIntValue(run, thisArg, "toString");
  const radix = args[0] === undefined ? 10 : toIntegerOrInfinity(run, args[0]);
  if (radix < 2 || radix > 36) throwRangeError(run, "toString() radix must be between 2 and 36");
  return bigintToString(run, x, radix);
}

/**
 * https://tc39.es/ecma262/#sec-bigint.prototype.tolocalestring: implementation-defined; Cove
 * formats like toString() so output never depends on the host's locale.
 */
function toLocaleStringMethod(run: Run, thisArg: Value): Value {
  return bigintToString(run, thisBigIntValue(run, thisArg, "toLocaleString"), 10);
}

export const bigIntPrototypeMethods: readonly MethodRow[] = [
  ["toLocaleString", toLocaleStringMethod, 0],
  ["toString", toStringMethod, 0],
  ["valueOf", (run, thisArg) => thisBigIntValue(run, thisArg, "valueOf"), 0],
];
