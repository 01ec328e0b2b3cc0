/**
 * Date.parse's string parsing (https://tc39.es/ecma262/#sec-date.parse): the Date Time String
 * Format (https://tc39.es/ecma262/#sec-date-time-string-format) first, then a tolerant parser
 * for the strings toString / toUTCString produce and the common "implementation-specific"
 * forms engines accept ("Feb 1, 2022 10:00", "2022/02/01", "02/01/2022 10:00 PM GMT+0100").
 * Returns a time value before TimeClip, or NaN.
 */
import {
  daysInYear,
  MONTH_NAMES,
  makeDate,
  makeDay,
  makeTime,
  msPerMinute,
  utc,
  WEEKDAY_NAMES,
} from "./date-math.js";

const ISO =
  /^([+-]\d{6}|\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}:\d{2})?)?$/;

function daysInMonth(year: number, month: number): number {
  if (month === 1) return daysInYear(year) === 366 ? 29 : 28;
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month] as number;
}

/** The Date Time String Format, or undefined when `s` does not conform. */
function parseISO(s: string): number | undefined {
  const m = ISO.exec(s);
  if (m === null) return undefined;
  const [, ys, mos, ds, hs, mins, ss, frac, zone] = m;
  if (ys === "-000000") return Number.NaN;
  const year = Number(ys);
  const month = mos === undefined ? 0 : Number(mos) - 1;
  const date = ds === undefined ? 1 : Number(ds);
  const hour = hs === undefined ? 0 : Number(hs);
  const min = mins === undefined ? 0 : Number(mins);
  const sec = ss === undefined ? 0 : Number(ss);
  const ms = frac === undefined ? 0 : Number(frac.slice(0, 3).padEnd(3, "0"));
  if (month < 0 || month > 11 || date < 1 || date > daysInMonth(year, month)) return Number.NaN;
  if (min > 59 || sec > 59) return Number.NaN;
  if (hour > 24 || (hour === 24 && (min !== 0 || sec !== 0 || ms !== 0))) return Number.NaN;
  const t = makeDate(makeDay(year, month, date), makeTime(hour, min, sec, ms));
  if (zone === undefined) return hs === undefined ? t : utc(t);
  if (zone === "Z") return t;
  const sign = zone[0] === "-" ? -1 : 1;
  const offH = Number(zone.slice(1, 3));
  const offM = Number(zone.slice(4, 6));
  if (offH > 23 || offM > 59) return Number.NaN;
  return t - sign * (offH * 60 + offM) * msPerMinute;
}

/** A token and whether whitespace (or a comma) came right before it. */
type Token = (
  | { kind: "number"; value: number; text: string }
  | { kind: "word"; value: string }
  | { kind: "punct"; value: string }
) & { spaced: boolean };

function tokenize(s: string): Token[] | undefined {
  const tokens: Token[] = [];
  let i = 0;
  let spaced = true;
  while (i < s.length) {
    const c = s[i] as string;
    const before = spaced;
    spaced = false;
    if (c === "(") {
      // Comments, such as the time zone name toString appends, are ignored.
      let depth = 0;
      for (; i < s.length; i++) {
        if (s[i] === "(") depth++;
        else if (s[i] === ")" && --depth === 0) break;
      }
      i++;
      spaced = true;
    } else if (/\s|,/.test(c)) {
      i++;
      spaced = true;
    } else if (/\d/.test(c)) {
      let j = i;
      while (j < s.length && /\d/.test(s[j] as string)) j++;
      tokens.push({
        kind: "number",
        value: Number(s.slice(i, j)),
        text: s.slice(i, j),
        spaced: before,
      });
      i = j;
    } else if (/[a-z]/i.test(c)) {
      let j = i;
      while (j < s.length && /[a-z.]/i.test(s[j] as string)) j++;
      tokens.push({
        kind: "word",
        value: s.slice(i, j).replace(/\.$/, "").toLowerCase(),
        spaced: before,
      });
      i = j;
    } else if (/[:/+\-.]/.test(c)) {
      tokens.push({ kind: "punct", value: c, spaced: before });
      i++;
    } else return undefined;
  }
  return tokens;
}

