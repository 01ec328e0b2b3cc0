/**
 * The String constructor (https://tc39.es/ecma262/#sec-string-constructor), its static methods,
 * and the installer of String.prototype and %StringIteratorPrototype%.
 */

import {
  defineGlobal,
  defineMethods,
  type MethodRow,
  makeConstructor,
} from "../realm/bootstrap.js";
import type { Realm } from "../realm/realm.js";
import { toNumber, toObject, toString } from "../runtime/conversions.js";
import { BYTES_OBJECT } from "../runtime/costs.js";
import { getPrototypeFromConstructor, lengthOfArrayLike } from "../runtime/object-ops.js";
import type { Run } from "../runtime/run.js";
import { throwRangeError } from "../runtime/throw.js";
import { StringObject } from "../runtime/wrappers.js";
import type { JSObject } from "../values/object.js";
import { WC } from "../values/property.js";
import type { Value } from "../values/value.js";
import { installStringIteratorPrototype } from "./StringIteratorPrototype.js";
import { stringPrototypeMethods } from "./StringPrototype.js";
import { stringAnnexBMethods } from "./string-annex-b.js";
import { allocString, StringBuilder } from "./string-ops.js";
import { stringPatternMethods } from "./string-pattern-methods.js";

/** https://tc39.es/ecma262/#sec-string-constructor-string-value */
function StringConstructor(
  run: Run,
  _thisArg: Value,
  args: Value[],
  newTarget: JSObject | undefined,
): Value {
  let s: string;
  if (args.length === 0) s = "";
  else {
    const value = args[0];
    if (newTarget === undefined && typeof value === "symbol") return value.toString();
    s = toString(run, value);
  }
  if (newTarget === undefined) return s;
  const proto = getPrototypeFromConstructor(run, newTarget, "StringPrototype");
  run.alloc(BYTES_OBJECT);
  return new StringObject(run.realm.emptyShape, proto, s);
}

/** Host String.fromCharCode over at most this many code units per call. */
const CHUNK = 8192;

function fromCodeUnits(units: number[]): string {
  if (units.length <= CHUNK) return String.fromCharCode(...units);
  let s = "";
  for (let i = 0; i < units.length; i += CHUNK) {
    s += String.fromCharCode(...units.slice(i, i + CHUNK));
  }
  return s;
}

/** https://tc39.es/ecma262/#sec-string.fromcharcode */
function fromCharCode(run: Run, _thisArg: Value, args: Value[]): Value {
  allocString(run, args.length);
  run.charge(args.length);
  const units: number[] = [];
  for (const a of args) units.push(toNumber(run, a) & 0xffff);
  return fromCodeUnits(units);
}

/** https://tc39.es/ecma262/#sec-string.fromcodepoint */
function fromCodePoint(run: Run, _thisArg: Value, args: Value[]): Value {
  allocString(run, 2 * args.length);
  run.charge(args.length);
  const units: number[] = [];
  for (const a of args) {
    const cp = toNumber(run, a);
    if (!Number.isInteger(cp) || cp < 0 || cp > 0x10ffff) {
      throwRangeError(run, `Invalid code point ${toString(run, cp)}`);
    }
    if (cp < 0x10000) units.push(cp);
    else units.push(((cp - 0x10000) >> 10) + 0xd800, ((cp - 0x10000) & 0x3ff) + 0xdc00);
  }
  return fromCodeUnits(units);
}

/** https://tc39.es/ecma262/#sec-string.raw */
function raw(run: Run, _thisArg: Value, args: Value[]): Value {
  const substitutionCount = Math.max(args.length - 1, 0);
  const cooked = toObject(run, args[0]);
  const literals = toObject(run, cooked.get(run, "raw", cooked));
  const literalCount = lengthOfArrayLike(run, literals);
  if (literalCount <= 0) return "";
  const out = new StringBuilder(run);
  for (let nextIndex = 0; ; nextIndex++) {
    run.charge(1);
    out.append(toString(run, literals.get(run, String(nextIndex), literals)));
    if (nextIndex + 1 === literalCount) return out.build();
    if (nextIndex < substitutionCount) out.append(toString(run, args[nextIndex + 1]));
  }
}

const staticMethods: readonly MethodRow[] = [
  ["fromCharCode", fromCharCode, 1],
  ["fromCodePoint", fromCodePoint, 1],
  ["raw", raw, 1],
];

export function installString(realm: Realm): void {
  const i = realm.intrinsics;
  const proto = new StringObject(realm.emptyShape, i.ObjectPrototype, "");
  i.StringPrototype = proto;
  const ctor = makeConstructor(realm, "String", StringConstructor, 1, proto);
  i.String = ctor;
  defineMethods(realm, ctor, staticMethods);
  defineMethods(realm, proto, stringPrototypeMethods);
  defineMethods(realm, proto, stringPatternMethods);
  defineMethods(realm, proto, stringAnnexBMethods);
  proto.defineData("trimLeft", proto.storageGet("trimStart") as Value, WC);
  proto.defineData("trimRight", proto.storageGet("trimEnd") as Value, WC);
  installStringIteratorPrototype(realm);
  defineGlobal(realm, "String", ctor);
}
