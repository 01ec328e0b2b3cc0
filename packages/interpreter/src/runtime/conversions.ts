/**
 * Type conversion and comparison abstract operations
 * (https://tc39.es/ecma262/#sec-type-conversion, #sec-testing-and-comparison-operations).
 * Work on primitives may use host algorithms (they are pure); work on objects runs in
 * interpreter terms.
 */
import { JSObject } from "../values/object.js";
import type { Key, Value } from "../values/value.js";
import { getMethod } from "./object-ops.js";
import type { Run } from "./run.js";
import { throwRangeError, throwTypeError } from "./throw.js";
import { wrapPrimitive } from "./wrappers.js";

export function isObject(v: Value): v is JSObject {
  return v instanceof JSObject;
}

export function isCallable(v: Value): v is JSObject {
  return v instanceof JSObject && v.isCallable();
}

export function isConstructor(v: Value): v is JSObject {
  return v instanceof JSObject && v.isConstructor();
}

/** https://tc39.es/ecma262/#sec-toprimitive */
export function toPrimitive(
  run: Run,
  v: Value,
  hint: "default" | "number" | "string" = "default",
): Value {
  if (!(v instanceof JSObject)) return v;
  const exotic = getMethod(run, v, Symbol.toPrimitive);
  if (exotic !== undefined) {
    const r = exotic.call(run, v, [hint]);
    if (r instanceof JSObject) throwTypeError(run, "Cannot convert object to primitive value");
    return r;
  }
  return ordinaryToPrimitive(run, v, hint === "string" ? "string" : "number");
}

/** https://tc39.es/ecma262/#sec-ordinarytoprimitive */
export function ordinaryToPrimitive(run: Run, o: JSObject, hint: "string" | "number"): Value {
  const order = hint === "string" ? ["toString", "valueOf"] : ["valueOf", "toString"];
  for (const name of order) {
    const m = o.get(run, name, o);
    if (isCallable(m)) {
      const r = m.call(run, o, []);
      if (!(r instanceof JSObject)) return r;
    }
  }
  return throwTypeError(run, "Cannot convert object to primitive value");
}

export function toBoolean(v: Value): boolean {
  if (v instanceof JSObject) return true;
  return !!v;
}

/** https://tc39.es/ecma262/#sec-tonumeric */
export function toNumeric(run: Run, v: Value): number | bigint {
  const p = v instanceof JSObject ? toPrimitive(run, v, "number") : v;
  if (typeof p === "bigint") return p;
  return toNumber(run, p);
}

/** https://tc39.es/ecma262/#sec-tonumber */
export function toNumber(run: Run, v: Value): number {
  switch (typeof v) {
    case "number":
      return v;
    case "string":
      return Number(v);
    case "boolean":
      return v ? 1 : 0;
    case "undefined":
      return Number.NaN;
    case "bigint":
      return throwTypeError(run, "Cannot convert a BigInt value to a number");
    case "symbol":
      return throwTypeError(run, "Cannot convert a Symbol value to a number");
    default:
      if (v === null) return 0;
      return toNumber(run, toPrimitive(run, v, "number"));
  }
}

/** https://tc39.es/ecma262/#sec-tostring */
export function toString(run: Run, v: Value): string {
  switch (typeof v) {
    case "string":
      return v;
    case "number":
      return String(v);
    case "boolean":
      return v ? "true" : "false";
    case "undefined":
      return "undefined";
    case "bigint":
      return String(v);
    case "symbol":
      return throwTypeError(run, "Cannot convert a Symbol value to a string");
    default:
      if (v === null) return "null";
      return toString(run, toPrimitive(run, v, "string"));
  }
}

/** https://tc39.es/ecma262/#sec-topropertykey */
export function toPropertyKey(run: Run, v: Value): Key {
  if (typeof v === "string") return v;
  if (typeof v === "symbol") return v;
  if (typeof v === "number") return String(v);
  const p = toPrimitive(run, v, "string");
  return typeof p === "symbol" ? p : toString(run, p);
}

/** https://tc39.es/ecma262/#sec-toobject */
export function toObject(run: Run, v: Value): JSObject {
  if (v instanceof JSObject) return v;
  if (v === undefined || v === null) {
    return throwTypeError(run, `Cannot convert ${v} to object`);
  }
  return wrapPrimitive(run.realm, v);
}

/** https://tc39.es/ecma262/#sec-requireobjectcoercible */
export function requireObjectCoercible(run: Run, v: Value, what = "value"): Value {
  if (v === undefined || v === null) throwTypeError(run, `Cannot convert ${v} ${what} to object`);
  return v;
}

