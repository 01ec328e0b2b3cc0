/** Block, expression, empty and debugger statements. */
import type * as ES from "acorn";
import type { Env } from "../../runtime/frame.js";
import { type Ctx, NOOP, type Stmt } from "../context.js";
import { compileExpr } from "../dispatch.js";
import { compileBlockEntry, compileStatements } from "../functions.js";

export function BlockStatement(node: ES.BlockStatement, ctx: Ctx): Stmt {
  const scope = ctx.scopeOf(node);
  const enter = compileBlockEntry(ctx, scope, node.body);
  const body = ctx.within(scope, () => compileStatements(ctx, node.body));
  if (enter === undefined) return body;
  return (s) => body(enter(s));
}

export function ExpressionStatement(node: ES.ExpressionStatement, ctx: Ctx): Stmt {
  const e = compileExpr(ctx, node.expression);
  if (ctx.completion) {
    return (s: Env) => {
      s.f.cv = e(s);
      return 0;
    };
  }
  return (s) => {
    e(s);
    return 0;
  };
}

export function EmptyStatement(): Stmt {
  return NOOP;
}

export function DebuggerStatement(): Stmt {
  return NOOP;
}
