/**
 * Resumable forms of statements that contain `yield` or `await`, restating the evaluation order
 * of the synchronous compilers (compile/statements/) and sharing their helpers: block entry,
 * loop control, label handling, iterator closing. Statements without a suspension point inside
 * run as the ordinary closures.
 */
import type * as ES from "acorn";
import { getAsyncIterator } from "../../intrinsics/AsyncFromSyncIteratorPrototype.js";
import { strictlyEqual, toBoolean, toObject } from "../../runtime/conversions.js";
import { Env } from "../../runtime/frame.js";
import { AWAIT, GeneratorReturn, Suspend } from "../../runtime/generator.js";
import { DONE, getIterator, iteratorClose, iteratorStepValue } from "../../runtime/iteration.js";
import { call, getMethod } from "../../runtime/object-ops.js";
import { asGuestThrow, ThrowSignal, throwTypeError } from "../../runtime/throw.js";
import { JSObject } from "../../values/object.js";
import { UNINIT, type Value } from "../../values/value.js";
import { BREAK, type Ctx, NORMAL, RETURN } from "../context.js";
import { compileStmt } from "../dispatch.js";
import { compileBlockEntry, slotTemplate } from "../functions.js";
import { compileBinding, compileInitializer } from "../patterns.js";
import { compileInit } from "../references.js";
import type { Scope } from "../scope.js";
import { takeLabels } from "../statements/control.js";
import { loopControl } from "../statements/loops.js";
import { unsupported } from "../unsupported.js";
import { compileR, type RExpr } from "./expressions.js";
import { hasSuspend } from "./suspend-points.js";

export type RStmt = (s: Env) => Generator<Suspend, number, Value>;

export function compileRStmt(ctx: Ctx, node: ES.Statement | ES.ModuleDeclaration): RStmt {
  if (!hasSuspend(node)) {
    const st = compileStmt(ctx, node);
    return function* (s) {
      return st(s);
    };
  }
  const c = resumable[node.type];
  if (c === undefined) return unsupported(node, `'yield' or 'await' inside ${node.type}`);
  return c(node as never, ctx);
}

export function compileRStatements(ctx: Ctx, stmts: readonly ES.Node[]): RStmt {
  const list = stmts
    .filter((s) => s.type !== "EmptyStatement")
    .map((s) => compileRStmt(ctx, s as ES.Statement));
  return function* (s) {
    for (const st of list) {
      const c = yield* st(s);
      if (c !== NORMAL) return c;
    }
    return NORMAL;
  };
}

