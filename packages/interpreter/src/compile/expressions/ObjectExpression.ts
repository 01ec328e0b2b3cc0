/**
 * Object and array literals. An object literal whose keys are all static data properties builds
 * its object in one step with a shape cached at the site.
 */
import type * as ES from "acorn";
import type { ClosureFunction } from "../../runtime/closure.js";
import { toObject, toPropertyKey } from "../../runtime/conversions.js";
import { BYTES_OBJECT, BYTES_PROPERTY } from "../../runtime/costs.js";
import type { Env } from "../../runtime/frame.js";
import { iterableToList } from "../../runtime/iteration.js";
import { createArray, createDataProperty } from "../../runtime/object-ops.js";
import type { Run } from "../../runtime/run.js";
import { JSArray } from "../../values/array.js";
import { defineNameAndLength, functionName } from "../../values/function.js";
import { JSObject } from "../../values/object.js";
import { WEC } from "../../values/property.js";
import type { Shape } from "../../values/shape.js";
import { HOLE, type Key, type Value } from "../../values/value.js";
import type { Ctx, Expr } from "../context.js";
import { compileExpr } from "../dispatch.js";
import { compileFunctionCode, makeClosure } from "../functions.js";
import { compileNamedExpr, isAnonymousFunctionDefinition } from "../naming.js";
import { isPristineArrayIteration } from "./CallExpression.js";

type Part = (s: Env, o: JSObject) => void;

function staticKey(p: ES.Property | ES.MethodDefinition | ES.PropertyDefinition): Key | undefined {
  if (p.computed) return undefined;
  const k = p.key;
  if (k.type === "Identifier") return k.name;
  if (k.type === "Literal") {
    if (typeof k.value === "bigint" || (k as ES.Literal).bigint !== undefined)
      return String(BigInt((k as ES.Literal).bigint as string));
    return String(k.value);
  }
  return undefined;
}

/** Key of a class element or object property: static, or computed at run time. */
export function compileKey(
  ctx: Ctx,
  p: ES.Property | ES.MethodDefinition | ES.PropertyDefinition,
): (s: Env) => Key {
  const k = staticKey(p);
  if (k !== undefined) return () => k;
  const e = compileExpr(ctx, p.key as ES.Expression);
  return (s) => toPropertyKey(s.f.run, e(s));
}

/** Defines a method, getter or setter with its home object (MethodDefinitionEvaluation). */
export function compileMethod(
  ctx: Ctx,
  fn: ES.FunctionExpression,
  kind: "method" | "get" | "set",
  enumerable: boolean,
  definition?: ES.Node,
): (s: Env, home: JSObject, key: Key) => void {
  const sourceRange = definition ? { start: definition.start, end: definition.end } : undefined;
  const code = compileFunctionCode(ctx, fn, { name: "", method: true, sourceRange });
  return (s, home, key) => {
    const run = s.f.run;
    const f = makeClosure(run.realm, code, s, "") as ClosureFunction;
    f.home = home;
    defineNameAndLength(f, key, code.length, kind === "method" ? undefined : kind);
    if (kind === "method") {
      home.defineOwnProperty(run, key, {
        value: f,
        writable: true,
        enumerable,
        configurable: true,
      });
    } else {
      const existing = home.getOwnProperty(run, key);
      const desc =
        kind === "get"
          ? { get: f, set: existing && "set" in existing ? existing.set : undefined }
          : { set: f, get: existing && "get" in existing ? existing.get : undefined };
      home.defineOwnProperty(run, key, { ...desc, enumerable, configurable: true });
    }
  };
}

