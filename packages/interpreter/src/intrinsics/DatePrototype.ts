/**
 * Date.prototype methods (https://tc39.es/ecma262/#sec-properties-of-the-date-prototype-object),
 * Annex B getYear / setYear included. Setters read [[DateValue]] first, then convert their
 * arguments in order, then compute from the value read (so a valueOf that changes the date does
 * not affect the result), as the spec's steps do.
 */

import type { MethodRow } from "../realm/bootstrap.js";
import { ordinaryToPrimitive, toNumber, toObject, toPrimitive } from "../runtime/conversions.js";
import { invoke } from "../runtime/object-ops.js";
import type { Run } from "../runtime/run.js";
import { throwRangeError, throwTypeError } from "../runtime/throw.js";
import { DateObject } from "../values/date-object.js";
import { JSObject } from "../values/object.js";
import type { Value } from "../values/value.js";
import {
  dateFromTime,
  dateString,
  day,
  hourFromTime,
  isoString,
  localTime,
  makeDate,
  makeDay,
  makeFullYear,
  makeTime,
  minFromTime,
  monthFromTime,
  msFromTime,
  msPerMinute,
  secFromTime,
  timeClip,
  timeString,
  timeWithinDay,
  timeZoneString,
  toDateString,
  utc,
  utcString,
  weekDay,
  yearFromTime,
} from "./date-math.js";

/** RequireInternalSlot(this, [[DateValue]]). */
function thisDate(run: Run, v: Value, name: string): DateObject {
  if (v instanceof DateObject) return v;
  return throwTypeError(run, `Date.prototype.${name} called on an object that is not a Date`);
}

/** https://tc39.es/ecma262/#sec-thistimevalue */
function thisTimeValue(run: Run, v: Value, name: string): number {
  return thisDate(run, v, name).time;
}

type Field = (t: number) => number;

/** A getter reading a field of the local (or UTC) time. */
function getter(name: string, local: boolean, field: Field): MethodRow {
  return [
    name,
    (run, thisArg) => {
      const t = thisTimeValue(run, thisArg, name);
      if (Number.isNaN(t)) return Number.NaN;
      return field(local ? localTime(t) : t);
    },
    0,
  ];
}

/** Converts the optional argument `i` (present when `i < args.length`). */
function optional(run: Run, args: Value[], i: number): number | undefined {
  return i < args.length ? toNumber(run, args[i]) : undefined;
}

/** Stores a new time value: TimeClip(local ? UTC(date) : date). */
function store(d: DateObject, date: number, local: boolean): number {
  const u = timeClip(local ? utc(date) : date);
  d.time = u;
  return u;
}

/**
 * setMilliseconds / setSeconds / setMinutes / setHours and their UTC forms: `first` is the
 * index of the first field the method sets (0 hours … 3 milliseconds).
 * https://tc39.es/ecma262/#sec-date.prototype.sethours and siblings.
 */
function timeSetter(name: string, local: boolean, first: number): MethodRow {
  const count = 4 - first;
  return [
    name,
    (run, thisArg, args) => {
      const d = thisDate(run, thisArg, name);
      let t = d.time;
      const given: (number | undefined)[] = [toNumber(run, args[0])];
      for (let i = 1; i < count; i++) given.push(optional(run, args, i));
      if (Number.isNaN(t)) return Number.NaN;
      if (local) t = localTime(t);
      const fields = [hourFromTime(t), minFromTime(t), secFromTime(t), msFromTime(t)];
      for (let i = 0; i < count; i++) {
        const g = given[i];
        if (g !== undefined) fields[first + i] = g;
      }
      const [h, m, s, ms] = fields as [number, number, number, number];
      return store(d, makeDate(day(t), makeTime(h, m, s, ms)), local);
    },
    count,
  ];
}

/** https://tc39.es/ecma262/#sec-date.prototype.setdate */
function dateSetter(name: string, local: boolean): MethodRow {
  return [
    name,
    (run, thisArg, args) => {
      const d = thisDate(run, thisArg, name);
      let t = d.time;
      const dt = toNumber(run, args[0]);
      if (Number.isNaN(t)) return Number.NaN;
      if (local) t = localTime(t);
      const newDate = makeDate(makeDay(yearFromTime(t), monthFromTime(t), dt), timeWithinDay(t));
      return store(d, newDate, local);
    },
    1,
  ];
}

/** https://tc39.es/ecma262/#sec-date.prototype.setmonth */
function monthSetter(name: string, local: boolean): MethodRow {
  return [
    name,
    (run, thisArg, args) => {
      const d = thisDate(run, thisArg, name);
      let t = d.time;
      const m = toNumber(run, args[0]);
      const date = optional(run, args, 1);
      if (Number.isNaN(t)) return Number.NaN;
      if (local) t = localTime(t);
      const dt = date ?? dateFromTime(t);
      const newDate = makeDate(makeDay(yearFromTime(t), m, dt), timeWithinDay(t));
      return store(d, newDate, local);
    },
    2,
  ];
}

/** https://tc39.es/ecma262/#sec-date.prototype.setfullyear */
function fullYearSetter(name: string, local: boolean): MethodRow {
  return [
    name,
    (run, thisArg, args) => {
      const d = thisDate(run, thisArg, name);
      let t = d.time;
      const y = toNumber(run, args[0]);
      if (Number.isNaN(t)) t = 0;
      else if (local) t = localTime(t);
      const m = optional(run, args, 1) ?? monthFromTime(t);
      const dt = optional(run, args, 2) ?? dateFromTime(t);
      const newDate = makeDate(makeDay(y, m, dt), timeWithinDay(t));
      return store(d, newDate, local);
    },
    3,
  ];
}