/** https://tc39.es/ecma262/#sec-tointegerorinfinity */
export function toIntegerOrInfinity(run: Run, v: Value): number {
  const n = typeof v === "number" ? v : toNumber(run, v);
  if (n !== n || n === 0) return 0;
  if (n === Infinity || n === -Infinity) return n;
  return Math.trunc(n) + 0;
}

/** https://tc39.es/ecma262/#sec-tolength */
export function toLength(run: Run, v: Value): number {
  const n = toIntegerOrInfinity(run, v);
  if (n <= 0) return 0;
  return Math.min(n, Number.MAX_SAFE_INTEGER);
}

/** https://tc39.es/ecma262/#sec-toindex */
export function toIndex(run: Run, v: Value): number {
  if (v === undefined) return 0;
  const i = toIntegerOrInfinity(run, v);
  if (i < 0 || i > Number.MAX_SAFE_INTEGER) throwRangeError(run, "Invalid index");
  return i;
}

export function toInt32(run: Run, v: Value): number {
  return (typeof v === "number" ? v : toNumber(run, v)) | 0;
}

export function toUint32(run: Run, v: Value): number {
  return (typeof v === "number" ? v : toNumber(run, v)) >>> 0;
}

/** https://tc39.es/ecma262/#sec-typeof-operator */
export function typeOf(v: Value): string {
  if (v === null) return "object";
  if (v instanceof JSObject) return v.isCallable() ? "function" : "object";
  return typeof v;
}

/** https://tc39.es/ecma262/#sec-samevalue */
export function sameValue(a: Value, b: Value): boolean {
  return Object.is(a, b);
}

/** https://tc39.es/ecma262/#sec-samevaluezero */
export function sameValueZero(a: Value, b: Value): boolean {
  return a === b || (a !== a && b !== b);
}

/** https://tc39.es/ecma262/#sec-islooselyequal */
export function looselyEqual(run: Run, x: Value, y: Value): boolean {
  for (;;) {
    const tx = typeof x;
    const ty = typeof y;
    if (x === null || x === undefined) return y === null || y === undefined;
    if (y === null || y === undefined) return false;
    const ox = x instanceof JSObject;
    const oy = y instanceof JSObject;
    if (ox && oy) return x === y;
    if (!ox && !oy) {
      if (tx === ty) return x === y;
      if (tx === "number" && ty === "string") return x === Number(y);
      if (tx === "string" && ty === "number") return Number(x) === y;
      if (tx === "bigint" && ty === "string") return bigintEqualsString(x as bigint, y as string);
      if (tx === "string" && ty === "bigint") return bigintEqualsString(y as bigint, x as string);
      if (tx === "boolean") {
        x = x ? 1 : 0;
        continue;
      }
      if (ty === "boolean") {
        y = y ? 1 : 0;
        continue;
      }
      if (tx === "bigint" && ty === "number") return bigintEqualsNumber(x as bigint, y as number);
      if (tx === "number" && ty === "bigint") return bigintEqualsNumber(y as bigint, x as number);
      return false;
    }
    if (ox) {
      if (ty === "symbol" || ty === "string" || ty === "number" || ty === "bigint") {
        x = toPrimitive(run, x);
        continue;
      }
      if (ty === "boolean") {
        y = y ? 1 : 0;
        continue;
      }
      return false;
    }
    if (tx === "symbol" || tx === "string" || tx === "number" || tx === "bigint") {
      y = toPrimitive(run, y);
      continue;
    }
    if (tx === "boolean") {
      x = x ? 1 : 0;
      continue;
    }
    return false;
  }
}

function bigintEqualsString(b: bigint, s: string): boolean {
  const n = stringToBigInt(s);
  return n !== undefined && n === b;
}

function bigintEqualsNumber(b: bigint, n: number): boolean {
  if (!Number.isFinite(n) || Math.trunc(n) !== n) return false;
  return BigInt(n) === b;
}

/** https://tc39.es/ecma262/#sec-stringtobigint; undefined where the spec returns undefined. */
export function stringToBigInt(s: string): bigint | undefined {
  const t = s.trim();
  if (t === "") return 0n;
  if (/^[+-]?(0[xob])/i.test(t) && /^[+-]/.test(t)) return undefined;
  if (/[eE.]|Infinity/.test(t) && !/^0x/i.test(t)) return undefined;
  try {
    return BigInt(t);
  } catch {
    return undefined;
  }
}

/** https://tc39.es/ecma262/#sec-isstrictlyequal */
export function strictlyEqual(x: Value, y: Value): boolean {
  return x === y;
}