export function ObjectExpression(node: ES.ObjectExpression, ctx: Ctx): Expr {
  const props = node.properties;
  const simple: { key: string; value: Expr }[] = [];
  let allSimple = true;
  const seen = new Set<string>();
  for (const p of props) {
    if (p.type !== "Property" || p.kind !== "init" || p.method || p.computed) {
      allSimple = false;
      break;
    }
    const key = staticKey(p);
    if (
      key === undefined ||
      typeof key !== "string" ||
      key === "__proto__" ||
      seen.has(key) ||
      /^\d/.test(key)
    ) {
      allSimple = false;
      break;
    }
    seen.add(key);
    const v = p.value as ES.Expression;
    simple.push({
      key,
      value: isAnonymousFunctionDefinition(v) ? compileNamedExpr(ctx, v, key) : compileExpr(ctx, v),
    });
  }
  if (allSimple) return compileSimpleObject(simple);

  const parts: Part[] = props.map((p) => {
    if (p.type === "SpreadElement") {
      const e = compileExpr(ctx, p.argument);
      return (s, o) => copyDataProperties(s.f.run, o, e(s));
    }
    if (p.kind === "get" || p.kind === "set" || p.method) {
      const key = compileKey(ctx, p);
      const m = compileMethod(
        ctx,
        p.value as ES.FunctionExpression,
        p.kind === "init" ? "method" : p.kind,
        true,
        p,
      );
      return (s, o) => m(s, o, key(s));
    }
    if (!p.computed && !p.shorthand && staticKey(p) === "__proto__") {
      const e = compileExpr(ctx, p.value as ES.Expression);
      return (s, o) => {
        const v = e(s);
        if (v instanceof JSObject || v === null) o.setPrototypeOf(s.f.run, v);
      };
    }
    const key = compileKey(ctx, p);
    const v = p.value as ES.Expression;
    const sk = staticKey(p);
    const value =
      isAnonymousFunctionDefinition(v) && sk !== undefined
        ? compileNamedExpr(ctx, v, typeof sk === "string" ? sk : functionName(sk))
        : compileExpr(ctx, v);
    const runtimeName = isAnonymousFunctionDefinition(v) && sk === undefined;
    return (s, o) => {
      const k = key(s);
      const x = value(s);
      if (runtimeName && x instanceof JSObject)
        defineNameAndLength(x, k, (x as ClosureFunction).code?.length ?? 0);
      createDataProperty(s.f.run, o, k, x);
    };
  });
  return (s) => {
    const run = s.f.run;
    run.alloc(BYTES_OBJECT);
    const o = new JSObject(run.realm.emptyShape, run.realm.intrinsics.ObjectPrototype);
    for (const p of parts) p(s, o);
    return o;
  };
}

function compileSimpleObject(props: { key: string; value: Expr }[]): Expr {
  let shape: Shape | null = null;
  let realmShape: Shape | null = null;
  const n = props.length;
  const bytes = BYTES_OBJECT + n * BYTES_PROPERTY;
  return (s) => {
    const run = s.f.run;
    run.alloc(bytes);
    const realm = run.realm;
    const o = new JSObject(realm.emptyShape, realm.intrinsics.ObjectPrototype);
    const slots = new Array<Value>(n);
    for (let i = 0; i < n; i++) slots[i] = (props[i] as { value: Expr }).value(s);
    if (shape === null || realmShape !== realm.emptyShape) {
      let sh = realm.emptyShape;
      for (const p of props) sh = sh.add(p.key, WEC);
      shape = sh;
      realmShape = realm.emptyShape;
    }
    o.shape = shape;
    o.slots = slots;
    return o;
  };
}

/** https://tc39.es/ecma262/#sec-copydataproperties */
export function copyDataProperties(
  run: Run,
  target: JSObject,
  source: Value,
  excluded: readonly Key[] = [],
): void {
  if (source === undefined || source === null) return;
  const from = toObject(run, source);
  for (const k of from.ownKeys(run)) {
    if (excluded.includes(k)) continue;
    const d = from.getOwnProperty(run, k);
    if (d?.enumerable) {
      run.charge(1);
      createDataProperty(run, target, k, from.get(run, k, from));
    }
  }
}

export function ArrayExpression(node: ES.ArrayExpression, ctx: Ctx): Expr {
  const hasSpread = node.elements.some((e) => e?.type === "SpreadElement");
  const els = node.elements.map((e) => {
    if (e === null) return null;
    if (e.type === "SpreadElement") return { spread: true, e: compileExpr(ctx, e.argument) };
    return { spread: false, e: compileExpr(ctx, e) };
  });
  if (!hasSpread) {
    const n = els.length;
    return (s) => {
      const list = new Array<Value | typeof HOLE>(n);
      for (let i = 0; i < n; i++) {
        const el = els[i];
        list[i] = el === null || el === undefined ? HOLE : el.e(s);
      }
      return createArray(s.f.run, list as Value[]);
    };
  }
  return (s) => {
    const run = s.f.run;
    const list: (Value | typeof HOLE)[] = [];
    for (const el of els) {
      if (el === null) list.push(HOLE);
      else if (!el.spread) list.push(el.e(s));
      else {
        const v = el.e(s);
        if (v instanceof JSArray && !v.sparse && isPristineArrayIteration(run, v)) {
          run.charge(v.dense.length);
          for (const x of v.dense) list.push(x === HOLE ? undefined : x);
        } else for (const x of iterableToList(run, v)) list.push(x);
      }
    }
    return createArray(run, list as Value[]);
  };
}