const resumable: Record<string, (node: never, ctx: Ctx) => RStmt> = {
  ExportNamedDeclaration(node: ES.ExportNamedDeclaration, ctx: Ctx): RStmt {
    return compileRStmt(ctx, node.declaration as ES.Declaration);
  },

  ExportDefaultDeclaration(node: ES.ExportDefaultDeclaration, ctx: Ctx): RStmt {
    const d = node.declaration;
    if (d.type === "FunctionDeclaration" || d.type === "ClassDeclaration") {
      return unsupported(node, "'await' inside an exported class heritage or key");
    }
    const value = compileR(ctx, d as ES.Expression);
    const init = compileInit(ctx, node as unknown as { start: number; name: string });
    return function* (s) {
      init(s, yield* value(s));
      return NORMAL;
    };
  },

  ExpressionStatement(node: ES.ExpressionStatement, ctx: Ctx): RStmt {
    const e = compileR(ctx, node.expression);
    return function* (s) {
      yield* e(s);
      return NORMAL;
    };
  },

  VariableDeclaration(node: ES.VariableDeclaration, ctx: Ctx): RStmt {
    const parts = node.declarations.map((d) => {
      if (hasSuspend(d.id))
        return unsupported(d.id, "'yield' or 'await' inside a destructuring pattern");
      const bind =
        d.init == null
          ? node.kind === "var"
            ? undefined
            : compileInit(ctx, d.id as ES.Identifier)
          : compileBinding(ctx, d.id, node.kind === "var" ? "assign" : "init");
      const value: RExpr | undefined =
        d.init == null
          ? undefined
          : hasSuspend(d.init)
            ? compileR(ctx, d.init)
            : wrapExpr(compileInitializer(ctx, d.id, d.init));
      return { bind, value };
    });
    return function* (s) {
      for (const { bind, value } of parts) {
        if (bind === undefined) continue;
        bind(s, value ? yield* value(s) : undefined);
      }
      return NORMAL;
    };
  },

  ReturnStatement(node: ES.ReturnStatement, ctx: Ctx): RStmt {
    const arg = compileR(ctx, node.argument as ES.Expression);
    const isAsyncGen = false;
    void isAsyncGen;
    return function* (s) {
      s.f.ret = yield* arg(s);
      return RETURN;
    };
  },

  ThrowStatement(node: ES.ThrowStatement, ctx: Ctx): RStmt {
    const arg = compileR(ctx, node.argument);
    return function* (s) {
      const v = yield* arg(s);
      s.f.pos = node.start;
      throw new ThrowSignal(v);
    };
  },

  IfStatement(node: ES.IfStatement, ctx: Ctx): RStmt {
    const test = compileR(ctx, node.test);
    const yes = compileRStmt(ctx, node.consequent);
    const no = node.alternate ? compileRStmt(ctx, node.alternate) : undefined;
    return function* (s) {
      if (toBoolean(yield* test(s))) return yield* yes(s);
      return no ? yield* no(s) : NORMAL;
    };
  },

  BlockStatement(node: ES.BlockStatement, ctx: Ctx): RStmt {
    const scope = ctx.scopeOf(node);
    const enter = compileBlockEntry(ctx, scope, node.body);
    const body = ctx.within(scope, () => compileRStatements(ctx, node.body));
    return function* (s) {
      return yield* body(enter ? enter(s) : s);
    };
  },

  LabeledStatement(node: ES.LabeledStatement, ctx: Ctx): RStmt {
    const label = node.label.name;
    ctx.pendingLabels.push(label);
    const iteration = /^(For|ForIn|ForOf|While|DoWhile)Statement$|^LabeledStatement$/.test(
      node.body.type,
    );
    if (!iteration) ctx.pendingLabels = [];
    const body = compileRStmt(ctx, node.body);
    ctx.pendingLabels = [];
    return function* (s) {
      const c = yield* body(s);
      if (c === BREAK && s.f.label === label) {
        s.f.label = undefined;
        return NORMAL;
      }
      return c;
    };
  },

  WhileStatement(node: ES.WhileStatement, ctx: Ctx): RStmt {
    const labels = takeLabels(ctx);
    const test = compileR(ctx, node.test);
    const body = compileRStmt(ctx, node.body);
    return function* (s) {
      while (toBoolean(yield* test(s))) {
        const c = yield* body(s);
        const k = c === NORMAL ? 0 : loopControl(s, c, labels);
        if (k === 1) break;
        if (k === 2) return c;
        s.f.run.charge(1);
      }
      return NORMAL;
    };
  },

  DoWhileStatement(node: ES.DoWhileStatement, ctx: Ctx): RStmt {
    const labels = takeLabels(ctx);
    const test = compileR(ctx, node.test);
    const body = compileRStmt(ctx, node.body);
    return function* (s) {
      do {
        const c = yield* body(s);
        const k = c === NORMAL ? 0 : loopControl(s, c, labels);
        if (k === 1) break;
        if (k === 2) return c;
        s.f.run.charge(1);
      } while (toBoolean(yield* test(s)));
      return NORMAL;
    };
  },

  ForStatement(node: ES.ForStatement, ctx: Ctx): RStmt {
    const labels = takeLabels(ctx);
    const scope = ctx.scopeOf(node);
    return ctx.within(scope, () => {
      const init = node.init
        ? node.init.type === "VariableDeclaration"
          ? compileRStmt(ctx, node.init)
          : exprAsStmt(compileR(ctx, node.init))
        : undefined;
      const test = node.test ? compileR(ctx, node.test) : undefined;
      const update = node.update ? compileR(ctx, node.update) : undefined;
      const body = compileRStmt(ctx, node.body);
      const template = scope?.materialized ? slotTemplate(scope) : undefined;
      const lexSlots =
        scope && !scope.materialized ? [...scope.bindings.values()].map((b) => b.slot) : [];
      return function* (outer: Env) {
        let s = outer;
        if (template !== undefined) s = new Env(template.slice(), outer, outer.f);
        else for (const i of lexSlots) s.v[i] = UNINIT;
        if (init) yield* init(s);
        if (template !== undefined) s = new Env(s.v.slice(), outer, outer.f);
        for (;;) {
          if (test && !toBoolean(yield* test(s))) break;
          const c = yield* body(s);
          const k = c === NORMAL ? 0 : loopControl(s, c, labels);
          if (k === 1) break;
          if (k === 2) return c;
          if (template !== undefined) s = new Env(s.v.slice(), outer, outer.f);
          if (update) yield* update(s);
          outer.f.run.charge(1);
        }
        return NORMAL;
      };
    });
  },

  ForOfStatement(node: ES.ForOfStatement, ctx: Ctx): RStmt {
    if (node.await) return compileForAwait(node, ctx);
    return compileForInOf(node, ctx, false);
  },

  ForInStatement(node: ES.ForInStatement, ctx: Ctx): RStmt {
    return compileForInOf(node, ctx, true);
  },

  TryStatement(node: ES.TryStatement, ctx: Ctx): RStmt {
    const block = compileRStmt(ctx, node.block);
    const h = node.handler;
    const scope = h ? ctx.scopeOf(h) : undefined;
    const bind = h?.param
      ? ctx.within(scope, () => compileBinding(ctx, h.param as ES.Pattern, "init"))
      : undefined;
    const handler = h ? ctx.within(scope, () => compileRStmt(ctx, h.body)) : undefined;
    const template = scope?.materialized ? slotTemplate(scope) : undefined;
    const fin = node.finalizer ? compileRStmt(ctx, node.finalizer) : undefined;
    const guarded = function* (s: Env): Generator<Suspend, number, Value> {
      if (!handler) return yield* block(s);
      try {
        return yield* block(s);
      } catch (e) {
        const g = asGuestThrow(s.f.run, e);
        if (g === undefined) throw e;
        const env = template ? new Env(template.slice(), s, s.f) : s;
        if (bind) bind(env, g.value);
        return yield* handler(env);
      }
    };
    if (!fin) return guarded;
    return function* (s) {
      let c: number;
      try {
        c = yield* guarded(s);
      } catch (e) {
        const g = e instanceof GeneratorReturn ? e : asGuestThrow(s.f.run, e);
        if (g === undefined) throw e;
        const fc = yield* fin(s);
        if (fc !== NORMAL) return fc;
        throw g;
      }
      const f = s.f;
      const ret = f.ret;
      const label = f.label;
      const fc = yield* fin(s);
      if (fc !== NORMAL) return fc;
      f.ret = ret;
      f.label = label;
      return c;
    };
  },

  SwitchStatement(node: ES.SwitchStatement, ctx: Ctx): RStmt {
    const disc = compileR(ctx, node.discriminant);
    const scope = ctx.scopeOf(node);
    const enter = compileBlockEntry(
      ctx,
      scope,
      node.cases.flatMap((c) => c.consequent),
    );
    takeLabels(ctx);
    const cases = ctx.within(scope, () =>
      node.cases.map((c) => ({
        test: c.test ? compileR(ctx, c.test) : undefined,
        body: compileRStatements(ctx, c.consequent),
      })),
    );
    const defaultIndex = node.cases.findIndex((c) => c.test == null);
    return function* (s) {
      const v = yield* disc(s);
      const e = enter ? enter(s) : s;
      let start = -1;
      for (let i = 0; i < cases.length; i++) {
        const t = cases[i]?.test;
        if (t && strictlyEqual(v, yield* t(e))) {
          start = i;
          break;
        }
      }
      if (start < 0) start = defaultIndex;
      if (start < 0) return NORMAL;
      for (let i = start; i < cases.length; i++) {
        const c = yield* (cases[i] as { body: RStmt }).body(e);
        if (c === NORMAL) continue;
        if (c === BREAK && s.f.label === undefined) return NORMAL;
        return c;
      }
      return NORMAL;
    };
  },
};

