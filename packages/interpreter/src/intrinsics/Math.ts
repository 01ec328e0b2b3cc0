/**
 * The Math object (https://tc39.es/ecma262/#sec-math-object). Every function converts its
 * arguments with ToNumber in order (guest valueOf may run), then does pure host Math work on
 * numbers. Math.random draws from a PRNG owned by the realm, never from host state.
 */

import {
  defineConstants,
  defineGlobal,
  defineMethods,
  type MethodRow,
} from "../realm/bootstrap.js";
import type { Realm } from "../realm/realm.js";
import { toNumber, toUint32 } from "../runtime/conversions.js";
import type { Run } from "../runtime/run.js";
import { JSObject } from "../values/object.js";
import { CONFIGURABLE } from "../values/property.js";
import type { Value } from "../values/value.js";

type Unary = (x: number) => number;
type Binary = (x: number, y: number) => number;

function unary(name: string, f: Unary): MethodRow {
  return [name, (run, _t, args) => f(toNumber(run, args[0])), 1];
}

function binary(name: string, f: Binary): MethodRow {
  return [
    name,
    (run, _t, args) => {
      const x = toNumber(run, args[0]);
      const y = toNumber(run, args[1]);
      return f(x, y);
    },
    2,
  ];
}

/** Converts every argument first, as max/min/hypot do, charging one unit per argument. */
function allNumbers(run: Run, args: Value[]): number[] {
  run.charge(args.length);
  const out: number[] = [];
  for (const a of args) out.push(toNumber(run, a));
  return out;
}

/** https://tc39.es/ecma262/#sec-math.max */
function max(run: Run, _t: Value, args: Value[]): Value {
  let r = -Infinity;
  for (const x of allNumbers(run, args)) {
    if (Number.isNaN(x)) r = Number.NaN;
    else if (!Number.isNaN(r) && (x > r || (x === 0 && r === 0 && Object.is(r, -0)))) r = x;
  }
  return r;
}

/** https://tc39.es/ecma262/#sec-math.min */
function min(run: Run, _t: Value, args: Value[]): Value {
  let r = Infinity;
  for (const x of allNumbers(run, args)) {
    if (Number.isNaN(x)) r = Number.NaN;
    else if (!Number.isNaN(r) && (x < r || (x === 0 && r === 0 && Object.is(x, -0)))) r = x;
  }
  return r;
}

/** https://tc39.es/ecma262/#sec-math.hypot */
function hypot(run: Run, _t: Value, args: Value[]): Value {
  return Math.hypot(...allNumbers(run, args));
}

/**
 * xorshift128+ over two 64-bit words held as 32-bit halves (the generator V8 uses for its own
 * Math.random), seeded per realm from the host's crypto source.
 */
export function createRandom(): () => number {
  const seed = new Uint32Array(4);
  const c = (globalThis as { crypto?: { getRandomValues(a: Uint32Array): unknown } }).crypto;
  if (c !== undefined) c.getRandomValues(seed);
  else for (let i = 0; i < 4; i++) seed[i] = Math.floor(Math.random() * 2 ** 32);
  let s0h = seed[0] as number;
  let s0l = seed[1] as number;
  let s1h = seed[2] as number;
  let s1l = seed[3] as number;
  if ((s0h | s0l | s1h | s1l) === 0) s0l = 1;
  return () => {
    // s1 = state0; s0 = state1; state0 = s0
    let xh = s0h;
    let xl = s0l;
    const yh = s1h;
    const yl = s1l;
    s0h = yh;
    s0l = yl;
    // x ^= x << 23
    xh ^= (xh << 23) | (xl >>> 9);
    xl ^= xl << 23;
    // x ^= x >>> 17
    xl ^= (xl >>> 17) | (xh << 15);
    xh ^= xh >>> 17;
    // x ^= y; x ^= y >>> 26
    xh ^= yh;
    xl ^= yl;
    xl ^= (yl >>> 26) | (yh << 6);
    xh ^= yh >>> 26;
    s1h = xh >>> 0;
    s1l = xl >>> 0;
    // Output: the top 53 bits of state0 + state1.
    const lo = (s0l + s1l) >>> 0;
    const carry = lo < s0l ? 1 : 0;
    const hi = (s0h + s1h + carry) >>> 0;
    return (hi * 2 ** 21 + (lo >>> 11)) / 2 ** 53;
  };
}

const methods: readonly MethodRow[] = [
  unary("abs", Math.abs),
  unary("acos", Math.acos),
  unary("acosh", Math.acosh),
  unary("asin", Math.asin),
  unary("asinh", Math.asinh),
  unary("atan", Math.atan),
  unary("atanh", Math.atanh),
  binary("atan2", Math.atan2),
  unary("cbrt", Math.cbrt),
  unary("ceil", Math.ceil),
  ["clz32", (run, _t, args) => Math.clz32(toUint32(run, args[0])), 1],
  unary("cos", Math.cos),
  unary("cosh", Math.cosh),
  unary("exp", Math.exp),
  unary("expm1", Math.expm1),
  unary("floor", Math.floor),
  unary("fround", Math.fround),
  ["hypot", hypot, 2],
  [
    "imul",
    (run, _t, args) => {
      const a = toUint32(run, args[0]);
      const b = toUint32(run, args[1]);
      return Math.imul(a, b);
    },
    2,
  ],
  unary("log", Math.log),
  unary("log1p", Math.log1p),
  unary("log10", Math.log10),
  unary("log2", Math.log2),
  ["max", max, 2],
  ["min", min, 2],
  binary("pow", Math.pow),
  unary("round", Math.round),
  unary("sign", Math.sign),
  unary("sin", Math.sin),
  unary("sinh", Math.sinh),
  unary("sqrt", Math.sqrt),
  unary("tan", Math.tan),
  unary("tanh", Math.tanh),
  unary("trunc", Math.trunc),
];

export function installMath(realm: Realm): void {
  const math = new JSObject(realm.emptyShape, realm.intrinsics.ObjectPrototype);
  defineConstants(math, [
    ["E", Math.E],
    ["LN10", Math.LN10],
    ["LN2", Math.LN2],
    ["LOG10E", Math.LOG10E],
    ["LOG2E", Math.LOG2E],
    ["PI", Math.PI],
    ["SQRT1_2", Math.SQRT1_2],
    ["SQRT2", Math.SQRT2],
  ]);
  const random = createRandom();
  defineMethods(realm, math, [...methods, ["random", () => random(), 0]]);
  math.defineData(Symbol.toStringTag, "Math", CONFIGURABLE);
  realm.intrinsics.Math = math;
  defineGlobal(realm, "Math", math);
}
