/**
 * Iteration statements. Every back-edge charges one unit of fuel (so `while (true) {}` ends
 * with the run's budget, its time limit or its abort signal). `let` loop bindings get a fresh
 * environment per iteration only when a closure captures them.
 */
import type * as ES from "acorn";
import { toBoolean, toObject } from "../../runtime/conversions.js";
import { Env } from "../../runtime/frame.js";
import { DONE, getIterator, iteratorClose, iteratorStepValue } from "../../runtime/iteration.js";
import type { Run } from "../../runtime/run.js";
import { ThrowSignal } from "../../runtime/throw.js";
import { JSArray } from "../../values/array.js";
import type { JSObject } from "../../values/object.js";
import { type Key, type Slot, UNINIT, type Value } from "../../values/value.js";
import { BREAK, CONTINUE, type Ctx, type Expr, NORMAL, type Stmt } from "../context.js";
import { compileExpr, compileStmt } from "../dispatch.js";
import { isPristineArrayIteration } from "../expressions/CallExpression.js";
import { slotTemplate } from "../functions.js";
import { type Bind, compileBinding } from "../patterns.js";
import type { Scope } from "../scope.js";
import { unsupported } from "../unsupported.js";
import { takeLabels } from "./control.js";

/** What a loop does with its body's completion: 0 = go on, 1 = leave normally, 2 = propagate. */
export function loopControl(s: Env, c: number, labels: string[]): 0 | 1 | 2 {
  if (c === NORMAL) return 0;
  const f = s.f;
  if (c === CONTINUE) {
    if (f.label === undefined || labels.includes(f.label)) {
      f.label = undefined;
      return 0;
    }
    return 2;
  }
  if (c === BREAK && (f.label === undefined || labels.includes(f.label))) {
    f.label = undefined;
    return 1;
  }
  return 2;
}

export function truthy(v: Value): boolean {
  return v === true || (v !== false && toBoolean(v));
}

export function WhileStatement(node: ES.WhileStatement, ctx: Ctx): Stmt {
  const labels = takeLabels(ctx);
  const test = compileExpr(ctx, node.test);
  const body = compileStmt(ctx, node.body);
  const completion = ctx.completion;
  return (s) => {
    const run = s.f.run;
    if (completion) s.f.cv = undefined;
    while (truthy(test(s))) {
      const c = body(s);
      if (c !== NORMAL) {
        const k = loopControl(s, c, labels);
        if (k === 1) break;
        if (k === 2) return c;
      }
      run.charge(1);
    }
    return NORMAL;
  };
}

export function DoWhileStatement(node: ES.DoWhileStatement, ctx: Ctx): Stmt {
  const labels = takeLabels(ctx);
  const test = compileExpr(ctx, node.test);
  const body = compileStmt(ctx, node.body);
  const completion = ctx.completion;
  return (s) => {
    const run = s.f.run;
    if (completion) s.f.cv = undefined;
    do {
      const c = body(s);
      if (c !== NORMAL) {
        const k = loopControl(s, c, labels);
        if (k === 1) break;
        if (k === 2) return c;
      }
      run.charge(1);
    } while (truthy(test(s)));
    return NORMAL;
  };
}

export function ForStatement(node: ES.ForStatement, ctx: Ctx): Stmt {
  const labels = takeLabels(ctx);
  const scope = ctx.scopeOf(node);
  return ctx.within(scope, () => {
    const init = node.init
      ? node.init.type === "VariableDeclaration"
        ? compileStmt(ctx, node.init)
        : exprStmt(compileExpr(ctx, node.init))
      : undefined;
    const test = node.test ? compileExpr(ctx, node.test) : undefined;
    const update = node.update ? compileExpr(ctx, node.update) : undefined;
    const body = compileStmt(ctx, node.body);
    const completion = ctx.completion;
    const perIteration = scope?.materialized;
    const template = perIteration ? slotTemplate(scope as Scope) : undefined;
    const lexSlots = scope && !perIteration ? [...scope.bindings.values()].map((b) => b.slot) : [];
    return (outer: Env) => {
      const run = outer.f.run;
      let s = outer;
      if (template !== undefined) s = new Env(template.slice(), outer, outer.f);
      else for (const i of lexSlots) s.v[i] = UNINIT;
      if (completion) s.f.cv = undefined;
      if (init) init(s);
      if (template !== undefined) s = new Env(s.v.slice(), outer, outer.f);
      for (;;) {
        if (test !== undefined && !truthy(test(s))) break;
        const c = body(s);
        if (c !== NORMAL) {
          const k = loopControl(s, c, labels);
          if (k === 1) break;
          if (k === 2) return c;
        }
        if (template !== undefined) s = new Env(s.v.slice(), outer, outer.f);
        if (update !== undefined) update(s);
        run.charge(1);
      }
      return NORMAL;
    };
  });
}

