import type * as ES from "acorn";
import type { FunctionCode } from "../runtime/closure.js";
import type { Ctx, Expr } from "./context.js";
import { compileFunctionCode, type FunctionNode, makeClosure } from "./functions.js";

/**
 * A function expression, arrow function or (hoisted) declaration: compiled once, then each
 * evaluation creates a closure over the current environment.
 */
export function compileFunctionExpr(node: FunctionNode, ctx: Ctx, nameHint?: string): Expr {
  const name = node.id?.name ?? nameHint ?? "";
  const code: FunctionCode = compileFunctionCode(ctx, node, { name });
  return (s) => makeClosure(s.f.run.realm, code, s, name);
}

export type { ES };
