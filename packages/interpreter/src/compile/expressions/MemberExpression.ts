/**
 * Property access: `o.x` (inline-cached), `o[k]` (with an array-element fast path), `o.#x`,
 * `super.x`, and optional chains (`?.`), which short-circuit through a private sentinel that
 * the enclosing ChainExpression turns into undefined.
 */
import type * as ES from "acorn";
import { toPropertyKey } from "../../runtime/conversions.js";
import type { Env } from "../../runtime/frame.js";
import { getV, keyToDisplay } from "../../runtime/object-ops.js";
import type { Run } from "../../runtime/run.js";
import { throwTypeError } from "../../runtime/throw.js";
import { JSArray } from "../../values/array.js";
import { JSObject } from "../../values/object.js";
import { HOLE, type Key, type Value } from "../../values/value.js";
import { type Ctx, type Expr, nodeText } from "../context.js";
import { compileExpr } from "../dispatch.js";
import { compilePrivateGetter } from "../private-names.js";
import { ReadCache, readNamed } from "../property-cache.js";
import { compileHomeObject, compileThis } from "./this.js";

/** Returned by an optional link whose base is nullish; never escapes a ChainExpression. */
export const SHORT: unique symbol = Symbol("optional-chain-short-circuit");

/** `o[k]` read with a number key: dense array elements and string characters directly. */
export function getComputed(run: Run, o: Value, k: Value): Value {
  if (typeof k === "number") {
    if (o instanceof JSArray && !o.sparse && k >= 0 && (k | 0) === k) {
      const d = o.dense;
      if (k < d.length) {
        const v = d[k];
        if (v !== HOLE) return v as Value;
      }
      return o.getIndex(run, k, o);
    }
    if (typeof o === "string" && k >= 0 && (k | 0) === k && k < o.length) return o[k] as string;
  }
  if (o === undefined || o === null) {
    return throwTypeError(
      run,
      `Cannot read properties of ${o} (reading '${keyToDisplay(typeof k === "symbol" ? k : String(k))}')`,
    );
  }
  const key: Key = toPropertyKey(run, k);
  return o instanceof JSObject ? o.get(run, key, o) : getV(run, o, key);
}

/** Compiles the object part of a member expression, propagating optional short-circuits. */
export function compileObject(ctx: Ctx, m: ES.MemberExpression): Expr {
  if (m.object.type === "Super") return compileThis(ctx);
  return compileExpr(ctx, m.object as ES.Expression);
}

/** Reads property `m` of an already evaluated base `o` (and `thisValue` for super). */
export function compileGetFrom(ctx: Ctx, m: ES.MemberExpression): (s: Env, o: Value) => Value {
  if (m.property.type === "PrivateIdentifier") return compilePrivateGetter(ctx, m);
  if (m.object.type === "Super") {
    const home = compileHomeObject(ctx);
    const key = m.computed ? compileExpr(ctx, m.property as ES.Expression) : undefined;
    const name = m.computed ? "" : (m.property as ES.Identifier).name;
    return (s, thisValue) => {
      const run = s.f.run;
      const k = key ? toPropertyKey(run, key(s)) : name;
      const h = home(s);
      const proto = h.getPrototypeOf(run);
      if (proto === null)
        return throwTypeError(run, `Cannot read properties of null (reading '${keyToDisplay(k)}')`);
      return proto.get(run, k, thisValue);
    };
  }
  if (!m.computed) {
    const key = (m.property as ES.Identifier).name;
    const cache = new ReadCache();
    const text = nodeText(ctx, m.object);
    return (s, o) => {
      if (o === undefined || o === null) {
        return throwTypeError(
          s.f.run,
          `Cannot read properties of ${o} (reading '${key}') in ${text}.${key}`,
        );
      }
      return readNamed(s.f.run, o, key, cache);
    };
  }
  const key = compileExpr(ctx, m.property as ES.Expression);
  return (s, o) => {
    const k = key(s);
    return getComputed(s.f.run, o, k);
  };
}

export function MemberExpression(m: ES.MemberExpression, ctx: Ctx): Expr {
  const obj = compileObject(ctx, m);
  const get = compileGetFrom(ctx, m);
  const start = m.start;
  if (m.optional) {
    return (s) => {
      const o = obj(s);
      if (o === (SHORT as unknown)) return SHORT as unknown as Value;
      if (o === undefined || o === null) return SHORT as unknown as Value;
      return get(s, o);
    };
  }
  if (!m.computed && m.object.type !== "Super" && m.property.type !== "PrivateIdentifier") {
    const key = (m.property as ES.Identifier).name;
    const cache = new ReadCache();
    return (s) => {
      const o = obj(s);
      if (o instanceof JSObject) {
        const shape = o.shape;
        if (shape === cache.shape && shape !== null && cache.chain.length === 0)
          return o.slots[cache.slot] as Value;
      } else if (o === (SHORT as unknown)) return o as Value;
      else if (o === undefined || o === null) {
        s.f.pos = start;
        return throwTypeError(s.f.run, `Cannot read properties of ${o} (reading '${key}')`);
      }
      return readNamed(s.f.run, o, key, cache);
    };
  }
  return (s) => {
    const o = obj(s);
    if (o === (SHORT as unknown)) return o as Value;
    s.f.pos = start;
    return get(s, o);
  };
}

export function ChainExpression(node: ES.ChainExpression, ctx: Ctx): Expr {
  const inner = compileExpr(ctx, node.expression);
  return (s) => {
    const v = inner(s);
    return v === (SHORT as unknown) ? undefined : v;
  };
}