function exprStmt(e: Expr): Stmt {
  return (s) => {
    e(s);
    return NORMAL;
  };
}

/** The loop head binding of for-in/of: declaration (per-iteration env) or assignment target. */
function compileHead(
  ctx: Ctx,
  node: ES.ForInStatement | ES.ForOfStatement,
  scope: Scope | undefined,
) {
  const left = node.left;
  let bind: Bind;
  let fresh: Slot[] | undefined;
  let lexSlots: number[] = [];
  if (left.type === "VariableDeclaration") {
    const decl = left.declarations[0] as ES.VariableDeclarator;
    bind = ctx.within(scope, () =>
      compileBinding(ctx, decl.id, left.kind === "var" ? "assign" : "init"),
    );
    if (scope !== undefined) {
      if (scope.materialized) fresh = slotTemplate(scope);
      else lexSlots = [...scope.bindings.values()].map((b) => b.slot);
    }
  } else {
    bind = compileBinding(ctx, left as ES.Pattern, "assign");
  }
  /** Environment for evaluating the right-hand side: the loop bindings in TDZ. */
  const tdz = (s: Env): Env => {
    if (fresh !== undefined) return new Env(fresh.slice(), s, s.f);
    for (const i of lexSlots) s.v[i] = UNINIT;
    return s;
  };
  const iteration = (s: Env): Env => {
    if (fresh !== undefined) return new Env(fresh.slice(), s, s.f);
    for (const i of lexSlots) s.v[i] = UNINIT;
    return s;
  };
  return { bind, tdz, iteration };
}

export function ForOfStatement(node: ES.ForOfStatement, ctx: Ctx): Stmt {
  if (node.await) unsupported(node, "for await");
  const labels = takeLabels(ctx);
  const scope = ctx.scopeOf(node);
  const right = ctx.within(scope, () => compileExpr(ctx, node.right));
  const head = compileHead(ctx, node, scope);
  const body = ctx.within(scope, () => compileStmt(ctx, node.body));
  const completion = ctx.completion;
  return (s) => {
    const run = s.f.run;
    const iterable = right(head.tdz(s));
    if (completion) s.f.cv = undefined;
    if (
      iterable instanceof JSArray &&
      !iterable.sparse &&
      isPristineArrayIteration(run, iterable)
    ) {
      for (let i = 0; i < iterable.length; i++) {
        const env = head.iteration(s);
        head.bind(env, iterable.getIndex(run, i, iterable));
        const c = body(env);
        if (c !== NORMAL) {
          const k = loopControl(s, c, labels);
          if (k === 1) break;
          if (k === 2) return c;
        }
        run.charge(1);
      }
      return NORMAL;
    }
    const rec = getIterator(run, iterable);
    for (;;) {
      const v = iteratorStepValue(run, rec);
      if (v === DONE) return NORMAL;
      let c: number;
      try {
        const env = head.iteration(s);
        head.bind(env, v);
        c = body(env);
      } catch (e) {
        if (e instanceof ThrowSignal) iteratorClose(run, rec, true);
        throw e;
      }
      if (c !== NORMAL) {
        const k = loopControl(s, c, labels);
        if (k !== 0) {
          iteratorClose(run, rec, false);
          return k === 1 ? NORMAL : c;
        }
      }
      run.charge(1);
    }
  };
}

/** https://tc39.es/ecma262/#sec-enumerate-object-properties */
function* enumerate(run: Run, o: JSObject): Generator<string> {
  const visited = new Set<Key>();
  let obj: JSObject | null = o;
  while (obj !== null) {
    const keys = obj.ownKeys(run);
    for (const k of keys) {
      if (typeof k === "symbol") continue;
      if (visited.has(k)) continue;
      const d = obj.getOwnProperty(run, k);
      if (d === undefined) continue;
      visited.add(k);
      if (d.enumerable) yield k;
    }
    obj = obj.getPrototypeOf(run);
  }
}

export function ForInStatement(node: ES.ForInStatement, ctx: Ctx): Stmt {
  const labels = takeLabels(ctx);
  const scope = ctx.scopeOf(node);
  const right = ctx.within(scope, () => compileExpr(ctx, node.right));
  const head = compileHead(ctx, node, scope);
  const body = ctx.within(scope, () => compileStmt(ctx, node.body));
  const completion = ctx.completion;
  return (s) => {
    const run = s.f.run;
    const v = right(head.tdz(s));
    if (completion) s.f.cv = undefined;
    if (v === undefined || v === null) return NORMAL;
    const o = toObject(run, v);
    for (const k of enumerate(run, o)) {
      const env = head.iteration(s);
      head.bind(env, k);
      const c = body(env);
      if (c !== NORMAL) {
        const r = loopControl(s, c, labels);
        if (r === 1) break;
        if (r === 2) return c;
      }
      run.charge(1);
    }
    return NORMAL;
  };
}