/** https://tc39.es/ecma262/#sec-date.prototype.setyear (Annex B) */
function setYear(run: Run, thisArg: Value, args: Value[]): Value {
  const d = thisDate(run, thisArg, "setYear");
  let t = d.time;
  const y = toNumber(run, args[0]);
  t = Number.isNaN(t) ? 0 : localTime(t);
  const yyyy = makeFullYear(y);
  const dayNumber = makeDay(yyyy, monthFromTime(t), dateFromTime(t));
  return store(d, makeDate(dayNumber, timeWithinDay(t)), true);
}

/** https://tc39.es/ecma262/#sec-date.prototype.settime */
function setTime(run: Run, thisArg: Value, args: Value[]): Value {
  const d = thisDate(run, thisArg, "setTime");
  const t = toNumber(run, args[0]);
  d.time = timeClip(t);
  return d.time;
}

/** A string conversion that gives "Invalid Date" for NaN. */
function formatter(name: string, format: (tv: number) => string): MethodRow {
  return [
    name,
    (run, thisArg) => {
      const tv = thisTimeValue(run, thisArg, name);
      run.charge(2);
      return Number.isNaN(tv) ? "Invalid Date" : format(tv);
    },
    0,
  ];
}

/** https://tc39.es/ecma262/#sec-date.prototype.toisostring */
function toISOString(run: Run, thisArg: Value): Value {
  const tv = thisTimeValue(run, thisArg, "toISOString");
  if (!Number.isFinite(tv)) throwRangeError(run, "Invalid time value");
  return isoString(tv);
}

/** https://tc39.es/ecma262/#sec-date.prototype.tojson */
function toJSON(run: Run, thisArg: Value): Value {
  const o = toObject(run, thisArg);
  const tv = toPrimitive(run, o, "number");
  if (typeof tv === "number" && !Number.isFinite(tv)) return null;
  return invoke(run, o, "toISOString", []);
}

/** https://tc39.es/ecma262/#sec-date.prototype-@@toprimitive */
export function dateToPrimitive(run: Run, thisArg: Value, args: Value[]): Value {
  if (!(thisArg instanceof JSObject)) {
    return throwTypeError(run, "Date.prototype[Symbol.toPrimitive] called on non-object");
  }
  const hint = args[0];
  if (hint === "string" || hint === "default") return ordinaryToPrimitive(run, thisArg, "string");
  if (hint === "number") return ordinaryToPrimitive(run, thisArg, "number");
  return throwTypeError(run, "Invalid hint");
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Locale formats (implementation-defined): fixed en-US forms, independent of the host locale. */
function localeDate(tv: number): string {
  const t = localTime(tv);
  return `${monthFromTime(t) + 1}/${dateFromTime(t)}/${yearFromTime(t)}`;
}

function localeTime(tv: number): string {
  const t = localTime(tv);
  const h = hourFromTime(t);
  return `${h % 12 === 0 ? 12 : h % 12}:${pad2(minFromTime(t))}:${pad2(secFromTime(t))} ${h < 12 ? "AM" : "PM"}`;
}

const thisTime = (name: string): MethodRow => [name, (run, t) => thisTimeValue(run, t, name), 0];

export const datePrototypeMethods: readonly MethodRow[] = [
  getter("getDate", true, dateFromTime),
  getter("getDay", true, weekDay),
  getter("getFullYear", true, yearFromTime),
  getter("getHours", true, hourFromTime),
  getter("getMilliseconds", true, msFromTime),
  getter("getMinutes", true, minFromTime),
  getter("getMonth", true, monthFromTime),
  getter("getSeconds", true, secFromTime),
  thisTime("getTime"),
  [
    "getTimezoneOffset",
    (run, thisArg) => {
      const t = thisTimeValue(run, thisArg, "getTimezoneOffset");
      if (Number.isNaN(t)) return Number.NaN;
      return (t - localTime(t)) / msPerMinute;
    },
    0,
  ],
  getter("getUTCDate", false, dateFromTime),
  getter("getUTCDay", false, weekDay),
  getter("getUTCFullYear", false, yearFromTime),
  getter("getUTCHours", false, hourFromTime),
  getter("getUTCMilliseconds", false, msFromTime),
  getter("getUTCMinutes", false, minFromTime),
  getter("getUTCMonth", false, monthFromTime),
  getter("getUTCSeconds", false, secFromTime),
  getter("getYear", true, (t) => yearFromTime(t) - 1900),
  dateSetter("setDate", true),
  fullYearSetter("setFullYear", true),
  timeSetter("setHours", true, 0),
  timeSetter("setMilliseconds", true, 3),
  timeSetter("setMinutes", true, 1),
  monthSetter("setMonth", true),
  timeSetter("setSeconds", true, 2),
  ["setTime", setTime, 1],
  dateSetter("setUTCDate", false),
  fullYearSetter("setUTCFullYear", false),
  timeSetter("setUTCHours", false, 0),
  timeSetter("setUTCMilliseconds", false, 3),
  timeSetter("setUTCMinutes", false, 1),
  monthSetter("setUTCMonth", false),
  timeSetter("setUTCSeconds", false, 2),
  ["setYear", setYear, 1],
  formatter("toDateString", (tv) => dateString(localTime(tv))),
  ["toISOString", toISOString, 0],
  ["toJSON", toJSON, 1],
  formatter("toLocaleDateString", localeDate),
  formatter("toLocaleString", (tv) => `${localeDate(tv)}, ${localeTime(tv)}`),
  formatter("toLocaleTimeString", localeTime),
  formatter("toString", toDateString),
  formatter("toTimeString", (tv) => timeString(localTime(tv)) + timeZoneString(tv)),
  formatter("toUTCString", utcString),
  thisTime("valueOf"),
];
