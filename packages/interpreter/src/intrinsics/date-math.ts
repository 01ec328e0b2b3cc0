/**
 * Time value arithmetic and formatting of Date objects
 * (https://tc39.es/ecma262/#sec-time-values-and-time-range and following sections). Pure
 * functions on numbers. Local time offsets come from the host's time zone rules via the host
 * Date on numbers; nothing else about the host is consulted.
 */

export const msPerSecond = 1000;
export const msPerMinute = 60000;
export const msPerHour = 3600000;
export const msPerDay = 86400000;

/** Mathematical modulo with a non-negative result (+0, never -0). */
const mod = (a: number, b: number): number => {
  const r = a % b;
  return r < 0 ? r + b : r + 0;
};

/** https://tc39.es/ecma262/#sec-day-number-and-time-within-day */
export const day = (t: number): number => Math.floor(t / msPerDay);
export const timeWithinDay = (t: number): number => mod(t, msPerDay);

/** https://tc39.es/ecma262/#sec-year-number */
export function daysInYear(y: number): number {
  if (y % 4 !== 0) return 365;
  if (y % 100 !== 0) return 366;
  if (y % 400 !== 0) return 365;
  return 366;
}

export function dayFromYear(y: number): number {
  return (
    365 * (y - 1970) +
    Math.floor((y - 1969) / 4) -
    Math.floor((y - 1901) / 100) +
    Math.floor((y - 1601) / 400)
  );
}

export const timeFromYear = (y: number): number => msPerDay * dayFromYear(y);

export function yearFromTime(t: number): number {
  let y = Math.floor(t / (msPerDay * 365.2425)) + 1970;
  while (timeFromYear(y) > t) y--;
  while (timeFromYear(y + 1) <= t) y++;
  return y;
}

export const inLeapYear = (t: number): boolean => daysInYear(yearFromTime(t)) === 366;

/** Day number within the year at which each month starts, for common and leap years. */
const MONTH_STARTS = [
  [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365],
  [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366],
] as const;

function monthStarts(leap: boolean): readonly number[] {
  return MONTH_STARTS[leap ? 1 : 0];
}

/** https://tc39.es/ecma262/#sec-month-number */
export function monthFromTime(t: number): number {
  const y = yearFromTime(t);
  const d = day(t) - dayFromYear(y);
  const starts = monthStarts(daysInYear(y) === 366);
  let m = 0;
  while (d >= (starts[m + 1] as number)) m++;
  return m;
}

/** https://tc39.es/ecma262/#sec-date-number */
export function dateFromTime(t: number): number {
  const y = yearFromTime(t);
  const d = day(t) - dayFromYear(y);
  const starts = monthStarts(daysInYear(y) === 366);
  let m = 0;
  while (d >= (starts[m + 1] as number)) m++;
  return d - (starts[m] as number) + 1;
}

/** https://tc39.es/ecma262/#sec-week-day */
export const weekDay = (t: number): number => mod(day(t) + 4, 7);

/** https://tc39.es/ecma262/#sec-hours-minutes-second-and-milliseconds */
export const hourFromTime = (t: number): number => mod(Math.floor(t / msPerHour), 24);
export const minFromTime = (t: number): number => mod(Math.floor(t / msPerMinute), 60);
export const secFromTime = (t: number): number => mod(Math.floor(t / msPerSecond), 60);
export const msFromTime = (t: number): number => mod(t, msPerSecond);

/** ToIntegerOrInfinity on a number (-0 → +0). */
const integer = (n: number): number => (Number.isNaN(n) ? 0 : Math.trunc(n) + 0);

/** https://tc39.es/ecma262/#sec-maketime */
export function makeTime(hour: number, min: number, sec: number, ms: number): number {
  if (
    !Number.isFinite(hour) ||
    !Number.isFinite(min) ||
    !Number.isFinite(sec) ||
    !Number.isFinite(ms)
  ) {
    return Number.NaN;
  }
  return (
    integer(hour) * msPerHour +
    integer(min) * msPerMinute +
    integer(sec) * msPerSecond +
    integer(ms)
  );
}

/** https://tc39.es/ecma262/#sec-makeday */
export function makeDay(year: number, month: number, date: number): number {
  if (!Number.isFinite(year) || !Number.isFinite(month) || !Number.isFinite(date))
    return Number.NaN;
  const y = integer(year);
  const m = integer(month);
  const dt = integer(date);
  const ym = y + Math.floor(m / 12);
  if (!Number.isFinite(ym)) return Number.NaN;
  const mn = mod(m, 12);
  const days = dayFromYear(ym) + (monthStarts(daysInYear(ym) === 366)[mn] as number);
  return days + dt - 1;
}

/** https://tc39.es/ecma262/#sec-makedate */
export function makeDate(dayNumber: number, time: number): number {
  if (!Number.isFinite(dayNumber) || !Number.isFinite(time)) return Number.NaN;
  const tv = dayNumber * msPerDay + time;
  return Number.isFinite(tv) ? tv : Number.NaN;
}

