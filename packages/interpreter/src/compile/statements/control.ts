/** if, labels, break/continue, return, throw, switch, with. */
import type * as ES from "acorn";
import { strictlyEqual, toBoolean, toObject } from "../../runtime/conversions.js";
import { Env } from "../../runtime/frame.js";
import { ThrowSignal } from "../../runtime/throw.js";
import type { Value } from "../../values/value.js";
import { BREAK, CONTINUE, type Ctx, type Expr, NORMAL, RETURN, type Stmt } from "../context.js";
import { compileExpr, compileStmt } from "../dispatch.js";
import { compileBlockEntry, compileStatements } from "../functions.js";

export function IfStatement(node: ES.IfStatement, ctx: Ctx): Stmt {
  const test = compileExpr(ctx, node.test);
  const yes = compileStmt(ctx, node.consequent);
  const no = node.alternate ? compileStmt(ctx, node.alternate) : undefined;
  const completion = ctx.completion;
  return (s) => {
    if (completion) s.f.cv = undefined;
    const t = test(s);
    if (t === true || (t !== false && toBoolean(t))) return yes(s);
    return no === undefined ? NORMAL : no(s);
  };
}

const ITERATION = new Set([
  "ForStatement",
  "ForInStatement",
  "ForOfStatement",
  "WhileStatement",
  "DoWhileStatement",
]);

export function LabeledStatement(node: ES.LabeledStatement, ctx: Ctx): Stmt {
  const label = node.label.name;
  ctx.pendingLabels.push(label);
  let body: Stmt;
  if (ITERATION.has(node.body.type) || node.body.type === "LabeledStatement") {
    body = compileStmt(ctx, node.body);
  } else {
    ctx.pendingLabels = [];
    body = compileStmt(ctx, node.body);
  }
  ctx.pendingLabels = [];
  return (s) => {
    const c = body(s);
    if (c === BREAK && s.f.label === label) {
      s.f.label = undefined;
      return NORMAL;
    }
    return c;
  };
}

/** Labels that name the loop being compiled; call at the start of each iteration statement. */
export function takeLabels(ctx: Ctx): string[] {
  const l = ctx.pendingLabels;
  ctx.pendingLabels = [];
  return l;
}

export function BreakStatement(node: ES.BreakStatement): Stmt {
  const label = node.label?.name;
  return (s) => {
    s.f.label = label;
    return BREAK;
  };
}

export function ContinueStatement(node: ES.ContinueStatement): Stmt {
  const label = node.label?.name;
  return (s) => {
    s.f.label = label;
    return CONTINUE;
  };
}

export function ReturnStatement(node: ES.ReturnStatement, ctx: Ctx): Stmt {
  const arg = node.argument ? compileExpr(ctx, node.argument) : undefined;
  if (arg === undefined) {
    return (s) => {
      s.f.ret = undefined;
      return RETURN;
    };
  }
  return (s) => {
    s.f.ret = arg(s);
    return RETURN;
  };
}

export function ThrowStatement(node: ES.ThrowStatement, ctx: Ctx): Stmt {
  const arg = compileExpr(ctx, node.argument);
  const start = node.start;
  return (s) => {
    const v = arg(s);
    s.f.pos = start;
    throw new ThrowSignal(v);
  };
}

export function SwitchStatement(node: ES.SwitchStatement, ctx: Ctx): Stmt {
  const disc = compileExpr(ctx, node.discriminant);
  const scope = ctx.scopeOf(node);
  const all = node.cases.flatMap((c) => c.consequent);
  const enter = compileBlockEntry(ctx, scope, all);
  const labels = takeLabels(ctx);
  void labels;
  const completion = ctx.completion;
  const cases = ctx.within(scope, () =>
    node.cases.map((c) => ({
      test: c.test ? compileExpr(ctx, c.test) : undefined,
      body: compileStatements(ctx, c.consequent),
    })),
  );
  const defaultIndex = node.cases.findIndex((c) => c.test == null);
  return (s) => {
    const v: Value = disc(s);
    const e = enter ? enter(s) : s;
    if (completion) s.f.cv = undefined;
    let start = -1;
    for (let i = 0; i < cases.length; i++) {
      const t = (cases[i] as { test: Expr | undefined }).test;
      if (t !== undefined && strictlyEqual(v, t(e))) {
        start = i;
        break;
      }
    }
    if (start < 0) start = defaultIndex;
    if (start < 0) return NORMAL;
    for (let i = start; i < cases.length; i++) {
      const c = (cases[i] as { body: Stmt }).body(e);
      if (c === NORMAL) continue;
      if (c === BREAK && s.f.label === undefined) return NORMAL;
      return c;
    }
    return NORMAL;
  };
}

export function WithStatement(node: ES.WithStatement, ctx: Ctx): Stmt {
  const obj = compileExpr(ctx, node.object);
  const scope = ctx.scopeOf(node);
  const body = ctx.within(scope, () => compileStmt(ctx, node.body));
  const completion = ctx.completion;
  return (s) => {
    const o = toObject(s.f.run, obj(s));
    if (completion) s.f.cv = undefined;
    return body(new Env([o], s, s.f));
  };
}
