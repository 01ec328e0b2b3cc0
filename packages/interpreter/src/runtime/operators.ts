/**
 * The operators of the language over guest values
 * (https://tc39.es/ecma262/#sec-applystringornumericbinaryoperator and friends). Compiled code
 * calls these on the slow path, after its inline number fast path.
 */
import { JSObject } from "../values/object.js";
import type { Value } from "../values/value.js";
import {
  looselyEqual,
  stringToBigInt,
  toNumeric,
  toPrimitive,
  toPropertyKey,
  toString,
} from "./conversions.js";
import { stringBytes } from "./costs.js";
import { instanceOf } from "./object-ops.js";
import type { Run } from "./run.js";
import { throwRangeError, throwTypeError } from "./throw.js";

/** Longest string the host engine can hold; longer results are a guest RangeError. */
export const MAX_STRING_LENGTH = 2 ** 29 - 24;

/** String concatenation, metered: charges the smaller operand (a rope's real cost). */
export function concat(run: Run, a: string, b: string): string {
  const n = a.length + b.length;
  if (n > MAX_STRING_LENGTH) throwRangeError(run, "Invalid string length");
  run.alloc(stringBytes(Math.min(a.length, b.length)));
  return a + b;
}

/** https://tc39.es/ecma262/#sec-addition-operator-plus */
export function add(run: Run, a: Value, b: Value): Value {
  if (typeof a === "number" && typeof b === "number") return a + b;
  if (typeof a === "string" && typeof b === "string") return concat(run, a, b);
  const pa = toPrimitive(run, a);
  const pb = toPrimitive(run, b);
  if (typeof pa === "string" || typeof pb === "string") {
    return concat(run, toString(run, pa), toString(run, pb));
  }
  const na = toNumeric(run, pa);
  const nb = toNumeric(run, pb);
  if (typeof na !== typeof nb) mixError(run);
  return (na as number) + (nb as number);
}

function mixError(run: Run): never {
  return throwTypeError(run, "Cannot mix BigInt and other types, use explicit conversions");
}

function bigintOp(run: Run, op: string, a: bigint, b: bigint): bigint {
  switch (op) {
    case "-":
      return a - b;
    case "*":
      run.charge(1 + ((bitLength(a) + bitLength(b)) >> 10));
      return a * b;
    case "/":
      if (b === 0n) throwRangeError(run, "Division by zero");
      return a / b;
    case "%":
      if (b === 0n) throwRangeError(run, "Division by zero");
      return a % b;
    case "**": {
      if (b < 0n) throwRangeError(run, "Exponent must be non-negative");
      const bits = bitLength(a) * Number(b > 1_000_000n ? 1_000_000n : b);
      if (bits > 1 << 24 && a !== 0n && a !== 1n && a !== -1n)
        throwRangeError(run, "Maximum BigInt size exceeded");
      run.charge(1 + (bits >> 10));
      run.alloc(bits >> 3);
      return a ** b;
    }
    case "<<":
      return shiftLeft(run, a, b);
    case ">>":
      return shiftLeft(run, a, -b);
    case ">>>":
      return throwTypeError(run, "BigInts have no unsigned right shift, use >> instead");
    case "&":
      return a & b;
    case "|":
      return a | b;
    case "^":
      return a ^ b;
    default:
      throw new Error(`internal: bigint operator ${op}`);
  }
}

function shiftLeft(run: Run, a: bigint, b: bigint): bigint {
  if (b > 0n) {
    if (b > 1n << 24n && a !== 0n) throwRangeError(run, "Maximum BigInt size exceeded");
    run.alloc(Number(b) >> 3);
    return a << b;
  }
  return a >> -b;
}

function bitLength(a: bigint): number {
  return (a < 0n ? -a : a).toString(16).length * 4;
}

/** Numeric binary operators other than `+` (https://tc39.es/ecma262/#sec-numeric-types). */
export function arith(run: Run, op: string, a: Value, b: Value): Value {
  const na = toNumeric(run, a);
  const nb = toNumeric(run, b);
  if (typeof na === "number" && typeof nb === "number") return numberOp(op, na, nb);
  if (typeof na !== typeof nb) mixError(run);
  return bigintOp(run, op, na as bigint, nb as bigint);
}

