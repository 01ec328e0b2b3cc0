/**
 * Dispatch tables from ESTree node type to compiler, typed so that a node type without a
 * compiler is a type error.
 */
import type * as ES from "acorn";
import type { Ctx, Expr, Stmt } from "./context.js";
import { expressionCompilers } from "./expressions/index.js";
import { statementCompilers } from "./statements/index.js";

type ExprNode = ES.Expression | ES.Super | ES.PrivateIdentifier;
export type ExprCompilers = {
  [K in ES.Expression["type"]]: (node: Extract<ES.Expression, { type: K }>, ctx: Ctx) => Expr;
};
type StmtNode = ES.Statement | ES.ModuleDeclaration | ES.StaticBlock;
export type StmtCompilers = {
  [K in ES.Statement["type"] | ES.ModuleDeclaration["type"]]: (
    node: Extract<ES.Statement | ES.ModuleDeclaration, { type: K }>,
    ctx: Ctx,
  ) => Stmt;
};

export function compileExpr(ctx: Ctx, node: ExprNode): Expr {
  const c = (expressionCompilers as Record<string, (n: ExprNode, c: Ctx) => Expr>)[node.type];
  if (c === undefined) throw new Error(`internal: no compiler for ${node.type}`);
  return c(node, ctx);
}

export function compileStmt(ctx: Ctx, node: StmtNode): Stmt {
  const c = (statementCompilers as Record<string, (n: StmtNode, c: Ctx) => Stmt>)[node.type];
  if (c === undefined) throw new Error(`internal: no compiler for ${node.type}`);
  return c(node, ctx);
}
