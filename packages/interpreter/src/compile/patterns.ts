/**
 * Binding initialization and destructuring assignment
 * (https://tc39.es/ecma262/#sec-runtime-semantics-bindinginitialization,
 * https://tc39.es/ecma262/#sec-runtime-semantics-destructuringassignmentevaluation).
 */
import type * as ES from "acorn";
import { requireObjectCoercible, toObject, toPropertyKey } from "../runtime/conversions.js";
import type { Env } from "../runtime/frame.js";
import {
  DONE,
  getIterator,
  type IteratorRecord,
  iteratorClose,
  iteratorStepValue,
} from "../runtime/iteration.js";
import { createArray, createObject, getV, putV } from "../runtime/object-ops.js";
import { ThrowSignal } from "../runtime/throw.js";
import type { Key, Value } from "../values/value.js";
import type { Ctx, Expr } from "./context.js";
import { compileExpr } from "./dispatch.js";
import { compileNamedExpr, isAnonymousFunctionDefinition } from "./naming.js";
import { compilePrivateSetter } from "./private-names.js";
import { compileAssign, compileInit } from "./references.js";

export type Bind = (s: Env, v: Value) => void;

/** Compiles a binding target. `init` initializes declarations; `assign` is PutValue. */
export function compileBinding(ctx: Ctx, p: ES.Pattern, mode: "init" | "assign"): Bind {
  switch (p.type) {
    case "Identifier":
      return mode === "init" ? compileInit(ctx, p) : compileAssign(ctx, p);
    case "MemberExpression":
      return compileMemberTarget(ctx, p);
    case "AssignmentPattern":
      return compileDefault(ctx, p, mode);
    case "ObjectPattern":
      return compileObjectPattern(ctx, p, mode);
    case "ArrayPattern":
      return compileArrayPattern(ctx, p, mode);
    case "RestElement":
      return compileBinding(ctx, p.argument, mode);
    default:
      throw new Error(`internal: binding target ${(p as ES.Node).type}`);
  }
}

/** An initializer; anonymous functions and classes take the target identifier's name. */
export function compileInitializer(ctx: Ctx, target: ES.Pattern, init: ES.Expression): Expr {
  if (target.type === "Identifier" && isAnonymousFunctionDefinition(init)) {
    return compileNamedExpr(ctx, init, target.name);
  }
  return compileExpr(ctx, init);
}

function compileMemberTarget(ctx: Ctx, p: ES.MemberExpression): Bind {
  const obj = compileExpr(ctx, p.object as ES.Expression);
  const strict = ctx.strict;
  if (p.property.type === "PrivateIdentifier") {
    const set = compilePrivateSetter(ctx, p);
    return (s, v) => set(s, obj(s), v);
  }
  if (!p.computed) {
    const key = (p.property as ES.Identifier).name;
    return (s, v) => putV(s.f.run, obj(s), key, v, strict);
  }
  const keyExpr = compileExpr(ctx, p.property as ES.Expression);
  return (s, v) => {
    const o = obj(s);
    const k = toPropertyKey(s.f.run, keyExpr(s));
    putV(s.f.run, o, k, v, strict);
  };
}

/**
 * A destructuring target whose reference is evaluated before its value is fetched: member
 * expressions in assignment patterns (`[o.a, o[k]] = …`). `prepare` evaluates the object and key
 * (the key is converted only when storing); `put` stores.
 */
interface Target {
  prepare: ((s: Env) => [Value, Value]) | undefined;
  put: (s: Env, v: Value, ref: [Value, Value] | undefined) => void;
}

