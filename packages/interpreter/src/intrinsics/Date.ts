/**
 * The Date constructor (https://tc39.es/ecma262/#sec-date-constructor), Date.now / parse / UTC,
 * and the installer of Date.prototype. Time arithmetic is in date-math.ts, string parsing in
 * date-parse.ts.
 */

import {
  defineGlobal,
  defineMethods,
  type MethodRow,
  makeConstructor,
} from "../realm/bootstrap.js";
import type { Realm } from "../realm/realm.js";
import { toNumber, toPrimitive, toString } from "../runtime/conversions.js";
import { BYTES_OBJECT, charFuel } from "../runtime/costs.js";
import { getPrototypeFromConstructor } from "../runtime/object-ops.js";
import type { Run } from "../runtime/run.js";
import { DateObject } from "../values/date-object.js";
import { JSObject } from "../values/object.js";
import { CONFIGURABLE, WC } from "../values/property.js";
import type { Value } from "../values/value.js";
import { datePrototypeMethods, dateToPrimitive } from "./DatePrototype.js";
import {
  makeDate,
  makeDay,
  makeFullYear,
  makeTime,
  timeClip,
  toDateString,
  utc,
} from "./date-math.js";
import { parseDate } from "./date-parse.js";

/** The current time value. The host clock is the only source, read as a number. */
function now(): number {
  return Date.now();
}

function parse(run: Run, s: string): number {
  run.charge(charFuel(s.length));
  return parseDate(s);
}

/** Converts the constructor's / Date.UTC's (year, month[, date, ...]) arguments to a time value. */
function fieldsToTime(run: Run, args: Value[]): number {
  const y = toNumber(run, args[0]);
  const m = args.length > 1 ? toNumber(run, args[1]) : 0;
  const dt = args.length > 2 ? toNumber(run, args[2]) : 1;
  const h = args.length > 3 ? toNumber(run, args[3]) : 0;
  const min = args.length > 4 ? toNumber(run, args[4]) : 0;
  const s = args.length > 5 ? toNumber(run, args[5]) : 0;
  const milli = args.length > 6 ? toNumber(run, args[6]) : 0;
  const yr = makeFullYear(y);
  return makeDate(makeDay(yr, m, dt), makeTime(h, min, s, milli));
}

/** https://tc39.es/ecma262/#sec-date */
function DateConstructor(
  run: Run,
  _thisArg: Value,
  args: Value[],
  newTarget: JSObject | undefined,
): Value {
  if (newTarget === undefined) return toDateString(now());
  let dv: number;
  if (args.length === 0) dv = now();
  else if (args.length === 1) {
    const value = args[0];
    let tv: number;
    if (value instanceof DateObject) tv = value.time;
    else {
      const v = toPrimitive(run, value);
      tv = typeof v === "string" ? parse(run, v) : toNumber(run, v);
    }
    dv = timeClip(tv);
  } else {
    dv = timeClip(utc(fieldsToTime(run, args)));
  }
  const proto = getPrototypeFromConstructor(run, newTarget, "DatePrototype");
  run.alloc(BYTES_OBJECT);
  return new DateObject(run.realm.emptyShape, proto, dv);
}

const staticMethods: readonly MethodRow[] = [
  /** https://tc39.es/ecma262/#sec-date.now */
  ["now", () => now(), 0],
  /** https://tc39.es/ecma262/#sec-date.parse */
  ["parse", (run, _t, args) => timeClip(parse(run, toString(run, args[0]))), 1],
  /** https://tc39.es/ecma262/#sec-date.utc */
  ["UTC", (run, _t, args) => timeClip(fieldsToTime(run, args)), 7],
];

export function installDate(realm: Realm): void {
  const i = realm.intrinsics;
  // Date.prototype is an ordinary object, not a Date instance.
  const proto = new JSObject(realm.emptyShape, i.ObjectPrototype);
  i.DatePrototype = proto;
  const ctor = makeConstructor(realm, "Date", DateConstructor, 7, proto);
  i.Date = ctor;
  defineMethods(realm, ctor, staticMethods);
  defineMethods(realm, proto, datePrototypeMethods);
  // Annex B: toGMTString is the same function object as toUTCString.
  proto.defineData("toGMTString", proto.storageGet("toUTCString") as Value, WC);
  defineMethods(realm, proto, [[Symbol.toPrimitive, dateToPrimitive, 1]]);
  proto.defineData(Symbol.toPrimitive, proto.storageGet(Symbol.toPrimitive) as Value, CONFIGURABLE);
  defineGlobal(realm, "Date", ctor);
}
