/**
 * NamedEvaluation (https://tc39.es/ecma262/#sec-runtime-semantics-namedevaluation): anonymous
 * function and class expressions take the name of what they are assigned to.
 */
import type * as ES from "acorn";
import { compileClass } from "./class.js";
import type { Ctx, Expr } from "./context.js";
import { compileExpr } from "./dispatch.js";
import { compileFunctionExpr } from "./function-expr.js";

export function isAnonymousFunctionDefinition(e: ES.Node): boolean {
  switch (e.type) {
    case "ArrowFunctionExpression":
      return true;
    case "FunctionExpression":
    case "ClassExpression":
      return (e as ES.FunctionExpression).id == null;
    case "ParenthesizedExpression":
      return false;
    default:
      return false;
  }
}

/** Compiles an anonymous function/class expression with a static name. */
export function compileNamedExpr(ctx: Ctx, e: ES.Expression, name: string): Expr {
  switch (e.type) {
    case "ArrowFunctionExpression":
    case "FunctionExpression":
      return compileFunctionExpr(e, ctx, name);
    case "ClassExpression":
      return compileClass(ctx, e, name);
    default:
      return compileExpr(ctx, e);
  }
}
