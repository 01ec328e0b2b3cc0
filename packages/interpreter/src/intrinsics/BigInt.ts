/**
 * The BigInt constructor (https://tc39.es/ecma262/#sec-bigint-constructor), BigInt.asIntN /
 * asUintN, the BigInt conversions other built-ins share (ToBigInt, NumberToBigInt) and the
 * installer of BigInt.prototype. Arithmetic on bigints is pure host work; conversions here are
 * charged in proportion to the digits they produce or read.
 */

import {
  defineGlobal,
  defineMethods,
  type MethodRow,
  makeConstructor,
} from "../realm/bootstrap.js";
import type { Realm } from "../realm/realm.js";
import { stringToBigInt, toIndex, toPrimitive } from "../runtime/conversions.js";
import { charFuel, stringBytes } from "../runtime/costs.js";
import { describe } from "../runtime/object-ops.js";
import type { Run } from "../runtime/run.js";
import { throwError, throwRangeError, throwTypeError } from "../runtime/throw.js";
import { JSObject } from "../values/object.js";
import { CONFIGURABLE } from "../values/property.js";
import type { Value } from "../values/value.js";
import { bigIntPrototypeMethods } from "./BigIntPrototype.js";

/** V8's BigInt::kMaxLengthBits: larger results throw a RangeError. */
const MAX_BIGINT_BITS = 2 ** 30;

/** Number of bits of |x| (0 for 0n); linear in the size of x. */
export function bitLength(x: bigint): number {
  if (x === 0n) return 0;
  const hex = (x < 0n ? -x : x).toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(Number.parseInt(hex[0] as string, 16)));
}

/** Fuel for converting a number of `digits` digits (base conversion is superlinear). */
function digitFuel(digits: number): number {
  return charFuel(digits) + Math.floor((digits * digits) / 1e6);
}

/** Number::toString for bigints with metering: https://tc39.es/ecma262/#sec-numeric-types-bigint-tostring */
export function bigintToString(run: Run, x: bigint, radix: number): string {
  const bits = bitLength(x);
  const digits = Math.ceil(bits / Math.log2(radix)) + 1;
  run.charge(digitFuel(digits));
  run.alloc(stringBytes(digits));
  return x.toString(radix);
}

/** https://tc39.es/ecma262/#sec-numbertobigint */
export function numberToBigInt(run: Run, n: number): bigint {
  if (!Number.isInteger(n)) {
    return throwRangeError(
      run,
      `The number ${n} cannot be converted to a BigInt because it is not an integer`,
    );
  }
  return BigInt(n);
}

/** https://tc39.es/ecma262/#sec-stringtobigint with metering; SyntaxError when it does not parse. */
function parseBigInt(run: Run, s: string): bigint {
  run.charge(digitFuel(s.length));
  const n = stringToBigInt(s);
  if (n === undefined) {
    return throwError(run, "SyntaxError", `Cannot convert ${describe(s)} to a BigInt`);
  }
  return n;
}

/** https://tc39.es/ecma262/#sec-tobigint */
export function toBigInt(run: Run, v: Value): bigint {
  const prim = toPrimitive(run, v, "number");
  switch (typeof prim) {
    case "bigint":
      return prim;
    case "boolean":
      return prim ? 1n : 0n;
    case "string":
      return parseBigInt(run, prim);
    case "undefined":
      return throwTypeError(run, "Cannot convert undefined to a BigInt");
    case "number":
      return throwTypeError(run, `Cannot convert ${prim} to a BigInt`);
    case "symbol":
      return throwTypeError(run, "Cannot convert a Symbol value to a BigInt");
    default:
      return throwTypeError(run, "Cannot convert null to a BigInt");
  }
}

/** https://tc39.es/ecma262/#sec-bigint-constructor-number-value */
function BigIntConstructor(
  run: Run,
  _thisArg: Value,
  args: Value[],
  newTarget: JSObject | undefined,
): Value {
  if (newTarget !== undefined) return throwTypeError(run, "BigInt is not a constructor");
  const prim = toPrimitive(run, args[0], "number");
  if (typeof prim === "number") return numberToBigInt(run, prim);
  return toBigInt(run, prim);
}

/** https://tc39.es/ecma262/#sec-bigint.asintn */
function asIntN(run: Run, _thisArg: Value, args: Value[]): Value {
  const bits = toIndex(run, args[0]);
  const bigint = toBigInt(run, args[1]);
  // The result is never larger than the argument: no allocation beyond it.
  run.charge(charFuel(Math.min(bits, bitLength(bigint)) >> 2));
  if (bits === 0) return 0n;
  return BigInt.asIntN(Math.min(bits, MAX_BIGINT_BITS), bigint);
}

/** https://tc39.es/ecma262/#sec-bigint.asuintn */
function asUintN(run: Run, _thisArg: Value, args: Value[]): Value {
  const bits = toIndex(run, args[0]);
  const bigint = toBigInt(run, args[1]);
  if (bigint >= 0n) {
    run.charge(charFuel(Math.min(bits, bitLength(bigint)) >> 2));
    return bits >= MAX_BIGINT_BITS ? bigint : BigInt.asUintN(bits, bigint);
  }
  // A negative argument becomes a number of `bits` bits.
  if (bits === 0) return 0n;
  run.charge(charFuel(bits >> 2));
  run.alloc(Math.ceil(bits / 8));
  if (bits > MAX_BIGINT_BITS) throwRangeError(run, "Maximum BigInt size exceeded");
  return BigInt.asUintN(bits, bigint);
}

const staticMethods: readonly MethodRow[] = [
  ["asIntN", asIntN, 2],
  ["asUintN", asUintN, 2],
];

export function installBigInt(realm: Realm): void {
  const i = realm.intrinsics;
  // An ordinary object, not a BigInt object (https://tc39.es/ecma262/#sec-properties-of-the-bigint-prototype-object).
  const prototype = new JSObject(realm.emptyShape, i.ObjectPrototype);
  i.BigIntPrototype = prototype;
  const ctor = makeConstructor(realm, "BigInt", BigIntConstructor, 1, prototype);
  i.BigInt = ctor;
  defineMethods(realm, ctor, staticMethods);
  defineMethods(realm, prototype, bigIntPrototypeMethods);
  prototype.defineData(Symbol.toStringTag, "BigInt", CONFIGURABLE);
  defineGlobal(realm, "BigInt", ctor);
}