export function numberOp(op: string, a: number, b: number): number {
  switch (op) {
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "/":
      return a / b;
    case "%":
      return a % b;
    case "**":
      return a ** b;
    case "<<":
      return a << b;
    case ">>":
      return a >> b;
    case ">>>":
      return a >>> b;
    case "&":
      return a & b;
    case "|":
      return a | b;
    case "^":
      return a ^ b;
    default:
      throw new Error(`internal: number operator ${op}`);
  }
}

/**
 * https://tc39.es/ecma262/#sec-islessthan — returns true, false, or undefined (NaN involved).
 * `leftFirst` keeps the spec's ToPrimitive order for `>` and `<=`.
 */
export function lessThan(run: Run, x: Value, y: Value, leftFirst: boolean): boolean | undefined {
  let px: Value;
  let py: Value;
  if (leftFirst) {
    px = toPrimitive(run, x, "number");
    py = toPrimitive(run, y, "number");
  } else {
    py = toPrimitive(run, y, "number");
    px = toPrimitive(run, x, "number");
  }
  if (typeof px === "string" && typeof py === "string") return px < py;
  if (typeof px === "bigint" && typeof py === "string") {
    const ny = stringToBigInt(py);
    return ny === undefined ? undefined : px < ny;
  }
  if (typeof px === "string" && typeof py === "bigint") {
    const nx = stringToBigInt(px);
    return nx === undefined ? undefined : nx < py;
  }
  const nx = toNumeric(run, px);
  const ny = toNumeric(run, py);
  if (typeof nx === typeof ny) {
    if (nx !== nx || ny !== ny) return undefined;
    return nx < ny;
  }
  if (typeof nx === "number" && Number.isNaN(nx)) return undefined;
  if (typeof ny === "number" && Number.isNaN(ny)) return undefined;
  if (nx === Infinity || ny === -Infinity) return false;
  if (nx === -Infinity || ny === Infinity) return true;
  if (typeof nx === "bigint") {
    const y = ny as number;
    return Number.isInteger(y) ? nx < BigInt(y) : nx <= BigInt(Math.floor(y));
  }
  return BigInt(Math.floor(nx)) < (ny as bigint);
}

/** `in` (https://tc39.es/ecma262/#sec-relational-operators-runtime-semantics-evaluation). */
export function hasIn(run: Run, key: Value, target: Value): boolean {
  if (!(target instanceof JSObject)) {
    return throwTypeError(run, "Cannot use 'in' operator to search for a key in a non-object");
  }
  return target.hasProperty(run, toPropertyKey(run, key));
}

export function instanceofOp(run: Run, v: Value, target: Value): boolean {
  return instanceOf(run, v, target);
}

/** Unary minus / bitwise not on a numeric. */
export function negate(run: Run, v: Value): Value {
  const n = toNumeric(run, v);
  return typeof n === "bigint" ? -n : -n;
}

export function bitNot(run: Run, v: Value): Value {
  const n = toNumeric(run, v);
  return typeof n === "bigint" ? ~n : ~n;
}

export function increment(run: Run, v: Value, delta: 1 | -1): Value {
  const n = toNumeric(run, v);
  if (typeof n === "bigint") return delta === 1 ? n + 1n : n - 1n;
  return n + delta;
}

/** Any binary operator by name (used by resumable code; compiled sync code inlines fast paths). */
export function evalBinary(run: Run, op: string, x: Value, y: Value): Value {
  switch (op) {
    case "+":
      return add(run, x, y);
    case "==":
      return x === y || looselyEqual(run, x, y);
    case "!=":
      return !(x === y || looselyEqual(run, x, y));
    case "===":
      return x === y;
    case "!==":
      return x !== y;
    case "<":
      return lessThan(run, x, y, true) === true;
    case ">":
      return lessThan(run, y, x, false) === true;
    case "<=":
      return lessThan(run, y, x, false) === false;
    case ">=":
      return lessThan(run, x, y, true) === false;
    case "in":
      return hasIn(run, x, y);
    case "instanceof":
      return instanceofOp(run, x, y);
    default:
      return arith(run, op, x, y);
  }
}