/** The legacy, implementation-specific formats. */
function parseLegacy(s: string): number {
  const tokens = tokenize(s);
  if (tokens === undefined) return Number.NaN;
  let year: number | undefined;
  let month: number | undefined;
  let date: number | undefined;
  let hour = 0;
  let min = 0;
  let sec = 0;
  let ms = 0;
  let hasTime = false;
  let pm: boolean | undefined;
  let offset: number | undefined;
  const loose: Token[] = [];
  let yearSign = 1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    if (t.kind === "word") {
      const w = t.value;
      const mi = MONTH_NAMES.findIndex((m) => w.length >= 3 && m.toLowerCase() === w.slice(0, 3));
      if (mi >= 0 && month === undefined) month = mi;
      else if (WEEKDAY_NAMES.some((d) => d.toLowerCase() === w.slice(0, 3)) && w.length >= 3)
        continue;
      else if (w === "am" || w === "pm") pm = w === "pm";
      else if (w === "gmt" || w === "utc" || w === "ut" || w === "z") offset = 0;
      else if (w === "t" && hasTime === false) continue;
      else return Number.NaN;
    } else if (t.kind === "punct") {
      if (
        (t.value === "+" || t.value === "-") &&
        next?.kind === "number" &&
        (hasTime || offset !== undefined)
      ) {
        // A numeric offset: +hhmm, +hh or +hh:mm.
        let h: number;
        let m = 0;
        const after = tokens[i + 2];
        if (after?.kind === "punct" && after.value === ":" && tokens[i + 3]?.kind === "number") {
          h = next.value;
          m = (tokens[i + 3] as { value: number }).value;
          i += 3;
        } else {
          h = next.text.length <= 2 ? next.value : Math.floor(next.value / 100);
          m = next.text.length <= 2 ? 0 : next.value % 100;
          i += 1;
        }
        if (h > 23 || m > 59) return Number.NaN;
        offset = (t.value === "-" ? -1 : 1) * (h * 60 + m);
      } else if (
        t.value === "-" &&
        t.spaced &&
        next?.kind === "number" &&
        !next.spaced &&
        year === undefined
      ) {
        // A signed year, as toString and toUTCString write years before 1 BCE: " -0001".
        yearSign = -1;
      } else if (t.value !== "-" && t.value !== "/" && t.value !== ".") return Number.NaN;
    } else if (next?.kind === "punct" && next.value === ":" && !hasTime) {
      // hh:mm[:ss[.mmm]]
      hasTime = true;
      hour = t.value;
      const mt = tokens[i + 2];
      if (mt?.kind !== "number") return Number.NaN;
      min = mt.value;
      i += 2;
      if (tokens[i + 1]?.kind === "punct" && (tokens[i + 1] as Token).value === ":") {
        const st = tokens[i + 2];
        if (st?.kind !== "number") return Number.NaN;
        sec = st.value;
        i += 2;
        if (tokens[i + 1]?.kind === "punct" && (tokens[i + 1] as Token).value === ".") {
          const ft = tokens[i + 2];
          if (ft?.kind !== "number") return Number.NaN;
          ms = Number(ft.text.slice(0, 3).padEnd(3, "0"));
          i += 2;
        }
      }
    } else if (
      next?.kind === "punct" &&
      (next.value === "/" || next.value === "-") &&
      !next.spaced &&
      tokens[i + 2]?.spaced === false &&
      loose.length === 0 &&
      month === undefined
    ) {
      // n/n/n or n-n-n: year first when the first number looks like a year.
      const b = tokens[i + 2];
      const c = tokens[i + 4];
      if (b?.kind !== "number") return Number.NaN;
      const third = tokens[i + 3]?.kind === "punct" && c?.kind === "number" ? c : undefined;
      if (t.text.length >= 3 || t.value > 31) {
        year = t.value;
        month = b.value - 1;
        date = third === undefined ? 1 : third.value;
      } else {
        month = t.value - 1;
        date = b.value;
        if (third !== undefined)
          year = third.text.length <= 2 ? twoDigitYear(third.value) : third.value;
      }
      i += third === undefined ? 2 : 4;
    } else loose.push(t);
  }
  for (const t of loose) {
    if (t.kind !== "number") return Number.NaN;
    if (
      date === undefined &&
      t.text.length <= 2 &&
      t.value >= 1 &&
      t.value <= 31 &&
      month !== undefined
    ) {
      date = t.value;
    } else if (year === undefined) year = t.text.length <= 2 ? twoDigitYear(t.value) : t.value;
    else if (date === undefined) date = t.value;
    else return Number.NaN;
  }
  if (year === undefined || month === undefined) return Number.NaN;
  year *= yearSign;
  date ??= 1;
  if (pm !== undefined) {
    if (hour < 1 || hour > 12) return Number.NaN;
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (month < 0 || month > 11 || date < 1 || date > daysInMonth(year, month)) return Number.NaN;
  if (hour > 24 || min > 59 || sec > 59) return Number.NaN;
  const t = makeDate(makeDay(year, month, date), makeTime(hour, min, sec, ms));
  return offset === undefined ? utc(t) : t - offset * msPerMinute;
}

function twoDigitYear(y: number): number {
  return y < 50 ? 2000 + y : 1900 + y;
}

/** Parses a date string: a time value (not yet clipped) or NaN. */
export function parseDate(s: string): number {
  const trimmed = s.trim();
  const iso = parseISO(trimmed);
  if (iso !== undefined) return iso;
  if (trimmed.length > 200) return Number.NaN;
  return parseLegacy(trimmed);
}