function compileTarget(ctx: Ctx, p: ES.Pattern, mode: "init" | "assign"): Target {
  let inner = p;
  let init: Expr | undefined;
  if (p.type === "AssignmentPattern") {
    inner = p.left;
    init = compileInitializer(ctx, p.left, p.right);
  }
  if (mode === "assign" && inner.type === "MemberExpression" && inner.object.type !== "Super") {
    const m = inner;
    const obj = compileExpr(ctx, m.object as ES.Expression);
    const strict = ctx.strict;
    const setPrivate =
      m.property.type === "PrivateIdentifier" ? compilePrivateSetter(ctx, m) : undefined;
    const keyExpr = m.computed ? compileExpr(ctx, m.property as ES.Expression) : undefined;
    const name = m.computed || setPrivate ? "" : (m.property as ES.Identifier).name;
    return {
      prepare: (s) => [obj(s), keyExpr ? keyExpr(s) : name],
      put: (s, v, ref) => {
        const value = init !== undefined && v === undefined ? init(s) : v;
        const [o, k] = ref as [Value, Value];
        if (setPrivate) setPrivate(s, o, value);
        else putV(s.f.run, o, toPropertyKey(s.f.run, k), value, strict);
      },
    };
  }
  const bind = compileBinding(ctx, p, mode);
  return { prepare: undefined, put: (s, v) => bind(s, v) };
}

function compileDefault(ctx: Ctx, p: ES.AssignmentPattern, mode: "init" | "assign"): Bind {
  const target = compileBinding(ctx, p.left, mode);
  const init = compileInitializer(ctx, p.left, p.right);
  return (s, v) => target(s, v === undefined ? init(s) : v);
}

function compileObjectPattern(ctx: Ctx, p: ES.ObjectPattern, mode: "init" | "assign"): Bind {
  const props: { key: Key | Expr; target: Target }[] = [];
  let rest: Bind | undefined;
  for (const prop of p.properties) {
    if (prop.type === "RestElement") {
      rest = compileBinding(ctx, prop.argument, mode);
      continue;
    }
    let key: Key | Expr;
    if (prop.computed) key = compileExpr(ctx, prop.key as ES.Expression);
    else if (prop.key.type === "Identifier") key = prop.key.name;
    else key = String((prop.key as ES.Literal).value);
    props.push({ key, target: compileTarget(ctx, prop.value, mode) });
  }
  return (s, v) => {
    const run = s.f.run;
    requireObjectCoercible(run, v, "destructuring source");
    const used: Key[] | undefined = rest ? [] : undefined;
    for (const { key, target } of props) {
      const k = typeof key === "function" ? toPropertyKey(run, key(s)) : key;
      used?.push(k);
      const ref = target.prepare?.(s);
      target.put(s, getV(run, v, k), ref);
    }
    if (rest !== undefined) {
      const src = toObject(run, v);
      const out = createObject(run);
      for (const k of src.ownKeys(run)) {
        if ((used as Key[]).includes(k)) continue;
        const d = src.getOwnProperty(run, k);
        if (d?.enumerable) out.defineData(k, src.get(run, k, src));
      }
      rest(s, out);
    }
  };
}

function compileArrayPattern(ctx: Ctx, p: ES.ArrayPattern, mode: "init" | "assign"): Bind {
  const elements = p.elements.map((e) => {
    if (e === null) return null;
    if (e.type === "RestElement")
      return { rest: true, target: compileTarget(ctx, e.argument, mode) };
    return { rest: false, target: compileTarget(ctx, e, mode) };
  });
  return (s, v) => {
    const run = s.f.run;
    const rec: IteratorRecord = getIterator(run, v);
    try {
      for (const el of elements) {
        if (el === null) {
          if (!rec.done) iteratorStepValue(run, rec);
          continue;
        }
        const ref = el.target.prepare?.(s);
        if (el.rest) {
          const list: Value[] = [];
          while (!rec.done) {
            const x = iteratorStepValue(run, rec);
            if (x === DONE) break;
            run.charge(1);
            list.push(x);
          }
          el.target.put(s, createArray(run, list), ref);
          continue;
        }
        let x: Value;
        if (!rec.done) {
          const y = iteratorStepValue(run, rec);
          if (y !== DONE) x = y;
        }
        el.target.put(s, x, ref);
      }
    } catch (e) {
      if (!rec.done && e instanceof ThrowSignal) iteratorClose(run, rec, true);
      throw e;
    }
    if (!rec.done) iteratorClose(run, rec, false);
  };
}
