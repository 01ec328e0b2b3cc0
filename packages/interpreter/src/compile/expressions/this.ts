/** `this`, `new.target` and the home object, found in the activation that provides them. */
import type * as ES from "acorn";
import type { ClosureFunction } from "../../runtime/closure.js";
import type { Env, Frame } from "../../runtime/frame.js";
import { throwReferenceError } from "../../runtime/throw.js";
import type { JSObject } from "../../values/object.js";
import { UNINIT, type Value } from "../../values/value.js";
import type { Ctx, Expr } from "../context.js";
import { up } from "../references.js";
import { hopsBetween } from "../scope.js";

/** The frame that provides `this` for code in the current scope. */
export function compileThisFrame(ctx: Ctx): (s: Env) => Frame {
  const target = ctx.scope.thisScope;
  const hops = hopsBetween(ctx.scope, target);
  if (hops === 0) return (s) => s.f;
  return (s) => up(s, hops).f;
}

export function compileThis(ctx: Ctx): Expr {
  const frame = compileThisFrame(ctx);
  const target = ctx.scope.thisScope;
  const mayBeUninit = target.kind === "function" && target.isDerived;
  if (!mayBeUninit) return (s) => frame(s).thisValue as Value;
  return (s) => {
    const t = frame(s).thisValue;
    if (t === UNINIT) {
      return throwReferenceError(
        s.f.run,
        "Must call super constructor in derived class before accessing 'this' or returning from derived constructor",
      );
    }
    return t as Value;
  };
}

export function ThisExpression(_node: ES.ThisExpression, ctx: Ctx): Expr {
  return compileThis(ctx);
}

export function compileNewTarget(ctx: Ctx): Expr {
  const frame = compileThisFrame(ctx);
  const target = ctx.scope.thisScope;
  if (target.kind !== "function") return () => undefined;
  if (target.isFieldInit) return () => undefined;
  return (s) => frame(s).newTarget;
}

/** [[HomeObject]] of the method providing `super`. */
export function compileHomeObject(ctx: Ctx): (s: Env) => JSObject {
  const frame = compileThisFrame(ctx);
  return (s) => (frame(s).fn as ClosureFunction).home as JSObject;
}
