/**
 * Module-level declarations. Imports are bound when the module graph is linked and function
 * declarations hoisted then (compile/module.ts), so at evaluation time only exported
 * declarations, classes and `export default <expression>` do anything.
 */
import type * as ES from "acorn";
import { compileClass } from "../class.js";
import { type Ctx, NORMAL, type Stmt } from "../context.js";
import { compileExpr, compileStmt } from "../dispatch.js";
import { compileNamedExpr, isAnonymousFunctionDefinition } from "../naming.js";
import { compileInit } from "../references.js";

const nothing: Stmt = () => NORMAL;

export function ImportDeclaration(): Stmt {
  return nothing;
}

export function ExportAllDeclaration(): Stmt {
  return nothing;
}

export function ExportNamedDeclaration(node: ES.ExportNamedDeclaration, ctx: Ctx): Stmt {
  if (!node.declaration || node.declaration.type === "FunctionDeclaration") return nothing;
  return compileStmt(ctx, node.declaration);
}

export function ExportDefaultDeclaration(node: ES.ExportDefaultDeclaration, ctx: Ctx): Stmt {
  const d = node.declaration;
  if (d.type === "FunctionDeclaration") return nothing;
  if (d.type === "ClassDeclaration" && d.id) return compileStmt(ctx, d);
  const value =
    d.type === "ClassDeclaration"
      ? compileClass(ctx, d, "default")
      : isAnonymousFunctionDefinition(d)
        ? compileNamedExpr(ctx, d as ES.Expression, "default")
        : compileExpr(ctx, d as ES.Expression);
  const init = compileInit(ctx, node as unknown as { start: number; name: string });
  return (s) => {
    init(s, value(s));
    return NORMAL;
  };
}
