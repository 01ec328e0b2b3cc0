import type * as ES from "acorn";
import { compileClass } from "../class.js";
import type { Ctx, Expr } from "../context.js";
import type { ExprCompilers } from "../dispatch.js";
import { compileFunctionExpr } from "../function-expr.js";
import { unsupported } from "../unsupported.js";
import { AssignmentExpression } from "./AssignmentExpression.js";
import { CallExpression, NewExpression } from "./CallExpression.js";
import { ImportExpression } from "./ImportExpression.js";
import {
  ConditionalExpression,
  Identifier,
  Literal,
  MetaProperty,
  ParenthesizedExpression,
  SequenceExpression,
  TaggedTemplateExpression,
  TemplateLiteral,
} from "./literals.js";
import { ChainExpression, MemberExpression } from "./MemberExpression.js";
import { ArrayExpression, ObjectExpression } from "./ObjectExpression.js";
import {
  BinaryExpression,
  LogicalExpression,
  UnaryExpression,
  UpdateExpression,
} from "./operators.js";
import { ThisExpression } from "./this.js";

export const expressionCompilers: ExprCompilers = {
  Identifier,
  Literal,
  ThisExpression,
  ArrayExpression,
  ObjectExpression,
  FunctionExpression: (n: ES.FunctionExpression, ctx: Ctx): Expr => compileFunctionExpr(n, ctx),
  ArrowFunctionExpression: (n: ES.ArrowFunctionExpression, ctx: Ctx): Expr =>
    compileFunctionExpr(n, ctx),
  ClassExpression: (n: ES.ClassExpression, ctx: Ctx): Expr => compileClass(ctx, n, ""),
  UnaryExpression,
  UpdateExpression,
  BinaryExpression,
  AssignmentExpression,
  LogicalExpression,
  MemberExpression,
  ConditionalExpression,
  CallExpression,
  NewExpression,
  SequenceExpression,
  YieldExpression: (n) => unsupported(n, "yield"),
  AwaitExpression: (n) => unsupported(n, "await"),
  TemplateLiteral,
  TaggedTemplateExpression,
  MetaProperty,
  ChainExpression,
  ImportExpression,
  ParenthesizedExpression,
};