function wrapExpr(e: (s: Env) => Value): RExpr {
  return function* (s) {
    return e(s);
  };
}

function exprAsStmt(e: RExpr): RStmt {
  return function* (s) {
    yield* e(s);
    return NORMAL;
  };
}

/**
 * The parts for-in, for-of and for-await loops share: labels, the iterated expression, the
 * binding of each value, the body, and a fresh per-iteration environment for lexical heads.
 */
function compileLoopParts(node: ES.ForOfStatement | ES.ForInStatement, ctx: Ctx, head: string) {
  const labels = takeLabels(ctx);
  const scope = ctx.scopeOf(node) as Scope | undefined;
  const right = ctx.within(scope, () => compileR(ctx, node.right));
  const left = node.left;
  if (hasSuspend(left)) unsupported(left, `'yield' or 'await' inside ${head}`);
  const decl =
    left.type === "VariableDeclaration"
      ? (left.declarations[0] as ES.VariableDeclarator)
      : undefined;
  const bind = ctx.within(scope, () =>
    decl
      ? compileBinding(
          ctx,
          decl.id,
          (left as ES.VariableDeclaration).kind === "var" ? "assign" : "init",
        )
      : compileBinding(ctx, left as ES.Pattern, "assign"),
  );
  const body = ctx.within(scope, () => compileRStmt(ctx, node.body));
  const template = scope?.materialized ? slotTemplate(scope) : undefined;
  const lexSlots =
    scope && !scope.materialized ? [...scope.bindings.values()].map((b) => b.slot) : [];
  const fresh = (s: Env): Env => {
    if (template) return new Env(template.slice(), s, s.f);
    for (const i of lexSlots) s.v[i] = UNINIT;
    return s;
  };
  return { labels, right, bind, body, fresh };
}

