/**
 * Calls (https://tc39.es/ecma262/#sec-function-calls), `new`, `super(...)` and argument lists.
 */
import type * as ES from "acorn";
import type { ClosureFunction } from "../../runtime/closure.js";
import type { Env } from "../../runtime/frame.js";
import { iterableToList } from "../../runtime/iteration.js";
import type { Run } from "../../runtime/run.js";
import { throwReferenceError, throwTypeError } from "../../runtime/throw.js";
import { JSArray } from "../../values/array.js";
import { JSObject } from "../../values/object.js";
import { HOLE, UNINIT, type Value } from "../../values/value.js";
import { type Ctx, type Expr, nodeText } from "../context.js";
import { compileExpr } from "../dispatch.js";
import { compileDirectEval } from "../eval.js";
import { compileCallThis } from "../references.js";
import { compileGetFrom, compileObject, SHORT } from "./MemberExpression.js";
import { compileThisFrame } from "./this.js";

export type Args = (s: Env) => Value[];

/** Spreads an iterable into `out`; dense arrays with the built-in iterator are copied directly. */
function spreadInto(run: Run, v: Value, out: Value[]): void {
  if (v instanceof JSArray && !v.sparse && isPristineArrayIteration(run, v)) {
    const d = v.dense;
    run.charge(d.length);
    for (let i = 0; i < d.length; i++) {
      const x = d[i];
      out.push(x === HOLE ? undefined : (x as Value));
    }
    return;
  }
  for (const x of iterableToList(run, v)) out.push(x);
}

/** True when iterating `a` with for-of would observably be a plain index walk. */
export function isPristineArrayIteration(run: Run, a: JSArray): boolean {
  const i = run.realm.intrinsics;
  if (a.proto !== i.ArrayPrototype || a.storageAttrs(Symbol.iterator) >= 0) return false;
  const values = i.ArrayPrototypeValues;
  if (values === undefined || i.ArrayPrototype.storageGet(Symbol.iterator) !== values) return false;
  const next = i.ArrayIteratorPrototypeNext;
  if (next === undefined || i.ArrayIteratorPrototype.storageGet("next") !== next) return false;
  for (let k = 0; k < a.dense.length; k++) if (a.dense[k] === HOLE) return false;
  return true;
}

export function compileArgs(ctx: Ctx, list: readonly (ES.Expression | ES.SpreadElement)[]): Args {
  if (list.some((a) => a.type === "SpreadElement")) {
    const parts = list.map((a) =>
      a.type === "SpreadElement"
        ? { spread: true, e: compileExpr(ctx, a.argument) }
        : { spread: false, e: compileExpr(ctx, a) },
    );
    return (s) => {
      const out: Value[] = [];
      for (const p of parts) {
        if (p.spread) spreadInto(s.f.run, p.e(s), out);
        else out.push(p.e(s));
      }
      return out;
    };
  }
  const es = list.map((a) => compileExpr(ctx, a as ES.Expression));
  switch (es.length) {
    case 0:
      return () => [];
    case 1: {
      const [a] = es as [Expr];
      return (s) => [a(s)];
    }
    case 2: {
      const [a, b] = es as [Expr, Expr];
      return (s) => {
        const x = a(s);
        return [x, b(s)];
      };
    }
    case 3: {
      const [a, b, c] = es as [Expr, Expr, Expr];
      return (s) => {
        const x = a(s);
        const y = b(s);
        return [x, y, c(s)];
      };
    }
    default:
      return (s) => {
        const out = new Array<Value>(es.length);
        for (let i = 0; i < es.length; i++) out[i] = (es[i] as Expr)(s);
        return out;
      };
  }
}

function notCallable(run: Run, text: string): never {
  return throwTypeError(run, `${text} is not a function`);
}

export function CallExpression(node: ES.CallExpression, ctx: Ctx): Expr {
  const callee = node.callee;
  const args = compileArgs(ctx, node.arguments);
  const start = node.start;
  const text = nodeText(ctx, callee);
  const optional = node.optional;
  if (callee.type === "Super") return compileSuperCall(ctx, args, start);
  if (callee.type === "MemberExpression") {
    const obj = compileObject(ctx, callee);
    const get = compileGetFrom(ctx, callee);
    const memberOptional = callee.optional;
    return (s) => {
      const o = obj(s);
      if (o === (SHORT as unknown)) return o as Value;
      if (memberOptional && (o === undefined || o === null)) return SHORT as unknown as Value;
      const f = s.f;
      f.pos = start;
      const fn = get(s, o);
      if (optional && (fn === undefined || fn === null)) return SHORT as unknown as Value;
      const argv = args(s);
      if (!(fn instanceof JSObject) || !fn.isCallable()) return notCallable(f.run, text);
      f.pos = start;
      return fn.call(f.run, o, argv);
    };
  }
  if (callee.type === "Identifier" && callee.name === "eval") {
    return compileDirectEval(ctx, node, args);
  }
  const fnExpr = compileExpr(ctx, callee);
  const withThis = callee.type === "Identifier" ? compileCallThis(ctx, callee) : undefined;
  return (s) => {
    const fn = fnExpr(s);
    if (fn === (SHORT as unknown)) return fn as Value;
    if (optional && (fn === undefined || fn === null)) return SHORT as unknown as Value;
    const thisValue = withThis ? withThis(s) : undefined;
    const argv = args(s);
    const f = s.f;
    if (!(fn instanceof JSObject) || !fn.isCallable()) return notCallable(f.run, text);
    f.pos = start;
    return fn.call(f.run, thisValue, argv);
  };
}

/** https://tc39.es/ecma262/#sec-super-keyword-runtime-semantics-evaluation */
function compileSuperCall(ctx: Ctx, args: Args, start: number): Expr {
  const frameOf = compileThisFrame(ctx);
  return (s) => {
    const frame = frameOf(s);
    const run = s.f.run;
    const active = frame.fn as ClosureFunction;
    const func = active.getPrototypeOf(run);
    const argv = args(s);
    if (func === null || !func.isConstructor())
      return throwTypeError(run, "Super constructor is not a constructor");
    s.f.pos = start;
    const result = func.construct(run, argv, frame.newTarget as JSObject);
    if (frame.thisValue !== UNINIT)
      return throwReferenceError(run, "Super constructor may only be called once");
    frame.thisValue = result;
    if (active.init !== undefined) active.init(run, result);
    return result;
  };
}

export function NewExpression(node: ES.NewExpression, ctx: Ctx): Expr {
  const callee = compileExpr(ctx, node.callee as ES.Expression);
  const args = compileArgs(ctx, node.arguments);
  const text = nodeText(ctx, node.callee);
  const start = node.start;
  return (s) => {
    const c = callee(s);
    const argv = args(s);
    const f = s.f;
    if (!(c instanceof JSObject) || !c.isConstructor())
      return throwTypeError(f.run, `${text} is not a constructor`);
    f.pos = start;
    return c.construct(f.run, argv, c);
  };
}
