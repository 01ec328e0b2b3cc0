/**
 * try/catch/finally (https://tc39.es/ecma262/#sec-try-statement). Only guest exceptions
 * (ThrowSignal) are caught and only they run `finally` blocks on the way out: budget exhaustion
 * and aborts are host errors that guest code can neither catch nor delay.
 */
import type * as ES from "acorn";
import { Env } from "../../runtime/frame.js";
import { asGuestThrow } from "../../runtime/throw.js";
import { type Ctx, NORMAL, type Stmt } from "../context.js";
import { compileStmt } from "../dispatch.js";
import { slotTemplate } from "../functions.js";
import { compileBinding } from "../patterns.js";

export function TryStatement(node: ES.TryStatement, ctx: Ctx): Stmt {
  const block = compileStmt(ctx, node.block);
  const completion = ctx.completion;
  let guarded: Stmt = block;
  if (node.handler) {
    const h = node.handler;
    const scope = ctx.scopeOf(h);
    const bind = h.param
      ? ctx.within(scope, () => compileBinding(ctx, h.param as ES.Pattern, "init"))
      : undefined;
    const body = ctx.within(scope, () => compileStmt(ctx, h.body));
    const materialized = scope?.materialized === true;
    const template = scope && materialized ? slotTemplate(scope) : undefined;
    const lexSlots = scope && !materialized ? [...scope.bindings.values()].map((b) => b.slot) : [];
    guarded = (s) => {
      try {
        return block(s);
      } catch (thrown) {
        const e = asGuestThrow(s.f.run, thrown);
        if (e === undefined) throw thrown;
        let env = s;
        if (template !== undefined) env = new Env(template.slice(), s, s.f);
        else for (const i of lexSlots) s.v[i] = undefined;
        if (completion) s.f.cv = undefined;
        if (bind) bind(env, e.value);
        return body(env);
      }
    };
  }
  if (!node.finalizer) {
    if (!completion) return guarded;
    return (s) => {
      s.f.cv = undefined;
      return guarded(s);
    };
  }
  const fin = compileStmt(ctx, node.finalizer);
  return (s) => {
    if (completion) s.f.cv = undefined;
    let c: number;
    try {
      c = guarded(s);
    } catch (thrown) {
      const e = asGuestThrow(s.f.run, thrown);
      if (e === undefined) throw thrown;
      const cv = s.f.cv;
      const fc = fin(s);
      if (fc !== NORMAL) return fc;
      s.f.cv = cv;
      throw e;
    }
    const f = s.f;
    const ret = f.ret;
    const label = f.label;
    const cv = f.cv;
    const fc = fin(s);
    if (fc !== NORMAL) return fc;
    f.ret = ret;
    f.label = label;
    f.cv = cv;
    return c;
  };
}