/** https://tc39.es/ecma262/#sec-makefullyear */
export function makeFullYear(year: number): number {
  if (Number.isNaN(year)) return Number.NaN;
  const truncated = integer(year);
  return truncated >= 0 && truncated <= 99 ? 1900 + truncated : year;
}

/** https://tc39.es/ecma262/#sec-timeclip */
export function timeClip(time: number): number {
  if (!Number.isFinite(time) || Math.abs(time) > 8.64e15) return Number.NaN;
  return integer(time);
}

const hostDate = new Date(0);

/** LocalTZA(t, true) (https://tc39.es/ecma262/#sec-local-time-zone-adjustment) in ms. */
export function offsetAt(t: number): number {
  hostDate.setTime(t);
  const minutes = hostDate.getTimezoneOffset();
  return Number.isNaN(minutes) ? 0 : Math.round(-minutes * msPerMinute);
}

/** https://tc39.es/ecma262/#sec-localtime */
export function localTime(t: number): number {
  return t + offsetAt(t);
}

/**
 * https://tc39.es/ecma262/#sec-utc-t: the time value of local time `t`. A local time skipped or
 * repeated at a transition is interpreted with the offset before the transition, which is what
 * the host's local-time setters do with the same fields.
 */
export function utc(t: number): number {
  // A local time this far out has no time value (offsets are under a day): TimeClip gives NaN.
  if (!Number.isFinite(t) || Math.abs(t) > 8.64e15 + msPerDay) return Number.NaN;
  const dayNumber = day(t);
  const y = yearFromTime(t);
  const m = monthFromTime(t);
  const d = dateFromTime(t);
  const within = timeWithinDay(t);
  const host = new Date(0);
  host.setFullYear(y, m, d);
  host.setHours(0, 0, 0, within);
  const u = host.getTime();
  if (!Number.isNaN(u)) return u;
  // Beyond the host's range: the offset at the nearest representable instant.
  return dayNumber * msPerDay + within - offsetAt(Math.sign(t) * 8.64e15);
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
export const WEEKDAY_NAMES: readonly string[] = WEEKDAYS;
export const MONTH_NAMES: readonly string[] = MONTHS;

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

function yearString(y: number): string {
  return (y >= 0 ? "" : "-") + pad(Math.abs(y), 4);
}

/** https://tc39.es/ecma262/#sec-datestring — "Tue Feb 01 2022" for local time `t`. */
export function dateString(t: number): string {
  return `${WEEKDAYS[weekDay(t)]} ${MONTHS[monthFromTime(t)]} ${pad(dateFromTime(t), 2)} ${yearString(yearFromTime(t))}`;
}

/** https://tc39.es/ecma262/#sec-timestring — "00:00:00 GMT". */
export function timeString(t: number): string {
  return `${pad(hourFromTime(t), 2)}:${pad(minFromTime(t), 2)}:${pad(secFromTime(t), 2)} GMT`;
}

/** https://tc39.es/ecma262/#sec-timezoneestring — "+0100" for time value `tv` (no zone name). */
export function timeZoneString(tv: number): string {
  const offset = offsetAt(tv);
  const abs = Math.abs(offset);
  const sign = offset >= 0 ? "+" : "-";
  return `${sign}${pad(Math.floor(abs / msPerHour), 2)}${pad(Math.floor(abs / msPerMinute) % 60, 2)}`;
}

/** https://tc39.es/ecma262/#sec-todatestring */
export function toDateString(tv: number): string {
  if (Number.isNaN(tv)) return "Invalid Date";
  const t = localTime(tv);
  return `${dateString(t)} ${timeString(t)}${timeZoneString(tv)}`;
}

/** https://tc39.es/ecma262/#sec-date.prototype.toutcstring body for a valid time value. */
export function utcString(tv: number): string {
  return `${WEEKDAYS[weekDay(tv)]}, ${pad(dateFromTime(tv), 2)} ${MONTHS[monthFromTime(tv)]} ${yearString(yearFromTime(tv))} ${timeString(tv)}`;
}

/** https://tc39.es/ecma262/#sec-date-time-string-format for a valid time value. */
export function isoString(tv: number): string {
  const y = yearFromTime(tv);
  const year = y >= 0 && y <= 9999 ? pad(y, 4) : (y < 0 ? "-" : "+") + pad(Math.abs(y), 6);
  return (
    `${year}-${pad(monthFromTime(tv) + 1, 2)}-${pad(dateFromTime(tv), 2)}` +
    `T${pad(hourFromTime(tv), 2)}:${pad(minFromTime(tv), 2)}:${pad(secFromTime(tv), 2)}` +
    `.${pad(msFromTime(tv), 3)}Z`
  );
}