function compileForInOf(
  node: ES.ForOfStatement | ES.ForInStatement,
  ctx: Ctx,
  isIn: boolean,
): RStmt {
  const { labels, right, bind, body, fresh } = compileLoopParts(node, ctx, "a for-in/of head");
  return function* (s) {
    const run = s.f.run;
    const iterable = yield* right(fresh(s));
    let keys: string[] | undefined;
    let rec: ReturnType<typeof getIterator> | undefined;
    if (isIn) {
      if (iterable === undefined || iterable === null) return NORMAL;
      keys = forInKeys(run, toObject(run, iterable));
    } else rec = getIterator(run, iterable);
    let index = 0;
    for (;;) {
      let v: Value;
      if (keys) {
        if (index >= keys.length) return NORMAL;
        v = keys[index++];
      } else {
        const x = iteratorStepValue(run, rec as NonNullable<typeof rec>);
        if (x === DONE) return NORMAL;
        v = x;
      }
      let c: number;
      try {
        const env = fresh(s);
        bind(env, v);
        c = yield* body(env);
      } catch (e) {
        if (rec && (e instanceof ThrowSignal || e instanceof GeneratorReturn))
          iteratorClose(run, rec, true);
        throw e;
      }
      const k = c === NORMAL ? 0 : loopControl(s, c, labels);
      if (k !== 0) {
        if (rec) iteratorClose(run, rec, false);
        return k === 1 ? NORMAL : c;
      }
      run.charge(1);
    }
  };
}

/** Snapshot of for-in keys (resumable loops cannot hold the lazy enumerator across yields safely). */
function forInKeys(run: Env["f"]["run"], o: import("../../values/object.js").JSObject): string[] {
  const out: string[] = [];
  const seen = new Set<string | symbol>();
  for (
    let obj: import("../../values/object.js").JSObject | null = o;
    obj !== null;
    obj = obj.getPrototypeOf(run)
  ) {
    for (const k of obj.ownKeys(run)) {
      if (typeof k === "symbol" || seen.has(k)) continue;
      seen.add(k);
      const d = obj.getOwnProperty(run, k);
      if (d?.enumerable) out.push(k);
    }
  }
  return out;
}

/** `for await (x of y)`: each step awaits the iterator result (https://tc39.es/ecma262/#sec-forin-div-ofbodyevaluation-lhs-stmt-iterator-lhskind-labelset). */
function compileForAwait(node: ES.ForOfStatement, ctx: Ctx): RStmt {
  const { labels, right, bind, body, fresh } = compileLoopParts(node, ctx, "a for-await head");
  return function* (s) {
    const run = s.f.run;
    const rec = getAsyncIterator(run, yield* right(fresh(s)));
    const it = rec.iterator;
    const close = function* (throwing: boolean): Generator<Suspend, void, Value> {
      let ret: Value;
      try {
        const m = getMethod(run, it, "return");
        if (m === undefined) return;
        ret = m.call(run, it, []);
        ret = yield new Suspend(AWAIT, ret);
      } catch (e) {
        if (throwing && e instanceof ThrowSignal) return;
        throw e;
      }
      if (!throwing && !(ret instanceof JSObject))
        throwTypeError(run, "iterator.return() did not return an object");
    };
    for (;;) {
      let result = call(run, rec.next, it, []);
      result = yield new Suspend(AWAIT, result);
      if (!(result instanceof JSObject))
        return throwTypeError(run, "Iterator result is not an object");
      if (toBoolean(result.get(run, "done", result))) return NORMAL;
      const v = result.get(run, "value", result);
      let c: number;
      try {
        const env = fresh(s);
        bind(env, v);
        c = yield* body(env);
      } catch (e) {
        if (e instanceof ThrowSignal || e instanceof GeneratorReturn)
          yield* close(e instanceof ThrowSignal);
        throw e;
      }
      const k = c === NORMAL ? 0 : loopControl(s, c, labels);
      if (k !== 0) {
        yield* close(false);
        return k === 1 ? NORMAL : c;
      }
      run.charge(1);
    }
  };
}
