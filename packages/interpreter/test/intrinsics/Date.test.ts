import { describe, expect, it } from "vitest";
import { run } from "./text-helpers.js";

describe("Date", () => {
  it("has the spec's shape", () => {
    expect(
      run(
        `[sig(Date), desc(globalThis, "Date"), desc(Date, "prototype"), Date.prototype.constructor === Date, sig(Date.now), sig(Date.parse), sig(Date.UTC), Object.prototype.toString.call(Date.prototype), thrown(() => Date.prototype.getTime())]`,
      ),
    ).toEqual([
      "Date/7",
      "vwc",
      "v",
      true,
      "now/0",
      "parse/1",
      "UTC/7",
      "[object Object]",
      "TypeError",
    ]);
    const methods =
      "getDate/0 getDay/0 getFullYear/0 getHours/0 getMilliseconds/0 getMinutes/0 getMonth/0 getSeconds/0 getTime/0 getTimezoneOffset/0 getUTCDate/0 getUTCDay/0 getUTCFullYear/0 getUTCHours/0 getUTCMilliseconds/0 getUTCMinutes/0 getUTCMonth/0 getUTCSeconds/0 getYear/0 setDate/1 setFullYear/3 setHours/4 setMilliseconds/1 setMinutes/3 setMonth/2 setSeconds/2 setTime/1 setUTCDate/1 setUTCFullYear/3 setUTCHours/4 setUTCMilliseconds/1 setUTCMinutes/3 setUTCMonth/2 setUTCSeconds/2 setYear/1 toDateString/0 toISOString/0 toJSON/1 toLocaleDateString/0 toLocaleString/0 toLocaleTimeString/0 toString/0 toTimeString/0 toUTCString/0 valueOf/0";
    expect(
      run(
        `${JSON.stringify(methods)}.split(" ").filter((s) => { var n = s.split("/")[0]; return !(sig(Date.prototype[n]) === s && desc(Date.prototype, n) === "vwc"); })`,
      ),
    ).toEqual([]);
    expect(
      run(
        `[Date.prototype.toGMTString === Date.prototype.toUTCString, sig(Date.prototype[Symbol.toPrimitive]), desc(Date.prototype, Symbol.toPrimitive)]`,
      ),
    ).toEqual([true, "[Symbol.toPrimitive]/1", "vc"]);
  });

  it("called as a function returns the current time as a string", () => {
    expect(
      run(
        `var s = Date(2000, 1); [typeof s, /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) \\w{3} \\d{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT[+-]\\d{4}/.test(s), Math.abs(Date.parse(s) - Date.now()) < 5000]`,
      ),
    ).toEqual(["string", true, true]);
  });

  it("constructs from nothing, a time value, a string, a Date or fields", () => {
    expect(
      run(
        `var now = Date.now(); var d = new Date(); [typeof now, Math.abs(d.getTime() - now) < 5000]`,
      ),
    ).toEqual(["number", true]);
    expect(
      run(
        `[new Date(0).getTime(), new Date(8.64e15).getTime(), new Date(8.64e15 + 1).getTime(), new Date(-0).getTime(), new Date(1.9).getTime(), new Date("2020-02-29T12:00:00Z").getTime(), new Date(new Date(5)).getTime(), new Date(true).getTime(), new Date(null).getTime(), new Date(undefined).getTime(), new Date("nope").getTime()]`,
      ),
    ).toEqual([
      0,
      8.64e15,
      Number.NaN,
      0,
      1,
      Date.UTC(2020, 1, 29, 12),
      5,
      1,
      0,
      Number.NaN,
      Number.NaN,
    ]);
    expect(run(`Object.is(new Date(-0).getTime(), 0)`)).toBe(true);
    expect(
      run(
        `[new Date(2020, 0).getTime(), new Date(2020, 1, 29, 12, 30, 15, 250).getTime(), new Date(99, 11, 31).getTime(), new Date(2020, 13, 1).getTime(), new Date(2020, 0, 0).getTime(), new Date(2020, NaN).getTime()]`,
      ),
    ).toEqual([
      new Date(2020, 0).getTime(),
      new Date(2020, 1, 29, 12, 30, 15, 250).getTime(),
      new Date(99, 11, 31).getTime(),
      new Date(2020, 13, 1).getTime(),
      new Date(2020, 0, 0).getTime(),
      Number.NaN,
    ]);
    expect(
      run(
        `var log = []; var v = (n) => ({ valueOf() { log.push(n); return 1; } }); new Date(v("y"), v("m"), v("d"), v("h"), v("min"), v("s"), v("ms")); var d = new Date({ [Symbol.toPrimitive](hint) { log.push(hint); return 7; } }); [log, d.getTime()]`,
      ),
    ).toEqual([["y", "m", "d", "h", "min", "s", "ms", "default"], 7]);
    expect(
      run(
        `class D extends Date { year() { return this.getUTCFullYear(); } } var d = new D(0); [d.year(), d instanceof Date, Object.prototype.toString.call(d)]`,
      ),
    ).toEqual([1970, true, "[object Date]"]);
  });

  it("Date.UTC", () => {
    expect(
      run(
        `[Date.UTC(2020), Date.UTC(2020, 1), Date.UTC(2020, 1, 29, 23, 59, 59, 999), Date.UTC(99), Date.UTC(-1, 0), Date.UTC(), Date.UTC(275760, 8, 13), Date.UTC(275760, 8, 13, 0, 0, 0, 1), Date.UTC(1970, 0, 1, 0, 0, 0, -1)]`,
      ),
    ).toEqual([
      Date.UTC(2020, 0),
      Date.UTC(2020, 1),
      Date.UTC(2020, 1, 29, 23, 59, 59, 999),
      Date.UTC(1999, 0),
      Date.UTC(-1, 0),
      Number.NaN,
      8.64e15,
      Number.NaN,
      -1,
    ]);
  });

  it("Date.parse reads the date time string format", () => {
    const iso = [
      "2020-02-29T12:30:15.250Z",
      "2020-02-29",
      "2020-02",
      "2020",
      "+002020-02-29T00:00Z",
      "-000001-01-01T00:00:00Z",
      "-271821-04-20T00:00:00Z",
      "+275760-09-13T00:00:00Z",
      "+275760-09-13T00:00:00.001Z",
      "2020-02-29T12:30:15+05:30",
      "2020-02-29T12:30:15-01:00",
      "2020-02-29T24:00:00Z",
    ];
    expect(run(`${JSON.stringify(iso)}.map((s) => Date.parse(s))`)).toEqual(
      iso.map((s) => Date.parse(s)),
    );
    expect(run(`["2020-02-29T12:30", "2020-02-29T12:30:15"].map((s) => Date.parse(s))`)).toEqual([
      new Date(2020, 1, 29, 12, 30).getTime(),
      new Date(2020, 1, 29, 12, 30, 15).getTime(),
    ]);
    expect(
      run(
        `["-000000-01-01T00:00:00Z", "2020-13-01", "2020-02-30", "2020-02-29T25:00Z", "2020-02-29T24:00:01Z", "2020-02-29T12:60Z", "20-02-29", "nope", ""].map((s) => Date.parse(s))`,
      ),
    ).toEqual(Array(9).fill(Number.NaN));
  });

  it("Date.parse reads toString, toUTCString and common legacy forms", () => {
    expect(
      run(
        `var d = new Date(2020, 1, 29, 12, 30, 15); [Date.parse(d.toString()) === d.getTime(), Date.parse(d.toUTCString()) === d.getTime(), Date.parse(d.toISOString()) === d.getTime()]`,
      ),
    ).toEqual([true, true, true]);
    const legacy = [
      "Sat, 29 Feb 2020 12:30:15 GMT",
      "Sat Feb 29 2020 12:30:15 GMT+0100 (Central European Time)",
      "29 February 2020 10:11:12 GMT+0130",
      "Thu Jan 01 1970 00:00:00 GMT-0500",
      "Feb 29 2020 UTC",
    ];
    expect(run(`${JSON.stringify(legacy)}.map((s) => Date.parse(s))`)).toEqual(
      legacy.map((s) => Date.parse(s)),
    );
    const local = [
      "Feb 29, 2020",
      "2020/02/29",
      "02/29/2020 10:00 PM",
      "February 29, 2020 10:11:12",
    ];
    expect(run(`${JSON.stringify(local)}.map((s) => Date.parse(s))`)).toEqual(
      local.map((s) => Date.parse(s)),
    );
  });

  it("Date.parse reads back what toString, toUTCString and toISOString write, any year", () => {
    expect(
      run(
        `[-62198755200000, -8.64e15, 8.64e15, 0, -1e14, 1e15, -62135596800000].map((t) => { var d = new Date(t); return [Date.parse(d.toString()) - t, Date.parse(d.toUTCString()) - t, Date.parse(d.toISOString()) - t].join(); })`,
      ),
    ).toEqual(Array(7).fill("0,0,0"));
    expect(
      run(
        `[Date.parse("Fri, 01 Jan -0001 00:00:00 GMT"), Date.parse("Mon, 01 Jan 0001 00:00:00 GMT"), Date.parse("Feb-29-2020 UTC"), Date.parse("Jan 1 2020 10:00 -0500")]`,
      ),
    ).toEqual([
      Date.UTC(-1, 0, 1),
      -62135596800000,
      Date.UTC(2020, 1, 29),
      Date.UTC(2020, 0, 1, 15),
    ]);
  });

  it("UTC getters", () => {
    expect(
      run(
        `var d = new Date(Date.UTC(2020, 1, 29, 13, 4, 5, 6)); [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds(), d.getTime(), d.valueOf()]`,
      ),
    ).toEqual([
      2020,
      1,
      29,
      6,
      13,
      4,
      5,
      6,
      Date.UTC(2020, 1, 29, 13, 4, 5, 6),
      Date.UTC(2020, 1, 29, 13, 4, 5, 6),
    ]);
    expect(
      run(
        `var d = new Date(-1); [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay(), d.getUTCHours(), d.getUTCMilliseconds()]`,
      ),
    ).toEqual([1969, 11, 31, 3, 23, 999]);
    expect(
      run(
        `var d = new Date(-8.64e15); [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), new Date(8.64e15).getUTCFullYear()]`,
      ),
    ).toEqual([-271821, 3, 20, 275760]);
    expect(
      run(
        `var d = new Date(NaN); [d.getUTCFullYear(), d.getFullYear(), d.getDay(), d.getTimezoneOffset(), d.getYear()]`,
      ),
    ).toEqual(Array(5).fill(Number.NaN));
  });

  it("local getters follow the host time zone rules", () => {
    const t = Date.UTC(2021, 6, 4, 18, 45, 30, 123);
    const d = new Date(t);
    expect(
      run(
        `var d = new Date(${t}); [d.getFullYear(), d.getMonth(), d.getDate(), d.getDay(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds(), d.getTimezoneOffset(), d.getYear()]`,
      ),
    ).toEqual([
      d.getFullYear(),
      d.getMonth(),
      d.getDate(),
      d.getDay(),
      d.getHours(),
      d.getMinutes(),
      d.getSeconds(),
      d.getMilliseconds(),
      d.getTimezoneOffset(),
      d.getFullYear() - 1900,
    ]);
  });

  it("setters convert every argument before the NaN check and clip the result", () => {
    expect(
      run(
        `var d = new Date(Date.UTC(2020, 0, 31)); [d.setUTCMonth(1), d.getUTCMonth(), d.getUTCDate(), d.setUTCDate(0), d.getUTCDate(), d.setUTCFullYear(2021, 5, 6), d.setUTCHours(25), d.getUTCDate(), d.setUTCMinutes(0, 0, 0), d.setUTCSeconds(59, 999), d.setUTCMilliseconds(1000), d.setTime(8.64e15 + 1), d.setTime("5"), d.setUTCMilliseconds(-6)]`,
      ),
    ).toEqual([
      Date.UTC(2020, 2, 2),
      2,
      2,
      Date.UTC(2020, 1, 29),
      29,
      Date.UTC(2021, 5, 6),
      Date.UTC(2021, 5, 7, 1),
      7,
      Date.UTC(2021, 5, 7, 1),
      Date.UTC(2021, 5, 7, 1, 0, 59, 999),
      Date.UTC(2021, 5, 7, 1, 1, 0, 0),
      Number.NaN,
      5,
      -6,
    ]);
    expect(
      run(
        `var log = []; var v = (n, x) => ({ valueOf() { log.push(n); return x; } }); var d = new Date(NaN); var r = d.setHours(v("h", 1), v("m", 2), v("s", 3), v("ms", 4)); [r, log, new Date(NaN).setFullYear(2000) === Date.parse("2000-01-01T00:00:00"), new Date(NaN).setUTCFullYear(2000, 1), new Date(NaN).setMonth(1)]`,
      ),
    ).toEqual([Number.NaN, ["h", "m", "s", "ms"], true, Date.UTC(2000, 1, 1), Number.NaN]);
    expect(
      run(
        `var d = new Date(0); var r = d.setUTCDate({ valueOf() { d.setTime(NaN); return 2; } }); [r, d.getTime()]`,
      ),
    ).toEqual([86400000, 86400000]);
    expect(
      run(
        `var d = new Date(NaN); var r = d.setUTCDate({ valueOf() { d.setTime(0); return 2; } }); [r, d.getTime()]`,
      ),
    ).toEqual([Number.NaN, 0]);
    expect(
      run(
        `[thrown(() => Date.prototype.setTime.call({}, 1)), thrown(() => Date.prototype.setHours.call(new Date(0), Symbol()))]`,
      ),
    ).toEqual(["TypeError", "TypeError"]);
  });

  it("local setters follow the host time zone rules", () => {
    const base = new Date(2021, 2, 14, 1, 30).getTime();
    const expected = [
      new Date(base).setHours(2, 30),
      new Date(base).setHours(26),
      new Date(base).setDate(40),
      new Date(base).setMonth(10, 7),
      new Date(base).setFullYear(1999),
      new Date(base).setMinutes(-1),
      new Date(base).setSeconds(3600),
      new Date(base).setMilliseconds(1),
    ];
    expect(
      run(
        `var b = ${base}; [new Date(b).setHours(2, 30), new Date(b).setHours(26), new Date(b).setDate(40), new Date(b).setMonth(10, 7), new Date(b).setFullYear(1999), new Date(b).setMinutes(-1), new Date(b).setSeconds(3600), new Date(b).setMilliseconds(1)]`,
      ),
    ).toEqual(expected);
  });

  it("Annex B getYear and setYear", () => {
    expect(
      run(
        `var d = new Date(2000, 0, 1); [d.getYear(), d.setYear(99), d.getFullYear(), d.setYear(2005), d.getFullYear(), d.setYear(NaN), new Date(NaN).setYear(50) === new Date(1950, 0, 1).getTime()]`,
      ),
    ).toEqual([
      100,
      new Date(1999, 0, 1).getTime(),
      1999,
      new Date(2005, 0, 1).getTime(),
      2005,
      Number.NaN,
      true,
    ]);
  });

  it("string conversions", () => {
    const t = Date.UTC(2021, 6, 4, 8, 5, 9, 7);
    const d = new Date(t);
    expect(
      run(
        `var d = new Date(${t}); [d.toISOString(), d.toJSON(), d.toUTCString(), d.toGMTString(), d.toString(), d.toDateString(), d.toTimeString()]`,
      ),
    ).toEqual([
      "2021-07-04T08:05:09.007Z",
      "2021-07-04T08:05:09.007Z",
      "Sun, 04 Jul 2021 08:05:09 GMT",
      "Sun, 04 Jul 2021 08:05:09 GMT",
      d.toString().slice(0, 33),
      d.toDateString(),
      d.toTimeString().slice(0, 17),
    ]);
    expect(
      run(
        `[new Date(Date.UTC(-1, 0)).toISOString(), new Date(Date.UTC(10000, 0)).toISOString(), new Date(Date.UTC(-1, 0)).toUTCString(), new Date(Date.UTC(12, 0)).toUTCString().slice(12, 16), new Date(-62198755200000).toISOString()]`,
      ),
    ).toEqual([
      "-000001-01-01T00:00:00.000Z",
      "+010000-01-01T00:00:00.000Z",
      "Fri, 01 Jan -0001 00:00:00 GMT",
      "1912",
      "-000001-01-01T00:00:00.000Z",
    ]);
    expect(
      run(
        `var d = new Date(NaN); [d.toString(), d.toDateString(), d.toTimeString(), d.toUTCString(), d.toLocaleString(), String(d), thrown(() => d.toISOString()), d.toJSON()]`,
      ),
    ).toEqual([
      "Invalid Date",
      "Invalid Date",
      "Invalid Date",
      "Invalid Date",
      "Invalid Date",
      "Invalid Date",
      "RangeError",
      null,
    ]);
    expect(
      run(
        `var d = new Date(2021, 6, 4, 15, 5, 9); [d.toLocaleDateString(), d.toLocaleTimeString(), d.toLocaleString()]`,
      ),
    ).toEqual(["7/4/2021", "3:05:09 PM", "7/4/2021, 3:05:09 PM"]);
  });

  it("toJSON is generic and calls toISOString", () => {
    expect(
      run(
        `[Date.prototype.toJSON.call({ toISOString() { return "iso"; } }), Date.prototype.toJSON.call({ valueOf() { return Infinity; }, toISOString() { return "x"; } }), thrown(() => Date.prototype.toJSON.call({})), thrown(() => Date.prototype.toJSON.call(null))]`,
      ),
    ).toEqual(["iso", null, "TypeError", "TypeError"]);
  });

  it("Symbol.toPrimitive picks string for default hints", () => {
    expect(
      run(
        `var d = new Date(0); [typeof (d + 1), d - 0, d[Symbol.toPrimitive]("number"), d[Symbol.toPrimitive]("default") === d.toString(), thrown(() => d[Symbol.toPrimitive]("x")), thrown(() => d[Symbol.toPrimitive]()), thrown(() => Date.prototype[Symbol.toPrimitive].call(1, "number")), Date.prototype[Symbol.toPrimitive].call({ toString() { return "s"; } }, "string")]`,
      ),
    ).toEqual(["string", 0, 0, true, "TypeError", "TypeError", "TypeError", "s"]);
  });
});
